// view_map.cpp: the journey map: stages as columns, channels as swimlanes, touchpoint cards with
// UX and CX side by side, an emotion curve; pan, zoom, culling and level of detail for 100k cards.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "ui/palette.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace uxcx {

static constexpr size_t kMaxItems = 2000;  // state() lists at most this many visible cards

// World (layout em) to screen and back. The stage header and lane labels are fixed overlays of
// constant size, so world content starts under and right of them.
struct MapXform {
    ImVec2 origin;  // screen position of world (kLaneLabelW, kHeaderH) at camera (0, 0)
    float scale;    // screen pixels per world em
    float cx, cy;   // camera
    ImVec2 to_screen(float x, float y) const {
        return ImVec2(origin.x + (x - kLaneLabelW - cx) * scale, origin.y + (y - kHeaderH - cy) * scale);
    }
};

static void fit_camera(MapCamera& cam, const MapLayout& l, ImVec2 content, float em) {
    const float ww = std::max(1.0f, l.width - kLaneLabelW), wh = std::max(1.0f, l.height - kHeaderH);
    float z = std::min(content.x / ww, content.y / wh) / em;
    cam.zoom = std::clamp(z, 0.005f, 1.5f);
    const float s = em * cam.zoom;
    cam.x = -(content.x / s - ww) * 0.5f;
    cam.y = 0;
}

// Draws one card at full detail: name, then the UX and CX chips side by side.
static void draw_card(ImDrawList* dl, const App& app, int t, ImVec2 a, ImVec2 b, float fs, bool selected, bool hovered) {
    const Journey& j = app.doc.journey;
    const Touchpoint& tp = j.touchpoints[t];
    const TouchpointScore& sc = app.doc.analysis.touchpoints[t];
    const float r = fs * 0.35f;
    dl->AddRectFilled(a, b, ui_color(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_PopupBg), r);
    dl->AddRect(a, b, selected ? ui_color(ImGuiCol_NavHighlight) : ui_color(ImGuiCol_Border), r, 0,
                selected ? fs * 0.22f : 1.0f);
    const float pad = fs * 0.4f;
    const ImVec4 clip(a.x + pad, a.y, b.x - pad, b.y);
    draw_text_clipped(dl, fs, ImVec2(a.x + pad, a.y + pad * 0.6f), ui_color(ImGuiCol_Text), tp.name, clip);
    const float top = a.y + fs * 1.6f, bottom = b.y - pad;
    const float mid = (a.x + b.x) * 0.5f;
    const bool offline = channel_offline(j, tp.channel);
    draw_score_chip(dl, ImVec2(a.x + pad, top), ImVec2(mid - pad * 0.5f, bottom), "UX", sc.ux, fs, offline && !sc.ux.present());
    draw_score_chip(dl, ImVec2(mid + pad * 0.5f, top), ImVec2(b.x - pad, bottom), "CX", sc.cx, fs);
}

