// pcg32.h: a small seeded random generator whose numbers are the same on every platform.
//
// PCG32 (O'Neill 2014, pcg32_random_r / pcg32_srandom_r, XSH RR 64/32) and a bounded draw
// without modulo bias (Lemire 2019, with rejection). Not std::mt19937 + a std:: distribution:
// the standard leaves distributions implementation-defined, and a seeded bootstrap must give the
// same interval in the browser, on Linux and on macOS.
#pragma once

#include <cstdint>

namespace uxcx {

struct Pcg32 {
    uint64_t state = 0, inc = 0;
    // pcg32_srandom_r(seed, stream): the reference seeding, so outputs match the reference's.
    explicit Pcg32(uint64_t seed, uint64_t stream = 0xda3e39cb94b95bdbULL) {
        inc = (stream << 1u) | 1u;
        next();
        state += seed;
        next();
    }
    uint32_t next() {
        uint64_t old = state;
        state = old * 6364136223846793005ULL + inc;
        uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
        uint32_t rot = (uint32_t)(old >> 59u);
        return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
    }
    // Uniform in [0, bound), bound >= 1.
    uint32_t below(uint32_t bound) {
        uint64_t m = (uint64_t)next() * bound;
        uint32_t low = (uint32_t)m;
        if (low < bound) {
            uint32_t threshold = (uint32_t)(-bound) % bound;
            while (low < threshold) {
                m = (uint64_t)next() * bound;
                low = (uint32_t)m;
            }
        }
        return (uint32_t)(m >> 32);
    }
};

}  // namespace uxcx
