// test_validate.cpp: the model checks every way in shares (core/validate.h): the same content as
// JSON, CSV or Mermaid gets the same warnings; the rules one by one; one touchpoint on its own.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/convert.h"
#include "core/load.h"
#include "core/validate.h"

using namespace uxcx;

namespace {

const Diagnostic* find_diag(const std::vector<Diagnostic>& ds, std::string_view needle) {
    for (auto& d : ds)
        if (d.message.find(needle) != std::string::npos) return &d;
    return nullptr;
}

std::vector<std::pair<std::string, std::string>> pointers_and_messages(const LoadResult& r) {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& d : r.diagnostics) out.emplace_back(d.pointer, d.message);
    std::sort(out.begin(), out.end());
    return out;
}

Journey small_journey(int touchpoints) {
    Journey j;
    j.title = "T";
    j.stages = {{"s", "Stage", "", {}}};
    j.channels = {{"web", "Web", true, {}}, {"phone", "Phone", false, {}}};
    j.sets = {{"current", "Current", "", {}}};
    for (int i = 0; i < touchpoints; i++) {
        Touchpoint t;
        t.id = "t" + std::to_string(i);
        t.name = "Touchpoint " + std::to_string(i);
        t.stage = 0;
        t.channel = 0;
        t.sets.resize(1);
        j.touchpoints.push_back(t);
    }
    return j;
}

}  // namespace

TEST_CASE("a hidden override, a javascript: link and a time of 0 s: three warnings from CSV, JSON and Mermaid alike") {
    // U+202E RIGHT-TO-LEFT OVERRIDE would show "Refund" reversed.
    const std::string name = "Re\u202Efund";
    LoadResult csv = import_csv("id,name,stage,channel,url,timeOnTask\nt1," + name +
                                ",Pay,Web,javascript:alert(1),0\n");
    REQUIRE(csv.ok);
    LoadResult json = load_journey(R"x({"title": "x", "stages": [{"id": "pay", "name": "Pay"}],
        "channels": [{"id": "web", "name": "Web"}],
        "touchpoints": [{"id": "t1", "name": "Re\u202Efund", "stage": "pay", "channel": "web",
                         "url": "javascript:alert(1)", "ux": {"timeOnTask": 0}}]})x");
    REQUIRE(json.ok);
    CHECK(csv.diagnostics.size() == 3);
    CHECK(pointers_and_messages(csv) == pointers_and_messages(json));
    const Diagnostic* link = find_diag(csv.diagnostics, "javascript:alert(1)");
    REQUIRE(link);
    CHECK(link->pointer == "/touchpoints/0/url");
    CHECK(link->row == 2);
    CHECK(link->field == 5);
    CHECK(find_diag(json.diagnostics, "\"timeOnTask\" is 0, outside the range of seconds, above 0"));
    CHECK(csv.journey.touchpoints[0].name == "Refund");
    CHECK(json.journey.touchpoints[0].name == "Refund");
    CHECK(csv.journey.touchpoints[0].url.empty());
    CHECK_FALSE(csv.journey.touchpoints[0].sets[0].get(Metric::TimeOnTask).has_value());

    // Mermaid: the same name on a task gets the same warning.
    LoadResult mmd = load_journey("journey\n  title x\n  section Pay\n    " + name + ": 3: Me\n");
    REQUIRE(mmd.ok);
    const Diagnostic* d = find_diag(mmd.diagnostics, "text-direction overrides");
    REQUIRE(d);
    CHECK(d->pointer == "/touchpoints/0/name");
    CHECK(mmd.journey.touchpoints[0].name == "Refund");
}

