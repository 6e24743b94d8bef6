// pack.h: a compact binary copy of a LoadResult, so a Web Worker can load a big map and hand the
// result to the page, which unpacks it in a fraction of the time loading takes.
#pragma once

#include <string>
#include <string_view>

#include "core/load.h"

namespace uxcx {

// Encodes everything a LoadResult holds. Numbers are raw little-endian (both ends are wasm, or the
// same native process in tests); strings and lists are length-prefixed; optionals have a
// presence byte. Not a file format: never stored, never sent between versions.
std::string pack_load_result(const LoadResult& r);

// Decodes what pack_load_result wrote. Returns false on anything truncated, oversized or
// otherwise malformed (every read is bounds-checked), leaving `out` unspecified; never crashes.
bool unpack_load_result(std::string_view bytes, LoadResult& out);

// The same, a slice at a time, so the page can answer input between slices: in one go, 100,000
// touchpoints took 240 ms of the page's main thread. `bytes` must outlive the unpacking.
struct Unpacking {
    std::string_view bytes;
    size_t at = 0;      // the next byte to read
    size_t next = 0;    // the next touchpoint to read
    bool headRead = false, done = false;
    bool ok = true;     // once done: whether the pack was whole, as unpack_load_result returns
    LoadResult result;  // once done and ok: what was packed
};
void unpack_begin(Unpacking& u, std::string_view bytes);
// Reads up to `touchpoints` more touchpoints (and, on the first and last calls, what comes before
// and after them). Returns true when finished.
bool unpack_step(Unpacking& u, size_t touchpoints);

}  // namespace uxcx
