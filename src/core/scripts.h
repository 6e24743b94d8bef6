// scripts.h: which fallback fonts a text needs. The UI font (Inter) covers Latin, Greek and
// Cyrillic; other scripts are drawn with fonts from Debian's packages that the page fetches only
// when a journey contains such characters (a Latin-only journey downloads nothing more).
#pragma once

#include <cstdint>
#include <string_view>

#include "core/journey.h"

namespace uxcx {

// One fallback font: the bit it has in a mask, the file name the web page serves it under
// (fonts/NAME), and the scripts it draws.
struct FallbackFont {
    unsigned bit;
    const char* file;
    const char* scripts;
};

// Largest first is no order here: a text needs any number of them. The files and their Debian
// packages are listed in CMakeLists.txt (UXCX_FALLBACK_FONTS) and docs/fonts.md.
inline constexpr FallbackFont kFallbackFonts[] = {
    {1u << 0, "cjk.ttf", "Chinese, Japanese (Han, kana, CJK punctuation, full-width forms)"},
    {1u << 1, "hangul.ttf", "Korean (Hangul)"},
    {1u << 2, "arabic.ttf", "Arabic"},
    {1u << 3, "hebrew.ttf", "Hebrew"},
    {1u << 4, "devanagari.ttf", "Devanagari (Hindi, Marathi, Nepali)"},
};

// The fallback font a code point needs (its bit), 0 when the UI font draws it or none of ours has it.
unsigned fallback_font_for(uint32_t codepoint);

// Every fallback font `utf8` needs, as a mask of FallbackFont::bit. Invalid UTF-8 needs none.
unsigned fallback_fonts_for(std::string_view utf8);

// Every fallback font the journey's text needs (titles, names, descriptions, notes, quotes).
unsigned fallback_fonts_for(const Journey& j);

}  // namespace uxcx
