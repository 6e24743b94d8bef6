// web_host.h: the bridge between the page's JavaScript (web/uxcx.js) and the App.
#pragma once

#include "ui/app.h"

namespace uxcx {

// The application state every exported function acts on (valid before main() runs).
App& web_host_app();

// Tells the page that the first frame is on screen (resolves window.uxcx.ready).
void web_host_first_frame();

// Called right after each frame is drawn: work that must read the canvas (PNG export) runs here.
void web_host_frame_rendered();

// After the frame: renders a whole-map export drawn in it, in tiles (export_render.cpp).
void web_export_render(App& app);

// Frames drawn since start (state().frames): an idle app draws none (main.cpp's frame loop).
unsigned web_host_frames_drawn();

// ImGui's clipboard callbacks (platform_io.Platform_GetClipboardTextFn / SetClipboardTextFn) on the web.
const char* web_host_clipboard_get(ImGuiContext* ctx);
void web_host_clipboard_set(ImGuiContext* ctx, const char* text);

}  // namespace uxcx
