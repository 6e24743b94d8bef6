// main.cpp (web): GLFW + WebGL2 + Dear ImGui in the browser, and the frame loop.
//
// HiDPI, as Tracy and sokol do it: Emscripten 3.1.6's GLFW ignores devicePixelRatio, so we size the
// canvas backing store to CSS size x devicePixelRatio ourselves and run ImGui in device pixels
// (DisplaySize = backing size, FramebufferScale = 1). GLFW already reports the mouse in backing
// units, so input lines up. The style's sizes follow the ratio; fonts need no rebuild (Dear ImGui
// 1.92 rasterises glyphs at the size they are drawn, and the OpenGL backend creates and updates the
// atlas texture itself: ImGuiBackendFlags_RendererHasTextures).
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "imgui.h"
#include "imgui_internal.h"  // the context's input queue (input_pending)
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "platform/web/solid_fills.h"
#include "platform/web/web_host.h"
#include "ui/app.h"
#include "ui/style.h"

// The GLFW backend's key mapping: not static so that hosts can use it, but not in its header.
ImGuiKey ImGui_ImplGlfw_KeyToImGuiKey(int keycode, int scancode);

namespace {

GLFWwindow* g_window = nullptr;
int g_backing_w = 0, g_backing_h = 0;
float g_style_scale = 0;  // the scale fonts and style were last built for
bool g_style_dark = false;
bool g_first_frame_reported = false;

// When to draw. An idle app draws nothing: while the person reads, no requestAnimationFrame
// callback runs (Emscripten's main loop is paused). Frames come after input (and resize, focus
// changes) and after any exported function that may change what is shown (a map opened, the view
// set: see js_wake_on_exports): a few, and then until two frames in a row draw the same, so that
// ImGui's state settles (a window is sized in one frame and drawn in the next); after input also
// for a short while, so that a tooltip appears once the mouse has rested for ImGui's hover delay.
struct FrameSchedule {
    bool looping = false;    // Emscripten's main loop is set up (start_frames): before, there is
                             // nothing to pause or resume, only what to do once it runs
    bool running = true;     // the main loop is scheduled (it starts running)
    bool held = false;       // the page asked for no frames (a big map loads in the worker)
    bool resumed = false;    // the next frame is the first after a pause
    int frames_left = 0;     // frames still to draw, whatever else happens
    double awake_until = 0;  // emscripten_get_now() time (ms) until which frames keep coming
    unsigned drawn = 0;      // frames drawn so far: state().frames
    uint64_t drew = 0;       // fingerprint of the last frame's draw data
    bool settled = false;    // the last frame drew what the one before it drew
};
FrameSchedule g_schedule;

// Frames after a wake: a window that opens is sized in its first frame and drawn in the next.
constexpr int kSettleFrames = 3;

// How long frames keep coming after a wake: ImGui's longest hover delay (a tooltip shows after
// the mouse rests this long), and a margin for a frame or two.
double settle_ms() {
    const ImGuiStyle& st = ImGui::GetStyle();
    return 1000.0 * std::max(st.HoverStationaryDelay + st.HoverDelayShort, st.HoverDelayNormal) + 100.0;
}

enum class Wake { StateChange, Input };

void wake(Wake why) {
    FrameSchedule& s = g_schedule;
    s.frames_left = std::max(s.frames_left, kSettleFrames);
    if (why == Wake::Input) s.awake_until = std::max(s.awake_until, emscripten_get_now() + settle_ms());
    if (!s.running && !s.held && s.looping) {
        s.running = true;
        s.resumed = true;
        emscripten_resume_main_loop();
    }
}

// A held key or mouse button keeps frames coming: ImGui repeats keys, and scrolls while dragging,
// from how long they are down, without new events.
bool input_held() {
    if (ImGui::IsAnyMouseDown()) return true;
    for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_NamedKey_END; k++)
        if (ImGui::IsKeyDown((ImGuiKey)k)) return true;
    return false;
}

// Input ImGui has received but not handled yet. ImGui hands queued events to the frame a few at a
// time (io.ConfigInputTrickleEventQueue: two presses of one key take four frames), so the loop must
// not pause while any wait: on a loaded machine, where frames came slower than the wake's second,
// the loop paused with the second of two quick arrow presses still queued, and the selection stayed
// one step short until the next mouse move (meeting.test, 1 run in 2 with a parallel build).
bool input_pending() { return ImGui::GetCurrentContext() && ImGui::GetCurrentContext()->InputEventsQueue.Size > 0; }

