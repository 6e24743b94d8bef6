// export_plan.h: where a whole-map export puts things on its page: the page's size in pixels and
// points, the title, the legend line, and the journey map cut into bands of whole stages (rows of
// columns, each with its own stage headers and lane labels) at the largest scale the page allows.
// Pure C++: the app draws the plan (src/ui/export_map.cpp), the tests check it natively.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/layout.h"

namespace uxcx {

// The page an export is made for. Paper is landscape; a slide is 16:9 (13.333 x 7.5 in, the
// presentation programs' widescreen page), so its dpi follows from its width in pixels.
enum class PageKind { Slide, A4, A3 };

struct ExportPage {
    PageKind kind = PageKind::Slide;
    int width_px = 1920, height_px = 1080;
    float dpi = 144;                        // pixels per inch on the page
    float width_pt = 960, height_pt = 540;  // the PDF page (1 pt = 1/72 in)
};

// Limits of one export: each side at most this many pixels, and the whole at most kExportMaxPixels
// (A3 landscape at 300 dpi, 4961 x 3508, is 17.4 million). Beyond them the browser's canvas and the
// memory of a phone or a small laptop give out.
constexpr int kExportMaxSide = 10000;
constexpr double kExportMaxPixels = 40e6;
// Text smaller than this on the page is not legible in print or on a projected slide.
constexpr float kLegiblePt = 6.0f;

// "slide" with `width` pixels (height = width * 9 / 16), or "a4" / "a3" landscape at `dpi`.
// Returns an error message (empty when the page is fine): an unknown size, or one over the limits.
std::string export_page(std::string_view size, int width, float dpi, ExportPage& out);

struct ExportRect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

// One band: the columns [first, end) of the layout, drawn at `rect` (page pixels) with their stage
// header along its top and the lane labels down its left (both at the text's size: kHeaderH and
// kLaneLabelW times ExportPlan::text_px).
struct ExportBand {
    int first = 0, end = 0;
    ExportRect rect;
    float world_x = 0;  // layout x (em) of the band's first column
};

struct ExportPlan {
    ExportPage page;
    float margin = 0;     // page pixels around everything
    float title_px = 0;   // the title's text size
    float small_px = 0;   // subtitle (date, counts) and legend text size
    ExportRect title;     // title and subtitle lines
    ExportRect map;       // the bands, one under the other
    ExportRect legend;    // the legend line at the foot
    std::vector<ExportBand> bands;
    float em = 0;         // page pixels per layout em: the map's scale
    // The map's text: cards' names, stage titles, lane labels. Full detail (cards with their
    // chips and whiskers, as the view draws them at zoom 1) when text at the map's own scale is
    // legible; otherwise compact cards (the name over the two numbers, the view's middle level of
    // detail) with text kCompactText times the scale, which cards of 4.6 em hold on two lines.
    bool full = true;
    float text_px = 0;    // its size in page pixels (em when full, kCompactText * em otherwise)
    float text_pt = 0;    // that size on the page, in points
    bool legible = false; // text_pt >= kLegiblePt
};

constexpr float kCompactText = 1.8f;

// Lays out the page: title on top, legend at the foot, and the map's columns split into the number
// of bands that gives the largest scale (bands of equal stage count, in journey order).
ExportPlan plan_export(const MapLayout& l, const ExportPage& page);

}  // namespace uxcx
