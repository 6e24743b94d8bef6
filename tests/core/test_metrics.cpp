// test_metrics.cpp: each metric's normalisation to 0-100 and its 95% interval, against values
// worked by hand (the working is in the comments; t values from a standard t table).
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>

#include "core/analysis.h"
#include "core/stats.h"
#include "test_metrics_util.h"

using namespace uxcx;
using namespace uxcx::test;

TEST_SUITE("stats") {

TEST_CASE("t quantile matches the t table to 3 decimals") {
    // Two-sided 95% critical values: df 1 12.706, 4 2.776, 9 2.262 (tabulated region),
    // 10 2.228, 19 2.093, 29 2.045, 39 2.023, 120 1.980 (expansion region).
    CHECK(t_quantile_975(1) == near(12.706));
    CHECK(t_quantile_975(4) == near(2.776));
    CHECK(t_quantile_975(9) == near(2.262));
    CHECK(t_quantile_975(10) == near(2.228));
    CHECK(t_quantile_975(19) == near(2.093));
    CHECK(t_quantile_975(29) == near(2.045));
    CHECK(t_quantile_975(39) == near(2.023));
    CHECK(t_quantile_975(120) == near(1.980));
    CHECK(std::isnan(t_quantile_975(0)));  // one observation: no interval
}

TEST_CASE("adjusted Wald reproduces Tullis's published 4 of 5 example") {
    // Tullis & Albert, measuringux.com/adjustedwald.htm: 4/5 -> p_adj = 5.9208/8.8416 = 0.6696,
    // half = 1.96*sqrt(0.6696*0.3304/8.8416) = 0.3100 -> [0.3596, 0.9796].
    Interval ci = adjusted_wald(4, 5);
    CHECK(ci.low == near(0.3596));
    CHECK(ci.high == near(0.9796));
}

TEST_CASE("adjusted Wald clamps to [0, 1]") {
    // 9/10: p_adj = 10.9208/13.8416 = 0.78898, half = 1.96*sqrt(0.78898*0.21102/13.8416)
    // = 0.21496 -> [0.5740, 1.0039], the upper end clamped to 1.
    Interval ci = adjusted_wald(9, 10);
    CHECK(ci.low == near(0.5740));
    CHECK(ci.high == 1.0);
    // 0/5: p_adj = 1.9208/8.8416 = 0.21725, half = 1.96*sqrt(0.21725*0.78275/8.8416) = 0.27182
    // -> [-0.0546, 0.4891], the lower end clamped to 0.
    ci = adjusted_wald(0, 5);
    CHECK(ci.low == 0.0);
    CHECK(ci.high == near(0.4891));
}

TEST_CASE("NPS standard error from promoter and detractor shares") {
    // p = 0.5, d = 0.2, n = 100: 100*sqrt((0.5 + 0.2 - 0.3^2)/100) = 100*sqrt(0.0061) = 7.8102
    CHECK(nps_standard_error(0.5, 0.2, 100) == near(7.8102));
    // all promoters: p + d - (p - d)^2 = 1 - 1 = 0, no spread
    CHECK(nps_standard_error(1, 0, 50) == 0.0);
}

}  // TEST_SUITE

