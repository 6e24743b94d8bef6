// test_decimal.cpp: read_short_decimal reads what strtod reads, bit for bit, where it reads at all.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/decimal.h"
#include "core/pcg32.h"

using namespace uxcx;

namespace {

// Checks one text against the C library's strtod: same value (same bits, so -0 and 0 differ), same
// end. Returns whether the fast reader took it.
bool same_as_strtod(const std::string& text) {
    CAPTURE(text);
    char* end = nullptr;
    const double want = std::strtod(text.c_str(), &end);
    double got = 12345;
    const char* fast_end = read_short_decimal(text.c_str(), got);
    if (!fast_end) return false;
    CHECK(std::memcmp(&got, &want, sizeof got) == 0);
    CHECK(fast_end == end);
    return true;
}

}  // namespace

TEST_CASE("the numbers survey files hold are read exactly, and end where strtod ends") {
    for (const char* t : {"0", "-0", "72", "-3", "0.85", "4.5", "100", "1e3", "1E-3", "2.5e+2", "007", "0.1", "0.2", "0.3",
                          "9007199254740992", "1e22", "1e-22", "123.456e-7", "5.", ".5", "-.5", "1e", "1e+", "3.14abc", "1,5",
                          "0.000001", "1234567890123456e-5"})
        CHECK_MESSAGE(same_as_strtod(t), std::string(t));
}

TEST_CASE("what it cannot read exactly it leaves to strtod") {
    double v = 0;
    for (const char* t : {"", "-", ".", "e5", " 1", "inf", "nan", "0x10", "1e23", "1e-23", "9007199254740993", "12345678901234567",
                          "12345678901234567890", "0.1234567890123456789012", "1e400"})
        CHECK_MESSAGE(read_short_decimal(t, v) == nullptr, t);
}

TEST_CASE("random decimals: every one it reads matches strtod bit for bit") {
    Pcg32 rng(20261202, 7);
    int taken = 0;
    for (int i = 0; i < 200000; i++) {
        std::string t;
        if (rng.next() % 4 == 0) t += '-';
        const int whole = (int)(rng.next() % 10), frac = (int)(rng.next() % 12);
        for (int k = 0; k < whole; k++) t += char('0' + rng.next() % 10);
        if (frac) {
            t += '.';
            for (int k = 0; k < frac; k++) t += char('0' + rng.next() % 10);
        }
        if (rng.next() % 3 == 0) {
            t += 'e';
            t += std::to_string((int)(rng.next() % 60) - 30);
        }
        if (t.empty() || t == "-") t += '1';
        taken += same_as_strtod(t);
    }
    MESSAGE(taken << " of 200000 read without strtod");
    CHECK(taken > 150000);
}
