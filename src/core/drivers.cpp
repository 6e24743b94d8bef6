// drivers.cpp: key-driver analysis (drivers.h). Everything goes through one correlation matrix:
//   rows -> PairwiseSums -> correlation matrix -> R², betas, importances (Shapley or relative
//   weights) -> result; the bootstrap repeats that chain on resampled rows.
// Index: [sums] [correlation] [Shapley] [relative weights] [analysis] [bootstrap] [API]
#include "core/drivers.h"

#include "core/pcg32.h"

// Only the modules used (LDLT, triangular solves, the self-adjoint eigen solver): Eigen is the
// heaviest header set in the build.
#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

namespace uxcx {

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

// ---- [correlation] ---------------------------------------------------------------------------
// Names of the variables in PairwiseSums order: the outcome, then the drivers.
struct Names {
    const std::string& outcome;
    const std::vector<std::string>& drivers;
    const std::string& operator[](int i) const { return i == 0 ? outcome : drivers[i - 1]; }
};

// Weighted Pearson r of one pair from its sums. The weights' scale cancels (frequency or
// probability weights give the same r). NaN when either variance is zero (or no rows).
double pair_r(const PairStats& p) {
    if (p.sw <= 0) return std::numeric_limits<double>::quiet_NaN();
    double cxy = p.sxy - p.sx * p.sy / p.sw;
    double cxx = p.sxx - p.sx * p.sx / p.sw;
    double cyy = p.syy - p.sy * p.sy / p.sw;
    // Relative to the sums of squares, a variance this small is rounding noise of a constant.
    double tol = 1e-12;
    if (cxx <= tol * std::max(1.0, p.sxx) || cyy <= tol * std::max(1.0, p.syy))
        return std::numeric_limits<double>::quiet_NaN();
    return std::clamp(cxy / std::sqrt(cxx * cyy), -1.0, 1.0);
}

// The correlation matrix, or false with a sentence naming the variables at fault.
bool correlation_from_sums(const PairwiseSums& s, const Names& names, MatrixXd& R, std::string& error) {
    int v = s.vars;
    R = MatrixXd::Identity(v, v);
    for (int i = 0; i < v; i++) {
        const PairStats& d = s.at(i, i);
        if (!std::isfinite(d.sxx) || !std::isfinite(d.sw)) {
            error = "`" + names[i] + "` has answers (or weights) too large to square and sum: rescale them";
            return false;
        }
        if (d.n < 2) {
            error = "`" + names[i] + "` has " + std::to_string((long long)d.n) +
                    " answer(s) where the outcome is answered; at least 2 are needed";
            return false;
        }
        if (std::isnan(pair_r(d))) {
            error = "`" + names[i] + "` has no variance: every answer is the same";
            return false;
        }
    }
    for (int i = 0; i < v; i++)
        for (int j = i + 1; j < v; j++) {
            const PairStats& p = s.at(i, j);
            double r = p.n >= 2 ? pair_r(p) : std::numeric_limits<double>::quiet_NaN();
            if (std::isnan(r)) {
                error = "`" + names[i] + "` and `" + names[j] + "` have " +
                        (p.n < 2 ? "fewer than 2 answers in common"
                                 : "no variance where both are answered") +
                        ": their correlation is undefined";
                return false;
            }
            R(i, j) = R(j, i) = r;
        }
    return true;
}

// ---- [Shapley] -------------------------------------------------------------------------------
// Shapley value of R² (= LMG): phi_j = Σ_{S ∌ j} |S|!(k-|S|-1)!/k! · (R²(S ∪ j) - R²(S)).
// Regrouped per subset, each R²(S) enters every phi once: +w(|S|-1) for j in S, -w(|S|) for j
// not in S, so no table of 2^k values is kept. Subsets are visited depth-first, adding drivers in
// increasing index order, and the Cholesky factor of the current subset's correlation matrix is
// extended by one row per step: the new row l solves L l = R[S, j] (Eigen's triangular solve),
// d = sqrt(1 - l·l), and with z the solution of L z = r_S, R²(S ∪ j) = R²(S) + ((r_j - l·z)/d)².
// That is O(|S|²) per subset instead of a fresh O(|S|³) factorisation: 15 drivers in ~1 ms.
struct ShapleyWalk {
    const MatrixXd& Rxx;
    const VectorXd& rxy;
    int k;
    std::vector<double> weight;  // weight[s] = s!(k-s-1)!/k!
    MatrixXd L;                  // rows 0..depth-1: Cholesky factor of the current subset
    MatrixXd work;               // column d: the new row of L being solved at depth d
    VectorXd z;                  // z[0..depth-1]: L z = r_S
    std::vector<int> members;    // the current subset's drivers, increasing
    VectorXd phi;

