// test_analysis.cpp: touchpoint UX/CX scores, quadrants, volume-weighted aggregates, weakest
// links, priority and comparison, on small journeys built by hand (working in the comments).
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>

#include "core/analysis.h"
#include "test_metrics_util.h"

using namespace uxcx;
using namespace uxcx::test;

TEST_SUITE("touchpoint scores") {

TEST_CASE("UX score is the equal-weight mean of the normalised UX metrics") {
    Touchpoint t = touchpoint("t");
    t.sets[0].get(Metric::Sus) = value(80);
    t.sets[0].get(Metric::Seq) = value(5.5);  // (5.5-1)/6*100 = 75
    Analysis a = analyse(journey_of({t}));
    CHECK(a.touchpoints[0].ux.value == near(77.5));  // (80 + 75)/2
    CHECK_FALSE(a.touchpoints[0].cx.present());
}

TEST_CASE("scoring weights change the mean; weight 0 shows the metric but leaves it out") {
    Touchpoint t = touchpoint("t");
    t.sets[0].get(Metric::Sus) = value(80);
    t.sets[0].get(Metric::Seq) = value(5.5);  // 75
    Journey j = journey_of({t});
    j.scoring.weights[(int)Metric::Sus] = 3;
    CHECK(analyse(j).touchpoints[0].ux.value == near(78.75));  // (3*80 + 75)/4
    j.scoring.weights[(int)Metric::Sus] = 1;
    j.scoring.weights[(int)Metric::Seq] = 0;
    Analysis a = analyse(j);
    CHECK(a.touchpoints[0].ux.value == near(80));
    REQUIRE(a.touchpoints[0].metrics.size() == 2);  // SEQ is still listed
    CHECK(a.touchpoints[0].metrics[1].metric == Metric::Seq);
    CHECK(a.touchpoints[0].metrics[1].score.value == near(75));
}

TEST_CASE("CX score is the mean of NPS, CSAT and CES on 0-100") {
    Touchpoint t = touchpoint("t");
    t.sets[0].get(Metric::Nps) = counts({50, 30, 20});  // NPS 30 -> 65
    t.sets[0].get(Metric::Csat) = value(85);            // 85
    t.sets[0].get(Metric::Ces) = value(4);              // 50
    CHECK(analyse(journey_of({t})).touchpoints[0].cx.value == near(66.6667));  // 200/3
}

TEST_CASE("combined interval: half-widths added in quadrature, divided by the total weight") {
    // SUS {80, sd 10, n 10}: half = t(9)*10/sqrt(10) = 7.1536
    // SEQ {5.5, sd 1.2, n 10}: half = 0.85843*100/6 = 14.3071
    // UX = 77.5, half = sqrt(7.1536^2 + 14.3071^2)/2 = 7.9979 -> [69.502, 85.498]
    Touchpoint t = touchpoint("t");
    t.sets[0].get(Metric::Sus) = mean_sd_n(80, 10, 10);
    t.sets[0].get(Metric::Seq) = mean_sd_n(5.5, 1.2, 10);
    Score ux = analyse(journey_of({t})).touchpoints[0].ux;
    CHECK(ux.low == near(69.502));
    CHECK(ux.high == near(85.498));
    CHECK(ux.n == 10.0);
}

TEST_CASE("one metric without an interval leaves the combined score without one") {
    Touchpoint t = touchpoint("t");
    t.sets[0].get(Metric::Sus) = mean_sd_n(80, 10, 10);
    t.sets[0].get(Metric::Seq) = value_n(5.5, 10);  // no sd
    Score ux = analyse(journey_of({t})).touchpoints[0].ux;
    CHECK(ux.value == near(77.5));
    CHECK(std::isnan(ux.low));
    CHECK(std::isnan(ux.high));
}

TEST_CASE("a single metric keeps its own asymmetric interval") {
    // task success 4 of 5: adjusted Wald [35.962, 97.968] around 80
    Touchpoint t = touchpoint("t");
    t.sets[0].get(Metric::TaskSuccess) = counts({4, 5});
    Score ux = analyse(journey_of({t})).touchpoints[0].ux;
    CHECK(ux.value == near(80));
    CHECK(ux.low == near(35.962));
    CHECK(ux.high == near(97.968));
}

TEST_CASE("a combined score's n is its smallest n, and marks it insufficient") {
    Touchpoint t = touchpoint("t");
    t.sets[0].get(Metric::Sus) = value_n(80, 10);
    t.sets[0].get(Metric::TaskSuccess) = counts({3, 4});  // n 4 < minUxN 5
    Score ux = analyse(journey_of({t})).touchpoints[0].ux;
    CHECK(ux.n == 4.0);
    CHECK(ux.insufficient);
    CHECK(ux.present());  // marked, not hidden
}

TEST_CASE("time on task without a target is listed but does not count") {
    Touchpoint t = touchpoint("t");
    t.sets[0].get(Metric::Sus) = value(80);
    t.sets[0].get(Metric::TimeOnTask) = value(90);
    Journey j = journey_of({t});
    Analysis a = analyse(j);
    CHECK(a.touchpoints[0].ux.value == near(80));
    CHECK(a.touchpoints[0].metrics.size() == 2);
    j.touchpoints[0].sets[0].timeTarget = 60;  // 60/90*100 = 66.667
    CHECK(analyse(j).touchpoints[0].ux.value == near(73.3333));  // (80 + 66.667)/2
}

TEST_CASE("metrics are listed in Metric order") {
    Touchpoint t = touchpoint("t");
    t.sets[0].get(Metric::Ces) = value(5);
    t.sets[0].get(Metric::Sus) = value(70);
    t.sets[0].get(Metric::Nps) = value(10);
    Analysis a = analyse(journey_of({t}));
    const auto& ms = a.touchpoints[0].metrics;
    REQUIRE(ms.size() == 3);
    CHECK(ms[0].metric == Metric::Sus);
    CHECK(ms[1].metric == Metric::Nps);
    CHECK(ms[2].metric == Metric::Ces);
}

TEST_CASE("an offline touchpoint has no UX score, whatever it carries") {
    Touchpoint t = touchpoint("call", -1, 0);
    t.sets[0].get(Metric::Sus) = value(80);
    t.sets[0].get(Metric::Nps) = value(20);  // 60
    Journey j = journey_of({t}, 0, 1);
    j.channels[0].digital = false;
    TouchpointScore s = analyse(j).touchpoints[0];
    CHECK_FALSE(s.ux.present());
    CHECK(s.cx.value == near(60));
    CHECK(s.quadrant == Quadrant::CxOnly);
    REQUIRE(s.metrics.size() == 1);
    CHECK(s.metrics[0].metric == Metric::Nps);
    // the same touchpoint in the "Unassigned" lane counts as digital
    j.touchpoints[0].channel = -1;
    CHECK(analyse(j).touchpoints[0].ux.value == near(80));
}

TEST_CASE("the chosen measurement set is read; a missing one has no data") {
    Touchpoint t = touchpoint("t");
    t.sets.resize(2);
    t.sets[0].get(Metric::Sus) = value(50);
    t.sets[1].get(Metric::Sus) = value(70);
    t.sets[1].emotion = 1.5;
    Journey j = journey_of({t});
    j.sets.push_back({"future", "Future", "", {}});
    CHECK(analyse(j, 0).touchpoints[0].ux.value == 50.0);
    Analysis a1 = analyse(j, 1);
    CHECK(a1.set == 1);
    CHECK(a1.touchpoints[0].ux.value == 70.0);
    CHECK(a1.touchpoints[0].emotion == 1.5);
    CHECK(std::isnan(analyse(j, 0).touchpoints[0].emotion));
    CHECK_FALSE(analyse(j, 5).touchpoints[0].ux.present());
}

}  // TEST_SUITE

