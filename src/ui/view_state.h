// view_state.h: what the views keep between frames (derived rows and analyses, and the few
// choices that are not filters), owned by the App. An open resets them (app_open_loaded), so no
// view keys a cache on a global counter and two Apps in one process never share one.
#pragma once

#include <vector>

#include "core/analysis.h"
#include "core/view_filters.h"
#include "imgui.h"

namespace uxcx {

// The ranking's rows: the touchpoints on screen, filtered and sorted, top to bottom. The arrow
// keys step along these in the Ranking view.
struct RankingState {
    ImGuiTextFilter filter;    // the parsed form of App::filters.text
    std::vector<int> rows;     // touchpoint indices in on-screen order
    ViewFilters built_with;    // the filters `rows` were built with
    bool dirty = true;         // rebuild `rows` (a new document, filters or sort)
    unsigned generation = ~0u; // App::generation the rows were built for (an edit changes it)
    bool scroll_to_selected = false;  // the keyboard moved the selection: bring its row into view
};

// The analyses of the sets the map overlays (App::overlay), recomputed when the sets or the
// journey change: the overlay draws their stages' emotion and score curves.
struct OverlayState {
    unsigned generation = ~0u;  // App::generation the analyses are of
    std::vector<int> sets;      // the sets they are of, App::overlay's order
    std::vector<Analysis> analyses;
};

// The compare view's two analyses, recomputed only when what is compared changes.
struct CompareState {
    bool valid = false;      // false: recompute on the next frame
    unsigned generation = ~0u;  // App::generation the analyses are of (an edit changes it)
    int a = -1, b = -1;      // the sets the analyses are of
    bool journeys = false;   // whether b is the second journey (App::other) rather than a set
    bool use_other = true;   // the person's choice: compare with the second journey when one is open
    Analysis analysis_a, analysis_b;
    Comparison cmp;
};

}  // namespace uxcx
