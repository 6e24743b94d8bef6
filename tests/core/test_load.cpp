// test_load.cpp: load_journey_json, rule by rule: what is refused, what is accepted with a
// warning, and the values the loader computes from raw counts (worked by hand in comments).
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <string>

#include "core/load.h"

using namespace uxcx;

namespace {

const Diagnostic* find_diag(const LoadResult& r, std::string_view needle) {
    for (auto& d : r.diagnostics)
        if (d.message.find(needle) != std::string::npos) return &d;
    return nullptr;
}
int count(const LoadResult& r, Severity s) {
    int n = 0;
    for (auto& d : r.diagnostics) n += d.severity == s;
    return n;
}

// A journey with two stages and a digital and an offline channel around the given touchpoints.
std::string journey_with(const std::string& touchpoints, const std::string& more = "") {
    return R"({"title": "Test", "stages": [{"id": "discover", "name": "Discover"}, {"id": "purchase", "name": "Purchase"}],
"channels": [{"id": "web", "name": "Web", "digital": true}, {"id": "phone", "name": "Phone", "digital": false}],)" +
           more + "\n\"touchpoints\": [" + touchpoints + "]}";
}
const Touchpoint& tp0(const LoadResult& r) { return r.journey.touchpoints.at(0); }
const std::optional<Reading>& get(const LoadResult& r, Metric m, int set = 0) {
    return r.journey.touchpoints.at(0).sets.at(set).get(m);
}

}  // namespace

TEST_CASE("a complete minimal journey loads without a diagnostic") {
    auto r = load_journey_json(journey_with(R"({"id": "t1", "stage": "purchase", "channel": "web", "name": "Checkout",
        "description": "Pay", "owner": "Ana", "url": "https://example.com/x", "volume": 1200, "emotion": -1.5,
        "painPoints": ["slow"], "opportunities": ["faster"], "quotes": ["meh"],
        "ux": {"sus": 72.5, "n": 8}, "cx": {"nps": 30, "n": 120}})"));
    REQUIRE(r.ok);
    CHECK(r.diagnostics.empty());
    const Journey& j = r.journey;
    CHECK(j.title == "Test");
    REQUIRE(j.stages.size() == 2);
    CHECK(j.stages[1].name == "Purchase");
    REQUIRE(j.channels.size() == 2);
    CHECK(j.channels[1].digital == false);
    REQUIRE(j.sets.size() == 1);  // no "sets": one default set
    CHECK(j.sets[0].id == "current");
    CHECK(j.sets[0].name == "Current");
    const Touchpoint& t = tp0(r);
    CHECK(t.stage == 1);
    CHECK(t.channel == 0);
    CHECK(t.unknownStage.empty());  // resolved: the index is the truth
    CHECK(t.url == "https://example.com/x");
    CHECK(t.volume == 1200);
    CHECK(t.painPoints == std::vector<std::string>{"slow"});
    REQUIRE(t.sets.size() == 1);
    CHECK(t.sets[0].emotion == -1.5);
    CHECK(get(r, Metric::Sus)->value == 72.5);
    CHECK(get(r, Metric::Sus)->n == 8);    // no own n: the ux block's n
    CHECK(get(r, Metric::Nps)->n == 120);  // the cx block's n
    CHECK_FALSE(get(r, Metric::Seq).has_value());
}

// ---- refused: nothing loads ----------------------------------------------------------------

TEST_CASE("non-JSON input is refused with a specific hint") {
    struct Case {
        std::string bytes;
        const char* hint;
    };
    Case cases[] = {
        {"", "empty"},
        {"  \n\t ", "empty"},
        {"<!DOCTYPE html><html><body>GitHub</body></html>", "web page"},
        {"id,stage,channel,sus\nt1,buy,web,72\n", "CSV"},
        {"id;stage;sus\n", "CSV"},
        {std::string("\x1f\x8b\x08\x00\x00\x00", 6), "gzip"},
        {std::string("\xff\xfe{\0}\0", 6), "UTF-16"},
        {std::string("{\0\"\0a\0\"\0:\0", 10), "UTF-16"},  // UTF-16LE without BOM
        {"{\"title\": \"Caf\xe9\"}", "not UTF-8"},            // Latin-1 é
    };
    for (auto& c : cases) {
        CAPTURE(c.bytes);
        auto r = load_journey_json(c.bytes);
        CHECK_FALSE(r.ok);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].severity == Severity::Error);
        CHECK(r.diagnostics[0].message.find(c.hint) != std::string::npos);
        CHECK(r.journey.touchpoints.empty());
    }
    // The Latin-1 byte is located: {"title": "Caf  is 14 characters, é is the 15th.
    auto r = load_journey_json("{\"title\": \"Caf\xe9\"}");
    CHECK(r.diagnostics[0].line == 1);
    CHECK(r.diagnostics[0].column == 15);
}

