// view_map.cpp: the journey map: stages as columns, channels as swimlanes, touchpoint cards with
// UX and CX side by side, an emotion curve; pan, zoom, culling and level of detail for 100k cards.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "imgui.h"
#include "core/edit.h"
#include "ui/edit_ui.h"
#include "ui/map_draw.h"
#include "ui/map_overlay.h"
#include "ui/palette.h"
#include "ui/style.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace uxcx {

static constexpr size_t kMaxItems = 2000;  // state() lists at most this many visible cards

// The zoom and position that show the whole journey in `content` (canvas pixels right of the lane
// labels and under the stage headers), centred across.
static void fit_camera(MapCamera& cam, const MapLayout& l, ImVec2 content, float em) {
    const float ww = std::max(1.0f, l.width - kLaneLabelW), wh = std::max(1.0f, l.height - kHeaderH);
    float z = std::min(content.x / ww, content.y / wh) / em;
    cam.zoom = std::clamp(z, 0.005f, 1.5f);
    const float s = em * cam.zoom;
    cam.x = -(content.x / s - ww) * 0.5f;
    cam.y = 0;
}

// Draws one card at full detail: name, then the UX and CX chips side by side.
CardMarks draw_card(ImDrawList* dl, const App& app, int t, ImVec2 a, ImVec2 b, float fs, bool selected, bool hovered) {
    const Journey& j = app.doc.journey;
    const Touchpoint& tp = j.touchpoints[t];
    const TouchpointScore& sc = app.doc.analysis.touchpoints[t];
    const float r = fs * 0.35f;
    dl->AddRectFilled(a, b, ui_color(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_PopupBg), r);
    dl->AddRect(a, b, selected ? ui_color(ImGuiCol_NavCursor) : ui_color(ImGuiCol_Border), r, 0,
                selected ? fs * 0.22f : 1.0f);
    const float pad = fs * 0.4f;
    CardMarks marks;
    marks.label = shown(ellipsize(tp.name, fs, b.x - a.x - 2 * pad));  // shortened visibly; the tooltip has it whole
    marks.label_px = fs;
    dl->AddText(ImGui::GetFont(), fs, ImVec2(a.x + pad, a.y + pad * 0.6f), ui_color(ImGuiCol_Text), marks.label.c_str());
    const float top = a.y + fs * 1.6f, bottom = b.y - pad;
    const float mid = (a.x + b.x) * 0.5f;
    const bool offline = channel_offline(j, tp.channel);
    draw_score_chip(dl, ImVec2(a.x + pad, top), ImVec2(mid - pad * 0.5f, bottom), "UX", sc.ux, fs, offline && !sc.ux.present());
    draw_score_chip(dl, ImVec2(mid + pad * 0.5f, top), ImVec2(b.x - pad, bottom), "CX", sc.cx, fs);
    marks.evidence = (sc.ux.present() && sc.ux.insufficient) || (sc.cx.present() && sc.cx.insufficient);
    return marks;
}

