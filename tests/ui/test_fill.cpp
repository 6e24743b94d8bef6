// test_fill.cpp: how many pixels a frame shades. Without a GPU (SwiftShader in Chromium, and the
// software fallback of many meeting-room laptops) a frame costs about what its triangles cover, so
// painting the screen's background twice over made the map pan at a third of the browser's rate.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "../../bench/gen_journey.h"
#include "core/convert.h"
#include "harness.h"

using namespace uxcx;

namespace {

// The area of triangle abc inside the scissor rectangle r (x0, y0, x1, y1): the pixels the GPU shades.
double shaded_area(ImVec2 a, ImVec2 b, ImVec2 c, ImVec4 r) {
    std::vector<ImVec2> poly = {a, b, c}, out;
    // Sutherland-Hodgman against each edge: keep the side where edge(p) >= 0.
    auto clip = [&](auto edge) {
        out.clear();
        for (size_t i = 0; i < poly.size(); i++) {
            const ImVec2 p = poly[i], q = poly[(i + 1) % poly.size()];
            const float ep = edge(p), eq = edge(q);
            if (ep >= 0) out.push_back(p);
            if ((ep >= 0) != (eq >= 0)) {
                const float t = ep / (ep - eq);
                out.push_back(ImVec2(p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t));
            }
        }
        poly.swap(out);
    };
    clip([&](ImVec2 p) { return p.x - r.x; });
    clip([&](ImVec2 p) { return r.z - p.x; });
    clip([&](ImVec2 p) { return p.y - r.y; });
    clip([&](ImVec2 p) { return r.w - p.y; });
    double area = 0;
    for (size_t i = 1; i + 1 < poly.size(); i++)
        area += std::fabs((poly[i].x - poly[0].x) * (poly[i + 1].y - poly[0].y) - (poly[i + 1].x - poly[0].x) * (poly[i].y - poly[0].y)) / 2;
    return area;
}

// The last frame's shaded pixels, in screens (1 = every pixel of the display once).
double screens_shaded() {
    const ImDrawData* dd = ImGui::GetDrawData();
    double area = 0;
    for (const ImDrawList* dl : dd->CmdLists)
        for (const ImDrawCmd& cmd : dl->CmdBuffer) {
            if (cmd.UserCallback) continue;
            const ImDrawVert* v = dl->VtxBuffer.Data + cmd.VtxOffset;
            const ImDrawIdx* idx = dl->IdxBuffer.Data + cmd.IdxOffset;
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3)
                area += shaded_area(v[idx[i]].pos, v[idx[i + 1]].pos, v[idx[i + 2]].pos, cmd.ClipRect);
        }
    return area / ((double)dd->DisplaySize.x * dd->DisplaySize.y);
}

}  // namespace

TEST_CASE("a frame shades the screen's pixels about once, not twice over") {
    test::UiHarness ui(1280, 800);
    REQUIRE(app_open(ui.app, save_journey_json(bench::generate_journey(50, 8, 1)), "fifty.json").ok);
    ui.frames(4);
    REQUIRE(ui.app.items.size() == 50);
    const double map = screens_shaded();
    MESSAGE("journey map, 50 cards: " << map << " screens");
    // The platform clears the screen with the background: the window paints no background of its
    // own, the map none over it, and a lane one fill, not a band and a tint (2.6 screens before).
    CHECK(map < 1.2);
    for (const char* view : {"ranking", "quadrant", "heatmap"}) {
        CAPTURE(view);
        REQUIRE(app_set_view(ui.app, view));
        ui.frames(3);
        CHECK(screens_shaded() < 1.2);
    }
}

