// load_json_dom.cpp: the loader's JSON parser, written for the loader's light tree (RFC 8259,
// strict). Why our own: it builds JNodes straight from the bytes, copies a string without escapes
// in one append, and knows each value's offset exactly, where nlohmann's SAX parser read through a
// byte-at-a-time iterator adapter and a token buffer (a third of the browser's 100,000-touchpoint
// load); and its refusals name what was expected and what was found, in the loader's words.
// tests/core/test_json_dom.cpp checks it against nlohmann's parser on random and mutated documents.
#include "core/load_json_dom.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/utf8.h"

namespace uxcx {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_numeric(char c) { return is_digit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

struct Parser {
    std::string_view src;
    JsonDoc& doc;
    JsonParse& result;
    int maxDepth;
    size_t at = 0;  // the next byte to read
    struct Frame {
        int node, last;
    };
    std::vector<Frame> stack;
    uint32_t keyOff = 0, keyLen = 0, keyPos = 0;  // the member name read last

    bool end() const { return at >= src.size(); }
    void skip_space() {
        while (at < src.size() && is_space(src[at])) at++;
    }

    // What stands at `offset`, for a message: a word of letters, a whole UTF-8 character, a control
    // character by its code, or the end of the input.
    std::string found(size_t offset) const {
        if (offset >= src.size()) return "the end of the input";
        const unsigned char c = (unsigned char)src[offset];
        if (c < 0x20 || c == 0x7F) {
            char b[16];
            std::snprintf(b, sizeof b, "U+%04X", c);
            return std::string("the control character ") + b;
        }
        size_t e = offset;
        if (c >= 0x80) {
            if (next_utf8(src, e) == 0xFFFD && e == offset + 1) {
                char b[24];
                std::snprintf(b, sizeof b, "the byte 0x%02X", c);
                return b;
            }
        } else if (c == '"') {
            // A string up to its close, or to a control character, a byte that is not UTF-8 or 32
            // bytes, whole characters only: the message itself stays valid UTF-8.
            e++;
            while (e < src.size() && e - offset < 32) {
                const unsigned char b = (unsigned char)src[e];
                if (b == '"') {
                    e++;
                    break;
                }
                if (b < 0x20) break;
                size_t next = e;
                if (next_utf8(src, next) == 0xFFFD && next == e + 1) break;
                e = next;
            }
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            while (e < src.size() && e - offset < 24 && std::isalnum((unsigned char)src[e])) e++;
        } else {
            e++;
        }
        return "'" + std::string(src.substr(offset, e - offset)) + "'";
    }

    // Every failure ends the parse: the first one found is the one reported.
    bool fail(JsonFail why, size_t offset, std::string detail) {
        result.fail = why;
        result.errorOffset = std::min(offset, src.size());
        result.detail = std::move(detail);
        return false;
    }
    // A syntax error at `offset`, or, when the input stops there, the document ending early.
    bool expected(size_t offset, const std::string& what) {
        if (offset >= src.size()) return fail(JsonFail::EndEarly, src.size(), "expected " + what);
        return fail(JsonFail::Syntax, offset, "expected " + what + ", found " + found(offset));
    }

    JNode& add(JType t, size_t pos) {
        const int idx = (int)doc.nodes.size();
        doc.nodes.emplace_back();
        JNode& n = doc.nodes.back();
        n.type = t;
        n.pos = (uint32_t)pos;
        if (!stack.empty()) {
            Frame& f = stack.back();
            JNode& parent = doc.nodes[(size_t)f.node];
            if (f.last < 0) parent.first = idx;
            else doc.nodes[(size_t)f.last].next = idx;
            f.last = idx;
            parent.count++;
            if (parent.type == JType::Object) {
                n.keyOff = keyOff;
                n.keyLen = keyLen;
                n.keyPos = keyPos;
            }
        }
        return n;
    }

