// test_meeting.cpp: the meeting view (issue 13, item 7): a fitted map that stays fitted and shows
// names and evidence marks, presentation beside a story panel that hides, the keyboard (no focus
// ring on the toolbar, PageUp/PageDown, ranking rows), the UI font's characters, and Compare's
// details panel agreeing with its rows.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "harness.h"
#include "journeys.h"
#include "imgui_internal.h"
#include "ui/views.h"
#include "ui/widgets.h"

using namespace uxcx;

namespace {


// Every touchpoint on screen, with its name (maybe shortened), and every stage's header titled,
// side by side without overlapping.
void check_whole_journey_named(const App& app, float width) {
    const Journey& j = app.doc.journey;
    CHECK(app.items.size() == j.touchpoints.size());
    for (const VisibleItem& it : app.items) {
        CAPTURE(j.touchpoints[(size_t)it.touchpoint].id);
        CHECK_FALSE(it.label.empty());
        CHECK(it.label_px >= 9.0f);
        CHECK(it.x >= 0);
        CHECK(it.x + it.w <= width + 0.5f);
    }
    REQUIRE(app.headers.size() == j.stages.size());
    for (size_t i = 0; i < app.headers.size(); i++) {
        CAPTURE(i);
        CHECK(app.headers[i].label.size() > 4);  // "3. " and some of the title
        if (i) CHECK(app.headers[i].x >= app.headers[i - 1].x + app.headers[i - 1].w - 0.5f);
    }
}

}  // namespace

TEST_CASE("the UI font draws what European business text uses: euro sign, check marks, quotes") {
    test::UiHarness ui;
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    // € ✓ ✗ “ ” ‘ ’ „ … – — • ½ ™ № ℃ ≤ ≥ ≈ ± × ÷ ° → ← ★ ⚠ £ ¥ ₹ ő ł š ž ș ț ß é ẞ
    const ImWchar wanted[] = {0x20AC, 0x2713, 0x2717, 0x201C, 0x201D, 0x2018, 0x2019, 0x201E, 0x2026, 0x2013, 0x2014,
                              0x2022, 0x00BD, 0x2122, 0x2116, 0x2103, 0x2264, 0x2265, 0x2248, 0x00B1, 0x00D7, 0x00F7,
                              0x00B0, 0x2192, 0x2190, 0x2605, 0x26A0, 0x00A3, 0x00A5, 0x20B9, 0x0151, 0x0142, 0x0161,
                              0x017E, 0x0219, 0x021B, 0x00DF, 0x00E9, 0x1E9E};
    for (ImWchar c : wanted) {
        CAPTURE((int)c);
        CHECK(font->IsGlyphInFont(c));
    }
}

TEST_CASE("a fitted map stays fitted through resizes until the person pans, and F fits again") {
    test::UiHarness ui(1366, 768);
    REQUIRE(app_open(ui.app, test::meeting_journey(), "meeting.json").ok);
    ui.frames(2);
    CHECK(ui.app.map.fit);
    check_whole_journey_named(ui.app, 1366);
    const float laptop = ui.app.map.zoom;
    // A projector is plugged in: the canvas grows, the map grows with it.
    ImGui::GetIO().DisplaySize = ImVec2(1920, 1080);
    ui.frames(2);
    CHECK(ui.app.map.zoom > laptop * 1.2f);
    check_whole_journey_named(ui.app, 1920);
    // A drag pans: the fit is left, and a resize no longer changes the zoom. (The right button: a
    // left drag that starts on a card moves the card, editing.)
    const VisibleItem* it = test::item_for(ui.app, 0);
    REQUIRE(it);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(it->x + it->w / 2, it->y + it->h / 2);
    ui.frames(1);
    io.AddMouseButtonEvent(1, true);
    ui.frames(1);
    for (int k = 1; k <= 6; k++) {
        io.AddMousePosEvent(it->x + it->w / 2 + k * 20, it->y + it->h / 2 + k * 5);
        ui.frames(1);
    }
    io.AddMouseButtonEvent(1, false);
    ui.frames(1);
    CHECK_FALSE(ui.app.map.fit);
    const float panned = ui.app.map.zoom;
    io.DisplaySize = ImVec2(1366, 768);
    ui.frames(2);
    CHECK(ui.app.map.zoom == panned);
    ui.key(ImGuiKey_F);
    CHECK(ui.app.map.fit);
    CHECK(ui.app.map.zoom == doctest::Approx(laptop).epsilon(0.01));
}

