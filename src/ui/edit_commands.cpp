// edit_commands.cpp: the editing commands and their keys: rename in place, add, remove, move,
// undo and redo (with the Edit menu naming the step), Save, "Edit a copy" of a hosted map, and New
// journey. Every change goes through app_apply (app_edit.cpp); a refused edit changes nothing and
// its message is shown under the toolbar.
#include <algorithm>

#include "core/convert.h"
#include "core/edit.h"
#include "core/link.h"
#include "core/load.h"
#include "core/new_journey.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "platform/platform.h"
#include "ui/edit_ui.h"
#include "ui/widgets.h"

namespace uxcx {

bool app_editable(const App& app) { return app.has_document && !app.presentation && !app.doc.read_only; }

void report_control(App& app, std::string id) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    app.controls.push_back({std::move(id), a.x, a.y, b.x - a.x, b.y - a.y});
}

bool app_apply_or_say(App& app, const Edit& e) {
    const EditResult r = app_apply(app, e);
    app.edit.message = r.ok ? std::string() : "Not changed: " + r.message;
    return r.ok;
}

void app_start_rename(App& app, int touchpoint) {
    if (!app_editable(app) || touchpoint < 0 || touchpoint >= (int)app.doc.journey.touchpoints.size()) return;
    app.selected = touchpoint;
    app.edit.renaming = touchpoint;
    app.edit.rename_text = app.doc.journey.touchpoints[(size_t)touchpoint].name;
    app.edit.rename_typed.clear();
    app.edit.rename_error.clear();
    app.edit.rename_focus = true;
    app.map.follow = true;
}

void app_add_touchpoint(App& app, int stage, int channel, int list_index) {
    if (!app_editable(app)) return;
    const Journey& j = app.doc.journey;
    list_index = std::clamp(list_index, 0, (int)j.touchpoints.size());
    const Edit e = edit_add_touchpoint(j, list_index, stage, channel, "New touchpoint");
    if (!app_apply_or_say(app, e)) return;
    app_commit_edit(app);
    app_start_rename(app, list_index);
}

void app_insert_touchpoint(App& app) {
    const Journey& j = app.doc.journey;
    const int sel = app.selected;
    if (sel >= 0 && sel < (int)j.touchpoints.size()) {
        const Touchpoint& t = j.touchpoints[(size_t)sel];
        app_add_touchpoint(app, t.stage, t.channel, sel + 1);  // cards in a cell keep list order: right after it
    } else {
        app_add_touchpoint(app, j.stages.empty() ? -1 : 0, j.channels.empty() ? -1 : 0, (int)j.touchpoints.size());
    }
}

void app_delete_selected(App& app) {
    const int sel = app.selected;
    if (!app_editable(app) || sel < 0 || sel >= (int)app.doc.journey.touchpoints.size()) return;
    // The selection moves on to the next card in journey order (the previous one at the end).
    int next = layout_step(app.doc.layout, sel, +1);
    if (next == sel) next = layout_step(app.doc.layout, sel, -1);
    const Edit e = edit_remove_touchpoint(sel);
    if (!app_apply_or_say(app, e)) return;
    app_commit_edit(app);
    app.selected = next == sel ? -1 : touchpoint_after(e, next);
}

// The stage or channel next to `current` in the order the map shows them (`order`: the layout's
// column_stage or lane_channel, Unassigned as -1), or `current` when there is none that way.
static int neighbour(const std::vector<int>& order, int current, int step) {
    const auto it = std::find(order.begin(), order.end(), current);
    if (it == order.end()) return current;
    for (long i = (it - order.begin()) + step; i >= 0 && i < (long)order.size(); i += step)
        if (order[(size_t)i] >= 0) return order[(size_t)i];  // never into Unassigned by key
    return current;
}

void app_move_selected(App& app, int dx, int dy) {
    const int sel = app.selected;
    if (!app_editable(app) || sel < 0 || sel >= (int)app.doc.journey.touchpoints.size()) return;
    const Journey& j = app.doc.journey;
    const Touchpoint& t = j.touchpoints[(size_t)sel];
    const int stage = dx ? neighbour(app.doc.layout.column_stage, t.stage, dx) : t.stage;
    const int channel = dy ? neighbour(app.doc.layout.lane_channel, t.channel, dy) : t.channel;
    if (stage == t.stage && channel == t.channel) return;
    if (app_apply_or_say(app, edit_move_touchpoint(j, sel, stage, channel, 1 << 30))) {  // last in its new cell
        app_commit_edit(app);
        app.map.follow = true;
    }
}

