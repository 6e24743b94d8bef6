// set_picker.cpp: the toolbar's set picker and overlay chooser (set_picker.h). The set shown is
// doc.analysis.set (app_show_set); the overlaid sets are App::overlay; links carry both.
#include "ui/set_picker.h"

#include <algorithm>
#include <cstdio>

#include "core/link.h"
#include "imgui.h"
#include "imgui_internal.h"  // ImGuiWindow::Hidden: a popup's first, measuring frame

namespace uxcx {

namespace {

// The last item's rectangle, for the hook's "controls". Not while its window is hidden: a popup
// spends its first frame measuring itself off screen, and a click aimed there would land elsewhere.
void report(App& app, std::string id) {
    if (ImGui::GetCurrentWindowRead()->Hidden) return;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    app.controls.push_back({std::move(id), a.x, a.y, b.x - a.x, b.y - a.y});
}

}  // namespace

void draw_set_picker(App& app) {
    const Journey& j = app.doc.journey;
    const int n = (int)j.sets.size();
    if (!app.has_document || n < 2) return;
    const float em = ImGui::GetFontSize();
    const int shown = std::clamp(app.doc.analysis.set, 0, n - 1);
    ImGui::SameLine(0, em * 1.5f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("Set");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 11);
    // The combo's own rectangle, taken before it opens: once open, the last item is its popup.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool open = ImGui::BeginCombo("##set", j.sets[(size_t)shown].name.empty() ? j.sets[(size_t)shown].id.c_str()
                                                                                     : j.sets[(size_t)shown].name.c_str());
    app.controls.push_back({"set-picker", at.x, at.y, em * 11, ImGui::GetFrameHeight()});
    if (!open) ImGui::SetItemTooltip("The measurement set every view shows (segments, personas, waves); links carry it");
    if (open) {
        for (int s = 0; s < n; s++) {
            ImGui::PushID(s);
            const MeasurementSet& set = j.sets[(size_t)s];
            if (ImGui::Selectable(set.name.empty() ? set.id.c_str() : set.name.c_str(), s == shown)) app_show_set(app, s);
            report(app, "set:" + set.id);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }

    // Overlay: the map draws each chosen set's curves in its own colour, with a legend.
    app.overlay.erase(std::remove_if(app.overlay.begin(), app.overlay.end(), [&](int s) { return s < 0 || s >= n; }),
                      app.overlay.end());
    ImGui::SameLine();
    char label[48];
    std::snprintf(label, sizeof label, app.overlay.empty() ? "Overlay..." : "Overlay (%d)...", (int)app.overlay.size());
    if (ImGui::Button(label)) ImGui::OpenPopup("##overlay");
    report(app, "overlay-button");
    ImGui::SetItemTooltip("Overlay the emotion and score curves of up to %d sets on the map", kMaxOverlaySets);
    if (ImGui::BeginPopup("##overlay")) {
        ImGui::TextDisabled("Curves on the map (up to %d)", kMaxOverlaySets);
        for (int s = 0; s < n; s++) {
            ImGui::PushID(s);
            const MeasurementSet& set = j.sets[(size_t)s];
            const auto it = std::find(app.overlay.begin(), app.overlay.end(), s);
            bool on = it != app.overlay.end();
            const bool full = !on && (int)app.overlay.size() >= kMaxOverlaySets;
            ImGui::BeginDisabled(full);
            if (ImGui::Checkbox(set.name.empty() ? set.id.c_str() : set.name.c_str(), &on)) {
                if (on) app.overlay.push_back(s);
                else app.overlay.erase(it);
            }
            ImGui::EndDisabled();
            report(app, "overlay:" + set.id);
            ImGui::PopID();
        }
        if (!app.overlay.empty() && ImGui::SmallButton("Clear")) app.overlay.clear();
        ImGui::EndPopup();
    }
}

}  // namespace uxcx