// Level of detail below full, where the map is fitted on a laptop or projector: the name on top
// and the two numbers under it, UX left and CX right, at `label_fs`, a readable size that does
// not shrink with the zoom (0: too small for text, colours only). The insufficient-evidence mark
// (dashed outline, and the warning sign where it fits) is drawn whatever the size.
CardMarks draw_card_small(ImDrawList* dl, const App& app, int t, ImVec2 a, ImVec2 b, bool selected, float label_fs) {
    const Journey& j = app.doc.journey;
    const TouchpointScore& sc = app.doc.analysis.touchpoints[t];
    const float mid = (a.x + b.x) * 0.5f;
    CardMarks marks;
    // The name band, when two lines of text fit the card's height.
    float top = a.y;
    if (label_fs > 0 && b.y - a.y >= label_fs * 2.3f) {
        top = a.y + label_fs * 1.25f;
        dl->AddRectFilled(a, ImVec2(b.x, top), ui_color(ImGuiCol_PopupBg));
        const float pad = label_fs * 0.3f;
        marks.label = shown(ellipsize(j.touchpoints[t].name, label_fs, b.x - a.x - 2 * pad));
        marks.label_px = label_fs;
        dl->AddText(ImGui::GetFont(), label_fs, ImVec2(a.x + pad, a.y + label_fs * 0.1f), ui_color(ImGuiCol_Text), marks.label.c_str());
    }
    const Score* halves[2] = {&sc.ux, &sc.cx};
    for (int h = 0; h < 2; h++) {
        const Score& s = *halves[h];
        const ImVec2 ha(h == 0 ? a.x : mid, top), hb(h == 0 ? mid : b.x, b.y);
        const ImU32 bg = score_color(s.value);
        dl->AddRectFilled(ha, hb, bg);
        const bool weak = s.present() && s.insufficient;
        if (weak) draw_evidence_mark(dl, ha, hb, std::max(label_fs, (hb.y - ha.y) * 0.5f));
        marks.evidence |= weak;
        if (label_fs <= 0 || hb.x - ha.x < label_fs * 1.6f || hb.y - ha.y < label_fs * 1.05f) continue;
        char text[24];
        if (s.present())
            std::snprintf(text, sizeof text, "%.0f%s", s.value, weak ? " " ICON_WARN : "");
        else if (h == 0 && channel_offline(j, j.touchpoints[t].channel))
            std::snprintf(text, sizeof text, "%s", ICON_PHONE);  // the legend's "offline: no UX reading"
        else
            continue;  // an empty half reads as "no reading"; never a 0
        ImVec2 size = ImGui::GetFont()->CalcTextSizeA(label_fs, FLT_MAX, 0, text);
        if (size.x > hb.x - ha.x && weak) {  // no room for the sign: the dashes still say it
            std::snprintf(text, sizeof text, "%.0f", s.value);
            size = ImGui::GetFont()->CalcTextSizeA(label_fs, FLT_MAX, 0, text);
        }
        dl->AddText(ImGui::GetFont(), label_fs, ImVec2((ha.x + hb.x - size.x) * 0.5f, (ha.y + hb.y - size.y) * 0.5f), text_on(bg), text);
    }
    if (selected) dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), ui_color(ImGuiCol_NavCursor), 0, 0, 3);
    return marks;
}

// The stage headers: "3. Delivery" and the stage's UX and CX. A title that does not fit is drawn
// smaller (down to a readable minimum), then shortened with "…"; hovering shows it whole (the
// caller's tooltip). Each header drawn goes to app.headers. Returns the column under the mouse.
int draw_header(ImDrawList* dl, App& app, const MapXform& xf, ImVec2 p0, ImVec2 p1, float em, float min_fs,
                       bool hovered) {
    const Journey& j = app.doc.journey;
    const MapLayout& l = app.doc.layout;
    const float h = kHeaderH * em;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int under_mouse = -1;
    dl->AddRectFilled(p0, ImVec2(p1.x, p0.y + h), ui_color(ImGuiCol_MenuBarBg));
    dl->AddLine(ImVec2(p0.x, p0.y + h), ImVec2(p1.x, p0.y + h), ui_color(ImGuiCol_Border));
    ImFont* font = ImGui::GetFont();
    for (size_t c = 0; c < l.columns.size(); c++) {
        const float x0 = std::max(xf.to_screen(l.columns[c].x, 0).x, p0.x + kLaneLabelW * em);
        const float x1 = std::min(xf.to_screen(l.columns[c].right(), 0).x, p1.x);
        if (x1 <= x0 || x1 - x0 < em * 0.5f) continue;
        if (hovered && mouse.x >= x0 && mouse.x < x1 && mouse.y >= p0.y && mouse.y < p0.y + h) under_mouse = (int)c;
        const int s = l.column_stage[c];
        const GroupScore& g = app.doc.analysis.stages[s >= 0 ? s : j.stages.size()];
        dl->AddLine(ImVec2(x1, p0.y), ImVec2(x1, p0.y + h), ui_color(ImGuiCol_Border));
        char number[16];
        std::snprintf(number, sizeof number, "%d. ", (int)c + 1);
        const char* name = stage_name(j, s);
        const float room = x1 - x0 - em * 0.7f;
        float fs = em;
        const float whole = font->CalcTextSizeA(fs, FLT_MAX, 0, number).x + font->CalcTextSizeA(fs, FLT_MAX, 0, name).x;
        if (whole > room && room > 0) fs = std::max(min_fs, std::min(em, em * room / whole));
        const float nw = font->CalcTextSizeA(fs, FLT_MAX, 0, number).x;
        std::string label = nw <= room ? number + shown(ellipsize(name, fs, room - nw)) : std::string();
        if (!label.empty() && label.size() == std::strlen(number)) label.clear();  // a bare "3. " names nothing
        if (!label.empty()) {
            const ImVec2 at(x0 + em * 0.5f, p0.y + em * 0.3f + (em - fs) * 0.5f);
            dl->AddText(font, fs, at, ui_color(ImGuiCol_TextDisabled), number);
            dl->AddText(font, fs, ImVec2(at.x + nw, at.y), ui_color(ImGuiCol_Text), label.c_str() + std::strlen(number));
        }
        app.headers.push_back({(int)c, x0, p0.y, x1 - x0, h, label, label.empty() ? 0.0f : fs});
        const float cw = std::min(em * 6.0f, (x1 - x0 - em * 1.5f) * 0.5f);
        if (cw > em * 2.5f) {
            const ImVec2 a(x0 + em * 0.5f, p0.y + em * 1.7f);
            draw_score_chip(dl, a, ImVec2(a.x + cw, p0.y + h - em * 0.35f), "UX", g.ux, em * 0.9f);
            draw_score_chip(dl, ImVec2(a.x + cw + em * 0.4f, a.y), ImVec2(a.x + cw * 2 + em * 0.4f, p0.y + h - em * 0.35f),
                            "CX", g.cx, em * 0.9f);
        }
    }
    return under_mouse;
}

