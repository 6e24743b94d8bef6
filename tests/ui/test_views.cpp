// test_views.cpp: the views over adversarial journeys, and what a user does with them: click a
// card, step with the arrow keys, present, export, sort.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "harness.h"
#include "journeys.h"
#include "platform/native/platform_native.h"
#include "ui/widgets.h"

using namespace uxcx;

namespace {

// Every view, 3 frames each, in light and dark, in presentation mode too, with the arrows pressed.
void run_every_view(test::UiHarness& ui) {
    for (int pass = 0; pass < 2; pass++) {
        ui.app.dark = pass == 1;
        ui.app.presentation = pass == 1;
        for (const char* view : kViewNames) {
            CAPTURE(view);
            REQUIRE(app_set_view(ui.app, view));
            ui.frames(3);
            ui.key(ImGuiKey_RightArrow);
            ui.key(ImGuiKey_DownArrow);
            ui.key(ImGuiKey_UpArrow);
            ui.key(ImGuiKey_LeftArrow);
        }
    }
    ui.app.presentation = false;
}

}  // namespace

TEST_CASE("every view survives adversarial journeys") {
    struct Case { const char* name; std::string json; };
    const std::string long_name(3000, 'W');
    const Case cases[] = {
        {"empty journey", R"({"title": "Empty", "stages": [], "touchpoints": []})"},
        {"stages but no touchpoints", R"({"title": "E", "stages": [{"id": "a", "name": "A"}], "channels": [{"id": "w", "name": "W"}], "touchpoints": []})"},
        {"one touchpoint", R"({"title": "One", "stages": [{"id": "a", "name": "A"}], "touchpoints": [
            {"id": "t", "stage": "a", "name": "Only", "ux": {"sus": 70, "n": 10}, "cx": {"nps": 20, "n": 100}}]})"},
        {"no stages, no channels", R"({"title": "Loose", "stages": [], "touchpoints": [{"id": "t", "name": "Nowhere", "cx": {"csat": 50, "n": 3}}]})"},
        {"CX-only journey", R"({"title": "Phone", "stages": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "channels": [{"id": "p", "name": "Phone", "digital": false}], "touchpoints": [
            {"id": "t1", "stage": "a", "channel": "p", "name": "Call", "cx": {"ces": 3.1, "n": 40}},
            {"id": "t2", "stage": "b", "channel": "p", "name": "Visit", "cx": {"csat": 80, "n": 10}}]})"},
        {"long, right-to-left, CJK, emoji and format names",
         test::generated_journey(12, "%s%n%d " + long_name + " \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 "
                                          "\xe6\x97\x85\xe7\xa8\x8b \xf0\x9f\x98\x80 caf\xc3\xa9 ")},
        {"10,000 touchpoints", test::generated_journey(10000)},
    };
    for (const Case& c : cases) {
        const std::string name = c.name;
        CAPTURE(name);
        test::UiHarness ui;
        const OpenResult r = app_open(ui.app, c.json, c.name);
        CAPTURE(ui.app.error);
        REQUIRE(r.ok);
        run_every_view(ui);
        // A tiny window too: nothing may assume room.
        ImGui::GetIO().DisplaySize = ImVec2(320, 200);
        ui.app.map.fit = true;
        run_every_view(ui);
    }
    // And with no document at all.
    test::UiHarness ui;
    run_every_view(ui);
    CHECK(ui.app.items.empty());
}

TEST_CASE("clicking a card on the map selects it in every view") {
    test::UiHarness ui;
    REQUIRE(app_open(ui.app, test::generated_journey(24), "g.json").ok);
    ui.frames(2);
    // Touchpoint 9 is at index 9: stage 9*6/24 = 2 ("purchase"), channel 9 % 4 = 1 ("app").
    const VisibleItem* it = test::item_for(ui.app, 9);
    REQUIRE(it != nullptr);
    ui.click(it->x + it->w / 2, it->y + it->h / 2);
    CHECK(ui.app.selected == 9);
    for (const char* view : kViewNames) {
        CAPTURE(view);
        app_set_view(ui.app, view);
        ui.frames(2);
        CHECK(ui.app.selected == 9);
    }
}

