// test_import.cpp: the survey import screen in real frames: it opens in front of the map with the
// profile's suggestions, Import hands the host the mapping the screen stands for, Cancel while
// reading forgets the CSV and keeps the open map, and a loaded mapping is run as saved.
#include <doctest/doctest.h>

#include "harness.h"
#include "platform/native/platform_native.h"
#include "ui/import_screen.h"

using namespace uxcx;

namespace {

const char* kCsv =
    "id,Type of Travel,Inflight wifi service,Seat comfort,satisfaction\n"
    "r1,Business travel,0,4,satisfied\n"
    "r2,Personal Travel,3,5,neutral or dissatisfied\n"
    "r3,Business travel,5,1,satisfied\n";

const ImportState::Widget* widget(const App& app, const std::string& name) {
    for (const ImportState::Widget& w : app.import.widgets)
        if (w.name == name) return &w;
    return nullptr;
}

void click_widget(test::UiHarness& h, const std::string& name) {
    const ImportState::Widget* w = widget(h.app, name);
    REQUIRE_MESSAGE(w, name);
    h.click(w->x + w->w / 2, w->y + w->h / 2);
}

}  // namespace

TEST_CASE("import screen: suggestions, Import runs the mapping, the map stays until the journey arrives") {
    test::UiHarness h;
    auto& calls = platform::g_native_calls;
    import_begin(h.app, "wave.csv", 200, false);
    h.frames(2);
    CHECK(widget(h.app, "cancel"));
    import_profiled(h.app, profile_survey(kCsv));
    h.frames(3);
    REQUIRE(h.app.import.phase == ImportState::Phase::Mapping);
    CHECK(h.app.import.plan.title == "wave");
    CHECK(import_plan_problems(h.app.import.plan).empty());
    calls.survey_mapping.clear();
    click_widget(h, "import");
    CHECK(h.app.import.phase == ImportState::Phase::Running);
    const SurveyMappingResult m = load_survey_mapping(calls.survey_mapping);
    REQUIRE(m.ok);
    CHECK(m.mapping.readings.size() == 2);
    CHECK(m.mapping.segments.size() == 1);
    REQUIRE(m.mapping.outcome);
    CHECK(m.mapping.outcome->column == "satisfaction");
    import_done(h.app);
    h.frames(2);
    CHECK(h.app.import.phase == ImportState::Phase::Closed);
    CHECK(h.app.import.widgets.empty());
}

TEST_CASE("import screen: Cancel while reading forgets the CSV; a failed read says where") {
    test::UiHarness h;
    auto& calls = platform::g_native_calls;
    import_begin(h.app, "big.csv", 1e9, false);
    import_progress(h.app, 1000, 5e6, 1e9);
    h.frames(2);
    const int before = calls.survey_cancel;
    click_widget(h, "cancel");
    CHECK(calls.survey_cancel == before + 1);
    CHECK(calls.survey_forget);
    CHECK(h.app.import.phase == ImportState::Phase::Closed);

    import_begin(h.app, "broken.csv", 10, false);
    import_profiled(h.app, profile_survey("a,b\n1,\"2\n"));
    CHECK(h.app.import.phase == ImportState::Phase::Failed);
    CHECK(h.app.import.error.find("(line 2, column 3)") != std::string::npos);
    h.frames(2);
    click_widget(h, "close");
    CHECK(h.app.import.phase == ImportState::Phase::Closed);
}

TEST_CASE("import screen: a loaded mapping runs as saved until a choice changes") {
    test::UiHarness h;
    import_begin(h.app, "wave2.csv", 200, false);
    import_profiled(h.app, profile_survey(kCsv));
    const std::string saved =
        R"({"title": "Airline", "na": [0], "stages": [{"id": "air", "name": "Air", "description": "kept"}],
            "touchpoints": [{"id": "wifi", "name": "Wi-Fi", "stage": "air", "cx": {"csat": {"column": "Inflight wifi service"}}}]})";
    import_mapping_loaded(h.app, saved, "airline.mapping.json");
    CHECK(h.app.import.notes.empty());
    CHECK(import_mapping_to_run(h.app.import) == saved);
    h.app.import.plan.columns[3].role = ColumnRole::Reading;  // Seat comfort too: the plan is written out
    const std::string changed = import_mapping_to_run(h.app.import);
    CHECK(changed != saved);
    CHECK(load_survey_mapping(changed).mapping.readings.size() == 2);

    import_mapping_loaded(h.app, R"({"title": "x", "stages": [], "touchpoints": [{"id": "a", "name": "A", "cx": {"csat": {"column": "Nope"}}}]})", "old.json");
    REQUIRE(h.app.import.notes.size() == 1);
    CHECK(h.app.import.notes[0].find("\"Nope\"") != std::string::npos);
}
