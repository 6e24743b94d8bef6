// decimal.h: decimal numbers read exactly without long double arithmetic.
#pragma once

namespace uxcx {

// Reads the decimal number at `s` as strtod would ("-72", "0.85", "4.5e2"; no leading spaces, no
// hex, inf or nan) when it is one of the short ones that plain double arithmetic reads exactly: at
// most 19 significant digits whose value fits in 53 bits, and a power of ten up to 10^22 (Clinger's
// fast path: both factors are exact doubles, so their one rounded product or quotient is the
// correctly rounded value). Returns the end of the number and sets `out`, or returns nullptr when
// `s` is not such a number: then strtod itself must read it. Survey scores, weights and counts are
// such numbers.
const char* read_short_decimal(const char* s, double& out);

}  // namespace uxcx