TEST_CASE("arrow keys move along the journey and across lanes") {
    test::UiHarness ui;
    REQUIRE(app_open(ui.app, test::generated_journey(24), "g.json").ok);
    ui.frames(2);
    // Journey order is column by column, lanes top to bottom (web, app, then offline phone, store).
    // Stage 0 holds touchpoints 0-3 (i*6/24 < 1), one per channel: order 0 (web), 1 (app), 2, 3.
    CHECK(ui.app.selected == 0);
    ui.key(ImGuiKey_RightArrow);
    CHECK(ui.app.selected == 1);
    ui.key(ImGuiKey_RightArrow);
    ui.key(ImGuiKey_RightArrow);
    ui.key(ImGuiKey_RightArrow);
    CHECK(ui.app.selected == 4);  // first of stage 1
    ui.key(ImGuiKey_LeftArrow);
    CHECK(ui.app.selected == 3);
    // Down from 0 (web lane, stage 0) lands on 1 (app lane, same stage); up comes back.
    ui.app.selected = 0;
    ui.key(ImGuiKey_DownArrow);
    CHECK(ui.app.selected == 1);
    ui.key(ImGuiKey_UpArrow);
    CHECK(ui.app.selected == 0);
    ui.key(ImGuiKey_UpArrow);
    CHECK(ui.app.selected == 0);  // nothing above the first lane
}

TEST_CASE("presentation mode toggles with P, leaves with Escape, and asks for full screen") {
    test::UiHarness ui;
    REQUIRE(app_open(ui.app, test::generated_journey(8), "g.json").ok);
    ui.frames(2);
    ui.key(ImGuiKey_P);
    CHECK(ui.app.presentation);
    CHECK(platform::g_native_calls.fullscreen);
    CHECK(ui_text_scale(ui.app) > 1.0f);  // the host rebuilds the fonts larger
    ui.rebuild_style();
    ui.frames(2);
    // In presentation, down steps to the next touchpoint in journey order (not across lanes).
    ui.key(ImGuiKey_DownArrow);
    CHECK(ui.app.selected == 1);
    ui.key(ImGuiKey_Escape);
    CHECK_FALSE(ui.app.presentation);
    CHECK_FALSE(platform::g_native_calls.fullscreen);
}

TEST_CASE("the map culls what is off-screen and caps the items it reports") {
    test::UiHarness ui(1600, 1000);
    REQUIRE(app_open(ui.app, test::generated_journey(10000), "big.json").ok);
    ui.frames(2);
    // Fitted, 10,000 cards are far too many to list: the state gets the first 2,000 at most.
    CHECK(ui.app.items.size() <= 2000);
    // Zoomed to 100 % the screen holds a few dozen cards, every one inside the window.
    ui.app.map.zoom = 1.0f;
    ui.app.map.x = ui.app.map.y = 0;
    ui.app.map.fit = false;  // as a hand zoom leaves the fit
    ui.frames(2);
    CHECK_FALSE(ui.app.items.empty());
    CHECK(ui.app.items.size() < 200);
    for (const VisibleItem& it : ui.app.items) {
        CHECK(it.x >= 0);
        CHECK(it.y >= 0);
        CHECK(it.x + it.w <= 1600.5f);
        CHECK(it.y + it.h <= 1000.5f);
    }
    // Ctrl+wheel zooms out around the mouse: more cards on screen.
    const size_t at_100 = ui.app.items.size();
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(800, 500);
    ui.frames(1);
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    ui.frames(1);
    io.AddMouseWheelEvent(0, -3);
    ui.frames(1);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    ui.frames(2);
    CHECK(ui.app.map.zoom < 1.0f);
    CHECK(ui.app.items.size() > at_100);
}

TEST_CASE("the quadrant view lists CX-only touchpoints beside the chart") {
    test::UiHarness ui;
    REQUIRE(app_open(ui.app, test::generated_journey(8), "g.json").ok);
    app_set_view(ui.app, "quadrant");
    ui.frames(3);
    // Touchpoints 2, 3, 6, 7 are offline (channel i % 4 >= 2): no UX, still listed.
    for (int t : {0, 1, 2, 3, 4, 5, 6, 7}) {
        CAPTURE(t);
        CHECK(test::item_for(ui.app, t) != nullptr);
    }
    const VisibleItem* offline = test::item_for(ui.app, 6);
    REQUIRE(offline);
    ui.click(offline->x + offline->w / 2, offline->y + offline->h / 2);
    CHECK(ui.app.selected == 6);
}

