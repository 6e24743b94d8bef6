// history.h: undo and redo over edits (core/edit.h), with typing coalesced into one step.
//
// Each step keeps the edit (for redo), its inverse (for undo) and a label for the Edit menu
// ("rename 'Checkout'"). Consecutive edits with the same merge key ("tp#3/name") merge into the
// step on top, so typing a name is one step; commit() ends the merging (the UI calls it when a
// field loses focus, or Enter is pressed). Dirty tracking compares the position in the history
// with the position of the last save.
#pragma once

#include <string>
#include <vector>

#include "core/edit.h"

namespace uxcx {

struct HistoryStep {
    Edit edit;       // applying it again redoes the step
    Edit inverse;    // applying it undoes the step
    std::string label;
    std::string merge_key;  // empty: never merges
};

struct History {
    std::vector<HistoryStep> steps;  // steps[0, position) are done, the rest can be redone
    int position = 0;
    bool open = false;  // the top step still takes merges (no commit since)
    int saved = 0;      // position of the last save; -1: that state is no longer reachable
    size_t limit = 1000;  // oldest steps are dropped beyond this
};

// Applies `e` to `j` and records it; on refusal nothing changes and the result says why.
// Redo steps past the current position are dropped.
EditResult history_apply(History& h, Journey& j, const Edit& e);
// Ends merging into the top step: the next edit starts a new one.
void history_commit(History& h);

bool can_undo(const History& h);
bool can_redo(const History& h);
// The labels for the menu ("rename 'Checkout'"), empty when there is nothing to undo / redo.
std::string undo_label(const History& h);
std::string redo_label(const History& h);
// Undo / redo one step. The result carries what changed (delta) and the edit that was applied
// (inverse of it in `inverse`); ok is false when there was nothing to do.
struct HistoryMove {
    bool ok = false;
    Edit applied;        // the edit that was applied to the journey (for touchpoint_after)
    AnalysisDelta delta;
};
HistoryMove history_undo(History& h, Journey& j);
HistoryMove history_redo(History& h, Journey& j);

// Dirty tracking: the journey differs from what was last saved (or opened) exactly when the
// position differs from the saved one.
void history_mark_saved(History& h);
bool history_dirty(const History& h);

}  // namespace uxcx
