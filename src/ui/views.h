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

}  // namespace uxcx