TEST_CASE("presentation shows the whole journey with names beside a story panel that hides; Escape refits") {
    for (const ImVec2 size : {ImVec2(1366, 768), ImVec2(1920, 1080)}) {
        CAPTURE(size.x);
        test::UiHarness ui(size.x, size.y);
        REQUIRE(app_open(ui.app, test::meeting_journey(), "meeting.json").ok);
        ui.frames(2);
        const float normal = ui.app.map.zoom;
        ui.key(ImGuiKey_P);
        REQUIRE(ui.app.presentation);
        ui.rebuild_style();  // what the host does when the type size changes
        ui.frames(2);
        check_whole_journey_named(ui.app, size.x);
        // The story panel is beside the map: the cards end left of it.
        float right = 0;
        for (const VisibleItem& it : ui.app.items) right = std::max(right, it.x + it.w);
        CHECK(right < size.x * 0.75f);
        const float with_story = ui.app.map.zoom;
        // D hides the story: the map takes the width, and is larger.
        ui.key(ImGuiKey_D);
        CHECK_FALSE(ui.app.show_story);
        ui.frames(1);
        check_whole_journey_named(ui.app, size.x);
        CHECK(ui.app.map.zoom > with_story * 1.1f);
        ui.key(ImGuiKey_D);
        CHECK(ui.app.show_story);
        // PageDown/PageUp (a clicker) step through the touchpoints as the arrows do.
        const int first = ui.app.selected;
        ui.key(ImGuiKey_PageDown);
        CHECK(ui.app.selected == layout_step(ui.app.doc.layout, first, +1));
        ui.key(ImGuiKey_PageUp);
        CHECK(ui.app.selected == first);
        // Escape: back to the normal view, fitted again at the normal type size.
        ui.key(ImGuiKey_Escape);
        CHECK_FALSE(ui.app.presentation);
        ui.rebuild_style();
        ui.frames(2);
        CHECK(ui.app.map.zoom == doctest::Approx(normal).epsilon(0.01));
        check_whole_journey_named(ui.app, size.x);
    }
}

TEST_CASE("at the laptop's fit every card carries the evidence mark it has, and long titles end in an ellipsis") {
    test::UiHarness ui(1366, 768);
    REQUIRE(app_open(ui.app, test::meeting_journey(), "meeting.json").ok);
    ui.frames(2);
    REQUIRE(ui.app.items.size() == 14);
    for (const VisibleItem& it : ui.app.items) {
        const std::string& id = ui.app.doc.journey.touchpoints[(size_t)it.touchpoint].id;
        CAPTURE(id);
        CHECK(it.evidence == (id.rfind("weak", 0) == 0));
    }
    // "Notice the dark screen" does not fit a fitted column at this size: it is shortened visibly.
    bool shortened = false;
    for (const VisibleHeader& h : ui.app.headers)
        if (h.label.size() >= 3 && h.label.compare(h.label.size() - 3, 3, "\xe2\x80\xa6") == 0) shortened = true;
    CHECK(shortened);
    // Zoomed in to full detail the marks stay, and out to blocks too (cells of thin evidence).
    ui.app.map.fit = false;
    ui.app.map.zoom = 1.2f;
    ui.frames(2);
    for (const VisibleItem& it : ui.app.items) {
        const std::string& id = ui.app.doc.journey.touchpoints[(size_t)it.touchpoint].id;
        CAPTURE(id);
        CHECK(it.evidence == (id.rfind("weak", 0) == 0));
        CHECK_FALSE(it.label.empty());
    }
}

