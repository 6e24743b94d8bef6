// map_draw.h: the journey map's drawing pieces (view_map.cpp), shared by the map view and the
// whole-map export (export_map.cpp), which draws the same map at a page's scale in bands.
#pragma once

#include <string>

#include "imgui.h"
#include "ui/app.h"

namespace uxcx {

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

// What a card drew: for window.uxcx.state().items.
struct CardMarks {
    std::string label;      // the name as drawn, "" when none
    float label_px = 0;     // its font size
    bool evidence = false;  // the insufficient-evidence mark
};

// A card at full detail (name, UX and CX chips), and at the smaller levels (name band over the two
// numbers at `label_fs`; 0: colours only).
CardMarks draw_card(ImDrawList* dl, const App& app, int t, ImVec2 a, ImVec2 b, float fs, bool selected, bool hovered);
CardMarks draw_card_small(ImDrawList* dl, const App& app, int t, ImVec2 a, ImVec2 b, bool selected, float label_fs);
// The stage headers along p0..p1's top (each drawn one goes to app.headers); returns the column
// under the mouse when `hovered`.
int draw_header(ImDrawList* dl, App& app, const MapXform& xf, ImVec2 p0, ImVec2 p1, float em, float min_fs, bool hovered);
int draw_lane_labels(ImDrawList* dl, const App& app, const MapXform& xf, ImVec2 p0, ImVec2 p1, float em, bool hovered = false);
void draw_lanes(ImDrawList* dl, const App& app, const MapXform& xf, ImVec2 p0, ImVec2 p1, float em);
void draw_emotion(ImDrawList* dl, const App& app, const MapXform& xf, float em);

}  // namespace uxcx
