// style.h: fonts, colours and sizes. Sizes are built for one scale (device pixels per CSS pixel
// times the presentation zoom) and rebuilt by the host when that scale changes.
#pragma once

#include "imgui.h"
#include "ui/app.h"
#include "ui/fonts.h"

namespace uxcx {

// Extra text zoom the app asks for (presentation mode shows larger type).
float ui_text_scale(const App& app);

// Loads the UI and icon fonts from `font_dir` (ui.otf, icons.ttf) at `scale`, and sets
// the theme's colours and the style's sizes for that scale. Falls back to ImGui's built-in font
// when a file is missing, so a test without fonts still runs.
// `color_glyphs`: the host's colour glyph rasteriser for emoji (ui/fonts.h), or none.
void ui_setup_style(App& app, float scale, const char* font_dir, ColorGlyphSource color_glyphs = nullptr);

// The ImGui input settings the app is built for (keyboard navigation inside menus and popups;
// the main window opts out, app_frame), shared by the web host and the UI tests.
void ui_configure_io(ImGuiIO& io);

}  // namespace uxcx
