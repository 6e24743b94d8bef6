// main.cpp (web): GLFW + WebGL2 + Dear ImGui in the browser, and the frame loop.
//
// HiDPI, as Tracy and sokol do it: Emscripten 3.1.6's GLFW ignores devicePixelRatio, so we size the
// canvas backing store to CSS size x devicePixelRatio ourselves and run ImGui in device pixels
// (DisplaySize = backing size, FramebufferScale = 1). GLFW already reports the mouse in backing
// units, so input lines up. Fonts and style are rebuilt whenever the ratio changes.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "platform/web/web_host.h"
#include "ui/app.h"
#include "ui/style.h"

namespace {

GLFWwindow* g_window = nullptr;
int g_backing_w = 0, g_backing_h = 0;
float g_style_scale = 0;  // the scale fonts and style were last built for
bool g_style_dark = false;
bool g_first_frame_reported = false;

// Keeps the canvas backing store at CSS size x devicePixelRatio (x the user's UI zoom).
void sync_canvas_size(uxcx::App& app) {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = emscripten_get_device_pixel_ratio();
    const int w = (int)std::lround(css_w * dpr), h = (int)std::lround(css_h * dpr);
    if (w != g_backing_w || h != g_backing_h) {
        emscripten_set_canvas_element_size("#canvas", w, h);
        g_backing_w = w;
        g_backing_h = h;
    }
    app.dpi_scale = (float)dpr;
    const float scale = app.dpi_scale * uxcx::ui_text_scale(app);
    if (scale != g_style_scale || app.dark != g_style_dark) {
        uxcx::ui_setup_style(app, scale, "/fonts");
        // ImGui 1.90.1's NewFrame only recreates device objects when the shader is missing, so a
        // destroyed font texture must be recreated here (else every rebuild draws black).
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        g_style_scale = scale;
        g_style_dark = app.dark;
    }
}

// Mouse wheel, on the canvas. ImGui 1.90.1's GLFW backend listens on the document, which Chrome
// treats as passive: its preventDefault fails (logged as an error) and a pinch or ctrl+wheel also
// zooms the whole page. On the canvas the listener may cancel the event. Steps as in the backend
// (SDL's: 100 pixels or 3 lines a notch). A trackpad pinch arrives as a wheel event with ctrlKey
// set and no key press, so the event's own modifier state is passed on: pinch zooms the map.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* ev, void*) {
    float step = 1.0f / 100.0f;
    if (ev->deltaMode == DOM_DELTA_LINE) step = 1.0f / 3.0f;
    if (ev->deltaMode == DOM_DELTA_PAGE) step = 80.0f;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, ev->mouse.ctrlKey || ev->mouse.metaKey);
    io.AddMouseWheelEvent((float)ev->deltaX * -step, (float)ev->deltaY * -step);
    return EM_TRUE;
}

void frame(void* user) {
    auto& app = *(uxcx::App*)user;
    sync_canvas_size(app);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2((float)g_backing_w, (float)g_backing_h);
    io.DisplayFramebufferScale = ImVec2(1, 1);
    ImGui::NewFrame();
    uxcx::app_frame(app);
    ImGui::Render();

    glViewport(0, 0, g_backing_w, g_backing_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    uxcx::web_host_frame_rendered();

    if (!g_first_frame_reported) {
        g_first_frame_reported = true;
        uxcx::web_host_first_frame();
    }
}

}  // namespace

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    g_window = glfwCreateWindow(1280, 720, "uxcx", nullptr, nullptr);
    if (!g_window) return 1;
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no file system to save to: settings live in localStorage (web host)
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    emscripten_set_wheel_callback("#canvas", nullptr, false, on_wheel);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    io.GetClipboardTextFn = uxcx::web_host_clipboard_get;  // after the GLFW backend set its stubs
    io.SetClipboardTextFn = uxcx::web_host_clipboard_set;

    uxcx::App& app = uxcx::web_host_app();
    emscripten_set_main_loop_arg(frame, &app, 0, false);
    return 0;
}
