// test_drivers_block.cpp: the journey file's `drivers` block: loaded and checked with located
// warnings, saved canonically, packed for the loading worker, and filled from an analysis.
#include <doctest/doctest.h>

#include <string>

#include "core/convert.h"
#include "core/drivers.h"
#include "core/load.h"
#include "core/pack.h"

using namespace uxcx;

namespace {

std::string journey_with(const std::string& drivers) {
    return R"({
  "version": 1,
  "title": "Airport",
  "stages": [{"id": "arrive", "name": "Arrive"}],
  "channels": [{"id": "site", "name": "Site", "digital": false}],
  "touchpoints": [
    {"id": "wifi", "name": "Wifi", "stage": "arrive", "channel": "site", "cx": {"csat": 70, "n": 50}},
    {"id": "food", "name": "Food", "stage": "arrive", "channel": "site", "cx": {"csat": 60, "n": 50}}
  ])" + (drivers.empty() ? "" : ",\n  \"drivers\": " + drivers) + "\n}\n";
}

const Diagnostic* find(const LoadResult& r, const std::string& pointer) {
    for (auto& d : r.diagnostics)
        if (d.pointer == pointer) return &d;
    return nullptr;
}

const char* kGood = R"({"outcome": "overall", "method": "shapley", "n": 812, "r2": 0.5,
    "touchpoints": {
      "wifi": {"r": 0.6, "importance": 0.35, "share": 70, "sign": 1, "low": 0.3, "high": 0.4, "n": 800, "note": "kept"},
      "food": {"r": -0.2, "importance": 0.15, "share": 30, "sign": -1, "n": 790}
    },
    "by": "uxcx 0.1"})";

}  // namespace

TEST_SUITE("drivers block") {

TEST_CASE("a drivers block loads into the model, fields and unknown members alike") {
    LoadResult r = load_journey_json(journey_with(kGood));
    REQUIRE(r.ok);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.journey.drivers.has_value());
    const DriversBlock& d = *r.journey.drivers;
    CHECK(d.outcome == "overall");
    CHECK(d.method == "shapley");
    CHECK(d.n == 812);
    CHECK(d.r2 == 0.5);
    REQUIRE(d.touchpoints.size() == 2);
    CHECK(d.touchpoints[0].touchpoint == "wifi");
    CHECK(d.touchpoints[0].importance == 0.35);
    CHECK(d.touchpoints[0].low == 0.3);
    CHECK(d.touchpoints[0].high == 0.4);
    CHECK(d.touchpoints[0].extras.size() == 1);
    CHECK(d.touchpoints[1].sign == -1);
    CHECK_FALSE(d.touchpoints[1].low.has_value());
    CHECK(d.extras.size() == 1);
}

TEST_CASE("save writes the block back canonically; load(save(j)) is j") {
    LoadResult r = load_journey_json(journey_with(kGood));
    REQUIRE(r.ok);
    std::string saved = save_journey_json(r.journey);
    CHECK(saved.find("\"drivers\": {") != std::string::npos);
    CHECK(saved.find("\"note\": \"kept\"") != std::string::npos);
    CHECK(saved.find("\"by\": \"uxcx 0.1\"") != std::string::npos);
    // After the touchpoints they name.
    CHECK(saved.find("\"drivers\"") > saved.find("\"touchpoints\""));
    LoadResult again = load_journey_json(saved);
    REQUIRE(again.ok);
    CHECK(save_journey_json(again.journey) == saved);
    CHECK(again.journey.drivers->touchpoints[1].sign == -1);
    // What the file did not give is not invented on save: an entry with only its importance
    // saves with only its importance (no r, share or sign of 0).
    LoadResult bare = load_journey_json(journey_with(R"({"r2": 0.3, "touchpoints": {"wifi": {"importance": 0.3}}})"));
    REQUIRE(bare.ok);
    std::string bareSaved = save_journey_json(bare.journey);
    CHECK(bareSaved.find("\"importance\": 0.3") != std::string::npos);
    CHECK(bareSaved.find("\"r\":") == std::string::npos);
    CHECK(bareSaved.find("\"share\":") == std::string::npos);
    CHECK(bareSaved.find("\"sign\":") == std::string::npos);
    // A journey without drivers saves without the block.
    LoadResult none = load_journey_json(journey_with(""));
    REQUIRE(none.ok);
    CHECK(save_journey_json(none.journey).find("drivers") == std::string::npos);
}

