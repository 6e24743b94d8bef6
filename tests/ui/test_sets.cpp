// test_sets.cpp: every view shows any measurement set. The toolbar's Set picker (clicked like a
// person does) switches the analysis every view reads; links carry the set and the overlay; the
// map's overlay analyses follow the sets chosen.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "harness.h"
#include "ui/map_overlay.h"

using namespace uxcx;

namespace {

void open_airline(test::UiHarness& ui) {
    namespace fs = std::filesystem;
    REQUIRE(app_open(ui.app, test::read_file(fs::path(UXCX_SOURCE_DIR) / "assets/samples/airline.json"), "airline.json").ok);
}

const VisibleControl* control(const App& app, const std::string& id) {
    for (const VisibleControl& c : app.controls)
        if (c.id == id) return &c;
    return nullptr;
}

int set_index(const Journey& j, const std::string& id) {
    for (size_t s = 0; s < j.sets.size(); s++)
        if (j.sets[s].id == id) return (int)s;
    return -1;
}

}  // namespace

TEST_CASE("the Set picker, clicked, switches the set every view shows") {
    test::UiHarness ui;
    open_airline(ui);
    const Journey& j = ui.app.doc.journey;
    const int personal = set_index(j, "personal-travel");
    REQUIRE(personal > 0);
    ui.frames(2);
    const VisibleControl* picker = control(ui.app, "set-picker");
    REQUIRE(picker);
    ui.click(picker->x + picker->w / 2, picker->y + picker->h / 2);
    ui.frames(2);
    const VisibleControl* entry = control(ui.app, "set:personal-travel");
    REQUIRE(entry);
    ui.click(entry->x + entry->w / 2, entry->y + entry->h / 2);
    ui.frames(2);
    CHECK(ui.app.doc.analysis.set == personal);
    // The numbers every view reads are that set's: the same as analysing it directly.
    const Analysis direct = analyse(j, personal);
    for (size_t t = 0; t < j.touchpoints.size(); t++) {
        const double a = ui.app.doc.analysis.touchpoints[t].cx.value, b = direct.touchpoints[t].cx.value;
        CHECK((a == b || (std::isnan(a) && std::isnan(b))));
    }
    CHECK(ui.app.doc.analysis.priority == direct.priority);
    for (const char* view : kViewNames) {
        CAPTURE(view);
        REQUIRE(app_set_view(ui.app, view));
        ui.frames(2);
        CHECK(ui.app.doc.analysis.set == personal);
    }
    // The ranking lists its rows in that set's priority order.
    REQUIRE(app_set_view(ui.app, "ranking"));
    ui.frames(2);
    REQUIRE(ui.app.items.size() >= 5);
    for (size_t i = 0; i < 5; i++) CHECK(ui.app.items[i].touchpoint == direct.priority[i]);
}

TEST_CASE("a link carries the set shown and the overlay; the receiver analyses the same") {
    test::UiHarness ui;
    open_airline(ui);
    const Journey& j = ui.app.doc.journey;
    REQUIRE(app_show_set(ui.app, set_index(j, "economy")));
    ui.app.overlay = {set_index(j, "business-class"), set_index(j, "economy")};
    const std::string q = app_link_query(ui.app);
    CHECK(q.find("&set=economy") != std::string::npos);
    CHECK(q.find("&overlay=business-class,economy") != std::string::npos);

    test::UiHarness other;
    open_airline(other);
    app_apply_query(other.app, q);
    CHECK(other.app.doc.analysis.set == set_index(j, "economy"));
    CHECK(other.app.overlay == ui.app.overlay);
    REQUIRE(app_set_view(other.app, "map"));
    other.frames(2);
    // The map drew the overlay: its analyses are of the chosen sets.
    const OverlayState& oc = other.app.overlay_cache;
    REQUIRE(oc.analyses.size() == 2);
    CHECK(oc.analyses[0].set == set_index(j, "business-class"));
    CHECK(oc.analyses[1].set == set_index(j, "economy"));
    // Business class rates the journey higher than economy: the two curves differ.
    CHECK(oc.analyses[0].journey.cx.value > oc.analyses[1].journey.cx.value);

    // A link without set= shows the first set and no overlay again.
    app_apply_query(other.app, "view=map");
    CHECK(other.app.doc.analysis.set == 0);
    CHECK(other.app.overlay.empty());
    CHECK_FALSE(app_show_set(other.app, 99));  // no such set: nothing changes
    CHECK(other.app.doc.analysis.set == 0);
}