TEST_CASE("data after the document is refused, a NUL byte included") {
    auto r = load_journey_json(std::string("{\"stages\": []}\0", 15));
    CHECK_FALSE(r.ok);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("zero byte") != std::string::npos);
    CHECK(r.diagnostics[0].column == 15);  // 14 characters of document, the NUL is the 15th
    r = load_journey_json("{\"stages\": []}\n{\"stages\": []}");
    CHECK_FALSE(r.ok);
    CHECK(r.diagnostics[0].message.find("more text after the end") != std::string::npos);
    CHECK(r.diagnostics[0].line == 2);
    CHECK(r.diagnostics[0].column == 1);
}

TEST_CASE("syntax errors give line and column counted in characters") {
    // Line 2 is   "title": "日本語", "x": tru}
    // 2 spaces (1-2), "title" (3-9), ':' 10, ' ' 11, "日本語" (12-16: 5 characters, 11 bytes), ',' 17,
    // ' ' 18, "x" (19-21), ':' 22, ' ' 23, 't' 24, 'r' 25, 'u' 26: the parser notices the bad literal at
    // '}', character 27. Counted in bytes it would be 27 + 6 = 33 (each CJK character is 3 bytes).
    auto r = load_journey_json("{\n  \"title\": \"日本語\", \"x\": tru}");
    CHECK_FALSE(r.ok);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.rfind("Not valid JSON", 0) == 0);
    CHECK(r.diagnostics[0].line == 2);
    CHECK(r.diagnostics[0].column == 27);
}

TEST_CASE("nesting: 64 levels parse, 65 are refused as soon as they are reached") {
    auto nested = [](int depth) { return std::string(depth, '[') + std::string(depth, ']'); };
    auto r64 = load_journey_json(nested(64));
    REQUIRE(r64.diagnostics.size() == 1);
    CHECK(r64.diagnostics[0].message.find("not a journey") != std::string::npos);
    auto r65 = load_journey_json(nested(65));
    CHECK_FALSE(r65.ok);
    REQUIRE(r65.diagnostics.size() == 1);
    CHECK(r65.diagnostics[0].message.find("deeper than 64") != std::string::npos);
    CHECK(r65.diagnostics[0].column == 65);  // the 65th '['
    // A million levels neither recurse nor crash.
    auto deep = load_journey_json(std::string(1000000, '[') + std::string(1000000, ']'));
    CHECK_FALSE(deep.ok);
    CHECK(deep.diagnostics[0].message.find("deeper than 64") != std::string::npos);
    // Objects count as levels as well.
    std::string objs;
    for (int i = 0; i < 65; i++) objs += "{\"a\":";
    objs += "1" + std::string(65, '}');
    CHECK(load_journey_json(objs).diagnostics[0].message.find("deeper than 64") != std::string::npos);
}

TEST_CASE("a file over 32 MiB is refused before parsing") {
    // 32 MiB + 1 byte of spaces around an empty object: valid JSON, refused by size alone, quickly.
    std::string big = "{}" + std::string(kMaxFileBytes - 1, ' ');
    auto t0 = std::chrono::steady_clock::now();
    auto r = load_journey_json(big);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    CHECK_FALSE(r.ok);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("32.0 MiB") != std::string::npos);
    CHECK(ms < 50);  // a parse of 32 MiB would take far longer
}

