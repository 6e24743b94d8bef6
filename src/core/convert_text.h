// convert_text.h: small text helpers shared by the converters (JSON save, Mermaid, CSV) and the
// uxcx tool: shortest round-trip numbers, JSON strings, id slugs, character columns. Inline.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_set>

namespace uxcx {

// Shortest text that parses back to exactly `v` ("72", "0.85", "1e+20"); integers carry no ".0".
// Non-finite values have no JSON or CSV spelling: callers write null / an empty cell instead.
inline std::string format_number(double v) {
    // Emscripten 3.1.6's libc++ has no floating-point std::to_chars, so: the fewest %g digits that
    // read back to the same double (at most 17 always do).
    char buf[64];
    if (v == 0) return "0";  // also turns -0 into 0: no file means "minus zero"
    // Whole numbers as whole numbers: %g would write a volume of 100000 as "1e+05".
    if (std::fabs(v) < 1e15 && v == std::trunc(v)) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    for (int precision = 1; precision <= 17; precision++) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

// A computed figure rounded to 4 decimals for people to read (stats, CSV score columns).
inline std::string format_rounded(double v) {
    double r = std::round(v * 10000.0) / 10000.0;
    return format_number(r);
}

// Parses a whole string as a finite number (no leading '+', no spaces); false if it is not one.
inline bool parse_number(std::string_view s, double& out) {
    // strtod, not std::from_chars (missing for doubles in Emscripten 3.1.6's libc++). strtod also
    // takes what JSON and CSV numbers don't (hex, "inf", leading spaces): refuse those first.
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || c == '-' || c == '.' || c == 'e' || c == 'E' || c == '+')) return false;
    if (s[0] == '+') return false;
    char buf[65];
    s.copy(buf, s.size());
    buf[s.size()] = 0;
    char* end = nullptr;
    out = std::strtod(buf, &end);
    return end == buf + s.size() && std::isfinite(out);
}

// Appends `s` as a JSON string literal. Control characters are escaped; other bytes pass through
// (the loader has already checked the text is UTF-8).
inline void append_json_string(std::string& out, std::string_view s) {
    static const char* hex = "0123456789abcdef";
    out += '"';
    for (char ch : s) {
        unsigned char c = (unsigned char)ch;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

// 1-based column in characters (code points) of byte offset `byte` within `line`: the format
// promises character columns, and names are often not ASCII.
inline int char_column(std::string_view line, size_t byte) {
    int col = 1;
    for (size_t i = 0; i < byte && i < line.size(); i++)
        if (((unsigned char)line[i] & 0xC0) != 0x80) col++;
    return col;
}

inline std::string_view trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) b++;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) e--;
    return s.substr(b, e - b);
}

// "Go to work!" -> "go-to-work". ASCII letters and digits are kept, everything else joins into
// one '-'; a name with no ASCII letter or digit gets `fallback`.
inline std::string slugify(std::string_view name, std::string_view fallback) {
    std::string out;
    bool dash = false;
    for (unsigned char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && !out.empty()) out += '-';
            out += (char)c;
            dash = false;
        } else if (c >= 'A' && c <= 'Z') {
            if (dash && !out.empty()) out += '-';
            out += (char)(c - 'A' + 'a');
            dash = false;
        } else {
            dash = true;
        }
        if (out.size() >= 64) break;  // ids are for people and URLs, not for whole sentences
    }
    return out.empty() ? std::string(fallback) : out;
}

// Makes `id` unique within `taken` ("make-tea", "make-tea-2", "make-tea-3") and records it.
inline std::string unique_id(std::string id, std::unordered_set<std::string>& taken) {
    if (taken.insert(id).second) return id;
    for (int k = 2;; k++) {
        std::string candidate = id + "-" + std::to_string(k);
        if (taken.insert(candidate).second) return candidate;
    }
}

}  // namespace uxcx
