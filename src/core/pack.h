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

}  // namespace uxcx