TEST_CASE("a number that overflows is refused with its location") {
    auto r = load_journey_json("{\"stages\": [], \"x\": 1e400}");
    CHECK_FALSE(r.ok);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("too large") != std::string::npos);
    CHECK(r.diagnostics[0].line == 1);
    CHECK(r.diagnostics[0].column == 21);  // {"stages": [], "x": is 20 characters; 1e400 starts at 21
}

TEST_CASE("JSON that is not a journey is refused with a journey-level message") {
    auto r = load_journey_json("[1, 2]");
    CHECK_FALSE(r.ok);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("not a journey") != std::string::npos);
    CHECK(r.diagnostics[0].message.find("a list") != std::string::npos);

    r = load_journey_json("{\"title\": \"No stages\"}");
    CHECK_FALSE(r.ok);
    CHECK(find_diag(r, "no \"stages\"") != nullptr);

    r = load_journey_json("{\"title\": \"T\", \"stages\": {\"a\": 1}}");
    CHECK_FALSE(r.ok);
    const Diagnostic* d = find_diag(r, "\"stages\" should be a list");
    REQUIRE(d);
    CHECK(d->pointer == "/stages");
    CHECK(d->column == 26);  // {"title": "T", "stages": (25 characters with the space) then {
}

TEST_CASE("duplicate stage or channel ids are refused, every one listed") {
    auto r = load_journey_json(R"({"title": "T", "stages": [{"id": "a"}, {"id": "b"}, {"id": "a"}],
        "channels": [{"id": "web"}, {"id": "web"}], "touchpoints": []})");
    CHECK_FALSE(r.ok);
    CHECK(r.journey.stages.empty());  // nothing loads
    CHECK(count(r, Severity::Error) == 2);
    const Diagnostic* s = find_diag(r, "stage id \"a\" is used twice (stages 1 and 3)");
    REQUIRE(s);
    CHECK(s->pointer == "/stages/2/id");
    const Diagnostic* c = find_diag(r, "channel id \"web\" is used twice");
    REQUIRE(c);
    CHECK(c->pointer == "/channels/1/id");
    CHECK(c->line == 2);
}

// ---- accepted with warnings ----------------------------------------------------------------

TEST_CASE("out-of-range and wrong-typed readings are dropped, never clamped or coerced") {
    auto r = load_journey_json(journey_with(R"({"id": "t", "stage": "discover", "channel": "web", "name": "n",
        "ux": {"sus": 120, "seq": "5", "umuxLite": 80, "taskSuccess": 85, "errorRate": -0.1},
        "cx": {"nps": -101, "csat": 100, "ces": 0.5}, "emotion": 3, "volume": -4})"));
    REQUIRE(r.ok);
    CHECK_FALSE(get(r, Metric::Sus));
    CHECK_FALSE(get(r, Metric::Seq));
    CHECK(get(r, Metric::UmuxLite)->value == 80);
    CHECK_FALSE(get(r, Metric::TaskSuccess));
    CHECK_FALSE(get(r, Metric::ErrorRate));
    CHECK_FALSE(get(r, Metric::Nps));
    CHECK(get(r, Metric::Csat)->value == 100);  // the upper bound itself is in range
    CHECK_FALSE(get(r, Metric::Ces));
    CHECK_FALSE(tp0(r).sets[0].emotion);
    CHECK_FALSE(tp0(r).volume);
    CHECK(count(r, Severity::Warning) == 8);
    const Diagnostic* d = find_diag(r, "\"sus\" is 120, outside the range from 0 to 100");
    REQUIRE(d);
    CHECK(d->pointer == "/touchpoints/0/ux/sus");
    CHECK(d->line == 4);
    CHECK(d->column == 23);  // 8 spaces, "ux" 9-12, ": {" 13-15, "sus" 16-20, ": " -> 120 at 23
    d = find_diag(r, "\"seq\" should be a number");
    REQUIRE(d);
    CHECK(d->message.find("text (\"5\")") != std::string::npos);
    CHECK(find_diag(r, "\"taskSuccess\" is 85")->message.find("0.85 is 85%") != std::string::npos);
    CHECK(find_diag(r, "\"nps\" is -101") != nullptr);
}

