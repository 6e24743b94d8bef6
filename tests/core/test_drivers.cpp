// test_drivers.cpp: key-driver analysis (core/drivers.h) against published outputs (R's `rwa` on
// mtcars, `iopsych::relWt`'s example matrix), against the definitions computed another way
// (Shapley over all orders of entry with least squares on the raw rows), and for the properties
// a user relies on: shares sum to 100, signs, seeded bootstrap, weights, pairwise vs listwise.
#include <doctest/doctest.h>

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/drivers.h"
#include "core/pcg32.h"

using namespace uxcx;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

// mtcars (R's datasets package; Henderson & Velleman 1981, from Motor Trend 1974): the 32 rows'
// mpg, cyl, disp, hp, gear, in R's row order. The same data as ../shared/data/drivers/mtcars.csv.
const double kMpg[32] = {21, 21, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4,
                         14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4};
const double kCyl[32] = {6, 6, 4, 6, 8, 6, 8, 4, 4, 6, 6, 8, 8, 8, 8, 8, 8, 4, 4, 4, 4, 8, 8, 8, 8, 4, 4, 4, 8, 6, 8, 4};
const double kDisp[32] = {160, 160, 108, 258, 360, 225, 360, 146.7, 140.8, 167.6, 167.6, 275.8, 275.8, 275.8, 472, 460,
                          440, 78.7, 75.7, 71.1, 120.1, 318, 304, 350, 400, 79, 120.3, 95.1, 351, 145, 301, 121};
const double kHp[32] = {110, 110, 93, 110, 175, 105, 245, 62, 95, 123, 123, 180, 180, 180, 205, 215,
                        230, 66, 52, 65, 97, 150, 150, 245, 175, 66, 91, 113, 264, 175, 335, 109};
const double kGear[32] = {4, 4, 4, 3, 3, 3, 3, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 4, 4, 4, 3, 3, 3, 3, 3, 4, 5, 5, 5, 5, 5, 4};

DriverColumns mtcars() {
    DriverColumns c;
    c.outcomeName = "mpg";
    c.outcome.assign(kMpg, kMpg + 32);
    c.driverNames = {"cyl", "disp", "hp", "gear"};
    c.drivers = {std::vector<double>(kCyl, kCyl + 32), std::vector<double>(kDisp, kDisp + 32),
                 std::vector<double>(kHp, kHp + 32), std::vector<double>(kGear, kGear + 32)};
    return c;
}

DriverOptions with(DriverMethod m) {
    DriverOptions o;
    o.method = m;
    return o;
}

// Independent route to R²: ordinary (weighted) least squares with an intercept on the raw rows,
// R² = 1 - SSE/SST, on the rows where everything used is present.
double r2_by_regression(const DriverColumns& c, const std::vector<int>& subset) {
    if (subset.empty()) return 0;
    std::vector<size_t> rows;
    for (size_t i = 0; i < c.outcome.size(); i++) {
        bool ok = !std::isnan(c.outcome[i]);
        for (int j : subset) ok = ok && !std::isnan(c.drivers[j][i]);
        if (ok) rows.push_back(i);
    }
    Eigen::MatrixXd X(rows.size(), subset.size() + 1);
    Eigen::VectorXd y(rows.size()), w(rows.size());
    for (size_t r = 0; r < rows.size(); r++) {
        X(r, 0) = 1;
        for (size_t a = 0; a < subset.size(); a++) X(r, a + 1) = c.drivers[subset[a]][rows[r]];
        y[r] = c.outcome[rows[r]];
        w[r] = c.weights.empty() ? 1.0 : c.weights[rows[r]];
    }
    Eigen::VectorXd sw = w.cwiseSqrt();
    Eigen::VectorXd b = (sw.asDiagonal() * X).colPivHouseholderQr().solve(sw.asDiagonal() * y);
    Eigen::VectorXd e = y - X * b;
    double mean = w.dot(y) / w.sum();
    double sst = (w.array() * (y.array() - mean).square()).sum();
    return 1 - (w.array() * e.array().square()).sum() / sst;
}

