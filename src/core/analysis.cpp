// analysis.cpp: touchpoint UX and CX scores, quadrants, volume-weighted aggregates, weakest links,
// priority ranking and the comparison of two analyses (docs/metrics.md gives every rule).
#include "core/analysis.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace uxcx {

const char* quadrant_id(Quadrant q) {
    switch (q) {
    case Quadrant::GoodUxGoodCx: return "good-ux-good-cx";
    case Quadrant::GoodUxPoorCx: return "good-ux-poor-cx";
    case Quadrant::PoorUxGoodCx: return "poor-ux-good-cx";
    case Quadrant::PoorUxPoorCx: return "poor-ux-poor-cx";
    case Quadrant::CxOnly: return "cx-only";
    case Quadrant::NoData: return "no-data";
    }
    return "no-data";
}

const char* quadrant_label(Quadrant q) {
    switch (q) {
    case Quadrant::GoodUxGoodCx: return "Good UX \u00B7 Good CX";
    case Quadrant::GoodUxPoorCx: return "Good UX \u00B7 Poor CX";
    case Quadrant::PoorUxGoodCx: return "Poor UX \u00B7 Good CX";
    case Quadrant::PoorUxPoorCx: return "Poor UX \u00B7 Poor CX";
    case Quadrant::CxOnly: return "CX only";
    case Quadrant::NoData: return "No data";
    }
    return "No data";
}

namespace {

double clamp100(double x) { return std::clamp(x, 0.0, 100.0); }

// Running sums for a weighted mean of scores and its interval. The lower and upper half-widths
// are combined separately, assuming independent errors: half = sqrt(sum (w_i h_i)^2) / sum w_i.
// For one score this gives back its own (possibly asymmetric) interval. Equal-weight sums are
// kept too, for a group whose weights are all 0 (every volume 0).
struct ScoreSum {
    double w = 0, wv = 0, wLo2 = 0, wHi2 = 0;  // weighted
    double k = 0, v = 0, lo2 = 0, hi2 = 0;     // equal weights
    double minN = kNaN;
    bool open = false;  // some score has no interval: the combination has none either

    void add(const Score& s, double weight) {
        if (!s.present()) return;
        const double lo = s.value - s.low, hi = s.high - s.value;
        if (std::isnan(lo) || std::isnan(hi)) open = true;
        w += weight;
        wv += weight * s.value;
        wLo2 += weight * weight * lo * lo;
        wHi2 += weight * weight * hi * hi;
        k += 1;
        v += s.value;
        lo2 += lo * lo;
        hi2 += hi * hi;
        if (!std::isnan(s.n)) minN = std::isnan(minN) ? s.n : std::min(minN, s.n);
    }

    Score result(double minRequired) const {
        Score s;
        if (k == 0) return s;
        double value, lo, hi;
        if (w > 0) {
            value = wv / w, lo = std::sqrt(wLo2) / w, hi = std::sqrt(wHi2) / w;
        } else {
            value = v / k, lo = std::sqrt(lo2) / k, hi = std::sqrt(hi2) / k;
        }
        s.value = value;
        if (!open) {
            s.low = clamp100(value - lo);
            s.high = clamp100(value + hi);
        }
        s.n = minN;
        s.insufficient = !std::isnan(minN) && minN < minRequired;
        return s;
    }
};

// Sums for one group: a stage, a channel, a cell or the journey.
struct GroupSum {
    ScoreSum ux, cx;
    double ew = 0, ewe = 0, ek = 0, ee = 0;  // emotion, weighted and equal
    double volume = 0;
    int count = 0;

    void add(const TouchpointScore& t, double weight, double volume_) {
        ux.add(t.ux, weight);
        cx.add(t.cx, weight);
        if (!std::isnan(t.emotion)) {
            ew += weight, ewe += weight * t.emotion;
            ek += 1, ee += t.emotion;
        }
        volume += volume_;
        count++;
    }

