// survey.h: raw survey answers (one CSV row per respondent) -> an ordinary journey whose readings
// carry counts or mean/sd/n, per segment. docs/survey-mapping.md describes the mapping file.
//
//   SurveyMappingResult m = load_survey_mapping(mappingBytes);   // located diagnostics
//   SurveyAggregator agg(m.mapping);
//   while (more) agg.feed(chunk);                                // one pass, any chunk size
//   SurveyResult r = agg.finish();                               // r.journey, r.diagnostics
//
// With an "outcome" in the mapping, finish() also runs the key-driver analysis over the
// touchpoints' main readings and stores it as the journey's `drivers` block.
//
// Privacy: the aggregator keeps sums and counts only; no row outlives its callback.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/drivers.h"
#include "core/journey.h"

namespace uxcx {

// Answer codes that mean "no answer": numbers (compared as numbers: "99" and "99.0" both match)
// and texts (compared after trimming, ignoring ASCII case).
struct NaCodes {
    std::vector<double> numbers;
    std::vector<std::string> texts;
};

// One reading of one touchpoint, read from one column (SUS: ten, UMUX-Lite: two).
struct ReadingSpec {
    Metric metric = Metric::Count;
    int touchpoint = -1;               // index into the template journey's touchpoints
    std::vector<std::string> columns;  // header names, trimmed
    double lo = 0, hi = 0;             // the answer scale ("scale": [lo, hi])
    std::optional<NaCodes> na;         // its own N/A codes: replace the mapping's global list
    std::string pointer;               // JSON pointer of the reading in the mapping, for messages
};

struct OutcomeSpec {
    std::string column;
    double lo = 0, hi = 0;
    std::optional<NaCodes> na;
    // Text answers and the number each stands for ("satisfied": 1); numbers are read as numbers.
    std::vector<std::pair<std::string, double>> codes;
};

struct SegmentLabel {
    std::string answer, name;
    std::string id;  // the set's id; "" for one made from the name
};
struct SegmentSpec {
    std::string column;
    // Raw answer -> segment, in mapping order; several answers may share a name (they then form
    // one segment). Empty: every distinct answer is its own segment, named by the answer.
    std::vector<SegmentLabel> labels;
};

struct SurveyMapping {
    Journey journey;  // title, stages, channels, touchpoints (no readings), read by the journey loader
    NaCodes na;
    std::string allName = "All respondents";  // "all": the name of the set of every respondent
    std::string weight;  // weight column, "" for none
    std::vector<SegmentSpec> segments;
    bool crossSegments = false;  // "segmentSets": "cross": one set per combination of answers
    std::optional<OutcomeSpec> outcome;
    std::vector<ReadingSpec> readings;  // touchpoint by touchpoint, in mapping order
};

struct SurveyMappingResult {
    bool ok = false;
    SurveyMapping mapping;
    std::vector<Diagnostic> diagnostics;  // pointer, line and column into the mapping file
};

SurveyMappingResult load_survey_mapping(std::string_view bytes);

// What the key-driver analysis (drivers.h) needs, accumulated in the same pass over all
// respondents ("All"): variable 0 is the outcome, then each touchpoint's main reading (its first in
// the mapping), per respondent in the reading's own units (the answer, a 1-5 SEQ/CES rescaled to
// 1-7, a SUS or UMUX-Lite score, ln seconds). Pairwise and listwise sums, weighted.
struct SurveyDrivers {
    std::vector<std::string> touchpoints;  // driver j's touchpoint id
    std::vector<std::string> columns;      // driver j's column
    PairwiseSums pairwise, listwise;
    DriverColumns columnsKept;             // per-respondent values, only when bootstrapping
    std::optional<DriverAnalysis> analysis;
};

struct SurveyOptions {
    DriverOptions drivers;  // bootstrap > 0 keeps the driver values in memory (8 bytes × rows × drivers)
};

// A cell that is neither a valid answer nor N/A, and the row/column totals of such cells.
struct SurveyStats {
    uint64_t rows = 0;          // data rows read (header rows not counted)
    uint64_t rowsSkipped = 0;   // rows without a usable weight
    uint64_t invalidCells = 0;  // neither a valid answer nor N/A: never used
    uint64_t naCells = 0, blankCells = 0;
    uint64_t incomplete = 0;    // SUS / UMUX-Lite respondents with some items missing (not scored)
    uint64_t unsegmented = 0;   // rows whose segment answer has no label (counted in "All" only)
    bool qualtrics = false;     // three header rows recognised
    char delimiter = ',';
};

struct SurveyResult {
    bool ok = false;
    Journey journey;
    std::vector<Diagnostic> diagnostics;  // CSV problems: line and character column in the CSV
    SurveyStats stats;
    SurveyDrivers drivers;
};

class SurveyAggregator {
public:
    explicit SurveyAggregator(const SurveyMapping& mapping, const SurveyOptions& options = {});
    ~SurveyAggregator();
    SurveyAggregator(const SurveyAggregator&) = delete;
    SurveyAggregator& operator=(const SurveyAggregator&) = delete;

    // Feeds the next bytes of the CSV. False once reading has stopped on an error.
    bool feed(std::string_view bytes);
    // Data rows read so far (a progress bar's figure).
    uint64_t rows() const;
    // Ends the input and builds the journey.
    SurveyResult finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The whole of a CSV in memory (tests, small files): feed + finish.
SurveyResult aggregate_survey(const SurveyMapping& mapping, std::string_view csv, const SurveyOptions& options = {});

}  // namespace uxcx