// Shapley by its definition: the average, over all k! orders of entry, of each driver's gain in
// R² when it enters.
std::vector<double> shapley_by_permutations(const DriverColumns& c) {
    int k = (int)c.drivers.size();
    std::vector<int> order(k);
    std::iota(order.begin(), order.end(), 0);
    std::vector<double> phi(k, 0);
    double orders = 0;
    do {
        std::vector<int> in;
        double before = 0;
        for (int j : order) {
            in.push_back(j);
            double after = r2_by_regression(c, in);
            phi[j] += after - before;
            before = after;
        }
        orders++;
    } while (std::next_permutation(order.begin(), order.end()));
    for (double& p : phi) p /= orders;
    return phi;
}

// Correlated random data: driver j = shared factor + noise, outcome = Σ coef_j·driver_j + noise.
DriverColumns correlated_data(int k, int rows, uint64_t seed, const std::vector<double>& coef) {
    Pcg32 rng(seed);
    auto u = [&] { return (rng.next() + 0.5) / 4294967296.0; };
    auto normal = [&] { return std::sqrt(-2 * std::log(u())) * std::cos(6.283185307179586 * u()); };
    DriverColumns c;
    c.outcomeName = "y";
    c.drivers.assign(k, std::vector<double>(rows));
    for (int j = 0; j < k; j++) c.driverNames.push_back("x" + std::to_string(j + 1));
    c.outcome.resize(rows);
    for (int i = 0; i < rows; i++) {
        double f = normal();
        double y = normal();
        for (int j = 0; j < k; j++) {
            c.drivers[j][i] = 0.6 * f + normal();
            y += coef[j] * c.drivers[j][i];
        }
        c.outcome[i] = y;
    }
    return c;
}

double sum_of(const DriverAnalysis& a, double DriverResult::*field) {
    double s = 0;
    for (auto& d : a.drivers) s += d.*field;
    return s;
}

}  // namespace

