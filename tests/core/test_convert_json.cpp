// test_convert_json.cpp: canonical JSON save: load(save(load(x))) == load(x) field by field on every
// sample and on a hand-built journey with every feature; fixed member order; stable output.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/convert.h"
#include "core/load.h"

using namespace uxcx;

namespace {

// Field-by-field comparison, each field its own CHECK so that a failure names what differs.
void check_extras(const Extras& a, const Extras& b, const std::string& where) {
    INFO(where);
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); i++) {
        CHECK(a[i].first == b[i].first);
        CHECK(a[i].second == b[i].second);
    }
}

void check_reading(const std::optional<Reading>& a, const std::optional<Reading>& b, const std::string& where) {
    INFO(where);
    REQUIRE(a.has_value() == b.has_value());
    if (!a) return;
    CHECK(a->value == b->value);
    CHECK(a->sd == b->sd);
    CHECK(a->n == b->n);
    CHECK(a->counts == b->counts);
}

void check_measurement(const Measurement& a, const Measurement& b, const std::string& where) {
    INFO(where);
    for (int k = 0; k < kMetricCount; k++) check_reading(a.metrics[k], b.metrics[k], where + "/" + metric_key((Metric)k));
    CHECK(a.uxN == b.uxN);
    CHECK(a.cxN == b.cxN);
    CHECK(a.timeTarget == b.timeTarget);
    CHECK(a.emotion == b.emotion);
    check_extras(a.uxExtras, b.uxExtras, where + "/ux");
    check_extras(a.cxExtras, b.cxExtras, where + "/cx");
}

void check_same(const Journey& a, const Journey& b) {
    CHECK(a.schema == b.schema);
    CHECK(a.version == b.version);
    CHECK(a.title == b.title);
    CHECK(a.description == b.description);
    REQUIRE(a.persona.has_value() == b.persona.has_value());
    if (a.persona) {
        CHECK(a.persona->name == b.persona->name);
        CHECK(a.persona->description == b.persona->description);
        check_extras(a.persona->extras, b.persona->extras, "/persona");
    }
    REQUIRE(a.sets.size() == b.sets.size());
    for (size_t i = 0; i < a.sets.size(); i++) {
        CHECK(a.sets[i].id == b.sets[i].id);
        CHECK(a.sets[i].name == b.sets[i].name);
        CHECK(a.sets[i].date == b.sets[i].date);
        check_extras(a.sets[i].extras, b.sets[i].extras, "/sets");
    }
    CHECK(a.scoring.weights == b.scoring.weights);
    CHECK(a.scoring.threshold == b.scoring.threshold);
    CHECK(a.scoring.minUxN == b.scoring.minUxN);
    CHECK(a.scoring.minCxN == b.scoring.minCxN);
    check_extras(a.scoring.extras, b.scoring.extras, "/scoring");
    REQUIRE(a.stages.size() == b.stages.size());
    for (size_t i = 0; i < a.stages.size(); i++) {
        CHECK(a.stages[i].id == b.stages[i].id);
        CHECK(a.stages[i].name == b.stages[i].name);
        CHECK(a.stages[i].description == b.stages[i].description);
        check_extras(a.stages[i].extras, b.stages[i].extras, "/stages");
    }
    REQUIRE(a.channels.size() == b.channels.size());
    for (size_t i = 0; i < a.channels.size(); i++) {
        CHECK(a.channels[i].id == b.channels[i].id);
        CHECK(a.channels[i].name == b.channels[i].name);
        CHECK(a.channels[i].digital == b.channels[i].digital);
        check_extras(a.channels[i].extras, b.channels[i].extras, "/channels");
    }
    REQUIRE(a.touchpoints.size() == b.touchpoints.size());
    for (size_t i = 0; i < a.touchpoints.size(); i++) {
        const Touchpoint& x = a.touchpoints[i];
        const Touchpoint& y = b.touchpoints[i];
        std::string where = "/touchpoints/" + std::to_string(i);
        INFO(where);
        CHECK(x.id == y.id);
        CHECK(x.name == y.name);
        CHECK(x.description == y.description);
        CHECK(x.url == y.url);
        CHECK(x.owner == y.owner);
        CHECK(x.stage == y.stage);
        CHECK(x.channel == y.channel);
        CHECK(x.unknownStage == y.unknownStage);
        CHECK(x.unknownChannel == y.unknownChannel);
        CHECK(x.volume == y.volume);
        CHECK(x.painPoints == y.painPoints);
        CHECK(x.opportunities == y.opportunities);
        CHECK(x.quotes == y.quotes);
        REQUIRE(x.sets.size() == y.sets.size());
        for (size_t s = 0; s < x.sets.size(); s++) check_measurement(x.sets[s], y.sets[s], where + "/set" + std::to_string(s));
        check_extras(x.extras, y.extras, where);
    }
    check_extras(a.extras, b.extras, "");
}