TEST_SUITE("quadrants") {

TEST_CASE("ids and labels") {
    CHECK(std::strcmp(quadrant_id(Quadrant::GoodUxGoodCx), "good-ux-good-cx") == 0);
    CHECK(std::strcmp(quadrant_id(Quadrant::GoodUxPoorCx), "good-ux-poor-cx") == 0);
    CHECK(std::strcmp(quadrant_id(Quadrant::PoorUxGoodCx), "poor-ux-good-cx") == 0);
    CHECK(std::strcmp(quadrant_id(Quadrant::PoorUxPoorCx), "poor-ux-poor-cx") == 0);
    CHECK(std::strcmp(quadrant_id(Quadrant::CxOnly), "cx-only") == 0);
    CHECK(std::strcmp(quadrant_id(Quadrant::NoData), "no-data") == 0);
    CHECK(std::strcmp(quadrant_label(Quadrant::GoodUxGoodCx), "Good UX \xC2\xB7 Good CX") == 0);
    CHECK(std::strcmp(quadrant_label(Quadrant::GoodUxPoorCx), "Good UX \xC2\xB7 Poor CX") == 0);
    CHECK(std::strcmp(quadrant_label(Quadrant::PoorUxGoodCx), "Poor UX \xC2\xB7 Good CX") == 0);
    CHECK(std::strcmp(quadrant_label(Quadrant::PoorUxPoorCx), "Poor UX \xC2\xB7 Poor CX") == 0);
    CHECK(std::strcmp(quadrant_label(Quadrant::CxOnly), "CX only") == 0);
    CHECK(std::strcmp(quadrant_label(Quadrant::NoData), "No data") == 0);
}

TEST_CASE("exactly at the threshold counts as good") {
    // threshold 60; NaN leaves a side out
    Journey j = journey_of({scored("a", 60, 60), scored("b", 59.9, 60), scored("c", 60, 59.9),
                            scored("d", 59.9, 59.9), scored("e", NAN, 70), scored("f", 70, NAN),
                            scored("g", NAN, NAN)});
    Analysis a = analyse(j);
    CHECK(a.touchpoints[0].quadrant == Quadrant::GoodUxGoodCx);
    CHECK(a.touchpoints[1].quadrant == Quadrant::PoorUxGoodCx);
    CHECK(a.touchpoints[2].quadrant == Quadrant::GoodUxPoorCx);
    CHECK(a.touchpoints[3].quadrant == Quadrant::PoorUxPoorCx);
    CHECK(a.touchpoints[4].quadrant == Quadrant::CxOnly);
    CHECK(a.touchpoints[5].quadrant == Quadrant::NoData);  // UX only: not on the chart
    CHECK(a.touchpoints[5].ux.value == 70.0);              // but its UX score still shows
    CHECK(a.touchpoints[6].quadrant == Quadrant::NoData);
}

TEST_CASE("a score at the threshold is decided exactly, not in floating-point noise") {
    // Task success 0.58 scores 100 * 0.58 = 57.99999999999999 in binary floating point; NPS 16
    // scores (16 + 100) / 2 = 58. With threshold 58 both are at it: good, and nothing below it.
    Touchpoint t = touchpoint("a");
    t.sets[0].get(Metric::TaskSuccess) = value(0.58);
    t.sets[0].get(Metric::Nps) = value(16);
    Journey j = journey_of({t});
    j.scoring.threshold = 58;
    Analysis a = analyse(j);
    CHECK(a.touchpoints[0].ux.value < 58);  // the noise is real...
    CHECK(a.touchpoints[0].quadrant == Quadrant::GoodUxGoodCx);  // ...and decides nothing
    CHECK(a.touchpoints[0].priority == 0.0);  // nothing below the threshold: no shortfall
}

TEST_CASE("the threshold comes from scoring") {
    Journey j = journey_of({scored("a", 65, 65)});
    CHECK(analyse(j).touchpoints[0].quadrant == Quadrant::GoodUxGoodCx);
    j.scoring.threshold = 70;
    CHECK(analyse(j).touchpoints[0].quadrant == Quadrant::PoorUxPoorCx);
}

TEST_CASE("gap is UX minus CX, only when both are present") {
    Analysis a = analyse(journey_of({scored("a", 85, 40), scored("b", NAN, 40)}));
    CHECK(a.touchpoints[0].gap == near(45));
    CHECK(std::isnan(a.touchpoints[1].gap));
}

}  // TEST_SUITE