TEST_SUITE("normalisation") {

TEST_CASE("SUS and UMUX-Lite are already on 0-100") {
    CHECK(score(Metric::Sus, value(72)).score.value == 72.0);
    CHECK(score(Metric::Sus, value(0)).score.value == 0.0);
    CHECK(score(Metric::Sus, value(100)).score.value == 100.0);
    CHECK(score(Metric::UmuxLite, value(68.5)).score.value == 68.5);
}

TEST_CASE("SEQ and CES map 1..7 to 0..100 by (x-1)/6*100") {
    CHECK(score(Metric::Seq, value(1)).score.value == near(0));
    CHECK(score(Metric::Seq, value(7)).score.value == near(100));
    CHECK(score(Metric::Seq, value(5.5)).score.value == near(75));  // 4.5/6*100
    CHECK(score(Metric::Ces, value(4)).score.value == near(50));    // 3/6*100
    CHECK(score(Metric::Ces, value(2)).score.value == near(16.6667));  // 1/6*100
}

TEST_CASE("NPS maps -100..100 to 0..100 by (x+100)/2") {
    CHECK(score(Metric::Nps, value(-100)).score.value == 0.0);
    CHECK(score(Metric::Nps, value(0)).score.value == 50.0);
    CHECK(score(Metric::Nps, value(30)).score.value == 65.0);
    CHECK(score(Metric::Nps, value(100)).score.value == 100.0);
}

TEST_CASE("CSAT is the top-2-box percentage") {
    CHECK(score(Metric::Csat, value(85)).score.value == 85.0);
    // answers 1..5 = {2, 3, 5, 20, 20}: top-2-box (4 and 5) = 40 of 50 = 80 %
    MetricScore ms = score(Metric::Csat, counts({2, 3, 5, 20, 20}));
    CHECK(ms.value == near(80));
    CHECK(ms.score.value == near(80));
    CHECK(ms.score.n == 50.0);
}

TEST_CASE("task success is x*100, from a proportion or from counts") {
    CHECK(score(Metric::TaskSuccess, value(0.8)).score.value == near(80));
    MetricScore ms = score(Metric::TaskSuccess, counts({9, 10}));  // 9 of 10 attempts
    CHECK(ms.value == near(0.9));
    CHECK(ms.score.value == near(90));
    CHECK(ms.score.n == 10.0);  // n is the attempts, not successes + attempts
}

TEST_CASE("error rate scores (1-x)*100") {
    CHECK(score(Metric::ErrorRate, value(0)).score.value == 100.0);
    CHECK(score(Metric::ErrorRate, value(0.1)).score.value == near(90));
    CHECK(score(Metric::ErrorRate, value(1)).score.value == 0.0);
}

TEST_CASE("time on task scores min(1, target/time)*100 and needs a target") {
    Measurement m;
    m.timeTarget = 60;
    CHECK(score(Metric::TimeOnTask, value(45), m).score.value == 100.0);  // faster than target
    CHECK(score(Metric::TimeOnTask, value(60), m).score.value == 100.0);  // exactly on target
    CHECK(score(Metric::TimeOnTask, value(90), m).score.value == near(66.6667));  // 60/90
    MetricScore noTarget = score(Metric::TimeOnTask, value(90));
    CHECK(noTarget.value == 90.0);  // still shown
    CHECK_FALSE(noTarget.score.present());
}

TEST_CASE("out-of-range values are clamped to the 0-100 scale") {
    CHECK(score(Metric::Sus, value(104)).score.value == 100.0);
    CHECK(score(Metric::TaskSuccess, value(1.2)).score.value == 100.0);
    CHECK(score(Metric::ErrorRate, value(1.5)).score.value == 0.0);
    CHECK_FALSE(score(Metric::Sus, value(NAN)).score.present());
}

}  // TEST_SUITE

