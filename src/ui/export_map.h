// export_map.h: the exports for slides and print. The whole map (every stage and lane, not the
// viewport) as PNG or PDF at a page size (core/export_plan.h), and the current view as a PNG
// without the app's chrome. The App owns this state; the host renders what it asks for.
//
// Whole map, step by step: a request (the File > Export dialog, or window.uxcx.exportMap) is
// planned and drawn into an ImDrawList of its own, in page pixels, at the end of the next frame;
// after that frame is rendered the web host renders the list off-screen in tiles, reads the pixels
// back and hands them to the page (src/platform/web/export_render.cpp, web/uxcx.js), which
// assembles the PNG, or deflates the map's pixels and asks export_pdf() for the PDF around them.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/export_plan.h"
#include "imgui.h"

namespace uxcx {

struct App;
struct VisibleHeader;

// What the person (or the hook) asked for.
struct ExportOptions {
    std::string kind = "png";    // "png" or "pdf"
    std::string size = "slide";  // "slide", "a4", "a3"
    int width = 1920;            // a slide's width in pixels (1920 or 3840)
    float dpi = 150;             // paper's resolution (150 or 300)
    bool dark = false;           // the dark theme's colours (default: light, for paper and most decks)
};

// A stage header as the export drew it, in image pixels: what the hook reports, so a test can
// find every stage in the image.
struct ExportHeader {
    int column = -1;
    std::string label;  // as drawn: "12. Delivery", shortened with "…" only when it did not fit
    float x = 0, y = 0, w = 0, h = 0, label_px = 0;
};

// Text, rectangles and the dashed mark around the map: title, subtitle (date, counts) and legend.
// Drawn into the image for a PNG; written as PDF text and vectors when WinAnsi can say them.
struct PageMark {
    enum Kind { Fill, Dashed, Hatched, Text } kind = Fill;
    ExportRect r;       // for Text: top-left and the measured size
    ImU32 col = 0;
    float size = 0;     // Text: font size in pixels; Dashed: line width
    bool bold = false;  // Text: the title (PDF: Helvetica-Bold)
    std::string text;
    bool vector = true; // a PDF can carry it as text (WinAnsi); false: drawn into the image
};

struct ExportState {
    // The dialog (File > Export > Whole map PNG... / PDF...).
    bool dialog_request = false;  // open it on the next frame
    ExportOptions dialog;         // its choices, kept between openings

    // A whole-map export on its way: planned on the next frame, then rendered by the host.
    bool pending = false;         // asked for, not yet drawn
    ExportOptions request;
    ExportPlan plan;
    std::vector<PageMark> marks;
    std::shared_ptr<ImDrawList> list;  // the image's drawing, in page pixels
    ExportRect image;             // what the host renders of the page (PNG: all of it; PDF: the map)
    bool ready = false;           // `list` is drawn: the host renders it after this frame
    std::vector<ExportHeader> headers;
    std::string name;             // the download's file name
    std::string date;             // "2026-12-02", printed on the page
    std::string pdf;              // the last PDF written (export_pdf), until the next one
    std::string error;            // why the last request was refused (shown in the dialog)

    // The current-view PNG: frames drawn without the chrome before the canvas is captured.
    int view_frames = 0;
    std::string view_name;
};

// Asks for a whole-map export; returns an error message (empty: it will be made on the next frame).
std::string export_request(App& app, const ExportOptions& o);
// At the end of app_frame: plans and draws a pending export; counts down a view capture.
void export_frame(App& app);
// The File menu's Export submenu, and the whole-map dialog (inside the main window).
void export_menu(App& app);
void export_dialog(App& app);
// What the hook returns about the export drawn last: size, scale, bands, headers... (JSON).
std::string export_result_json(const App& app);
// The PDF around the map's pixels (rows top to bottom, RGB, zlib-compressed by the page); kept in
// ExportState::pdf. Returns false when no PDF export is waiting for its pixels.
bool export_pdf(App& app, std::string_view zlib_rgb, int width, int height);

// The current view as a PNG without the app's chrome: the next frames draw the view alone, at the
// canvas's full device resolution, then the host captures the canvas.
void export_view_png(App& app);
// True while those frames are drawn.
bool export_view_capturing(const App& app);

}  // namespace uxcx
