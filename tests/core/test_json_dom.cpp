// test_json_dom.cpp: the loader's JSON parser against nlohmann's, on random documents and on
// random damage to them: the same documents accepted, the same values read (numbers bit for bit),
// every value and member name located at its first byte; each refusal located in the input.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "core/load_json_dom.h"
#include "core/load_text.h"
#include "core/pcg32.h"

using namespace uxcx;

namespace {

// Random JSON text: every kind of value, escapes and non-ASCII in strings, numbers in every form
// the grammar has, and whitespace wherever it may go. Keys within an object are distinct.
struct Writer {
    Pcg32 rng{1};
    std::string out;
    int depth = 0;

    bool one_in(uint32_t n) { return rng.below(n) == 0; }
    void space() {
        static const char* ws[] = {"", "", "", " ", "\n", "\t", "\r\n  "};
        out += ws[rng.below(7)];
    }
    void string(int salt) {
        static const char* pieces[] = {"a", "Stage", " ", "é", "日本", "😀", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r",
                                       "\\t", "\\u0041", "\\u00e9", "\\u65E5", "\\ud83d\\ude00", "\\u0000", "x1", "-", "{", "]"};
        out += '"';
        if (salt >= 0) out += "k" + std::to_string(salt);
        for (uint32_t n = rng.below(5); n > 0; n--) out += pieces[rng.below(sizeof pieces / sizeof *pieces)];
        out += '"';
    }
    void number() {
        if (one_in(2)) out += '-';
        if (one_in(4)) out += "0";
        else out += std::to_string(1 + rng.below(999999)) + (one_in(6) ? std::to_string(rng.next()) + std::to_string(rng.next()) : "");  // beyond 64 bits
        if (one_in(2)) out += "." + std::to_string(rng.below(100000));
        if (one_in(3)) out += std::string(one_in(2) ? "e" : "E") + (one_in(3) ? "-" : one_in(2) ? "+" : "") + std::to_string(rng.below(250));  // 1e309 overflows: damage, not this
    }
    void value() {
        space();
        const uint32_t kind = depth > 6 ? rng.below(6) : rng.below(8);
        switch (kind) {
            case 0: out += "null"; break;
            case 1: out += one_in(2) ? "true" : "false"; break;
            case 2: case 3: number(); break;
            case 4: case 5: string(-1); break;
            case 6: {
                out += '[';
                depth++;
                const uint32_t n = rng.below(5);
                for (uint32_t i = 0; i < n; i++) {
                    if (i) out += ',';
                    value();
                }
                if (n == 0) space();
                depth--;
                out += ']';
                break;
            }
            default: {
                out += '{';
                depth++;
                const uint32_t n = rng.below(5);
                for (uint32_t i = 0; i < n; i++) {
                    if (i) out += ',';
                    space();
                    string((int)i);
                    space();
                    out += ':';
                    value();
                }
                if (n == 0) space();
                depth--;
                out += '}';
            }
        }
        space();
    }
    std::string document() {
        out.clear();
        value();
        return out;
    }
};

// The tree we built equals nlohmann's reading of the same text, value for value.
void check_same(const JsonDoc& doc, int i, const nlohmann::ordered_json& want) {
    const JNode& n = doc.nodes[(size_t)i];
    const char first = doc.src[n.pos];
    switch (n.type) {
        case JType::Null: CHECK(want.is_null()); CHECK(first == 'n'); break;
        case JType::Bool: CHECK(want.is_boolean()); CHECK((n.num != 0) == want.get<bool>()); break;
        case JType::Number: {
            REQUIRE(want.is_number());
            const double w = want.get<double>();
            CHECK(std::memcmp(&n.num, &w, sizeof w) == 0);
            // "Integer": written without fraction or exponent (nlohmann reads one beyond 64 bits as a
            // float, the same double).
            const std::string_view t = doc.number_text(n);
            CHECK(n.isInteger == (t.find_first_of(".eE") == std::string_view::npos));
            break;
        }
        case JType::String: CHECK(want.is_string()); CHECK(doc.str(n) == want.get<std::string>()); CHECK(first == '"'); break;
        case JType::Array: {
            REQUIRE(want.is_array());
            CHECK(first == '[');
            REQUIRE(n.count == want.size());
            size_t k = 0;
            for (int c = n.first; c >= 0; c = doc.nodes[(size_t)c].next) check_same(doc, c, want[k++]);
            break;
        }
        case JType::Object: {
            REQUIRE(want.is_object());
            CHECK(first == '{');
            REQUIRE(n.count == want.size());
            auto it = want.begin();
            for (int c = n.first; c >= 0; c = doc.nodes[(size_t)c].next, ++it) {
                const JNode& m = doc.nodes[(size_t)c];
                CHECK(doc.key(m) == it.key());
                CHECK(doc.src[m.keyPos] == '"');
                check_same(doc, c, it.value());
            }
            break;
        }
    }
}

// Parses `text` both ways; returns whether ours accepted it.
bool compare(const std::string& text) {
    CAPTURE(text);
    // A heap copy with no terminator, so the sanitizers see any read past the input's end.
    const std::vector<char> bytes(text.begin(), text.end());
    JsonDoc doc;
    const JsonParse p = parse_json_dom({bytes.data(), bytes.size()}, doc, 64, nullptr);
    CAPTURE(p.detail);
    CAPTURE(p.errorOffset);
    nlohmann::ordered_json want;
    bool theirs = true;
    try {
        want = nlohmann::ordered_json::parse(text);
    } catch (const nlohmann::json::exception&) {
        theirs = false;
    }
    CHECK(p.ok == theirs);
    if (p.ok && theirs) check_same(doc, 0, want);
    if (!p.ok) {
        CHECK(p.fail != JsonFail::None);
        CHECK(p.errorOffset <= text.size());
        CHECK_FALSE(p.detail.empty());
        CHECK(first_invalid_utf8(p.detail) == std::string::npos);  // it quotes the input: whole characters only
        // Only a document cut short is reported at its end... or at the string it leaves open.
        if (p.errorOffset == text.size()) CHECK(p.fail == JsonFail::EndEarly);
        if (p.fail == JsonFail::EndEarly && p.errorOffset < text.size()) CHECK(text[p.errorOffset] == '"');
    }
    return p.ok;
}

}  // namespace

