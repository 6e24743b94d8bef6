// survey_profile.h: what the import screen (File > Import survey...) knows about a raw survey CSV
// before anything is mapped, and the mapping it builds from the person's choices.
//
//   SurveyProfiler p;  while (more) p.feed(chunk);  SurveyProfile prof = p.finish();
//   ImportPlan plan = suggest_import_plan(prof, "Airline 2026");  // one choice per column
//   ... the person changes roles, touchpoint names, stages, channels ...
//   std::string mapping = import_plan_mapping_json(plan);         // docs/survey-mapping.md
//
// Profiling is one streaming pass (csv_stream.h): per column, counts of numbers, texts and blanks,
// the distinct answers while there are few, the numeric range. From these: a type (0/1, 0-10, a
// 1-5 or 1-7 rating, a number, text, empty), candidate N/A codes (0 on a 1-5 scale, 99, "N/A") and
// a suggested role. Privacy: a profile keeps at most kProfileValues distinct answers per column
// (what a segment's labels need), never a row.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/journey.h"
#include "core/survey.h"

namespace uxcx {

// A column with more distinct answers than this is not a segment, and its answers are not kept.
constexpr size_t kProfileValues = 24;

enum class ColumnType { Empty, Binary, ZeroToTen, Rating, Number, Text };
// "empty", "0/1", "0-10", "rating", "number", "text": the screen's words and the JSON's.
const char* column_type_name(ColumnType t);

enum class ColumnRole { Ignore, Reading, Outcome, Weight, Segment };
// "ignore", "reading", "outcome", "weight", "segment".
const char* column_role_name(ColumnRole r);
ColumnRole column_role_from_name(std::string_view name);  // Ignore when unknown

struct ValueCount {
    std::string value;  // trimmed answer
    uint64_t count = 0;
};

struct ColumnProfile {
    std::string name;      // the header, trimmed (what a mapping names it by)
    std::string question;  // a Qualtrics export's question text (its second header row)
    ColumnType type = ColumnType::Empty;
    uint64_t numbers = 0, texts = 0, blanks = 0;  // cells by kind (N/A candidates included)
    double lo = 0, hi = 0;     // range of the numeric answers that are not N/A candidates
    bool integers = true;      // every numeric answer is a whole number
    std::vector<std::string> na;      // candidate N/A codes found in the column: "0", "99", "N/A"
    std::vector<ValueCount> values;   // distinct answers, most frequent first; empty when > kProfileValues
    bool manyValues = false;          // more than kProfileValues distinct answers
};

struct SurveyProfile {
    bool ok = false;
    std::vector<ColumnProfile> columns;
    uint64_t rows = 0;       // data rows (header rows not counted)
    bool qualtrics = false;  // the three header rows of a Qualtrics export recognised
    char delimiter = ',';
    std::vector<Diagnostic> diagnostics;  // a CSV error: line and column
};

class SurveyProfiler {
public:
    SurveyProfiler();
    ~SurveyProfiler();
    SurveyProfiler(const SurveyProfiler&) = delete;
    SurveyProfiler& operator=(const SurveyProfiler&) = delete;
    bool feed(std::string_view bytes);  // false once reading stopped on an error
    SurveyProfile finish();
    uint64_t rows() const;  // data rows read so far (for progress)

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

SurveyProfile profile_survey(std::string_view csv);

// The profile as JSON (the loading worker hands it to the page this way) and back.
std::string survey_profile_json(const SurveyProfile& p);
bool parse_survey_profile_json(std::string_view text, SurveyProfile& out);

// ---- the mapping screen's choices ------------------------------------------------------------

struct ImportColumn {
    std::string column;  // header name
    ColumnRole role = ColumnRole::Ignore;
    Metric metric = Metric::Csat;  // for a reading
    double lo = 1, hi = 5;         // the answer scale of a reading or outcome
    std::string na;                // its N/A codes as the person reads and types them: "0, 99, N/A"
    std::string touchpoint;        // a reading's touchpoint name; readings with one name share it
    int stage = 0, channel = -1;   // indices into ImportPlan::stages / channels; -1: unassigned
    // A text outcome's answers and the number each stands for ("satisfied" = 1).
    std::vector<std::pair<std::string, double>> codes;
    bool operator==(const ImportColumn&) const = default;
};

struct ImportChannel {
    std::string name;
    bool digital = true;
    bool operator==(const ImportChannel&) const = default;
};

struct ImportPlan {
    std::string title;
    std::vector<std::string> stages;
    std::vector<ImportChannel> channels;
    std::vector<ImportColumn> columns;  // one per profiled column, in file order
    bool operator==(const ImportPlan&) const = default;
};

// Suggested roles: a 1-5/1-7 rating or a 0-10 answer is a touchpoint reading (its metric guessed
// from the header: "recommend" -> NPS, "ease" -> SEQ, "effort" -> CES, "SUS" -> a SUS item...), a
// header saying "overall" or "satisfaction" the outcome, "weight" the weight, a text column with
// a few answers a segment, anything else ignored. Every reading starts in one stage, "Journey".
ImportPlan suggest_import_plan(const SurveyProfile& p, std::string_view title);

// The mapping file (docs/survey-mapping.md) the plan stands for: what "Save mapping" downloads
// and what the import runs. Readings of one touchpoint name form one touchpoint; SUS items (ten)
// and UMUX-Lite items (two) of one touchpoint form one reading, in column order.
std::string import_plan_mapping_json(const ImportPlan& plan);

// What is wrong with the plan before it can run ("Choose at least one touchpoint reading", "SUS
// needs ten item columns: 'App' has 3"); empty when it can run.
std::vector<std::string> import_plan_problems(const ImportPlan& plan);

// A saved mapping applied to this CSV's columns (the next wave): roles, metrics, scales, N/A
// codes, touchpoints, stages, channels, segments, weight and outcome. Columns the mapping does not
// name are ignored; mapped columns this CSV lacks are reported in `missing`.
ImportPlan import_plan_from_mapping(const SurveyMapping& m, const SurveyProfile& p, std::vector<std::string>* missing = nullptr);

// N/A codes as typed ("0, 99, N/A") -> the mapping's JSON array text ([0, 99, "N/A"]).
std::string na_codes_json(std::string_view typed);

// True when dropped or pasted text looks like a survey export rather than a journey: a delimited
// header row that is not the journey CSV's (no "stage" column beside "id"/"name"), not JSON, not
// Mermaid. Only the first line is read.
bool looks_like_survey_csv(std::string_view head);

}  // namespace uxcx
