// drivers.h: key-driver analysis: which drivers (touchpoint ratings) move an outcome (overall
// satisfaction, likelihood to recommend), as shares of the outcome's explained variance R².
//
// Per driver: Pearson r with the outcome; importance as the Shapley value of R² (= LMG; exact,
// all 2^k subsets, up to kMaxShapleyDrivers) or Johnson's relative weight (above that, or on
// request); the sign of the full-model standardized coefficient; a seeded bootstrap 95% interval
// of the importance. Importances sum to R²; share = 100 × importance / R². docs/metrics.md cites
// the methods (Lipovetsky & Conklin 2001, Grömping 2006, Johnson 2000, Tonidandel et al. 2009).
//
// Three ways in, one analysis (everything goes through the correlation matrix):
//   - columns in memory (drivers_from_columns): the only way that can bootstrap, since a
//     bootstrap resamples rows;
//   - pairwise sufficient statistics (PairwiseSums, drivers_from_sums): one pass over a file of
//     any size, O(variables²) memory, no rows kept; the same sums a SQL engine can compute
//     (docs/survey-at-scale.md). No bootstrap on this path: a caller that wants intervals keeps
//     the outcome and driver columns (8 bytes × rows × variables) and calls drivers_from_columns;
//   - a correlation matrix with its n (drivers_from_correlation): no rows, so no bootstrap.
//
// Missing answers are NaN. Like R's `rwa`, a row without the outcome is dropped, and correlations
// use pairwise-complete answers (each pair: the rows where both are present); `listwise` uses
// only rows where every variable is present. Weights scale each row's contribution (weighted
// means, variances and covariances); a row whose weight is not finite or is negative is skipped
// and counted. Pure C++20; the linear algebra is Eigen's (only drivers.cpp includes it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/journey.h"

namespace uxcx {

// Exact Shapley needs the R² of all 2^k subsets; above this many drivers `Auto` switches to
// Johnson's relative weights (Shapley can still be asked for, up to kMaxShapleyDriversForced).
constexpr int kMaxShapleyDrivers = 15;
constexpr int kMaxShapleyDriversForced = 20;
// More drivers than this are refused (the analysis needs variables² memory and a k×k solve).
constexpr int kMaxDrivers = 500;
constexpr int kMaxBootstrap = 100000;

enum class DriverMethod {
    Auto,             // Shapley up to kMaxShapleyDrivers drivers, relative weights above
    Shapley,          // Shapley value / LMG: average gain in R² over all orders of entry
    RelativeWeights,  // Johnson (2000): R² of the orthogonal counterparts, mapped back
};
// "shapley" / "relweights" (and "auto"), as the CLI and the journey file spell them.
const char* driver_method_key(DriverMethod m);
// Parses a key back; returns false when unknown.
bool driver_method_from_key(const std::string& key, DriverMethod& out);

struct DriverOptions {
    DriverMethod method = DriverMethod::Auto;
    bool listwise = false;  // complete cases only (default: pairwise-complete correlations)
    int bootstrap = 0;      // replicates for the 95% intervals; 0: none (columns API only)
    uint64_t seed = 1;      // the bootstrap's seed: same seed, same data -> same intervals everywhere
};

// One pair's sufficient statistics over the rows where both variables are present (and the
// outcome, see above): n rows, and weighted sums (w = 1 without weights).
struct PairStats {
    double n = 0;    // rows (unweighted count)
    double sw = 0;   // Σw
    double sx = 0;   // Σw·x   (x: the pair's first variable, the lower index)
    double sy = 0;   // Σw·y   (y: the pair's second variable)
    double sxx = 0;  // Σw·x²
    double syy = 0;  // Σw·y²
    double sxy = 0;  // Σw·x·y
};

// Pairwise sums over variables 0..vars-1, where variable 0 is the OUTCOME and 1..k the drivers,
// in the order the names are given to drivers_from_sums. Accumulate in one pass with add_row, or
// fill `pairs` from elsewhere (SQL): at(i, j) for i <= j; the diagonal at(i, i) holds the
// variable's own sums (x = y). Raw sums lose precision only when a variable's mean is huge next
// to its spread (not the case for rating scales; a caller with such data subtracts a constant).
struct PairwiseSums {
    int vars = 0;
    bool listwise = false;        // add_row keeps only rows where every variable is present
    std::vector<PairStats> pairs; // upper triangle incl. diagonal, row-major: vars*(vars+1)/2
    double rows = 0;              // rows added (outcome present, weight valid)
    double complete = 0;          // of those, rows where every variable is present (rwa's n)
    double skippedNoOutcome = 0;  // rows dropped for a missing outcome
    double skippedWeight = 0;     // rows dropped for a weight that is not finite or is negative