// Level of detail below full: two halves, UX left and CX right. The name no longer fits, but the
// two numbers still do at a readable size (`label_fs`, 0 for none): a fitted map of a whole
// journey on a laptop or projector then still shows every value, not only colours.
static void draw_card_small(ImDrawList* dl, const App& app, int t, ImVec2 a, ImVec2 b, bool selected, float label_fs) {
    const TouchpointScore& sc = app.doc.analysis.touchpoints[t];
    const float mid = (a.x + b.x) * 0.5f;
    const ImU32 ux_bg = score_color(sc.ux.value), cx_bg = score_color(sc.cx.value);
    dl->AddRectFilled(a, ImVec2(mid, b.y), ux_bg);
    dl->AddRectFilled(ImVec2(mid, a.y), b, cx_bg);
    if (label_fs > 0 && mid - a.x >= label_fs * 1.6f && b.y - a.y >= label_fs * 1.1f) {
        const Score* halves[2] = {&sc.ux, &sc.cx};
        const ImU32 bgs[2] = {ux_bg, cx_bg};
        for (int h = 0; h < 2; h++) {
            char text[16];
            if (halves[h]->present())
                std::snprintf(text, sizeof text, "%.0f", halves[h]->value);
            else if (h == 0 && channel_offline(app.doc.journey, app.doc.journey.touchpoints[t].channel))
                std::snprintf(text, sizeof text, "%s", ICON_PHONE);  // the legend's "offline: no UX reading"
            else
                continue;  // an empty half reads as "no reading"; never a 0
            const ImVec2 size = ImGui::GetFont()->CalcTextSizeA(label_fs, FLT_MAX, 0, text);
            const float x0 = h == 0 ? a.x : mid, x1 = h == 0 ? mid : b.x;
            dl->AddText(ImGui::GetFont(), label_fs,
                        ImVec2((x0 + x1 - size.x) * 0.5f, (a.y + b.y - size.y) * 0.5f), text_on(bgs[h]), text);
        }
    }
    if (selected) dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), ui_color(ImGuiCol_NavHighlight), 0, 0, 3);
}

static void draw_header(ImDrawList* dl, const App& app, const MapXform& xf, ImVec2 p0, ImVec2 p1, float em) {
    const Journey& j = app.doc.journey;
    const MapLayout& l = app.doc.layout;
    const float h = kHeaderH * em;
    dl->AddRectFilled(p0, ImVec2(p1.x, p0.y + h), ui_color(ImGuiCol_MenuBarBg));
    dl->AddLine(ImVec2(p0.x, p0.y + h), ImVec2(p1.x, p0.y + h), ui_color(ImGuiCol_Border));
    for (size_t c = 0; c < l.columns.size(); c++) {
        const float x0 = std::max(xf.to_screen(l.columns[c].x, 0).x, p0.x + kLaneLabelW * em);
        const float x1 = xf.to_screen(l.columns[c].right(), 0).x;
        if (x1 < p0.x || x0 > p1.x || x1 - x0 < em * 0.5f) continue;
        const int s = l.column_stage[c];
        const GroupScore& g = app.doc.analysis.stages[s >= 0 ? s : j.stages.size()];
        dl->AddLine(ImVec2(x1, p0.y), ImVec2(x1, p0.y + h), ui_color(ImGuiCol_Border));
        const ImVec4 clip(x0 + em * 0.4f, p0.y, x1 - em * 0.2f, p0.y + h);
        char title[16];
        std::snprintf(title, sizeof title, "%d. ", (int)c + 1);
        const float tw = ImGui::CalcTextSize(title).x;
        draw_text_clipped(dl, em, ImVec2(x0 + em * 0.5f, p0.y + em * 0.3f), ui_color(ImGuiCol_TextDisabled), title, clip);
        draw_text_clipped(dl, em, ImVec2(x0 + em * 0.5f + tw, p0.y + em * 0.3f), ui_color(ImGuiCol_Text),
                          stage_name(j, s), clip);
        const float cw = std::min(em * 6.0f, (x1 - x0 - em * 1.5f) * 0.5f);
        if (cw > em * 2.5f) {
            const ImVec2 a(x0 + em * 0.5f, p0.y + em * 1.7f);
            draw_score_chip(dl, a, ImVec2(a.x + cw, p0.y + h - em * 0.35f), "UX", g.ux, em * 0.9f);
            draw_score_chip(dl, ImVec2(a.x + cw + em * 0.4f, a.y), ImVec2(a.x + cw * 2 + em * 0.4f, p0.y + h - em * 0.35f),
                            "CX", g.cx, em * 0.9f);
        }
    }
}

