// limits.h: limits that the core and the page (web/uxcx.js) both enforce, defined here only. The
// web build reads this file and writes the page's limits.js from it (CMakeLists.txt), so C++ and
// JavaScript cannot disagree: keep each definition on one line, in the form written here.
#pragma once

#include <cstddef>

namespace uxcx {

// The largest map that any way in (file, link, paste, drop, CLI) accepts: 32 MiB, checked before parsing.
inline constexpr std::size_t kMaxFileBytes = 33554432;

// Link schemes that the app opens (and `uxcx` writes): http:, https:, mailto: (any case).
inline constexpr const char* kAllowedLinkSchemes[] = {"http", "https", "mailto"};

}  // namespace uxcx