void app_save(App& app) {
    if (!app.has_document) return;
    const Journey& j = app.doc.journey;
    app.edit.save_position = app.doc.history.position;
    // Back under its own name when it was a JSON file; a Mermaid or CSV source is saved as JSON.
    const std::string& n = app.doc.name;
    const bool json_name = n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0 && n.find('/') == std::string::npos;
    platform::save_file(json_name ? n : download_name(j.title, ".json"), save_journey_json(j));
}

void app_save_done(App& app, bool ok) {
    if (!ok || !app.has_document || app.edit.save_position < 0) return;
    History& h = app.doc.history;
    h.saved = app.edit.save_position <= (int)h.steps.size() ? app.edit.save_position : -1;
    app.edit.save_position = -1;
    app.doc.dirty = history_dirty(h);
    app.doc.copy = false;  // it lives in a file now
}

void app_edit_copy(App& app) {
    if (!app.has_document || !app.doc.read_only) return;
    Document& d = app.doc;
    d.read_only = false;
    d.copy = true;
    d.source_url.clear();
    // Not saved anywhere yet: dirty until Save, so the page keeps its bytes and asks before losing it.
    d.history.saved = -1;
    d.dirty = true;
    d.revision++;
    app.generation = next_generation();
    platform::editing_copy();
}

void app_new_blank(App& app) {
    (void)app;
    platform::open_new(save_journey_json(blank_journey()), "untitled.json");
}

void app_new_from_template(App& app, std::string_view sample_bytes, std::string_view sample_title) {
    LoadResult loaded = load_journey(sample_bytes);
    if (!loaded.ok) {
        app.error = std::string("The template \"") + std::string(sample_title) + "\" could not be read";
        return;
    }
    const Journey j = journey_from_template(loaded.journey);
    platform::open_new(save_journey_json(j), download_name(j.title, ".json"));
}

std::string new_stage_id(const Journey& j) {
    for (int i = (int)j.stages.size() + 1;; i++) {
        const std::string id = "stage-" + std::to_string(i);
        bool taken = false;
        for (const Stage& s : j.stages) taken |= s.id == id;
        for (const Touchpoint& t : j.touchpoints) taken |= t.unknownStage == id;
        if (!taken) return id;
    }
}

std::string new_channel_id(const Journey& j) {
    for (int i = (int)j.channels.size() + 1;; i++) {
        const std::string id = "channel-" + std::to_string(i);
        bool taken = false;
        for (const Channel& c : j.channels) taken |= c.id == id;
        for (const Touchpoint& t : j.touchpoints) taken |= t.unknownChannel == id;
        if (!taken) return id;
    }
}