    ShapleyWalk(const MatrixXd& Rxx_, const VectorXd& rxy_) : Rxx(Rxx_), rxy(rxy_), k((int)rxy_.size()) {
        weight.resize(k);
        // w(s) = 1 / (k · C(k-1, s)), built without factorials (they overflow past 20).
        for (int s = 0; s < k; s++) {
            double c = 1;  // C(k-1, s)
            for (int i = 1; i <= s; i++) c = c * (k - 1 - s + i) / i;
            weight[s] = 1.0 / (k * c);
        }
        L = MatrixXd::Zero(k, k);
        work = MatrixXd::Zero(k, k);
        z = VectorXd::Zero(k);
        phi = VectorXd::Zero(k);
        members.reserve(k);
    }

    void visit(double r2) {
        int s = (int)members.size();
        // Every j: in S gains w(s-1)·R²(S); not in S loses w(s)·R²(S). Empty set: R² = 0.
        if (s == 0) return;
        double in = weight[s - 1] * r2, out = s < k ? weight[s] * r2 : 0;
        size_t m = 0;
        for (int j = 0; j < k; j++) {
            if (m < members.size() && members[m] == j) {
                phi[j] += in;
                m++;
            } else {
                phi[j] -= out;
            }
        }
    }

    void walk(int first, double r2) {
        int depth = (int)members.size();
        for (int j = first; j < k; j++) {
            // l = L⁻¹ R[S, j], solved in place in this depth's column of the workspace (no
            // allocation per subset: 2^k of them).
            auto l = work.col(depth).head(depth);
            for (int a = 0; a < depth; a++) l[a] = Rxx(members[a], j);
            if (depth) L.topLeftCorner(depth, depth).triangularView<Eigen::Lower>().solveInPlace(l);
            double d2 = 1.0 - l.squaredNorm();
            double d = std::sqrt(std::max(d2, 1e-300));  // > 0: Rxx was checked positive definite
            double zj = (rxy[j] - l.dot(z.head(depth))) / d;
            L.row(depth).head(depth) = l.transpose();
            L(depth, depth) = d;
            z[depth] = zj;
            members.push_back(j);
            double r2j = r2 + zj * zj;
            visit(r2j);
            walk(j + 1, r2j);
            members.pop_back();
        }
    }
};

VectorXd shapley(const MatrixXd& Rxx, const VectorXd& rxy) {
    ShapleyWalk w(Rxx, rxy);
    w.walk(0, 0.0);
    return w.phi;
}

// ---- [relative weights] ----------------------------------------------------------------------
// Johnson (2000): Rxx = Q Λ Q'; Λ½ = Q diag(√λ) Q' relates the drivers to their closest
// orthogonal counterparts Z; β* = Λ½⁻¹ r_xy regresses the outcome on Z; the raw weight of driver
// j is Σ_m (Λ½)²_jm β*²_m. The weights sum to R² = β*'β*.
VectorXd relative_weights(const MatrixXd& Rxx, const VectorXd& rxy) {
    Eigen::SelfAdjointEigenSolver<MatrixXd> es(Rxx);
    VectorXd sqrtLambda = es.eigenvalues().cwiseMax(0.0).cwiseSqrt();
    MatrixXd half = es.eigenvectors() * sqrtLambda.asDiagonal() * es.eigenvectors().transpose();
    VectorXd betaStar = half.ldlt().solve(rxy);
    return half.cwiseAbs2() * betaStar.cwiseAbs2();
}

// ---- [analysis] ------------------------------------------------------------------------------
struct Core {
    double r2 = 0;
    VectorXd importance, beta, r;
};

// From the full correlation matrix (variable 0 the outcome) to R², betas and importances.
// `fromAnswers`: the matrix was computed here from pairwise answers, so the advice for an
// inconsistent matrix is --listwise; a matrix given as such gets a plain statement.
bool analyse_matrix(const MatrixXd& R, DriverMethod method, bool fromAnswers, Core& out, std::string& error) {
    const char* why = fromAnswers ? "pairwise-complete correlations from answers with different gaps contradict "
                                    "each other; use complete cases (--listwise) or fewer drivers"
                                  : "these correlations cannot all hold at once (no data has them)";
    int k = (int)R.rows() - 1;
    MatrixXd Rxx = R.bottomRightCorner(k, k);
    VectorXd rxy = R.col(0).tail(k);
    // A pairwise matrix can be indefinite (each r from different rows); then "R²" can exceed 1
    // and the decompositions are meaningless: refuse, and say what to do.
    Eigen::SelfAdjointEigenSolver<MatrixXd> full(R, Eigen::EigenvaluesOnly);
    double minFull = full.eigenvalues().minCoeff();
    if (minFull < -1e-10) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.3g", minFull);
        error = std::string("the correlation matrix is not positive semidefinite (smallest eigenvalue ") + buf +
                "), so R² would exceed 1: " + why;
        return false;
    }
    Eigen::SelfAdjointEigenSolver<MatrixXd> xx(Rxx, Eigen::EigenvaluesOnly);
    double minXx = xx.eigenvalues().minCoeff();
    if (minXx < 1e-10) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.3g", minXx);
        // Exactly singular: a driver repeats others. Clearly negative: only pairwise-complete
        // correlations (each from different respondents) can contradict each other like that.
        error = minXx > -1e-10
                    ? std::string("the drivers are collinear (smallest eigenvalue of their correlation matrix ") + buf +
                          "): some driver is a linear combination of others; leave one of them out"
                    : std::string("the drivers' correlation matrix is not positive definite (smallest eigenvalue ") +
                          buf + "): " + why;
        return false;
    }
    Eigen::LDLT<MatrixXd> ldlt(Rxx);
    out.beta = ldlt.solve(rxy);
    out.r2 = rxy.dot(out.beta);
    out.r = rxy;
    out.importance = method == DriverMethod::Shapley ? shapley(Rxx, rxy) : relative_weights(Rxx, rxy);
    return true;
}

