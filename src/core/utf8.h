// utf8.h: UTF-8 read and written one code point at a time, once for the loaders, the text layout and
// the fallback-font choice.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace uxcx {

// Appends code point `cp` (at most U+10FFFF; the caller checks) to `out` as UTF-8.
inline void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += (char)cp;
    } else if (cp < 0x800) {
        out += (char)(0xC0 | (cp >> 6));
        out += (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += (char)(0xE0 | (cp >> 12));
        out += (char)(0x80 | ((cp >> 6) & 0x3F));
        out += (char)(0x80 | (cp & 0x3F));
    } else {
        out += (char)(0xF0 | (cp >> 18));
        out += (char)(0x80 | ((cp >> 12) & 0x3F));
        out += (char)(0x80 | ((cp >> 6) & 0x3F));
        out += (char)(0x80 | (cp & 0x3F));
    }
}

// The code point at s[i], and i moved past it. A byte that does not start a well-formed sequence
// (stray continuation, truncated, overlong, a surrogate, past U+10FFFF) reads as U+FFFD and moves
// i by one, so the next character is still found.
inline uint32_t next_utf8(std::string_view s, size_t& i) {
    const unsigned char b = (unsigned char)s[i];
    const int len = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
    uint32_t c = len == 1 ? b : b & (0x7F >> len);
    bool ok = len > 0 && i + (size_t)len <= s.size();
    for (int k = 1; ok && k < len; k++) {
        const unsigned char t = (unsigned char)s[i + (size_t)k];
        ok = (t & 0xC0) == 0x80;
        c = (c << 6) | (t & 0x3F);
    }
    if (ok && ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF)))
        ok = false;
    i += ok ? (size_t)len : 1;
    return ok ? c : 0xFFFD;
}

}  // namespace uxcx