TEST_SUITE("aggregates") {

TEST_CASE("stage scores are volume-weighted") {
    // A: UX 80, CX 50, volume 300; B: UX 40, CX 70, volume 100, both in stage 0
    // UX = (80*300 + 40*100)/400 = 70; CX = (50*300 + 70*100)/400 = 55; gap 15
    Touchpoint a = scored("a", 80, 50, 0, 0), b = scored("b", 40, 70, 0, 0);
    a.volume = 300;
    b.volume = 100;
    Analysis an = analyse(journey_of({a, b}, 2, 1));
    REQUIRE(an.stages.size() == 3);  // 2 stages + Unassigned
    const GroupScore& s0 = an.stages[0];
    CHECK(s0.ux.value == near(70));
    CHECK(s0.cx.value == near(55));
    CHECK(s0.gap == near(15));
    CHECK(s0.volume == 400.0);
    CHECK(s0.count == 2);
    CHECK(an.stages[1].count == 0);
    CHECK_FALSE(an.stages[1].ux.present());
    CHECK(an.journey.ux.value == near(70));
    CHECK(an.channels[0].cx.value == near(55));
}

TEST_CASE("without any volume every touchpoint weighs the same") {
    Analysis an = analyse(journey_of({scored("a", 80, 50, 0), scored("b", 40, 70, 0)}, 1));
    CHECK(an.stages[0].ux.value == near(60));
    CHECK(an.stages[0].cx.value == near(60));
    CHECK(an.stages[0].volume == 0.0);
}

TEST_CASE("a touchpoint without volume weighs the median of the given volumes") {
    // volumes 300, -, 100: median of {300, 100} = 200 for the middle one
    // UX = (80*300 + 40*200 + 20*100)/600 = 34000/600 = 56.667
    Touchpoint a = scored("a", 80, NAN), b = scored("b", 40, NAN), c = scored("c", 20, NAN);
    a.volume = 300;
    c.volume = 100;
    Analysis an = analyse(journey_of({a, b, c}));
    CHECK(an.journey.ux.value == near(56.6667));
    CHECK(an.journey.volume == 400.0);  // the volumes the file gave
    CHECK(an.journey.count == 3);
}

TEST_CASE("a group whose volumes are all 0 falls back to equal weights") {
    Touchpoint a = scored("a", 80, NAN), b = scored("b", 40, NAN);
    a.volume = 0;
    b.volume = 0;
    CHECK(analyse(journey_of({a, b})).journey.ux.value == near(60));
}

TEST_CASE("a volume-0 touchpoint counts in neither the group's score nor its n or interval") {
    // A: SUS {80, sd 10, n 10}, volume 100; B: SUS 20 with n 2 and no sd, volume 0. The group's
    // score is A's alone (80), so its n is 10 (not 2: not insufficient) and A's interval stands.
    Touchpoint a = touchpoint("a", 0), b = touchpoint("b", 0);
    a.sets[0].get(Metric::Sus) = mean_sd_n(80, 10, 10);
    b.sets[0].get(Metric::Sus) = value_n(20, 2);
    a.volume = 100;
    b.volume = 0;
    Analysis an = analyse(journey_of({a, b}, 1));
    for (const GroupScore* g : {&an.stages[0], &an.journey}) {
        CHECK(g->ux.value == near(80));
        CHECK(g->ux.n == 10.0);
        CHECK_FALSE(g->ux.insufficient);
        CHECK(g->ux.low == near(72.8464));  // 80 - t(9) * 10 / sqrt(10) = 80 - 7.1536
        CHECK(g->ux.high == near(87.1536));
        CHECK(g->count == 2);  // it is still one of the group's touchpoints
    }
    // All volumes 0: equal weights, so both count, n and interval included.
    a.volume = 0;
    Analysis eq = analyse(journey_of({a, b}, 1));
    CHECK(eq.journey.ux.value == near(50));
    CHECK(eq.journey.ux.n == 2.0);
    CHECK(std::isnan(eq.journey.ux.low));
}

TEST_CASE("aggregate interval: weighted half-widths in quadrature") {
    // A: SUS {80, sd 10, n 10} half 7.1536, volume 300; B: SUS {60, sd 20, n 10} half 14.3071,
    // volume 100. UX = (240 + 60)/4 = 75 (weights 3:1),
    // half = sqrt((3*7.1536)^2 + (1*14.3071)^2)/4 = 6.4481 -> [68.552, 81.448]
    Touchpoint a = touchpoint("a"), b = touchpoint("b");
    a.sets[0].get(Metric::Sus) = mean_sd_n(80, 10, 10);
    b.sets[0].get(Metric::Sus) = mean_sd_n(60, 20, 10);
    a.volume = 300;
    b.volume = 100;
    Journey j = journey_of({a, b});
    Score ux = analyse(j).journey.ux;
    CHECK(ux.value == near(75));
    CHECK(ux.low == near(68.552));
    CHECK(ux.high == near(81.448));
    CHECK(ux.n == 10.0);
    j.touchpoints[1].sets[0].get(Metric::Sus) = value_n(60, 10);  // no sd: no interval
    CHECK(std::isnan(analyse(j).journey.ux.low));
}

TEST_CASE("an aggregate is insufficient when its thinnest touchpoint is") {
    Touchpoint a = touchpoint("a"), b = touchpoint("b");
    a.sets[0].get(Metric::Nps) = counts({100, 50, 50});  // n 200
    b.sets[0].get(Metric::Nps) = counts({10, 5, 5});     // n 20 < 30
    Score cx = analyse(journey_of({a, b})).journey.cx;
    CHECK(cx.n == 20.0);
    CHECK(cx.insufficient);
}

TEST_CASE("emotion is the volume-weighted mean of the touchpoints that have one") {
    // emotions 1 (volume 300) and -2 (volume 100): (300 - 200)/400 = 0.25
    Touchpoint a = scored("a", 80, NAN), b = scored("b", 40, NAN), c = scored("c", 40, NAN);
    a.volume = 300;
    b.volume = 100;
    c.volume = 600;
    a.sets[0].emotion = 1;
    b.sets[0].emotion = -2;
    CHECK(analyse(journey_of({a, b, c})).journey.emotion == near(0.25));  // c has none
}

TEST_CASE("unassigned and out-of-range stages and channels land in the last row and column") {
    // 2 stages, 1 channel: S = 3, C = 2; cells[s*C + c]
    Journey j = journey_of({scored("a", 80, NAN, -1, 0), scored("b", 40, NAN, 7, -1),
                            scored("c", 20, NAN, 1, 0)},
                           2, 1);
    Analysis an = analyse(j);
    REQUIRE(an.channels.size() == 2);
    REQUIRE(an.cells.size() == 6);
    CHECK(an.stages[2].count == 2);               // a and b
    CHECK(an.stages[2].ux.value == near(60));     // (80 + 40)/2
    CHECK(an.channels[1].count == 1);             // b
    CHECK(an.cells[2 * 2 + 0].ux.value == 80.0);  // a: Unassigned stage, channel 0
    CHECK(an.cells[2 * 2 + 1].ux.value == 40.0);  // b: Unassigned x Unassigned
    CHECK(an.cells[1 * 2 + 0].ux.value == 20.0);  // c
    CHECK(an.cells[0].count == 0);
}

}  // TEST_SUITE

