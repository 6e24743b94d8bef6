// test_ranking_export.cpp: "Export ranking CSV" writes the ranking as the table filters it, in
// rank order, not the whole journey in file order.
#include <doctest/doctest.h>

#include <string>

#include "platform/native/platform_native.h"
#include "harness.h"
#include "journeys.h"
#include "ui/app.h"

using namespace uxcx;

TEST_CASE("Export ranking CSV: the filtered rows, ranked, not the journey in file order") {
    test::UiHarness ui;
    REQUIRE(app_open(ui.app, test::generated_journey(12), "g.json").ok);
    const Journey& j = ui.app.doc.journey;
    const Analysis& an = ui.app.doc.analysis;
    ui.app.filters.stage = j.touchpoints[5].stage;  // one stage only
    app_export_csv(ui.app);
    const std::string& csv = platform::g_native_calls.download_bytes;
    // Expected: the touchpoints of that stage, in priority order, one line each after the header.
    std::string expected_ids;
    int rank = 0, lines = 0;
    for (int t : an.priority) {
        rank++;
        if (j.touchpoints[t].stage != ui.app.filters.stage) continue;
        expected_ids += std::to_string(rank) + "," + j.touchpoints[t].id + ",";
        lines++;
    }
    std::string got_ids;
    size_t pos = csv.find("\r\n") + 2;
    int got_lines = 0;
    while (pos < csv.size()) {
        size_t second = csv.find(',', csv.find(',', pos) + 1);
        got_ids += csv.substr(pos, second + 1 - pos);
        pos = csv.find("\r\n", pos) + 2;
        got_lines++;
    }
    CHECK(lines > 0);
    CHECK(lines < (int)j.touchpoints.size());
    CHECK(got_lines == lines);
    CHECK(got_ids == expected_ids);
    CHECK(csv.rfind("rank,id,name,stage,channel,", 0) == 0);
}