static void draw_lane_labels(ImDrawList* dl, const App& app, const MapXform& xf, ImVec2 p0, ImVec2 p1, float em) {
    const Journey& j = app.doc.journey;
    const MapLayout& l = app.doc.layout;
    const float w = kLaneLabelW * em, top = p0.y + kHeaderH * em;
    dl->AddRectFilled(ImVec2(p0.x, top), ImVec2(p0.x + w, p1.y), ui_color(ImGuiCol_MenuBarBg));
    dl->AddLine(ImVec2(p0.x + w, top), ImVec2(p0.x + w, p1.y), ui_color(ImGuiCol_Border));
    auto label = [&](float y0, float y1, const char* icon, const char* name, const char* tag) {
        y0 = std::max(y0, top);
        if (y1 < top || y0 > p1.y || y1 - y0 < em * 1.2f) return;
        const ImVec4 clip(p0.x + em * 0.3f, y0, p0.x + w - em * 0.2f, y1);
        draw_text_clipped(dl, em, ImVec2(p0.x + em * 0.4f, y0 + em * 0.4f), ui_color(ImGuiCol_TextDisabled), icon, clip);
        draw_text_clipped(dl, em, ImVec2(p0.x + em * 1.8f, y0 + em * 0.4f), ui_color(ImGuiCol_Text), name, clip);
        if (tag && y1 - y0 > em * 2.6f)
            draw_text_clipped(dl, em * 0.8f, ImVec2(p0.x + em * 1.8f, y0 + em * 1.6f), ui_color(ImGuiCol_TextDisabled), tag, clip);
        dl->AddLine(ImVec2(p0.x, y1), ImVec2(p0.x + w, y1), ui_color(ImGuiCol_Border));
    };
    for (size_t i = 0; i < l.lanes.size(); i++) {
        const int c = l.lane_channel[i];
        const bool off = channel_offline(j, c);
        label(xf.to_screen(0, l.lanes[i].y).y, xf.to_screen(0, l.lanes[i].bottom()).y, off ? ICON_PHONE : ICON_DESKTOP,
              channel_name(j, c), off ? "offline · CX only" : "digital");
    }
    label(xf.to_screen(0, l.emotion.y).y, xf.to_screen(0, l.emotion.bottom()).y, ":)", "Emotion", "-2 .. +2");
}

// Lane bands behind the cards; offline lanes hatched so they read as different at a glance.
static void draw_lanes(ImDrawList* dl, const App& app, const MapXform& xf, ImVec2 p0, ImVec2 p1, float em) {
    const Journey& j = app.doc.journey;
    const MapLayout& l = app.doc.layout;
    for (size_t i = 0; i < l.lanes.size(); i++) {
        const ImVec2 a = xf.to_screen(kLaneLabelW, l.lanes[i].y), b = xf.to_screen(l.width, l.lanes[i].bottom());
        if (b.y < p0.y || a.y > p1.y || b.x < p0.x || a.x > p1.x) continue;
        const ImVec2 ca(std::max(a.x, p0.x), std::max(a.y, p0.y)), cb(std::min(b.x, p1.x), std::min(b.y, p1.y));
        const bool off = channel_offline(j, l.lane_channel[i]);
        dl->AddRectFilled(ca, cb, ui_color(i % 2 ? ImGuiCol_TableRowBgAlt : ImGuiCol_WindowBg, i % 2 ? 1.0f : 0.0f));
        if (off) {
            dl->AddRectFilled(ca, cb, ui_color(ImGuiCol_TextDisabled, 0.08f));
            dl->PushClipRect(ca, cb, true);
            const float step = em * 1.2f, hgt = cb.y - ca.y;
            for (float x = ca.x - hgt - std::fmod(ca.x - p0.x, step); x < cb.x; x += step)
                dl->AddLine(ImVec2(x, cb.y), ImVec2(x + hgt, ca.y), ui_color(ImGuiCol_TextDisabled, 0.12f));
            dl->PopClipRect();
        }
        dl->AddLine(ImVec2(ca.x, cb.y), ImVec2(cb.x, cb.y), ui_color(ImGuiCol_Border, 0.6f));
    }
    for (size_t c = 0; c < l.columns.size(); c++) {
        const float x = xf.to_screen(l.columns[c].right(), 0).x;
        if (x > p0.x && x < p1.x) dl->AddLine(ImVec2(x, p0.y), ImVec2(x, p1.y), ui_color(ImGuiCol_Border, 0.6f));
    }
}