TEST_CASE("readings from counts: value, counts in documented order and n") {
    auto r = load_journey_json(journey_with(R"({"id": "t", "stage": "discover", "channel": "web", "name": "n",
        "ux": {"taskSuccess": {"successes": 8, "attempts": 10}, "timeOnTask": {"times": [10, 40]},
               "sus": {"mean": 72, "sd": 17, "n": 40}, "n": 12},
        "cx": {"nps": {"promoters": 50, "passives": 30, "detractors": 20},
               "csat": {"counts": [1, 2, 3, 4, 10]}, "ces": 5.5, "n": 200}})"));
    REQUIRE(r.ok);
    CHECK(r.diagnostics.empty());
    // NPS: 100 * (50 - 20) / (50 + 30 + 20) = 30, n = 100 (counts win over the block's 200).
    auto nps = get(r, Metric::Nps);
    CHECK(nps->value == doctest::Approx(30));
    CHECK(nps->counts == std::vector<double>{50, 30, 20});
    CHECK(nps->n == 100);
    // CSAT: 100 * (4 + 10) / (1 + 2 + 3 + 4 + 10) = 1400 / 20 = 70, n = 20.
    auto csat = get(r, Metric::Csat);
    CHECK(csat->value == doctest::Approx(70));
    CHECK(csat->counts == std::vector<double>{1, 2, 3, 4, 10});
    CHECK(csat->n == 20);
    // Task success: 8 / 10 = 0.8; the sample is the 10 attempts.
    auto ts = get(r, Metric::TaskSuccess);
    CHECK(ts->value == doctest::Approx(0.8));
    CHECK(ts->counts == std::vector<double>{8, 10});
    CHECK(ts->n == 10);
    // Times 10 s and 40 s: geometric mean sqrt(10 * 40) = 20 s; ln 10 = 2.302585, ln 40 = 3.688879,
    // both 0.693147 from their mean, SD = sqrt(2 * 0.693147^2 / 1) = 0.980258; n = 2 times.
    auto tot = get(r, Metric::TimeOnTask);
    CHECK(tot->value == doctest::Approx(20));
    CHECK(*tot->sd == doctest::Approx(0.980258).epsilon(1e-6));
    CHECK(tot->n == 2);
    // Mean form: own n (40) beats the block's n (12).
    auto sus = get(r, Metric::Sus);
    CHECK(sus->value == 72);
    CHECK(sus->sd == 17);
    CHECK(sus->n == 40);
    // CES as a plain number takes the cx block's n.
    CHECK(get(r, Metric::Ces)->n == 200);
}

TEST_CASE("bad count forms are dropped with a reason") {
    auto r = load_journey_json(journey_with(R"({"id": "t", "stage": "discover", "channel": "web", "name": "n",
        "ux": {"taskSuccess": {"successes": 11, "attempts": 10}, "timeOnTask": {"times": [10, 0]},
               "sus": {"sd": 3}},
        "cx": {"nps": {"promoters": 2.5, "passives": 1, "detractors": 0},
               "csat": {"counts": [1, 2, 3, 4]}, "ces": {"mean": 4, "n": 10, "median": 4}}})"));
    REQUIRE(r.ok);
    CHECK_FALSE(get(r, Metric::TaskSuccess));
    CHECK(find_diag(r, "successes <= attempts (here 11 of 10)") != nullptr);
    CHECK_FALSE(get(r, Metric::TimeOnTask));
    CHECK_FALSE(get(r, Metric::Sus));
    CHECK(find_diag(r, "has no \"mean\"") != nullptr);
    CHECK_FALSE(get(r, Metric::Nps));
    CHECK(find_diag(r, "a count is a whole number") != nullptr);
    CHECK_FALSE(get(r, Metric::Csat));
    CHECK(find_diag(r, "list of 5 counts") != nullptr);
    // An unknown member of a reading is reported, the reading itself is fine.
    CHECK(get(r, Metric::Ces)->value == 4);
    const Diagnostic* d = find_diag(r, "\"median\" is not part of a \"ces\" reading");
    REQUIRE(d);
    CHECK(d->pointer == "/touchpoints/0/cx/ces/median");
}