TEST_SUITE("ranking") {

TEST_CASE("weakest links: lowest min(ux, cx), ties by index, at most five") {
    // min: t0 70, t1 30, t2 50, t3 60, t4 -, t5 30, t6 40, t7 95
    Journey j = journey_of({scored("t0", 80, 70), scored("t1", 30, 90), scored("t2", NAN, 50),
                            scored("t3", 60, 60), scored("t4", NAN, NAN), scored("t5", 90, 30),
                            scored("t6", 40, NAN), scored("t7", 95, 95)});
    CHECK(analyse(j).weakest == std::vector<int>{1, 5, 6, 2, 3});
}

// Threshold 60. shortfall = max(0, 60 - min(ux, cx)); the gap is not a term
//   A: 80 / 40  -> 20
//   B: 50 / 55  -> 10
//   C: - / 90   -> 0
//   D: no data  -> 0, last
//   E: 30 / 30, CX from 10 answers (< 30) -> 30, halved: 15
static Journey priority_journey() {
    Touchpoint e = scored("E", 30, NAN);
    e.sets[0].get(Metric::Csat) = value_n(30, 10);
    return journey_of({scored("A", 80, 40), scored("B", 50, 55), scored("C", NAN, 90), scored("D", NAN, NAN), e});
}

TEST_CASE("priority without volumes: shortfall, halved on thin evidence") {
    Analysis a = analyse(priority_journey());
    CHECK(a.touchpoints[0].priority == near(20));
    CHECK(a.touchpoints[1].priority == near(10));
    CHECK(a.touchpoints[2].priority == 0.0);
    CHECK(a.touchpoints[3].priority == 0.0);
    CHECK(a.touchpoints[4].priority == near(15));
    CHECK(a.priority == std::vector<int>{0, 4, 1, 2, 3});
}

TEST_CASE("priority scales with the square root of volume relative to the median") {
    // volumes A 100, B 1600, C 400, D 400, E 400; median of those with data {100,1600,400,400}
    // = 400. A 20*sqrt(100/400) = 10; B 10*sqrt(4) = 20; E 15*1 = 15; C 0; D no data.
    Journey j = priority_journey();
    const double vols[] = {100, 1600, 400, 400, 400};
    for (int i = 0; i < 5; i++) j.touchpoints[i].volume = vols[i];
    Analysis a = analyse(j);
    CHECK(a.touchpoints[0].priority == near(10));
    CHECK(a.touchpoints[1].priority == near(20));
    CHECK(a.touchpoints[4].priority == near(15));
    CHECK(a.priority == std::vector<int>{1, 4, 0, 2, 3});
}

TEST_CASE("equal priorities keep file order; no data sorts after a zero priority") {
    Journey j = journey_of({scored("n", NAN, NAN), scored("x", 50, 50), scored("ok", 90, 90), scored("y", 50, 50)});
    CHECK(analyse(j).priority == std::vector<int>{1, 3, 2, 0});
}

}  // TEST_SUITE