TEST_CASE("arrow keys and Space never walk ImGui's focus ring along the toolbar") {
    test::UiHarness ui(1366, 768);
    REQUIRE(app_open(ui.app, test::meeting_journey(), "meeting.json").ok);
    ui.frames(2);
    // Click the toolbar's first button ("Journey map", under the menu bar) so ImGui has a focused
    // item to move from, as a person who used the mouse before the keys has.
    const float bar = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
    ui.click(ImGui::GetStyle().WindowPadding.x + ImGui::GetFontSize(), bar + ImGui::GetFrameHeight() * 0.5f + 2);
    REQUIRE(ui.app.view == "map");
    REQUIRE(GImGui->NavId != 0);  // the button holds ImGui's focus
    const int first = ui.app.selected;
    ui.key(ImGuiKey_RightArrow);
    ui.key(ImGuiKey_RightArrow);
    ui.key(ImGuiKey_Space);
    ui.key(ImGuiKey_Enter);
    CHECK(ui.app.view == "map");
    CHECK(ui.app.selected == layout_step(ui.app.doc.layout, layout_step(ui.app.doc.layout, first, +1), +1));
    CHECK_FALSE(ui.app.presentation);
}

TEST_CASE("a held arrow steps once, then once per repeat the browser sends; never on ImGui's timer") {
    test::UiHarness ui(1366, 768);
    REQUIRE(app_open(ui.app, test::meeting_journey(), "meeting.json").ok);
    ui.frames(2);
    const MapLayout& l = ui.app.doc.layout;
    const int first = ui.app.selected;
    const int one = layout_step(l, first, +1), two = layout_step(l, one, +1);
    REQUIRE(one != first);
    REQUIRE(two != one);
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiKey_RightArrow, true);
    ui.frames(60);  // held a second: ImGui's own repeat steps after 0.275 s, then every 0.05 s
    CHECK(ui.app.selected == one);
    ui.app.key_repeats.push_back(ImGuiKey_RightArrow);  // the browser repeats the held key (main.cpp)
    ui.frames(1);
    CHECK(ui.app.selected == two);
    CHECK(ui.app.key_repeats.empty());
    io.AddKeyEvent(ImGuiKey_RightArrow, false);
    ui.frames(30);
    CHECK(ui.app.selected == two);
    // Alt+arrow moves the touchpoint one slot per press and per repeat, however long it is held.
    const int moved = ui.app.selected;
    const int channel = ui.app.doc.journey.touchpoints[(size_t)moved].channel;
    REQUIRE(ui.app.doc.history.steps.empty());
    io.AddKeyEvent(ImGuiMod_Alt, true);
    io.AddKeyEvent(ImGuiKey_DownArrow, true);
    ui.frames(60);
    io.AddKeyEvent(ImGuiKey_DownArrow, false);
    io.AddKeyEvent(ImGuiMod_Alt, false);
    ui.frames(3);
    CHECK(ui.app.doc.journey.touchpoints[(size_t)moved].channel != channel);
    CHECK(ui.app.doc.history.steps.size() == 1);  // one move, one step to undo
}

TEST_CASE("in the ranking the arrow keys follow the rows on screen, not the map's order") {
    test::UiHarness ui(1366, 768);
    REQUIRE(app_open(ui.app, test::meeting_journey(), "meeting.json").ok);
    app_set_view(ui.app, "ranking");
    ui.frames(3);
    const std::vector<int> rows = ui.app.ranking.rows;
    REQUIRE(rows.size() == 14);
    REQUIRE(rows != ui.app.doc.layout.order);  // priority order differs from journey order
    ui.app.selected = rows[0];
    ui.key(ImGuiKey_DownArrow);
    CHECK(ui.app.selected == rows[1]);
    ui.key(ImGuiKey_RightArrow);
    CHECK(ui.app.selected == rows[2]);
    ui.key(ImGuiKey_PageDown);
    CHECK(ui.app.selected == rows[3]);
    ui.key(ImGuiKey_UpArrow);
    CHECK(ui.app.selected == rows[2]);
    // Filtered: only the thin ones are on screen, and the keys stay among them.
    ui.app.filters.text = "Thin";
    ui.frames(2);
    const std::vector<int> thin = ui.app.ranking.rows;
    REQUIRE(thin.size() == 5);
    ui.app.selected = thin[0];
    for (int k = 0; k < 8; k++) ui.key(ImGuiKey_DownArrow);
    CHECK(ui.app.selected == thin.back());
    CHECK(ui.app.doc.journey.touchpoints[(size_t)ui.app.selected].id.rfind("weak", 0) == 0);
}

