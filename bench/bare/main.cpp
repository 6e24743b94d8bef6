// bare/main.cpp: the benchmark's floor, a bare Dear ImGui page (scripts/bench): GLFW + WebGL2 +
// Dear ImGui with its demo window, built with the app's compile and link flags (CMakeLists.txt:
// WEB_LINK_FLAGS) and drawing every frame. Whatever the app takes beyond this page (first frame,
// frame time under the same input) is the app's own. No fonts from files (ImGui's built-in one),
// no map, no page glue; the first frame is reported as window.bareReady for the probe, once composited.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"

// The app's Dear ImGui is built with IMGUI_ENABLE_TEST_ENGINE (its item hooks tell tests where each
// widget is: src/ui/visible_widgets.cpp); the floor links the same library, so it defines the hooks
// too, as no-ops (the library calls them only while the app records).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID, const char*, ImGuiItemStatusFlags) {}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }

namespace {

GLFWwindow* g_window = nullptr;
bool g_reported = false;

// Taken at the start of the next frame, as the probe takes the app's (probe.mjs: mapAt, "the frame
// after" the map is loaded) and Mermaid's page its own (two frames after the SVG is in): the first
// frame is then composited, which without a GPU means rasterised by SwiftShader and read back.
// (Taken at the end of the first frame's GL calls, as before 2026-12-02, the floor left that out
// while the app's figure had it.)
EM_JS(void, js_ready, (), { requestAnimationFrame(() => { window.bareReady = performance.now(); }); });

void frame() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const int w = (int)css_w, h = (int)css_h;
    int cw = 0, ch = 0;
    emscripten_get_canvas_element_size("#canvas", &cw, &ch);
    if (cw != w || ch != h) emscripten_set_canvas_element_size("#canvas", w, h);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::GetIO().DisplaySize = ImVec2((float)w, (float)h);
    ImGui::NewFrame();
    ImGui::ShowDemoWindow();
    ImGui::Render();
    glViewport(0, 0, w, h);
    glClearColor(0.96f, 0.96f, 0.97f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!g_reported) {
        g_reported = true;
        js_ready();
    }
}

}  // namespace

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    g_window = glfwCreateWindow(1280, 720, "bare", nullptr, nullptr);
    if (!g_window) return 1;
    glfwMakeContextCurrent(g_window);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
