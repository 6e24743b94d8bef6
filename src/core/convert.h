// convert.h: journeys to and from other text formats. Every writer is the inverse of a reader:
// load(save(j)) describes the same journey as j.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/journey.h"
#include "core/load.h"

namespace uxcx {

// Canonical JSON: fixed member order, two-space indent, unknown members written back.
std::string save_journey_json(const Journey& j);

// Mermaid `journey` text: sections are stages, tasks are touchpoints, the 1-5 task score maps to
// emotion (score - 3), actors are kept (as the touchpoint's `actors` extra).
LoadResult import_mermaid(std::string_view text);
std::string export_mermaid(const Journey& j);

// CSV, one row per touchpoint with raw and normalised values (docs/journey-format.md lists the
// columns). import_csv reads the same columns back.
std::string export_csv(const Journey& j);
LoadResult import_csv(std::string_view text);

// The ranking as a table shows it: the touchpoints `rows` (indices into j.touchpoints, in the order
// shown, already filtered and sorted), each with its rank in `a`'s priority order, stage, channel,
// UX, CX, gap, priority, sample sizes, evidence and quadrant. Text cells are guarded against
// spreadsheet formulas as in export_csv. An index out of range is skipped.
std::string export_ranking_csv(const Journey& j, const Analysis& a, const std::vector<int>& rows);

}  // namespace uxcx
