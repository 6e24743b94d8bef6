// metrics.cpp: one reading to a 0-100 score with its 95% interval (docs/metrics.md,
// "Normalisation" and "Intervals"). Every metric is scored so that higher is better.
#include <algorithm>
#include <cmath>

#include "core/analysis.h"
#include "core/stats.h"

namespace uxcx {

namespace {

double clamp100(double x) { return std::clamp(x, 0.0, 100.0); }

double sum(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return s;
}

// Counts are used only when they have the expected shape and a positive total; the loader
// checks them, this is the defensive second line.
bool usable_counts(const Reading& r, size_t size) {
    if (r.counts.size() != size) return false;
    for (double c : r.counts)
        if (!(c >= 0) || !std::isfinite(c)) return false;
    return true;
}

// The reading's sample size, in the loader's order: the total of its counts, else its own n,
// else the ux / cx block's n.
double resolve_n(Metric m, const Reading& r, const Measurement& owner) {
    if (!r.counts.empty()) {
        double total = sum(r.counts);
        if (m == Metric::TaskSuccess && r.counts.size() == 2) total = r.counts[1];  // {successes, attempts}
        if (total > 0 && std::isfinite(total)) return total;
    }
    if (r.n && *r.n > 0) return *r.n;
    const std::optional<double>& block = is_ux_metric(m) ? owner.uxN : owner.cxN;
    if (block && *block > 0) return *block;
    return kNaN;
}

// The mean of a rating scale with its t interval, mapped to 0-100 by the linear map a + b*x.
void mean_score(Score& s, double mean, const Reading& r, double n, double a, double b) {
    s.value = clamp100(a + b * mean);
    if (r.sd && *r.sd >= 0 && n >= 2) {
        const double half = t_quantile_975(n - 1) * *r.sd / std::sqrt(n);
        s.low = clamp100(a + b * (mean - half));
        s.high = clamp100(a + b * (mean + half));
    }
}

// A proportion of "good" outcomes (x of n) scored as a percentage, adjusted-Wald interval.
void proportion_interval(Score& s, double x, double n) {
    if (!(n > 0)) return;
    const Interval ci = adjusted_wald(std::clamp(x, 0.0, n), n);
    s.low = 100 * ci.low;
    s.high = 100 * ci.high;
}

}  // namespace

MetricScore score_metric(Metric m, const Reading& r, const Measurement& owner, const Scoring& scoring) {
    MetricScore ms;
    ms.metric = m;
    ms.value = r.value;
    Score& s = ms.score;
    const double n = resolve_n(m, r, owner);
    s.n = n;

    switch (m) {
    case Metric::Sus:
    case Metric::UmuxLite:  // both already 0-100
        if (std::isfinite(r.value)) mean_score(s, r.value, r, n, 0, 1);
        break;
    case Metric::Seq:
    case Metric::Ces:  // 1..7 -> (x - 1) / 6 * 100
        if (std::isfinite(r.value)) mean_score(s, r.value, r, n, -100.0 / 6, 100.0 / 6);
        break;
    case Metric::TaskSuccess: {
        double x = r.value * n;
        if (usable_counts(r, 2) && r.counts[1] > 0) {  // {successes, attempts}
            ms.value = r.counts[0] / r.counts[1];
            x = r.counts[0];
        }
        if (!std::isfinite(ms.value)) break;
        s.value = clamp100(100 * ms.value);
        proportion_interval(s, x, n);
        break;
    }
    case Metric::ErrorRate:  // the share without errors is the "good" proportion
        if (!std::isfinite(r.value)) break;
        s.value = clamp100(100 * (1 - r.value));
        proportion_interval(s, (1 - r.value) * n, n);
        break;
    case Metric::TimeOnTask: {
        // value: geometric mean seconds; sd: SD of ln(seconds). Faster than target scores 100.
        if (!owner.timeTarget || !(*owner.timeTarget > 0) || !(r.value > 0) || !std::isfinite(r.value)) break;
        const double target = *owner.timeTarget;
        auto score_of = [&](double t) { return 100 * std::min(1.0, target / t); };
        s.value = score_of(r.value);
        if (r.sd && *r.sd >= 0 && n >= 2) {
            const double half = t_quantile_975(n - 1) * *r.sd / std::sqrt(n);
            const double tLow = std::exp(std::log(r.value) - half), tHigh = std::exp(std::log(r.value) + half);
            s.low = score_of(tHigh);  // longer time, lower score: the ends swap
            s.high = score_of(tLow);
        }
        break;
    }
    case Metric::Nps: {
        if (usable_counts(r, 3) && sum(r.counts) > 0) {  // {promoters, passives, detractors}
            const double total = sum(r.counts);
            const double p = r.counts[0] / total, d = r.counts[2] / total;
            ms.value = 100 * (p - d);
            const Interval ci = nps_adjusted_wald(r.counts[0], r.counts[1], r.counts[2]);
            s.low = (ci.low + 100) / 2;
            s.high = (ci.high + 100) / 2;
        }
        if (!std::isfinite(ms.value)) break;
        s.value = clamp100((ms.value + 100) / 2);
        break;
    }
    case Metric::Csat: {
        double x = r.value / 100 * n;
        if ((usable_counts(r, 5) || usable_counts(r, 7)) && sum(r.counts) > 0) {  // top-2-box: 4-5 (6-7 of 1-7)
            const size_t k = r.counts.size();
            x = r.counts[k - 2] + r.counts[k - 1];
            ms.value = 100 * x / sum(r.counts);
        }
        if (!std::isfinite(ms.value)) break;
        s.value = clamp100(ms.value);
        proportion_interval(s, x, n);
        break;
    }
    case Metric::Count: break;
    }

    if (!s.present()) s.low = s.high = kNaN;
    const double minN = is_ux_metric(m) ? scoring.minUxN : scoring.minCxN;
    s.insufficient = !std::isnan(n) && n < minN;
    return ms;
}

}  // namespace uxcx
