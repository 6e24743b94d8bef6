// view_map.cpp: the journey map, first cut: one column per stage, touchpoint cards in journey order.
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "ui/views.h"

namespace uxcx {

static void format_score(char* buf, size_t n, const Score& s) {
    if (s.present())
        std::snprintf(buf, n, "%.0f", s.value);
    else
        std::snprintf(buf, n, "-");
}

void view_map(App& app) {
    const Journey& j = app.doc.journey;
    const int columns = (int)j.stages.size() + 1;  // + Unassigned
    if (!ImGui::BeginTable("##map", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY))
        return;
    for (int s = 0; s < columns; s++)
        ImGui::TableSetupColumn(s < (int)j.stages.size() ? j.stages[(size_t)s].name.c_str() : "Unassigned",
                                ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 12);
    ImGui::TableHeadersRow();
    ImGui::TableNextRow();
    for (int s = 0; s < columns; s++) {
        ImGui::TableSetColumnIndex(s);
        const int stage = s < (int)j.stages.size() ? s : -1;
        for (size_t t = 0; t < j.touchpoints.size(); t++) {
            const Touchpoint& tp = j.touchpoints[t];
            if (tp.stage != stage) continue;
            const TouchpointScore& sc = app.doc.analysis.touchpoints[t];
            char ux[16], cx[16];
            format_score(ux, sizeof ux, sc.ux);
            format_score(cx, sizeof cx, sc.cx);
            ImGui::PushID((int)t);
            if (ImGui::Selectable("##card", app.selected == (int)t, 0, ImVec2(0, ImGui::GetTextLineHeight() * 2.2f)))
                app.selected = (int)t;
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            app.items.push_back({(int)t, a.x, a.y, b.x - a.x, b.y - a.y});
            ImGui::SetCursorScreenPos(ImVec2(a.x + 4, a.y + 2));
            ImGui::TextUnformatted(tp.name.c_str());
            ImGui::SetCursorScreenPos(ImVec2(a.x + 4, a.y + 2 + ImGui::GetTextLineHeight()));
            ImGui::Text("UX %s  CX %s", ux, cx);
            ImGui::SetCursorScreenPos(ImVec2(a.x, b.y + ImGui::GetStyle().ItemSpacing.y));
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace uxcx