TEST_SUITE("intervals") {

TEST_CASE("a mean with sd and n gets a t interval") {
    // SUS {72, sd 17, n 40}: t(39) = 2.02269, half = 2.02269*17/sqrt(40) = 5.4369 -> [66.563, 77.437]
    MetricScore ms = score(Metric::Sus, mean_sd_n(72, 17, 40));
    CHECK(ms.score.value == 72.0);
    CHECK(ms.score.low == near(66.563));
    CHECK(ms.score.high == near(77.437));
    CHECK(ms.score.n == 40.0);
}

TEST_CASE("a 1-7 mean's interval is mapped by the same linear map") {
    // SEQ {5.5, sd 1.2, n 10}: t(9) = 2.26216, half = 2.26216*1.2/sqrt(10) = 0.85843
    // -> [4.64157, 6.35843] -> (x-1)/6*100 = [60.693, 89.307]
    MetricScore ms = score(Metric::Seq, mean_sd_n(5.5, 1.2, 10));
    CHECK(ms.score.low == near(60.693));
    CHECK(ms.score.high == near(89.307));
}

TEST_CASE("a t interval is clamped to the scale") {
    // SUS {95, sd 10, n 5}: t(4) = 2.77645, half = 2.77645*10/sqrt(5) = 12.4166 -> [82.583, 107.4]
    MetricScore ms = score(Metric::Sus, mean_sd_n(95, 10, 5));
    CHECK(ms.score.low == near(82.583));
    CHECK(ms.score.high == 100.0);
}

TEST_CASE("no sd, or a single answer, means no interval") {
    MetricScore ms = score(Metric::Sus, value_n(72, 40));
    CHECK(ms.score.present());
    CHECK(std::isnan(ms.score.low));
    CHECK(std::isnan(ms.score.high));
    CHECK(std::isnan(score(Metric::Sus, mean_sd_n(72, 17, 1)).score.low));
}

TEST_CASE("NPS from counts: adjusted-Wald interval (3/4 added to promoters and detractors, 3 to n)") {
    // 50 promoters, 30 passives, 20 detractors: NPS = 50 - 20 = 30 (the point stays the observed one).
    // n' = 103, p' = 50.75/103 = 0.492718, d' = 20.75/103 = 0.201456, NPS' = 29.1262;
    // SE = 100*sqrt((0.694175 - 0.0848336)/103) = 7.69151, half = 1.96*7.69151 = 15.0754
    // -> [14.0509, 44.2016] NPS -> (x+100)/2 = 65 [57.0254, 72.1008]
    MetricScore ms = score(Metric::Nps, counts({50, 30, 20}));
    CHECK(ms.value == near(30));
    CHECK(ms.score.value == near(65));
    CHECK(ms.score.low == near(57.0254));
    CHECK(ms.score.high == near(72.1008));
    CHECK(ms.score.n == 100.0);
}

TEST_CASE("NPS interval does not collapse when every answer is in one bucket") {
    // 40 promoters of 40: the plain Wald interval was [100, 100]. n' = 43, p' = 40.75/43 = 0.947674,
    // d' = 0.75/43 = 0.0174419, NPS' = 93.0233, SE = 100*sqrt((0.965116 - 0.865333)/43) = 4.81721,
    // half = 9.44173 -> [83.5815, 102.465] -> clamped [83.5815, 100] -> score 100 [91.7908, 100]
    MetricScore ms = score(Metric::Nps, counts({40, 0, 0}));
    CHECK(ms.score.value == 100.0);
    CHECK(ms.score.low == near(91.7908));
    CHECK(ms.score.high == 100.0);
    // 40 detractors of 40 mirror it; 40 passives of 40: NPS 0 [-5.5826, 5.5826] -> 50 [47.2087, 52.7913]
    ms = score(Metric::Nps, counts({0, 0, 40}));
    CHECK(ms.score.value == 0.0);
    CHECK(ms.score.low == 0.0);
    CHECK(ms.score.high == near(8.2092));
    ms = score(Metric::Nps, counts({0, 40, 0}));
    CHECK(ms.score.low == near(47.2087));
    CHECK(ms.score.high == near(52.7913));
}

TEST_CASE("NPS as a bare number has no interval") {
    MetricScore ms = score(Metric::Nps, value_n(40, 200));
    CHECK(ms.score.value == 70.0);
    CHECK(std::isnan(ms.score.low));
    CHECK(ms.score.n == 200.0);
}

TEST_CASE("CSAT interval by adjusted Wald, from counts or from a percentage with n") {
    // 40 of 50 in the top two boxes: p_adj = 41.9208/53.8416 = 0.77859,
    // half = 1.96*sqrt(0.77859*0.22141/53.8416) = 0.11090 -> [66.769, 88.950] %
    MetricScore fromCounts = score(Metric::Csat, counts({2, 3, 5, 20, 20}));
    CHECK(fromCounts.score.low == near(66.769));
    CHECK(fromCounts.score.high == near(88.950));
    MetricScore fromShare = score(Metric::Csat, value_n(80, 50));  // x = 0.8*50 = 40: the same
    CHECK(fromShare.score.low == near(66.769));
    CHECK(fromShare.score.high == near(88.950));
}

TEST_CASE("task success interval by adjusted Wald") {
    // 4 of 5: [0.3596, 0.9796] (Tullis) -> [35.96, 97.97] on 0-100; the same from 0.8 with n 5
    MetricScore a = score(Metric::TaskSuccess, counts({4, 5}));
    CHECK(a.score.value == near(80));
    CHECK(a.score.low == near(35.962));
    CHECK(a.score.high == near(97.968));
    MetricScore b = score(Metric::TaskSuccess, value_n(0.8, 5));
    CHECK(b.score.low == near(35.962));
    CHECK(b.score.high == near(97.968));
}

TEST_CASE("error rate interval by adjusted Wald on 1-x") {
    // error rate 0.2 of 5: error-free share 0.8 of 5 = 4 of 5 -> [35.962, 97.968]
    MetricScore ms = score(Metric::ErrorRate, value_n(0.2, 5));
    CHECK(ms.score.value == near(80));
    CHECK(ms.score.low == near(35.962));
    CHECK(ms.score.high == near(97.968));
}

TEST_CASE("time on task interval on the log scale, ends swapped by the score") {
    // geometric mean 90 s, SD of ln(times) 0.5, n 10, target 60 s:
    // half on ln scale = t(9)*0.5/sqrt(10) = 2.26216*0.15811 = 0.35768
    // time interval = 90*exp(-+0.35768) = [62.937, 128.701] s
    // score = 60/90*100 = 66.667; low = 60/128.701*100 = 46.620, high = 60/62.937*100 = 95.334
    Measurement m;
    m.timeTarget = 60;
    MetricScore ms = score(Metric::TimeOnTask, mean_sd_n(90, 0.5, 10), m);
    CHECK(ms.value == 90.0);
    CHECK(ms.score.value == near(66.6667));
    CHECK(ms.score.low == near(46.620));
    CHECK(ms.score.high == near(95.334));
}

TEST_CASE("time on task interval is capped at 100 where the time beats the target") {
    // gm 50 s, target 60: score 100; upper time end 50*exp(0.35768) = 71.5003 s
    // -> 60/71.5003*100 = 83.916
    Measurement m;
    m.timeTarget = 60;
    MetricScore ms = score(Metric::TimeOnTask, mean_sd_n(50, 0.5, 10), m);
    CHECK(ms.score.value == 100.0);
    CHECK(ms.score.low == near(83.916));
    CHECK(ms.score.high == 100.0);
}

}  // TEST_SUITE

