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

// The weight of one touchpoint in aggregates and priority: its volume when given; with no volume
// anywhere every touchpoint weighs 1; with some missing, the missing ones weigh the median of the
// given ones (Analysis::medianVolume, NaN when none is given).
double weight_of(const Touchpoint& tp, double medianVolume) {
    if (has_volume(tp)) return *tp.volume;
    return std::isnan(medianVolume) ? 1.0 : medianVolume;
}

double median_volume(const Journey& j) {
    std::vector<double> given;
    given.reserve(j.touchpoints.size());
    for (const Touchpoint& tp : j.touchpoints)
        if (has_volume(tp)) given.push_back(*tp.volume);
    return given.empty() ? kNaN : median(given);
}

// The median weight of the touchpoints that have a score (priority's reach is relative to it).
double median_weight(const Journey& j, const Analysis& a) {
    std::vector<double> w;
    w.reserve(j.touchpoints.size());
    for (size_t i = 0; i < j.touchpoints.size(); i++)
        if (a.touchpoints[i].ux.present() || a.touchpoints[i].cx.present())
            w.push_back(weight_of(j.touchpoints[i], a.medianVolume));
    return w.empty() ? 0 : median(w);
}

// Aggregates, one pass in touchpoint order (so an incremental update sums exactly as a full one
// does). Only the groups marked dirty are summed again; the journey total always is. The last
// stage / channel is "Unassigned".
void sum_groups(const Journey& j, Analysis& a, const std::vector<char>& stageDirty,
                const std::vector<char>& channelDirty) {
    const int n = (int)j.touchpoints.size();
    const int S = (int)j.stages.size() + 1, C = (int)j.channels.size() + 1;
    std::vector<GroupSum> stages(S), channels(C), cells((size_t)S * C);
    GroupSum journey;
    for (int i = 0; i < n; i++) {
        const Touchpoint& tp = j.touchpoints[i];
        const int s = tp.stage >= 0 && tp.stage < S - 1 ? tp.stage : S - 1;
        const int c = tp.channel >= 0 && tp.channel < C - 1 ? tp.channel : C - 1;
        const double vol = has_volume(tp) ? *tp.volume : 0;
        const double w = weight_of(tp, a.medianVolume);
        const TouchpointScore& t = a.touchpoints[i];
        if (stageDirty[s]) stages[s].add(t, w, vol);
        if (channelDirty[c]) channels[c].add(t, w, vol);
        if (stageDirty[s] && channelDirty[c]) cells[(size_t)s * C + c].add(t, w, vol);
        journey.add(t, w, vol);
    }
    a.stages.resize(S);
    a.channels.resize(C);
    a.cells.resize(cells.size());
    for (int s = 0; s < S; s++)
        if (stageDirty[s]) a.stages[s] = stages[s].result(j.scoring);
    for (int c = 0; c < C; c++)
        if (channelDirty[c]) a.channels[c] = channels[c].result(j.scoring);
    for (int s = 0; s < S; s++)
        for (int c = 0; c < C; c++)
            if (stageDirty[s] && channelDirty[c]) a.cells[(size_t)s * C + c] = cells[(size_t)s * C + c].result(j.scoring);
    a.journey = journey.result(j.scoring);
}

// Priority (docs/metrics.md, "Priority"): severity below the threshold plus half the UX-CX gap,
// times the square root of the touchpoint's weight relative to the median weight, halved on
// insufficient evidence. -1: no data (sorts last).
double priority_key(const Journey& j, Analysis& a, int i) {
    TouchpointScore& t = a.touchpoints[i];
    t.priority = 0;
    if (!t.ux.present() && !t.cx.present()) return -1.0;
    const double severity =
        std::max(0.0, j.scoring.threshold - lowest(t)) + (std::isnan(t.gap) ? 0 : 0.5 * std::fabs(t.gap));
    const double weight = weight_of(j.touchpoints[i], a.medianVolume);
    const double reach = a.medianWeight > 0 ? std::sqrt(weight / a.medianWeight) : 1.0;
    const bool thin = (t.ux.present() && t.ux.insufficient) || (t.cx.present() && t.cx.insufficient);
    t.priority = severity * reach * (thin ? 0.5 : 1.0);
    return t.priority;
}

double sort_key(const TouchpointScore& t) { return t.ux.present() || t.cx.present() ? t.priority : -1.0; }

// Fix first first; equal keys by index.
bool before(const Analysis& a, int x, int y) {
    const double kx = sort_key(a.touchpoints[x]), ky = sort_key(a.touchpoints[y]);
    return kx != ky ? kx > ky : x < y;
}

void rank_all(const Journey& j, Analysis& a) {
    const int n = (int)j.touchpoints.size();
    std::vector<std::pair<double, int>> order(n);
    for (int i = 0; i < n; i++) order[i] = {priority_key(j, a, i), i};
    std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    a.priority.clear();
    a.priority.reserve(n);
    for (const auto& o : order) a.priority.push_back(o.second);
}

// Weakest links: the five lowest min(ux, cx), ties by index; insertion into a short list keeps it
// O(n).
void find_weakest(Analysis& a) {
    constexpr int kWeakest = 5;
    a.weakest.clear();
    for (int i = 0; i < (int)a.touchpoints.size(); i++) {
        const TouchpointScore& t = a.touchpoints[i];
        if (!t.ux.present() && !t.cx.present()) continue;
        const double v = lowest(t);
        if ((int)a.weakest.size() == kWeakest && v >= lowest(a.touchpoints[a.weakest.back()])) continue;
        auto at = std::find_if(a.weakest.begin(), a.weakest.end(),
                               [&](int k) { return v < lowest(a.touchpoints[k]); });
        a.weakest.insert(at, i);
        if ((int)a.weakest.size() > kWeakest) a.weakest.pop_back();
    }
}

}  // namespace