void edit_handle_keys(App& app) {
    if (!app.has_document || !app_owns_keyboard()) return;
    const ImGuiIO& io = ImGui::GetIO();
    const bool ctrl = io.KeyCtrl || io.KeySuper;
    if (ctrl && ImGui::IsKeyPressed(ImGuiKey_S, false)) app_save(app);
    const bool wants_edit = ImGui::IsKeyPressed(ImGuiKey_F2, false) || ImGui::IsKeyPressed(ImGuiKey_Insert, false) ||
                            ImGui::IsKeyPressed(ImGuiKey_Delete, false) ||
                            (ctrl && (ImGui::IsKeyPressed(ImGuiKey_Z, false) || ImGui::IsKeyPressed(ImGuiKey_Y, false))) ||
                            (io.KeyAlt && key_presses(app, ImGuiKey_LeftArrow) + key_presses(app, ImGuiKey_RightArrow) +
                                                  key_presses(app, ImGuiKey_UpArrow) + key_presses(app, ImGuiKey_DownArrow) > 0);
    if (!wants_edit || app.presentation) return;
    if (app.doc.read_only) {
        app.edit.message = "This hosted map is read-only: \"Edit a copy\" to change it.";
        return;
    }
    if (ctrl && !io.KeyAlt) {
        if (ImGui::IsKeyPressed(ImGuiKey_Z, false) && !io.KeyShift) app_undo(app);
        else if ((ImGui::IsKeyPressed(ImGuiKey_Z, false) && io.KeyShift) || ImGui::IsKeyPressed(ImGuiKey_Y, false)) app_redo(app);
        return;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_F2, false)) app_start_rename(app, app.selected);
    if (ImGui::IsKeyPressed(ImGuiKey_Insert, false)) app_insert_touchpoint(app);
    if (ImGui::IsKeyPressed(ImGuiKey_Delete, false)) app_delete_selected(app);
    if (io.KeyAlt) {
        for (int i = key_presses(app, ImGuiKey_LeftArrow); i > 0; i--) app_move_selected(app, -1, 0);
        for (int i = key_presses(app, ImGuiKey_RightArrow); i > 0; i--) app_move_selected(app, +1, 0);
        for (int i = key_presses(app, ImGuiKey_UpArrow); i > 0; i--) app_move_selected(app, 0, -1);
        for (int i = key_presses(app, ImGuiKey_DownArrow); i > 0; i--) app_move_selected(app, 0, +1);
    }
}

void draw_edit_menu(App& app) {
    const bool editable = app_editable(app);
    const History& h = app.doc.history;
    const std::string undo = can_undo(h) ? "Undo: " + undo_label(h) : std::string("Undo");
    const std::string redo = can_redo(h) ? "Redo: " + redo_label(h) : std::string("Redo");
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, editable && can_undo(h))) app_undo(app);
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z / Ctrl+Y", false, editable && can_redo(h))) app_redo(app);
    ImGui::Separator();
    const bool sel = editable && app.selected >= 0 && app.selected < (int)app.doc.journey.touchpoints.size();
    if (ImGui::MenuItem("Rename touchpoint", "F2", false, sel)) app_start_rename(app, app.selected);
    if (ImGui::MenuItem("Add touchpoint", "Insert", false, editable)) app_insert_touchpoint(app);
    if (ImGui::MenuItem("Duplicate touchpoint", nullptr, false, sel)) {
        const Edit e = edit_duplicate_touchpoint(app.doc.journey, app.selected);
        if (app_apply_or_say(app, e)) app.selected = e.index;
    }
    if (ImGui::MenuItem("Delete touchpoint", "Delete", false, sel)) app_delete_selected(app);
    if (ImGui::BeginMenu("Move touchpoint", sel)) {
        if (ImGui::MenuItem("To the previous stage", "Alt+Left")) app_move_selected(app, -1, 0);
        if (ImGui::MenuItem("To the next stage", "Alt+Right")) app_move_selected(app, +1, 0);
        if (ImGui::MenuItem("To the channel above", "Alt+Up")) app_move_selected(app, 0, -1);
        if (ImGui::MenuItem("To the channel below", "Alt+Down")) app_move_selected(app, 0, +1);
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Add stage", nullptr, false, editable)) {
        const Journey& j = app.doc.journey;
        app_apply_or_say(app, edit_add_stage((int)j.stages.size(), Stage{new_stage_id(j), "New stage", "", {}}));
    }
    if (ImGui::MenuItem("Add channel", nullptr, false, editable)) {
        const Journey& j = app.doc.journey;
        app_apply_or_say(app, edit_add_channel((int)j.channels.size(), Channel{new_channel_id(j), "New channel", true, {}}));
    }
    ImGui::TextDisabled("Right-click a stage or channel header to rename, move or remove it.");
}

void draw_file_new_items(App& app) {
    if (ImGui::MenuItem("New blank journey")) app_new_blank(app);
    const auto& samples = platform::sample_maps();
    if (ImGui::BeginMenu("New from a sample", !samples.empty())) {
        for (const platform::MapEntry& s : samples) {
            ImGui::PushID(s.id.c_str());
            if (ImGui::MenuItem(s.title.c_str())) platform::open_template(s.id);
            ImGui::SetItemTooltip("Its stages, channels and measurement sets, without its touchpoints");
            ImGui::PopID();
        }
        ImGui::EndMenu();
    }
}