    // The string whose opening quote is at `at`, decoded onto doc.text; `at` moves past its close.
    bool string(uint32_t& off, uint32_t& len) {
        const size_t open = at++;
        std::string& text = doc.text;
        off = (uint32_t)text.size();
        for (;;) {
            // The plain run up to the next quote, backslash, control or non-ASCII byte, in one append.
            size_t run = at;
            while (run < src.size()) {
                const unsigned char c = (unsigned char)src[run];
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
                run++;
            }
            text.append(src.data() + at, run - at);
            at = run;
            // Reported at its opening quote: that is where the missing one belongs to.
            if (end()) return fail(JsonFail::EndEarly, open, "the string that starts here is never closed");
            const unsigned char c = (unsigned char)src[at];
            if (c == '"') {
                at++;
                len = (uint32_t)(text.size() - off);
                return true;
            }
            if (c >= 0x80) {
                size_t e = at;
                const uint32_t cp = next_utf8(src, e);
                if (cp == 0xFFFD && e == at + 1) return fail(JsonFail::Syntax, at, "a string holds a byte that is not UTF-8");
                text.append(src.data() + at, e - at);
                at = e;
                continue;
            }
            if (c < 0x20) {
                if (c == '\n') return fail(JsonFail::Syntax, at, "a string goes on past the end of its line (a line break inside a string is written \\n)");
                if (c == '\t') return fail(JsonFail::Syntax, at, "a tab inside a string (it is written \\t)");
                char b[96];
                std::snprintf(b, sizeof b, "the control character U+%04X inside a string (it is written \\u%04X)", c, c);
                return fail(JsonFail::Syntax, at, b);
            }
            if (!escape()) return false;
        }
    }

