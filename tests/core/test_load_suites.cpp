// test_load_suites.cpp: the loader against JSONTestSuite's parsing files and our own adversarial
// files in tests/data: every broken file refused with a location, every valid JSON file parsed.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/load.h"

using namespace uxcx;
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

// Messages of a file that did not parse as JSON at all (as opposed to JSON that is no journey).
bool is_parse_failure(const Diagnostic& d) {
    for (const char* m : {"Not valid JSON", "nested deeper", "too large to be read", "zero byte", "not UTF-8",
                          "UTF-16", "empty", "web page", "CSV", "gzip"})
        if (d.message.find(m) != std::string::npos) return true;
    return false;
}

std::vector<fs::path> files(const std::string& dir, char prefix) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (auto& e : fs::directory_iterator(dir, ec))
        if (e.path().filename().string()[0] == prefix) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

const std::string kSuite = UXCX_SHARED_DIR "/testsuites/JSONTestSuite/test_parsing";

}  // namespace

TEST_CASE("JSONTestSuite n_ files: every one refused, with a line and column") {
    auto list = files(kSuite, 'n');
    REQUIRE(list.size() >= 188);
    for (auto& p : list) {
        CAPTURE(p.filename().string());
        auto r = load_journey_json(read_file(p));
        CHECK_FALSE(r.ok);
        REQUIRE(r.diagnostics.size() == 1);  // one parse failure, nothing after it
        const Diagnostic& d = r.diagnostics[0];
        CHECK(d.severity == Severity::Error);
        CHECK(is_parse_failure(d));
        CHECK(d.line > 0);
        CHECK(d.column > 0);
    }
}

TEST_CASE("JSONTestSuite y_ files: every one parsed, then refused only for not being a journey") {
    auto list = files(kSuite, 'y');
    REQUIRE(list.size() >= 95);
    for (auto& p : list) {
        CAPTURE(p.filename().string());
        auto r = load_journey_json(read_file(p));
        CHECK_FALSE(r.ok);  // none of them has "stages"
        bool journeyLevel = false;
        for (auto& d : r.diagnostics) {
            CHECK_FALSE(is_parse_failure(d));
            if (d.severity == Severity::Error && d.message.find("not a journey") != std::string::npos)
                journeyLevel = true;
        }
        CHECK(journeyLevel);
    }
}

TEST_CASE("JSONTestSuite i_ files: either way, no crash and a located answer") {
    auto list = files(kSuite, 'i');
    REQUIRE(list.size() >= 30);
    for (auto& p : list) {
        CAPTURE(p.filename().string());
        auto r = load_journey_json(read_file(p));
        CHECK_FALSE(r.ok);
        REQUIRE_FALSE(r.diagnostics.empty());
        CHECK(r.diagnostics[0].line > 0);
    }
}

// tests/data: bad_* are refused, warn_* load with warnings, ok_* load cleanly.
TEST_CASE("adversarial files in tests/data") {
    const std::string dir = UXCX_SOURCE_DIR "/tests/data";
    struct Expect {
        const char* file;
        const char* message;
        int line, column;
    };
    // Where each refusal points (worked from the bytes of each file).
    Expect refused[] = {
        {"bad_html_page.json", "web page", 1, 1},
        {"bad_csv_export.json", "CSV", 1, 1},
        {"bad_latin1.json", "not UTF-8", 1, 15},           // {"title": "Caf is 14 characters
        {"bad_utf16le_bom.json", "UTF-16", 1, 1},
        {"bad_nul_then_data.json", "zero byte", 1, 29},    // after the 28-character document
        {"bad_nul_at_end.json", "zero byte", 1, 29},
        {"bad_truncated.json", "Not valid JSON", 1, 46},   // end of the 45-byte file
        {"bad_trailing_comma.json", "Not valid JSON", 1, 29},  // the '}' after "[],"
        {"bad_number_overflow.json", "too large", 1, 40},  // 1e999 starts at character 40
        {"bad_gzip.json", "gzip", 1, 1},
        {"bad_empty.json", "empty", 1, 1},
        {"bad_duplicate_stage.json", "stage id \"a\" is used twice", 1, 47},  // the second "a"
        {"bad_not_an_object.json", "not a journey", 1, 1},
    };
    for (auto& e : refused) {
        CAPTURE(e.file);
        auto r = load_journey_json(read_file(dir + "/" + e.file));
        CHECK_FALSE(r.ok);
        const Diagnostic* d = nullptr;  // the first error (warnings may come before it)
        for (auto& x : r.diagnostics)
            if (!d && x.severity == Severity::Error) d = &x;
        REQUIRE(d);
        CHECK(d->message.find(e.message) != std::string::npos);
        CHECK(d->line == e.line);
        CHECK(d->column == e.column);
    }
    for (auto& p : files(dir, 'b')) {  // no bad_ file without an expectation above
        bool listed = false;
        for (auto& e : refused) listed |= p.filename() == e.file;
        CHECK_MESSAGE(listed, p.filename().string());
    }
    for (auto& p : files(dir, 'o')) {
        CAPTURE(p.filename().string());
        auto r = load_journey_json(read_file(p));
        CHECK(r.ok);
        CHECK(r.diagnostics.empty());
    }
    for (auto& p : files(dir, 'w')) {
        CAPTURE(p.filename().string());
        auto r = load_journey_json(read_file(p));
        CHECK(r.ok);
        CHECK_FALSE(r.diagnostics.empty());
        for (auto& d : r.diagnostics) CHECK(d.severity == Severity::Warning);
    }
}