    GroupScore result(const Scoring& s) const {
        GroupScore g;
        g.ux = ux.result(s.minUxN);
        g.cx = cx.result(s.minCxN);
        if (g.ux.present() && g.cx.present()) g.gap = g.ux.value - g.cx.value;
        g.emotion = ew > 0 ? ewe / ew : ek > 0 ? ee / ek : kNaN;
        g.volume = volume;
        g.count = count;
        return g;
    }
};

Quadrant quadrant_of(const Score& ux, const Score& cx, double threshold) {
    if (!cx.present()) return Quadrant::NoData;  // a UX-only touchpoint has no place on the chart
    if (!ux.present()) return Quadrant::CxOnly;
    const bool goodUx = ux.value >= threshold, goodCx = cx.value >= threshold;
    if (goodUx) return goodCx ? Quadrant::GoodUxGoodCx : Quadrant::GoodUxPoorCx;
    return goodCx ? Quadrant::PoorUxGoodCx : Quadrant::PoorUxPoorCx;
}

// Median in O(n) (reorders v). v must not be empty.
double median(std::vector<double>& v) {
    const size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + mid, v.end());
    const double upper = v[mid];
    if (v.size() % 2) return upper;
    return (*std::max_element(v.begin(), v.begin() + mid) + upper) / 2;
}

bool has_volume(const Touchpoint& t) { return t.volume && *t.volume >= 0 && std::isfinite(*t.volume); }

double lowest(const TouchpointScore& t) {
    if (t.ux.present() && t.cx.present()) return std::min(t.ux.value, t.cx.value);
    return t.ux.present() ? t.ux.value : t.cx.value;
}

TouchpointScore score_touchpoint(const Journey& j, const Touchpoint& tp, int set) {
    TouchpointScore t;
    if (set < 0 || set >= (int)tp.sets.size()) return t;
    const Measurement& m = tp.sets[set];
    const Scoring& scoring = j.scoring;
    // An offline channel has no interface to measure: its UX readings are ignored (the loader
    // already refuses them; this keeps a hand-built journey honest too).
    const bool offline = tp.channel >= 0 && tp.channel < (int)j.channels.size() && !j.channels[tp.channel].digital;

    int present = 0;
    for (int i = 0; i < kMetricCount; i++)
        if (m.metrics[i] && !(offline && is_ux_metric((Metric)i))) present++;
    t.metrics.reserve(present);

    ScoreSum ux, cx;
    for (int i = 0; i < kMetricCount; i++) {
        const Metric metric = (Metric)i;
        if (!m.metrics[i] || (offline && is_ux_metric(metric))) continue;
        t.metrics.push_back(score_metric(metric, *m.metrics[i], m, scoring));
        const double w = scoring.weights[i];
        if (w > 0) (is_ux_metric(metric) ? ux : cx).add(t.metrics.back().score, w);
    }
    t.ux = ux.result(scoring.minUxN);
    t.cx = cx.result(scoring.minCxN);
    if (t.ux.present() && t.cx.present()) t.gap = t.ux.value - t.cx.value;
    t.quadrant = quadrant_of(t.ux, t.cx, scoring.threshold);
    t.emotion = m.emotion ? *m.emotion : kNaN;
    return t;
}

}  // namespace