void draw_file_save_item(App& app) {
    if (ImGui::MenuItem("Save", "Ctrl+S", false, app.has_document)) app_save(app);
    ImGui::SetItemTooltip("Back to the file it was opened from where the browser allows it, else a download");
}

std::string document_title_note(const App& app) {
    if (!app.has_document) return {};
    if (app.doc.read_only) return "(read-only: hosted map)";
    std::string note = app.doc.copy ? "(a copy: it lives in this browser until saved)" : "";
    if (app.doc.dirty) note += note.empty() ? "(unsaved changes)" : "";
    return note;
}

void draw_rename_overlay(App& app) {
    EditUiState& ed = app.edit;
    if (ed.renaming < 0) return;
    if (!app_editable(app) || ed.renaming >= (int)app.doc.journey.touchpoints.size()) {
        ed.renaming = -1;
        return;
    }
    const float em = ImGui::GetFontSize();
    // Over the card where the view drew it; elsewhere (not drawn, other views) under the toolbar.
    ImVec2 pos(ImGui::GetMainViewport()->WorkPos.x + em * 12, ImGui::GetMainViewport()->WorkPos.y + em * 4.5f);
    float width = em * 16;
    for (const VisibleItem& it : app.items)
        if (it.touchpoint == ed.renaming) {
            pos = ImVec2(it.x, it.y);
            width = std::max(it.w, em * 12);
            break;
        }
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::Begin("##rename", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoMove);
    if (ed.rename_focus) {
        ImGui::SetKeyboardFocusHere();
        ed.rename_focus = false;
        ed.rename_waiting = true;
    }
    ImGuiIO& io = ImGui::GetIO();
    if (!ed.rename_waiting && !ed.rename_typed.empty()) {  // the field has the keyboard: what was held first
        for (size_t i = ed.rename_typed.size(); i-- > 0;)
            io.InputQueueCharacters.push_front((ImWchar)ed.rename_typed[i]);
        ed.rename_typed.clear();
    }
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputText("##name", &ed.rename_text, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    if (ed.rename_waiting) {
        // Not taking text yet (inactive, or activated this frame): hold what was typed.
        for (ImWchar c : io.InputQueueCharacters) ed.rename_typed.push_back(c);
        io.InputQueueCharacters.resize(0);
        if (ImGui::IsItemActive()) ed.rename_waiting = false;  // from the next frame it takes them
    }
    const bool escape = ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    const bool left = ImGui::IsItemDeactivated() && !enter;
    if (!ed.rename_error.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", ed.rename_error.c_str());
        ImGui::PopTextWrapPos();
    } else {
        ImGui::TextDisabled("Enter keeps, Escape cancels");
    }
    ImGui::End();
    if (escape) {
        ed.renaming = -1;
        return;
    }
    if (enter || left) {
        // Keep: one undo step ("rename 'Checkout'"); the same name changes nothing.
        const int t = ed.renaming;
        if (ed.rename_text != app.doc.journey.touchpoints[(size_t)t].name) {
            const EditResult r = app_apply(app, edit_text(app.doc.journey, t, TextField::Name, ed.rename_text));
            if (!r.ok) {
                ed.rename_error = r.message;
                ed.rename_focus = enter;  // stay in the field to fix it
                if (enter) return;
                ed.renaming = -1;
                app.edit.message = "Not renamed: " + r.message;
                return;
            }
            app_commit_edit(app);
        }
        ed.renaming = -1;
        app.edit.message.clear();
    }
}

void draw_edit_bars(App& app) {
    if (!app.has_document) return;
    if (app.doc.read_only && !app.presentation) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s Read-only: this map is hosted at %s.", ICON_LINK, app.doc.source_url.c_str());
        ImGui::SameLine();
        if (ImGui::Button("Edit a copy")) app_edit_copy(app);
        report_control(app, "edit-copy");
        ImGui::SetItemTooltip("Make a copy that lives in this browser until you save it; the hosted map stays as it is");
    }
    if (!app.edit.message.empty() && !app.presentation) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.25f, 0.2f, 1));
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(app.edit.message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::SmallButton("OK")) app.edit.message.clear();
    }
}

}  // namespace uxcx
