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

// Standard error of an NPS in NPS points from promoter and detractor shares p, d of n answers:
// 100 * sqrt((p + d - (p - d)^2) / n).
double nps_standard_error(double p, double d, double n);

}  // namespace uxcx
