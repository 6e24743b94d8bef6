// load.h: bytes in, a journey plus diagnostics out. Never throws, never aborts, never recurses
// deeper than the nesting cap, so it is safe on any input, natively and in wasm.
#pragma once

#include <string_view>
#include <vector>

#include "core/journey.h"
#include "core/limits.h"  // kMaxFileBytes

namespace uxcx {

constexpr int kMaxDepth = 64;            // deeper nesting is refused
constexpr size_t kMaxDiagnostics = 200;  // the rest are summarised in one line

struct LoadResult {
    bool ok = false;  // false: errors; `journey` is empty and must not replace what is open
    Journey journey;
    std::vector<Diagnostic> diagnostics;  // errors and warnings, in file order
};

// Loads a journey JSON document (format v1, docs/journey-format.md).
LoadResult load_journey_json(std::string_view bytes);

// Loads either a journey JSON document or Mermaid `journey` text, sniffed from the content.
// This is what every way into the app calls.
LoadResult load_journey(std::string_view bytes);

}  // namespace uxcx
