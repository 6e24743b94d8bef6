// journey.h: the journey model, as a journey file describes it after loading and validation.
//
// Plain structs, no behaviour. The loader (load.h) fills them, analysis (analysis.h) reads them,
// views draw what analysis computed. Nothing here knows about JSON, ImGui or the browser.
#pragma once

#include <array>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace uxcx {

// Members of an object that this version does not know, kept so that a save writes them back:
// each is the key and the value's JSON text (compact).
using Extras = std::vector<std::pair<std::string, std::string>>;

// Every metric the format knows. UX metrics first, CX metrics after; the order is the order in
// which tables and the details panel list them.
enum class Metric { Sus, Seq, UmuxLite, TaskSuccess, TimeOnTask, ErrorRate, Nps, Csat, Ces, Count };
constexpr int kMetricCount = (int)Metric::Count;

constexpr bool is_ux_metric(Metric m) { return (int)m <= (int)Metric::ErrorRate; }

// The metric's name in files, CSV headers and `uxcx stats` ("sus", "taskSuccess", "nps", ...).
const char* metric_key(Metric m);
// Short display label ("SUS", "Task success", "NPS", ...).
const char* metric_label(Metric m);
// Parses a file key back; returns Metric::Count when unknown.
Metric metric_from_key(const char* key);

// One metric reading, in the metric's own units (SUS 0-100, SEQ and CES 1-7, NPS -100..100,
// CSAT 0-100 % top-2-box, taskSuccess and errorRate 0-1, timeOnTask seconds).
struct Reading {
    double value = 0;
    // Standard deviation of the individual answers in the same units, when the file gives it
    // ({"mean": 72, "sd": 17, "n": 40}); for timeOnTask it is the SD of ln(seconds) and
    // `value` is the geometric mean (given as {"times": [..]} or {"geomean": s, "logSd": x}).
    std::optional<double> sd;
    // Sample size behind this reading. The loader resolves it: the sum of counts when counts are
    // given, else the reading's own "n", else the ux/cx block's "n"; empty when none is known.
    std::optional<double> n;
    // Raw answer counts when the file gives them:
    //   nps         {promoters, passives, detractors}
    //   csat        {c1, c2, c3, c4, c5} (answers 1..5)
    //   taskSuccess {successes, attempts}
    std::vector<double> counts;
    // Weighted survey readings (docs/journey-format.md, "Weighted readings"): `n` and the counts are
    // then Kish's effective sample size and the weighted shares of it; this is the number of
    // respondents behind them ({"weighted": {"n": ...}} in the file).
    std::optional<double> unweightedN;
};

// The readings of one touchpoint in one measurement set.
struct Measurement {
    std::array<std::optional<Reading>, kMetricCount> metrics;
    std::optional<double> uxN;         // "ux": {"n": participants}
    std::optional<double> cxN;         // "cx": {"n": respondents}
    std::optional<double> timeTarget;  // "ux": {"timeTarget": seconds}
    std::optional<double> emotion;     // -2..+2
    Extras uxExtras, cxExtras;         // unknown members of the ux / cx objects

    const std::optional<Reading>& get(Metric m) const { return metrics[(int)m]; }
    std::optional<Reading>& get(Metric m) { return metrics[(int)m]; }
};

struct Persona {
    std::string name, description;
    Extras extras;
};

struct Stage {
    std::string id, name, description;
    Extras extras;
};

struct Channel {
    std::string id, name;
    bool digital = true;  // false: offline (phone, store, courier): CX only, no UX reading
    Extras extras;
};

// A measurement set: "Current state", "Future state", "Q1 2026", "Competitor"...
// The first set's readings sit directly on each touchpoint (`ux`, `cx`, `emotion`), so a
// single-set file needs no `sets` at all. Further sets are listed in the top-level `sets` array
// and their readings sit in each touchpoint's `measurements` object, keyed by set id.
struct MeasurementSet {
    std::string id, name, date;
    Extras extras;
};

struct Touchpoint {
    std::string id, name, description, url, owner;
    // Where the touchpoint sits: the index is the one source of truth, so what views show and what
    // a save writes (stages[stage].id) cannot disagree, and renaming a stage's id moves no card.
    int stage = -1;    // index into Journey::stages; -1: the "Unassigned" column
    int channel = -1;  // index into Journey::channels; -1: the "Unassigned" lane
    // Only for a touchpoint in Unassigned (index -1) whose file named a stage / channel that does
    // not exist ("purchse"): that id, saved back as written so the file round-trips. Empty
    // otherwise; no stage or channel ever has this id (it would have resolved).
    std::string unknownStage, unknownChannel;
    std::optional<double> volume;      // customers passing; weights aggregates
    std::vector<std::string> painPoints, opportunities, quotes;
    std::vector<Measurement> sets;     // one per Journey::sets, same order
    Extras extras;
};

// Optional `scoring` block. Weights are per metric (default 1); a metric with weight 0 is shown
// but does not count towards the UX or CX score.
struct Scoring {
    std::array<double, kMetricCount> weights = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    double threshold = 60;  // quadrant line on the 0-100 scale
    double minUxN = 5;      // below this many participants a UX reading is "insufficient evidence"
    double minCxN = 30;     // below this many respondents a CX reading is "insufficient evidence"
    Extras extras;
};

// Optional top-level `drivers` block: key-driver results (src/core/drivers.h) carried by the file,
// so a hosted map or a link shows them without one raw answer (docs/journey-format.md).
struct TouchpointDriver {
    std::string touchpoint;          // the touchpoint's id (the file's key)
    // r and share are NaN when the file does not give them (saved back absent, never as 0).
    double r = std::numeric_limits<double>::quiet_NaN();      // Pearson r with the outcome
    double importance = 0;           // its part of R² (importances sum to r2)
    double share = std::numeric_limits<double>::quiet_NaN();  // 100 × importance / r2
    int sign = 0;                    // sign of the full-model coefficient: -1, 0 (or not given), +1
    std::optional<double> low, high; // bootstrap 95% interval of importance
    std::optional<double> n;         // answers behind r
    Extras extras;
};
struct DriversBlock {
    std::string outcome;             // what the drivers explain ("overall_sat")
    std::string method;              // "shapley" or "relweights"
    std::optional<double> n;         // complete cases
    double r2 = 0;                   // R² of the full model
    std::vector<TouchpointDriver> touchpoints;  // file order
    Extras extras;
};

struct Journey {
    std::string schema;  // "$schema", kept for save
    std::string title, description;
    std::optional<Persona> persona;
    std::vector<Stage> stages;
    std::vector<Channel> channels;
    std::vector<Touchpoint> touchpoints;
    std::vector<MeasurementSet> sets;  // never empty after loading: a default "Current" set
    Scoring scoring;
    std::optional<int> version;        // "version": 1
    std::optional<DriversBlock> drivers;
    Extras extras;
};

// A problem found in a file. `pointer` is a JSON pointer ("/touchpoints/3/cx/nps", "" for the
// whole document) into the journey as JSON describes it, whatever the source; line and column are
// 1-based, the column counted in characters (code points), 0 when unknown.
// From a CSV source, `row` and `field` also say which cell, as a spreadsheet shows it: row 1 is
// the header row, row 2 the first touchpoint (a quoted cell with line breaks spans several text
// lines but is one row); field 1 is the first column. Both are 0 for other sources.
enum class Severity { Error, Warning };
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string message;
    std::string pointer;
    int line = 0, column = 0;
    int row = 0, field = 0;
};

}  // namespace uxcx
