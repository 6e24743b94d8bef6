// stats.cpp: t quantile, adjusted-Wald interval and NPS standard error (see stats.h).
#include "core/stats.h"

#include <algorithm>
#include <cmath>

namespace uxcx {

double t_quantile_975(double df) {
    if (!(df >= 1)) return NAN;
    // Below 10 degrees of freedom the expansion below is off in the 2nd-3rd decimal, so the exact
    // values (computed by inverting the t CDF with mpmath, 9 significant digits) are tabulated.
    static const double kTable[10] = {0,          12.7062047, 4.30265273, 3.18244631, 2.77644511,
                                      2.57058184, 2.44691185, 2.36462425, 2.30600414, 2.26215716};
    if (df < 10) return kTable[(int)df];
    // Cornish-Fisher expansion of t in powers of 1/df around the normal quantile z (Abramowitz &
    // Stegun 26.7.5); at df >= 10 it agrees with the exact value to 1e-5.
    const double z = 1.959963984540054, v = df;
    const double z2 = z * z, z3 = z2 * z, z5 = z3 * z2, z7 = z5 * z2, z9 = z7 * z2;
    return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v) +
           (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v) +
           (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v);
}

Interval adjusted_wald(double x, double n) {
    const double z2 = kZ95 * kZ95;
    const double nAdj = n + z2;
    const double pAdj = (x + z2 / 2) / nAdj;
    const double half = kZ95 * std::sqrt(pAdj * (1 - pAdj) / nAdj);
    return {std::max(0.0, pAdj - half), std::min(1.0, pAdj + half)};
}

Interval nps_adjusted_wald(double promoters, double passives, double detractors) {
    const double n = promoters + passives + detractors + 3;
    const double p = (promoters + 0.75) / n, d = (detractors + 0.75) / n;
    const double nps = 100 * (p - d), half = kZ95 * nps_standard_error(p, d, n);
    return {std::max(-100.0, nps - half), std::min(100.0, nps + half)};
}

double nps_standard_error(double p, double d, double n) {
    // Var(p - d) = (Var p + Var d - 2 Cov(p, d)) with Var p = p(1-p)/n, Cov(p, d) = -pd/n
    // (multinomial), which simplifies to (p + d - (p - d)^2) / n.
    const double v = p + d - (p - d) * (p - d);
    return 100 * std::sqrt(std::max(0.0, v) / n);
}

}  // namespace uxcx
