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

Quadrant quadrant_of(const Score& ux, const Score& cx, double threshold) {
    if (!cx.present()) return Quadrant::NoData;  // a UX-only touchpoint has no place on the chart
    if (!ux.present()) return Quadrant::CxOnly;
    const bool goodUx = meets_threshold(ux.value, threshold), goodCx = meets_threshold(cx.value, threshold);
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

// The touchpoint's entry in the drivers block by id (a block lists a few dozen drivers at most).
int driver_of(const Journey& j, const std::string& id) {
    if (!j.drivers) return -1;
    const auto& d = j.drivers->touchpoints;
    for (size_t k = 0; k < d.size(); k++)
        if (d[k].touchpoint == id) return (int)k;
    return -1;
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
    t.driver = driver_of(j, tp.id);
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

// The cell of a touchpoint: s * C + c, the last stage / channel being "Unassigned".
int cell_of(const Touchpoint& tp, int S, int C) {
    const int s = tp.stage >= 0 && tp.stage < S - 1 ? tp.stage : S - 1;
    const int c = tp.channel >= 0 && tp.channel < C - 1 ? tp.channel : C - 1;
    return s * C + c;
}

// Aggregates. Touchpoints are summed into their cells in touchpoint order (only the dirty cells;
// `dirty` empty: all); stages, channels and the journey are then merged from the cells in a fixed
// order, so an incremental update sums exactly as a full one does.
void sum_groups(const Journey& j, Analysis& a, const std::vector<char>& dirty) {
    const int n = (int)j.touchpoints.size();
    const int S = (int)j.stages.size() + 1, C = (int)j.channels.size() + 1;
    const bool all = dirty.empty();
    if (all) {
        a.cellSums.assign((size_t)S * C, GroupSum{});
        a.cellOf.resize(n);
        for (int i = 0; i < n; i++) a.cellOf[i] = cell_of(j.touchpoints[i], S, C);
    } else {
        for (size_t k = 0; k < dirty.size(); k++)
            if (dirty[k]) a.cellSums[k] = GroupSum{};
    }
    for (int i = 0; i < n; i++) {
        const int cell = a.cellOf[i];
        if (!all && !dirty[cell]) continue;
        const Touchpoint& tp = j.touchpoints[i];
        a.cellSums[cell].add(a.touchpoints[i], weight_of(tp, a.medianVolume), has_volume(tp) ? *tp.volume : 0);
    }
    a.cells.resize(a.cellSums.size());
    for (size_t k = 0; k < a.cellSums.size(); k++)
        if (all || dirty[k]) a.cells[k] = a.cellSums[k].result(j.scoring);
    std::vector<GroupSum> stages(S), channels(C);
    for (int st = 0; st < S; st++)
        for (int c = 0; c < C; c++) stages[st].merge(a.cellSums[(size_t)st * C + c]);
    for (int c = 0; c < C; c++)
        for (int st = 0; st < S; st++) channels[c].merge(a.cellSums[(size_t)st * C + c]);
    GroupSum journey;
    for (const GroupSum& g : stages) journey.merge(g);
    a.stages.resize(S);
    a.channels.resize(C);
    for (int st = 0; st < S; st++) a.stages[st] = stages[st].result(j.scoring);
    for (int c = 0; c < C; c++) a.channels[c] = channels[c].result(j.scoring);
    a.journey = journey.result(j.scoring);
}

// Priority (docs/metrics.md, "Priority"): how far the weaker side falls below the threshold, times
// the square root of the touchpoint's weight relative to the median weight, times its key-driver
// importance relative to an average driver (when the journey has drivers), halved on insufficient
// evidence. The UX-CX gap is not a term: a good other side does not make the weak one worse, and a
// touchpoint measured on one side only (offline: CX only) must not rank low for lacking the other.
PriorityTerms terms_of(const Journey& j, const Analysis& a, int i) {
    const TouchpointScore& t = a.touchpoints[i];
    PriorityTerms p;
    p.threshold = j.scoring.threshold;
    p.hasUx = t.ux.present();
    p.hasCx = t.cx.present();
    p.scored = p.hasUx || p.hasCx;
    p.gap = t.gap;
    if (!p.scored) return p;
    p.weakerIsCx = p.hasCx && (!p.hasUx || t.cx.value <= t.ux.value);
    p.weaker = lowest(t);
    p.shortfall = meets_threshold(p.weaker, p.threshold) ? 0.0 : p.threshold - p.weaker;  // at the threshold is not below it
    p.volumeGiven = has_volume(j.touchpoints[i]);
    p.weight = weight_of(j.touchpoints[i], a.medianVolume);
    p.medianWeight = a.medianWeight;
    p.reach = a.medianWeight > 0 ? std::sqrt(p.weight / a.medianWeight) : 1.0;
    if (j.drivers && !j.drivers->touchpoints.empty()) {
        p.hasDrivers = true;
        p.averageShare = 100.0 / (double)j.drivers->touchpoints.size();
        if (t.driver >= 0 && t.driver < (int)j.drivers->touchpoints.size()) {
            p.driverFound = true;
            p.share = importance_share(j, t.driver).share;
            if (std::isfinite(p.share) && p.share >= 0) p.importance = p.share / p.averageShare;
        }
    }
    p.thin = (t.ux.present() && t.ux.insufficient) || (t.cx.present() && t.cx.insufficient);
    p.evidence = p.thin ? 0.5 : 1.0;
    p.priority = p.shortfall * p.reach * p.importance * p.evidence;
    return p;
}

double priority_key(const Journey& j, Analysis& a, int i) {
    TouchpointScore& t = a.touchpoints[i];
    t.priority = 0;
    if (!t.ux.present() && !t.cx.present()) return -1.0;
    t.priority = terms_of(j, a, i).priority;
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

ImportanceShare importance_share(const Journey& j, int driver) {
    ImportanceShare s;
    if (!j.drivers || driver < 0 || driver >= (int)j.drivers->touchpoints.size()) return s;
    const DriversBlock& b = *j.drivers;
    const TouchpointDriver& d = b.touchpoints[(size_t)driver];
    s.share = std::isfinite(d.share) ? d.share : b.r2 > 0 ? 100.0 * d.importance / b.r2 : kNaN;
    if (d.low && d.high && b.r2 > 0) s.low = 100.0 * *d.low / b.r2, s.high = 100.0 * *d.high / b.r2;
    return s;
}

PriorityTerms priority_terms(const Journey& j, const Analysis& a, int touchpoint) {
    if (touchpoint < 0 || touchpoint >= (int)a.touchpoints.size() || touchpoint >= (int)j.touchpoints.size()) return {};
    PriorityTerms p = terms_of(j, a, touchpoint);
    const auto at = std::find(a.priority.begin(), a.priority.end(), touchpoint);
    if (at != a.priority.end()) p.rank = (int)(at - a.priority.begin());
    return p;
}

Analysis analyse(const Journey& j, int set) {
    Analysis a;
    a.set = set;
    const int n = (int)j.touchpoints.size();
    a.touchpoints.resize(n);
    for (int i = 0; i < n; i++) a.touchpoints[i] = score_touchpoint(j, j.touchpoints[i], set);
    a.medianVolume = median_volume(j);
    sum_groups(j, a, {});
    a.medianWeight = median_weight(j, a);
    rank_all(j, a);
    find_weakest(a);
    return a;
}

void reanalyse(const Journey& j, Analysis& a, const AnalysisDelta& d) {
    const int n = (int)j.touchpoints.size();
    const int S = (int)j.stages.size() + 1, C = (int)j.channels.size() + 1;
    const bool shifted = d.erased >= 0 || d.inserted >= 0 || d.moveFrom >= 0;
    const int nBefore = n - (d.inserted >= 0 ? 1 : 0) + (d.erased >= 0 ? 1 : 0);
    if (d.full || a.set < 0 || (int)a.touchpoints.size() != nBefore || (int)a.cellOf.size() != nBefore) {
        a = analyse(j, a.set < 0 ? 0 : a.set);
        return;
    }
    if (d.groups) {  // stages or channels came, went or moved: scores and order stand, groups not
        sum_groups(j, a, {});
        return;
    }
    if ((int)a.cellSums.size() != S * C) {
        a = analyse(j, a.set);
        return;
    }
    if (!shifted && d.touchpoints.empty() && d.stages.empty() && d.channels.empty() && !d.volumes)
        return;  // text, names, ids: nothing analysis reads

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
    std::vector<char> dirty(a.cellSums.size(), 0);
    bool presenceChanged = false;  // a scored touchpoint appeared or went: the median weight moves
    auto present = [](const TouchpointScore& t) { return t.ux.present() || t.cx.present(); };
    if (d.erased >= 0) {
        presenceChanged = present(a.touchpoints[d.erased]);
        dirty[a.cellOf[d.erased]] = 1;
        a.touchpoints.erase(a.touchpoints.begin() + d.erased);
        a.cellOf.erase(a.cellOf.begin() + d.erased);
        auto at = std::find(a.priority.begin(), a.priority.end(), d.erased);
        if (at != a.priority.end()) a.priority.erase(at);
    } else if (d.inserted >= 0) {
        a.touchpoints.insert(a.touchpoints.begin() + d.inserted, TouchpointScore{});
        a.cellOf.insert(a.cellOf.begin() + d.inserted, 0);
    } else if (d.moveFrom >= 0) {
        auto rotate = [&](auto& v) {
            auto b = v.begin();
            if (d.moveFrom < d.moveTo) std::rotate(b + d.moveFrom, b + d.moveFrom + 1, b + d.moveTo + 1);
            else std::rotate(b + d.moveTo, b + d.moveFrom, b + d.moveFrom + 1);
        };
        rotate(a.touchpoints);
        rotate(a.cellOf);
    }
    if ((int)a.touchpoints.size() != n) {  // the delta does not describe this journey: be safe
        a = analyse(j, a.set);
        return;
    }
    if (shifted)
        for (int& p : a.priority) p = remap(p);
    if (d.inserted >= 0) a.priority.push_back(d.inserted);  // placed properly below
    // A moved touchpoint's place among equal keys depends on its index: re-placed like the others.
    std::vector<int> changed = d.touchpoints;
    if (d.moveFrom >= 0) changed.push_back(d.moveTo);
    if (d.inserted >= 0) changed.push_back(d.inserted);

    // 2. The touchpoints that changed: rescored, and their old and new cells marked.
    for (int i : changed) {
        if (i < 0 || i >= n) continue;
        const bool before = present(a.touchpoints[i]);
        if (d.inserted != i) dirty[a.cellOf[i]] = 1;
        a.touchpoints[i] = score_touchpoint(j, j.touchpoints[i], a.set);
        a.cellOf[i] = cell_of(j.touchpoints[i], S, C);
        dirty[a.cellOf[i]] = 1;
        presenceChanged = presenceChanged || before != present(a.touchpoints[i]);
    }

    // 3. Weights rest on the median volume: when an edit moves it, every cell is summed again.
    const double oldMedianVolume = a.medianVolume, oldMedianWeight = a.medianWeight;
    if (d.volumes) a.medianVolume = median_volume(j);
    const bool sameVolumes = oldMedianVolume == a.medianVolume || (std::isnan(oldMedianVolume) && std::isnan(a.medianVolume));
    sum_groups(j, a, sameVolumes ? dirty : std::vector<char>{});

    // 4. Priority: when no other touchpoint's weight or the median weight moved, only the changed
    // ones are re-placed in the order; else every key is recomputed and sorted.
    if (d.volumes || presenceChanged) a.medianWeight = median_weight(j, a);
    if (!sameVolumes || a.medianWeight != oldMedianWeight) {
        rank_all(j, a);
        find_weakest(a);
        return;
    }
    std::vector<char> isChanged(n, 0);
    for (int i : changed)
        if (i >= 0 && i < n) isChanged[i] = 1;
    a.priority.erase(std::remove_if(a.priority.begin(), a.priority.end(), [&](int i) { return isChanged[i] != 0; }),
                     a.priority.end());
    for (int i = 0; i < n; i++) {
        if (!isChanged[i]) continue;
        priority_key(j, a, i);
        auto at = std::lower_bound(a.priority.begin(), a.priority.end(), i, [&](int x, int y) { return before(a, x, y); });
        a.priority.insert(at, i);
    }
    // 5. Weakest links: unchanged unless a changed touchpoint is among them or now below them.
    bool weakestStale = shifted || a.weakest.size() < 5;
    for (int i : changed) {
        if (weakestStale || i < 0 || i >= n) continue;
        const TouchpointScore& t = a.touchpoints[i];
        weakestStale = std::find(a.weakest.begin(), a.weakest.end(), i) != a.weakest.end() ||
                       (present(t) && lowest(t) <= lowest(a.touchpoints[a.weakest.back()]));
    }
    if (weakestStale) find_weakest(a);
}

namespace {

// A change is significant when it exceeds the 95% half-width of the difference of two
// independent estimates, sqrt(ha^2 + hb^2); unknown when either interval is unknown.
// Whether a change exists whose uncertainty cannot be told (either interval missing).
bool unknown_significance(const Score& a, const Score& b, double change) {
    return !std::isnan(change) && (std::isnan(a.high - a.low) || std::isnan(b.high - b.low));
}

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
        c.uxUnknown = unknown_significance(ta.ux, tb.ux, c.ux);
        c.cxUnknown = unknown_significance(ta.cx, tb.cx, c.cx);
    }
    for (int i = 0; i < nb; i++)
        if (!matched[i]) cmp.missingInB.push_back(i);
    cmp.journeyA = a.journey;
    cmp.journeyB = b.journey;
    return cmp;
}

}  // namespace uxcx
