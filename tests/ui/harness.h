// harness.h: runs frames of the real UI with no GPU, as Dear ImGui's example_null does: a context,
// a font atlas whose texture requests are served (no pixels leave it), a display size, and NewFrame/Render with nothing drawn to a screen.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "imgui.h"
#include "ui/app.h"
#include "ui/style.h"

namespace uxcx::test {

// One ImGui context for the lifetime of a test, with the app's real fonts and style.
struct UiHarness {
    App app;
    ImGuiContext* ctx = nullptr;
    ColorGlyphSource glyph_source = nullptr;

    // `glyphs`: a host glyph source (ui/fonts.h) as the web host gives one; none by default, as
    // in native builds.
    explicit UiHarness(float width = 1600, float height = 1000, ColorGlyphSource glyphs = nullptr) : glyph_source(glyphs) {
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        ui_configure_io(io);  // as the web host does: keyboard navigation on
        io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;  // serve_textures() below
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        rebuild_style();
    }
    // The App's own draw lists (a whole-map export's) hold the context's shared data: they go first.
    ~UiHarness() {
        app.exports.list.reset();
        ImGui::DestroyContext(ctx);
    }
    UiHarness(const UiHarness&) = delete;
    UiHarness& operator=(const UiHarness&) = delete;

    // Fonts live next to each other in the Debian packages; the style loads ui.otf, icons.ttf...
    // from one folder, so the test points it at a folder of links made once.
    void rebuild_style() {
        namespace fs = std::filesystem;
        const fs::path dir = fs::temp_directory_path() / "uxcx-test-fonts";
        fs::create_directories(dir);
        auto link = [&](const char* from, const char* name) {
            std::error_code ec;
            if (!fs::exists(dir / name)) fs::create_symlink(from, dir / name, ec);
        };
        link(UXCX_FONT_UI, "ui.otf");
        link(UXCX_FONT_ICONS, "icons.ttf");
        ui_setup_style(app, app.dpi_scale * ui_text_scale(app), dir.c_str(), glyph_source);
    }

    // What a renderer does with Dear ImGui 1.92's texture requests (the font atlas is created and
    // grows as glyphs are needed), minus the GPU: each request is marked done.
    static void serve_textures() {
        for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
            if (tex->Status == ImTextureStatus_WantCreate) {
                tex->SetTexID((ImTextureID)(intptr_t)(tex->UniqueID + 1));
                tex->SetStatus(ImTextureStatus_OK);
            } else if (tex->Status == ImTextureStatus_WantUpdates) {
                tex->SetStatus(ImTextureStatus_OK);
            } else if (tex->Status == ImTextureStatus_WantDestroy && tex->UnusedFrames > 0) {
                tex->SetTexID(ImTextureID_Invalid);
                tex->SetStatus(ImTextureStatus_Destroyed);
            }
        }
    }

    // Runs `n` frames of the whole app.
    void frames(int n = 2) {
        for (int i = 0; i < n; i++) {
            ImGui::NewFrame();
            app_frame(app);
            ImGui::Render();
            serve_textures();
        }
    }

    // Mouse helpers: move, then press and release over two frames (ImGui needs both edges).
    void click(float x, float y) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(x, y);
        frames(1);
        io.AddMouseButtonEvent(0, true);
        frames(1);
        io.AddMouseButtonEvent(0, false);
        frames(1);
    }
    void key(ImGuiKey k) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddKeyEvent(k, true);
        frames(1);
        io.AddKeyEvent(k, false);
        frames(1);
    }
};

// The card the last frame drew for touchpoint `t` (app.items), or null when it is off screen.
inline const VisibleItem* item_for(const App& app, int t) {
    for (const VisibleItem& it : app.items)
        if (it.touchpoint == t) return &it;
    return nullptr;
}

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

}  // namespace uxcx::test
