// glyph_ranges.h: the characters the UI font (Inter) is rasterised for, in one place. Dear ImGui
// 1.90 bakes a fixed atlas, so a character outside these ranges draws as "?". Each range costs
// only the glyphs Inter really has in it (`fc-query --format '%{charset}' Inter-Regular.otf`).
// The move to ImGui 1.92's dynamic fonts replaces this list; other scripts (CJK, Arabic, Hebrew,
// Indic) are the issue "Every language on the map".
#pragma once

#include "imgui.h"

namespace uxcx {

inline constexpr ImWchar kUiGlyphRanges[] = {
    0x0020, 0x007E,  // Basic Latin
    0x00A0, 0x00FF,  // Latin-1 Supplement: « » · £ ¥ © ° ± × ÷ é ß
    0x0100, 0x024F,  // Latin Extended-A and -B: ő ł š ž ą ę ș ț
    0x0370, 0x03FF,  // Greek
    0x0400, 0x052F,  // Cyrillic and its supplement
    0x1E00, 0x1EFF,  // Latin Extended Additional: ẞ ẁ ạ (Vietnamese, Welsh)
    0x2000, 0x206F,  // General Punctuation: – — ‘ ’ “ ” „ • … ‰ ′
    0x2070, 0x209F,  // Superscripts and Subscripts: ⁰ ² ₀
    0x20A0, 0x20CF,  // Currency Symbols: € ₹ ₽ ₺ ₿
    0x2100, 0x214F,  // Letterlike Symbols: ℃ № ™ Ω
    0x2150, 0x218F,  // Number Forms: ½ ⅓ ¾
    0x2190, 0x21FF,  // Arrows: ← → ↑ ↓ ⇒
    0x2200, 0x22FF,  // Mathematical Operators: ≈ ≠ ≤ ≥ − √ ∞
    0x25A0, 0x25FF,  // Geometric Shapes: ■ ▲ ● ◆
    0x2600, 0x26FF,  // Miscellaneous Symbols: ★ ☆ ⚠
    0x2700, 0x27BF,  // Dingbats: ✓ ✗ ❤
    0,
};

}  // namespace uxcx
