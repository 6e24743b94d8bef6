// decimal.cpp: see decimal.h. WebAssembly's strtod (Emscripten's musl) reads every number through
// 128-bit long double, which wasm computes in software: a fifth of the loading worker's time on a
// 100,000 touchpoint map went to it (bench/README.md). src/platform/wasm/strtod_fast.cpp puts this
// in front of it.
#include "core/decimal.h"

#include <cstdint>

namespace uxcx {

const char* read_short_decimal(const char* s, double& out) {
    // Powers of ten a double holds exactly.
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const char* p = s;
    const bool negative = *p == '-';
    if (*p == '-' || *p == '+') p++;
    uint64_t digits = 0;
    int significant = 0, exponent = 0;
    bool any = false;
    // The digits before and after the point alike; each one after it lowers the exponent.
    for (bool fraction = false;; p++) {
        if (*p == '.' && !fraction) {
            fraction = true;
            continue;
        }
        if (*p < '0' || *p > '9') break;
        any = true;
        exponent -= fraction;
        if (digits == 0 && *p == '0') continue;  // leading zeros are not significant
        if (++significant > 19) return nullptr;
        digits = digits * 10 + (uint64_t)(*p - '0');
    }
    if (!any) return nullptr;  // "", "-", ".", "inf", "nan", " 1": strtod's to judge
    if (*p == 'e' || *p == 'E') {
        // An exponent only when digits follow ("1e" reads as 1, ending at the 'e').
        const char* q = p + 1;
        const bool minus = *q == '-';
        if (*q == '-' || *q == '+') q++;
        if (*q >= '0' && *q <= '9') {
            int e = 0;
            for (; *q >= '0' && *q <= '9'; q++)
                if (e < 10000) e = e * 10 + (*q - '0');
            exponent += minus ? -e : e;
            p = q;
        }
    }
    if (*p == 'x' || *p == 'X') return nullptr;  // "0x1p3": hexadecimal, strtod's
    if (digits > (uint64_t(1) << 53)) return nullptr;
    double v = (double)digits;
    if (digits != 0) {
        if (exponent < -22 || exponent > 22) return nullptr;
        v = exponent < 0 ? v / kPow10[-exponent] : v * kPow10[exponent];
    }
    out = negative ? -v : v;
    return p;
}

}  // namespace uxcx