// The emotion curve: one point per stage (mean emotion), joined; -2..+2 mapped to the lane.
static void draw_emotion(ImDrawList* dl, const App& app, const MapXform& xf, float em) {
    const MapLayout& l = app.doc.layout;
    const Journey& j = app.doc.journey;
    const ImVec2 a = xf.to_screen(kLaneLabelW, l.emotion.y), b = xf.to_screen(l.width, l.emotion.bottom());
    const float pad = (b.y - a.y) * 0.15f;
    auto Y = [&](double e) { return b.y - pad - (float)((e + 2) / 4) * (b.y - a.y - 2 * pad); };
    dl->AddLine(ImVec2(a.x, Y(0)), ImVec2(b.x, Y(0)), ui_color(ImGuiCol_Border), 1.0f);
    ImVec2 prev;
    bool has_prev = false;
    for (size_t c = 0; c < l.columns.size(); c++) {
        const int s = l.column_stage[c];
        const double e = app.doc.analysis.stages[s >= 0 ? s : j.stages.size()].emotion;
        if (std::isnan(e)) continue;
        const ImVec2 p(xf.to_screen(l.columns[c].x + l.columns[c].w * 0.5f, 0).x, Y(e));
        if (has_prev) dl->AddLine(prev, p, ui_color(ImGuiCol_PlotLines), std::max(1.5f, em * 0.18f));
        const ImU32 col = e >= 0 ? score_color(85) : score_color(15);
        dl->AddCircleFilled(p, std::max(2.0f, em * 0.35f), col);
        dl->AddCircle(p, std::max(2.0f, em * 0.35f), ui_color(ImGuiCol_Text), 0, 1.0f);
        if (xf.scale > em * 0.3f) {
            char t[16];
            std::snprintf(t, sizeof t, "%+.1f", e);
            dl->AddText(ImVec2(p.x + em * 0.5f, p.y - em * 1.2f), ui_color(ImGuiCol_Text), t);
        }
        prev = p;
        has_prev = true;
    }
}