    PairwiseSums() = default;
    PairwiseSums(int vars, bool listwise);
    PairStats& at(int i, int j);
    const PairStats& at(int i, int j) const;
    // One respondent: values[0..vars-1], NaN where not answered (the outcome first).
    void add_row(const double* values, double weight = 1.0);
};

// The result for one driver.
struct DriverResult {
    std::string column;                // the driver's name as given
    double r = 0;                      // Pearson r with the outcome (pairwise or listwise)
    double importance = 0;             // its part of R² (Shapley value or raw relative weight)
    double share = 0;                  // 100 × importance / R² (shares sum to 100)
    double beta = 0;                   // full-model standardized regression coefficient
    int sign = 0;                      // sign of beta: -1, 0, +1 (a negative driver is shown so)
    std::optional<double> low, high;   // bootstrap percentile 95% interval of `importance`
    double n = 0;                      // rows with both this driver and the outcome
};

struct DriverAnalysis {
    std::string outcome;
    DriverMethod method = DriverMethod::Auto;  // the method used (never Auto in a result)
    double n = 0;        // complete cases: rows with the outcome and every driver (as rwa's n)
    double r2 = 0;       // R² of the full model
    std::vector<DriverResult> drivers;  // in the order given
    int bootstrap = 0;        // replicates asked for
    int bootstrapFailed = 0;  // replicates whose resample could not be analysed (a constant
                              // column, a singular matrix): left out of the intervals
    uint64_t seed = 0;
    // Empty when the analysis succeeded. Otherwise a sentence saying what is wrong ("driver `x`
    // has no variance", "the pairwise correlation matrix is not positive semidefinite ...") and
    // the numeric fields are not meaningful.
    std::string error;
    bool ok() const { return error.empty(); }
};

// Columns in memory: one value per row, NaN for missing; `weights` empty or one per row.
struct DriverColumns {
    std::string outcomeName;
    std::vector<double> outcome;
    std::vector<std::string> driverNames;
    std::vector<std::vector<double>> drivers;  // drivers[j][row]
    std::vector<double> weights;               // empty: every row weighs 1
};

DriverAnalysis drivers_from_columns(const DriverColumns& data, const DriverOptions& options);

// Pairwise sums (variable 0 the outcome). options.bootstrap must be 0 (there are no rows);
// options.listwise is taken from sums.listwise.
DriverAnalysis drivers_from_sums(const PairwiseSums& sums, const std::string& outcomeName,
                                 const std::vector<std::string>& driverNames,
                                 const DriverOptions& options);

// A correlation matrix over variables 0..k, row-major (k+1)², symmetric with a unit diagonal;
// `outcomeIndex` names the outcome's row, the others are the drivers in order. `n` is reported
// (each driver's n too). No bootstrap.
DriverAnalysis drivers_from_correlation(const std::vector<double>& matrix,
                                        const std::vector<std::string>& names, int outcomeIndex,
                                        double n, const DriverOptions& options);

// The results as JSON text: {outcome, method, n, r2, drivers: [{column, r, importance, share,
// sign, low, high, n}]} (low/high only with a bootstrap); `uxcx drivers` prints this.
std::string drivers_json(const DriverAnalysis& a);

// The results as a journey file's `drivers` block: driver j becomes touchpoint touchpointIds[j]
// (same order as a.drivers). Used by `uxcx survey` to store results without raw answers.
DriversBlock drivers_block(const DriverAnalysis& a, const std::vector<std::string>& touchpointIds);

}  // namespace uxcx
