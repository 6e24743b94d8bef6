// layout.cpp: the journey map's geometry (layout.h), computed once per opened journey.
#include "core/layout.h"

#include <cmath>
#include <cstdlib>

namespace uxcx {

// How many cards sit side by side in a cell of k cards: a short stack reads best, a crowded cell
// becomes a block about twice as tall as it is wide so 10,000 cards still fit a screen.
static int cell_columns(int k) {
    if (k <= 4) return 1;
    return (int)std::ceil(std::sqrt(k / 2.0));
}

MapLayout layout_map(const Journey& j) {
    MapLayout l;
    const int S = (int)j.stages.size(), C = (int)j.channels.size(), N = (int)j.touchpoints.size();
    auto stage_of = [&](const Touchpoint& tp) { return tp.stage >= 0 && tp.stage < S ? tp.stage : -1; };
    auto channel_of = [&](const Touchpoint& tp) { return tp.channel >= 0 && tp.channel < C ? tp.channel : -1; };
    bool unassigned_stage = false, unassigned_channel = false;
    for (const Touchpoint& tp : j.touchpoints) {
        unassigned_stage |= stage_of(tp) < 0;
        unassigned_channel |= channel_of(tp) < 0;
    }
    for (int s = 0; s < S; s++) l.column_stage.push_back(s);
    if (unassigned_stage) l.column_stage.push_back(-1);
    for (int c = 0; c < C; c++)
        if (j.channels[c].digital) l.lane_channel.push_back(c);
    for (int c = 0; c < C; c++)
        if (!j.channels[c].digital) l.lane_channel.push_back(c);
    if (unassigned_channel) l.lane_channel.push_back(-1);

    const int cols = (int)l.column_stage.size(), lanes = (int)l.lane_channel.size();
    std::vector<int> column_of_stage(S + 1, cols - 1), lane_of_channel(C + 1, lanes - 1);
    for (int i = 0; i < cols; i++)
        if (l.column_stage[i] >= 0) column_of_stage[l.column_stage[i]] = i;
    for (int i = 0; i < lanes; i++)
        if (l.lane_channel[i] >= 0) lane_of_channel[l.lane_channel[i]] = i;

    // Bucket the touchpoints by cell, keeping file order inside a cell.
    l.card_column.resize(N);
    l.card_lane.resize(N);
    const int cells = cols * lanes;
    l.cell_begin.assign(cells + 1, 0);
    for (int t = 0; t < N; t++) {
        const int s = stage_of(j.touchpoints[t]), c = channel_of(j.touchpoints[t]);
        l.card_column[t] = s < 0 ? cols - 1 : column_of_stage[s];
        l.card_lane[t] = c < 0 ? lanes - 1 : lane_of_channel[c];
        l.cell_begin[l.card_column[t] * lanes + l.card_lane[t] + 1]++;
    }
    for (int i = 0; i < cells; i++) l.cell_begin[i + 1] += l.cell_begin[i];
    l.cell_cards.resize(N);
    {
        std::vector<int> fill(l.cell_begin.begin(), l.cell_begin.end() - (cells > 0 ? 1 : 0));
        for (int t = 0; t < N; t++) l.cell_cards[fill[l.card_column[t] * lanes + l.card_lane[t]]++] = t;
    }
    auto cell_count = [&](int col, int lane) { return l.cell_begin[col * lanes + lane + 1] - l.cell_begin[col * lanes + lane]; };

    // Column widths from their most crowded cell; lane heights from the rows their cells need.
    std::vector<int> sub_cols(cols, 1), rows(lanes, 1);
    for (int col = 0; col < cols; col++)
        for (int lane = 0; lane < lanes; lane++) {
            const int k = cell_count(col, lane);
            if (cell_columns(k) > sub_cols[col]) sub_cols[col] = cell_columns(k);
        }
    for (int lane = 0; lane < lanes; lane++)
        for (int col = 0; col < cols; col++) {
            const int r = (cell_count(col, lane) + sub_cols[col] - 1) / sub_cols[col];
            if (r > rows[lane]) rows[lane] = r;
        }

    float x = kLaneLabelW;
    for (int col = 0; col < cols; col++) {
        const float w = sub_cols[col] * (kCardW + kCardGap) + kCardGap;
        l.columns.push_back({x, 0, w, 0});
        x += w;
    }
    float y = kHeaderH;
    for (int lane = 0; lane < lanes; lane++) {
        const float h = rows[lane] * (kCardH + kCardGap) + kCardGap;
        l.lanes.push_back({0, y, x, h});
        y += h;
    }
    l.emotion = {0, y, x, kEmotionH};
    y += kEmotionH;
    l.width = x;
    l.height = y;
    for (LayoutRect& c : l.columns) c.h = y;

    l.cards.resize(N);
    for (int col = 0; col < cols; col++)
        for (int lane = 0; lane < lanes; lane++) {
            const int cell = col * lanes + lane;
            for (int i = l.cell_begin[cell]; i < l.cell_begin[cell + 1]; i++) {
                const int k = i - l.cell_begin[cell];
                LayoutRect& r = l.cards[l.cell_cards[i]];
                r.x = l.columns[col].x + kCardGap + (k % sub_cols[col]) * (kCardW + kCardGap);
                r.y = l.lanes[lane].y + kCardGap + (k / sub_cols[col]) * (kCardH + kCardGap);
                r.w = kCardW;
                r.h = kCardH;
                l.order.push_back(l.cell_cards[i]);
            }
        }
    l.order_index.assign(N, -1);
    for (int i = 0; i < (int)l.order.size(); i++) l.order_index[l.order[i]] = i;
    return l;
}

int layout_step(const MapLayout& l, int from, int delta) {
    const int n = (int)l.order.size();
    if (n == 0) return -1;
    if (from < 0 || from >= (int)l.order_index.size()) return l.order[0];
    int at = l.order_index[from] + delta;
    at = at < 0 ? 0 : at >= n ? n - 1 : at;
    return l.order[at];
}

int layout_vertical(const MapLayout& l, int from, int dir) {
    if (l.order.empty()) return -1;
    if (from < 0 || from >= (int)l.cards.size()) return l.order[0];
    const LayoutRect& a = l.cards[from];
    const int col = l.card_column[from];
    int best = from;
    float best_dy = 0, best_dx = 0;
    // Cards of one column share their x positions, so a linear scan of the column's cells is enough.
    const int lanes = (int)l.lanes.size();
    for (int i = l.cell_begin[col * lanes]; i < l.cell_begin[(col + 1) * lanes]; i++) {
        const int t = l.cell_cards[i];
        const float dy = (l.cards[t].y - a.y) * (float)dir;  // positive: in the asked direction
        if (dy <= 0) continue;
        const float dx = std::fabs(l.cards[t].x - a.x);
        if (best == from || dy < best_dy - 0.01f || (std::fabs(dy - best_dy) <= 0.01f && dx < best_dx)) {
            best = t;
            best_dy = dy;
            best_dx = dx;
        }
    }
    return best;
}

}  // namespace uxcx
