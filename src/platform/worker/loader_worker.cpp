// loader_worker.cpp: the wasm module of the page's loading worker (web/loader-worker.js): core only,
// no ImGui. Loads a journey off the main thread and hands back the result packed (core/pack.h).
#include <emscripten.h>

#include <string>

#include "core/load.h"
#include "core/pack.h"

static std::string g_pack;  // the last result; valid until the next call

// Loads `len` bytes at `bytes` (journey JSON or Mermaid text, as load_journey sniffs them) and
// returns the packed LoadResult, its size in *out_len.
extern "C" EMSCRIPTEN_KEEPALIVE const char* uxcx_worker_load(const char* bytes, int len, int* out_len) {
    g_pack.clear();
    g_pack.shrink_to_fit();  // a 100k map's pack is ~25 MB: don't keep two alive
    g_pack = uxcx::pack_load_result(uxcx::load_journey(std::string_view(bytes, (size_t)len)));
    *out_len = (int)g_pack.size();
    return g_pack.data();
}