TEST_SUITE("drivers") {

TEST_CASE("PCG32 gives the reference generator's numbers (pcg32-demo, seed 42, stream 54)") {
    // pcg-c-basic's pcg32-demo prints these six for pcg32_srandom_r(&rng, 42u, 54u).
    Pcg32 rng(42, 54);
    const uint32_t expected[6] = {0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e};
    for (uint32_t e : expected) CHECK(rng.next() == e);
    Pcg32 b(7);
    for (int i = 0; i < 1000; i++) CHECK(b.below(10) < 10u);
}

TEST_CASE("mtcars relative weights reproduce rwa's README (mpg ~ cyl + disp + hp + gear)") {
    DriverAnalysis a = drivers_from_columns(mtcars(), with(DriverMethod::RelativeWeights));
    REQUIRE(a.ok());
    CHECK(a.method == DriverMethod::RelativeWeights);
    CHECK(a.n == 32);
    CHECK(a.r2 == doctest::Approx(0.7791896).epsilon(1e-7));
    const double raw[4] = {0.2284797, 0.2221469, 0.2321744, 0.0963886};
    const double rescaled[4] = {29.32274, 28.50999, 29.79691, 12.37037};
    for (int j = 0; j < 4; j++) {
        CHECK(a.drivers[j].importance == doctest::Approx(raw[j]).epsilon(1e-6));
        CHECK(a.drivers[j].share == doctest::Approx(rescaled[j]).epsilon(1e-6));
        CHECK(a.drivers[j].n == 32);
    }
    // The README's signs: cyl -, disp -, hp -, gear +.
    CHECK(a.drivers[0].sign == -1);
    CHECK(a.drivers[1].sign == -1);
    CHECK(a.drivers[2].sign == -1);
    CHECK(a.drivers[3].sign == 1);
    // r with the outcome: cor(mtcars$mpg, mtcars$cyl) = -0.852162, disp -0.8475514.
    CHECK(a.drivers[0].r == doctest::Approx(-0.852162).epsilon(1e-6));
    CHECK(a.drivers[1].r == doctest::Approx(-0.8475514).epsilon(1e-6));
}

TEST_CASE("mtcars Shapley equals the average gain in R² over all 24 orders of entry") {
    DriverColumns c = mtcars();
    DriverAnalysis a = drivers_from_columns(c, with(DriverMethod::Shapley));
    REQUIRE(a.ok());
    CHECK(a.method == DriverMethod::Shapley);
    CHECK(a.r2 == doctest::Approx(r2_by_regression(c, {0, 1, 2, 3})).epsilon(1e-10));
    std::vector<double> phi = shapley_by_permutations(c);
    for (int j = 0; j < 4; j++) CHECK(a.drivers[j].importance == doctest::Approx(phi[j]).epsilon(1e-9));
    CHECK(sum_of(a, &DriverResult::importance) == doctest::Approx(a.r2).epsilon(1e-12));
    CHECK(sum_of(a, &DriverResult::share) == doctest::Approx(100).epsilon(1e-12));
    // Auto picks Shapley at 4 drivers.
    CHECK(drivers_from_columns(c, DriverOptions{}).method == DriverMethod::Shapley);
}

TEST_CASE("iopsych::relWt's example matrix, from the matrix alone") {
    // Rows/columns x1..x4, y; y last.
    std::vector<double> m = {1.0, 0.2, 0.3, 0.4, -0.4,  //
                             0.2, 1.0, 0.5, 0.1, 0.1,   //
                             0.3, 0.5, 1.0, 0.2, -0.3,  //
                             0.4, 0.1, 0.2, 1.0, 0.4,   //
                             -0.4, 0.1, -0.3, 0.4, 1.0};
    DriverAnalysis a = drivers_from_correlation(m, {"x1", "x2", "x3", "x4", "y"}, 4, 100, with(DriverMethod::RelativeWeights));
    REQUIRE(a.ok());
    CHECK(a.outcome == "y");
    CHECK(a.r2 == doctest::Approx(0.6986045).epsilon(1e-7));
    const double raw[4] = {0.24066119, 0.05492664, 0.12143476, 0.28158189};
    for (int j = 0; j < 4; j++) CHECK(a.drivers[j].importance == doctest::Approx(raw[j]).epsilon(1e-7));
    CHECK(a.drivers[0].column == "x1");
    CHECK(a.drivers[0].sign == -1);  // x1 both correlates and enters negatively
    CHECK(a.n == 100);
    // Shapley from the same matrix sums to the same R², and ranks x4 first as well.
    DriverAnalysis s = drivers_from_correlation(m, {"x1", "x2", "x3", "x4", "y"}, 4, 100, with(DriverMethod::Shapley));
    REQUIRE(s.ok());
    CHECK(sum_of(s, &DriverResult::importance) == doctest::Approx(0.6986045).epsilon(1e-7));
    CHECK(std::max_element(s.drivers.begin(), s.drivers.end(), [](auto& x, auto& y) {
              return x.importance < y.importance;
          })->column == "x4");
}

TEST_CASE("Shapley equals relative weights for two drivers") {
    for (uint64_t seed : {1, 2, 3}) {
        DriverColumns c = correlated_data(2, 200, seed, {0.8, -0.3});
        DriverAnalysis s = drivers_from_columns(c, with(DriverMethod::Shapley));
        DriverAnalysis r = drivers_from_columns(c, with(DriverMethod::RelativeWeights));
        REQUIRE(s.ok());
        REQUIRE(r.ok());
        for (int j = 0; j < 2; j++) CHECK(s.drivers[j].importance == doctest::Approx(r.drivers[j].importance).epsilon(1e-12));
        // ... and not for three (the identity is special to two).
    }
    DriverColumns c3 = correlated_data(3, 200, 9, {0.8, -0.3, 0.5});
    DriverAnalysis s3 = drivers_from_columns(c3, with(DriverMethod::Shapley));
    DriverAnalysis r3 = drivers_from_columns(c3, with(DriverMethod::RelativeWeights));
    CHECK(std::fabs(s3.drivers[0].importance - r3.drivers[0].importance) > 1e-6);
}

TEST_CASE("Shapley over 10 drivers: importances sum to R², equal the direct subset formula") {
    DriverColumns c = correlated_data(10, 300, 5, {0.5, 0.4, 0.3, 0.2, 0.1, 0, -0.1, -0.2, 0.6, 0.05});
    DriverAnalysis a = drivers_from_columns(c, with(DriverMethod::Shapley));
    REQUIRE(a.ok());
    CHECK(sum_of(a, &DriverResult::importance) == doctest::Approx(a.r2).epsilon(1e-12));
    CHECK(sum_of(a, &DriverResult::share) == doctest::Approx(100).epsilon(1e-12));
    // The direct formula: phi_j = Σ_{S ∌ j} |S|!(k-|S|-1)!/k! (R²(S ∪ j) - R²(S)), each R² by
    // least squares on the rows (no correlation matrix, no incremental factorisation).
    const int k = 10;
    std::vector<double> r2(1 << k);
    for (int mask = 0; mask < (1 << k); mask++) {
        std::vector<int> s;
        for (int j = 0; j < k; j++)
            if (mask >> j & 1) s.push_back(j);
        r2[mask] = r2_by_regression(c, s);
    }
    std::vector<double> fact(k + 1, 1);
    for (int i = 1; i <= k; i++) fact[i] = fact[i - 1] * i;
    for (int j = 0; j < k; j++) {
        double phi = 0;
        for (int mask = 0; mask < (1 << k); mask++) {
            if (mask >> j & 1) continue;
            int s = __builtin_popcount(mask);
            phi += fact[s] * fact[k - s - 1] / fact[k] * (r2[mask | 1 << j] - r2[mask]);
        }
        CHECK(a.drivers[j].importance == doctest::Approx(phi).epsilon(1e-9));
    }
}

TEST_CASE("a driver with a negative coefficient is signed negative; its importance stays a part of R²") {
    DriverColumns c = correlated_data(3, 500, 11, {0.7, -0.6, 0.3});
    DriverAnalysis a = drivers_from_columns(c, DriverOptions{});
    REQUIRE(a.ok());
    CHECK(a.drivers[0].sign == 1);
    CHECK(a.drivers[1].sign == -1);
    CHECK(a.drivers[1].beta < 0);
    CHECK(a.drivers[1].importance > 0);
    CHECK(a.drivers[2].sign == 1);
}

TEST_CASE("above 15 drivers Auto uses relative weights; Shapley can still be asked for") {
    std::vector<double> coef(16, 0.2);
    DriverColumns c = correlated_data(16, 400, 3, coef);
    DriverAnalysis a = drivers_from_columns(c, DriverOptions{});
    REQUIRE(a.ok());
    CHECK(a.method == DriverMethod::RelativeWeights);
    CHECK(sum_of(a, &DriverResult::importance) == doctest::Approx(a.r2).epsilon(1e-10));
    DriverAnalysis s = drivers_from_columns(c, with(DriverMethod::Shapley));
    REQUIRE(s.ok());
    CHECK(s.method == DriverMethod::Shapley);
    CHECK(sum_of(s, &DriverResult::importance) == doctest::Approx(s.r2).epsilon(1e-10));
    std::vector<double> coef21(21, 0.2);
    DriverAnalysis refused = drivers_from_columns(correlated_data(21, 100, 3, coef21), with(DriverMethod::Shapley));
    CHECK_FALSE(refused.ok());
    CHECK(refused.error.find("at most 20") != std::string::npos);
}

TEST_CASE("bootstrap: same seed, same intervals; another seed, other intervals; they bracket the estimate") {
    DriverColumns c = mtcars();
    DriverOptions o;
    o.bootstrap = 200;
    o.seed = 2026;
    DriverAnalysis a = drivers_from_columns(c, o);
    DriverAnalysis b = drivers_from_columns(c, o);
    REQUIRE(a.ok());
    CHECK(a.bootstrap == 200);
    CHECK(a.bootstrapFailed == 0);
    o.seed = 2027;
    DriverAnalysis other = drivers_from_columns(c, o);
    bool differs = false;
    for (int j = 0; j < 4; j++) {
        REQUIRE(a.drivers[j].low.has_value());
        CHECK(*a.drivers[j].low == *b.drivers[j].low);  // bit for bit
        CHECK(*a.drivers[j].high == *b.drivers[j].high);
        CHECK(*a.drivers[j].low < a.drivers[j].importance);
        CHECK(*a.drivers[j].high > a.drivers[j].importance);
        differs = differs || *other.drivers[j].low != *a.drivers[j].low;
    }
    CHECK(differs);
    // No bootstrap asked: no interval.
    CHECK_FALSE(drivers_from_columns(c, DriverOptions{}).drivers[0].low.has_value());
    // The JSON carries them.
    std::string json = drivers_json(a);
    CHECK(json.find("\"low\"") != std::string::npos);
    CHECK(json.find("\"seed\": 2026") != std::string::npos);
}

TEST_CASE("bootstrap intervals narrow as the sample grows") {
    DriverOptions o;
    o.bootstrap = 100;
    DriverAnalysis small = drivers_from_columns(correlated_data(3, 100, 21, {0.5, 0.3, 0.2}), o);
    DriverAnalysis big = drivers_from_columns(correlated_data(3, 2000, 21, {0.5, 0.3, 0.2}), o);
    REQUIRE(small.ok());
    REQUIRE(big.ok());
    CHECK(*big.drivers[0].high - *big.drivers[0].low < (*small.drivers[0].high - *small.drivers[0].low) / 2);
}

TEST_CASE("weights: a whole-number weight counts as that many copies of the row") {
    DriverColumns c = mtcars();
    DriverColumns copies = mtcars();
    c.weights.assign(32, 1);
    for (int i = 0; i < 32; i++) {
        int w = i < 16 ? 1 : 4;  // the later cars count four times
        c.weights[i] = w;
        for (int extra = 1; extra < w; extra++) {
            copies.outcome.push_back(kMpg[i]);
            copies.drivers[0].push_back(kCyl[i]);
            copies.drivers[1].push_back(kDisp[i]);
            copies.drivers[2].push_back(kHp[i]);
            copies.drivers[3].push_back(kGear[i]);
        }
    }
    DriverAnalysis weighted = drivers_from_columns(c, DriverOptions{});
    DriverAnalysis copied = drivers_from_columns(copies, DriverOptions{});
    DriverAnalysis plain = drivers_from_columns(mtcars(), DriverOptions{});
    REQUIRE(weighted.ok());
    CHECK(weighted.r2 == doctest::Approx(copied.r2).epsilon(1e-12));
    for (int j = 0; j < 4; j++) {
        CHECK(weighted.drivers[j].r == doctest::Approx(copied.drivers[j].r).epsilon(1e-12));
        CHECK(weighted.drivers[j].importance == doctest::Approx(copied.drivers[j].importance).epsilon(1e-12));
    }
    CHECK(std::fabs(weighted.drivers[3].importance - plain.drivers[3].importance) > 1e-3);  // the weights did change something
    CHECK(weighted.n == 32);                           // n counts respondents, not weight
    // Weighted R² agrees with weighted least squares on the rows.
    CHECK(weighted.r2 == doctest::Approx(r2_by_regression(c, {0, 1, 2, 3})).epsilon(1e-10));
    // A negative or non-finite weight drops the row (counted), never poisons the sums.
    c.weights[0] = -1;
    c.weights[1] = NaN;
    DriverAnalysis skipped = drivers_from_columns(c, DriverOptions{});
    REQUIRE(skipped.ok());
    CHECK(skipped.n == 30);
}

TEST_CASE("pairwise (default) vs listwise: each r uses its pair's rows, or only complete rows") {
    DriverColumns c = correlated_data(3, 120, 17, {0.6, 0.4, -0.3});
    // Holes in different rows for different drivers; one row without the outcome.
    for (int i = 0; i < 120; i += 7) c.drivers[0][i] = NaN;
    for (int i = 3; i < 120; i += 5) c.drivers[1][i] = NaN;
    c.outcome[1] = NaN;
    DriverOptions listwise;
    listwise.listwise = true;
    DriverAnalysis p = drivers_from_columns(c, DriverOptions{});
    DriverAnalysis l = drivers_from_columns(c, listwise);
    REQUIRE(p.ok());
    REQUIRE(l.ok());
    // Pairwise: driver 3 has no holes, so its r uses 119 rows (all but the one without outcome).
    CHECK(p.drivers[2].n == 119);
    CHECK(p.drivers[0].n == 119 - 18 + (1 % 7 == 0));
    // Listwise: every n is the complete-case count, and the result equals the analysis of the
    // complete rows alone.
    DriverColumns complete;
    complete.outcomeName = "y";
    complete.driverNames = c.driverNames;
    complete.drivers.resize(3);
    for (int i = 0; i < 120; i++) {
        if (std::isnan(c.outcome[i]) || std::isnan(c.drivers[0][i]) || std::isnan(c.drivers[1][i])) continue;
        complete.outcome.push_back(c.outcome[i]);
        for (int j = 0; j < 3; j++) complete.drivers[j].push_back(c.drivers[j][i]);
    }
    DriverAnalysis only = drivers_from_columns(complete, DriverOptions{});
    CHECK(l.n == (double)complete.outcome.size());
    CHECK(p.n == l.n);  // rwa's n: complete cases, either way
    for (int j = 0; j < 3; j++) {
        CHECK(l.drivers[j].n == l.n);
        CHECK(l.drivers[j].r == doctest::Approx(only.drivers[j].r).epsilon(1e-12));
        CHECK(l.drivers[j].importance == doctest::Approx(only.drivers[j].importance).epsilon(1e-12));
    }
    // The complete driver's r differs between the two (pairwise saw more rows).
    CHECK(std::fabs(p.drivers[2].r - l.drivers[2].r) > 1e-6);
    // Pairwise r of driver 3 is the plain correlation over the 119 rows with an outcome.
    DriverColumns one;
    one.outcomeName = "y";
    one.driverNames = {"x3"};
    one.drivers.resize(1);
    for (int i = 0; i < 120; i++)
        if (!std::isnan(c.outcome[i])) {
            one.outcome.push_back(c.outcome[i]);
            one.drivers[0].push_back(c.drivers[2][i]);
        }
    CHECK(p.drivers[2].r == doctest::Approx(drivers_from_columns(one, DriverOptions{}).drivers[0].r).epsilon(1e-12));
}

TEST_CASE("one pass of pairwise sums gives the same analysis as the columns") {
    DriverColumns c = correlated_data(4, 300, 23, {0.3, 0.3, 0.2, -0.2});
    for (int i = 0; i < 300; i += 11) c.drivers[i % 4][i] = NaN;
    c.weights.resize(300);
    for (int i = 0; i < 300; i++) c.weights[i] = 0.5 + (i % 4) * 0.25;
    PairwiseSums sums(5, false);
    for (int i = 0; i < 300; i++) {
        double row[5] = {c.outcome[i], c.drivers[0][i], c.drivers[1][i], c.drivers[2][i], c.drivers[3][i]};
        sums.add_row(row, c.weights[i]);
    }
    DriverAnalysis a = drivers_from_sums(sums, "y", c.driverNames, DriverOptions{});
    DriverAnalysis b = drivers_from_columns(c, DriverOptions{});
    REQUIRE(a.ok());
    CHECK(a.r2 == doctest::Approx(b.r2).epsilon(1e-14));
    CHECK(a.n == b.n);
    for (int j = 0; j < 4; j++) CHECK(a.drivers[j].importance == doctest::Approx(b.drivers[j].importance).epsilon(1e-14));
    // No rows, no bootstrap: asking is an error, not a silent omission.
    DriverOptions boot;
    boot.bootstrap = 10;
    CHECK(drivers_from_sums(sums, "y", c.driverNames, boot).error.find("rows") != std::string::npos);
}

TEST_CASE("problems come back as sentences naming the variable, never as NaN results") {
    DriverColumns c = mtcars();
    c.drivers[3].assign(32, 4);  // gear constant
    DriverAnalysis constant = drivers_from_columns(c, DriverOptions{});
    CHECK_FALSE(constant.ok());
    CHECK(constant.error.find("`gear` has no variance") != std::string::npos);

    DriverColumns dup = mtcars();
    dup.drivers[3] = dup.drivers[0];  // gear := cyl
    for (double& x : dup.drivers[3]) x = 2 * x + 1;
    DriverAnalysis collinear = drivers_from_columns(dup, DriverOptions{});
    CHECK_FALSE(collinear.ok());
    CHECK(collinear.error.find("collinear") != std::string::npos);

    // Pairwise correlations from disjoint halves can contradict each other: a and b agree
    // perfectly on some rows, b and y on others, a and y disagree on yet others.
    DriverColumns bad;
    bad.outcomeName = "y";
    bad.driverNames = {"a", "b"};
    bad.drivers.resize(2);
    for (int i = 0; i < 30; i++) {
        double t = i % 10;
        int part = i / 10;
        bad.outcome.push_back(part == 0 ? NaN : t);
        bad.drivers[0].push_back(part == 1 ? NaN : t);
        bad.drivers[1].push_back(part == 2 ? NaN : (part == 0 ? t : -t));
    }
    // Rows without the outcome are dropped, so pairs a-b see no row: too few in common.
    DriverAnalysis sparse = drivers_from_columns(bad, DriverOptions{});
    CHECK_FALSE(sparse.ok());
    CHECK(sparse.error.find("`a` and `b`") != std::string::npos);

    std::vector<double> indefinite = {1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1};
    DriverAnalysis npsd = drivers_from_correlation(indefinite, {"y", "a", "b"}, 0, 50, DriverOptions{});
    CHECK_FALSE(npsd.ok());
    CHECK(npsd.error.find("not positive semidefinite") != std::string::npos);

    std::vector<double> asym = {1, 0.5, 0.4, 1};
    DriverAnalysis a2 = drivers_from_correlation(asym, {"y", "a"}, 0, 50, DriverOptions{});
    CHECK(a2.error.find("not symmetric") != std::string::npos);
    CHECK(drivers_from_columns(DriverColumns{}, DriverOptions{}).error.find("no drivers") != std::string::npos);
    CHECK(drivers_json(npsd).find("\"error\"") != std::string::npos);
}

TEST_CASE("drivers_block carries the results per touchpoint id") {
    DriverOptions o;
    o.bootstrap = 20;
    DriverAnalysis a = drivers_from_columns(mtcars(), o);
    DriversBlock b = drivers_block(a, {"t-cyl", "t-disp", "t-hp", "t-gear"});
    CHECK(b.outcome == "mpg");
    CHECK(b.method == "shapley");
    CHECK(b.r2 == a.r2);
    REQUIRE(b.touchpoints.size() == 4);
    CHECK(b.touchpoints[2].touchpoint == "t-hp");
    CHECK(b.touchpoints[2].importance == a.drivers[2].importance);
    CHECK(b.touchpoints[0].sign == -1);
    CHECK(b.touchpoints[3].low == a.drivers[3].low);
}

}  // TEST_SUITE

