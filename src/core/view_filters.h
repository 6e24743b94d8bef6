// view_filters.h: the filters the views apply (ranking text, quadrant, stage, channel; heatmap
// measure). Plain values in the App, so a shared link and the recent list can carry them.
#pragma once

#include <string>

namespace uxcx {

inline constexpr int kAllGroups = -2;  // stage/channel filter: every touchpoint (-1 is "Unassigned")
inline constexpr size_t kMaxFilterText = 255;  // ImGuiTextFilter's buffer holds 255 bytes

enum HeatMeasure { HeatUx = 0, HeatCx = 1, HeatGap = 2 };

struct ViewFilters {
    std::string text;          // ranking name filter, ImGuiTextFilter syntax ("a,b": either, "-c": not c)
    int quadrant = -1;         // a Quadrant value; -1: every quadrant
    int stage = kAllGroups;    // index into Journey::stages; -1: no stage; kAllGroups: every stage
    int channel = kAllGroups;  // index into Journey::channels; -1: no channel; kAllGroups: every channel
    int heat = HeatCx;         // the heatmap's measure (HeatMeasure)
    bool operator==(const ViewFilters&) const = default;
};

}  // namespace uxcx
