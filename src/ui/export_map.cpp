// export_map.cpp: whole-map PNG and PDF for slides and print, and the bare current-view PNG
// (export_map.h). The page is planned by the core (core/export_plan.h) and drawn here with the
// map view's own pieces (map_draw.h), band by band, into an ImDrawList of its own in page pixels.
#include "ui/export_map.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>

#include <nlohmann/json.hpp>

#include "core/link.h"
#include "core/pdf_writer.h"
#include "imgui.h"
#include "platform/platform.h"
#include "ui/app.h"
#include "ui/map_draw.h"
#include "ui/map_overlay.h"
#include "ui/palette.h"
#include "ui/widgets.h"

namespace uxcx {

namespace {

// Frames the view is drawn alone before the canvas is captured: the first lays out the larger
// view, the second draws it settled.
constexpr int kViewCaptureFrames = 3;

// Where a line of text's baseline sits under its top, as a share of the font size (Inter's ascent,
// about what ImGui puts above the baseline): the PDF's Helvetica text lands where the PNG's is.
constexpr float kBaseline = 0.93f;

std::string today(const char* format, bool utc) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    if (utc)
        gmtime_r(&now, &tm);
    else
        localtime_r(&now, &tm);
    char b[32];
    std::strftime(b, sizeof b, format, &tm);
    return b;
}

// Text width in pixels at `px`: the wider of the UI font (the PNG) and Helvetica (the PDF), so
// the legend's items never overlap in either.
float text_width(std::string_view text, float px) {
    const float ui = ImGui::GetFont()->CalcTextSizeA(px, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
    std::string ansi;
    pdf_winansi(text, &ansi);
    return std::max(ui, pdf_text_width(PdfFont::Regular, px, ansi));
}

PageMark text_mark(std::string text, float x, float y, float px, ImU32 col, bool bold = false) {
    PageMark m;
    m.kind = PageMark::Text;
    m.r = {x, y, text_width(text, px), px};
    m.col = col;
    m.size = px;
    m.bold = bold;
    m.vector = pdf_winansi(text, nullptr);
    m.text = std::move(text);
    return m;
}

PageMark rect_mark(PageMark::Kind kind, ExportRect r, ImU32 col, float size = 0) {
    PageMark m;
    m.kind = kind;
    m.r = r;
    m.col = col;
    m.size = size;
    return m;
}

// Title, subtitle (date and what the map holds) and the legend, in page pixels.
std::vector<PageMark> page_marks(const App& app, const ExportPlan& plan, const std::string& date) {
    const Journey& j = app.doc.journey;
    std::vector<PageMark> marks;
    const ImU32 ink = ui_color(ImGuiCol_Text), muted = ui_color(ImGuiCol_TextDisabled);
    const float T = plan.title_px, S = plan.small_px;
    std::string title = j.title.empty() ? std::string("Journey map") : j.title;
    // A title too long for the page is shortened visibly (UI font measure, the PNG's).
    title = shown(ellipsize(title, T, plan.title.w));
    marks.push_back(text_mark(title, plan.title.x, plan.title.y, T, ink, true));
    std::string sub = date + "  \xc2\xb7  " + std::to_string(j.stages.size()) + " stages  \xc2\xb7  " +
                      std::to_string(j.channels.size()) + " channels  \xc2\xb7  " + std::to_string(j.touchpoints.size()) + " touchpoints";
    if (j.sets.size() > 1 && app.doc.analysis.set >= 0 && app.doc.analysis.set < (int)j.sets.size())
        sub += "  \xc2\xb7  " + j.sets[(size_t)app.doc.analysis.set].name;
    marks.push_back(text_mark(ellipsize(sub, S, plan.title.w), plan.title.x, plan.title.y + T * 1.25f, S, muted));

    // Legend: the score scale, what a card's halves are, the two marks a map can carry.
    float x = plan.legend.x;
    const float y = plan.legend.y, bar_h = S * 0.7f, bar_w = S * 14;
    const PageMark label = text_mark("Score", x, y, S, ink);
    marks.push_back(label);
    x += label.r.w + S * 0.6f;
    const int steps = 48;
    for (int i = 0; i < steps; i++)
        marks.push_back(rect_mark(PageMark::Fill, {x + bar_w * i / steps, y + S * 0.15f, bar_w / steps + 0.5f, bar_h},
                                  score_color(100.0 * (i + 0.5) / steps)));
    char thr[16];
    std::snprintf(thr, sizeof thr, "%.0f", j.scoring.threshold);
    const std::pair<double, std::string> ticks[] = {{0, "0 poor"}, {j.scoring.threshold, thr}, {100, "100 good"}};
    for (const auto& [v, t] : ticks) {
        const float tx = x + bar_w * (float)(v / 100.0);
        marks.push_back(rect_mark(PageMark::Fill, {tx - S * 0.05f, y + S * 0.15f, S * 0.1f, bar_h + S * 0.25f}, ink));
        const float w = text_width(t, S * 0.85f);
        const float at = std::clamp(tx - w / 2, x, x + bar_w - w + S);
        marks.push_back(text_mark(t, at, y + S * 0.15f + bar_h + S * 0.25f, S * 0.85f, ink));
    }
    x += bar_w + S * 2.5f;
    const PageMark halves = text_mark("Each card: UX (usability) left, CX (relationship) right", x, y, S, ink);
    marks.push_back(halves);
    x += halves.r.w + S * 2;
    const float sw = S * 1.8f, sh = S * 1.1f;
    marks.push_back(rect_mark(PageMark::Fill, {x, y, sw, sh}, score_color(70)));
    marks.push_back(rect_mark(PageMark::Dashed, {x, y, sw, sh}, ink, std::max(1.0f, S * 0.1f)));
    x += sw + S * 0.5f;
    const PageMark weak = text_mark("insufficient evidence", x, y, S, ink);
    marks.push_back(weak);
    x += weak.r.w + S * 2;
    // The offline lanes' hatching: a tinted swatch with diagonal strokes kept inside it.
    marks.push_back(rect_mark(PageMark::Fill, {x, y, sw, sh}, ui_color(ImGuiCol_TextDisabled, 0.15f)));
    for (float t = -sh; t < sw; t += S * 0.45f) {
        const float x0 = std::max(x + t, x), x1 = std::min(x + t + sh, x + sw);
        if (x1 <= x0) continue;
        // From (x0, bottom - (x0 - x - t)) up and right at 45 degrees to x1.
        marks.push_back(rect_mark(PageMark::Hatched, {x0, y + sh - (x0 - x - t), x1 - x0, -(x1 - x0)},
                                  ui_color(ImGuiCol_TextDisabled, 0.6f), std::max(1.0f, S * 0.06f)));
    }
    x += sw + S * 0.5f;
    marks.push_back(text_mark("offline channel: no UX reading", x, y, S, ink));
    return marks;
}

void draw_mark(ImDrawList* dl, const PageMark& m) {
    const ImVec2 a(m.r.x, m.r.y), b(m.r.right(), m.r.bottom());
    switch (m.kind) {
        case PageMark::Fill: dl->AddRectFilled(a, b, m.col); break;
        case PageMark::Dashed: {
            // ImGui has no dashed stroke: short segments along each side.
            const float dash = m.size * 3;
            auto side = [&](ImVec2 p, ImVec2 q) {
                const float len = std::hypot(q.x - p.x, q.y - p.y);
                for (float s = 0; s < len; s += dash * 2) {
                    const float e = std::min(len, s + dash);
                    dl->AddLine(ImVec2(p.x + (q.x - p.x) * s / len, p.y + (q.y - p.y) * s / len),
                                ImVec2(p.x + (q.x - p.x) * e / len, p.y + (q.y - p.y) * e / len), m.col, m.size);
                }
            };
            side(a, ImVec2(b.x, a.y));
            side(ImVec2(b.x, a.y), b);
            side(b, ImVec2(a.x, b.y));
            side(ImVec2(a.x, b.y), a);
            break;
        }
        case PageMark::Hatched: dl->AddLine(a, b, m.col, m.size); break;
        case PageMark::Text:
            dl->AddText(ImGui::GetFont(), m.size, a, m.col, m.text.data(), m.text.data() + m.text.size());
            break;
    }
}

// One band of the map: its columns with their header and the lane labels, as the map view draws
// them, at the plan's scale. Headers drawn go to `headers` (page pixels).
void draw_band(ImDrawList* dl, App& app, const ExportPlan& plan, const ExportBand& band, std::vector<ExportHeader>& headers) {
    const MapLayout& l = app.doc.layout;
    const float E = plan.em, T = plan.text_px;  // the map's scale; the text's size (headers, labels, names)
    const ImVec2 p0(band.rect.x, band.rect.y), p1(band.rect.right(), band.rect.bottom());
    const MapXform xf{ImVec2(p0.x + kLaneLabelW * T, p0.y + kHeaderH * T), E, band.world_x - kLaneLabelW, 0};
    dl->PushClipRect(p0, p1, true);
    dl->AddRectFilled(p0, p1, ui_color(ImGuiCol_WindowBg));
    const ImVec2 c0 = xf.origin;
    dl->PushClipRect(c0, p1, true);
    draw_lanes(dl, app, xf, c0, p1, E);
    // Levels of detail as the plan says (full cards, or the name over the two numbers at the
    // text's size); colours only when even that is under 5 pixels, which no one can read.
    const bool full = plan.full, blocks = kCardW * E < 8.0f;
    const float label = T >= 5.0f ? T : 0.0f;
    const int lanes = (int)l.lanes.size();
    const Journey& j = app.doc.journey;
    for (int c = band.first; c < band.end; c++)
        for (int ln = 0; ln < lanes; ln++) {
            const int cell = c * lanes + ln;
            if (blocks && l.cell_begin[(size_t)cell] < l.cell_begin[(size_t)cell + 1]) {
                // One block per cell in its aggregate's colours, as the view draws a crowded map:
                // 100,000 cards of a few pixels each would be megabytes of vertices and no detail.
                const int st = l.column_stage[(size_t)c], ch = l.lane_channel[(size_t)ln];
                const size_t S = j.stages.size() + 1, C = j.channels.size() + 1;
                const GroupScore& g = app.doc.analysis.cells[(st >= 0 ? (size_t)st : S - 1) * C + (ch >= 0 ? (size_t)ch : C - 1)];
                const ImVec2 a(xf.to_screen(l.columns[(size_t)c].x, 0).x + 1, xf.to_screen(0, l.lanes[(size_t)ln].y).y + 1);
                const ImVec2 b(xf.to_screen(l.columns[(size_t)c].right(), 0).x - 1, xf.to_screen(0, l.lanes[(size_t)ln].bottom()).y - 1);
                const float m = (a.x + b.x) * 0.5f;
                dl->AddRectFilled(a, ImVec2(m, b.y), score_color(g.ux.value, 0.85f));
                dl->AddRectFilled(ImVec2(m, a.y), b, score_color(g.cx.value, 0.85f));
                if (g.ux.present() && g.ux.insufficient) draw_evidence_mark(dl, a, ImVec2(m, b.y), std::max(4.0f, T));
                if (g.cx.present() && g.cx.insufficient) draw_evidence_mark(dl, ImVec2(m, a.y), b, std::max(4.0f, T));
                continue;
            }
            for (int i = l.cell_begin[(size_t)cell]; i < l.cell_begin[(size_t)cell + 1]; i++) {
                const int t = l.cell_cards[(size_t)i];
                const LayoutRect& r = l.cards[(size_t)t];
                const ImVec2 a = xf.to_screen(r.x, r.y), b = xf.to_screen(r.right(), r.bottom());
                if (full)
                    draw_card(dl, app, t, a, b, E, false, false);
                else
                    draw_card_small(dl, app, t, a, b, false, label);
            }
        }
    draw_emotion(dl, app, xf, T);
    if (!app.overlay.empty()) {  // other sets' curves, as the map shows them (map_overlay.cpp)
        OverlayGeometry g{{}, xf.to_screen(0, l.emotion.y).y, xf.to_screen(0, l.emotion.bottom()).y, c0, p1};
        for (const LayoutRect& col : l.columns) g.column_x.push_back(xf.to_screen(col.x + col.w * 0.5f, 0).x);
        draw_set_overlay(dl, app, g, T);
    }
    dl->PopClipRect();
    // Stage headers through the view's own code; it reports what it drew in app.headers.
    std::vector<VisibleHeader> view_headers = std::move(app.headers);
    app.headers.clear();
    draw_header(dl, app, xf, p0, p1, T, T * 0.75f, false);
    for (const VisibleHeader& h : app.headers) headers.push_back({h.column, h.label, h.x, h.y, h.w, h.h, h.label_px});
    app.headers = std::move(view_headers);
    draw_lane_labels(dl, app, xf, p0, p1, T);
    dl->AddRectFilled(p0, ImVec2(p0.x + kLaneLabelW * T, p0.y + kHeaderH * T), ui_color(ImGuiCol_MenuBarBg));
    dl->AddRect(p0, p1, ui_color(ImGuiCol_Border), 0, 0, std::max(1.0f, E * 0.08f));
    dl->PopClipRect();
}

PdfRgb pdf_color(ImU32 c, ImU32 bg) {
    // Over the page's background: PDF 1.4 without transparency groups has no alpha for these.
    const float a = ((c >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f;
    auto ch = [&](int shift) {
        const float f = ((c >> shift) & 0xFF) / 255.0f, g = ((bg >> shift) & 0xFF) / 255.0f;
        return f * a + g * (1 - a);
    };
    return {ch(IM_COL32_R_SHIFT), ch(IM_COL32_G_SHIFT), ch(IM_COL32_B_SHIFT)};
}

// The page's drawing: everything for a PNG; for a PDF the map and what WinAnsi cannot say.
void build(App& app) {
    ExportState& ex = app.exports;
    const ExportOptions& o = ex.request;
    ExportPage page;
    export_page(o.size, o.width, o.dpi, page);  // checked by export_request
    ex.plan = plan_export(app.doc.layout, page);
    ex.date = today("%Y-%m-%d", false);
    ex.name = download_name(app.doc.journey.title, o.kind == "pdf" ? ".pdf" : ".png");

    // The export's theme, whatever the screen's: colours only, swapped back after drawing.
    ImGuiStyle& style = ImGui::GetStyle();
    ImVec4 saved[ImGuiCol_COUNT];
    std::memcpy(saved, style.Colors, sizeof saved);
    ImGuiStyle theme;
    if (o.dark)
        ImGui::StyleColorsDark(&theme);
    else
        ImGui::StyleColorsLight(&theme);
    std::memcpy(style.Colors, theme.Colors, sizeof saved);

    ex.marks = page_marks(app, ex.plan, ex.date);
    const bool pdf = o.kind == "pdf";
    const float W = (float)page.width_px, H = (float)page.height_px;
    // The image: the whole page for a PNG; for a PDF the map's bands and any text PDF cannot carry.
    ExportRect im = {0, 0, W, H};
    if (pdf) {
        float x0 = ex.plan.map.x, y0 = ex.plan.map.y, x1 = ex.plan.map.right(), y1 = ex.plan.map.bottom();
        for (const PageMark& m : ex.marks)
            if (!m.vector) {
                x0 = std::min(x0, m.r.x), y0 = std::min(y0, m.r.y);
                x1 = std::max(x1, m.r.right()), y1 = std::max(y1, m.r.bottom() + m.size * 0.3f);
            }
        x0 = std::floor(x0), y0 = std::floor(y0);
        im = {x0, y0, std::min(W, std::ceil(x1)) - x0, std::min(H, std::ceil(y1)) - y0};
    }
    ex.image = im;

    auto list = std::make_shared<ImDrawList>(ImGui::GetDrawListSharedData());
    list->_ResetForNewFrame();
    list->PushClipRect(ImVec2(im.x, im.y), ImVec2(im.right(), im.bottom()));
#if IMGUI_VERSION_NUM >= 19200
    list->PushTexture(ImGui::GetIO().Fonts->TexRef);
#else
    list->PushTextureID(ImGui::GetIO().Fonts->TexID);
#endif
    list->AddRectFilled(ImVec2(im.x, im.y), ImVec2(im.right(), im.bottom()), ui_color(ImGuiCol_WindowBg));
    for (const PageMark& m : ex.marks)
        if (!pdf || !m.vector) draw_mark(list.get(), m);
    ex.headers.clear();
    for (const ExportBand& band : ex.plan.bands) draw_band(list.get(), app, ex.plan, band, ex.headers);
    list->_PopUnusedDrawCmd();
    ex.list = std::move(list);

    std::memcpy(style.Colors, saved, sizeof saved);
}

}  // namespace

std::string export_request(App& app, const ExportOptions& o) {
    if (!app.has_document) return "no journey is open";
    if (o.kind != "png" && o.kind != "pdf") return "the kind must be \"png\" or \"pdf\", not \"" + o.kind + "\"";
    ExportPage page;
    const std::string e = export_page(o.size, o.width, o.dpi, page);
    if (!e.empty()) return e;
    if (app.exports.pending) return "an export is already being made";
    app.exports.request = o;
    app.exports.pending = true;
    app.exports.ready = false;
    return {};
}

void export_frame(App& app) {
    ExportState& ex = app.exports;
    if (ex.view_frames > 0 && --ex.view_frames == 0) platform::export_png(ex.view_name);
    if (ex.pending && app.has_document) {
        ex.pending = false;
        build(app);
        ex.ready = true;
    }
}

void export_view_png(App& app) {
    if (!app.has_document) return;
    app.exports.view_name = download_name(app.doc.journey.title + " " + app.view, ".png");
    app.exports.view_frames = kViewCaptureFrames;
}

bool export_view_capturing(const App& app) { return app.exports.view_frames > 0; }

void export_menu(App& app) {
    if (!ImGui::BeginMenu("Export", app.has_document)) return;
    if (ImGui::MenuItem("Whole map PNG...")) {
        app.exports.dialog.kind = "png";
        app.exports.dialog_request = true;
    }
    if (ImGui::MenuItem("Whole map PDF...")) {
        app.exports.dialog.kind = "pdf";
        app.exports.dialog_request = true;
    }
    ImGui::Separator();
    if (ImGui::MenuItem(ICON_CAMERA " PNG of this view")) app_export_png(app);
    if (ImGui::MenuItem(ICON_DOWNLOAD " Ranking CSV")) app_export_csv(app);
    ImGui::EndMenu();
}

void export_dialog(App& app) {
    ExportState& ex = app.exports;
    const char* title = "Export whole map";
    if (ex.dialog_request) {
        ImGui::OpenPopup(title);
        ex.dialog_request = false;
        ex.error.clear();
    }
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ExportOptions& o = ex.dialog;
    const float em = ImGui::GetFontSize();
    ImGui::TextUnformatted("Every stage and lane, with title, legend and date.");
    ImGui::Spacing();
    if (ImGui::RadioButton("PNG image", o.kind == "png")) o.kind = "png";
    ImGui::SameLine(0, em);
    if (ImGui::RadioButton("PDF", o.kind == "pdf")) o.kind = "pdf";
    static const char* const kSizes[] = {"slide", "a4", "a3"};
    static const char* const kSizeLabels[] = {"Slide 16:9", "A4 landscape", "A3 landscape"};
    for (int i = 0; i < 3; i++) {
        if (i) ImGui::SameLine(0, em);
        if (ImGui::RadioButton(kSizeLabels[i], o.size == kSizes[i])) o.size = kSizes[i];
    }
    if (o.size == "slide") {
        if (ImGui::RadioButton("1920 x 1080", o.width == 1920)) o.width = 1920;
        ImGui::SameLine(0, em);
        if (ImGui::RadioButton("3840 x 2160 (4K)", o.width == 3840)) o.width = 3840;
    } else {
        if (ImGui::RadioButton("150 dpi (screen, handouts)", o.dpi == 150)) o.dpi = 150;
        ImGui::SameLine(0, em);
        if (ImGui::RadioButton("300 dpi (print)", o.dpi == 300)) o.dpi = 300;
    }
    ImGui::Checkbox("Dark background", &o.dark);
    // What the choice gives, before it is made: pixels, rows of stages, the text's printed size.
    ExportPage page;
    const std::string problem = export_page(o.size, o.width, o.dpi, page);
    if (problem.empty() && app.has_document) {
        const ExportPlan plan = plan_export(app.doc.layout, page);
        ImGui::TextDisabled("%d x %d pixels, %d %s of stages, text %.1f pt", page.width_px, page.height_px, (int)plan.bands.size(),
                            plan.bands.size() == 1 ? "row" : "rows", plan.text_pt);
        if (!plan.legible)
            ImGui::TextColored(ImVec4(0.85f, 0.35f, 0.1f, 1), ICON_WARN " Text under %.0f pt is hard to read: choose a larger size.",
                               kLegiblePt);
    }
    if (o.kind == "pdf")
        ImGui::TextDisabled("Title, date and legend as PDF text; the map as a lossless image.");
    if (!ex.error.empty()) ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", ex.error.c_str());
    ImGui::Spacing();
    if (ImGui::Button("Export", ImVec2(em * 6, 0))) {
        ex.error = export_request(app, o);
        if (ex.error.empty()) ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(em * 6, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

std::string export_result_json(const App& app) {
    const ExportState& ex = app.exports;
    const ExportPlan& p = ex.plan;
    const Journey& j = app.doc.journey;
    nlohmann::json headers = nlohmann::json::array();
    for (const ExportHeader& h : ex.headers) {
        const int stage = h.column >= 0 && h.column < (int)app.doc.layout.column_stage.size() ? app.doc.layout.column_stage[(size_t)h.column] : -1;
        headers.push_back({{"id", stage >= 0 ? nlohmann::json(j.stages[(size_t)stage].id) : nlohmann::json(nullptr)},
                           {"label", h.label}, {"x", h.x}, {"y", h.y}, {"w", h.w}, {"h", h.h}, {"labelPx", h.label_px}});
    }
    nlohmann::json vector_text = nlohmann::json::array(), image_text = nlohmann::json::array();
    for (const PageMark& m : ex.marks)
        if (m.kind == PageMark::Text) (m.vector ? vector_text : image_text).push_back(m.text);
    const nlohmann::json out = {
        {"kind", ex.request.kind},
        {"name", ex.name},
        {"size", ex.request.size},
        {"width", p.page.width_px},
        {"height", p.page.height_px},
        {"dpi", p.page.dpi},
        {"pageWidthPt", p.page.width_pt},
        {"pageHeightPt", p.page.height_pt},
        {"image", {{"x", ex.image.x}, {"y", ex.image.y}, {"w", ex.image.w}, {"h", ex.image.h}}},
        {"em", p.em},
        {"full", p.full},
        {"textPx", p.text_px},
        {"textPt", p.text_pt},
        {"legible", p.legible},
        {"bands", p.bands.size()},
        {"date", ex.date},
        {"headers", headers},
        {"pdfText", vector_text},   // PDF: written as text; PNG: all text is in the image
        {"imageText", image_text},  // PDF: drawn into the image (WinAnsi cannot say it)
    };
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool export_pdf(App& app, std::string_view zlib_rgb, int width, int height) {
    ExportState& ex = app.exports;
    if (ex.request.kind != "pdf" || width != (int)ex.image.w || height != (int)ex.image.h) return false;
    const ExportPlan& plan = ex.plan;
    ImGuiStyle theme;
    if (ex.request.dark)
        ImGui::StyleColorsDark(&theme);
    else
        ImGui::StyleColorsLight(&theme);
    const ImU32 bg = ImGui::ColorConvertFloat4ToU32(theme.Colors[ImGuiCol_WindowBg]);
    PdfDocument doc;
    doc.title = app.doc.journey.title;
    doc.creation = today("D:%Y%m%d%H%M%SZ", true);
    doc.images.push_back({width, height, std::string(zlib_rgb)});
    PdfPage page;
    page.width_pt = plan.page.width_pt;
    page.height_pt = plan.page.height_pt;
    const float s = page.width_pt / (float)plan.page.width_px;  // points per page pixel
    pdf_fill_rect(page, 0, 0, page.width_pt, page.height_pt, pdf_color(bg, bg));
    pdf_image(page, 0, ex.image.x * s, ex.image.y * s, ex.image.w * s, ex.image.h * s);
    for (const PageMark& m : ex.marks) {
        if (!m.vector) continue;
        const PdfRgb c = pdf_color(m.col, bg);
        switch (m.kind) {
            case PageMark::Fill: pdf_fill_rect(page, m.r.x * s, m.r.y * s, m.r.w * s, m.r.h * s, c); break;
            case PageMark::Dashed: pdf_stroke_rect(page, m.r.x * s, m.r.y * s, m.r.w * s, m.r.h * s, c, m.size * s, m.size * 3 * s); break;
            case PageMark::Hatched: pdf_line(page, m.r.x * s, m.r.y * s, m.r.right() * s, m.r.bottom() * s, c, m.size * s); break;
            case PageMark::Text:
                pdf_text(page, m.bold ? PdfFont::Bold : PdfFont::Regular, m.size * s, m.r.x * s, (m.r.y + m.size * kBaseline) * s, c, m.text);
                break;
        }
    }
    doc.pages.push_back(std::move(page));
    ex.pdf = pdf_write(doc);
    return true;
}

}  // namespace uxcx
