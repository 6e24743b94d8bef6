// test_driver_chart.cpp: the Drivers view's placement of each driver (core/driver_chart.h).
#include <doctest/doctest.h>

#include <cmath>

#include "core/analysis.h"
#include "core/driver_chart.h"
#include "core/load.h"

using namespace uxcx;

namespace {
// Four touchpoints with CX scores 30 and 80 (CSAT), one digital-only with a UX score, and a
// drivers block of four (mean share 25%) plus an id no touchpoint has.
const char* kJourney = R"({"title": "t", "stages": [{"id": "s", "name": "S"}], "channels": [{"id": "web", "name": "Web"}],
  "touchpoints": [
    {"id": "weak-big", "name": "A", "stage": "s", "channel": "web", "cx": {"csat": 30, "n": 100}},
    {"id": "strong-big", "name": "B", "stage": "s", "channel": "web", "cx": {"csat": 80, "n": 100}},
    {"id": "weak-small", "name": "C", "stage": "s", "channel": "web", "cx": {"csat": 30, "n": 100}},
    {"id": "strong-neg", "name": "D", "stage": "s", "channel": "web", "ux": {"sus": 90, "n": 20}}],
  "drivers": {"outcome": "overall", "method": "shapley", "n": 100, "r2": 0.5, "touchpoints": {
    "weak-big":   {"r": 0.5, "importance": 0.2, "share": 40, "sign": 1, "low": 0.15, "high": 0.25},
    "strong-big": {"r": 0.4, "importance": 0.15, "share": 30, "sign": 1},
    "weak-small": {"r": 0.1, "importance": 0.05, "share": 10, "sign": 1},
    "strong-neg": {"r": -0.2, "importance": 0.05, "share": 10, "sign": -1},
    "gone":       {"r": 0.1, "importance": 0.05, "share": 10, "sign": 1}}}})";
}  // namespace

TEST_CASE("drivers are placed by score and share, with the consultant's quadrant names") {
    const LoadResult r = load_journey(kJourney);
    REQUIRE(r.ok);
    REQUIRE(r.journey.drivers);
    const Analysis a = analyse(r.journey);
    const DriverChart c = driver_chart(r.journey, a);
    REQUIRE(c.points.size() == 5);
    CHECK(c.importance_line == doctest::Approx(20));  // 100 / 5 drivers
    CHECK(c.score_line == doctest::Approx(60));
    CHECK(c.points[0].touchpoint == 0);
    CHECK(c.points[0].quadrant == DriverQuadrant::FixFirst);
    CHECK(c.points[0].low == doctest::Approx(30));   // 100 * 0.15 / 0.5
    CHECK(c.points[0].high == doctest::Approx(50));
    CHECK(c.points[1].quadrant == DriverQuadrant::KeepItUp);
    CHECK(c.points[2].quadrant == DriverQuadrant::LowPriority);
    // A negative coefficient is shown as a negative share, never as a positive contribution;
    // a touchpoint with only a UX score is placed by it.
    CHECK(c.points[3].share == doctest::Approx(-10));
    CHECK(c.points[3].score == doctest::Approx(90));
    CHECK(c.points[3].quadrant == DriverQuadrant::Overkill);
    // An id that matches no touchpoint has no score and no quadrant, but is still listed.
    CHECK(c.points[4].touchpoint == -1);
    CHECK(std::isnan(c.points[4].score));
    CHECK(c.points[4].quadrant == DriverQuadrant::NoScore);
    CHECK(std::string(driver_quadrant_label(DriverQuadrant::FixFirst)) == "Fix first");
}

TEST_CASE("a journey without drivers has an empty chart") {
    const LoadResult r = load_journey(R"({"title": "t", "stages": [{"id": "s", "name": "S"}], "channels": [{"id": "web", "name": "Web"}],
      "touchpoints": [{"id": "a", "name": "A", "stage": "s", "channel": "web", "cx": {"csat": 30, "n": 100}}]})");
    REQUIRE(r.ok);
    CHECK(driver_chart(r.journey, analyse(r.journey)).points.empty());
}