TEST_CASE("a reference to a missing stage or channel goes to Unassigned with a did-you-mean hint") {
    auto r = load_journey_json(journey_with(R"({"id": "t", "stage": "purchse", "channel": "Web", "name": "n"},
        {"id": "u", "stage": "zzz", "channel": "web", "name": "m"}, {"id": "v", "name": "o", "channel": "web"})"));
    REQUIRE(r.ok);
    CHECK(r.journey.touchpoints[0].stage == -1);
    CHECK(r.journey.touchpoints[0].unknownStage == "purchse");  // saved back as written
    CHECK(r.journey.touchpoints[0].channel == -1);          // ids are case-sensitive
    const Diagnostic* d = find_diag(r, "stage \"purchse\" does not exist (did you mean \"purchase\"?)");
    REQUIRE(d);
    CHECK(d->message.find("Unassigned column") != std::string::npos);
    CHECK(d->pointer == "/touchpoints/0/stage");
    CHECK(find_diag(r, "channel \"Web\" does not exist (did you mean \"web\"?)") != nullptr);
    d = find_diag(r, "stage \"zzz\" does not exist");
    REQUIRE(d);
    CHECK(d->message.find("did you mean") == std::string::npos);  // nothing close: no guess
    CHECK(r.journey.touchpoints[2].stage == -1);
    CHECK(find_diag(r, "has no \"stage\"") != nullptr);
}

TEST_CASE("touchpoint ids: missing ones are generated, duplicates renamed, all unique") {
    auto r = load_journey_json(journey_with(R"({"id": "a", "stage": "discover", "channel": "web", "name": "1"},
        {"id": "a", "stage": "discover", "channel": "web", "name": "2"},
        {"stage": "discover", "channel": "web", "name": "3"},
        {"id": "a-2", "stage": "discover", "channel": "web", "name": "4"},
        {"id": "tp-3", "stage": "discover", "channel": "web", "name": "5"})"));
    REQUIRE(r.ok);
    auto& t = r.journey.touchpoints;
    REQUIRE(t.size() == 5);
    CHECK(t[0].id == "a");
    CHECK(t[1].id == "a-3");   // "a-2" belongs to touchpoint 4
    CHECK(t[2].id == "tp-3-2");  // "tp-3" belongs to touchpoint 5
    CHECK(t[3].id == "a-2");
    CHECK(t[4].id == "tp-3");
    CHECK(find_diag(r, "touchpoint id \"a\" is used twice; this one is renamed \"a-3\"") != nullptr);
    CHECK(find_diag(r, "has no \"id\"; it is given the id \"tp-3-2\"") != nullptr);
}

TEST_CASE("UX readings on an offline channel are dropped and the message says so") {
    auto r = load_journey_json(journey_with(R"({"id": "call", "stage": "discover", "channel": "phone", "name": "Call",
        "ux": {"sus": 70, "seq": 6, "n": 5}, "cx": {"csat": 80}})"));
    REQUIRE(r.ok);
    CHECK_FALSE(get(r, Metric::Sus));
    CHECK_FALSE(get(r, Metric::Seq));
    CHECK_FALSE(tp0(r).sets[0].uxN);
    CHECK(get(r, Metric::Csat)->value == 80);
    const Diagnostic* d = find_diag(r, "offline");
    REQUIRE(d);
    CHECK(d->message.find("sus, seq") != std::string::npos);
    CHECK(d->message.find("left out") != std::string::npos);
    CHECK(d->pointer == "/touchpoints/0/ux");
}

TEST_CASE("unknown metric names are reported with a hint and kept for saving") {
    auto r = load_journey_json(journey_with(R"({"id": "t", "stage": "discover", "channel": "web", "name": "n",
        "ux": {"sus": 70, "nps": 10}, "cx": {"nsp": 30, "loyalty": {"a": [1, 2.50]}}})"));
    REQUIRE(r.ok);
    const Diagnostic* d = find_diag(r, "unknown metric \"nsp\" (did you mean \"nps\"?)");
    REQUIRE(d);
    CHECK(d->pointer == "/touchpoints/0/cx/nsp");
    CHECK(find_diag(r, "\"nps\" is a CX metric: it belongs in \"cx\"") != nullptr);
    CHECK_FALSE(get(r, Metric::Nps));  // not taken from the wrong block
    auto& m = tp0(r).sets[0];
    CHECK(m.uxExtras == Extras{{"nps", "10"}});
    // Kept as compact JSON, numbers exactly as written.
    CHECK(m.cxExtras == Extras{{"nsp", "30"}, {"loyalty", "{\"a\":[1,2.50]}"}});
}

TEST_CASE("unknown members everywhere are kept as compact JSON, in file order") {
    auto r = load_journey_json(R"({"$schema": "https://x/journey.schema.json", "version": 1, "title": "T",
        "zeta": "a\"b\n", "stages": [{"id": "s", "colour": "#fff"}], "channels": [{"id": "c", "icon": null}],
        "persona": {"name": "Sam", "age": 41},
        "scoring": {"threshold": 70, "weights": {"sus": 2, "nsp": 1}, "minSample": {"ux": 8, "cx": 50}, "note": true},
        "touchpoints": [{"id": "t", "stage": "s", "channel": "c", "name": "n", "tags": ["x", {"y": []}]}],
        "alpha": -0.0})");
    REQUIRE(r.ok);
    const Journey& j = r.journey;
    CHECK(j.schema == "https://x/journey.schema.json");
    CHECK(j.version == 1);
    CHECK(j.extras == Extras{{"zeta", "\"a\\\"b\\n\""}, {"alpha", "-0.0"}});
    CHECK(j.stages[0].extras == Extras{{"colour", "\"#fff\""}});
    CHECK(j.channels[0].extras == Extras{{"icon", "null"}});
    CHECK(j.persona->name == "Sam");
    CHECK(j.persona->extras == Extras{{"age", "41"}});
    CHECK(j.scoring.threshold == 70);
    CHECK(j.scoring.weights[(int)Metric::Sus] == 2);
    CHECK(j.scoring.weights[(int)Metric::Nps] == 1);
    CHECK(j.scoring.minUxN == 8);
    CHECK(j.scoring.minCxN == 50);
    CHECK(j.scoring.extras == Extras{{"note", "true"}});
    CHECK(find_diag(r, "unknown metric \"nsp\" (did you mean \"nps\"?) in the weights") != nullptr);
    CHECK(j.touchpoints[0].extras == Extras{{"tags", "[\"x\",{\"y\":[]}]"}});
}

TEST_CASE("duplicate keys: a warning at the second key, the last value wins") {
    auto r = load_journey_json(journey_with(R"({"id": "t", "stage": "discover", "channel": "web",
        "name": "first", "name": "second", "ux": {"sus": 10, "sus": 20}})"));
    REQUIRE(r.ok);
    CHECK(tp0(r).name == "second");
    CHECK(get(r, Metric::Sus)->value == 20);
    CHECK(count(r, Severity::Warning) == 2);
    const Diagnostic* d = find_diag(r, "\"name\" appears more than once");
    REQUIRE(d);
    CHECK(d->pointer == "/touchpoints/0/name");
    CHECK(d->line == 4);
    CHECK(d->column == 26);  // 8 spaces, "name": "first", (17) -> the second "name" at character 26
    CHECK(find_diag(r, "\"sus\" appears more than once")->pointer == "/touchpoints/0/ux/sus");
}

TEST_CASE("duplicate keys in a large object are found too") {
    std::string obj = "{\"title\": \"T\", \"stages\": [], \"x\": {";
    for (int i = 0; i < 100; i++) obj += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
    obj += "\"k7\": 700}}";
    auto r = load_journey_json(obj);
    REQUIRE(r.ok);
    const Diagnostic* d = find_diag(r, "\"k7\" appears more than once");
    REQUIRE(d);
    CHECK(d->pointer == "/x/k7");
    // The extras keep the last value only.
    CHECK(r.journey.extras[0].second.find("\"k7\":700") != std::string::npos);
    CHECK(r.journey.extras[0].second.find("\"k7\":7,") == std::string::npos);
}

TEST_CASE("control characters and direction overrides are removed from names, once per field; marks stay") {
    // U+202E (right-to-left override) would display "Refund" as "dnufeR"; \u0007 is a bell; U+2066..
    // U+2069 is a closed isolate and U+200F a right-to-left mark, both kept (right-to-left text needs them).
    auto r = load_journey_json(R"({"title": "Jour\u202Eney\u0007", "stages": [{"id": "s", "name": "St\u2066a\u2069ge\u0085"}],
        "channels": [{"id": "c", "name": "Web"}], "persona": {"name": "A\u200Fna"},
        "touchpoints": [{"id": "t", "stage": "s", "channel": "c", "name": "\u202ARefund\u202C", "description": "keeps\nlines"}]})");
    REQUIRE(r.ok);
    CHECK(r.journey.title == "Journey");
    CHECK(r.journey.stages[0].name == "St\u2066a\u2069ge");
    CHECK(r.journey.persona->name == "A\u200Fna");
    CHECK(tp0(r).name == "Refund");
    CHECK(tp0(r).description == "keeps\nlines");  // descriptions are not names
    CHECK(count(r, Severity::Warning) == 3);
    const Diagnostic* d = find_diag(r, "the title contained text-direction overrides or control characters");
    REQUIRE(d);
    CHECK(d->pointer == "/title");
    CHECK(d->message == "the title contained text-direction overrides or control characters; they were removed so it "
                        "displays as \"Journey\"");
}

