// views.h: one function per view, each drawing into the current ImGui window's remaining space
// and appending the touchpoints it drew to app.items.
#pragma once

#include "ui/app.h"

namespace uxcx {

void view_map(App& app);
void view_quadrant(App& app);
void view_heatmap(App& app);
void view_ranking(App& app);
void view_drivers(App& app);
void view_compare(App& app);

// The selected touchpoint's story: every metric in its units, pain points, quotes, owner, link.
void details_panel(App& app);
// In the Compare view the details panel shows the compared sides: the same change and verdict as
// the row (view_compare.cpp), and the other side's readings.
void compare_details(App& app, int t);
// The analysis the details panel shows: the compared side A in the Compare view (the "before" of
// the row), the document's own otherwise.
const Analysis& details_analysis(App& app);

}  // namespace uxcx
