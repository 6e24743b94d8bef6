// view_quadrant.cpp: UX x CX quadrants: each touchpoint a point at (UX, CX) with interval
// crosshairs, size by volume, colour by stage; CX-only touchpoints listed beside the chart.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "ui/palette.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace uxcx {

void view_quadrant(App& app) {
    const Journey& j = app.doc.journey;
    const Analysis& an = app.doc.analysis;
    const float em = ImGui::GetFontSize();
    const int N = (int)j.touchpoints.size();

    // Legend: stage colours (Okabe-Ito) and what size and crosshairs mean.
    ImGui::TextDisabled("Colour = stage:");
    for (int s = 0; s <= (int)j.stages.size() && s < 16; s++) {
        const int stage = s < (int)j.stages.size() ? s : -1;
        if (stage < 0 && an.stages.back().count == 0) continue;
        ImGui::SameLine();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(em * 0.8f, em));
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + em * 0.4f, p.y + em * 0.55f), em * 0.35f, stage_color(stage, app.dark));
        ImGui::SameLine(0, em * 0.2f);
        ImGui::TextUnformatted(stage_name(j, stage));
    }
    ImGui::TextDisabled("Size = volume   Crosshairs = 95%% intervals   Hollow = insufficient evidence   Lines at %.0f",
                        j.scoring.threshold);

    // CX-only touchpoints (offline, or no UX reading) listed beside the chart, not dropped.
    std::vector<int> cx_only;
    for (int t = 0; t < N; t++)
        if (!an.touchpoints[t].ux.present()) cx_only.push_back(t);
    const float side = cx_only.empty() ? 0 : std::min(em * 16, ImGui::GetContentRegionAvail().x * 0.3f);

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float w = std::max(em * 8, avail.x - side - (side > 0 ? ImGui::GetStyle().ItemSpacing.x : 0));
    const float h = std::max(em * 8, avail.y);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##quadrant", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Plot area: room for axis labels left and below.
    const ImVec2 a(p0.x + em * 3.5f, p0.y + em * 0.5f), b(p0.x + w - em * 0.8f, p0.y + h - em * 2.8f);
    auto X = [&](double ux) { return a.x + (b.x - a.x) * (float)(std::clamp(ux, 0.0, 100.0) / 100.0); };
    auto Y = [&](double cx) { return b.y - (b.y - a.y) * (float)(std::clamp(cx, 0.0, 100.0) / 100.0); };
    dl->PushClipRect(p0, ImVec2(p0.x + w, p0.y + h), true);
    const double T = j.scoring.threshold;
    // Quadrant backgrounds tinted from the score scale, names in their corners.
    struct Q { double x0, y0, x1, y1; const char* name; double tint; };
    const Q qs[4] = {{T, T, 100, 100, "Good UX · Good CX", 90}, {T, 0, 100, T, "Good UX · Poor CX", 45},
                     {0, T, T, 100, "Poor UX · Good CX", 45}, {0, 0, T, T, "Poor UX · Poor CX", 5}};
    for (const Q& q : qs) {
        const ImVec2 qa(X(q.x0), Y(q.y1)), qb(X(q.x1), Y(q.y0));
        dl->AddRectFilled(qa, qb, score_color(q.tint, 0.12f));
        const float tw = ImGui::CalcTextSize(q.name).x;
        const float tx = q.x0 >= T ? qb.x - tw - em * 0.5f : qa.x + em * 0.5f;
        const float ty = q.y0 >= T ? qa.y + em * 0.3f : qb.y - em * 1.4f;
        dl->AddText(ImVec2(tx, ty), ui_color(ImGuiCol_TextDisabled), q.name);
    }
    dl->AddRect(a, b, ui_color(ImGuiCol_Border));
    for (int v = 0; v <= 100; v += 20) {
        char t[8];
        std::snprintf(t, sizeof t, "%d", v);
        dl->AddLine(ImVec2(X(v), b.y), ImVec2(X(v), b.y + em * 0.3f), ui_color(ImGuiCol_Border));
        dl->AddText(ImVec2(X(v) - ImGui::CalcTextSize(t).x * 0.5f, b.y + em * 0.35f), ui_color(ImGuiCol_TextDisabled), t);
        dl->AddLine(ImVec2(a.x - em * 0.3f, Y(v)), ImVec2(a.x, Y(v)), ui_color(ImGuiCol_Border));
        dl->AddText(ImVec2(a.x - em * 0.4f - ImGui::CalcTextSize(t).x, Y(v) - em * 0.5f), ui_color(ImGuiCol_TextDisabled), t);
    }
    dl->AddText(ImVec2((a.x + b.x) * 0.5f - em * 2, b.y + em * 1.5f), ui_color(ImGuiCol_Text), "UX score " ICON_RIGHT);
    dl->AddText(ImVec2(p0.x, a.y), ui_color(ImGuiCol_Text), "CX");
    dl->AddLine(ImVec2(X(T), a.y), ImVec2(X(T), b.y), ui_color(ImGuiCol_Text, 0.6f), std::max(1.0f, em * 0.1f));
    dl->AddLine(ImVec2(a.x, Y(T)), ImVec2(b.x, Y(T)), ui_color(ImGuiCol_Text, 0.6f), std::max(1.0f, em * 0.1f));

    // Points, largest first so small ones stay on top and clickable.
    double max_vol = 0;
    for (const Touchpoint& tp : j.touchpoints)
        if (tp.volume && *tp.volume > max_vol) max_vol = *tp.volume;
    auto radius = [&](int t) {
        const double v = j.touchpoints[t].volume.value_or(0);
        const float lo = N > 2000 ? em * 0.15f : em * 0.3f, hi = N > 2000 ? em * 0.5f : em * 1.2f;
        return max_vol > 0 ? lo + (hi - lo) * (float)std::sqrt(std::max(0.0, v) / max_vol) : (lo + hi) * 0.5f;
    };
    std::vector<int> shown;
    for (int t = 0; t < N; t++)
        if (an.touchpoints[t].ux.present() && an.touchpoints[t].cx.present()) shown.push_back(t);
    std::stable_sort(shown.begin(), shown.end(), [&](int x, int y) { return radius(x) > radius(y); });
    const bool crosshairs = shown.size() <= 500;  // beyond that they hide the points
    int hovered_t = -1;
    float best = 1e30f;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (int t : shown) {
        const TouchpointScore& sc = an.touchpoints[t];
        const ImVec2 c(X(sc.ux.value), Y(sc.cx.value));
        const int stage = j.touchpoints[t].stage >= 0 && j.touchpoints[t].stage < (int)j.stages.size() ? j.touchpoints[t].stage : -1;
        const ImU32 col = stage_color(stage, app.dark);
        if (crosshairs) {
            if (!std::isnan(sc.ux.low))
                dl->AddLine(ImVec2(X(sc.ux.low), c.y), ImVec2(X(sc.ux.high), c.y), (col & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 150), 1.5f);
            if (!std::isnan(sc.cx.low))
                dl->AddLine(ImVec2(c.x, Y(sc.cx.low)), ImVec2(c.x, Y(sc.cx.high)), (col & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 150), 1.5f);
        }
        const float r = radius(t);
        if (sc.ux.insufficient || sc.cx.insufficient)
            dl->AddCircle(c, r, col, 0, std::max(1.5f, em * 0.15f));
        else
            dl->AddCircleFilled(c, r, (col & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 210));
        dl->AddCircle(c, r, ui_color(ImGuiCol_Text, 0.5f));
        if (app.selected == t) dl->AddCircle(c, r + em * 0.3f, ui_color(ImGuiCol_NavCursor), 0, std::max(2.0f, em * 0.15f));
        const float dx = mouse.x - c.x, dy = mouse.y - c.y, d = dx * dx + dy * dy;
        const float hit = std::max(r, em * 0.5f);
        if (hovered && d <= hit * hit && d < best) {
            best = d;
            hovered_t = t;
        }
        if (app.items.size() < 2000) app.items.push_back({t, c.x - r, c.y - r, 2 * r, 2 * r, {}, false, 0});
    }
    if (shown.empty()) dl->AddText(ImVec2(a.x + em, a.y + em), ui_color(ImGuiCol_TextDisabled), "No touchpoint has both a UX and a CX score.");
    dl->PopClipRect();
    if (hovered_t >= 0) {
        if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) app.selected = hovered_t;
        if (ImGui::BeginTooltip()) {
            touchpoint_tooltip(app, hovered_t);
            ImGui::EndTooltip();
        }
    }

    if (side > 0) {
        ImGui::SameLine();
        ImGui::BeginChild("##cxonly", ImVec2(0, h), ImGuiChildFlags_Borders);
        ImGui::TextDisabled("No UX score (%d)", (int)cx_only.size());
        ImGui::TextWrapped("Offline or CX-only touchpoints: not on the chart, listed by CX.");
        ImGuiListClipper clip;
        clip.Begin((int)cx_only.size());
        while (clip.Step())
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; i++) {
                const int t = cx_only[i];
                const TouchpointScore& sc = an.touchpoints[t];
                char v[16];
                fmt_score(v, sizeof v, sc.cx.value);
                ImGui::PushID(t);
                const ImVec2 q = ImGui::GetCursorScreenPos();
                ImGui::Dummy(ImVec2(em * 0.8f, em));
                ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(q.x, q.y + em * 0.15f), ImVec2(q.x + em * 0.7f, q.y + em * 0.95f),
                                                          score_color(sc.cx.value));
                ImGui::SameLine();
                char label[24];
                std::snprintf(label, sizeof label, "CX %s", v);
                if (ImGui::Selectable(label, app.selected == t, ImGuiSelectableFlags_None, ImVec2(em * 4, 0))) app.selected = t;
                const ImVec2 r0 = ImGui::GetItemRectMin(), r1 = ImGui::GetItemRectMax();
                if (ImGui::IsItemHovered() && ImGui::BeginTooltip()) {
                    touchpoint_tooltip(app, t);
                    ImGui::EndTooltip();
                }
                ImGui::SameLine();
                ImGui::TextUnformatted(uxcx::shown(j.touchpoints[t].name).c_str());
                if (app.items.size() < 2000) app.items.push_back({t, r0.x, r0.y, r1.x - r0.x, r1.y - r0.y, {}, false, 0});
                ImGui::PopID();
            }
        ImGui::EndChild();
    }
}

}  // namespace uxcx
