// fonts.h: what the UI fonts could not draw. Dear ImGui draws a character no font has with the
// font's fallback glyph; we make that glyph a white square (U+25A1, which Inter has) and count the
// quads of it in a frame's draw data: `uxcx.state().missingGlyphs`.
#pragma once

#include "imgui.h"

namespace uxcx {

// The character drawn in place of one no font has: a white square, "tofu". Chosen because the UI
// never draws it on purpose and Inter has it (Inter has no U+FFFD, and '?' is real text).
inline constexpr ImWchar kMissingGlyphMark = 0x25A1;

// Called once the UI font and its merged sources are added: sets the fallback character.
void ui_fonts_added(ImFont* font);

// How many characters `draw_data` drew with the fallback glyph (0 when every character had its
// own). A U+25A1 in a name counts too: the price of a mark that needs no change to Dear ImGui.
int ui_missing_glyphs(const ImDrawData* draw_data);

}  // namespace uxcx