// The whole stage title and its scores, for a header under the mouse.
static void header_tooltip(const App& app, int column) {
    const Journey& j = app.doc.journey;
    const int s = app.doc.layout.column_stage[(size_t)column];
    const GroupScore& g = app.doc.analysis.stages[s >= 0 ? s : j.stages.size()];
    ImGui::Text("%d.", column + 1);
    ImGui::SameLine();
    text_shown_wrapped(stage_name(j, s), ImGui::GetFontSize() * 26);
    char ux[16], cx[16];
    fmt_score(ux, sizeof ux, g.ux.value);
    fmt_score(cx, sizeof cx, g.cx.value);
    ImGui::TextDisabled("%d touchpoints  \xc2\xb7  UX %s%s  \xc2\xb7  CX %s%s", g.count, ux,
                        g.ux.present() && g.ux.insufficient ? " " ICON_WARN : "", cx, g.cx.present() && g.cx.insufficient ? " " ICON_WARN : "");
}

// The channel of each lane, left of the cards. A name wider than the column is shortened with "…"
// (never cut mid-letter by the clip); the whole name and the lane's scores are in the tooltip.
// Returns the lane (index into MapLayout::lanes) under the mouse, or -1.
int draw_lane_labels(ImDrawList* dl, const App& app, const MapXform& xf, ImVec2 p0, ImVec2 p1, float em, bool hovered) {
    const Journey& j = app.doc.journey;
    const MapLayout& l = app.doc.layout;
    const float w = kLaneLabelW * em, top = p0.y + kHeaderH * em;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int under_mouse = -1;
    dl->AddRectFilled(ImVec2(p0.x, top), ImVec2(p0.x + w, p1.y), ui_color(ImGuiCol_MenuBarBg));
    dl->AddLine(ImVec2(p0.x + w, top), ImVec2(p0.x + w, p1.y), ui_color(ImGuiCol_Border));
    auto label = [&](int lane, float y0, float y1, const char* icon, const char* name, const char* tag) {
        y0 = std::max(y0, top);
        if (y1 < top || y0 > p1.y || y1 - y0 < em * 1.2f) return;
        if (hovered && mouse.x >= p0.x && mouse.x < p0.x + w && mouse.y >= y0 && mouse.y < y1) under_mouse = lane;
        const ImVec4 clip(p0.x + em * 0.3f, y0, p0.x + w - em * 0.2f, y1);
        const float text_x = p0.x + em * 1.8f, room = clip.z - text_x;
        draw_text_clipped(dl, em, ImVec2(p0.x + em * 0.4f, y0 + em * 0.4f), ui_color(ImGuiCol_TextDisabled), icon, clip);
        draw_text_clipped(dl, em, ImVec2(text_x, y0 + em * 0.4f), ui_color(ImGuiCol_Text), shown(ellipsize(name, em, room)).c_str(), clip);
        if (tag && y1 - y0 > em * 2.6f)
            draw_text_clipped(dl, em * 0.8f, ImVec2(text_x, y0 + em * 1.6f), ui_color(ImGuiCol_TextDisabled),
                              ellipsize(tag, em * 0.8f, room).c_str(), clip);
        dl->AddLine(ImVec2(p0.x, y1), ImVec2(p0.x + w, y1), ui_color(ImGuiCol_Border));
    };
    for (size_t i = 0; i < l.lanes.size(); i++) {
        const int c = l.lane_channel[i];
        const bool off = channel_offline(j, c);
        label((int)i, xf.to_screen(0, l.lanes[i].y).y, xf.to_screen(0, l.lanes[i].bottom()).y, off ? ICON_PHONE : ICON_DESKTOP,
              channel_name(j, c), off ? "offline · CX only" : "digital");
    }
    label(-1, xf.to_screen(0, l.emotion.y).y, xf.to_screen(0, l.emotion.bottom()).y, ":)", "Emotion", "-2 .. +2");
    return under_mouse;
}

