// view_heatmap.cpp: stage x channel heatmap of UX, CX or their gap; each cell shows its value and
// how many touchpoints it holds. Clicking a cell selects its touchpoint with the highest priority.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "ui/palette.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace uxcx {

void view_heatmap(App& app) {
    int& measure = app.filters.heat;  // HeatUx, HeatCx, HeatGap: in the App so links carry it
    const Journey& j = app.doc.journey;
    const Analysis& an = app.doc.analysis;
    const MapLayout& l = app.doc.layout;
    const float em = ImGui::GetFontSize();
    ImGui::RadioButton("UX", &measure, 0);
    ImGui::SameLine();
    ImGui::RadioButton("CX", &measure, 1);
    ImGui::SameLine();
    ImGui::RadioButton("Gap (UX - CX)", &measure, 2);
    ImGui::SameLine(0, em * 2);
    if (measure == 2)
        legend_gap();
    else
        legend_score(j.scoring.threshold);

    const int cols = (int)l.columns.size(), rows = (int)l.lanes.size();
    if (cols == 0 || rows == 0) {
        ImGui::TextDisabled("This journey has no touchpoints to place on the heatmap.");
        return;
    }
    const size_t C = j.channels.size() + 1, S = j.stages.size() + 1;
    auto cell_of = [&](int col, int row) -> const GroupScore& {
        const int s = l.column_stage[col], c = l.lane_channel[row];
        return an.cells[(size_t)(s >= 0 ? s : (int)S - 1) * C + (size_t)(c >= 0 ? c : (int)C - 1)];
    };
    // The worst (highest priority) touchpoint of each layout cell, for the click.
    std::vector<int> first(cols * rows, -1);
    for (int t : an.priority) {
        const int k = l.card_column[t] * rows + l.card_lane[t];
        if (first[k] < 0) first[k] = t;
    }

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float label_w = em * 10, head_h = em * 2.2f;
    const float cw = std::max(em * 5.5f, (avail.x - label_w) / cols), ch = std::clamp((avail.y - head_h) / rows, em * 3.2f, em * 6);
    ImGui::BeginChild("##heat", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_HorizontalScrollbar);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 size(label_w + cw * cols, head_h + ch * rows);
    ImGui::InvisibleButton("##heatgrid", size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (int c = 0; c < cols; c++) {
        const ImVec2 a(p0.x + label_w + cw * c, p0.y);
        const ImVec4 clip(a.x + em * 0.3f, a.y, a.x + cw - em * 0.2f, a.y + head_h);
        draw_text_clipped(dl, em, ImVec2(a.x + em * 0.4f, a.y + em * 0.5f), ui_color(ImGuiCol_Text), stage_name(j, l.column_stage[c]), clip);
    }
    int hovered_cell = -1;
    for (int r = 0; r < rows; r++) {
        const float y = p0.y + head_h + ch * r;
        const int channel = l.lane_channel[r];
        const bool off = channel_offline(j, channel);
        const ImVec4 lclip(p0.x, y, p0.x + label_w - em * 0.3f, y + ch);
        draw_text_clipped(dl, em, ImVec2(p0.x + em * 0.2f, y + em * 0.4f), ui_color(ImGuiCol_TextDisabled), off ? ICON_PHONE : ICON_DESKTOP, lclip);
        draw_text_clipped(dl, em, ImVec2(p0.x + em * 1.6f, y + em * 0.4f), ui_color(ImGuiCol_Text), channel_name(j, channel), lclip);
        if (off) draw_text_clipped(dl, em * 0.8f, ImVec2(p0.x + em * 1.6f, y + em * 1.5f), ui_color(ImGuiCol_TextDisabled), "offline", lclip);
        for (int c = 0; c < cols; c++) {
            const GroupScore& g = cell_of(c, r);
            const ImVec2 a(p0.x + label_w + cw * c + 2, y + 2), b(a.x + cw - 4, a.y + ch - 4);
            const double v = measure == 0 ? g.ux.value : measure == 1 ? g.cx.value : g.gap;
            const bool thin = (measure != 1 && g.ux.insufficient) || (measure != 0 && g.cx.insufficient);
            if (g.count == 0) {
                dl->AddRect(a, b, ui_color(ImGuiCol_Border, 0.5f), em * 0.2f);
                continue;
            }
            const ImU32 bg = measure == 2 ? gap_color(v) : score_color(v);
            dl->AddRectFilled(a, b, bg, em * 0.2f);
            const ImU32 fg = text_on(bg);
            char text[32], count[32];
            if (std::isnan(v))
                std::snprintf(text, sizeof text, "%s", measure == 0 && off ? "no UX" : "-");
            else
                std::snprintf(text, sizeof text, measure == 2 ? "%+.0f%s" : "%.0f%s", v, thin ? " " ICON_WARN : "");
            std::snprintf(count, sizeof count, "%d touchpoint%s", g.count, g.count == 1 ? "" : "s");
            const ImVec4 clip(a.x, a.y, b.x, b.y);
            draw_text_clipped(dl, em * 1.3f, ImVec2(a.x + em * 0.4f, a.y + em * 0.2f), fg, text, clip);
            draw_text_clipped(dl, em * 0.8f, ImVec2(a.x + em * 0.4f, b.y - em * 1.1f), fg, count, clip);
            const int k = c * rows + r;
            const int sel_k = app.selected >= 0 && app.selected < (int)l.cards.size()
                                  ? l.card_column[app.selected] * rows + l.card_lane[app.selected] : -1;
            if (k == sel_k) dl->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(b.x + 1, b.y + 1), ui_color(ImGuiCol_NavCursor), em * 0.2f, 0, std::max(2.0f, em * 0.15f));
            if (hovered && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y) hovered_cell = k;
            // The touchpoints this cell stands for, with the cell's rectangle (for automation).
            for (int i = l.cell_begin[k]; i < l.cell_begin[k + 1] && app.items.size() < 2000; i++)
                app.items.push_back({l.cell_cards[i], a.x, a.y, b.x - a.x, b.y - a.y, {}, false, 0});
        }
    }
    if (hovered_cell >= 0 && first[hovered_cell] >= 0) {
        if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) app.selected = first[hovered_cell];
        if (ImGui::BeginTooltip()) {
            const GroupScore& g = cell_of(hovered_cell / rows, hovered_cell % rows);
            char ux[16], cx[16], iu[48], ic[48];
            fmt_score(ux, sizeof ux, g.ux.value);
            fmt_score(cx, sizeof cx, g.cx.value);
            fmt_interval(iu, sizeof iu, g.ux);
            fmt_interval(ic, sizeof ic, g.cx);
            ImGui::Text("%s  ·  %s", stage_name(j, l.column_stage[hovered_cell / rows]), channel_name(j, l.lane_channel[hovered_cell % rows]));
            ImGui::Text("UX %s %s   CX %s %s", ux, iu, cx, ic);
            if (!std::isnan(g.gap)) ImGui::Text("Gap UX-CX %+.1f", g.gap);
            ImGui::Text("%d touchpoints, volume %.0f", g.count, g.volume);
            ImGui::Separator();
            ImGui::TextDisabled("Click: select the one to fix first");
            ImGui::TextUnformatted(shown(j.touchpoints[first[hovered_cell]].name).c_str());
            ImGui::EndTooltip();
        }
    }
    ImGui::EndChild();
}

}  // namespace uxcx