TEST_SUITE("compare") {

static Touchpoint sus(const char* id, Reading r) {
    Touchpoint t = touchpoint(id);
    t.sets[0].get(Metric::Sus) = r;
    return t;
}

TEST_CASE("touchpoints are paired by id; changes are b - a with their significance") {
    // SUS {m, sd 10, n 20}: half = t(19)*10/sqrt(20) = 2.09302*2.23607 = 4.6801;
    // the difference's half-width = sqrt(2)*4.6801 = 6.6187
    //   t1 70 -> 80: change 10 > 6.6187, significant
    //   t2 50 -> 55: change 5 < 6.6187, not
    //   t5 50 -> 90 without sd: no interval, not significant
    Journey ja = journey_of({sus("t1", mean_sd_n(70, 10, 20)), sus("t2", mean_sd_n(50, 10, 20)),
                             sus("t3", value(60)), sus("t5", value_n(50, 20))});
    Journey jb = journey_of({sus("t4", value(60)), sus("t2", mean_sd_n(55, 10, 20)),
                             sus("t1", mean_sd_n(80, 10, 20)), sus("t5", value_n(90, 20))});
    Analysis a = analyse(ja), b = analyse(jb);
    Comparison c = compare(ja, a, jb, b);
    REQUIRE(c.changes.size() == 4);
    CHECK(c.matchInB == std::vector<int>{2, 1, -1, 3});
    CHECK(c.changes[0].ux == near(10));
    CHECK(c.changes[0].uxSignificant);
    CHECK(c.changes[1].ux == near(5));
    CHECK_FALSE(c.changes[1].uxSignificant);
    CHECK(std::isnan(c.changes[2].ux));  // t3 is not in b
    CHECK(c.changes[3].ux == near(40));
    CHECK_FALSE(c.changes[3].uxSignificant);
    // ... and not "not significant" either: with no interval the answer is unknown.
    CHECK(c.changes[3].uxUnknown);
    CHECK_FALSE(c.changes[0].uxUnknown);  // both intervals known: a verdict
    CHECK_FALSE(c.changes[1].uxUnknown);
    CHECK_FALSE(c.changes[2].uxUnknown);  // no change at all: nothing to judge
    CHECK(std::isnan(c.changes[0].cx));  // no CX on either side
    CHECK_FALSE(c.changes[0].cxSignificant);
    CHECK_FALSE(c.changes[0].cxUnknown);
    CHECK(c.missingInB == std::vector<int>{0});  // t4 is only in b
    CHECK(c.journeyA.ux.value == near(a.journey.ux.value));
    CHECK(c.journeyB.ux.value == near(b.journey.ux.value));
}

TEST_CASE("two measurement sets of one journey") {
    // NPS 50/30/20 (65 [57.346, 72.654]) -> 70/20/10 (NPS 60, score 80):
    // SE_b = 100*sqrt((0.7 + 0.1 - 0.36)/100) = 6.6332, half 13.001 on NPS, 6.5005 on 0-100;
    // half_a = 7.6540; change 15 > sqrt(7.6540^2 + 6.5005^2) = 10.042: significant
    Touchpoint t = touchpoint("t");
    t.sets.resize(2);
    t.sets[0].get(Metric::Nps) = counts({50, 30, 20});
    t.sets[1].get(Metric::Nps) = counts({70, 20, 10});
    Journey j = journey_of({t});
    j.sets.push_back({"q2", "Q2", "", {}});
    Analysis a = analyse(j, 0), b = analyse(j, 1);
    Comparison c = compare(j, a, j, b);
    CHECK(c.changes[0].cx == near(15));
    CHECK(c.changes[0].cxSignificant);
    CHECK(c.missingInB.empty());
}

}  // TEST_SUITE