// What a frame drew, in outline: per draw list the vertex, index and command counts, and per
// command its clip rectangle, texture and element count (cheap at any map size: no vertex is
// read). ImGui settles within a few frames after a change (a tooltip or popup appears hidden for
// a frame to measure itself, then is drawn: the counts change), so frames go on until two in a
// row have the same outline: on a slow machine a tooltip whose hover delay ends on the last
// planned frame still gets the frame that draws it.
uint64_t draw_fingerprint(const ImDrawData* dd) {
    uint64_t h = 0xcbf29ce484222325ull;
    auto mix = [&h](uint64_t v) { h = (h ^ v) * 0x100000001b3ull; };
    auto bits = [](float f) { uint32_t u; std::memcpy(&u, &f, 4); return (uint64_t)u; };
    if (!dd) return h;
    for (int i = 0; i < dd->CmdListsCount; i++) {
        const ImDrawList* l = dd->CmdLists[i];
        mix((uint64_t)l->VtxBuffer.Size);
        mix((uint64_t)l->IdxBuffer.Size);
        for (const ImDrawCmd& c : l->CmdBuffer) {
            mix(bits(c.ClipRect.x) | bits(c.ClipRect.y) << 32);
            mix(bits(c.ClipRect.z) | bits(c.ClipRect.w) << 32);
            mix((uint64_t)c.GetTexID());
            mix((uint64_t)c.ElemCount);
        }
    }
    return h;
}

// After each frame: pause the loop when nothing asks for more.
void after_frame() {
    FrameSchedule& s = g_schedule;
    s.drawn++;
    if (s.frames_left > 0) s.frames_left--;
    const uint64_t drew = draw_fingerprint(ImGui::GetDrawData());
    s.settled = drew == s.drew;
    s.drew = drew;
    if (s.held || (s.frames_left == 0 && s.settled && emscripten_get_now() >= s.awake_until && !input_held() && !input_pending())) {
        s.running = false;
        emscripten_pause_main_loop();
    }
}

// Input reaches ImGui through GLFW's listeners (and on_wheel) whether or not frames are drawn;
// these listeners only wake the loop so that a frame handles it. Capture phase and passive: they
// never change what the event does.
EM_JS(void, js_wake_on_input, (), {
    const wake = () => _uxcx_frames_input();
    const opts = { capture: true, passive: true };
    for (const type of ['mousedown', 'mouseup', 'mousemove', 'wheel', 'touchstart', 'touchmove', 'touchend',
                        'touchcancel', 'keydown', 'keyup', 'keypress', 'resize', 'focus', 'blur'])
        window.addEventListener(type, wake, opts);
    Module['canvas'].addEventListener('mouseleave', wake, opts);  // does not bubble to window
    document.addEventListener('fullscreenchange', wake, opts);
    document.addEventListener('visibilitychange', wake, opts);
});

// Every exported uxcx_* function may change what is shown, so a call from the page requests
// frames; except the read-only ones the page polls (those must not keep an idle app drawing) and
// the frame loop's own. A new export gets this by default; a new read-only one that the page polls
// belongs in readOnly. Emscripten's Module._f replaces itself with the raw export on its first call,
// so the wrapper puts itself back after each call.
EM_JS(void, js_wake_on_exports, (), {
    const readOnly = ['_uxcx_state', '_uxcx_doc_state', '_uxcx_document_json'];
    for (const name of Object.keys(Module)) {
        if (!name.startsWith('_uxcx_') || name.startsWith('_uxcx_frames_') || readOnly.includes(name)) continue;
        const inner = Module[name];
        if (typeof inner !== 'function') continue;
        const wrapper = function() {
            try { return inner.apply(null, arguments); } finally { Module[name] = wrapper; _uxcx_frames_wake(); }
        };
        Module[name] = wrapper;
    }
});