DriverMethod resolve(DriverMethod m, int k) {
    if (m != DriverMethod::Auto) return m;
    return k <= kMaxShapleyDrivers ? DriverMethod::Shapley : DriverMethod::RelativeWeights;
}

// Checks common to every way in; false with `a.error` set.
bool check_shape(DriverAnalysis& a, int k, const DriverOptions& o) {
    a.method = resolve(o.method, k);
    a.seed = o.seed;
    a.bootstrap = o.bootstrap;
    if (k < 1) {
        a.error = "no drivers: name at least one";
        return false;
    }
    if (k > kMaxDrivers) {
        a.error = std::to_string(k) + " drivers: at most " + std::to_string(kMaxDrivers) + " are analysed";
        return false;
    }
    if (a.method == DriverMethod::Shapley && k > kMaxShapleyDriversForced) {
        a.error = "exact Shapley needs 2^k subsets: at most " + std::to_string(kMaxShapleyDriversForced) +
                  " drivers (" + std::to_string(k) + " given); use relative weights";
        return false;
    }
    if (o.bootstrap < 0 || o.bootstrap > kMaxBootstrap) {
        a.error = "bootstrap replicates must be between 0 and " + std::to_string(kMaxBootstrap);
        return false;
    }
    return true;
}

void fill(DriverAnalysis& a, const Core& c, const std::vector<std::string>& names) {
    a.r2 = c.r2;
    a.drivers.resize(names.size());
    for (size_t j = 0; j < names.size(); j++) {
        DriverResult& d = a.drivers[j];
        d.column = names[j];
        d.r = c.r[j];
        d.importance = c.importance[j];
        d.share = c.r2 > 0 ? 100.0 * c.importance[j] / c.r2 : 0;
        d.beta = c.beta[j];
        d.sign = c.beta[j] > 0 ? 1 : c.beta[j] < 0 ? -1 : 0;
    }
}

