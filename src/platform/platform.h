// platform.h: what the UI asks of its host, and nothing about journeys.
// One web implementation (src/platform/web/, the only C++ that talks to JavaScript) and a native
// stand-in (src/platform/native/) that records the calls, for tests and tools.
#pragma once

#include <string_view>

namespace uxcx::platform {

// Shows the file picker. The chosen file arrives later through the host calling app_open().
void open_file_dialog();

// Offers bytes as a download named `filename`.
void download(std::string_view filename, std::string_view mime, std::string_view bytes);

// Puts text on the clipboard.
void copy_text(std::string_view text);

// Opens a link in a new tab with noopener. The caller has checked the scheme (http, https, mailto).
void open_url(std::string_view url);

// Saves the canvas as a PNG download once the current frame is rendered.
void export_png(std::string_view filename);

// Asks the host to toggle full screen (presentation mode).
void set_fullscreen(bool on);

}  // namespace uxcx::platform
