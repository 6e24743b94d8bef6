// web_host.cpp: the only C++ that talks to JavaScript. It implements platform.h by calling the
// page's `uxcxHost` object (web/uxcx.js) and exports the functions window.uxcx calls.
// Strings cross as UTF-8; results go back as JSON text that JavaScript parses.
#include "platform/web/web_host.h"

#include <emscripten.h>

#include <nlohmann/json.hpp>
#include <string>

#include "platform/platform.h"

namespace uxcx {

static App* g_app = nullptr;

void web_host_attach(App* app) { g_app = app; }

EM_JS(void, js_first_frame, (), { uxcxHost.firstFrame(); });
void web_host_first_frame() { js_first_frame(); }

// ---- platform.h -----------------------------------------------------------------------------
EM_JS(void, js_open_file_dialog, (), { uxcxHost.openFileDialog(); });
EM_JS(void, js_download, (const char* name, int name_len, const char* mime, int mime_len, const char* bytes, int len), {
    uxcxHost.download(UTF8ToString(name, name_len), UTF8ToString(mime, mime_len), HEAPU8.slice(bytes, bytes + len));
});
EM_JS(void, js_copy_text, (const char* text, int len), { uxcxHost.copyText(UTF8ToString(text, len)); });
EM_JS(void, js_open_url, (const char* url, int len), { uxcxHost.openUrl(UTF8ToString(url, len)); });
EM_JS(void, js_capture_png, (const char* name, int len), { uxcxHost.capturePng(UTF8ToString(name, len)); });
EM_JS(void, js_set_fullscreen, (int on), { uxcxHost.setFullscreen(!!on); });

namespace platform {
void open_file_dialog() { js_open_file_dialog(); }
void download(std::string_view filename, std::string_view mime, std::string_view bytes) {
    js_download(filename.data(), (int)filename.size(), mime.data(), (int)mime.size(), bytes.data(), (int)bytes.size());
}
void copy_text(std::string_view text) { js_copy_text(text.data(), (int)text.size()); }
void open_url(std::string_view url) { js_open_url(url.data(), (int)url.size()); }
void set_fullscreen(bool on) { js_set_fullscreen(on ? 1 : 0); }

// A WebGL canvas can only be read in the same task that drew it (no preserveDrawingBuffer), so
// the request waits for web_host_frame_rendered().
static std::string g_png_pending;
void export_png(std::string_view filename) { g_png_pending = filename; }
}  // namespace platform

void web_host_frame_rendered() {
    if (platform::g_png_pending.empty()) return;
    js_capture_png(platform::g_png_pending.data(), (int)platform::g_png_pending.size());
    platform::g_png_pending.clear();
}

// ---- exported to JavaScript -----------------------------------------------------------------
static nlohmann::json diagnostic_json(const Diagnostic& d) {
    return {{"message", d.message}, {"line", d.line}, {"column", d.column}, {"path", d.pointer}};
}

static std::string g_result;  // the last returned JSON text; valid until the next call

}  // namespace uxcx

using namespace uxcx;

extern "C" {

// Loads a journey (JSON or Mermaid text) from `len` bytes at `bytes`. Returns
// {"ok", "errors": [...], "warnings": [...]}, each entry {message, line, column, path}.
EMSCRIPTEN_KEEPALIVE const char* uxcx_open(const char* bytes, int len, const char* name, const char* source_url) {
    OpenResult r = app_open(*g_app, std::string_view(bytes, (size_t)len), name ? name : "", source_url ? source_url : "");
    nlohmann::json errors = nlohmann::json::array(), warnings = nlohmann::json::array();
    for (const Diagnostic& d : r.diagnostics)
        (d.severity == Severity::Error ? errors : warnings).push_back(diagnostic_json(d));
    g_result = nlohmann::json{{"ok", r.ok}, {"errors", errors}, {"warnings", warnings}}.dump(-1, ' ', false,
                                                                                              nlohmann::json::error_handler_t::replace);
    return g_result.c_str();
}

// What is on screen, for window.uxcx.state(). Rectangles in CSS pixels relative to the canvas.
EMSCRIPTEN_KEEPALIVE const char* uxcx_state() {
    const App& app = *g_app;
    const Journey& j = app.doc.journey;
    nlohmann::json items = nlohmann::json::array();
    const float s = app.dpi_scale > 0 ? app.dpi_scale : 1;
    for (const VisibleItem& it : app.items) {
        if (it.touchpoint < 0 || it.touchpoint >= (int)j.touchpoints.size()) continue;
        items.push_back({{"id", j.touchpoints[(size_t)it.touchpoint].id},
                         {"x", it.x / s}, {"y", it.y / s}, {"w", it.w / s}, {"h", it.h / s}});
    }
    nlohmann::json st = {
        {"title", app.has_document ? nlohmann::json(j.title) : nlohmann::json(nullptr)},
        {"stages", j.stages.size()},
        {"channels", j.channels.size()},
        {"touchpoints", j.touchpoints.size()},
        {"view", app.view},
        {"selected", app.selected >= 0 && app.selected < (int)j.touchpoints.size()
                         ? nlohmann::json(j.touchpoints[(size_t)app.selected].id) : nlohmann::json(nullptr)},
        {"error", app.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(app.error)},
        {"presentation", app.presentation},
        {"dark", app.dark},
        {"items", items},
    };
    g_result = st.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE int uxcx_set_view(const char* name) { return app_set_view(*g_app, name ? name : "") ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE void uxcx_set_dark(int dark) { g_app->dark = dark != 0; }

// Shows a problem found by the page itself (a link that failed to fetch, a damaged #data= link).
// The open document stays as it is.
EMSCRIPTEN_KEEPALIVE void uxcx_set_error(const char* message) {
    g_app->error = message ? message : "";
    g_app->error_details.clear();
}

}  // extern "C"
