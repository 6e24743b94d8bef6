// layout.h: where the journey map puts every stage column, channel lane and touchpoint card,
// computed once when a journey is opened. Units are "em" (multiples of the font size) so the view
// only scales and translates; pure C++, no ImGui.
#pragma once

#include <vector>

#include "core/journey.h"

namespace uxcx {

struct LayoutRect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

// Fixed sizes in em, shared with the view so that text fits the cards it is drawn in.
constexpr float kCardW = 13.0f, kCardH = 4.6f, kCardGap = 0.7f;
constexpr float kHeaderH = 4.2f;    // stage header band (name, UX, CX)
constexpr float kLaneLabelW = 9.0f; // channel label column
constexpr float kEmotionH = 6.0f;   // emotion curve lane under the channels

struct MapLayout {
    // Columns: journey.stages in order, then "Unassigned" (index stages.size()) when used.
    std::vector<int> column_stage;  // stage index per column, -1 for Unassigned
    std::vector<LayoutRect> columns;  // full height, header included
    // Lanes: digital channels in file order, then offline ones, then "Unassigned" when used.
    std::vector<int> lane_channel;  // channel index per lane, -1 for Unassigned
    std::vector<LayoutRect> lanes;  // full width, label column included
    LayoutRect emotion;             // the emotion curve lane, under the last channel lane
    std::vector<LayoutRect> cards;  // per touchpoint, same order as journey.touchpoints
    std::vector<int> card_column, card_lane;
    // Cards bucketed by cell (column * lanes.size() + lane), in drawing order: a view culls whole
    // cells first, so a frame touches only the cells on screen.
    std::vector<int> cell_begin;  // size cells + 1, offsets into cell_cards
    std::vector<int> cell_cards;
    // Journey order for keyboard navigation: by column, then lane, then position in the cell.
    std::vector<int> order;
    std::vector<int> order_index;  // touchpoint -> position in `order`
    float width = 0, height = 0;
};

MapLayout layout_map(const Journey& j);

// Neighbours for keyboard navigation; each returns `from` when there is nowhere to go, and the
// first card in journey order when `from` is -1.
int layout_step(const MapLayout& l, int from, int delta);     // along journey order
int layout_vertical(const MapLayout& l, int from, int dir);   // -1 up, +1 down: nearest card in the same column

}  // namespace uxcx