Analysis analyse(const Journey& j, int set) {
    Analysis a;
    a.set = set;
    const int n = (int)j.touchpoints.size();
    a.touchpoints.resize(n);
    for (int i = 0; i < n; i++) a.touchpoints[i] = score_touchpoint(j, j.touchpoints[i], set);

    // Weights: the volume when given; with no volume anywhere every touchpoint weighs 1; with
    // some missing, the missing ones weigh the median of the given ones.
    std::vector<double> weight(n, 1.0);
    {
        std::vector<double> given;
        for (const Touchpoint& tp : j.touchpoints)
            if (has_volume(tp)) given.push_back(*tp.volume);
        if (!given.empty()) {
            const double med = median(given);
            for (int i = 0; i < n; i++) weight[i] = has_volume(j.touchpoints[i]) ? *j.touchpoints[i].volume : med;
        }
    }

    // Aggregates, one pass. The last stage / channel is "Unassigned".
    const int S = (int)j.stages.size() + 1, C = (int)j.channels.size() + 1;
    std::vector<GroupSum> stages(S), channels(C), cells((size_t)S * C);
    GroupSum journey;
    for (int i = 0; i < n; i++) {
        const Touchpoint& tp = j.touchpoints[i];
        const int s = tp.stage >= 0 && tp.stage < S - 1 ? tp.stage : S - 1;
        const int c = tp.channel >= 0 && tp.channel < C - 1 ? tp.channel : C - 1;
        const double vol = has_volume(tp) ? *tp.volume : 0;
        const TouchpointScore& t = a.touchpoints[i];
        stages[s].add(t, weight[i], vol);
        channels[c].add(t, weight[i], vol);
        cells[(size_t)s * C + c].add(t, weight[i], vol);
        journey.add(t, weight[i], vol);
    }
    a.stages.reserve(S);
    for (const GroupSum& g : stages) a.stages.push_back(g.result(j.scoring));
    a.channels.reserve(C);
    for (const GroupSum& g : channels) a.channels.push_back(g.result(j.scoring));
    a.cells.reserve(cells.size());
    for (const GroupSum& g : cells) a.cells.push_back(g.result(j.scoring));
    a.journey = journey.result(j.scoring);

    // Priority (docs/metrics.md, "Priority"): severity below the threshold plus half the UX-CX
    // gap, times the square root of the touchpoint's weight relative to the median weight,
    // halved on insufficient evidence.
    const double T = j.scoring.threshold;
    double medWeight = 0;
    {
        std::vector<double> w;
        for (int i = 0; i < n; i++)
            if (a.touchpoints[i].ux.present() || a.touchpoints[i].cx.present()) w.push_back(weight[i]);
        if (!w.empty()) medWeight = median(w);
    }
    std::vector<std::pair<double, int>> order(n);  // (key, index); key -1: no data, sorts last
    for (int i = 0; i < n; i++) {
        TouchpointScore& t = a.touchpoints[i];
        order[i] = {-1.0, i};
        if (!t.ux.present() && !t.cx.present()) continue;
        const double severity = std::max(0.0, T - lowest(t)) + (std::isnan(t.gap) ? 0 : 0.5 * std::fabs(t.gap));
        const double reach = medWeight > 0 ? std::sqrt(weight[i] / medWeight) : 1.0;
        const bool thin = (t.ux.present() && t.ux.insufficient) || (t.cx.present() && t.cx.insufficient);
        t.priority = severity * reach * (thin ? 0.5 : 1.0);
        order[i].first = t.priority;
    }
    std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    a.priority.reserve(n);
    for (const auto& o : order) a.priority.push_back(o.second);

    // Weakest links: the five lowest min(ux, cx), ties by index; insertion into a short list
    // keeps it O(n).
    constexpr int kWeakest = 5;
    for (int i = 0; i < n; i++) {
        const TouchpointScore& t = a.touchpoints[i];
        if (!t.ux.present() && !t.cx.present()) continue;
        const double v = lowest(t);
        if ((int)a.weakest.size() == kWeakest && v >= lowest(a.touchpoints[a.weakest.back()])) continue;
        auto at = std::find_if(a.weakest.begin(), a.weakest.end(),
                               [&](int k) { return v < lowest(a.touchpoints[k]); });
        a.weakest.insert(at, i);
        if ((int)a.weakest.size() > kWeakest) a.weakest.pop_back();
    }
    return a;
}

namespace {

// A change is significant when it exceeds the 95% half-width of the difference of two
// independent estimates, sqrt(ha^2 + hb^2); unknown when either interval is unknown.
bool significant(const Score& a, const Score& b, double change) {
    const double ha = (a.high - a.low) / 2, hb = (b.high - b.low) / 2;
    if (std::isnan(change) || std::isnan(ha) || std::isnan(hb)) return false;
    return std::fabs(change) > std::sqrt(ha * ha + hb * hb);
}

}  // namespace

Comparison compare(const Journey& ja, const Analysis& a, const Journey& jb, const Analysis& b) {
    Comparison cmp;
    const int na = (int)ja.touchpoints.size(), nb = (int)jb.touchpoints.size();
    std::unordered_map<std::string_view, int> inB;
    inB.reserve(nb);
    for (int i = 0; i < nb; i++) inB.emplace(jb.touchpoints[i].id, i);  // first of a duplicate id wins

    std::vector<char> matched(nb, 0);
    cmp.changes.resize(na);
    cmp.matchInB.assign(na, -1);
    for (int i = 0; i < na; i++) {
        auto it = inB.find(ja.touchpoints[i].id);
        if (it == inB.end()) continue;
        cmp.matchInB[i] = it->second;
        matched[it->second] = 1;
        if (i >= (int)a.touchpoints.size() || it->second >= (int)b.touchpoints.size()) continue;
        const TouchpointScore &ta = a.touchpoints[i], &tb = b.touchpoints[it->second];
        Change& c = cmp.changes[i];
        c.ux = tb.ux.value - ta.ux.value;  // NaN unless both present
        c.cx = tb.cx.value - ta.cx.value;
        c.uxSignificant = significant(ta.ux, tb.ux, c.ux);
        c.cxSignificant = significant(ta.cx, tb.cx, c.cx);
    }
    for (int i = 0; i < nb; i++)
        if (!matched[i]) cmp.missingInB.push_back(i);
    cmp.journeyA = a.journey;
    cmp.journeyB = b.journey;
    return cmp;
}

}  // namespace uxcx
