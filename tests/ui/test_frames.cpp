// test_frames.cpp: every view over every bundled sample, frames with no GPU.
#include <doctest/doctest.h>

#include <filesystem>

#include "harness.h"

using namespace uxcx;

TEST_CASE("every view draws every sample without an ImGui assertion") {
    namespace fs = std::filesystem;
    int samples = 0;
    for (const auto& e : fs::directory_iterator(fs::path(UXCX_SOURCE_DIR) / "assets/samples")) {
        if (e.path().extension() != ".json" || e.path().filename() == "index.json") continue;
        CAPTURE(e.path().filename().string());
        test::UiHarness ui;
        const OpenResult r = app_open(ui.app, test::read_file(e.path()), e.path().filename().string());
        REQUIRE(r.ok);
        for (const char* view : kViewNames) {
            CAPTURE(view);
            REQUIRE(app_set_view(ui.app, view));
            ui.frames(3);
        }
        REQUIRE(app_set_view(ui.app, "map"));
        ui.frames(2);
        CHECK_FALSE(ui.app.items.empty());  // the map shows the sample's touchpoints
        samples++;
    }
    CHECK(samples >= 1);
}

TEST_CASE("a refused file keeps the open journey and explains the problem") {
    test::UiHarness ui;
    const std::string good = R"({"title": "Kept", "stages": [{"id": "s", "name": "S"}], "touchpoints": []})";
    REQUIRE(app_open(ui.app, good, "good.json").ok);
    const OpenResult bad = app_open(ui.app, R"({"title": "Broken", "stages": [)", "broken.json");
    CHECK_FALSE(bad.ok);
    CHECK(ui.app.doc.journey.title == "Kept");
    CHECK(ui.app.error.find("broken.json") != std::string::npos);
    ui.frames(2);
}
