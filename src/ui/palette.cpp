// palette.cpp: colour scales (ColorBrewer RdYlBu and PuOr, Okabe-Ito) and their legends.
#include "ui/palette.h"

#include <cmath>
#include <cfloat>
#include <cstdio>

#include "ui/widgets.h"

namespace uxcx {

// ColorBrewer RdYlBu, 7 classes, from poor (0) to good (100).
static const ImU32 kRdYlBu[7] = {IM_COL32(215, 48, 39, 255),  IM_COL32(252, 141, 89, 255), IM_COL32(254, 224, 144, 255),
                                 IM_COL32(255, 255, 191, 255), IM_COL32(224, 243, 248, 255), IM_COL32(145, 191, 219, 255),
                                 IM_COL32(69, 117, 180, 255)};
// ColorBrewer PuOr, 7 classes: orange = UX below CX, purple = UX above CX.
static const ImU32 kPuOr[7] = {IM_COL32(179, 88, 6, 255),    IM_COL32(241, 163, 64, 255),  IM_COL32(254, 224, 182, 255),
                               IM_COL32(247, 247, 247, 255), IM_COL32(216, 218, 235, 255), IM_COL32(153, 142, 195, 255),
                               IM_COL32(84, 39, 136, 255)};
// Okabe-Ito: orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, grey.
static const ImU32 kOkabeIto[8] = {IM_COL32(230, 159, 0, 255), IM_COL32(86, 180, 233, 255), IM_COL32(0, 158, 115, 255),
                                   IM_COL32(240, 228, 66, 255), IM_COL32(0, 114, 178, 255), IM_COL32(213, 94, 0, 255),
                                   IM_COL32(204, 121, 167, 255), IM_COL32(120, 120, 120, 255)};

static ImU32 with_alpha(ImU32 c, float alpha) {
    const unsigned a = (unsigned)(((c >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

static ImU32 ramp(const ImU32* stops, double t, float alpha) {
    if (std::isnan(t)) return IM_COL32(160, 160, 160, (int)(255 * alpha));
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const double f = t * 6;
    const int i = f >= 6 ? 5 : (int)f;
    const ImVec4 a = ImGui::ColorConvertU32ToFloat4(stops[i]), b = ImGui::ColorConvertU32ToFloat4(stops[i + 1]);
    const float k = (float)(f - i);
    return ImGui::GetColorU32(ImVec4(a.x + (b.x - a.x) * k, a.y + (b.y - a.y) * k, a.z + (b.z - a.z) * k, alpha));
}

ImU32 score_color(double v, float alpha) { return ramp(kRdYlBu, v / 100.0, alpha); }
ImU32 gap_color(double gap, float alpha) { return ramp(kPuOr, (gap + 50.0) / 100.0, alpha); }

ImU32 stage_color(int stage, bool dark) {
    if (stage < 0) return dark ? IM_COL32(200, 200, 200, 255) : IM_COL32(60, 60, 60, 255);
    return kOkabeIto[stage % 8];
}

ImU32 text_on(ImU32 bg) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(bg);
    const float lum = 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;  // Rec. 709 weights, close enough on sRGB
    return lum > 0.5f ? IM_COL32(20, 20, 20, 255) : IM_COL32(255, 255, 255, 255);
}

ImU32 ui_color(ImGuiCol c, float alpha) { return with_alpha(ImGui::GetColorU32(c), alpha); }

// A horizontal colour bar with labelled ticks, as one ImGui item.
static void legend_bar(const char* title, ImU32 (*color)(double, float), double lo, double hi, const double* ticks,
                       int nticks, const char* const* tick_labels) {
    const float em = ImGui::GetFontSize();
    ImGui::TextUnformatted(title);
    ImGui::SameLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size(em * 12, ImGui::GetFrameHeight());
    ImGui::Dummy(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float bar_h = em * 0.6f;
    const int steps = 48;
    for (int i = 0; i < steps; i++) {
        const float x0 = p.x + size.x * i / steps, x1 = p.x + size.x * (i + 1) / steps;
        dl->AddRectFilled(ImVec2(x0, p.y), ImVec2(x1 + 0.5f, p.y + bar_h), color(lo + (hi - lo) * (i + 0.5) / steps, 1.0f));
    }
    dl->AddRect(ImVec2(p.x, p.y), ImVec2(p.x + size.x, p.y + bar_h), ui_color(ImGuiCol_Border));
    ImFont* font = ImGui::GetFont();
    const float fs = em * 0.75f;
    for (int i = 0; i < nticks; i++) {
        const float x = p.x + size.x * (float)((ticks[i] - lo) / (hi - lo));
        dl->AddLine(ImVec2(x, p.y), ImVec2(x, p.y + bar_h + em * 0.15f), ui_color(ImGuiCol_Text));
        const char* t = tick_labels[i];
        const float w = font->CalcTextSizeA(fs, FLT_MAX, 0, t).x;
        float tx = x - w / 2;
        if (tx < p.x) tx = p.x;
        if (tx + w > p.x + size.x + em) tx = p.x + size.x + em - w;
        dl->AddText(font, fs, ImVec2(tx, p.y + bar_h + em * 0.1f), ui_color(ImGuiCol_Text), t);
    }
}

void legend_score(double threshold) {
    char thr[32];
    std::snprintf(thr, sizeof thr, "%.0f", threshold);
    const double ticks[] = {0, threshold, 100};
    const char* const labels[] = {"0 poor", thr, "100 good"};
    legend_bar("Score", score_color, 0, 100, ticks, 3, labels);
}

void legend_gap() {
    const double ticks[] = {-50, 0, 50};
    const char* const labels[] = {"UX below CX", "0", "UX above"};
    legend_bar("Gap UX-CX", gap_color, -50, 50, ticks, 3, labels);
}

static const char* const kEvidenceLegend = "95% interval   " ICON_WARN " insufficient evidence   " ICON_PHONE " offline: no UX reading";

float legend_evidence_width() {
    return ImGui::GetFontSize() * 2.2f + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(kEvidenceLegend).x;
}

void legend_evidence() {
    const float em = ImGui::GetFontSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The whisker: how the interval looks on a card.
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(em * 2.2f, ImGui::GetFrameHeight()));
    const float y = p.y + ImGui::GetFrameHeight() * 0.5f;
    const ImU32 col = ui_color(ImGuiCol_Text);
    dl->AddLine(ImVec2(p.x + em * 0.2f, y), ImVec2(p.x + em * 2.0f, y), col, em * 0.1f);
    dl->AddLine(ImVec2(p.x + em * 0.2f, y - em * 0.3f), ImVec2(p.x + em * 0.2f, y + em * 0.3f), col, em * 0.1f);
    dl->AddLine(ImVec2(p.x + em * 2.0f, y - em * 0.3f), ImVec2(p.x + em * 2.0f, y + em * 0.3f), col, em * 0.1f);
    dl->AddCircleFilled(ImVec2(p.x + em * 1.2f, y), em * 0.22f, col);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(kEvidenceLegend);
}

}  // namespace uxcx