TEST_SUITE("drivers") {

TEST_CASE("randomized: for 1 to 8 drivers both methods split R² exactly, never below 0, and agree on R²") {
    for (int k = 1; k <= 8; k++)
        for (uint64_t seed = 1; seed <= 6; seed++) {
            std::vector<double> coef(k);
            Pcg32 rng(seed * 100 + k);
            for (double& c : coef) c = ((int)rng.below(200) - 100) / 100.0;
            DriverColumns c = correlated_data(k, 60 + (int)rng.below(200), seed, coef);
            // Holes and weights, as real answers have.
            c.weights.resize(c.outcome.size());
            for (size_t i = 0; i < c.outcome.size(); i++) {
                c.weights[i] = 0.5 + rng.below(100) / 50.0;
                if (rng.below(20) == 0) c.drivers[rng.below(k)][i] = NaN;
            }
            for (bool listwise : {false, true}) {
                DriverOptions o;
                o.listwise = listwise;
                o.method = DriverMethod::Shapley;
                DriverAnalysis s = drivers_from_columns(c, o);
                o.method = DriverMethod::RelativeWeights;
                DriverAnalysis r = drivers_from_columns(c, o);
                CAPTURE(k);
                CAPTURE(seed);
                CAPTURE(listwise);
                CAPTURE(s.error);
                REQUIRE(s.ok());
                REQUIRE(r.ok());
                CHECK(s.r2 == doctest::Approx(r.r2).epsilon(1e-12));
                CHECK(s.r2 >= 0);
                CHECK(s.r2 <= 1);
                CHECK(sum_of(s, &DriverResult::importance) == doctest::Approx(s.r2).epsilon(1e-10));
                CHECK(sum_of(r, &DriverResult::importance) == doctest::Approx(r.r2).epsilon(1e-10));
                for (int j = 0; j < k; j++) {
                    CHECK(s.drivers[j].importance >= -1e-15);
                    CHECK(r.drivers[j].importance >= -1e-15);
                }
                if (k == 1) CHECK(s.drivers[0].importance == doctest::Approx(s.drivers[0].r * s.drivers[0].r).epsilon(1e-12));
            }
        }
}

TEST_CASE("answers too large to square are refused by name, not turned into NaN") {
    DriverColumns c = mtcars();
    for (double& x : c.drivers[1]) x *= 1e160;
    DriverAnalysis a = drivers_from_columns(c, DriverOptions{});
    CHECK_FALSE(a.ok());
    CHECK(a.error.find("`disp` has answers (or weights) too large") != std::string::npos);
}

}  // TEST_SUITE

