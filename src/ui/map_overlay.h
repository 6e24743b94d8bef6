// map_overlay.h: the map's overlay of other measurement sets (segments, personas, waves): each
// overlaid set's stage emotion curve and stage CX score curve in its own colour, with a legend.
#pragma once

#include <vector>

#include "imgui.h"
#include "ui/app.h"

namespace uxcx {

// Where the curves go, in screen pixels: each layout column's centre x (MapLayout::columns order),
// the emotion lane's top and bottom, and the canvas (for the legend).
struct OverlayGeometry {
    std::vector<float> column_x;
    float lane_top = 0, lane_bottom = 0;
    ImVec2 canvas_min, canvas_max;
};

// The analyses of app.overlay's sets, recomputed only when the sets or the journey changed.
const std::vector<Analysis>& overlay_analyses(App& app);

// Draws the curves and the legend; nothing when no set is overlaid.
void draw_set_overlay(ImDrawList* dl, App& app, const OverlayGeometry& g, float em);

}  // namespace uxcx
