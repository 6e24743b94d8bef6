// history.cpp: undo, redo, merging of typing and dirty tracking (history.h).
#include "core/history.h"

namespace uxcx {

EditResult history_apply(History& h, Journey& j, const Edit& e) {
    std::string key = edit_merge_key(j, e);
    std::string label = edit_label(j, e);
    EditResult r = apply_edit(j, e);
    if (!r.ok) return r;
    if (h.position < (int)h.steps.size()) {  // a new edit after undo: the redo branch is gone
        h.steps.resize(h.position);
        if (h.saved > h.position) h.saved = -1;
        h.open = false;
    }
    // Merge into the open top step: keep its inverse (the state before the first keystroke),
    // take this edit as what redo applies. Never into the saved state, so dirty stays true.
    if (h.open && !key.empty() && h.position > 0 && h.steps[h.position - 1].merge_key == key && h.saved != h.position) {
        h.steps[h.position - 1].edit = e;
        return r;
    }
    h.steps.push_back(HistoryStep{e, r.inverse, std::move(label), std::move(key)});
    h.position++;
    h.open = true;
    if (h.steps.size() > h.limit) {
        h.steps.erase(h.steps.begin());
        h.position--;
        h.saved = h.saved > 0 ? h.saved - 1 : -1;
    }
    return r;
}

void history_commit(History& h) { h.open = false; }

bool can_undo(const History& h) { return h.position > 0; }
bool can_redo(const History& h) { return h.position < (int)h.steps.size(); }

std::string undo_label(const History& h) { return can_undo(h) ? h.steps[h.position - 1].label : std::string(); }
std::string redo_label(const History& h) { return can_redo(h) ? h.steps[h.position].label : std::string(); }

HistoryMove history_undo(History& h, Journey& j) {
    HistoryMove m;
    if (!can_undo(h)) return m;
    HistoryStep& s = h.steps[h.position - 1];
    EditResult r = apply_edit(j, s.inverse, false);
    if (!r.ok) return m;  // cannot happen for a recorded step; refusing keeps the journey intact
    h.position--;
    h.open = false;
    m.ok = true;
    m.applied = s.inverse;
    m.delta = std::move(r.delta);
    return m;
}

HistoryMove history_redo(History& h, Journey& j) {
    HistoryMove m;
    if (!can_redo(h)) return m;
    HistoryStep& s = h.steps[h.position];
    EditResult r = apply_edit(j, s.edit, false);
    if (!r.ok) return m;
    s.inverse = std::move(r.inverse);
    h.position++;
    h.open = false;
    m.ok = true;
    m.applied = s.edit;
    m.delta = std::move(r.delta);
    return m;
}

void history_mark_saved(History& h) {
    h.saved = h.position;
    h.open = false;
}
bool history_dirty(const History& h) { return h.saved != h.position; }

}  // namespace uxcx