// R's default quantile (type 7) of sorted values.
double quantile7(const std::vector<double>& sorted, double p) {
    double h = (sorted.size() - 1) * p;
    size_t lo = (size_t)std::floor(h);
    size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

bool valid_weight(double w) { return std::isfinite(w) && w >= 0; }

}  // namespace

// ---- [sums] ----------------------------------------------------------------------------------
PairwiseSums::PairwiseSums(int vars_, bool listwise_)
    : vars(vars_), listwise(listwise_), pairs((size_t)vars_ * (vars_ + 1) / 2) {}

PairStats& PairwiseSums::at(int i, int j) {
    if (i > j) std::swap(i, j);
    // Row i of the upper triangle starts after rows 0..i-1, of vars, vars-1, ... entries.
    return pairs[(size_t)i * (2 * (size_t)vars - i + 1) / 2 + (j - i)];
}
const PairStats& PairwiseSums::at(int i, int j) const {
    return const_cast<PairwiseSums*>(this)->at(i, j);
}

void PairwiseSums::add_row(const double* v, double w) {
    if (!valid_weight(w)) {
        skippedWeight++;
        return;
    }
    if (std::isnan(v[0])) {
        skippedNoOutcome++;
        return;
    }
    bool all = true;
    for (int i = 0; i < vars; i++) all = all && !std::isnan(v[i]);
    if (listwise && !all) return;
    rows++;
    if (all) complete++;
    PairStats* p = pairs.data();
    for (int i = 0; i < vars; i++) {
        double x = v[i];
        if (std::isnan(x)) {
            p += vars - i;
            continue;
        }
        double wx = w * x;
        for (int j = i; j < vars; j++, p++) {
            double y = v[j];
            if (std::isnan(y)) continue;
            p->n += 1;
            p->sw += w;
            p->sx += wx;
            p->sy += w * y;
            p->sxx += wx * x;
            p->syy += w * y * y;
            p->sxy += wx * y;
        }
    }
}

// ---- [API] -----------------------------------------------------------------------------------
const char* driver_method_key(DriverMethod m) {
    switch (m) {
        case DriverMethod::Shapley: return "shapley";
        case DriverMethod::RelativeWeights: return "relweights";
        default: return "auto";
    }
}

bool driver_method_from_key(const std::string& key, DriverMethod& out) {
    if (key == "shapley") out = DriverMethod::Shapley;
    else if (key == "relweights") out = DriverMethod::RelativeWeights;
    else if (key == "auto") out = DriverMethod::Auto;
    else return false;
    return true;
}

DriverAnalysis drivers_from_sums(const PairwiseSums& sums, const std::string& outcomeName,
                                 const std::vector<std::string>& driverNames, const DriverOptions& options) {
    DriverAnalysis a;
    a.outcome = outcomeName;
    int k = (int)driverNames.size();
    if (!check_shape(a, k, options)) return a;
    a.bootstrap = 0;  // no rows here; the caller asked through the wrong door if it wanted one
    if (options.bootstrap > 0) {
        a.error = "a bootstrap needs the rows: use drivers_from_columns";
        return a;
    }
    if (sums.vars != k + 1) {
        a.error = "the sums cover " + std::to_string(sums.vars) + " variables, the outcome and " +
                  std::to_string(k) + " drivers are " + std::to_string(k + 1);
        return a;
    }
    a.n = sums.complete;
    MatrixXd R;
    Names names{outcomeName, driverNames};
    if (!correlation_from_sums(sums, names, R, a.error)) return a;
    Core c;
    if (!analyse_matrix(R, a.method, !sums.listwise, c, a.error)) return a;
    fill(a, c, driverNames);
    for (int j = 0; j < k; j++) a.drivers[j].n = sums.at(0, j + 1).n;
    return a;
}