// The whole channel name and its scores, for a lane label under the mouse.
static void lane_tooltip(const App& app, int lane) {
    const Journey& j = app.doc.journey;
    const int c = app.doc.layout.lane_channel[(size_t)lane];
    const GroupScore& g = app.doc.analysis.channels[c >= 0 ? c : j.channels.size()];
    text_shown_wrapped(channel_name(j, c), ImGui::GetFontSize() * 28);
    char ux[16], cx[16];
    fmt_score(ux, sizeof ux, g.ux.value);
    fmt_score(cx, sizeof cx, g.cx.value);
    ImGui::TextDisabled("%s  \xc2\xb7  %d touchpoints  \xc2\xb7  UX %s  \xc2\xb7  CX %s",
                        channel_offline(j, c) ? "offline" : "digital", g.count, ux, cx);
}

// Lane bands behind the cards; offline lanes hatched so they read as different at a glance.
void draw_lanes(ImDrawList* dl, const App& app, const MapXform& xf, ImVec2 p0, ImVec2 p1, float em) {
    const Journey& j = app.doc.journey;
    const MapLayout& l = app.doc.layout;
    for (size_t i = 0; i < l.lanes.size(); i++) {
        const ImVec2 a = xf.to_screen(kLaneLabelW, l.lanes[i].y), b = xf.to_screen(l.width, l.lanes[i].bottom());
        if (b.y < p0.y || a.y > p1.y || b.x < p0.x || a.x > p1.x) continue;
        const ImVec2 ca(std::max(a.x, p0.x), std::max(a.y, p0.y)), cb(std::min(b.x, p1.x), std::min(b.y, p1.y));
        const bool off = channel_offline(j, l.lane_channel[i]);
        // One opaque fill per lane, its colour mixed here (the alternate band, then the offline tint,
        // over the background): two translucent fills shaded the lane's pixels twice.
        if (i % 2 || off) {
            ImVec4 c = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
            auto over = [&c](ImVec4 top, float alpha) {
                const float a = top.w * alpha;
                c = ImVec4(c.x + (top.x - c.x) * a, c.y + (top.y - c.y) * a, c.z + (top.z - c.z) * a, 1.0f);
            };
            if (i % 2) over(ImGui::GetStyleColorVec4(ImGuiCol_TableRowBgAlt), 1.0f);
            if (off) over(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), 0.08f);
            dl->AddRectFilled(ca, cb, ImGui::ColorConvertFloat4ToU32(c));
        }
        if (off) {
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
void draw_emotion(ImDrawList* dl, const App& app, const MapXform& xf, float em) {
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
            dl->AddText(ImGui::GetFont(), em, ImVec2(p.x + em * 0.5f, p.y - em * 1.2f), ui_color(ImGuiCol_Text), t);
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
    const float css = std::max(1.0f, app.dpi_scale);  // device pixels per CSS pixel
    // The stage headers and lane labels are fixed overlays. Presentation's larger type would make
    // them take a third more of the map's room; they grow by a quarter at most.
    const float oem = std::min(em, em / ui_text_scale(app) * 1.25f);
    ImGuiIO& io = ImGui::GetIO();

    // Toolbar of the view: fit, zoom, legends.
    if (cam.fit) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(ICON_EXPAND " Fit")) cam.fit = true;
    if (cam.fit) ImGui::PopStyleColor();
    ImGui::SetItemTooltip("Fit the whole journey in the window (F); it stays fitted until you pan or zoom");
    ImGui::SameLine();
    ImGui::Text("%.0f%%", cam.zoom * 100);
    ImGui::SameLine(0, em * 1.5f);
    legend_score(j.scoring.threshold);
    // The marks' legend on the same line when it fits, else on its own: never cut off.
    if (ImGui::GetContentRegionAvail().x - (ImGui::GetItemRectMax().x - ImGui::GetCursorScreenPos().x) > em * 1.5f + legend_evidence_width())
        ImGui::SameLine(0, em * 1.5f);
    legend_evidence();

    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, em * 4);
    size.y = std::max(size.y, em * 4);
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    ImGui::InvisibleButton("##mapcanvas", size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
    const bool activated = ImGui::IsItemActivated();
    const bool editable = app_editable(app);
    if (!editable || !ImGui::IsMouseDown(ImGuiMouseButton_Left)) app.edit.drag = app.edit.drag >= 0 && editable ? app.edit.drag : -1;
    const float lane_w = kLaneLabelW * oem, head_h = kHeaderH * oem;
    const ImVec2 content(size.x - lane_w, size.y - head_h);
    if (app_owns_keyboard() && ImGui::IsKeyPressed(ImGuiKey_F, false) && !io.KeyCtrl) cam.fit = true;
    // Fitted stays fitted: recomputed every frame, so a resize, full screen or a new type size
    // (presentation on or off) never leaves a stale zoom behind.
    if (cam.fit) fit_camera(cam, l, content, em);

    // Pan: drag (either button) or the wheel; zoom: ctrl+wheel (browsers send pinch as ctrl+wheel).
    // Either leaves the fit.
    float scale = em * cam.zoom;
    // A left drag that started on a card moves the card (below), not the map.
    if (active && ((ImGui::IsMouseDragging(ImGuiMouseButton_Left) && app.edit.drag < 0) || ImGui::IsMouseDragging(ImGuiMouseButton_Right)) &&
        (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
        cam.x -= io.MouseDelta.x / scale;
        cam.y -= io.MouseDelta.y / scale;
        cam.fit = false;
    }
    if (hovered && (io.MouseWheel != 0 || io.MouseWheelH != 0)) {
        cam.fit = false;
        if (io.KeyCtrl) {
            const ImVec2 origin(p0.x + lane_w, p0.y + head_h);
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
    const MapXform xf{ImVec2(p0.x + lane_w, p0.y + head_h), scale, cam.x, cam.y};

    // Bring the selected card into view after keyboard navigation (a fitted map already shows it).
    if (cam.follow && app.selected >= 0 && app.selected < (int)l.cards.size()) {
        const LayoutRect& r = l.cards[app.selected];
        const float vw = content.x / scale, vh = content.y / scale;
        const float left = r.x - kLaneLabelW, top = r.y - kHeaderH;
        if (left < cam.x || left + r.w > cam.x + vw) cam.x = left + r.w * 0.5f - vw * 0.5f, cam.fit = false;
        if (top < cam.y || top + r.h > cam.y + vh) cam.y = top + r.h * 0.5f - vh * 0.5f, cam.fit = false;
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
    dl->PushClipRect(p0, p1, true);  // no fill: the cleared screen is the map's background (app.cpp)
    const ImVec2 c0 = view.origin;  // world content area on screen
    dl->PushClipRect(c0, p1, true);
    draw_lanes(dl, app, view, c0, p1, em);

    // Cards, culled per cell then per card; three levels of detail by on-screen card size.
    const float card_px = kCardW * scale, card_h_px = kCardH * scale;
    const float fs = em * cam.zoom;
    // Full detail (name, chips, whiskers) once its text is at least 0.7 of the UI's type; below
    // that the middle level keeps a readable name and numbers instead of shrinking them.
    const bool full = fs >= em * 0.7f;
    // Cards narrower than 8 px are noise, and tens of thousands of them cost a frame: one block
    // per cell instead, coloured by the cell's aggregate.
    const bool blocks = card_px < 8.0f * css;
    const int lanes = (int)l.lanes.size();
    int hovered_card = -1;
    // The middle level's text: as large as two lines in the card allow, up to 0.75 em; none below
    // 9 CSS pixels, which nobody reads on a projector.
    float small_label_fs = std::min(card_h_px * 0.4f, em * 0.75f);
    if (small_label_fs < 9.0f * css) small_label_fs = 0;
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
                // Block of the cell's aggregate: UX left half, CX right half, each with the
                // insufficient-evidence mark when the cell's evidence is thin.
                const int s = l.column_stage[c], ch = l.lane_channel[ln];
                const size_t S = j.stages.size() + 1, C = j.channels.size() + 1;
                const GroupScore& g = app.doc.analysis.cells[(s >= 0 ? s : S - 1) * C + (ch >= 0 ? ch : C - 1)];
                const ImVec2 a(x0 + 1, y0 + 1), b(x1 - 1, y1 - 1), m((a.x + b.x) * 0.5f, 0);
                dl->AddRectFilled(a, ImVec2(m.x, b.y), score_color(g.ux.value, 0.85f));
                dl->AddRectFilled(ImVec2(m.x, a.y), b, score_color(g.cx.value, 0.85f));
                if (g.ux.present() && g.ux.insufficient) draw_evidence_mark(dl, a, ImVec2(m.x, b.y), 4.0f * css);
                if (g.cx.present() && g.cx.insufficient) draw_evidence_mark(dl, ImVec2(m.x, a.y), b, 4.0f * css);
                continue;
            }
            for (int i = begin; i < end; i++) {
                const int t = l.cell_cards[i];
                const LayoutRect& r = l.cards[t];
                const ImVec2 a = view.to_screen(r.x, r.y), b = view.to_screen(r.right(), r.bottom());
                if (b.x < c0.x || a.x > p1.x || b.y < c0.y || a.y > p1.y) continue;
                const bool over = hovered && io.MousePos.x >= a.x && io.MousePos.x < b.x && io.MousePos.y >= a.y &&
                                  io.MousePos.y < b.y && io.MousePos.x >= c0.x && io.MousePos.y >= c0.y;
                if (over) hovered_card = t;
                CardMarks marks = full ? draw_card(dl, app, t, a, b, fs, app.selected == t, over)
                                       : draw_card_small(dl, app, t, a, b, app.selected == t, small_label_fs);
                if (app.items.size() < kMaxItems) {
                    // Report the visible part only, so a click at its centre lands on the card.
                    const float vx0 = std::max(a.x, c0.x), vy0 = std::max(a.y, c0.y);
                    const float vx1 = std::min(b.x, p1.x), vy1 = std::min(b.y, p1.y);
                    app.items.push_back({t, vx0, vy0, vx1 - vx0, vy1 - vy0, std::move(marks.label), marks.evidence, marks.label_px});
                }
            }
        }
    }
    // The selected card on top, so its outline is never hidden by a neighbour.
    if (!blocks && app.selected >= 0 && app.selected < (int)l.cards.size()) {
        const LayoutRect& r = l.cards[app.selected];
        const ImVec2 a = view.to_screen(r.x, r.y), b = view.to_screen(r.right(), r.bottom());
        dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), ui_color(ImGuiCol_NavCursor),
                    full ? fs * 0.35f : 0, 0, std::max(2.0f, em * 0.15f));
    }
    draw_emotion(dl, app, view, em);
    if (!app.overlay.empty()) {  // other sets' curves and their legend (map_overlay.cpp)
        OverlayGeometry g{{}, view.to_screen(0, l.emotion.y).y, view.to_screen(0, l.emotion.bottom()).y, c0, p1};
        for (const LayoutRect& col : l.columns) g.column_x.push_back(view.to_screen(col.x + col.w * 0.5f, 0).x);
        draw_set_overlay(dl, app, g, em);
    }
    dl->PopClipRect();

    // Stage titles shrink to a readable minimum before they are shortened: 11 CSS pixels, or the
    // cards' own text size when that is larger.
    const int hovered_header = draw_header(dl, app, view, p0, p1, oem, std::min(oem, std::max(11.0f * css, small_label_fs)), hovered);
    const int hovered_lane = draw_lane_labels(dl, app, view, p0, p1, oem, hovered);
    dl->AddRectFilled(p0, ImVec2(p0.x + lane_w, p0.y + head_h), ui_color(ImGuiCol_MenuBarBg));
    if (j.touchpoints.empty())
        dl->AddText(ImVec2(c0.x + em, c0.y + em), ui_color(ImGuiCol_TextDisabled),
                    editable ? "No touchpoints yet: hover a cell and click + (or press Insert) to add the first one."
                             : "This journey has no touchpoints yet.");

    // ---- editing on the map: drag a card to another cell, "+" in a cell, header menus ---------
    // Edits are applied after drawing: they change the layout this frame's drawing reads.
    enum class Act { None, Move, Add, StageMenu, ChannelMenu, Rename } act = Act::None;
    int act_stage = -1, act_channel = -1, act_position = 0, act_card = -1;
    const float click2 = em * em * 0.25f;  // a press that moved less than half an em is a click
    // The cell under a screen point (column and lane of the layout), if any.
    auto cell_at = [&](ImVec2 p, int& col, int& lane) {
        if (p.x < c0.x || p.y < c0.y || p.x > p1.x || p.y > p1.y) return false;
        const float wx = (p.x - view.origin.x) / view.scale + kLaneLabelW + view.cx;
        const float wy = (p.y - view.origin.y) / view.scale + kHeaderH + view.cy;
        col = lane = -1;
        for (int c = 0; c < (int)l.columns.size(); c++)
            if (wx >= l.columns[c].x && wx < l.columns[c].right()) col = c;
        for (int ln = 0; ln < lanes; ln++)
            if (wy >= l.lanes[ln].y && wy < l.lanes[ln].bottom()) lane = ln;
        return col >= 0 && lane >= 0;
    };
    if (editable && !blocks) {
        if (activated && hovered_card >= 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) app.edit.drag = hovered_card;
        if (hovered_card >= 0 && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            act = Act::Rename;
            act_card = hovered_card;
        }
        const int dragged = app.edit.drag;
        const bool moving = dragged >= 0 && dragged < (int)l.cards.size() &&
                            io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] >= click2;
        int col = -1, lane = -1;
        if (moving && cell_at(io.MousePos, col, lane)) {
            // Where it would land: the cell highlighted, and its place among the cell's cards
            // (reading order: rows top to bottom, left to right in a row).
            const ImVec2 a = view.to_screen(l.columns[col].x, l.lanes[lane].y), b = view.to_screen(l.columns[col].right(), l.lanes[lane].bottom());
            dl->AddRect(a, b, ui_color(ImGuiCol_NavCursor), 0, 0, std::max(2.0f, em * 0.15f));
            const float wx = (io.MousePos.x - view.origin.x) / view.scale + kLaneLabelW + view.cx;
            const float wy = (io.MousePos.y - view.origin.y) / view.scale + kHeaderH + view.cy;
            const int cell = col * lanes + lane;
            int position = 0;
            for (int i = l.cell_begin[cell]; i < l.cell_begin[cell + 1]; i++) {
                const int t = l.cell_cards[i];
                if (t == dragged) continue;
                const LayoutRect& r = l.cards[t];
                if (r.bottom() < wy || (r.y <= wy && r.x + r.w * 0.5f < wx)) position++;
            }
            // The card follows the mouse, see-through, so the cell under it stays visible.
            const LayoutRect& r = l.cards[dragged];
            const ImVec2 ga(io.MousePos.x - r.w * scale * 0.5f, io.MousePos.y - r.h * scale * 0.3f);
            dl->AddRectFilled(ga, ImVec2(ga.x + r.w * scale, ga.y + r.h * scale), ui_color(ImGuiCol_PopupBg, 0.75f), fs * 0.35f);
            dl->AddRect(ga, ImVec2(ga.x + r.w * scale, ga.y + r.h * scale), ui_color(ImGuiCol_NavCursor), fs * 0.35f, 0, 2.0f);
            dl->AddText(ImGui::GetFont(), std::max(fs, 10.0f * css), ImVec2(ga.x + em * 0.4f, ga.y + em * 0.3f), ui_color(ImGuiCol_Text),
                        shown(ellipsize(j.touchpoints[dragged].name, std::max(fs, 10.0f * css), r.w * scale - em * 0.8f)).c_str());
            if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
                act = Act::Move;
                act_card = dragged;
                act_stage = l.column_stage[col];
                act_channel = l.lane_channel[lane];
                act_position = position;
            }
        }
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) app.edit.drag = -1;
        // "+" in the cell under the mouse, where no card is: adds a touchpoint there.
        if (hovered && dragged < 0 && hovered_card < 0 && !ImGui::IsMouseDown(ImGuiMouseButton_Right) && cell_at(io.MousePos, col, lane)) {
            const float size = std::max(em * 1.5f, 1.4f * scale);
            const ImVec2 corner = view.to_screen(l.columns[col].right(), l.lanes[lane].y);
            const ImVec2 a(std::min(corner.x, p1.x) - size - em * 0.3f, std::max(corner.y, c0.y) + em * 0.3f), b(a.x + size, a.y + size);
            const bool over = io.MousePos.x >= a.x && io.MousePos.x < b.x && io.MousePos.y >= a.y && io.MousePos.y < b.y;
            const ImVec2 m((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
            dl->AddCircleFilled(m, size * 0.5f, ui_color(over ? ImGuiCol_ButtonHovered : ImGuiCol_Button));
            dl->AddLine(ImVec2(m.x - size * 0.25f, m.y), ImVec2(m.x + size * 0.25f, m.y), ui_color(ImGuiCol_Text), 2.0f);
            dl->AddLine(ImVec2(m.x, m.y - size * 0.25f), ImVec2(m.x, m.y + size * 0.25f), ui_color(ImGuiCol_Text), 2.0f);
            app.controls.push_back({"add", a.x, a.y, size, size});
            if (over) ImGui::SetTooltip("Add a touchpoint in %s, %s", stage_name(j, l.column_stage[col]), channel_name(j, l.lane_channel[lane]));
            if (over && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < click2) {
                act = Act::Add;
                act_stage = l.column_stage[col];
                act_channel = l.lane_channel[lane];
            }
        }
    }
    dl->PopClipRect();

    // Right-click on a stage header or a channel's label: its menu (rename, add, move, remove).
    if (editable && hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right) &&
        io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Right] < click2) {
        if (hovered_header >= 0) {
            act = Act::StageMenu;
            act_stage = l.column_stage[(size_t)hovered_header];
        } else if (io.MousePos.x < p0.x + lane_w && io.MousePos.y > p0.y + head_h) {
            for (int ln = 0; ln < lanes; ln++) {
                const float y0 = view.to_screen(0, l.lanes[ln].y).y, y1 = view.to_screen(0, l.lanes[ln].bottom()).y;
                if (io.MousePos.y >= y0 && io.MousePos.y < y1) {
                    act = Act::ChannelMenu;
                    act_channel = l.lane_channel[ln];
                }
            }
        }
    }
    // Click selects (a drag is a pan, not a click); hover shows the raw numbers, or a whole title.
    if (hovered_card >= 0 && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
        io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < em * em * 0.25f)
        app.selected = hovered_card;
    // Not while a name is typed in place: the tooltip would sit over the field (it did after Insert).
    if (app.edit.drag < 0 && app.edit.renaming < 0 && hovered_card >= 0 && !active && ImGui::BeginTooltip()) {
        touchpoint_tooltip(app, hovered_card);
        ImGui::EndTooltip();
    } else if (hovered_header >= 0 && !active && ImGui::BeginTooltip()) {
        header_tooltip(app, hovered_header);
        ImGui::EndTooltip();
    } else if (hovered_lane >= 0 && !active && ImGui::BeginTooltip()) {
        lane_tooltip(app, hovered_lane);
        ImGui::EndTooltip();
    }
    if (editable) map_draw_header_menus(app);
    switch (act) {
    case Act::Move: {
        // Nothing to do when it lands where it was (same cell, same place among the others).
        const Touchpoint& tp = j.touchpoints[(size_t)act_card];
        int at = 0;
        for (int i = 0; i < act_card; i++) at += j.touchpoints[(size_t)i].stage == tp.stage && j.touchpoints[(size_t)i].channel == tp.channel;
        if (act_stage != tp.stage || act_channel != tp.channel || act_position != at) {
            const Edit e = edit_move_touchpoint(j, act_card, act_stage, act_channel, act_position);
            if (app_apply_or_say(app, e)) {
                app_commit_edit(app);
                app.selected = touchpoint_after(e, act_card);
            }
        }
        break;
    }
    case Act::Add: app_add_touchpoint(app, act_stage, act_channel, (int)j.touchpoints.size()); break;
    case Act::Rename: app_start_rename(app, act_card); break;
    case Act::StageMenu: map_open_stage_menu(app, act_stage); break;
    case Act::ChannelMenu: map_open_channel_menu(app, act_channel); break;
    case Act::None: break;
    }
}

}  // namespace uxcx
