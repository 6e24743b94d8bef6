// export_render.cpp: renders a whole-map export's drawing (ui/export_map.h) off-screen in tiles
// and hands the pixels to the page (web/uxcx.js), which assembles the PNG or the PDF's image.
//
// Tiles: a WebGL framebuffer cannot be larger than MAX_RENDERBUFFER_SIZE / MAX_VIEWPORT_DIMS (and
// a 4961 x 3508 one would hold 70 MB at once), so one framebuffer of at most 2048 x 2048 is drawn
// and read back per tile; the ImDrawList is rendered once per tile, with DisplayPos moved, by the
// ImGui backend that draws the screen (same shaders, same font texture).
#include <GLES3/gl3.h>
#include <emscripten.h>

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "platform/web/web_host.h"
#include "ui/app.h"

namespace uxcx {

EM_JS(void, js_export_begin, (int w, int h), { uxcxHost.exportBegin(w, h); });
EM_JS(void, js_export_tile, (int x, int y, int w, int h, const unsigned char* px),
      { uxcxHost.exportTile(x, y, w, h, HEAPU8.subarray(px, px + w * h * 4)); });
EM_JS(void, js_export_end, (const char* json), { uxcxHost.exportEnd(UTF8ToString(json)); });

// The largest tile: 2048 a side, or less where the GPU allows less.
static int tile_size() {
    GLint rb = 0, vp[2] = {0, 0}, tex = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &rb);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, vp);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &tex);
    int t = 2048;
    for (const GLint limit : {rb, vp[0], vp[1], tex})
        if (limit > 0) t = std::min(t, (int)limit);
    return std::max(64, t);
}

void web_export_render(App& app) {
    ExportState& ex = app.exports;
    if (!ex.ready || !ex.list) return;
    ex.ready = false;
    const int W = (int)ex.image.w, H = (int)ex.image.h, T = tile_size();
    auto fail = [&](const std::string& why) {
        ex.list.reset();
        js_export_end(nlohmann::json({{"ok", false}, {"error", why}}).dump().c_str());
    };
    GLuint fbo = 0, rb = 0;
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, T, T);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (complete) {
        ImDrawData dd;
        dd.Valid = true;
        dd.AddDrawList(ex.list.get());
        dd.FramebufferScale = ImVec2(1, 1);
        const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        std::vector<unsigned char> px((size_t)T * T * 4), row((size_t)T * 4);
        js_export_begin(W, H);
        for (int ty = 0; ty < H; ty += T)
            for (int tx = 0; tx < W; tx += T) {
                const int tw = std::min(T, W - tx), th = std::min(T, H - ty);
                dd.DisplayPos = ImVec2(ex.image.x + tx, ex.image.y + ty);
                dd.DisplaySize = ImVec2((float)tw, (float)th);
                glViewport(0, 0, tw, th);
                glDisable(GL_SCISSOR_TEST);
                glClearColor(bg.x, bg.y, bg.z, 1);
                glClear(GL_COLOR_BUFFER_BIT);
                ImGui_ImplOpenGL3_RenderDrawData(&dd);
                glPixelStorei(GL_PACK_ALIGNMENT, 1);
                glReadPixels(0, 0, tw, th, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
                // GL rows run bottom-up; images top-down.
                const size_t stride = (size_t)tw * 4;
                for (int y = 0; y < th / 2; y++) {
                    unsigned char* a = px.data() + (size_t)y * stride;
                    unsigned char* b = px.data() + (size_t)(th - 1 - y) * stride;
                    std::memcpy(row.data(), a, stride);
                    std::memcpy(a, b, stride);
                    std::memcpy(b, row.data(), stride);
                }
                js_export_tile(tx, ty, tw, th, px.data());
            }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    glDeleteRenderbuffers(1, &rb);
    glDeleteFramebuffers(1, &fbo);
    if (!complete) return fail("the graphics card refused an off-screen image of " + std::to_string(T) + " pixels a side");
    ex.list.reset();  // the drawing is done with; its vertices can be megabytes
    nlohmann::json result = nlohmann::json::parse(export_result_json(app));
    result["ok"] = true;
    result["tile"] = T;
    js_export_end(result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

}  // namespace uxcx

using namespace uxcx;

extern "C" {

// window.uxcx.exportMap(kind, options): options as JSON {kind, size, width, dpi, theme}. Returns ""
// when the export will be made on the next frame, else why not.
EMSCRIPTEN_KEEPALIVE const char* uxcx_export_map(const char* options) {
    static std::string error;
    const nlohmann::json o = nlohmann::json::parse(options ? options : "", nullptr, false);
    ExportOptions opt;
    error.clear();
    if (!o.is_object()) {
        error = "options must be an object";
        return error.c_str();
    }
    auto str = [&](const char* key, std::string& out) {
        auto it = o.find(key);
        if (it == o.end() || it->is_null()) return true;
        if (!it->is_string()) return false;
        out = it->get<std::string>();
        return true;
    };
    auto number = [&](const char* key, double& out) {
        auto it = o.find(key);
        if (it == o.end() || it->is_null()) return true;
        if (!it->is_number()) return false;
        out = it->get<double>();
        return true;
    };
    std::string theme = "light";
    double width = opt.width, dpi = opt.dpi;
    if (!str("kind", opt.kind)) error = "kind must be \"png\" or \"pdf\"";
    else if (!str("size", opt.size)) error = "size must be \"slide\", \"a4\" or \"a3\"";
    else if (!number("width", width) || width != (double)(int)width) error = "width must be a whole number of pixels";
    else if (!number("dpi", dpi)) error = "dpi must be a number";
    else if (!str("theme", theme) || (theme != "light" && theme != "dark")) error = "theme must be \"light\" or \"dark\"";
    if (!error.empty()) return error.c_str();
    opt.width = (int)width;
    opt.dpi = (float)dpi;
    opt.dark = theme == "dark";
    error = export_request(web_host_app(), opt);
    return error.c_str();
}

// The PDF around the map's pixels the page deflated (rows top-down, RGB). Returns its size in
// bytes (uxcx_export_bytes() points at it), or -1 when no PDF export was waiting for these pixels.
EMSCRIPTEN_KEEPALIVE int uxcx_export_pdf(const char* zlib, int len, int width, int height) {
    App& app = web_host_app();
    if (!export_pdf(app, std::string_view(zlib, (size_t)len), width, height)) return -1;
    return (int)app.exports.pdf.size();
}
EMSCRIPTEN_KEEPALIVE const char* uxcx_export_bytes() { return web_host_app().exports.pdf.data(); }

}  // extern "C"