TEST_CASE("the ranking lists in priority order and sorts by a clicked column") {
    test::UiHarness ui;
    REQUIRE(app_open(ui.app, test::generated_journey(12), "g.json").ok);
    app_set_view(ui.app, "ranking");
    ui.frames(3);
    const Analysis& an = ui.app.doc.analysis;
    REQUIRE(ui.app.items.size() == 12);
    for (size_t i = 0; i < 12; i++) CHECK(ui.app.items[i].touchpoint == an.priority[i]);
    // Click the "CX" header (6th column): ascending CX.
    const VisibleItem& row = ui.app.items[0];
    // Headers sit one row above the first item; the CX column's x is found by scanning the header
    // row for the column whose click sorts by CX: walk across until the order changes to CX order.
    bool sorted = false;
    for (float x = row.x + 2; x < row.x + row.w && !sorted; x += 8) {
        ui.click(x, row.y - row.h / 2);
        ui.frames(1);
        std::vector<double> cx;
        for (const VisibleItem& it : ui.app.items) cx.push_back(an.touchpoints[it.touchpoint].cx.value);
        sorted = std::is_sorted(cx.begin(), cx.end()) && cx.front() < cx.back();
    }
    CHECK(sorted);
}

TEST_CASE("exports: PNG of the current view, CSV of the ranking") {
    test::UiHarness ui;
    REQUIRE(app_open(ui.app, test::generated_journey(6), "g.json").ok);
    app_set_view(ui.app, "heatmap");
    platform::g_native_calls.png_name.clear();
    app_export_png(ui.app);
    // The view alone for a few frames (no menu, toolbar or details panel), then the capture.
    ui.frames(1);
    CHECK(export_view_capturing(ui.app));
    CHECK(platform::g_native_calls.png_name.empty());
    ui.frames(3);
    CHECK_FALSE(export_view_capturing(ui.app));
    CHECK(platform::g_native_calls.png_name == "Generated-heatmap.png");
    app_export_csv(ui.app);
    CHECK(platform::g_native_calls.download_name == "uxcx-ranking.csv");
    CHECK(platform::g_native_calls.download_mime == "text/csv");
    CHECK(platform::g_native_calls.download_bytes.find("tp-5") != std::string::npos);
}

TEST_CASE("links open only for http, https and mailto") {
    CHECK(link_allowed("https://example.com/a"));
    CHECK(link_allowed("HTTP://example.com"));
    CHECK(link_allowed("mailto:cx@example.com"));
    CHECK_FALSE(link_allowed("javascript:alert(1)"));
    CHECK_FALSE(link_allowed("data:text/html,x"));
    CHECK_FALSE(link_allowed("file:///etc/passwd"));
    CHECK_FALSE(link_allowed("http"));
}

TEST_CASE("compare: two sets of one journey, and a second journey opened with Compare with...") {
    test::UiHarness ui;
    // Set "future" raises SUS from 50 to 80 with n = 30 each: the change (+30) is far outside its
    // uncertainty, so the compare view marks it.
    const std::string two_sets = R"({"title": "Sets", "sets": [{"id": "now", "name": "Now"}, {"id": "future", "name": "Future"}],
        "stages": [{"id": "a", "name": "A"}], "touchpoints": [
        {"id": "t", "stage": "a", "name": "Checkout", "ux": {"sus": {"mean": 50, "sd": 10, "n": 30}},
         "measurements": {"future": {"ux": {"sus": {"mean": 80, "sd": 10, "n": 30}}}}}]})";
    const OpenResult r = app_open(ui.app, two_sets, "sets.json");
    REQUIRE(r.ok);
    app_set_view(ui.app, "compare");
    ui.frames(3);
    CHECK(ui.app.compare_b == 1);
    CHECK(test::item_for(ui.app, 0) != nullptr);
    // "Compare with..." opens its file for comparison: it fills `other`; the open journey stays.
    const OpenResult c = app_open(ui.app, test::generated_journey(5), "other.json", {}, OpenPurpose::Compare);
    REQUIRE(c.ok);
    CHECK(c.opened_as == OpenPurpose::Compare);
    CHECK(ui.app.doc.journey.title == "Sets");
    REQUIRE(ui.app.other.has_value());
    CHECK(ui.app.other->journey.title == "Generated");
    ui.frames(3);
}