TEST_CASE("direction overrides and embeddings go, marks and closed isolates stay") {
    std::string s = "\u05E9\u05DC\u05D5\u05DD\u200F (Hebrew)";  // RLM after Hebrew text: kept
    CHECK_FALSE(remove_direction_overrides(s));
    s = "a\u2067\u05D0\u2069b";  // RLI ... PDI: a closed isolate, kept
    CHECK_FALSE(remove_direction_overrides(s));
    s = "a\u2067b";  // an isolate never closed: its direction would leak past the name
    CHECK(remove_direction_overrides(s));
    CHECK(s == "ab");
    s = "x\u202Ay\u202C\u202Dz\u0007";  // LRE, PDF, LRO, a bell
    CHECK(remove_direction_overrides(s));
    CHECK(s == "xyz");
    s = "b\u2069";  // a PDI that closes nothing
    CHECK(remove_direction_overrides(s));
    CHECK(s == "b");
}

TEST_CASE("names that display as nothing are shown by their id, with a warning") {
    CHECK(renders_as_nothing(""));
    CHECK(renders_as_nothing("   "));
    CHECK(renders_as_nothing("\u200B\u00A0\u3164\uFE0F"));  // zero-width space, nbsp, Hangul filler, VS16
    CHECK_FALSE(renders_as_nothing(" a "));
    CHECK_FALSE(renders_as_nothing("\u05D0"));

    LoadResult r = load_journey(R"({"title": "T", "stages": [{"id": "pay", "name": "\u200B "}],
        "channels": [{"id": "web", "name": "\u3164"}],
        "touchpoints": [{"id": "t1", "name": "\u2060\u00AD", "stage": "pay", "channel": "web"}]})");
    REQUIRE(r.ok);
    const Journey& j = r.journey;
    CHECK(shown_name(j.stages[0]) == "pay");
    CHECK(shown_name(j.channels[0]) == "web");
    CHECK(shown_name(j.touchpoints[0]) == "t1");
    const Diagnostic* d = find_diag(r.diagnostics, "the name of the stage \"pay\" is only spaces or invisible characters");
    REQUIRE(d);
    CHECK(d->pointer == "/stages/0/name");
    CHECK(d->line == 1);
    CHECK(d->column == 49);  // the value "\u200B " after {"id": "pay", "name":
    CHECK(find_diag(r.diagnostics, "the name of the channel \"web\" is only spaces")->pointer == "/channels/0/name");
    CHECK(find_diag(r.diagnostics, "the name of the touchpoint \"t1\" is only spaces")->pointer ==
          "/touchpoints/0/name");
}

TEST_CASE("impossible sample sizes: more people than on Earth, or counts that are not whole people") {
    LoadResult r = load_journey(R"({"title": "T", "stages": [{"id": "s", "name": "S"}], "channels": [{"id": "w", "name": "W"}],
        "touchpoints": [{"id": "a", "name": "A", "stage": "s", "channel": "w",
                         "ux": {"n": 9e9, "sus": 70}, "cx": {"csat": {"mean": 3}, "nps": {"promoters": 5e9, "passives": 4e9, "detractors": 1}}}]})");
    REQUIRE(r.ok);
    const Diagnostic* n = find_diag(r.diagnostics, "the UX sample size \"n\" is 9000000000, more people than live on Earth");
    REQUIRE(n);
    CHECK(n->pointer == "/touchpoints/0/ux/n");
    const Reading& sus = *r.journey.touchpoints[0].sets[0].get(Metric::Sus);
    CHECK_FALSE(sus.n.has_value());  // the reading stays, its impossible n does not
    const Diagnostic* nps = find_diag(r.diagnostics, "counts adding up to 9000000001, more people than live on Earth");
    REQUIRE(nps);
    CHECK(nps->pointer == "/touchpoints/0/cx/nps");
    CHECK_FALSE(r.journey.touchpoints[0].sets[0].get(Metric::Nps).has_value());

    // From CSV the NPS counts are plain cells: 2.5 promoters is not a whole person.
    LoadResult c = import_csv("id,name,stage,nps_promoters,nps_passives,nps_detractors\na,A,S,2.5,3,4\n");
    REQUIRE(c.ok);
    const Diagnostic* half = find_diag(c.diagnostics, "has a count of 2.5, but a count is a whole number of people");
    REQUIRE(half);
    CHECK(half->pointer == "/touchpoints/0/cx/nps");
    CHECK(half->field == 4);
    CHECK_FALSE(c.journey.touchpoints[0].sets[0].get(Metric::Nps).has_value());
}

