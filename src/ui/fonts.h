// fonts.h: the fonts beyond the UI font, and what no font could draw.
//
// Fallback fonts for other scripts (core/scripts.h: CJK, Hangul, Arabic, Hebrew, Devanagari) are
// merged into the UI font when they arrive: the host is asked for the ones the open journeys need
// (ui_fonts_request, every frame, cheap unless the journey changed) and hands the bytes back
// (ui_fonts_add). A Latin-only journey asks for none.
//
// Dear ImGui draws a character no font has with the font's fallback glyph; we make that glyph a
// white square (U+25A1, which Inter has) and count the quads of it in a frame's draw data:
// `uxcx.state().missingGlyphs`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/text_clusters.h"
#include "imgui.h"
#include "ui/app.h"

namespace uxcx {

// The UI font's size at scale 1, in pixels (the style scales it: ui_setup_style).
inline constexpr float kUiFontSize = 16.0f;

// The character drawn in place of one no font has: a white square, "tofu". Chosen because the UI
// never draws it on purpose and Inter has it (Inter has no U+FFFD, and '?' is real text).
inline constexpr ImWchar kMissingGlyphMark = 0x25A1;

// Called once the UI font's sources change: sets the fallback character.
void ui_fonts_added(ImFont* font);

// Merges into the last added font a source of empty, zero-width glyphs for the characters that
// only steer how text is shown: direction marks (LRM, RLM, ALM: kept in names, core/validate.h),
// zero-width joiners, word joiners, variation selectors. Inter has none of them, and without this
// each would be drawn as the fallback mark.
void ui_fonts_add_invisible_marks();

// True for the characters ui_fonts_add_invisible_marks() draws as nothing.
bool ui_is_invisible_mark(unsigned codepoint);

// A glyph the host rasterised: straight-alpha RGBA, w x h pixels, its top-left pixel at (x0, y0)
// from the pen and the line's top, advancing the pen by `advance`.
struct ColorGlyph {
    int w = 0, h = 0;
    float advance = 0, x0 = -1, y0 = -1;
    std::vector<unsigned char> rgba;
};
// Rasterises `utf8` as one glyph: an emoji or emoji sequence in its colours at `size_px` (the UI
// font's size), or a cluster of letters (ClusterKind::Script) in white at a font size of `size_px`
// CSS pixels (one em), its baseline `ascent` pixels below the line's top; false when it has no
// glyph for it.
using ColorGlyphSource = bool (*)(std::string_view utf8, ClusterKind kind, float size_px, float ascent, ColorGlyph& out);

// Merges into the last added font a source whose glyphs `source` rasterises: emoji in colour (web:
// the browser draws them with its colour emoji font on a canvas; stb_truetype cannot read colour
// bitmap fonts such as Noto Color Emoji), and the clusters of `clusters` (core/text_clusters.h:
// Devanagari conjuncts, emoji sequences), which the browser shapes. `clusters` outlives the atlas.
void ui_fonts_add_color_glyphs(ColorGlyphSource source, ClusterTable* clusters);

// The cluster table of the host that draws clusters whole, or null when there is none (native
// builds): visual_text() then leaves clusters in their parts.
ClusterTable* ui_fonts_clusters();

// Asks the host (platform::load_font) for the fallback fonts the open journeys need and it was not
// asked for yet. Called at the start of every frame; scans the text only when App::generation moved.
void ui_fonts_request(App& app);

// Merges a fallback font (`file` as in kFallbackFonts) into the UI font. Takes ownership of `data`
// (malloc'ed): freed by the atlas, also when refused. False: unknown name, added already, or not a
// font stb_truetype can read. Call between frames.
bool ui_fonts_add(App& app, std::string_view file, void* data, int size);

// The files of the fallback fonts added so far (state().fonts).
std::vector<std::string> ui_fonts_added_names(const App& app);

// How many characters `draw_data` drew with the fallback glyph (0 when every character had its
// own). A U+25A1 in a name counts too: the price of a mark that needs no change to Dear ImGui.
int ui_missing_glyphs(const ImDrawData* draw_data);

}  // namespace uxcx
