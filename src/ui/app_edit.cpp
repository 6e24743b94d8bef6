// app_edit.cpp: the App side of editing. The core applies the edit and says what changed
// (AnalysisDelta); here the analysis is brought up to date incrementally, the map's geometry only
// when a card or lane moved, the selection follows its card, and dirty follows the history.
#include "ui/app.h"

namespace uxcx {

namespace {

// Everything that follows the journey after `applied` changed it as `delta` says.
void follow_edit(App& app, const Edit& applied, const AnalysisDelta& delta) {
    Document& doc = app.doc;
    const int sets = (int)doc.journey.sets.size();
    auto set_index = [&](int s) {
        s = set_after(applied, s);
        return s >= 0 && s < sets ? s : 0;
    };
    const int set = set_index(doc.analysis.set);
    if (set != doc.analysis.set) {
        doc.analysis = analyse(doc.journey, set);
    } else {
        reanalyse(doc.journey, doc.analysis, delta);
    }
    app.compare_a = set_index(app.compare_a);
    app.compare_b = set_index(app.compare_b);
    // Overlaid sets follow theirs; a removed one leaves the overlay.
    std::vector<int> overlay;
    for (int o : app.overlay)
        if (const int after = set_after(applied, o); after >= 0 && after < sets) overlay.push_back(after);
    app.overlay = std::move(overlay);
    if (delta.layout) doc.layout = layout_map(doc.journey);
    app.selected = touchpoint_after(applied, app.selected);
    if (app.selected >= (int)doc.journey.touchpoints.size()) app.selected = -1;
    doc.dirty = history_dirty(doc.history);
    doc.revision++;  // the page autosaves on a new revision (web/uxcx.js)
    app.generation = next_generation();
}

}  // namespace

EditResult app_apply(App& app, const Edit& e) {
    if (!app.has_document) {
        EditResult r;
        r.message = "no journey is open";
        return r;
    }
    EditResult r = history_apply(app.doc.history, app.doc.journey, e);
    if (r.ok) follow_edit(app, e, r.delta);
    return r;
}

bool app_undo(App& app) {
    if (!app.has_document) return false;
    HistoryMove m = history_undo(app.doc.history, app.doc.journey);
    if (m.ok) follow_edit(app, m.applied, m.delta);
    if (m.ok) app.edit.draft = FieldDraft{};  // a field being typed shows the model again
    return m.ok;
}

bool app_redo(App& app) {
    if (!app.has_document) return false;
    HistoryMove m = history_redo(app.doc.history, app.doc.journey);
    if (m.ok) follow_edit(app, m.applied, m.delta);
    if (m.ok) app.edit.draft = FieldDraft{};
    return m.ok;
}

void app_commit_edit(App& app) { history_commit(app.doc.history); }

void app_mark_saved(App& app) {
    history_mark_saved(app.doc.history);
    app.doc.dirty = false;
}

}  // namespace uxcx
