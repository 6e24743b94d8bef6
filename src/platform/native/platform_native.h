// platform_native.h: what the native stand-in recorded (see platform_native.cpp).
#pragma once

#include <string>

#include "platform/platform.h"

namespace uxcx::platform {

struct NativeCalls {
    int open_file_dialog = 0;
    std::string download_name, download_mime, download_bytes;
    std::string clipboard;
    std::string opened_url;
    std::string png_name;
    bool fullscreen = false;
};
extern NativeCalls g_native_calls;

}  // namespace uxcx::platform
