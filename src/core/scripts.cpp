// scripts.cpp: code point ranges to fallback fonts (Unicode blocks, as each font covers them).
#include "core/scripts.h"

#include "core/utf8.h"

namespace uxcx {

namespace {

struct Range {
    uint32_t first, last;
    unsigned bit;
};

constexpr unsigned kCjk = 1u << 0, kHangul = 1u << 1, kArabic = 1u << 2, kHebrew = 1u << 3, kDevanagari = 1u << 4;

constexpr Range kRanges[] = {
    {0x0590, 0x05FF, kHebrew},       // Hebrew
    {0x0600, 0x06FF, kArabic},       // Arabic
    {0x0750, 0x077F, kArabic},       // Arabic Supplement
    {0x08A0, 0x08FF, kArabic},       // Arabic Extended-A
    {0x0900, 0x097F, kDevanagari},   // Devanagari
    {0x1100, 0x11FF, kHangul},       // Hangul Jamo
    {0x2E80, 0x2FDF, kCjk},          // CJK Radicals, Kangxi Radicals
    {0x3000, 0x303F, kCjk},          // CJK Symbols and Punctuation: 、。「」
    {0x3040, 0x30FF, kCjk},          // Hiragana, Katakana
    {0x3100, 0x312F, kCjk},          // Bopomofo
    {0x3130, 0x318F, kHangul},       // Hangul Compatibility Jamo
    {0x31F0, 0x31FF, kCjk},          // Katakana Phonetic Extensions
    {0x3200, 0x33FF, kCjk},          // Enclosed CJK, CJK Compatibility
    {0x3400, 0x4DBF, kCjk},          // CJK Unified Ideographs Extension A
    {0x4E00, 0x9FFF, kCjk},          // CJK Unified Ideographs
    {0xA8E0, 0xA8FF, kDevanagari},   // Devanagari Extended
    {0xAC00, 0xD7AF, kHangul},       // Hangul Syllables
    {0xF900, 0xFAFF, kCjk},          // CJK Compatibility Ideographs
    {0xFB1D, 0xFB4F, kHebrew},       // Alphabetic Presentation Forms (Hebrew)
    {0xFB50, 0xFDFF, kArabic},       // Arabic Presentation Forms-A
    {0xFE70, 0xFEFF, kArabic},       // Arabic Presentation Forms-B (U+FEFF, the BOM, is no character: below)
    {0xFF00, 0xFFEF, kCjk},          // Halfwidth and Fullwidth Forms: （）！
};

}  // namespace

unsigned fallback_font_for(uint32_t c) {
    if (c < 0x0590 || c == 0xFEFF) return 0;
    for (const Range& r : kRanges)
        if (c >= r.first && c <= r.last) return r.bit;
    return 0;
}

unsigned fallback_fonts_for(std::string_view s) {
    unsigned mask = 0;
    for (size_t i = 0; i < s.size();) {
        if ((unsigned char)s[i] < 0x80) {  // the everyday case, without decoding
            i++;
            continue;
        }
        mask |= fallback_font_for(next_utf8(s, i));
    }
    return mask;
}

unsigned fallback_fonts_for(const Journey& j) {
    unsigned m = fallback_fonts_for(j.title) | fallback_fonts_for(j.description);
    if (j.persona) m |= fallback_fonts_for(j.persona->name) | fallback_fonts_for(j.persona->description);
    for (const Stage& s : j.stages) m |= fallback_fonts_for(s.name) | fallback_fonts_for(s.description);
    for (const Channel& c : j.channels) m |= fallback_fonts_for(c.name);
    for (const MeasurementSet& s : j.sets) m |= fallback_fonts_for(s.name);
    for (const Touchpoint& t : j.touchpoints) {
        m |= fallback_fonts_for(t.name) | fallback_fonts_for(t.description) | fallback_fonts_for(t.owner);
        for (const auto* list : {&t.painPoints, &t.opportunities, &t.quotes})
            for (const std::string& s : *list) m |= fallback_fonts_for(s);
    }
    return m;
}

}  // namespace uxcx