    // The escape whose backslash is at `at`, appended to doc.text.
    bool escape() {
        const size_t slash = at++;
        if (end()) return fail(JsonFail::EndEarly, src.size(), "a string ends in the middle of an escape");
        const char e = src[at++];
        switch (e) {
            case '"': doc.text += '"'; return true;
            case '\\': doc.text += '\\'; return true;
            case '/': doc.text += '/'; return true;
            case 'b': doc.text += '\b'; return true;
            case 'f': doc.text += '\f'; return true;
            case 'n': doc.text += '\n'; return true;
            case 'r': doc.text += '\r'; return true;
            case 't': doc.text += '\t'; return true;
            case 'u': break;
            default:
                return fail(JsonFail::Syntax, slash,
                            (e > 0x20 && e < 0x7F ? "the escape \\" + std::string(1, e) : "\\ followed by " + found(at - 1)) +
                                " is not JSON (a string's escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u with four hexadecimal digits)");
        }
        uint32_t cp = 0;
        if (!hex4(slash, cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF)
            return fail(JsonFail::Syntax, slash, "the escape " + std::string(src.substr(slash, 6)) +
                                                     " is the second half of a UTF-16 surrogate pair without its first half");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            const size_t second = at;
            uint32_t lo = 0;
            if (src.substr(at, 2) != "\\u" || (at += 2, !hex4(second, lo)) || lo < 0xDC00 || lo > 0xDFFF) {
                if (result.fail != JsonFail::None) return false;
                return fail(JsonFail::Syntax, slash, "the escape " + std::string(src.substr(slash, 6)) +
                                                         " is the first half of a UTF-16 surrogate pair, and \\uDC00 to \\uDFFF must follow it");
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        append_utf8(doc.text, cp);
        return true;
    }

    // Four hexadecimal digits at `at` (after "\u", whose backslash is at `slash`).
    bool hex4(size_t slash, uint32_t& cp) {
        for (int k = 0; k < 4; k++, at++) {
            if (end()) return fail(JsonFail::EndEarly, src.size(), "a string ends in the middle of a \\u escape");
            const int h = hex_value(src[at]);
            if (h < 0)
                return fail(JsonFail::Syntax, at, "\\u must be followed by four hexadecimal digits (the escape at byte " +
                                                      std::to_string(slash + 1) + "), found " + found(at));
            cp = cp * 16 + (uint32_t)h;
        }
        return true;
    }

    // The number at `at`, by JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    bool number() {
        const size_t start = at;
        auto digits = [&] {
            const size_t from = at;
            while (at < src.size() && is_digit(src[at])) at++;
            return at - from;
        };
        if (src[at] == '-') at++;
        if (end() || !is_digit(src[at])) return expected(at, "a digit after '-'");
        const bool leadingZero = src[at] == '0';
        const size_t intDigits = digits();
        if (leadingZero && intDigits > 1)
            return fail(JsonFail::Syntax, start, "a number does not start with 0 unless it is 0 (" +
                                                     std::string(src.substr(start, at - start)) + ")");
        bool integer = true;
        if (at < src.size() && src[at] == '.') {
            at++;
            integer = false;
            if (digits() == 0) return expected(at, "a digit after the decimal point");
        }
        if (at < src.size() && (src[at] == 'e' || src[at] == 'E')) {
            at++;
            integer = false;
            if (at < src.size() && (src[at] == '+' || src[at] == '-')) at++;
            if (digits() == 0) return expected(at, "a digit in the exponent");
        }
        const std::string_view text = src.substr(start, at - start);
        JNode& n = add(JType::Number, start);
        n.isInteger = integer;
        if (integer && intDigits <= 18) {
            // Exact in 64 bits; "-0" reads as 0, as an integer should.
            int64_t v = 0;
            for (char c : text)
                if (c != '-') v = v * 10 + (c - '0');
            n.num = (double)(text[0] == '-' ? -v : v);
            return true;
        }
        // strtod needs the number to end before the buffer does.
        char small[40];
        std::string big;
        const char* s = small;
        if (text.size() < sizeof small) {
            std::memcpy(small, text.data(), text.size());
            small[text.size()] = 0;
        } else {
            big = std::string(text);
            s = big.c_str();
        }
        // In the wasm builds strtod is ours (src/platform/wasm/strtod_fast.cpp: short decimals
        // without musl's long double arithmetic).
        const double v = std::strtod(s, nullptr);
        if (std::isinf(v))
            return fail(JsonFail::Overflow, start,
                        (text.size() > 40 ? std::string(text.substr(0, 37)) + "..." : std::string(text)) +
                            " is beyond the largest number a double holds, about 1.8e308");
        n.num = v;
        return true;
    }

    // true, false or null at `at`. A word that starts like one is reported at its first wrong byte.
    bool literal() {
        static constexpr std::string_view words[] = {"true", "false", "null"};
        for (std::string_view w : words) {
            if (src[at] != w[0]) continue;
            size_t k = 1;
            while (k < w.size() && at + k < src.size() && src[at + k] == w[k]) k++;
            if (k == w.size()) {
                JNode& n = add(w[0] == 'n' ? JType::Null : JType::Bool, at);
                if (w[0] != 'n') n.num = w[0] == 't' ? 1 : 0;
                at += w.size();
                return true;
            }
            if (at + k == src.size()) return fail(JsonFail::EndEarly, src.size(), "the input ends in the middle of " + std::string(w));
            return fail(JsonFail::Syntax, at + k, "expected " + std::string(w) + ", found '" + std::string(src.substr(at, k)) +
                                                      "' followed by " + found(at + k));
        }
        return expected(at, "a value (an object, a list, a string, a number, true, false or null)");
    }

    bool open(JType t) {
        if ((int)stack.size() >= maxDepth)
            return fail(JsonFail::TooDeep, at, "nested deeper than " + std::to_string(maxDepth) + " levels");
        add(t, at);
        stack.push_back({(int)doc.nodes.size() - 1, -1});
        at++;
        return true;
    }

    // One value at `at` (after any space): a scalar whole, or a container's opening bracket.
    // `afterComma`: a closing bracket here is a trailing comma, which gets a message of its own.
    bool value(bool afterComma) {
        skip_space();
        if (end()) return expected(at, "a value");
        switch (src[at]) {
            case '{': return open(JType::Object);
            case '[': return open(JType::Array);
            case '"': {
                const size_t pos = at;
                uint32_t off, len;
                if (!string(off, len)) return false;
                JNode& n = add(JType::String, pos);
                n.str.off = off;
                n.str.len = len;
                return true;
            }
            case ']':
                if (afterComma) return fail(JsonFail::Syntax, at, "a list's last item is followed by a comma (found ']' after ',')");
                break;
            default:
                if (src[at] == '-' || is_digit(src[at])) return number();
        }
        return literal();
    }

    // A member name and its colon, at `at` (after any space).
    bool key(bool afterComma) {
        skip_space();
        if (!end() && src[at] == '}' && afterComma)
            return fail(JsonFail::Syntax, at, "an object's last member is followed by a comma (found '}' after ',')");
        if (end() || src[at] != '"') return expected(at, "a member name in double quotes");
        keyPos = (uint32_t)at;
        if (!string(keyOff, keyLen)) return false;
        skip_space();
        if (end() || src[at] != ':') return expected(at, "':' after the member name");
        at++;
        return true;
    }

    bool parse() {
        // A UTF-8 byte order mark is allowed before the document (editors on Windows write one).
        if (src.substr(0, 3) == "\xEF\xBB\xBF") at = 3;
        if (!value(false)) return false;
        for (;;) {
            // After a value, or a container's opening bracket: the container goes on or closes, or
            // the document ends.
            if (stack.empty()) {
                skip_space();
                if (!end()) return fail(JsonFail::TrailingText, at, "found " + found(at));
                return true;
            }
            const bool object = doc.nodes[(size_t)stack.back().node].type == JType::Object;
            const bool first = stack.back().last < 0;  // nothing in it yet
            skip_space();
            if (!end() && src[at] == (object ? '}' : ']')) {
                at++;
                stack.pop_back();
                continue;
            }
            if (!first) {
                if (end() || src[at] != ',')
                    return expected(at, object ? "',' or '}' after a member of the object" : "',' or ']' after an item of the list");
                at++;
            }
            if (object && !key(!first)) return false;
            if (!value(!first && !object)) return false;
        }
    }
};

void mark_duplicates(JsonDoc& doc, int object, std::vector<int>* dups,
                     std::vector<std::pair<std::string_view, int>>& scratch) {
    const JNode& o = doc.nodes[object];
    if (o.count < 2) return;
    if (o.count <= 16) {
        for (int i = o.first; i >= 0; i = doc.nodes[i].next)
            for (int k = doc.nodes[i].next; k >= 0; k = doc.nodes[k].next)
                if (doc.key(doc.nodes[i]) == doc.key(doc.nodes[k])) {
                    doc.nodes[i].shadowed = true;
                    break;
                }
        if (dups)
            for (int k = o.first; k >= 0; k = doc.nodes[k].next)
                for (int i = o.first; i != k; i = doc.nodes[i].next)
                    if (doc.key(doc.nodes[i]) == doc.key(doc.nodes[k])) {
                        dups->push_back(k);
                        break;
                    }
        return;
    }
    // Large objects: sort (key, index) pairs so the check stays O(n log n) on hostile files.
    scratch.clear();
    for (int i = o.first; i >= 0; i = doc.nodes[i].next) scratch.push_back({doc.key(doc.nodes[i]), i});
    std::stable_sort(scratch.begin(), scratch.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = 0; i + 1 < scratch.size(); i++)
        if (scratch[i].first == scratch[i + 1].first) {
            doc.nodes[scratch[i].second].shadowed = true;
            if (dups) dups->push_back(scratch[i + 1].second);
        }
}

}  // namespace

size_t JsonDoc::value_offset(const JNode& n) const { return std::min((size_t)n.pos, src.size()); }

std::string_view JsonDoc::number_text(const JNode& n) const {
    size_t b = value_offset(n), e = b;
    while (e < src.size() && is_numeric(src[e])) e++;
    return src.substr(b, e - b);
}

JsonParse parse_json_dom(std::string_view src, JsonDoc& doc, int maxDepth, std::vector<int>* duplicateKeys) {
    JsonParse result;
    doc.src = src;
    doc.nodes.clear();
    doc.text.clear();
    doc.nodes.reserve(src.size() / 12 + 16);
    doc.text.reserve(src.size() / 2 + 16);
    Parser p{src, doc, result, maxDepth, 0, {}};
    if (!p.parse()) {
        doc.nodes.clear();
        return result;
    }
    result.ok = true;
    std::vector<std::pair<std::string_view, int>> scratch;
    for (int i = 0; i < (int)doc.nodes.size(); i++)
        if (doc.nodes[i].type == JType::Object) mark_duplicates(doc, i, duplicateKeys, scratch);
    return result;
}

}  // namespace uxcx