void view_map(App& app) {
    const Journey& j = app.doc.journey;
    const MapLayout& l = app.doc.layout;
    MapCamera& cam = app.map;
    const float em = ImGui::GetFontSize();

    // Toolbar of the view: fit, zoom, legends.
    if (ImGui::Button(ICON_EXPAND " Fit")) cam.fit = true;
    ImGui::SetItemTooltip("Fit the whole journey in the window (F)");
    ImGui::SameLine();
    ImGui::Text("%.0f%%", cam.zoom * 100);
    ImGui::SameLine(0, em * 1.5f);
    legend_score(j.scoring.threshold);
    ImGui::SameLine(0, em * 1.5f);
    legend_evidence();

    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, em * 4);
    size.y = std::max(size.y, em * 4);
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    ImGui::InvisibleButton("##mapcanvas", size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
    const ImVec2 content(size.x - kLaneLabelW * em, size.y - kHeaderH * em);
    if (cam.fit) {
        fit_camera(cam, l, content, em);
        cam.fit = false;
    }
    ImGuiIO& io = ImGui::GetIO();
    if (app_owns_keyboard() && ImGui::IsKeyPressed(ImGuiKey_F, false) && !io.KeyCtrl) fit_camera(cam, l, content, em);

    // Pan: drag (either button) or the wheel; zoom: ctrl+wheel (browsers send pinch as ctrl+wheel).
    float scale = em * cam.zoom;
    if (active && (ImGui::IsMouseDragging(ImGuiMouseButton_Left) || ImGui::IsMouseDragging(ImGuiMouseButton_Right))) {
        cam.x -= io.MouseDelta.x / scale;
        cam.y -= io.MouseDelta.y / scale;
    }
    if (hovered && (io.MouseWheel != 0 || io.MouseWheelH != 0)) {
        if (io.KeyCtrl) {
            const ImVec2 origin(p0.x + kLaneLabelW * em, p0.y + kHeaderH * em);
            const float wx = cam.x + (io.MousePos.x - origin.x) / scale, wy = cam.y + (io.MousePos.y - origin.y) / scale;
            cam.zoom = std::clamp(cam.zoom * std::pow(1.15f, io.MouseWheel), 0.005f, 3.0f);
            scale = em * cam.zoom;
            cam.x = wx - (io.MousePos.x - origin.x) / scale;
            cam.y = wy - (io.MousePos.y - origin.y) / scale;
        } else {
            const float step = em * 4 / scale;  // four lines of text per notch, whatever the zoom
            if (io.KeyShift) {
                cam.x -= io.MouseWheel * step;
            } else {
                cam.y -= io.MouseWheel * step;
                cam.x -= io.MouseWheelH * step;
            }
        }
    }
    const MapXform xf{ImVec2(p0.x + kLaneLabelW * em, p0.y + kHeaderH * em), scale, cam.x, cam.y};

    // Bring the selected card into view after keyboard navigation.
    if (cam.follow && app.selected >= 0 && app.selected < (int)l.cards.size()) {
        const LayoutRect& r = l.cards[app.selected];
        const float vw = content.x / scale, vh = content.y / scale;
        const float left = r.x - kLaneLabelW, top = r.y - kHeaderH;
        if (left < cam.x || left + r.w > cam.x + vw) cam.x = left + r.w * 0.5f - vw * 0.5f;
        if (top < cam.y || top + r.h > cam.y + vh) cam.y = top + r.h * 0.5f - vh * 0.5f;
        cam.follow = false;
    }
    // Keep at least half the window on the journey: no panning off into empty space.
    {
        const float vw = content.x / scale, vh = content.y / scale;
        const float ww = l.width - kLaneLabelW, wh = l.height - kHeaderH;
        cam.x = std::clamp(cam.x, std::min(-vw * 0.5f, ww - vw * 0.5f), std::max(-vw * 0.5f, ww - vw * 0.5f));
        cam.y = std::clamp(cam.y, std::min(-vh * 0.5f, wh - vh * 0.5f), std::max(-vh * 0.5f, wh - vh * 0.5f));
    }
    const MapXform view{xf.origin, scale, cam.x, cam.y};

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(p0, p1, true);
    dl->AddRectFilled(p0, p1, ui_color(ImGuiCol_WindowBg));
    const ImVec2 c0 = view.origin;  // world content area on screen
    dl->PushClipRect(c0, p1, true);
    draw_lanes(dl, app, view, c0, p1, em);

    // Cards, culled per cell then per card; three levels of detail by on-screen card size.
    const float card_px = kCardW * scale;
    // Text is drawn while it is at least 8 CSS pixels high; below that a card is two colours.
    const bool full = em * cam.zoom >= 8.0f * std::max(1.0f, app.dpi_scale);
    // Cards narrower than 8 px are noise, and tens of thousands of them cost a frame: one block
    // per cell instead, coloured by the cell's aggregate.
    const bool blocks = card_px < 8.0f * std::max(1.0f, app.dpi_scale);
    const int lanes = (int)l.lanes.size();
    int hovered_card = -1;
    const float fs = em * cam.zoom;
    // Between full detail and blocks, the two numbers at 0.8 em while a card is at least ~4 em wide.
    const float small_label_fs = card_px >= em * 4.0f ? em * 0.8f : 0.0f;
    for (int c = 0; c < (int)l.columns.size(); c++) {
        const float x0 = view.to_screen(l.columns[c].x, 0).x, x1 = view.to_screen(l.columns[c].right(), 0).x;
        if (x1 < c0.x || x0 > p1.x) continue;
        for (int ln = 0; ln < lanes; ln++) {
            const float y0 = view.to_screen(0, l.lanes[ln].y).y, y1 = view.to_screen(0, l.lanes[ln].bottom()).y;
            if (y1 < c0.y || y0 > p1.y) continue;
            const int cell = c * lanes + ln;
            const int begin = l.cell_begin[cell], end = l.cell_begin[cell + 1];
            if (begin == end) continue;
            if (blocks) {
                // Block of the cell's aggregate: UX left half, CX right half.
                const int s = l.column_stage[c], ch = l.lane_channel[ln];
                const size_t S = j.stages.size() + 1, C = j.channels.size() + 1;
                const GroupScore& g = app.doc.analysis.cells[(s >= 0 ? s : S - 1) * C + (ch >= 0 ? ch : C - 1)];
                const ImVec2 a(x0 + 1, y0 + 1), b(x1 - 1, y1 - 1);
                dl->AddRectFilled(a, ImVec2((a.x + b.x) * 0.5f, b.y), score_color(g.ux.value, 0.85f));
                dl->AddRectFilled(ImVec2((a.x + b.x) * 0.5f, a.y), b, score_color(g.cx.value, 0.85f));
                continue;
            }
            for (int i = begin; i < end; i++) {
                const int t = l.cell_cards[i];
                const LayoutRect& r = l.cards[t];
                const ImVec2 a = view.to_screen(r.x, r.y), b = view.to_screen(r.right(), r.bottom());
                if (b.x < c0.x || a.x > p1.x || b.y < c0.y || a.y > p1.y) continue;
                const bool over = hovered && io.MousePos.x >= a.x && io.MousePos.x < b.x && io.MousePos.y >= a.y &&
                                  io.MousePos.y < b.y;
                if (over) hovered_card = t;
                if (full)
                    draw_card(dl, app, t, a, b, fs, app.selected == t, over);
                else
                    draw_card_small(dl, app, t, a, b, app.selected == t, small_label_fs);
                if (app.items.size() < kMaxItems) {
                    // Report the visible part only, so a click at its centre lands on the card.
                    const float vx0 = std::max(a.x, c0.x), vy0 = std::max(a.y, c0.y);
                    const float vx1 = std::min(b.x, p1.x), vy1 = std::min(b.y, p1.y);
                    app.items.push_back({t, vx0, vy0, vx1 - vx0, vy1 - vy0});
                }
            }
        }
    }
    // The selected card on top, so its outline is never hidden by a neighbour.
    if (!blocks && app.selected >= 0 && app.selected < (int)l.cards.size()) {
        const LayoutRect& r = l.cards[app.selected];
        const ImVec2 a = view.to_screen(r.x, r.y), b = view.to_screen(r.right(), r.bottom());
        dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), ui_color(ImGuiCol_NavHighlight),
                    full ? fs * 0.35f : 0, 0, std::max(2.0f, em * 0.15f));
    }
    draw_emotion(dl, app, view, em);
    dl->PopClipRect();

    draw_header(dl, app, view, p0, p1, em);
    draw_lane_labels(dl, app, view, p0, p1, em);
    dl->AddRectFilled(p0, ImVec2(p0.x + kLaneLabelW * em, p0.y + kHeaderH * em), ui_color(ImGuiCol_MenuBarBg));
    if (j.touchpoints.empty())
        dl->AddText(ImVec2(c0.x + em, c0.y + em), ui_color(ImGuiCol_TextDisabled), "This journey has no touchpoints yet.");
    dl->PopClipRect();

    // Click selects (a drag is a pan, not a click); hover shows the raw numbers.
    if (hovered_card >= 0 && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
        io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < em * em * 0.25f)
        app.selected = hovered_card;
    if (hovered_card >= 0 && !active && ImGui::BeginTooltip()) {
        touchpoint_tooltip(app, hovered_card);
        ImGui::EndTooltip();
    }
}

}  // namespace uxcx