TEST_CASE("only http, https and mailto links are kept") {
    auto r = load_journey_json(journey_with(R"x({"id": "a", "stage": "discover", "channel": "web", "name": "n", "url": "JavaScript:alert(1)"},
        {"id": "b", "stage": "discover", "channel": "web", "name": "n", "url": "data:text/html,x"},
        {"id": "c", "stage": "discover", "channel": "web", "name": "n", "url": "HTTPS://Example.com"},
        {"id": "d", "stage": "discover", "channel": "web", "name": "n", "url": "mailto:cx@example.com"},
        {"id": "e", "stage": "discover", "channel": "web", "name": "n", "url": "../local.html"},
        {"id": "f", "stage": "discover", "channel": "web", "name": "n", "url": "file:///etc/passwd"})x"));
    REQUIRE(r.ok);
    auto& t = r.journey.touchpoints;
    CHECK(t[0].url.empty());
    CHECK(t[1].url.empty());
    CHECK(t[2].url == "HTTPS://Example.com");
    CHECK(t[3].url == "mailto:cx@example.com");
    CHECK(t[4].url.empty());
    CHECK(t[5].url.empty());
    CHECK(count(r, Severity::Warning) == 4);
    CHECK(find_diag(r, "the link \"JavaScript:alert(1)\" is not a web or mail address")->pointer == "/touchpoints/0/url");
}

TEST_CASE("missing title, channels or touchpoints are warnings") {
    auto r = load_journey_json(R"({"stages": [{"id": "s"}], "touchpoints": [{"id": "t", "stage": "s", "name": "n"}]})");
    REQUIRE(r.ok);
    CHECK(find_diag(r, "no \"title\"") != nullptr);
    CHECK(find_diag(r, "no \"channels\"") != nullptr);
    CHECK(tp0(r).channel == -1);
    r = load_journey_json(R"({"title": "T", "stages": []})");
    REQUIRE(r.ok);
    CHECK(find_diag(r, "nothing to show: the journey has no stages and no touchpoints") != nullptr);
}

TEST_CASE("wrong-typed parts are dropped with a warning") {
    auto r = load_journey_json(journey_with(R"({"id": "t", "stage": "discover", "channel": "web", "name": 5,
        "painPoints": "one string", "quotes": ["ok", 3], "ux": [70], "cx": {"n": "many"}}, 42)",
                                 R"("sets": "current", "scoring": {"threshold": 120},)"));
    REQUIRE(r.ok);
    CHECK(r.journey.touchpoints.size() == 1);  // 42 is not a touchpoint
    CHECK(tp0(r).name.empty());
    CHECK(tp0(r).painPoints.empty());
    CHECK(tp0(r).quotes == std::vector<std::string>{"ok"});
    CHECK(r.journey.sets.size() == 1);
    CHECK(r.journey.scoring.threshold == 60);  // default kept, 120 not clamped to 100
    CHECK(find_diag(r, "\"name\" should be text, but it is a number") != nullptr);
    CHECK(find_diag(r, "\"painPoints\" should be a list") != nullptr);
    CHECK(find_diag(r, "\"quotes\" should be text")->pointer == "/touchpoints/0/quotes/1");
    CHECK(find_diag(r, "\"ux\" should be an object") != nullptr);
    CHECK(find_diag(r, "\"n\" should be a number") != nullptr);
    CHECK(find_diag(r, "each touchpoint should be an object")->pointer == "/touchpoints/1");
    CHECK(find_diag(r, "\"sets\" should be a list") != nullptr);
    CHECK(find_diag(r, "\"threshold\" is 120") != nullptr);
}