TEST_CASE("an open carries its purpose: Compare fills `other` only beside an open map; Open and Restore replace it") {
    // With nothing to compare with, a comparison opens as the map (and says so, for Recent).
    test::UiHarness ui;
    const OpenResult first = app_open(ui.app, test::generated_journey(3), "first.json", {}, OpenPurpose::Compare);
    CHECK(first.opened_as == OpenPurpose::Open);
    CHECK(ui.app.has_document);
    CHECK_FALSE(ui.app.other.has_value());
    // An open after a comparison is an open: the purpose came with each request, none is left over.
    REQUIRE(app_open(ui.app, test::generated_journey(5), "other.json", {}, OpenPurpose::Compare).ok);
    REQUIRE(ui.app.other.has_value());
    const std::string second = R"({"title": "Second", "stages": [{"id": "a", "name": "A"}],
        "touchpoints": [{"id": "t", "stage": "a", "name": "T", "cx": {"csat": {"mean": 4, "n": 50}}}]})";
    const OpenResult r = app_open(ui.app, second, "second.json");
    REQUIRE(r.ok);
    CHECK(r.opened_as == OpenPurpose::Open);
    CHECK(ui.app.doc.journey.title == "Second");
    // A restore replaces the map too, and says it was a restore (the page keeps Recent as it is).
    const OpenResult back = app_open(ui.app, test::generated_journey(5), "first.json", {}, OpenPurpose::Restore);
    CHECK(back.opened_as == OpenPurpose::Restore);
    CHECK(ui.app.doc.journey.title == "Generated");
    // A refused comparison keeps both maps and says why.
    const OpenResult bad = app_open(ui.app, "{", "broken.json", {}, OpenPurpose::Compare);
    CHECK_FALSE(bad.ok);
    CHECK(ui.app.doc.journey.title == "Generated");
    CHECK_FALSE(ui.app.error.empty());
    ui.frames(2);
}

TEST_CASE("the Drivers view places each driver and a click on it selects the touchpoint") {
    // Two CX touchpoints, the weak one the bigger driver: it is drawn in "Fix first" (left, high).
    const char* json = R"({"title": "d", "stages": [{"id": "s", "name": "S"}], "channels": [{"id": "web", "name": "Web"}],
      "touchpoints": [
        {"id": "wifi", "name": "Inflight wifi service", "stage": "s", "channel": "web", "cx": {"csat": 25, "n": 200}},
        {"id": "food", "name": "Food", "stage": "s", "channel": "web", "cx": {"csat": 85, "n": 200}}],
      "drivers": {"outcome": "overall", "method": "shapley", "n": 200, "r2": 0.4, "touchpoints": {
        "wifi": {"r": 0.6, "importance": 0.3, "share": 75, "sign": 1, "low": 0.25, "high": 0.35},
        "food": {"r": 0.2, "importance": 0.1, "share": 25, "sign": 1}}}})";
    test::UiHarness ui;
    REQUIRE(app_open(ui.app, json, "d.json").ok);
    REQUIRE(app_set_view(ui.app, "drivers"));
    ui.frames(3);
    const VisibleItem* wifi = test::item_for(ui.app, 0);
    const VisibleItem* food = test::item_for(ui.app, 1);
    REQUIRE(wifi != nullptr);
    REQUIRE(food != nullptr);
    CHECK(wifi->x < food->x);  // weaker score: further left
    CHECK(wifi->y < food->y);  // more important: higher
    ui.click(wifi->x + wifi->w / 2, wifi->y + wifi->h / 2);
    CHECK(ui.app.selected == 0);
    app_set_view(ui.app, "map");
    ui.frames(2);
    CHECK(ui.app.selected == 0);
}
