// widgets.h: small drawing and formatting helpers the views share (score chips, tooltips,
// metric units, icons). No state of their own.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/visual_text.h"
#include "imgui.h"
#include "ui/app.h"

// Font Awesome 4.7 code points, UTF-8 encoded (style.cpp merges the icon font into the UI font).
#define ICON_WARN "\xef\x81\xb1"      // f071 exclamation-triangle
#define ICON_PHONE "\xef\x82\x95"     // f095 phone
#define ICON_DESKTOP "\xef\x84\x88"   // f108 desktop
#define ICON_EXPAND "\xef\x81\xa5"    // f065 expand (fit)
#define ICON_TV "\xef\x89\xac"        // f26c television (presentation)
#define ICON_CAMERA "\xef\x80\xb0"    // f030 camera (PNG)
#define ICON_DOWNLOAD "\xef\x80\x99"  // f019 download (CSV)
#define ICON_MOON "\xef\x86\x86"      // f186 moon-o
#define ICON_SUN "\xef\x86\x85"       // f185 sun-o
#define ICON_LINK "\xef\x83\x81"      // f0c1 link
#define ICON_USER "\xef\x80\x87"      // f007 user
#define ICON_QUOTE "\xef\x84\x8d"     // f10d quote-left
#define ICON_BULB "\xef\x83\xab"      // f0eb lightbulb-o
#define ICON_BOLT "\xef\x83\xa7"      // f0e7 bolt (pain point)
#define ICON_UP "\xef\x81\xa2"        // f062 arrow-up
#define ICON_DOWN "\xef\x81\xa3"      // f063 arrow-down
#define ICON_RIGHT "\xef\x81\xa1"     // f061 arrow-right
#define ICON_STAR "\xef\x80\x85"      // f005 star (change beyond its uncertainty)
#define ICON_CLOSE "\xef\x80\x8d"     // f00d times
#define ICON_FOLDER "\xef\x81\xbc"    // f07c folder-open
#define ICON_SEARCH "\xef\x80\x82"    // f002 search

namespace uxcx {

// "72" or "-" (no value). Always through snprintf: Emscripten 3.1.6 has no float to_chars.
void fmt_score(char* buf, size_t n, double v);
// A reading in its own units: "6.40 / 7", "+13.3", "45.0 s", "91.7 %".
void fmt_metric(char* buf, size_t n, Metric m, double v);
// "[61, 79]" or "" when there is no interval.
void fmt_interval(char* buf, size_t n, const Score& s);

// Draws a score chip into `dl`: colour on the RdYlBu scale, "UX 72", the interval as a whisker
// along the bottom, and a warning mark when the evidence is insufficient. `font_size` is the
// size of the value text. When `offline` is set, the chip says there is no UX reading.
void draw_score_chip(ImDrawList* dl, ImVec2 a, ImVec2 b, const char* label, const Score& s, float font_size,
                     bool offline = false);

// The tooltip body for a touchpoint: raw metrics in their own units, n, interval, quadrant.
void touchpoint_tooltip(const App& app, int t);
// Every metric of touchpoint t of `j` as `an` (an analysis of one of j's sets) scores it: name,
// reading in its own units, 0-100 score with its 95% interval and the insufficient-evidence mark,
// n. The details panel shows it with headers, the tooltip without; Compare shows each side's.
void metrics_table(const Journey& j, const Analysis& an, int t, const char* id, ImGuiTableFlags flags, bool headers);

// Text through ImGui without format interpretation, clipped to `clip` (user text is never a format).
void draw_text_clipped(ImDrawList* dl, float font_size, ImVec2 pos, ImU32 col, std::string_view text, const ImVec4& clip);

// `text` as it fits in `max_w` pixels at `font_size`: whole when it fits, otherwise the longest
// prefix (cut between UTF-8 characters) followed by "…", or empty when not even "…" fits.
std::string ellipsize(std::string_view text, float font_size, float max_w);

// A name as drawn: Hebrew and Arabic in their visual order and joined forms, Devanagari conjuncts
// and emoji sequences as one glyph each when the host draws them (core/visual_text.h, ui/fonts.h),
// anything else as it is. Shorten first (ellipsize), then this: the "…" then ends the name as it is
// read, on the left of a right-to-left one.
std::string shown(std::string text);

// `text` broken into lines of at most `width` pixels at the current font, each as shown(): each
// paragraph ('\n') is broken in reading order first, then each line is reordered, so a right-to-left
// paragraph starts on its first line; its lines are right-aligned (`indent` from the left edge).
struct ShownLine {
    std::string text;
    float indent = 0;
};
std::vector<ShownLine> shown_lines(std::string_view text, float width);

// Text wrapped at `wrap_w` pixels from the cursor (0: the window's edge), drawn as shown_lines().
void text_shown_wrapped(std::string_view text, float wrap_w = 0);

// The insufficient-evidence mark on a coloured rectangle: a dashed outline in ink (it reads as
// "uncertain" in greyscale print too). The legend promises it, so every level of detail draws it.
void draw_evidence_mark(ImDrawList* dl, ImVec2 a, ImVec2 b, float font_size);

// Names for display.
const char* stage_name(const Journey& j, int stage);      // "Unassigned" for -1
const char* channel_name(const Journey& j, int channel);  // "Unassigned" for -1
bool channel_offline(const Journey& j, int channel);

// Whether a link may be opened: http, https and mailto only.
bool link_allowed(std::string_view url);

// True when keys belong to the app rather than to a text field.
bool app_owns_keyboard();

// Presses of `key` this frame, for keys that step (the selection, a touchpoint's move): ImGui's
// press, and the platform's repeats of the key while held (app.key_repeats); never ImGui's own
// repeat, which runs on frame time.
int key_presses(const App& app, ImGuiKey key);

}  // namespace uxcx
