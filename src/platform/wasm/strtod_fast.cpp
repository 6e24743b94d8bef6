// strtod_fast.cpp: strtod for the WebAssembly builds (the app and the loading worker link with
// -Wl,--wrap=strtod, so every call, the JSON parser's included, comes here). Emscripten's musl
// reads each number through 128-bit long double, computed in software in wasm; the short decimals
// maps and surveys hold are read exactly with double arithmetic instead (core/decimal.h), and
// anything else goes to the C library's own strtod.
#include "core/decimal.h"

extern "C" double __real_strtod(const char* s, char** end);

extern "C" double __wrap_strtod(const char* s, char** end) {
    double v;
    if (const char* e = uxcx::read_short_decimal(s, v)) {
        if (end) *end = const_cast<char*>(e);
        return v;
    }
    return __real_strtod(s, end);
}