TEST_CASE("measurement sets: the first set on the touchpoint, others under measurements") {
    auto r = load_journey_json(journey_with(R"({"id": "t", "stage": "discover", "channel": "web", "name": "n",
        "ux": {"sus": 60}, "emotion": -1,
        "measurements": {"future": {"ux": {"sus": 80, "n": 9}, "cx": {"nps": 20}, "emotion": 1},
                         "futur": {"ux": {"sus": 1}}, "current": {"ux": {"sus": 2}}}},
        {"id": "u", "stage": "discover", "channel": "web", "name": "m"})",
                                 R"("sets": [{"id": "current", "name": "Current state", "date": "2026-Q3"},
                 {"id": "future", "name": "Future state"}],)"));
    REQUIRE(r.ok);
    REQUIRE(r.journey.sets.size() == 2);
    CHECK(r.journey.sets[0].date == "2026-Q3");
    CHECK(r.journey.sets[1].name == "Future state");
    for (auto& t : r.journey.touchpoints) CHECK(t.sets.size() == 2);
    CHECK(get(r, Metric::Sus, 0)->value == 60);
    CHECK(get(r, Metric::Sus, 1)->value == 80);
    CHECK(get(r, Metric::Sus, 1)->n == 9);
    CHECK(get(r, Metric::Nps, 1)->value == 20);
    CHECK(tp0(r).sets[0].emotion == -1);
    CHECK(tp0(r).sets[1].emotion == 1);
    const Diagnostic* d = find_diag(r, "measurement set \"futur\" is not listed in \"sets\" (did you mean \"future\"?)");
    REQUIRE(d);
    CHECK(d->pointer == "/touchpoints/0/measurements/futur");
    CHECK(find_diag(r, "readings of the first set (\"current\")") != nullptr);
    CHECK(count(r, Severity::Warning) == 2);
}