std::string read_text(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Every feature of the format at once: persona, two sets, scoring, unknown members at every level
// (nested), counts for NPS, CSAT and task success, {mean, sd, n}, time on task as geomean/logSd,
// a reading with its own n, non-ASCII and escaped text.
const char* kEverything = R"({
  "$schema": "../schema/journey.schema.json",
  "version": 1,
  "title": "Everything \"quoted\" — und Umlaute: ä",
  "description": "Line one\nline two\ttab",
  "persona": {"name": "Ana", "description": "Buys twice a year", "age": 41},
  "sets": [
    {"id": "now", "name": "Current state", "date": "2026-01-15", "source": {"survey": "Q1"}},
    {"id": "later", "name": "Future state"}
  ],
  "scoring": {"weights": {"sus": 2, "ces": 0}, "threshold": 55, "minSample": {"ux": 3, "cx": 20}, "note": "agreed"},
  "stages": [
    {"id": "buy", "name": "Buy", "description": "Pays", "colour": "#f00"},
    {"id": "help", "name": "Help"}
  ],
  "channels": [
    {"id": "web", "name": "Website", "digital": true},
    {"id": "phone", "name": "Phone", "digital": false, "hours": [8, 20]}
  ],
  "touchpoints": [
    {"id": "pay", "stage": "buy", "channel": "web", "name": "Pay", "description": "Card form",
     "url": "https://example.com/pay", "owner": "Payments", "volume": 1200.5,
     "ux": {"n": 12, "timeTarget": 60, "sus": {"mean": 72.5, "sd": 17.25, "n": 12}, "seq": 5.9,
            "taskSuccess": {"successes": 11, "attempts": 12}, "timeOnTask": {"geomean": 48.2, "logSd": 0.41},
            "errorRate": 0.08, "umuxLite": 0.1, "device": "mobile"},
     "cx": {"n": 60, "nps": {"promoters": 22, "passives": 24, "detractors": 14}, "csat": {"counts": [1, 2, 5, 20, 32]},
            "ces": {"mean": 5.25, "sd": 1.1, "n": 40}},
     "emotion": 1.5,
     "painPoints": ["Card declined once"], "opportunities": ["Offer PayPal"], "quotes": ["Quick.", "Fine"],
     "measurements": {"later": {"ux": {"sus": 80, "n": 10}, "cx": {"csat": 90, "n": 30}, "emotion": 2}},
     "tags": {"a": [1, {"b": null}], "c": [], "d": {}}, "flag": true},
    {"id": "call", "stage": "help", "channel": "phone", "name": "Call",
     "cx": {"nps": -20, "n": 35}, "emotion": -2},
    {"id": "loose", "name": "No stage or channel"}
  ],
  "generator": "hand"
})";

}  // namespace

TEST_CASE("json save: load(save(load(x))) == load(x) on a journey with every feature") {
    LoadResult first = load_journey_json(kEverything);
    for (const Diagnostic& d : first.diagnostics)
        if (d.severity == Severity::Error) MESSAGE(d.pointer << ": " << d.message);
    REQUIRE(first.ok);
    std::string saved = save_journey_json(first.journey);
    LoadResult second = load_journey_json(saved);
    for (const Diagnostic& d : second.diagnostics)
        if (d.severity == Severity::Error) MESSAGE(d.pointer << ": " << d.message);
    REQUIRE(second.ok);
    check_same(first.journey, second.journey);
    // Canonical means stable: saving the reloaded journey gives the same bytes.
    CHECK(save_journey_json(second.journey) == saved);
}

