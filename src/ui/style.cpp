// style.cpp: fonts (Inter + Font Awesome 4.7, from Debian's packages) and the light/dark theme.
//
// Dear ImGui 1.92 loads glyphs on demand, at the size they are drawn: the fonts are added once
// per context, every character Inter has is available without a list of ranges, and a change of
// scale (device pixel ratio, presentation zoom) only changes the style's sizes: no atlas rebuild.
#include "ui/style.h"

#include <cstdio>
#include <string>

#include "imgui.h"
#include "ui/fonts.h"

namespace uxcx {

float ui_text_scale(const App& app) { return app.presentation ? 1.5f : 1.0f; }

static bool file_exists(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f) std::fclose(f);
    return f != nullptr;
}

void ui_configure_io(ImGuiIO& io) {
    io.IniFilename = nullptr;  // no file system to save to: settings live in localStorage (web host)
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
}

// Adds the UI font and merges the icons into it. Sizes here are only the reference the merged
// icon font is scaled against; text is rasterised at whatever size it is drawn.
static void load_fonts(const char* font_dir, ColorGlyphSource color_glyphs, ClusterTable* clusters) {
    ImGuiIO& io = ImGui::GetIO();
    const std::string dir = font_dir ? font_dir : "";
    const std::string ui = dir + "/ui.otf", icons = dir + "/icons.ttf";
    ImFont* font = nullptr;
    if (file_exists(ui)) {
        ImFontConfig cfg;
        cfg.OversampleH = 2;
        font = io.Fonts->AddFontFromFileTTF(ui.c_str(), kUiFontSize, &cfg);
    } else {
        ImFontConfig def;
        def.SizePixels = kUiFontSize;
        font = io.Fonts->AddFontDefault(&def);
    }
    if (file_exists(icons)) {
        // Only the icons widgets.h names (ICON_*): Font Awesome also has glyphs at code points
        // other fonts use, and those must not take over.
        static const ImWchar icon_ranges[] = {
            0xF002, 0xF002, 0xF005, 0xF005, 0xF007, 0xF007, 0xF00D, 0xF00D, 0xF019, 0xF019, 0xF030, 0xF030,
            0xF061, 0xF063, 0xF065, 0xF065, 0xF071, 0xF071, 0xF07C, 0xF07C, 0xF095, 0xF095, 0xF0C1, 0xF0C1,
            0xF0E7, 0xF0E7, 0xF0EB, 0xF0EB, 0xF108, 0xF108, 0xF10D, 0xF10D, 0xF185, 0xF186, 0xF26C, 0xF26C, 0};
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.GlyphMinAdvanceX = kUiFontSize;
        io.Fonts->AddFontFromFileTTF(icons.c_str(), kUiFontSize * 0.9f, &merge, icon_ranges);
    }
    ui_fonts_add_invisible_marks();
    ui_fonts_add_color_glyphs(color_glyphs, clusters);
    ui_fonts_added(font);
}

void ui_setup_style(App& app, float scale, const char* font_dir, ColorGlyphSource color_glyphs) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.Fonts->Fonts.Size == 0) load_fonts(font_dir, color_glyphs, &app.fonts.clusters);

    ImGuiStyle style;
    if (app.dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);
    style.WindowRounding = 6;
    style.FrameRounding = 4;
    style.ScaleAllSizes(scale);
    style.FontSizeBase = kUiFontSize;
    style.FontScaleDpi = scale;  // text at kUiFontSize x scale, rasterised at that size
    ImGui::GetStyle() = style;
}

}  // namespace uxcx
