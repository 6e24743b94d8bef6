// fuzz_load.cpp: libFuzzer target for the journey loader: any bytes in, no crash, no hang, no
// leak, and the result keeps its own promises (a refusal has an error, a success a default set).
// It calls the one way in, load_journey, so JSON, Mermaid and CSV are all reached (the corpus
// holds a seed of each).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    uxcx::LoadResult r = uxcx::load_journey(std::string_view((const char*)data, size));
    bool hasError = false;
    for (const uxcx::Diagnostic& d : r.diagnostics) {
        hasError |= d.severity == uxcx::Severity::Error;
        if (d.line < 0 || d.column < 0 || d.message.empty()) std::abort();
    }
    if (r.ok == hasError) std::abort();  // ok exactly when there is no error
    if (r.diagnostics.size() > uxcx::kMaxDiagnostics + 1) std::abort();
    if (r.ok) {
        if (r.journey.sets.empty()) std::abort();
        for (const uxcx::Touchpoint& t : r.journey.touchpoints) {
            if (t.sets.size() != r.journey.sets.size() || t.id.empty()) std::abort();
            if (t.stage >= (int)r.journey.stages.size() || t.channel >= (int)r.journey.channels.size()) std::abort();
        }
    }
    return 0;
}