TEST_CASE("json save: member order, indent, numbers, readings in the form they were given") {
    LoadResult r = load_journey_json(kEverything);
    REQUIRE(r.ok);
    std::string s = save_journey_json(r.journey);
    // Top-level members in the documented order, unknown ones last.
    const char* order[] = {"\"$schema\"", "\"version\"", "\"title\"", "\"description\"", "\"persona\"", "\"sets\"",
                           "\"scoring\"", "\"stages\"", "\"channels\"", "\"touchpoints\"", "\"generator\""};
    size_t last = 0;
    for (const char* key : order) {
        size_t at = s.find("\n  " + std::string(key) + ": ");
        INFO(key);
        REQUIRE(at != std::string::npos);
        CHECK(at > last);
        last = at;
    }
    CHECK(s.substr(0, 4) == "{\n  ");
    CHECK(s.find("\"version\": 1,\n") != std::string::npos);                 // an integer, no ".0"
    CHECK(s.find("\"volume\": 1200.5,") != std::string::npos);               // shortest round trip
    CHECK(s.find("\"umuxLite\": 0.1,") != std::string::npos);                // not 0.10000000000000001
    CHECK(s.find("\"seq\": 5.9,") != std::string::npos);                     // a plain number stays plain
    CHECK(s.find("\"csat\": {\n          \"counts\": [1, 2, 5, 20, 32]\n") != std::string::npos);
    CHECK(s.find("\"nps\": {\n          \"promoters\": 22,") != std::string::npos);
    CHECK(s.find("\"mean\": 72.5,\n          \"sd\": 17.25\n") != std::string::npos);  // n = block n: not repeated
    CHECK(s.find("\"mean\": 5.25,\n          \"sd\": 1.1,\n          \"n\": 40\n") != std::string::npos);
    CHECK(s.find("\"geomean\": 48.2,") != std::string::npos);
    CHECK(s.find("\"title\": \"Everything \\\"quoted\\\" — und Umlaute: ä\"") != std::string::npos);
    CHECK(s.find("\"description\": \"Line one\\nline two\\ttab\"") != std::string::npos);
    // Unknown members, re-indented, at the end of their object in their original order.
    CHECK(s.find("\"device\": \"mobile\"\n      }") != std::string::npos);
    CHECK(s.find("\"tags\": {\n        \"a\": [\n          1,\n          {\n            \"b\": null\n          }\n        ],\n"
                 "        \"c\": [],\n        \"d\": {}\n      },\n      \"flag\": true\n    }") != std::string::npos);
    CHECK(s.find("\"measurements\": {\n        \"later\": {") != std::string::npos);
}

TEST_CASE("json save: every sample survives load, save, load unchanged") {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(UXCX_SOURCE_DIR) / "assets" / "samples";
    int samples = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        // index.json is the catalogue of samples, not a journey.
        if (e.path().extension() != ".json" || e.path().filename() == "index.json") continue;
        samples++;
        INFO(e.path().filename().string());
        LoadResult first = load_journey(read_text(e.path()));
        REQUIRE(first.ok);
        std::string saved = save_journey_json(first.journey);
        LoadResult second = load_journey(saved);
        REQUIRE(second.ok);
        check_same(first.journey, second.journey);
        CHECK(save_journey_json(second.journey) == saved);
    }
    CHECK(samples >= 1);
}

TEST_CASE("json save: a journey built in memory (Mermaid import) saves with its stage ids") {
    LoadResult m = import_mermaid("journey\n  section Go\n    Tea: 4: Me, Cat\n");
    REQUIRE(m.ok);
    std::string s = save_journey_json(m.journey);
    LoadResult back = load_journey_json(s);
    for (const Diagnostic& d : back.diagnostics)
        if (d.severity == Severity::Error) MESSAGE(d.pointer << ": " << d.message);
    REQUIRE(back.ok);
    REQUIRE(back.journey.touchpoints.size() == 1);
    CHECK(back.journey.touchpoints[0].stage == 0);
    CHECK(back.journey.stages[0].id == "go");
    CHECK(*back.journey.touchpoints[0].sets[0].emotion == 1);
    REQUIRE(back.journey.touchpoints[0].extras.size() == 1);
    CHECK(back.journey.touchpoints[0].extras[0].second == "[\"Me\",\"Cat\"]");
}
