// test_layout.cpp: the journey map's geometry: columns in journey order, digital lanes before
// offline ones, cards in their cells, crowded cells as blocks, keyboard neighbours.
#include <doctest/doctest.h>

#include "core/layout.h"

using namespace uxcx;

namespace {

// Stages a, b; channels phone (offline, listed first in the file), web (digital).
Journey two_by_two() {
    Journey j;
    j.stages = {Stage{"a", "A", "", {}}, Stage{"b", "B", "", {}}};
    j.channels = {Channel{"phone", "Phone", false, {}}, Channel{"web", "Web", true, {}}};
    auto tp = [&](const char* id, int stage, int channel) {
        Touchpoint t;
        t.id = id;
        t.stage = stage;
        t.channel = channel;
        j.touchpoints.push_back(t);
    };
    tp("a-phone", 0, 0);  // 0
    tp("a-web", 0, 1);    // 1
    tp("b-web-1", 1, 1);  // 2
    tp("b-web-2", 1, 1);  // 3
    return j;
}

}  // namespace

TEST_SUITE("layout") {

TEST_CASE("digital lanes come first, offline after, whatever the file order") {
    const MapLayout l = layout_map(two_by_two());
    REQUIRE(l.lane_channel.size() == 2);
    CHECK(l.lane_channel[0] == 1);  // web
    CHECK(l.lane_channel[1] == 0);  // phone
    CHECK(l.column_stage == std::vector<int>{0, 1});
}

TEST_CASE("cards sit in their stage column and channel lane, stacked in file order") {
    const MapLayout l = layout_map(two_by_two());
    // Column 0 starts after the lane labels: x = kLaneLabelW = 9; its cards at 9 + gap 0.7 = 9.7.
    // One card per row (no cell has more than 4), so column width = 13 + 2 * 0.7 = 14.4 and
    // column 1 starts at 9 + 14.4 = 23.4, its cards at 24.1.
    CHECK(l.cards[1].x == doctest::Approx(9.7));
    CHECK(l.cards[2].x == doctest::Approx(24.1));
    // Web lane (first) starts under the header at y = 4.2; it holds two rows (b-web-1, b-web-2),
    // so its height is 2 * (4.6 + 0.7) + 0.7 = 11.3 and the phone lane starts at 15.5.
    CHECK(l.cards[2].y == doctest::Approx(4.2 + 0.7));
    CHECK(l.cards[3].y == doctest::Approx(4.2 + 0.7 + 4.6 + 0.7));
    CHECK(l.lanes[1].y == doctest::Approx(15.5));
    CHECK(l.cards[0].y == doctest::Approx(15.5 + 0.7));
    // The emotion lane follows the last channel lane: phone lane is one row, 4.6 + 1.4 = 6.0.
    CHECK(l.emotion.y == doctest::Approx(21.5));
    CHECK(l.height == doctest::Approx(21.5 + kEmotionH));
    CHECK(l.width == doctest::Approx(9 + 14.4 * 2));
}

TEST_CASE("journey order runs column by column, lanes top to bottom") {
    const MapLayout l = layout_map(two_by_two());
    // Column A: web (1) then phone (0); column B: web (2, 3).
    CHECK(l.order == std::vector<int>{1, 0, 2, 3});
    CHECK(layout_step(l, 1, +1) == 0);
    CHECK(layout_step(l, 0, +1) == 2);
    CHECK(layout_step(l, 3, +1) == 3);   // the last stays the last
    CHECK(layout_step(l, 1, -1) == 1);   // the first stays the first
    CHECK(layout_step(l, -1, +1) == 1);  // nothing selected: start at the beginning
    CHECK(layout_vertical(l, 1, +1) == 0);  // web -> phone in stage A
    CHECK(layout_vertical(l, 0, -1) == 1);
    CHECK(layout_vertical(l, 2, +1) == 3);  // second row of the same cell
    CHECK(layout_vertical(l, 3, +1) == 3);  // nothing below in stage B
}

TEST_CASE("unassigned stage and channel get their own column and lane, last") {
    Journey j = two_by_two();
    Touchpoint t;
    t.id = "loose";
    j.touchpoints.push_back(t);  // stage -1, channel -1
    const MapLayout l = layout_map(j);
    CHECK(l.column_stage == std::vector<int>{0, 1, -1});
    CHECK(l.lane_channel == std::vector<int>{1, 0, -1});
    CHECK(l.card_column[4] == 2);
    CHECK(l.card_lane[4] == 2);
    CHECK(l.order.back() == 4);
}

TEST_CASE("a crowded cell becomes a block about twice as tall as wide") {
    Journey j;
    j.stages = {Stage{"a", "A", "", {}}};
    j.channels = {Channel{"web", "Web", true, {}}};
    for (int i = 0; i < 50; i++) {
        Touchpoint t;
        t.id = std::to_string(i);
        t.stage = 0;
        t.channel = 0;
        j.touchpoints.push_back(t);
    }
    const MapLayout l = layout_map(j);
    // 50 cards: ceil(sqrt(50 / 2)) = 5 side by side, 10 rows.
    CHECK(l.cards[4].y == l.cards[0].y);
    CHECK(l.cards[5].y > l.cards[0].y);
    CHECK(l.cards[5].x == l.cards[0].x);
    CHECK(l.lanes[0].h == doctest::Approx(10 * (kCardH + kCardGap) + kCardGap));
    CHECK(l.cell_begin == std::vector<int>{0, 50});
}

TEST_CASE("an empty journey has no columns, lanes or cards, and navigation has nowhere to go") {
    const MapLayout l = layout_map(Journey{});
    CHECK(l.columns.empty());
    CHECK(l.lanes.empty());
    CHECK(l.cards.empty());
    CHECK(layout_step(l, -1, 1) == -1);
    CHECK(layout_vertical(l, -1, 1) == -1);
}

}  // TEST_SUITE
