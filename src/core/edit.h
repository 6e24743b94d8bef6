// edit.h: changes to a journey as plain data, each with its inverse.
//
// An Edit says what to change (add a stage, move a touchpoint, replace a touchpoint's fields...);
// apply_edit() checks that the journey stays valid, changes it, and returns the inverse edit, so
// undo is "apply the inverse" and redo is "apply the edit again" (core/history.h). An edit that
// would make the journey invalid (a duplicate id, a reading out of range, a UX reading on an
// offline channel...) is refused with a message and changes nothing.
//
// Few kinds, each a whole replacement of one thing (a touchpoint, a stage, the scoring): the
// inverse is the old value, so every edit round-trips exactly. The builders below make the edits a
// UI needs ("rename", "set the CSAT from counts", "move to the next stage") with their labels.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/journey.h"

namespace uxcx {

enum class EditKind {
    SetInfo,  // title, description, persona
    SetScoring,
    AddStage, RemoveStage, MoveStage, SetStage,
    AddChannel, RemoveChannel, MoveChannel, SetChannel,
    AddSet, RemoveSet, SetSet,
    AddTouchpoint, RemoveTouchpoint, MoveTouchpoint, SetTouchpoint,
};

// The journey's own text: what SetInfo replaces.
struct JourneyInfo {
    std::string title, description;
    std::optional<Persona> persona;
};

struct Edit {
    EditKind kind = EditKind::SetInfo;
    // The stage, channel, set or touchpoint edited (its index before the edit); for Add*, where it
    // goes (0..size).
    int index = -1;
    // Move*: the index it ends at. MoveTouchpoint: its place in the touchpoint list, which is its
    // place in its cell (cards in a cell keep list order).
    int to = -1;
    // The payload, one per kind:
    JourneyInfo info;              // SetInfo
    Scoring scoring;               // SetScoring
    Stage stage;                   // AddStage, SetStage
    Channel channel;               // AddChannel, SetChannel
    MeasurementSet set;            // AddSet, SetSet
    Touchpoint touchpoint;         // AddTouchpoint, SetTouchpoint; MoveTouchpoint: stage, channel
                                   // (and unknownStage/unknownChannel) of where it goes
    // AddStage / AddChannel: touchpoints (indices) that go into it, so that undoing a removal
    // puts its cards back. AddSet: each touchpoint's readings in it (empty: none; else one per
    // touchpoint), so that undoing a removal brings them back.
    std::vector<int> members;
    std::vector<Measurement> readings;
    // AddTouchpoint, as the inverse of a removal: the touchpoint's key-driver entry and its place
    // in the drivers block, which the removal took with it (results name touchpoints by id: an
    // entry left behind names a touchpoint the map no longer has).
    std::optional<TouchpointDriver> driver;
    int driver_at = -1;
};

// The outcome of apply_edit(). When `ok` is false nothing changed and `message` says why, in
// words for the person editing ("A stage with the id \"pay\" already exists").
struct EditResult {
    bool ok = false;
    std::string message;
    Edit inverse;         // applying it undoes the edit
    AnalysisDelta delta;  // what changed, for reanalyse()
};

// `check`: false only for undo and redo (core/history.h), which restore states that existed: a
// journey loaded from a file is kept exactly as it loaded, even where an edit would be refused.
EditResult apply_edit(Journey& j, const Edit& e, bool check = true);

// The touchpoint index `i` (before the edit) after an applied edit: how a selection follows its
// card through inserts, removals and moves. -1 when the edit removed it.
int touchpoint_after(const Edit& applied, int i);
// The same for a measurement set index (the analysed set, the compared ones).
int set_after(const Edit& applied, int set);

// ---- builders: the edits a UI makes ----------------------------------------------------------
// Each returns the edit; apply_edit() still checks it. Indices are not checked here.

Edit edit_info(const JourneyInfo& info);
JourneyInfo journey_info(const Journey& j);
Edit edit_scoring(const Scoring& s);

Edit edit_add_stage(int index, Stage s);
Edit edit_remove_stage(int index);
Edit edit_move_stage(int from, int to);
Edit edit_set_stage(int index, Stage s);  // rename (name or id), description
Edit edit_add_channel(int index, Channel c);
Edit edit_remove_channel(int index);
Edit edit_move_channel(int from, int to);
Edit edit_set_channel(int index, Channel c);
Edit edit_add_set(int index, MeasurementSet s);
Edit edit_remove_set(int index);
Edit edit_set_set(int index, MeasurementSet s);

// A new touchpoint at list position `index`, with a fresh id (`new_touchpoint_id`) and one empty
// measurement per set.
Edit edit_add_touchpoint(const Journey& j, int index, int stage, int channel, std::string name);
Edit edit_remove_touchpoint(int index);
// A copy right after the original, with a fresh id ("checkout-copy") and " (copy)" after its name.
Edit edit_duplicate_touchpoint(const Journey& j, int index);
// To cell (stage, channel), at `position` among the cell's cards (0: first; past the end: last).
Edit edit_move_touchpoint(const Journey& j, int index, int stage, int channel, int position);
// Replaces every field of touchpoint `index` (the details panel's edits all end here).
Edit edit_set_touchpoint(int index, Touchpoint t);

// An id not used by any touchpoint: `base` when free, else base-2, base-3...
std::string new_touchpoint_id(const Journey& j, const std::string& base);

// Fields of a touchpoint, for the builders below and for merge keys.
enum class TextField { Id, Name, Description, Owner, Url };
enum class ListField { PainPoints, Opportunities, Quotes };
Edit edit_text(const Journey& j, int index, TextField f, std::string value);
Edit edit_list(const Journey& j, int index, ListField f, std::vector<std::string> items);
Edit edit_volume(const Journey& j, int index, std::optional<double> volume);
Edit edit_emotion(const Journey& j, int index, int set, std::optional<double> emotion);
// Sets, replaces (another form) or clears (nullopt) one reading in one set.
Edit edit_reading(const Journey& j, int index, int set, Metric m, std::optional<Reading> r);
// The ux / cx block's sample size, and the UX time target.
Edit edit_block_n(const Journey& j, int index, int set, bool ux, std::optional<double> n);
Edit edit_time_target(const Journey& j, int index, int set, std::optional<double> seconds);

// Readings in the forms a researcher has; the value and n follow from the form as the loader
// computes them, so a save writes the same reading back.
Reading reading_number(double value);                         // n: none (the block's, if any)
Reading reading_mean(double mean, std::optional<double> sd, std::optional<double> n);
Reading reading_nps_counts(double promoters, double passives, double detractors);
Reading reading_csat_counts(double c1, double c2, double c3, double c4, double c5);
Reading reading_task_counts(double successes, double attempts);
// Any counts form: NPS {promoters, passives, detractors}, CSAT answers per point (5, or 7 for a
// 1-7 scale), task success {successes, attempts}.
Reading reading_counts(Metric m, std::vector<double> counts);

// Why a journey-level state would not survive a save and load, or "" when it would: the checks
// apply_edit() runs on what it changes, exposed for tests and for the details panel (a value
// checked as it is typed, the problem said next to the field).
std::string check_touchpoint(const Journey& j, const Touchpoint& t, int index);
std::string check_reading(const Journey& j, Metric m, const Reading& r, const Measurement& owner);

// "rename 'Checkout'", "move 'Checkout' to Pay", "remove stage 'Support'": for the Edit menu.
std::string edit_label(const Journey& before, const Edit& e);
// Edits with the same non-empty key merge in the history (typing into one field is one step):
// "tp:checkout/name", "stage:pay/name". Empty: never merges.
std::string edit_merge_key(const Journey& before, const Edit& e);

}  // namespace uxcx
