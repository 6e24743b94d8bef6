// test_priority.cpp: priority that explains itself (docs/metrics.md, "Priority"): the
// template-marketplace sample as a consultant reads it, CX-only touchpoints ranked fairly, driver
// importance when the journey has it, and the "why is this #1" lines with their numbers.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/analysis.h"
#include "core/load.h"
#include "core/priority_text.h"
#include "test_metrics_util.h"

using namespace uxcx;
using namespace uxcx::test;

namespace {

Journey load_sample(const std::string& file) {
    std::ifstream f(std::string(UXCX_SOURCE_DIR) + "/assets/samples/" + file, std::ios::binary);
    REQUIRE_MESSAGE(f, file << " is missing");
    std::ostringstream ss;
    ss << f.rdbuf();
    LoadResult r = load_journey_json(ss.str());
    REQUIRE(r.ok);
    return std::move(r.journey);
}

int index_of(const Journey& j, const std::string& id) {
    for (size_t i = 0; i < j.touchpoints.size(); i++)
        if (j.touchpoints[i].id == id) return (int)i;
    FAIL("no touchpoint " << id);
    return -1;
}

std::vector<std::string> ranked_ids(const Journey& j, const Analysis& a, size_t count) {
    std::vector<std::string> ids;
    for (size_t k = 0; k < count && k < a.priority.size(); k++) ids.push_back(j.touchpoints[(size_t)a.priority[k]].id);
    return ids;
}

bool has_line(const std::vector<std::string>& lines, const std::string& text) {
    for (const std::string& l : lines)
        if (l.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_SUITE("priority") {

TEST_CASE("template marketplace: the failed installation is no longer ranked below the survey email by construction") {
    // Before: the survey email (UX 90, CX 27.5: gap 62.5) scored 32.5 + 31.25 for its gap and was
    // first; the failed installation (offline: CX 14.5 only, no gap term) was fifth.
    // Now the shortfall of the weaker side is the severity, whatever the other side scores.
    // Volumes 9000 3100 900 900 520 100 90 85 65 60 480 480: median weight 480.
    //   nps-survey   CX 27.5: 32.5 x sqrt(480/480) = 32.5
    //   install-wait CX 35.28: 24.72 x sqrt(520/480) = 25.73
    //   install-fail CX 14.5 (CSAT 14, NPS -70 -> 15): 45.5 x sqrt(100/480) = 20.77
    //   extra-fee    CX 11.32 (NPS -78.8 -> 10.6, CSAT 12): 48.68 x sqrt(85/480) = 20.49
    //   billing-call CX 21.67: 38.33 x sqrt(65/480) = 14.11
    //   ticket       CX 35.67: 24.33 x sqrt(90/480) = 10.54
    const Journey j = load_sample("template-marketplace.json");
    const Analysis a = analyse(j);
    CHECK(ranked_ids(j, a, 6) ==
          std::vector<std::string>{"nps-survey", "install-wait", "install-fail", "extra-fee", "billing-call", "ticket"});
    const int fail = index_of(j, "install-fail");
    CHECK(a.touchpoints[(size_t)fail].priority == near(45.5 * std::sqrt(100.0 / 480.0), 1e-3));
    const int survey = index_of(j, "nps-survey");
    CHECK(a.touchpoints[(size_t)survey].priority == near(32.5, 1e-3));
    // At equal volume, the failed installation outranks the email: the email's good UX no longer helps it.
    Journey same = j;
    same.touchpoints[(size_t)fail].volume = 480;
    const Analysis b = analyse(same);
    CHECK(b.priority[0] == fail);
}

TEST_CASE("a CX-only touchpoint ranks as a touchpoint with both sides and the same weaker score") {
    // Offline CX 30 against digital UX 90 / CX 30: both fall 30 short; neither gets a gap bonus.
    Journey j = journey_of({scored("both", 90, 30), scored("cx-only", NAN, 30), scored("worse", NAN, 20)});
    const Analysis a = analyse(j);
    CHECK(a.touchpoints[0].priority == near(30));
    CHECK(a.touchpoints[1].priority == near(30));
    CHECK(a.priority == std::vector<int>{2, 0, 1});  // 40 first; equal keys keep file order
}

TEST_CASE("driver importance multiplies priority relative to an average driver") {
    // Three drivers: average share 33.3%. a: share 60 -> x1.8; b: 30 -> x0.9; c: not in the block
    // -> x1 (counted as an average driver). All 20 below the threshold (CX 40).
    Journey j = journey_of({scored("a", NAN, 40), scored("b", NAN, 40), scored("c", NAN, 40)});
    DriversBlock d;
    d.outcome = "overall";
    d.r2 = 0.5;
    for (auto [id, share] : {std::pair<const char*, double>{"a", 60}, {"b", 30}, {"z", 10}}) {
        TouchpointDriver t;
        t.touchpoint = id;
        t.share = share;
        t.importance = share / 100 * d.r2;
        d.touchpoints.push_back(t);
    }
    j.drivers = d;
    const Analysis a = analyse(j);
    CHECK(a.touchpoints[0].driver == 0);
    CHECK(a.touchpoints[2].driver == -1);
    CHECK(a.touchpoints[0].priority == near(20 * 1.8));
    CHECK(a.touchpoints[1].priority == near(20 * 0.9));
    CHECK(a.touchpoints[2].priority == near(20));
    CHECK(a.priority == std::vector<int>{0, 2, 1});

    // A share the file left out is worked out from importance / R².
    j.drivers->touchpoints[0].share = NAN;
    CHECK(analyse(j).touchpoints[0].priority == near(20 * 1.8));

    const PriorityTerms p = priority_terms(j, a, 0);
    CHECK(p.rank == 0);
    CHECK(p.hasDrivers);
    CHECK(p.driverFound);
    CHECK(p.averageShare == near(100.0 / 3));
    CHECK(p.importance == near(1.8));
}

TEST_CASE("why is this #1: every term in words and numbers") {
    const Journey j = load_sample("template-marketplace.json");
    const Analysis a = analyse(j);
    const auto fail = explain_priority(j, a, index_of(j, "install-fail"));
    REQUIRE(fail.size() >= 5);
    CHECK(fail[0] == "#3 of 12 to fix first: priority 20.8");
    CHECK(has_line(fail, "Shortfall 45.5: CX 14.5 is 45.5 points below the threshold 60 (no UX reading: CX only)"));
    CHECK(has_line(fail, "Reach \u00D70.46: 100 customers against a median of 480"));
    CHECK(has_line(fail, "Importance \u00D71: the journey has no key-driver results"));
    CHECK(has_line(fail, "Evidence \u00D71"));
    CHECK(fail.back() == "45.5 \u00D7 0.46 \u00D7 1 \u00D7 1 = 20.8");

    const auto survey = explain_priority(j, a, index_of(j, "nps-survey"));
    CHECK(survey[0] == "#1 of 12 to fix first: priority 32.5");
    CHECK(has_line(survey, "CX 27.5 is 32.5 points below the threshold 60 (the weaker side)"));
    CHECK(has_line(survey, "Gap UX\u2212CX +62.5 is not counted: it says who fixes it (the service behind a working interface)"));

    const auto browse = explain_priority(j, a, index_of(j, "browse"));
    CHECK(has_line(browse, "Shortfall 0: CX 88.0 meets the threshold 60"));
}

TEST_CASE("the airline sample's drivers set the order: importance shown and counted") {
    const Journey j = load_sample("airline.json");
    REQUIRE(j.drivers.has_value());
    const Analysis a = analyse(j);
    const int top = a.priority[0];
    const PriorityTerms p = priority_terms(j, a, top);
    CHECK(p.hasDrivers);
    // Every airline touchpoint is a driver: each one's priority carries its own importance.
    for (size_t i = 0; i < j.touchpoints.size(); i++) CHECK(a.touchpoints[i].driver >= 0);
    CHECK(has_line(explain_priority(j, a, top), "of R\u00B2 against"));
    CHECK(p.priority == near(p.shortfall * p.reach * p.importance * p.evidence));
}

}  // TEST_SUITE