TEST_CASE("diagnostics stop at the cap with one summary line") {
    std::string tps;
    for (int i = 0; i < 300; i++)
        tps += std::string(i ? "," : "") + "{\"id\": \"t" + std::to_string(i) +
               "\", \"stage\": \"discover\", \"channel\": \"web\", \"name\": \"n\", \"ux\": {\"sus\": 200}}";
    auto r = load_journey_json(journey_with(tps));
    REQUIRE(r.ok);
    REQUIRE(r.diagnostics.size() == kMaxDiagnostics + 1);
    CHECK(r.diagnostics.back().message == "... and 100 more problems not listed (0 errors, 100 warnings)");
    CHECK(r.diagnostics.back().severity == Severity::Warning);
    // In file order: each diagnostic's line/column does not go backwards.
    for (size_t i = 1; i < kMaxDiagnostics; i++) {
        auto& a = r.diagnostics[i - 1];
        auto& b = r.diagnostics[i];
        CHECK((a.line < b.line || (a.line == b.line && a.column <= b.column)));
    }
}

TEST_CASE("errors past the cap still refuse the file") {
    std::string stages;
    for (int i = 0; i < 250; i++) stages += std::string(i ? "," : "") + "{\"id\": \"s\"}";
    auto r = load_journey_json("{\"title\": \"T\", \"stages\": [" + stages + "]}");
    CHECK_FALSE(r.ok);
    CHECK(r.diagnostics.back().severity == Severity::Error);
    // 249 duplicate ids; the first 200 found are listed (a refused file is not validated further).
    CHECK(r.diagnostics.back().message == "... and 49 more problems not listed (49 errors, 0 warnings)");
}
