// analysis.h: from a journey's readings to 0-100 scores, intervals, quadrants, aggregates and a
// priority ranking. docs/metrics.md gives every formula and its source.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/journey.h"

namespace uxcx {

constexpr double kNaN = NAN;  // "no value": no reading, no interval

// "Good" means score >= threshold. Scores come from floating point (task success 0.58 scores
// 100 * 0.58 = 57.99999999999999), so a score within 1e-9 below the threshold is at it: a decision
// never turns on rounding noise. Views and ranking decide with this too.
constexpr double kScoreTolerance = 1e-9;
inline bool meets_threshold(double score, double threshold) { return score >= threshold - kScoreTolerance; }

// A 0-100 score with its 95% interval (NaN when none applies) and the evidence behind it.
struct Score {
    double value = kNaN;
    double low = kNaN, high = kNaN;
    double n = kNaN;            // sample size (smallest n of the metrics it combines)
    bool insufficient = false;  // n below the scoring minimum: shown, but marked
    bool present() const { return !std::isnan(value); }
};

struct MetricScore {
    Metric metric = Metric::Count;
    double value = kNaN;  // in the metric's own units
    Score score;          // normalised 0-100 with interval
};

enum class Quadrant { GoodUxGoodCx, GoodUxPoorCx, PoorUxGoodCx, PoorUxPoorCx, CxOnly, NoData };
const char* quadrant_id(Quadrant q);     // "good-ux-poor-cx", "cx-only", "no-data"
const char* quadrant_label(Quadrant q);  // "Good UX · Poor CX", "CX only", "No data"

struct TouchpointScore {
    Score ux, cx;
    double gap = kNaN;  // ux - cx, NaN unless both are present
    Quadrant quadrant = Quadrant::NoData;
    double priority = 0;  // higher: fix first (docs/metrics.md, "Priority"; priority_terms() says why)
    // The touchpoint's entry in the journey's drivers block (Journey::drivers->touchpoints), -1:
    // none (no block, or the block does not name this touchpoint's id).
    int driver = -1;
    double emotion = kNaN;
    std::vector<MetricScore> metrics;  // the metrics present, in Metric order
};

// Volume-weighted aggregate of a group of touchpoints (a stage, a channel, a cell, the journey).
struct GroupScore {
    Score ux, cx;
    double gap = kNaN;
    double emotion = kNaN;  // mean emotion of the touchpoints that have one
    double volume = 0;      // total volume
    int count = 0;          // touchpoints in the group
};

// Running sums for a weighted mean of scores and its interval. The lower and upper half-widths
// are combined separately, assuming independent errors: half = sqrt(sum (w_i h_i)^2) / sum w_i.
// For one score this gives back its own (possibly asymmetric) interval. Equal-weight sums are
// kept too, for a group whose weights are all 0 (every volume 0).
struct ScoreSum {
    double w = 0, wv = 0, wLo2 = 0, wHi2 = 0;  // weighted
    double k = 0, v = 0, lo2 = 0, hi2 = 0;     // equal weights
    // A score whose weight is 0 (volume 0) adds nothing to the weighted mean, so it adds nothing to
    // the group's n or its interval either: those are kept for weighted scores (minNW, openW) and for
    // all (minN, open), and the result takes the pair that matches the mean it reports.
    double minN = kNaN, minNW = kNaN;
    bool open = false, openW = false;  // some score has no interval: the combination has none either

    static void take_min(double& m, double n) {
        if (!std::isnan(n)) m = std::isnan(m) ? n : std::min(m, n);
    }

    void add(const Score& s, double weight) {
        if (!s.present()) return;
        const double lo = s.value - s.low, hi = s.high - s.value;
        const bool counts = weight > 0;
        if (std::isnan(lo) || std::isnan(hi)) {
            open = true;
            if (counts) openW = true;
        }
        w += weight;
        wv += weight * s.value;
        if (counts) {
            wLo2 += weight * weight * lo * lo;
            wHi2 += weight * weight * hi * hi;
        }
        k += 1;
        v += s.value;
        lo2 += lo * lo;
        hi2 += hi * hi;
        take_min(minN, s.n);
        if (counts) take_min(minNW, s.n);
    }