DriverAnalysis drivers_from_correlation(const std::vector<double>& matrix, const std::vector<std::string>& names,
                                        int outcomeIndex, double n, const DriverOptions& options) {
    DriverAnalysis a;
    int v = (int)names.size();
    if (outcomeIndex < 0 || outcomeIndex >= v) {
        a.error = "the outcome is not one of the matrix's variables";
        return a;
    }
    a.outcome = names[outcomeIndex];
    std::vector<std::string> driverNames;
    for (int i = 0; i < v; i++)
        if (i != outcomeIndex) driverNames.push_back(names[i]);
    int k = v - 1;
    if (!check_shape(a, k, options)) return a;
    a.bootstrap = 0;
    if (options.bootstrap > 0) {
        a.error = "a bootstrap needs the rows, not a correlation matrix";
        return a;
    }
    if ((int)matrix.size() != v * v) {
        a.error = "the matrix has " + std::to_string(matrix.size()) + " cells; " + std::to_string(v) +
                  " variables need " + std::to_string(v * v);
        return a;
    }
    if (!(std::isfinite(n) && n >= 0)) {
        a.error = "n must be a finite number of cases, 0 or more";
        return a;
    }
    // Reorder so that the outcome comes first, checking the matrix on the way.
    std::vector<int> order{outcomeIndex};
    for (int i = 0; i < v; i++)
        if (i != outcomeIndex) order.push_back(i);
    MatrixXd R(v, v);
    for (int i = 0; i < v; i++)
        for (int j = 0; j < v; j++) {
            double x = matrix[(size_t)order[i] * v + order[j]], t = matrix[(size_t)order[j] * v + order[i]];
            const std::string where = "row `" + names[order[i]] + "`, column `" + names[order[j]] + "`";
            if (!std::isfinite(x) || x < -1 - 1e-9 || x > 1 + 1e-9) {
                a.error = where + ": a correlation must be a number from -1 to 1";
                return a;
            }
            if (i == j && std::fabs(x - 1) > 1e-6) {
                a.error = where + ": the diagonal of a correlation matrix is 1";
                return a;
            }
            if (std::fabs(x - t) > 1e-6) {
                a.error = where + ": the matrix is not symmetric (the mirrored cell differs)";
                return a;
            }
            R(i, j) = x;
        }
    R = (R + R.transpose()) / 2;  // exact symmetry for the solvers
    a.n = n;
    Core c;
    if (!analyse_matrix(R, a.method, false, c, a.error)) return a;
    fill(a, c, driverNames);
    for (auto& d : a.drivers) d.n = n;
    return a;
}