TEST_CASE("pack -> unpack keeps the block (the loading worker's copy)") {
    LoadResult r = load_journey_json(journey_with(kGood));
    REQUIRE(r.ok);
    LoadResult back;
    REQUIRE(unpack_load_result(pack_load_result(r), back));
    REQUIRE(back.journey.drivers.has_value());
    CHECK(save_journey_json(back.journey) == save_journey_json(r.journey));
    // Truncated anywhere: refused, never misread.
    std::string packed = pack_load_result(r);
    for (size_t cut = 0; cut < packed.size(); cut += 7) {
        LoadResult t;
        CHECK_FALSE(unpack_load_result(std::string_view(packed).substr(0, cut), t));
    }
}

TEST_CASE("bad parts get located warnings; the rest of the journey still loads") {
    LoadResult r = load_journey_json(journey_with(R"({"method": "lasso", "r2": 0.4,
      "touchpoints": {
        "wifi": {"r": 1.5, "importance": 0.2, "sign": 2, "low": 0.3, "high": 0.1},
        "fod": {"importance": 0.1},
        "food": {"r": 0.1}
      }})"));
    REQUIRE(r.ok);
    REQUIRE(r.journey.drivers.has_value());
    const Diagnostic* method = find(r, "/drivers/method");
    REQUIRE(method);
    CHECK(method->message.find("\"lasso\"") != std::string::npos);
    CHECK(method->line == 10);
    const Diagnostic* rr = find(r, "/drivers/touchpoints/wifi/r");
    REQUIRE(rr);
    CHECK(rr->message.find("outside the range from -1 to 1") != std::string::npos);
    CHECK(find(r, "/drivers/touchpoints/wifi/sign"));
    const Diagnostic* interval = find(r, "/drivers/touchpoints/wifi");
    REQUIRE(interval);
    CHECK(interval->message.find("\"low\" above \"high\"") != std::string::npos);
    const Diagnostic* typo = find(r, "/drivers/touchpoints/fod");
    REQUIRE(typo);
    CHECK(typo->message.find("did you mean \"food\"") != std::string::npos);
    const Diagnostic* noImportance = find(r, "/drivers/touchpoints/food");
    REQUIRE(noImportance);
    CHECK(noImportance->message.find("no valid \"importance\"") != std::string::npos);
    // wifi (interval dropped) and the unknown id (kept for saving); food left out.
    REQUIRE(r.journey.drivers->touchpoints.size() == 2);
    CHECK_FALSE(r.journey.drivers->touchpoints[0].low.has_value());
    CHECK(r.journey.drivers->touchpoints[1].touchpoint == "fod");

    LoadResult noR2 = load_journey_json(journey_with(R"({"touchpoints": {}})"));
    REQUIRE(noR2.ok);
    CHECK_FALSE(noR2.journey.drivers.has_value());
    CHECK(find(noR2, "/drivers"));
    LoadResult notObject = load_journey_json(journey_with("[1, 2]"));
    REQUIRE(notObject.ok);
    CHECK_FALSE(notObject.journey.drivers.has_value());
    CHECK(find(notObject, "/drivers")->message.find("should be an object") != std::string::npos);
}

TEST_CASE("an analysis becomes a block that loads back with the same numbers") {
    DriverColumns c;
    c.outcomeName = "overall";
    c.driverNames = {"wifi_col", "food_col"};
    c.outcome = {1, 2, 3, 4, 5, 4, 2, 3};
    c.drivers = {{2, 2, 3, 5, 4, 4, 1, 3}, {3, 1, 2, 4, 5, 3, 2, 2}};
    DriverOptions o;
    o.bootstrap = 50;
    DriverAnalysis a = drivers_from_columns(c, o);
    REQUIRE(a.ok());
    LoadResult base = load_journey_json(journey_with(kGood));
    REQUIRE(base.ok);
    Journey j = base.journey;
    j.drivers = drivers_block(a, {"wifi", "food"});
    LoadResult back = load_journey_json(save_journey_json(j));
    REQUIRE(back.ok);
    CHECK(back.diagnostics.empty());
    const DriversBlock& d = *back.journey.drivers;
    CHECK(d.r2 == a.r2);  // the saver writes doubles that read back exactly
    CHECK(d.touchpoints[0].importance == a.drivers[0].importance);
    CHECK(d.touchpoints[0].low == a.drivers[0].low);
    CHECK(d.touchpoints[1].share == a.drivers[1].share);
    CHECK(d.n == 8);
}

}  // TEST_SUITE
