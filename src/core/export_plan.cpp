// export_plan.cpp: the page of a whole-map export (export_plan.h).
#include "core/export_plan.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace uxcx {

namespace {

constexpr float kBandGapEm = 1.5f;  // space between two bands, in layout em

// Millimetres of the paper sizes, landscape (ISO 216).
constexpr float kA4W = 297, kA4H = 210, kA3W = 420, kA3H = 297;

int px_of_mm(float mm, float dpi) { return (int)std::lround(mm / 25.4f * dpi); }

}  // namespace

std::string export_page(std::string_view size, int width, float dpi, ExportPage& out) {
    ExportPage p;
    if (size == "slide") {
        if (!(width >= 640 && width <= kExportMaxSide))
            return "a slide's width must be 640 to " + std::to_string(kExportMaxSide) + " pixels (1920 or 3840), not " +
                   std::to_string(width);
        p.kind = PageKind::Slide;
        p.width_px = width;
        p.height_px = (int)std::lround(width * 9.0 / 16.0);
        p.width_pt = 960;  // 13.333 x 7.5 in
        p.height_pt = 540;
        p.dpi = width / (960.0f / 72.0f);
    } else if (size == "a4" || size == "a3") {
        if (!(dpi >= 72 && dpi <= 600) || !std::isfinite(dpi))
            return "dpi must be 72 to 600 (150 or 300), not " + std::to_string((int)dpi);
        const bool a3 = size == "a3";
        p.kind = a3 ? PageKind::A3 : PageKind::A4;
        const float wmm = a3 ? kA3W : kA4W, hmm = a3 ? kA3H : kA4H;
        p.width_px = px_of_mm(wmm, dpi);
        p.height_px = px_of_mm(hmm, dpi);
        p.width_pt = wmm / 25.4f * 72;
        p.height_pt = hmm / 25.4f * 72;
        p.dpi = dpi;
    } else {
        return "size must be \"slide\", \"a4\" or \"a3\", not \"" + std::string(size) + "\"";
    }
    if (p.width_px > kExportMaxSide || p.height_px > kExportMaxSide || (double)p.width_px * p.height_px > kExportMaxPixels)
        return std::string(size) + " at this resolution is " + std::to_string(p.width_px) + " x " + std::to_string(p.height_px) +
               " pixels, over the export's limit (" + std::to_string(kExportMaxSide) + " pixels a side, 40 million in all): choose a lower resolution";
    out = p;
    return {};
}

ExportPlan plan_export(const MapLayout& l, const ExportPage& page) {
    ExportPlan plan;
    plan.page = page;
    const float W = (float)page.width_px, H = (float)page.height_px;
    plan.margin = std::round(std::min(W, H) * 0.035f);
    plan.title_px = std::round(H * 0.032f);
    plan.small_px = std::round(H * 0.017f);
    const float m = plan.margin;
    // Title line, then a subtitle line (date, counts) under it.
    plan.title = {m, m, W - 2 * m, plan.title_px * 1.25f + plan.small_px * 1.6f};
    // The legend: a colour bar with its tick labels under it.
    const float legend_h = plan.small_px * 2.6f;
    plan.legend = {m, H - m - legend_h, W - 2 * m, legend_h};
    const float gap = plan.small_px;
    plan.map = {m, plan.title.bottom() + gap, W - 2 * m, plan.legend.y - gap - (plan.title.bottom() + gap)};
    const float AW = std::max(1.0f, plan.map.w), AH = std::max(1.0f, plan.map.h);

    const int cols = (int)l.columns.size();
    // The width (em) of the widest band when the columns go `per` to a band.
    auto band_width = [&](int per) {
        float widest = 0;
        for (int first = 0; first < cols; first += per) {
            const int last = std::min(cols, first + per) - 1;
            widest = std::max(widest, l.columns[(size_t)last].right() - l.columns[(size_t)first].x);
        }
        return kLaneLabelW + widest;
    };
    // The header and the lane labels are drawn at the text's size, `text` times the map's scale.
    auto best_split = [&](float text, int& best_per) {
        float best_em = 0;
        best_per = std::max(1, cols);
        for (int k = 1; k <= std::max(1, cols); k++) {
            const int per = cols > 0 ? (cols + k - 1) / k : 1;
            const int bands = cols > 0 ? (cols + per - 1) / per : 1;
            if (cols > 0 && bands != k) continue;  // the same split as a smaller k
            const float bw = band_width(per) + kLaneLabelW * (text - 1);
            const float bh = bands * (l.height + kHeaderH * (text - 1)) + (bands - 1) * kBandGapEm;
            const float em = std::min(AW / std::max(1.0f, bw), AH / std::max(1.0f, bh));
            if (em > best_em * 1.0001f) {
                best_em = em;
                best_per = per;
            }
        }
        return best_em;
    };
    const float legible_px = kLegiblePt / 72.0f * page.dpi;
    int per = 1;
    plan.em = best_split(1.0f, per);
    plan.full = plan.em >= legible_px;
    if (!plan.full) plan.em = best_split(kCompactText, per);
    const float text = plan.full ? 1.0f : kCompactText;
    plan.text_px = plan.em * text;
    const float bw = (band_width(per) + kLaneLabelW * (text - 1)) * plan.em;
    const int nbands = cols > 0 ? (cols + per - 1) / per : 1;
    const float band_h = l.height + kHeaderH * (text - 1);  // in em
    // Centred across, from the top down (the eye starts there; the legend stays at the foot).
    const float x0 = plan.map.x + std::max(0.0f, (AW - bw) * 0.5f);
    float y = plan.map.y;
    for (int b = 0; b < nbands; b++) {
        ExportBand band;
        band.first = std::min(cols, b * per);
        band.end = std::min(cols, band.first + per);
        const float width_em = kLaneLabelW * text + (cols > 0 ? l.columns[(size_t)band.end - 1].right() - l.columns[(size_t)band.first].x : 0);
        band.world_x = cols > 0 ? l.columns[(size_t)band.first].x : kLaneLabelW;
        band.rect = {x0, y, width_em * plan.em, band_h * plan.em};
        plan.bands.push_back(band);
        y += (band_h + kBandGapEm) * plan.em;
    }
    plan.text_pt = plan.text_px / page.dpi * 72.0f;
    plan.legible = plan.text_pt >= kLegiblePt;
    return plan;
}

}  // namespace uxcx