TEST_CASE("tests/data details: what the warnings did to the model") {
    const std::string dir = UXCX_SOURCE_DIR "/tests/data";
    auto r = load_journey_json(read_file(dir + "/ok_utf8_bom.json"));
    CHECK(r.journey.title == "BOM");

    r = load_journey_json(read_file(dir + "/ok_unicode_names.json"));
    CHECK(r.journey.touchpoints[0].stage == 0);  // "ré" matched byte for byte
    CHECK(r.journey.touchpoints[0].name == "Payer 💳");

    r = load_journey_json(read_file(dir + "/warn_bidi_names.json"));
    CHECK(r.journey.title == "Invoice fdp.exe");
    CHECK(r.journey.stages[0].name == "Payment[31m");  // NUL and ESC gone, the harmless rest kept
    CHECK(r.journey.channels[0].name == "\u2066Web\u2069");  // a closed isolate stays (core/validate.h)
    CHECK(r.journey.touchpoints[0].name == "\u200FRefund");   // NEL gone, the right-to-left mark kept
    CHECK(r.diagnostics.size() == 3);

    r = load_journey_json(read_file(dir + "/warn_unsafe_urls.json"));
    for (auto& t : r.journey.touchpoints) CHECK(t.url.empty());
    CHECK(r.diagnostics.size() == 5);

    r = load_journey_json(read_file(dir + "/warn_everything_wrong.json"));
    REQUIRE(r.ok);
    // 3 touchpoint objects of 6 items; ids t, t-2 (renamed) and tp-3 (generated).
    REQUIRE(r.journey.touchpoints.size() == 3);
    CHECK(r.journey.touchpoints[1].id == "t-2");
    CHECK(r.journey.touchpoints[2].id == "tp-3");
    CHECK(r.journey.touchpoints[0].stage == -1);
    CHECK_FALSE(r.journey.touchpoints[1].sets[0].get(Metric::Sus));  // offline store
    // no title, purchse, sus "72", seq 9, nsp, csat 101, t twice, name twice, UX in a store, no id,
    // no name (tp-3), emotion 2.5, volume -1, three non-objects: 16 warnings.
    CHECK(r.diagnostics.size() == 16);
}

TEST_CASE("the sample journeys load without errors") {
    for (auto& e : fs::directory_iterator(UXCX_SOURCE_DIR "/assets/samples")) {
        if (e.path().extension() != ".json" || e.path().filename() == "index.json") continue;
        CAPTURE(e.path().filename().string());
        auto r = load_journey_json(read_file(e.path()));
        CHECK(r.ok);
        CHECK(r.journey.touchpoints.size() > 0);
    }
}

TEST_CASE("the JSON Schema names every metric the loader knows, in the right block") {
    // Editors complete from the schema: a metric missing there would be a metric users never find.
    std::string text = read_file(UXCX_SOURCE_DIR "/assets/schema/journey.schema.json");
    auto r = load_journey_json(text);  // the schema is JSON (not a journey: no stages)
    REQUIRE(r.diagnostics.size() >= 1);
    for (auto& d : r.diagnostics) CHECK_FALSE(is_parse_failure(d));
    auto block = [&](const char* name) {
        size_t at = text.find("\"" + std::string(name) + "\": {\n      \"type\": \"object\"");
        REQUIRE(at != std::string::npos);
        size_t end = text.find("\n    },", at);
        return text.substr(at, end - at);
    };
    std::string ux = block("ux"), cx = block("cx");
    for (int i = 0; i < kMetricCount; i++) {
        std::string key = "\"" + std::string(metric_key((Metric)i)) + "\":";
        CAPTURE(key);
        CHECK((is_ux_metric((Metric)i) ? ux : cx).find(key) != std::string::npos);
        CHECK((is_ux_metric((Metric)i) ? cx : ux).find(key) == std::string::npos);
    }
}