TEST_CASE("random documents: read as nlohmann reads them, each value located") {
    Writer w;
    for (int i = 0; i < 3000; i++) {
        const std::string d = w.document();
        CHECK_MESSAGE(compare(d), d);
    }
}

TEST_CASE("random damage: accepted and refused as nlohmann does, refusals located") {
    Writer w;
    w.rng = Pcg32(7);
    Pcg32 rng(11);
    // Bytes that matter to the grammar, and some that never may stand outside a string.
    static const char alphabet[] = "{}[]\",:\\ 0-1.eE+tfnulr\n\x01\x7f\xc3\xa9\xe6\x97\xa5\xff";
    int accepted = 0, refused = 0;
    for (int i = 0; i < 20000; i++) {
        std::string text = w.document();
        for (uint32_t edits = 1 + rng.below(3); edits > 0; edits--) {
            const size_t at = rng.below((uint32_t)text.size() + 1);
            const char c = alphabet[rng.below(sizeof alphabet - 1)];
            switch (rng.below(3)) {
                case 0: text.insert(at, 1, c); break;
                case 1: if (at < text.size()) text.erase(at, 1); break;
                default: if (at < text.size()) text[at] = c;
            }
        }
        (compare(text) ? accepted : refused)++;
    }
    // Both ways were exercised.
    CHECK(accepted > 1000);
    CHECK(refused > 1000);
}

TEST_CASE("refusals say what was expected and what was found, where") {
    struct Case {
        const char* text;
        JsonFail fail;
        size_t offset;
        const char* words;
    };
    const Case cases[] = {
        {R"({"a": 1,})", JsonFail::Syntax, 8, "last member is followed by a comma"},
        {R"([1, 2,])", JsonFail::Syntax, 6, "last item is followed by a comma"},
        {R"({"a" 1})", JsonFail::Syntax, 5, "expected ':' after the member name, found '1'"},
        {R"({"a" "b c"})", JsonFail::Syntax, 5, "expected ':' after the member name, found '\"b c\"'"},
        {R"({'a': 1})", JsonFail::Syntax, 1, "expected a member name in double quotes, found '''"},
        {R"([1 2])", JsonFail::Syntax, 3, "expected ',' or ']' after an item of the list, found '2'"},
        {R"({"a": tru})", JsonFail::Syntax, 9, "expected true, found 'tru' followed by '}'"},
        {R"({"a": yes})", JsonFail::Syntax, 6, "found 'yes'"},
        {R"([01])", JsonFail::Syntax, 1, "does not start with 0"},
        {R"([1.])", JsonFail::Syntax, 3, "a digit after the decimal point"},
        {R"(["a\x"])", JsonFail::Syntax, 3, "the escape \\x is not JSON"},
        {R"(["\ud800"])", JsonFail::Syntax, 2, "first half of a UTF-16 surrogate pair"},
        {R"(["\udc00"])", JsonFail::Syntax, 2, "second half of a UTF-16 surrogate pair"},
        {R"(["\u12G4"])", JsonFail::Syntax, 6, "four hexadecimal digits"},
        {"[\"a\nb\"]", JsonFail::Syntax, 3, "a line break inside a string is written \\n"},
        {R"({"a": [1, 2)", JsonFail::EndEarly, 11, "expected ',' or ']'"},
        {R"({"a": "text)", JsonFail::EndEarly, 6, "never closed"},
        {R"({"a": nu)", JsonFail::EndEarly, 8, "in the middle of null"},
        {"{} x", JsonFail::TrailingText, 3, "found 'x'"},
        // A string that runs to the end of the input, or to a control character (found by the fuzzer).
        {"0\"a\xcb\x90", JsonFail::TrailingText, 1, "found '\"a\xcb\x90'"},
        {"0\"b\xcb\x90 \x01}", JsonFail::TrailingText, 1, "found '\"b\xcb\x90 '"},
        {"0\"ab\xff\"", JsonFail::TrailingText, 1, "found '\"ab'"},  // quoted up to a byte that is not UTF-8
        {"[1e400]", JsonFail::Overflow, 1, "1e400 is beyond the largest number"},
        {"[[[[", JsonFail::TooDeep, 3, "nested deeper than 3"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        // A heap copy with no terminator, so the sanitizers see any read past the input's end.
        const std::vector<char> bytes(c.text, c.text + std::strlen(c.text));
        JsonDoc doc;
        const JsonParse p = parse_json_dom({bytes.data(), bytes.size()}, doc, 3, nullptr);
        CHECK_FALSE(p.ok);
        CHECK(p.fail == c.fail);
        CHECK(p.errorOffset == c.offset);
        CHECK_MESSAGE(p.detail.find(c.words) != std::string::npos, p.detail);
    }
}
