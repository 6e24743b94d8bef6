// map_overlay.cpp: other sets' curves on the journey map (map_overlay.h). Emotion (-2..+2) and the
// stage's CX score (0..100) share the emotion lane: emotion 0 and score 50 sit on its middle line,
// emotion +2 and score 100 at its top. Emotion is a solid line with round marks, the score a thin
// line with square marks; one colour per set (Okabe-Ito, distinguishable with colour blindness).
#include "ui/map_overlay.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/link.h"
#include "ui/palette.h"

namespace uxcx {

namespace {

// Okabe-Ito orange, sky blue, bluish green, vermillion, reddish purple.
const ImU32 kOverlayColors[kMaxOverlaySets] = {IM_COL32(230, 159, 0, 255), IM_COL32(86, 180, 233, 255),
                                               IM_COL32(0, 158, 115, 255), IM_COL32(213, 94, 0, 255),
                                               IM_COL32(204, 121, 167, 255)};

const char* set_label(const MeasurementSet& s) { return s.name.empty() ? s.id.c_str() : s.name.c_str(); }

}  // namespace

const std::vector<Analysis>& overlay_analyses(App& app) {
    OverlayState& st = app.overlay_cache;
    if (st.generation != app.generation || st.sets != app.overlay) {
        st.generation = app.generation;
        st.sets = app.overlay;
        st.analyses.clear();
        for (int s : st.sets) st.analyses.push_back(analyse(app.doc.journey, s));
    }
    return st.analyses;
}

void draw_set_overlay(ImDrawList* dl, App& app, const OverlayGeometry& g, float em) {
    if (app.overlay.empty() || !app.has_document) return;
    const Journey& j = app.doc.journey;
    const MapLayout& l = app.doc.layout;
    const std::vector<Analysis>& analyses = overlay_analyses(app);
    const float pad = (g.lane_bottom - g.lane_top) * 0.15f;
    auto Y = [&](double unit) {  // unit: 0 (bottom: emotion -2, score 0) .. 1 (top)
        return g.lane_bottom - pad - (float)unit * (g.lane_bottom - g.lane_top - 2 * pad);
    };
    const float thick = std::max(1.5f, em * 0.16f), mark = std::max(2.0f, em * 0.28f);
    for (size_t k = 0; k < analyses.size() && k < (size_t)kMaxOverlaySets; k++) {
        const Analysis& an = analyses[k];
        const ImU32 col = kOverlayColors[k];
        ImVec2 prevE, prevS;
        bool hasE = false, hasS = false;
        for (size_t c = 0; c < l.columns.size() && c < g.column_x.size(); c++) {
            const int s = l.column_stage[c];
            const GroupScore& st = an.stages[s >= 0 ? (size_t)s : j.stages.size()];
            const float x = g.column_x[c];
            if (!std::isnan(st.emotion)) {
                const ImVec2 p(x, Y((st.emotion + 2) / 4));
                if (hasE) dl->AddLine(prevE, p, col, thick);
                dl->AddCircleFilled(p, mark, col);
                prevE = p, hasE = true;
            }
            if (st.cx.present()) {
                const ImVec2 p(x, Y(st.cx.value / 100));
                if (hasS) dl->AddLine(prevS, p, col, thick * 0.6f);
                dl->AddRectFilled(ImVec2(p.x - mark * 0.8f, p.y - mark * 0.8f), ImVec2(p.x + mark * 0.8f, p.y + mark * 0.8f), col);
                prevS = p, hasS = true;
            }
        }
    }

    // The legend: bottom right of the canvas, one row per set, then what the marks mean.
    const float row = em * 1.3f;
    float w = em * 12;
    ImFont* font = ImGui::GetFont();
    for (int s : app.overlay) w = std::max(w, font->CalcTextSizeA(em, FLT_MAX, 0, set_label(j.sets[(size_t)s])).x + em * 3);
    const float h = row * (float)(app.overlay.size() + 1) + em * 0.6f;
    const ImVec2 b(g.canvas_max.x - em * 0.6f, g.canvas_max.y - em * 0.6f), a(b.x - w, b.y - h);
    dl->AddRectFilled(a, b, ui_color(ImGuiCol_PopupBg, 0.92f), em * 0.3f);
    dl->AddRect(a, b, ui_color(ImGuiCol_Border), em * 0.3f);
    float y = a.y + em * 0.3f;
    for (size_t k = 0; k < app.overlay.size() && k < (size_t)kMaxOverlaySets; k++) {
        const ImU32 col = kOverlayColors[k];
        dl->AddLine(ImVec2(a.x + em * 0.5f, y + row * 0.5f), ImVec2(a.x + em * 2.0f, y + row * 0.5f), col, thick);
        dl->AddCircleFilled(ImVec2(a.x + em * 1.25f, y + row * 0.5f), mark, col);
        dl->AddText(font, em, ImVec2(a.x + em * 2.4f, y + (row - em) * 0.5f), ui_color(ImGuiCol_Text),
                    set_label(j.sets[(size_t)app.overlay[k]]));
        y += row;
    }
    dl->AddText(font, em * 0.85f, ImVec2(a.x + em * 0.5f, y + (row - em) * 0.5f), ui_color(ImGuiCol_TextDisabled),
                "\xe2\x97\x8f emotion  \xe2\x96\xa0 CX score (0-100)");
}

}  // namespace uxcx