// Glyphs the browser draws (ui/fonts.h, ColorGlyph): emoji in colour (stb_truetype cannot read
// colour bitmap fonts; Noto Color Emoji is CBDT), and clusters only a shaper can form (Devanagari
// conjuncts, emoji sequences: core/text_clusters.h), drawn on a canvas whose pixels go into ImGui's
// atlas. Letters use the fallback fonts the page fetched (registered as FontFaces by uxcx.js,
// Module.fallbackFamilies), drawn white so that the text's colour tints them. Returns malloc'ed
// RGBA (0: nothing drawn) and dims = {w, h, advance, x0, y0} (the last three as floats).
EM_JS(void*, js_color_glyph, (const char* utf8, int len, int letters, float size, float ascent, int* dims), {
    if (!Module.glyphCanvas) Module.glyphCanvas = document.createElement('canvas');
    const c = Module.glyphCanvas;
    const ctx = c.getContext('2d', { willReadFrequently: true });
    const families = letters ? (Module.fallbackFamilies || []).map((f) => `"${f}"`).concat('sans-serif')
                             : ['"Noto Color Emoji"', '"Apple Color Emoji"', '"Segoe UI Emoji"', 'sans-serif'];
    const font = size + 'px ' + families.join(', ');
    const text = UTF8ToString(utf8, len);
    ctx.font = font;
    const m = ctx.measureText(text);
    // The ink's box around the pen and baseline, with a pixel to spare: marks above the headline,
    // vowel signs below, the i's loop left of the pen are all kept.
    const left = Math.ceil(Math.max(0, m.actualBoundingBoxLeft)) + 1;
    const up = Math.ceil(Math.max(m.actualBoundingBoxAscent, size * 0.8)) + 1;
    const down = Math.ceil(Math.max(m.actualBoundingBoxDescent, size * 0.25)) + 1;
    const w = left + Math.ceil(Math.max(m.width, m.actualBoundingBoxRight)) + 1, h = up + down;
    c.width = w;
    c.height = h;  // also resets the context's state
    ctx.font = font;
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = letters ? '#fff' : '#000';
    ctx.fillText(text, left, up);
    const px = ctx.getImageData(0, 0, w, h).data;
    let any = false;
    for (let i = 3; i < px.length && !any; i += 4) any = px[i] !== 0;
    if (!any || !(m.width > 0)) return 0;
    const p = _malloc(px.length);
    HEAPU8.set(px, p);
    HEAP32[dims >> 2] = w;
    HEAP32[(dims >> 2) + 1] = h;
    HEAPF32[(dims >> 2) + 2] = m.width;
    HEAPF32[(dims >> 2) + 3] = -left;
    HEAPF32[(dims >> 2) + 4] = ascent - up;
    return p;
});

bool color_glyph(std::string_view utf8, uxcx::ClusterKind kind, float size, float ascent, uxcx::ColorGlyph& out) {
    int dims[5] = {0, 0, 0, 0, 0};
    void* p = js_color_glyph(utf8.data(), (int)utf8.size(), kind == uxcx::ClusterKind::Script, size, ascent, dims);
    if (!p) return false;
    out.w = dims[0];
    out.h = dims[1];
    std::memcpy(&out.advance, &dims[2], sizeof(float));
    std::memcpy(&out.x0, &dims[3], sizeof(float));
    std::memcpy(&out.y0, &dims[4], sizeof(float));
    const auto* bytes = (const unsigned char*)p;
    out.rgba.assign(bytes, bytes + (size_t)out.w * (size_t)out.h * 4);
    free(p);
    return true;
}

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
        uxcx::ui_setup_style(app, scale, "/fonts", color_glyph);
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

// Keys, through Dear ImGui's GLFW backend. A key the person holds down, the browser repeats at
// their own settings: Emscripten's GLFW passes those keydowns on as GLFW_REPEAT, which the backend
// drops (ImGui repeats held keys on its own timer). The app hears them (App::key_repeats): the
// keys that step the selection step by them, and by no timer. Not while frames are held (a big map
// loads behind the overlay): nobody sees what they would step, and the first frame after the load
// would take them all at once, seconds of repeats in one jump across the new map.
void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
    if (action == GLFW_REPEAT && !g_schedule.held)
        uxcx::web_host_app().key_repeats.push_back((int)ImGui_ImplGlfw_KeyToImGuiKey(key, scancode));
}