TEST_CASE("view state belongs to each App: a second App's ranking never shows the first one's rows") {
    test::UiHarness ui(1366, 768);
    REQUIRE(app_open(ui.app, test::meeting_journey(), "meeting.json").ok);
    app_set_view(ui.app, "ranking");
    ui.frames(2);
    REQUIRE(ui.app.ranking.rows.size() == 14);
    // Reopening another journey in the same App rebuilds the rows for it.
    REQUIRE(app_open(ui.app, test::generated_journey(5), "g.json").ok);
    ui.frames(2);
    CHECK(ui.app.ranking.rows.size() == 5);
    App other;
    CHECK(other.ranking.rows.empty());
    CHECK_FALSE(other.compare.valid);
}

TEST_CASE("compare: an unknown interval is 'unknown', and the details panel shows the compared sets") {
    test::UiHarness ui(1600, 1000);
    // Set "later" has a SUS without n: the change exists, its uncertainty does not.
    const std::string sets = R"({"title": "Sets", "sets": [{"id": "now", "name": "Now"}, {"id": "later", "name": "Later"}],
        "stages": [{"id": "a", "name": "A"}], "touchpoints": [
        {"id": "t", "stage": "a", "name": "Checkout", "ux": {"sus": {"mean": 50, "sd": 10, "n": 30}},
         "measurements": {"later": {"ux": {"sus": 80}}}}]})";
    REQUIRE(app_open(ui.app, sets, "sets.json").ok);
    app_set_view(ui.app, "compare");
    ui.app.compare_a = 1;  // Later -> Now: the panel must show Later's 80 as the row's "before"
    ui.app.compare_b = 0;
    ui.app.selected = 0;
    ui.frames(3);
    REQUIRE(ui.app.compare.valid);
    CHECK(ui.app.compare.cmp.changes[0].uxUnknown);
    CHECK_FALSE(ui.app.compare.cmp.changes[0].uxSignificant);
    CHECK(details_analysis(ui.app).touchpoints[0].ux.value == doctest::Approx(80));
}

TEST_CASE("ellipsize: whole when it fits, else a prefix cut between characters, then an ellipsis") {
    test::UiHarness ui;
    ui.frames(1);  // the current font is set by a frame
    const float fs = ImGui::GetFontSize();
    const std::string name = "Caf\xc3\xa9 Z\xc3\xbcrich \xe2\x80\x94 \xe2\x82\xac 12 \xe2\x9c\x93";  // Café Zürich — € 12 ✓
    const float whole = ImGui::CalcTextSize(name.c_str()).x;
    CHECK(ellipsize(name, fs, whole + 1) == name);
    for (float w = fs; w < whole; w += fs * 0.37f) {
        CAPTURE(w);
        const std::string s = ellipsize(name, fs, w);
        REQUIRE(s.size() >= 3);
        CHECK(s.compare(s.size() - 3, 3, "\xe2\x80\xa6") == 0);
        CHECK(ImGui::CalcTextSize(s.c_str()).x <= w + 0.5f);
        const std::string prefix = s.substr(0, s.size() - 3);
        CHECK(name.compare(0, prefix.size(), prefix) == 0);
        // Never inside a character: what follows the prefix starts a UTF-8 sequence.
        if (prefix.size() < name.size()) CHECK(((unsigned char)name[prefix.size()] & 0xC0) != 0x80);
    }
    CHECK(ellipsize(name, fs, 1.0f).empty());
}
