// views_pending.cpp: views not built yet (the views issue replaces this file).
#include "imgui.h"
#include "ui/views.h"

namespace uxcx {

void view_quadrant(App&) { ImGui::TextDisabled("The quadrant view is not built yet."); }
void view_heatmap(App&) { ImGui::TextDisabled("The heatmap is not built yet."); }
void view_ranking(App&) { ImGui::TextDisabled("The ranking is not built yet."); }
void view_compare(App&) { ImGui::TextDisabled("The comparison is not built yet."); }

}  // namespace uxcx