TEST_SUITE("evidence") {

TEST_CASE("below the minimum sample size a score is marked, not hidden") {
    Scoring s;  // minUxN 5, minCxN 30
    MetricScore few = score(Metric::Sus, value_n(72, 4), {}, s);
    CHECK(few.score.present());
    CHECK(few.score.insufficient);
    CHECK_FALSE(score(Metric::Sus, value_n(72, 5), {}, s).score.insufficient);  // exactly the minimum
    // NPS counts 10/5/5 = 20 answers < 30
    CHECK(score(Metric::Nps, counts({10, 5, 5}), {}, s).score.insufficient);
    CHECK_FALSE(score(Metric::Nps, counts({15, 10, 5}), {}, s).score.insufficient);  // 30
}

TEST_CASE("unknown n is not insufficient but n stays unknown") {
    MetricScore ms = score(Metric::Sus, value(72));
    CHECK(std::isnan(ms.score.n));
    CHECK_FALSE(ms.score.insufficient);
}

TEST_CASE("n falls back to the ux / cx block's n") {
    Measurement m;
    m.uxN = 12;
    m.cxN = 400;
    CHECK(score(Metric::Sus, value(72), m).score.n == 12.0);
    CHECK(score(Metric::Nps, value(10), m).score.n == 400.0);
    // a reading's own n wins over the block's
    CHECK(score(Metric::Sus, value_n(72, 8), m).score.n == 8.0);
}

}  // TEST_SUITE