    Score result(double minRequired) const {
        const auto clamp100 = [](double x) { return std::clamp(x, 0.0, 100.0); };
        Score s;
        if (k == 0) return s;
        double value, lo, hi;
        const bool weighted = w > 0;
        if (weighted) {
            // A zero-weight score would add 0 * NaN = NaN to the squared sums: it is left out.
            value = wv / w, lo = std::sqrt(wLo2) / w, hi = std::sqrt(wHi2) / w;
        } else {
            value = v / k, lo = std::sqrt(lo2) / k, hi = std::sqrt(hi2) / k;
        }
        s.value = value;
        if (!(weighted ? openW : open)) {
            s.low = clamp100(value - lo);
            s.high = clamp100(value + hi);
        }
        s.n = weighted ? minNW : minN;
        s.insufficient = !std::isnan(s.n) && s.n < minRequired;
        return s;
    }

    // Adds another group's sums (a stage is its cells, in channel order).
    void merge(const ScoreSum& o) {
        w += o.w, wv += o.wv, wLo2 += o.wLo2, wHi2 += o.wHi2;
        k += o.k, v += o.v, lo2 += o.lo2, hi2 += o.hi2;
        take_min(minN, o.minN);
        take_min(minNW, o.minNW);
        open = open || o.open;
        openW = openW || o.openW;
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

    void merge(const GroupSum& o) {
        ux.merge(o.ux);
        cx.merge(o.cx);
        ew += o.ew, ewe += o.ewe, ek += o.ek, ee += o.ee;
        volume += o.volume;
        count += o.count;
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

struct Analysis {
    int set = 0;                               // which measurement set
    std::vector<TouchpointScore> touchpoints;  // same order as Journey::touchpoints
    // stages.size() == journey.stages.size() + 1: the last entry is "Unassigned".
    std::vector<GroupScore> stages;
    // channels.size() == journey.channels.size() + 1: the last entry is "Unassigned".
    std::vector<GroupScore> channels;
    // cells[s * channels.size() + c]: stage x channel (heatmap), same extra "Unassigned" row/col.
    std::vector<GroupScore> cells;
    GroupScore journey;
    std::vector<int> priority;  // touchpoint indices, fix first first
    std::vector<int> weakest;   // touchpoint indices by lowest min(ux, cx), at most 5
    // What the weights rest on (kept so that reanalyse() can tell whether an edit moved them):
    // the median of the given volumes (NaN: none given, every touchpoint weighs 1) and the median
    // weight of the touchpoints with a score (priority's reach is relative to it).
    double medianVolume = kNaN;
    double medianWeight = 0;
    // The sums behind `cells` (same index), and each touchpoint's cell: stages, channels and the
    // journey are merged from cells, so an edit re-sums only the cells it touched.
    std::vector<GroupSum> cellSums;
    std::vector<int> cellOf;
};

// A driver's importance as a share of R² in percent, with its bootstrap 95% interval (NaN when the
// file gives none): the drivers block's entry `driver` (TouchpointScore::driver). The share is the
// file's, or importance / R² when the file leaves it out. All NaN for -1 or no block.
struct ImportanceShare {
    double share = kNaN, low = kNaN, high = kNaN;
    bool present() const { return !std::isnan(share); }
};
ImportanceShare importance_share(const Journey& j, int driver);

// Why a touchpoint has its priority: every term of the product, in the units the details panel
// says them in (docs/metrics.md, "Priority"). priority = shortfall * reach * importance * evidence.
struct PriorityTerms {
    bool scored = false;        // it has a UX or a CX score (else priority 0, ranked last)
    int rank = -1;              // 0-based place in Analysis::priority
    double threshold = 60;
    bool weakerIsCx = true;     // which side is the weaker (the only side when one is missing)
    double weaker = kNaN;       // that side's score
    bool hasUx = false, hasCx = false;
    double shortfall = 0;       // max(0, threshold - weaker)
    double gap = kNaN;          // UX - CX, shown as a diagnosis, not counted
    bool volumeGiven = false;   // the touchpoint's own volume (else the median volume stands in)
    double weight = 1, medianWeight = 0;
    double reach = 1;           // sqrt(weight / medianWeight), 1 when the median is 0
    bool hasDrivers = false;    // the journey carries key-driver results
    bool driverFound = false;   // ...and they name this touchpoint
    double share = kNaN;        // its share of R², %
    double averageShare = kNaN; // 100 / number of drivers: an average driver's share
    double importance = 1;      // share / averageShare; 1 when not known (counted as average)
    bool thin = false;          // a score rests on fewer answers than the scoring minimum
    double evidence = 1;        // 0.5 when thin
    double priority = 0;
};
PriorityTerms priority_terms(const Journey& j, const Analysis& a, int touchpoint);

// 0-100 normalisation of one reading (docs/metrics.md, "Normalisation"); NaN when the reading
// cannot be normalised (timeOnTask without a target).
MetricScore score_metric(Metric m, const Reading& r, const Measurement& owner, const Scoring& s);

Analysis analyse(const Journey& j, int set = 0);

// What an edit changed, so that reanalyse() touches only that: the touchpoint, its stage, channel
// and cell, the journey totals and its place in the priority order. core/edit.h fills it.
struct AnalysisDelta {
    bool full = false;    // scoring, sets or a channel's offline flag changed: analyse from scratch
    bool groups = false;  // stages or channels added, removed or reordered: every group re-summed
    // At most one change to the list's shape, applied to the analysis before rescoring:
    int inserted = -1;                // a touchpoint was inserted at this index
    int erased = -1;                  // the touchpoint at this index was removed
    int moveFrom = -1, moveTo = -1;   // a touchpoint moved within the list
    std::vector<int> touchpoints;     // indices (after the change) whose readings or place changed
    std::vector<int> stages, channels;  // groups that lost or gained a member (-1: Unassigned)
    bool volumes = false;  // a volume changed (or a touchpoint with one came or went): weights may move
    bool layout = false;   // a card, column or lane moved: the map's geometry (layout.h) is stale
};

// Brings `a` (an analysis of the journey before the edit) up to date with `j` after it. The
// result equals analyse(j, a.set), bit for bit (tests/core/test_edit_random.cpp checks it); at
// 100,000 touchpoints it costs a few milliseconds where analyse() costs tens (bench/README.md).
void reanalyse(const Journey& j, Analysis& a, const AnalysisDelta& d);

// The change of one touchpoint between two analyses: b - a, on the 0-100 scale.
struct Change {
    double ux = kNaN, cx = kNaN;
    bool uxSignificant = false;  // |change| larger than its 95% uncertainty
    bool cxSignificant = false;
    // The change exists but one side has no interval (no n, or no spread), so whether it is larger
    // than its uncertainty cannot be told: the view says "unknown", never "not significant".
    bool uxUnknown = false, cxUnknown = false;
};

// Pairs touchpoints by id (the same journey's two sets, or two journeys); a touchpoint that is in
// only one of them gets NaN changes. Result is indexed like `ja.touchpoints`; `missingInB` lists
// the touchpoints of b (as indices into jb.touchpoints) whose id a does not have.
struct Comparison {
    std::vector<Change> changes;   // per touchpoint of a
    std::vector<int> matchInB;     // index into b's touchpoints, -1 if none
    std::vector<int> missingInB;   // indices into b's touchpoints that a has no id for
    GroupScore journeyA, journeyB;
};
Comparison compare(const Journey& ja, const Analysis& a, const Journey& jb, const Analysis& b);

}  // namespace uxcx