Analysis analyse(const Journey& j, int set) {
    Analysis a;
    a.set = set;
    const int n = (int)j.touchpoints.size();
    a.touchpoints.resize(n);
    for (int i = 0; i < n; i++) a.touchpoints[i] = score_touchpoint(j, j.touchpoints[i], set);
    a.medianVolume = median_volume(j);
    sum_groups(j, a, std::vector<char>(j.stages.size() + 1, 1), std::vector<char>(j.channels.size() + 1, 1));
    a.medianWeight = median_weight(j, a);
    rank_all(j, a);
    find_weakest(a);
    return a;
}

void reanalyse(const Journey& j, Analysis& a, const AnalysisDelta& d) {
    const int n = (int)j.touchpoints.size();
    if (d.full || a.set < 0) {
        a = analyse(j, a.set < 0 ? 0 : a.set);
        return;
    }
    // 1. The list's shape: a touchpoint inserted, erased or moved shifts the others' indices.
    auto remap = [&](int i) {
        if (d.erased >= 0) return i > d.erased ? i - 1 : i;
        if (d.inserted >= 0) return i >= d.inserted ? i + 1 : i;
        if (d.moveFrom >= 0) {
            if (i == d.moveFrom) return d.moveTo;
            if (d.moveFrom < d.moveTo && i > d.moveFrom && i <= d.moveTo) return i - 1;
            if (d.moveTo < d.moveFrom && i >= d.moveTo && i < d.moveFrom) return i + 1;
        }
        return i;
    };
    const bool shifted = d.erased >= 0 || d.inserted >= 0 || d.moveFrom >= 0;
    if (d.erased >= 0) {
        a.touchpoints.erase(a.touchpoints.begin() + d.erased);
        auto at = std::find(a.priority.begin(), a.priority.end(), d.erased);
        if (at != a.priority.end()) a.priority.erase(at);
    } else if (d.inserted >= 0) {
        a.touchpoints.insert(a.touchpoints.begin() + d.inserted, TouchpointScore{});
    } else if (d.moveFrom >= 0) {
        auto b = a.touchpoints.begin();
        if (d.moveFrom < d.moveTo) std::rotate(b + d.moveFrom, b + d.moveFrom + 1, b + d.moveTo + 1);
        else std::rotate(b + d.moveTo, b + d.moveFrom, b + d.moveFrom + 1);
    }
    if ((int)a.touchpoints.size() != n) {  // the delta does not describe this journey: be safe
        a = analyse(j, a.set);
        return;
    }
    if (shifted)
        for (int& p : a.priority) p = remap(p);
    if (d.inserted >= 0) a.priority.push_back(d.inserted);  // placed properly below
    // Without ids the priority order of a moved touchpoint among equal keys changes: it is
    // re-placed below like a rescored one.
    std::vector<int> changed = d.touchpoints;
    if (d.moveFrom >= 0) changed.push_back(d.moveTo);
    if (d.inserted >= 0) changed.push_back(d.inserted);

    // 2. The touchpoints that changed.
    for (int i : changed)
        if (i >= 0 && i < n) a.touchpoints[i] = score_touchpoint(j, j.touchpoints[i], a.set);

    // 3. Groups: the ones the edit touched, or all when the weights moved (a volume changed the
    // median) or stages / channels changed.
    const double oldMedianVolume = a.medianVolume, oldMedianWeight = a.medianWeight;
    a.medianVolume = median_volume(j);
    const bool sameVolumes = oldMedianVolume == a.medianVolume || (std::isnan(oldMedianVolume) && std::isnan(a.medianVolume));
    const int S = (int)j.stages.size() + 1, C = (int)j.channels.size() + 1;
    const bool all = d.groups || !sameVolumes || (int)a.stages.size() != S || (int)a.channels.size() != C;
    std::vector<char> stageDirty(S, all), channelDirty(C, all);
    auto mark = [](std::vector<char>& dirty, int g) { dirty[g >= 0 && g < (int)dirty.size() - 1 ? g : dirty.size() - 1] = 1; };
    for (int s : d.stages) mark(stageDirty, s);
    for (int c : d.channels) mark(channelDirty, c);
    for (int i : changed)
        if (i >= 0 && i < n) mark(stageDirty, j.touchpoints[i].stage), mark(channelDirty, j.touchpoints[i].channel);
    sum_groups(j, a, stageDirty, channelDirty);

    // 4. Priority: when no other touchpoint's weight or the median weight moved, only the changed
    // ones are re-placed in the order; else every key is recomputed and sorted.
    a.medianWeight = median_weight(j, a);
    if (!sameVolumes || a.medianWeight != oldMedianWeight) {
        rank_all(j, a);
    } else {
        std::vector<char> isChanged(n, 0);
        for (int i : changed)
            if (i >= 0 && i < n) isChanged[i] = 1;
        a.priority.erase(std::remove_if(a.priority.begin(), a.priority.end(), [&](int i) { return isChanged[i] != 0; }),
                         a.priority.end());
        for (int i = 0; i < n; i++) {
            if (!isChanged[i]) continue;
            priority_key(j, a, i);
            auto at = std::lower_bound(a.priority.begin(), a.priority.end(), i,
                                       [&](int x, int y) { return before(a, x, y); });
            a.priority.insert(at, i);
        }
    }
    find_weakest(a);
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