void frame(void* user) {
    auto& app = *(uxcx::App*)user;
    sync_canvas_size(app);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    // The time since the last frame includes the pause, when nobody drew: counted, it would pass
    // every hover delay at once.
    if (g_schedule.resumed) io.DeltaTime = std::min(io.DeltaTime, 1.0f / 60.0f);
    g_schedule.resumed = false;
    io.DisplaySize = ImVec2((float)g_backing_w, (float)g_backing_h);
    io.DisplayFramebufferScale = ImVec2(1, 1);
    ImGui::NewFrame();
    uxcx::app_frame(app);
    ImGui::Render();

    glViewport(0, 0, g_backing_w, g_backing_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    uxcx::mark_solid_fills(ImGui::GetDrawData());
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    uxcx::web_host_frame_rendered();

    if (!g_first_frame_reported) {
        g_first_frame_reported = true;
        uxcx::web_host_first_frame();
    }
    after_frame();
}

// Makes the GPU ready for ImGui's draws while the start-up map still loads: one tiny ImGui frame
// (a glyph, so the font atlas's texture is made too), drawn to the canvas while it is hidden
// (uxcx.css, class "starting": nobody sees it, and a hidden canvas is not composited, so the page
// does not wait for it), and submitted at once. Without a GPU, SwiftShader JIT-compiles its
// routines for ImGui's shader, blending and atlas sampling at the first draw: done here, that
// runs in the GPU process beside the open instead of after the first real frame.
void warm_gpu() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2((float)g_backing_w, (float)g_backing_h);
    io.DisplayFramebufferScale = ImVec2(1, 1);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImGui::GetForegroundDrawList()->AddText(ImVec2(0, 0), IM_COL32_WHITE, "x");
    ImGui::Render();
    glViewport(0, 0, g_backing_w, g_backing_h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    // A fence, not glFlush alone: ANGLE keeps an open render pass across a flush (waiting for more
    // draws to the same target) and submits it only when something must be signalled.
    GLsync sent = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    glFlush();
    glDeleteSync(sent);
}

// The rest of start-up, after main()'s task: the warm-up frame, then the frame loop. The page may
// call in between (wake and hold only take note until the loop exists); frames held meanwhile (a
// big start-up map went to the loading worker) stay held.
void start_frames(void* app) {
    warm_gpu();
    wake(Wake::StateChange);
    emscripten_set_main_loop_arg(frame, app, 0, false);
    g_schedule.looping = true;
    if (g_schedule.held) {
        g_schedule.running = false;
        emscripten_pause_main_loop();
    }
}

}  // namespace

namespace uxcx {
unsigned web_host_frames_drawn() { return g_schedule.drawn; }
}  // namespace uxcx

// The frame loop's own exports (js_wake_on_exports leaves them as they are).
extern "C" {
// A few frames: what a change of state gets (js_wake_on_exports calls it after each export).
EMSCRIPTEN_KEEPALIVE void uxcx_frames_wake() { wake(Wake::StateChange); }
// A few frames, and more for a while: what input gets (js_wake_on_input).
EMSCRIPTEN_KEEPALIVE void uxcx_frames_input() { wake(Wake::Input); }
// on = 1: no frames until on = 0, then frames again. For work that hides the map behind the page's
// overlay (a big map loading in the worker): frames nobody sees would take CPU from it.
EMSCRIPTEN_KEEPALIVE void uxcx_frames_hold(int on) {
    g_schedule.held = on != 0;
    if (g_schedule.held && g_schedule.running && g_schedule.looping) {
        g_schedule.running = false;
        emscripten_pause_main_loop();
    }
    if (!g_schedule.held) wake(Wake::StateChange);
}
}

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    // ImGui draws 2D with blending and scissors only: no depth or stencil buffer (GLFW's defaults
    // ask for 24 + 8 bits, which WebGL allocates and clears with every frame for nothing).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    g_window = glfwCreateWindow(1280, 720, "uxcx", nullptr, nullptr);
    if (!g_window) return 1;
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    uxcx::ui_configure_io(io);
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    glfwSetKeyCallback(g_window, on_key);  // in place of the backend's, which on_key calls
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    emscripten_set_wheel_callback("#canvas", nullptr, false, on_wheel);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Platform_GetClipboardTextFn = uxcx::web_host_clipboard_get;  // after the GLFW backend set its stubs
    pio.Platform_SetClipboardTextFn = uxcx::web_host_clipboard_set;

    uxcx::App& app = uxcx::web_host_app();
    sync_canvas_size(app);
    js_wake_on_input();
    js_wake_on_exports();
    // The GPU's warm-up and the frame loop in a task of their own: main() in one task was the
    // page's longest (200-260 ms beside a big map's download, on 2 cores without a GPU).
    emscripten_async_call(start_frames, &app, 0);
    return 0;
}