TEST_CASE("nothing to show: no stages and no touchpoints, or no touchpoints") {
    LoadResult r = load_journey(R"({"title": "T", "stages": []})");
    REQUIRE(r.ok);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message == "nothing to show: the journey has no stages and no touchpoints");
    CHECK(r.diagnostics[0].pointer == "");
    r = load_journey(R"({"title": "T", "stages": [{"id": "s", "name": "S"}], "touchpoints": []})");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message == "nothing to show: the journey has no touchpoints (the cards of the map)");
    CHECK(r.diagnostics[0].pointer == "/touchpoints");
    CHECK(r.diagnostics[0].column == 69);  // the [] of "touchpoints"
    r = load_journey("id,name\n");
    REQUIRE(r.ok);
    CHECK(find_diag(r.diagnostics, "nothing to show: the journey has no stages and no touchpoints"));
    r = load_journey("journey\n  title Empty\n");
    REQUIRE(r.ok);
    CHECK(find_diag(r.diagnostics, "nothing to show"));
}

TEST_CASE("UX readings on an offline channel are left out from CSV too") {
    LoadResult r = import_csv("id,name,stage,channel,channel_digital,sus,csat\na,A,S,Phone,false,70,80\n");
    REQUIRE(r.ok);
    const Diagnostic* d = find_diag(r.diagnostics, "is offline (\"digital\": false), so UX metrics do not apply there: sus");
    REQUIRE(d);
    CHECK(d->field == 5);  // channel_digital
    CHECK_FALSE(r.journey.touchpoints[0].sets[0].get(Metric::Sus).has_value());
    CHECK(r.journey.touchpoints[0].sets[0].get(Metric::Csat).has_value());
}

TEST_CASE("one touchpoint validates alone: only it changes, and its id is checked against the others") {
    Journey j = small_journey(1000);
    Touchpoint& t = j.touchpoints[500];
    t.id = "t3";  // taken by touchpoint 3
    t.url = "data:text/html,x";
    t.sets[0].get(Metric::Sus) = Reading{104, {}, {}, {}};
    j.touchpoints[7].url = "javascript:x";  // not this edit's business
    Validation v;
    validate_touchpoint(j, 500, v);
    CHECK(v.warnings == 3);
    CHECK(t.id == "t3-2");
    CHECK(t.url.empty());
    CHECK_FALSE(t.sets[0].get(Metric::Sus).has_value());
    CHECK(j.touchpoints[7].url == "javascript:x");
    CHECK(j.touchpoints[3].id == "t3");
    CHECK(find_diag(v.diagnostics, "\"sus\" is 104, outside the range from 0 to 100")->pointer ==
          "/touchpoints/500/ux/sus");
    // A clean touchpoint: nothing to say, nothing changed.
    Validation clean;
    validate_touchpoint(j, 10, clean);
    CHECK(clean.diagnostics.empty());
}

TEST_CASE("the validator keeps at most `cap` diagnostics but counts them all") {
    Journey j = small_journey(300);
    for (auto& t : j.touchpoints) t.url = "ftp://x";
    Validation v;
    v.cap = 200;
    validate_journey(j, v);
    CHECK(v.diagnostics.size() == 200);
    CHECK(v.warnings == 300);
}

TEST_CASE("link schemes: http, https and mailto in any case, nothing else") {
    CHECK(link_scheme_allowed("HTTPS://example.com"));
    CHECK(link_scheme_allowed("mailto:cx@example.com"));
    CHECK_FALSE(link_scheme_allowed("JavaScript:alert(1)"));
    CHECK_FALSE(link_scheme_allowed("../local.html"));
    CHECK_FALSE(link_scheme_allowed("file:///etc/passwd"));
}
