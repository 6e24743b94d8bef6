// view_drivers.cpp: key drivers: importance (share of R², y) against the touchpoint's score (x),
// split into "Fix first" (important, weak), "Keep it up", "Low priority" and "Overkill";
// bootstrap intervals as whiskers; click selects as in every view. The numbers come from the
// journey's `drivers` block (core/driver_chart.h), so a hosted map shows them without raw answers.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/driver_chart.h"
#include "imgui.h"
#include "ui/palette.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace uxcx {

void view_drivers(App& app) {
    const Journey& j = app.doc.journey;
    if (!j.drivers || j.drivers->touchpoints.empty()) {
        ImGui::TextDisabled("No key drivers in this journey.");
        ImGui::TextWrapped("Drivers say which touchpoints move the overall outcome. They come from respondent-level "
                           "answers: File > Import survey..., or `uxcx survey` / `uxcx drivers` on the command line, "
                           "write them into the journey's \"drivers\" block.");
        return;
    }
    // Joining drivers to touchpoints is a hash pass over the touchpoints: cheap next to drawing,
    // and always in step with edits that rename or remove a touchpoint.
    const DriverChart chart = driver_chart(j, app.doc.analysis);
    const float em = ImGui::GetFontSize();
    ImGui::Text("Outcome: %s   R\xc2\xb2 = %.3f   n = %.0f   %s", j.drivers->outcome.c_str(), j.drivers->r2,
                j.drivers->n.value_or(NAN), j.drivers->method == "relweights" ? "relative weights (Johnson)" : "Shapley / LMG");
    ImGui::TextDisabled("Importance = share of R\xc2\xb2 (%%)   Whiskers = bootstrap 95%% intervals   Red ring = works against "
                        "the outcome   Lines at score %.0f and mean share %.1f%%", chart.score_line, chart.importance_line);

    double ymax = chart.importance_line * 2, ymin = 0;
    for (const DriverPoint& p : chart.points) {
        ymax = std::max({ymax, p.share, std::isnan(p.high) ? 0.0 : p.high});
        ymin = std::min({ymin, p.share, std::isnan(p.low) ? 0.0 : p.low});
    }
    ymax = std::ceil(ymax / 10) * 10;
    ymin = std::floor(ymin / 10) * 10;

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float w = std::max(em * 10, avail.x), h = std::max(em * 10, avail.y);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##drivers", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(p0.x + em * 3.5f, p0.y + em * 0.5f), b(p0.x + w - em * 0.8f, p0.y + h - em * 2.8f);
    auto X = [&](double s) { return a.x + (b.x - a.x) * (float)(std::clamp(s, 0.0, 100.0) / 100.0); };
    auto Y = [&](double v) { return b.y - (b.y - a.y) * (float)((std::clamp(v, ymin, ymax) - ymin) / (ymax - ymin)); };
    dl->PushClipRect(p0, ImVec2(p0.x + w, p0.y + h), true);
    const double T = chart.score_line, M = chart.importance_line;
    struct Q { double x0, y0, x1, y1; DriverQuadrant q; double tint; };
    const Q qs[4] = {{0, M, T, ymax, DriverQuadrant::FixFirst, 5}, {T, M, 100, ymax, DriverQuadrant::KeepItUp, 90},
                     {0, ymin, T, M, DriverQuadrant::LowPriority, 45}, {T, ymin, 100, M, DriverQuadrant::Overkill, 60}};
    for (const Q& q : qs) {
        const ImVec2 qa(X(q.x0), Y(q.y1)), qb(X(q.x1), Y(q.y0));
        dl->AddRectFilled(qa, qb, score_color(q.tint, 0.12f));
        const char* name = driver_quadrant_label(q.q);
        const float tw = ImGui::CalcTextSize(name).x;
        const float tx = q.x0 >= T ? qb.x - tw - em * 0.5f : qa.x + em * 0.5f;
        const float ty = q.y0 >= M ? qa.y + em * 0.3f : qb.y - em * 1.4f;
        dl->AddText(ImVec2(tx, ty), ui_color(q.q == DriverQuadrant::FixFirst ? ImGuiCol_Text : ImGuiCol_TextDisabled), name);
    }
    dl->AddRect(a, b, ui_color(ImGuiCol_Border));
    char t[16];
    for (int v = 0; v <= 100; v += 20) {
        std::snprintf(t, sizeof t, "%d", v);
        dl->AddText(ImVec2(X(v) - ImGui::CalcTextSize(t).x * 0.5f, b.y + em * 0.35f), ui_color(ImGuiCol_TextDisabled), t);
    }
    const double step = (ymax - ymin) > 60 ? 20 : 10;
    for (double v = ymin; v <= ymax + 1e-9; v += step) {
        std::snprintf(t, sizeof t, "%.0f%%", v);
        dl->AddText(ImVec2(a.x - em * 0.4f - ImGui::CalcTextSize(t).x, Y(v) - em * 0.5f), ui_color(ImGuiCol_TextDisabled), t);
    }
    dl->AddText(ImVec2((a.x + b.x) * 0.5f - em * 4, b.y + em * 1.5f), ui_color(ImGuiCol_Text), "Touchpoint score (CX, else UX) " ICON_RIGHT);
    dl->AddText(ImVec2(p0.x, a.y), ui_color(ImGuiCol_Text), "Imp.");
    const float line = std::max(1.0f, em * 0.1f);
    dl->AddLine(ImVec2(X(T), a.y), ImVec2(X(T), b.y), ui_color(ImGuiCol_Text, 0.6f), line);
    dl->AddLine(ImVec2(a.x, Y(M)), ImVec2(b.x, Y(M)), ui_color(ImGuiCol_Text, 0.6f), line);
    if (ymin < 0) dl->AddLine(ImVec2(a.x, Y(0)), ImVec2(b.x, Y(0)), ui_color(ImGuiCol_Border), line);

    int hovered_t = -1;
    float best = 1e30f;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const float r = em * 0.55f;
    std::vector<const DriverPoint*> unscored;
    for (const DriverPoint& p : chart.points) {
        if (std::isnan(p.score)) {
            unscored.push_back(&p);
            continue;
        }
        const ImVec2 c(X(p.score), Y(p.share));
        const int tp = p.touchpoint;
        const int stage = j.touchpoints[tp].stage;
        const ImU32 col = stage_color(stage >= 0 && stage < (int)j.stages.size() ? stage : -1, app.dark);
        if (!std::isnan(p.low))
            dl->AddLine(ImVec2(c.x, Y(p.low)), ImVec2(c.x, Y(p.high)), ui_color(ImGuiCol_Text, 0.55f), 1.5f);
        dl->AddCircleFilled(c, r, col);
        dl->AddCircle(c, r, ui_color(ImGuiCol_Text, 0.5f));
        if (p.share < 0) dl->AddCircle(c, r + em * 0.15f, IM_COL32(215, 48, 39, 255), 0, std::max(1.5f, em * 0.12f));
        if (app.selected == tp) dl->AddCircle(c, r + em * 0.35f, ui_color(ImGuiCol_NavCursor), 0, std::max(2.0f, em * 0.15f));
        // The name beside the point: with a few dozen drivers the chart reads without hovering.
        if (chart.points.size() <= 40)
            draw_text_clipped(dl, em * 0.85f, ImVec2(c.x + r + em * 0.25f, c.y - em * 0.45f), ui_color(ImGuiCol_Text, 0.85f),
                              shown(j.touchpoints[tp].name), ImVec4(p0.x, p0.y, p0.x + w, p0.y + h));
        const float dx = mouse.x - c.x, dy = mouse.y - c.y, d = dx * dx + dy * dy;
        if (hovered && d <= (r + em * 0.3f) * (r + em * 0.3f) && d < best) {
            best = d;
            hovered_t = tp;
        }
        if (app.items.size() < 2000) app.items.push_back({tp, c.x - r, c.y - r, 2 * r, 2 * r});
    }
    dl->PopClipRect();
    if (hovered_t >= 0) {
        if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
            app.selected = hovered_t;
            app.map.follow = true;
        }
        if (ImGui::BeginTooltip()) {
            touchpoint_tooltip(app, hovered_t);
            ImGui::EndTooltip();
        }
    }
    // Drivers without a score (no touchpoint with that id, or no reading) are named, not dropped.
    for (size_t i = 0; i < unscored.size() && i < 4; i++) {
        const DriverPoint& p = *unscored[i];
        const std::string& id = j.drivers->touchpoints[p.driver].touchpoint;
        char line[160];
        std::snprintf(line, sizeof line, "No score: %s (%.1f%%)", p.touchpoint >= 0 ? j.touchpoints[p.touchpoint].name.c_str() : id.c_str(), p.share);
        dl->AddText(ImVec2(a.x + em * 0.5f, b.y - em * 1.3f * (float)(unscored.size() < 4 ? unscored.size() - i : 4 - i)),
                    ui_color(ImGuiCol_TextDisabled), line);
    }
}

}  // namespace uxcx
