// style.cpp: fonts (Inter + Font Awesome 4.7, from Debian's packages) and the light/dark theme.
#include "ui/style.h"

#include <cstdio>
#include <string>

#include "imgui.h"
#include "ui/glyph_ranges.h"

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

void ui_setup_style(const App& app, float scale, const char* font_dir) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float size = 16.0f * scale;
    const std::string dir = font_dir ? font_dir : "";
    const std::string ui = dir + "/ui.otf", icons = dir + "/icons.ttf";
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    if (file_exists(ui)) {
        // What European business text uses (glyph_ranges.h: €, ✓, “quotes”, ½, ™...).
        io.Fonts->AddFontFromFileTTF(ui.c_str(), size, &cfg, kUiGlyphRanges);
    } else {
        ImFontConfig def;
        def.SizePixels = size;
        io.Fonts->AddFontDefault(&def);
    }
    if (file_exists(icons)) {
        // Only the icons widgets.h names (ICON_*), not Font Awesome's 736: each glyph costs atlas
        // space and start-up time, rasterised again at every scale change.
        static const ImWchar icon_ranges[] = {
            0xF002, 0xF002, 0xF005, 0xF005, 0xF007, 0xF007, 0xF00D, 0xF00D, 0xF019, 0xF019, 0xF030, 0xF030,
            0xF061, 0xF063, 0xF065, 0xF065, 0xF071, 0xF071, 0xF07C, 0xF07C, 0xF095, 0xF095, 0xF0C1, 0xF0C1,
            0xF0E7, 0xF0E7, 0xF0EB, 0xF0EB, 0xF108, 0xF108, 0xF10D, 0xF10D, 0xF185, 0xF186, 0xF26C, 0xF26C, 0};
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.GlyphMinAdvanceX = size;
        io.Fonts->AddFontFromFileTTF(icons.c_str(), size * 0.9f, &merge, icon_ranges);
    }
    io.Fonts->Build();

    ImGuiStyle style;
    if (app.dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);
    style.WindowRounding = 6;
    style.FrameRounding = 4;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace uxcx
