// validate.h: the model-level checks that every way into a journey shares: the JSON loader, the
// CSV and Mermaid importers, and edits. Each reader checks only its own syntax and shapes; what a
// journey may hold (metric ranges, sample sizes, link schemes, names that display, ids) is
// decided here, once, so the same content gets the same diagnostics however it arrived.
//
// The checks repair as they go, never silently: a value that cannot be right is left out of the
// model (never clamped) and a warning says so; a name loses its hidden text-direction overrides.
// Diagnostics carry a JSON pointer into the journey *model* ("/touchpoints/3/ux/sus", set 2 and on
// under "/touchpoints/3/measurements/<set id>/..."); line and column are 0: the caller, who knows
// the source, fills them (the JSON loader from the pointer, CSV from the row and column).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/journey.h"
#include "core/limits.h"  // kAllowedLinkSchemes

namespace uxcx {

// More people than live on Earth (about 8.2 billion in 2025, UN World Population Prospects
// 2024): no survey or usability study can have a larger sample.
constexpr double kMaxSampleSize = 8.2e9;

// What a validation found: the diagnostics (at most `cap`) and how many there were in all.
struct Validation {
    std::vector<Diagnostic> diagnostics;
    size_t errors = 0, warnings = 0;  // all found, listed or not
    size_t cap = 200;                 // list at most this many (load.h's kMaxDiagnostics)
    void add(Severity s, std::string pointer, std::string message);
};

// The whole journey: its parts (below) and every touchpoint. Errors mean the journey cannot be
// used as it is (two stages with one id); everything else is a warning with a repair.
void validate_journey(Journey& j, Validation& out);

// Everything but the touchpoints: title, persona, stages, channels, sets, scoring, and "nothing to
// show" (no stages, no touchpoints). For an edit of those parts.
void validate_journey_parts(Journey& j, Validation& out);

// One touchpoint, for an edit on a large journey: its id (against the other touchpoints: O(n)
// string compares, no allocation), name, link, volume, stage and channel indices, and every
// reading of every set. Nothing outside this touchpoint is changed.
void validate_touchpoint(Journey& j, size_t index, Validation& out);

// ---- the rules, for readers and views that need one of them on its own -----------------------

// Why the answer counts of reading `r` of metric `m` cannot be scored ("has a count of 2.5, but a
// count is a whole number..."), or "" when they can: the form's size (a CSAT takes 5 answers, or 7
// for a 1-7 scale), whole numbers unless the reading is weighted, something to score. Edits use it
// so that what an edit accepts is exactly what a load keeps.
std::string reading_counts_problem(Metric m, const Reading& r);

// Which hidden characters a display name may hold. Text-direction *overrides* and *embeddings*
// (U+202A-202E) reorder what follows them (U+202E shows "Refund" as "dnufeR"), and an isolate
// (U+2066-2069) that is not closed within the name leaks its direction; both are removed, as are
// C0/C1 control characters. The plain marks LRM, RLM and ALM (U+200E, U+200F, U+061C) only set
// the direction of neutral characters next to them, which right-to-left text needs: they stay.
// Returns true when something was removed.
bool remove_direction_overrides(std::string& name);

// True when `name` would display as nothing: empty, or only spaces and invisible characters
// (zero-width spaces and joiners, marks, soft hyphens, fillers, variation selectors, tags).
bool renders_as_nothing(std::string_view name);

// True when the link's scheme is one of kAllowedLinkSchemes (core/limits.h), in any case.
bool link_scheme_allowed(std::string_view url);

// The name a stage, channel or touchpoint is shown by: its name, else its id.
const std::string& shown_name(const Stage& s);
const std::string& shown_name(const Channel& c);
const std::string& shown_name(const Touchpoint& t);

}  // namespace uxcx
