// stats.h: the few statistical tools the metrics need: a t quantile, the adjusted-Wald interval
// for a proportion, and the NPS variance. docs/metrics.md cites each.
#pragma once

namespace uxcx {

constexpr double kZ95 = 1.96;  // the 95% normal critical value as the published formulas use it

struct Interval {
    double low, high;
};

// t(0.975, df): the two-sided 95% critical value of Student's t with df degrees of freedom
// (df >= 1; a fractional df is rounded down below 10, where the table is used).
double t_quantile_975(double df);

// Adjusted Wald (Agresti & Coull 1998) 95% interval for x successes out of n > 0, clamped to
// [0, 1]. x need not be a whole number (a proportion given with its n).
Interval adjusted_wald(double x, double n);

// Adjusted-Wald 95% interval of an NPS, in NPS points, from the answer counts: add 3/4 to the
// promoters and to the detractors and 3 to n (so 3/2 to the passives), then the Wald interval of
// the adjusted shares, clamped to [-100, 100]. Rocks (2016) found this the best of the intervals he
// compared; unlike the plain Wald form it does not collapse when every answer is in one bucket
// (40 promoters of 40 gives [83.58, 100], not [100, 100]). Needs a total above 0.
Interval nps_adjusted_wald(double promoters, double passives, double detractors);

// Standard error of an NPS in NPS points from promoter and detractor shares p, d of n answers:
// 100 * sqrt((p + d - (p - d)^2) / n).
double nps_standard_error(double p, double d, double n);

}  // namespace uxcx
