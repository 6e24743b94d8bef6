// edit_map.cpp: the journey map's header menus (right-click a stage header or a channel's lane
// label): rename in place, add before or after, move, remove (its cards go to Unassigned, undo
// brings them back); a channel is also switched between digital and offline here.
#include <algorithm>
#include <functional>

#include "core/edit.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/edit_ui.h"
#include "ui/widgets.h"

namespace uxcx {

void map_open_stage_menu(App& app, int stage) {
    const Journey& j = app.doc.journey;
    app.edit.menu_stage = stage;
    app.edit.menu_channel = -1;
    app.edit.menu_unassigned = stage < 0;
    app.edit.menu_name = stage >= 0 ? j.stages[(size_t)stage].name : std::string();
    ImGui::OpenPopup("##stagemenu");
}

void map_open_channel_menu(App& app, int channel) {
    const Journey& j = app.doc.journey;
    app.edit.menu_channel = channel;
    app.edit.menu_stage = -1;
    app.edit.menu_unassigned = channel < 0;
    app.edit.menu_name = channel >= 0 ? j.channels[(size_t)channel].name : std::string();
    ImGui::OpenPopup("##channelmenu");
}

// The name field of a header menu: applied as it is typed (one undo step), refusals said under it.
static void name_field(App& app, const std::string& old, const std::function<Edit(const std::string&)>& make) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    if (ImGui::InputText("##name", &app.edit.menu_name, ImGuiInputTextFlags_AutoSelectAll) && app.edit.menu_name != old)
        app_apply_or_say(app, make(app.edit.menu_name));
    if (ImGui::IsItemDeactivated()) app_commit_edit(app);
    if (!app.edit.message.empty()) ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", app.edit.message.c_str());
}

void map_draw_header_menus(App& app) {
    const Journey& j = app.doc.journey;
    if (ImGui::BeginPopup("##stagemenu")) {
        const int s = app.edit.menu_stage;
        const int n = (int)j.stages.size();
        if (!app.edit.menu_unassigned && s >= 0 && s < n) {
            const Stage stage = j.stages[(size_t)s];
            ImGui::TextDisabled("Stage %d of %d", s + 1, n);
            name_field(app, stage.name, [s, stage](const std::string& name) {
                Stage next = stage;
                next.name = name;
                return edit_set_stage(s, next);
            });
            ImGui::Separator();
            auto fresh = [&] { return Stage{new_stage_id(j), "New stage", "", {}}; };
            if (ImGui::MenuItem("Add a stage before")) app_apply_or_say(app, edit_add_stage(s, fresh()));
            if (ImGui::MenuItem("Add a stage after")) app_apply_or_say(app, edit_add_stage(s + 1, fresh()));
            if (ImGui::MenuItem("Move left", nullptr, false, s > 0)) app_apply_or_say(app, edit_move_stage(s, s - 1));
            if (ImGui::MenuItem("Move right", nullptr, false, s + 1 < n)) app_apply_or_say(app, edit_move_stage(s, s + 1));
            ImGui::Separator();
            if (ImGui::MenuItem("Remove stage")) app_apply_or_say(app, edit_remove_stage(s));
            ImGui::SetItemTooltip("Its touchpoints move to Unassigned; Undo (Ctrl+Z) puts everything back");
        } else {
            if (ImGui::MenuItem("Add a stage")) app_apply_or_say(app, edit_add_stage(n, Stage{new_stage_id(j), "New stage", "", {}}));
        }
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopup("##channelmenu")) {
        const int c = app.edit.menu_channel;
        const int n = (int)j.channels.size();
        if (!app.edit.menu_unassigned && c >= 0 && c < n) {
            const Channel channel = j.channels[(size_t)c];
            ImGui::TextDisabled("Channel %d of %d", c + 1, n);
            name_field(app, channel.name, [c, channel](const std::string& name) {
                Channel next = channel;
                next.name = name;
                return edit_set_channel(c, next);
            });
            ImGui::Separator();
            auto fresh = [&] { return Channel{new_channel_id(j), "New channel", channel.digital, {}}; };
            if (ImGui::MenuItem("Add a channel above")) app_apply_or_say(app, edit_add_channel(c, fresh()));
            if (ImGui::MenuItem("Add a channel below")) app_apply_or_say(app, edit_add_channel(c + 1, fresh()));
            // Lanes show digital channels first: moving changes the order within each group.
            if (ImGui::MenuItem("Move up", nullptr, false, c > 0)) app_apply_or_say(app, edit_move_channel(c, c - 1));
            if (ImGui::MenuItem("Move down", nullptr, false, c + 1 < n)) app_apply_or_say(app, edit_move_channel(c, c + 1));
            bool offline = !channel.digital;
            if (ImGui::MenuItem("Offline (CX only)", nullptr, &offline)) {
                Channel next = channel;
                next.digital = !offline;
                app_apply_or_say(app, edit_set_channel(c, next));
            }
            ImGui::Separator();
            if (ImGui::MenuItem("Remove channel")) app_apply_or_say(app, edit_remove_channel(c));
            ImGui::SetItemTooltip("Its touchpoints move to Unassigned; Undo (Ctrl+Z) puts everything back");
        } else {
            if (ImGui::MenuItem("Add a channel"))
                app_apply_or_say(app, edit_add_channel(n, Channel{new_channel_id(j), "New channel", true, {}}));
        }
        ImGui::EndPopup();
    }
}

}  // namespace uxcx