DriverAnalysis drivers_from_columns(const DriverColumns& data, const DriverOptions& options) {
    DriverAnalysis a;
    a.outcome = data.outcomeName;
    int k = (int)data.drivers.size();
    if (!check_shape(a, k, options)) return a;
    size_t rows = data.outcome.size();
    if ((int)data.driverNames.size() != k) {
        a.error = "drivers and their names differ in number";
        return a;
    }
    for (int j = 0; j < k; j++)
        if (data.drivers[j].size() != rows) {
            a.error = "driver `" + data.driverNames[j] + "` has " + std::to_string(data.drivers[j].size()) +
                      " rows, the outcome " + std::to_string(rows);
            return a;
        }
    if (!data.weights.empty() && data.weights.size() != rows) {
        a.error = "the weights have " + std::to_string(data.weights.size()) + " rows, the outcome " +
                  std::to_string(rows);
        return a;
    }
    if (rows > 0xffffffffu) {
        a.error = "too many rows";
        return a;
    }

    // Rows that take part (outcome present, valid weight; all present when listwise), laid out
    // row-major so that a replicate's pass reads memory in order.
    PairwiseSums sums(k + 1, options.listwise);
    std::vector<double> kept, keptW;
    std::vector<double> row(k + 1);
    for (size_t i = 0; i < rows; i++) {
        row[0] = data.outcome[i];
        for (int j = 0; j < k; j++) row[j + 1] = data.drivers[j][i];
        double w = data.weights.empty() ? 1.0 : data.weights[i];
        double before = sums.rows;
        sums.add_row(row.data(), w);
        if (sums.rows > before) {
            kept.insert(kept.end(), row.begin(), row.end());
            keptW.push_back(w);
        }
    }
    DriverOptions noBoot = options;
    noBoot.bootstrap = 0;
    DriverAnalysis full = drivers_from_sums(sums, data.outcomeName, data.driverNames, noBoot);
    full.bootstrap = options.bootstrap;
    full.seed = options.seed;
    if (!full.ok() || options.bootstrap == 0) return full;

    // ---- [bootstrap] Tonidandel, LeBreton & Johnson (2009): resample the kept rows with
    // replacement (each keeps its weight), redo the whole analysis, take the 2.5th and 97.5th
    // percentiles of each driver's importance. A replicate that cannot be analysed (a driver
    // constant in the resample) is counted in bootstrapFailed and left out.
    const uint32_t m = (uint32_t)keptW.size();
    const int v = k + 1;
    Names names{data.outcomeName, data.driverNames};
    std::vector<std::vector<double>> samples(k);
    for (auto& s : samples) s.reserve(options.bootstrap);
    Pcg32 rng(options.seed);
    std::vector<uint32_t> times(m);
    for (int b = 0; b < options.bootstrap; b++) {
        std::fill(times.begin(), times.end(), 0u);
        for (uint32_t i = 0; i < m; i++) times[rng.below(m)]++;
        PairwiseSums rs(v, options.listwise);
        for (uint32_t i = 0; i < m; i++)
            if (times[i]) rs.add_row(&kept[(size_t)i * v], keptW[i] * times[i]);
        MatrixXd R;
        std::string err;
        Core c;
        if (!correlation_from_sums(rs, names, R, err) || !analyse_matrix(R, full.method, !options.listwise, c, err)) {
            full.bootstrapFailed++;
            continue;
        }
        for (int j = 0; j < k; j++) samples[j].push_back(c.importance[j]);
    }
    if (samples[0].size() >= 2) {
        for (int j = 0; j < k; j++) {
            std::sort(samples[j].begin(), samples[j].end());
            full.drivers[j].low = quantile7(samples[j], 0.025);
            full.drivers[j].high = quantile7(samples[j], 0.975);
        }
    }
    return full;
}

namespace {
// A count as a JSON integer (32, not 32.0); a weighted or fractional n stays a number.
nlohmann::ordered_json count(double n) {
    if (n == std::floor(n) && std::fabs(n) < 9007199254740992.0) return (long long)n;
    return n;
}
}  // namespace

std::string drivers_json(const DriverAnalysis& a) {
    nlohmann::ordered_json j;
    j["outcome"] = a.outcome;
    j["method"] = driver_method_key(a.method);
    if (!a.ok()) {
        j["error"] = a.error;
        return j.dump(2);
    }
    j["n"] = count(a.n);
    j["r2"] = a.r2;
    if (a.bootstrap > 0) {
        j["bootstrap"] = a.bootstrap;
        j["seed"] = a.seed;
        j["bootstrapFailed"] = a.bootstrapFailed;
    }
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const DriverResult& d : a.drivers) {
        nlohmann::ordered_json e;
        e["column"] = d.column;
        e["r"] = d.r;
        e["importance"] = d.importance;
        e["share"] = d.share;
        e["sign"] = d.sign;
        if (d.low) e["low"] = *d.low;
        if (d.high) e["high"] = *d.high;
        e["n"] = count(d.n);
        list.push_back(std::move(e));
    }
    j["drivers"] = std::move(list);
    return j.dump(2);
}

DriversBlock drivers_block(const DriverAnalysis& a, const std::vector<std::string>& touchpointIds) {
    DriversBlock b;
    b.outcome = a.outcome;
    b.method = driver_method_key(a.method);
    b.n = a.n;
    b.r2 = a.r2;
    for (size_t j = 0; j < a.drivers.size() && j < touchpointIds.size(); j++) {
        const DriverResult& d = a.drivers[j];
        TouchpointDriver t;
        t.touchpoint = touchpointIds[j];
        t.r = d.r;
        t.importance = d.importance;
        t.share = d.share;
        t.sign = d.sign;
        t.low = d.low;
        t.high = d.high;
        t.n = d.n;
        b.touchpoints.push_back(std::move(t));
    }
    return b;
}

}  // namespace uxcx