TEST_SUITE("drivers") {

TEST_CASE("pairwise correlations that contradict each other: refused with advice; listwise analyses") {
    // y and a agree on 40 respondents who skipped b; y and b agree on 40 who skipped a; the 12
    // who answered all three rate a and b in opposite directions. Pairwise: r(y,a) and r(y,b)
    // near 1 and r(a,b) near -1, which no set of respondents can have at once.
    DriverColumns c;
    c.outcomeName = "y";
    c.driverNames = {"a", "b"};
    c.drivers.resize(2);
    auto add = [&](double y, double a, double b) {
        c.outcome.push_back(y);
        c.drivers[0].push_back(a);
        c.drivers[1].push_back(b);
    };
    for (int i = 0; i < 40; i++) add(i % 5 + 1, i % 5 + 1 + (i % 3 == 0 ? 0.5 : 0), NaN);
    for (int i = 0; i < 40; i++) add(i % 5 + 1, NaN, i % 5 + 1 + (i % 4 == 0 ? 0.5 : 0));
    for (int i = 0; i < 12; i++) add(3 + (i % 2), i % 5 + 1, 6 - (i % 5) - (i % 3 == 0 ? 0.4 : 0));
    DriverAnalysis p = drivers_from_columns(c, DriverOptions{});
    CHECK_FALSE(p.ok());
    CHECK(p.error.find("pairwise-complete correlations") != std::string::npos);
    CHECK(p.error.find("--listwise") != std::string::npos);
    DriverOptions l;
    l.listwise = true;
    DriverAnalysis ok = drivers_from_columns(c, l);
    CHECK(ok.ok());
    CHECK(ok.n == 12);
}

}  // TEST_SUITE
