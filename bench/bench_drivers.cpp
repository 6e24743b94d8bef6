// bench_drivers.cpp: key-driver analysis times, native: exact Shapley at 10 and 15 drivers (and 20,
// the most it allows), relative weights at 15 and 100, from a correlation matrix (the analysis
// alone); then from 26,000 rows of answers (the airline survey's size) with pairwise sums, and
// with a 200-replicate bootstrap. Wall and CPU ms, median (min-max) of 7 runs (3 for the slow
// ones), printed as the Markdown table of bench/README.md.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "core/drivers.h"
#include "core/pcg32.h"

namespace {

struct Stamp {
    std::chrono::steady_clock::time_point wall;
    double cpu;  // ms
};
Stamp now() {
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return {std::chrono::steady_clock::now(), ts.tv_sec * 1e3 + ts.tv_nsec / 1e6};
}

// Survey-like answers: k drivers on a 1-5 scale sharing one factor, an outcome driven by them,
// about 5% of answers missing.
uxcx::DriverColumns survey(int k, int rows, uint64_t seed) {
    uxcx::Pcg32 rng(seed);
    auto u = [&] { return (rng.next() + 0.5) / 4294967296.0; };
    auto normal = [&] { return std::sqrt(-2 * std::log(u())) * std::cos(6.283185307179586 * u()); };
    auto scale = [](double z) { return std::clamp(std::round(3 + z), 1.0, 5.0); };
    uxcx::DriverColumns c;
    c.outcomeName = "overall";
    c.drivers.assign(k, std::vector<double>(rows));
    for (int j = 0; j < k; j++) c.driverNames.push_back("q" + std::to_string(j + 1));
    c.outcome.resize(rows);
    for (int i = 0; i < rows; i++) {
        double f = normal(), y = 0;
        for (int j = 0; j < k; j++) {
            double z = 0.7 * f + 0.7 * normal();
            y += (0.1 + 0.05 * (j % 5)) * z;
            c.drivers[j][i] = u() < 0.05 ? NAN : scale(z);
        }
        c.outcome[i] = scale(y / std::sqrt(k) * 2 + 0.6 * normal());
    }
    return c;
}

// The correlation matrix of the same kind of data (outcome first), from its pairwise sums.
std::vector<double> matrix_of(const uxcx::DriverColumns& c) {
    int v = (int)c.drivers.size() + 1;
    uxcx::PairwiseSums s(v, false);
    std::vector<double> row(v);
    for (size_t i = 0; i < c.outcome.size(); i++) {
        row[0] = c.outcome[i];
        for (int j = 1; j < v; j++) row[j] = c.drivers[j - 1][i];
        s.add_row(row.data());
    }
    std::vector<double> m(v * v);
    for (int a = 0; a < v; a++)
        for (int b = 0; b < v; b++) {
            const uxcx::PairStats& p = s.at(a, b);
            double cxy = p.sxy - p.sx * p.sy / p.sw, cxx = p.sxx - p.sx * p.sx / p.sw, cyy = p.syy - p.sy * p.sy / p.sw;
            m[a * v + b] = a == b ? 1 : cxy / std::sqrt(cxx * cyy);
        }
    return m;
}

void row(const char* what, int runs, const std::function<bool()>& f) {
    std::vector<double> wall, cpu;
    for (int r = 0; r < runs; r++) {
        Stamp a = now();
        if (!f()) {
            std::printf("| %s | failed |\n", what);
            return;
        }
        Stamp b = now();
        wall.push_back(std::chrono::duration<double, std::milli>(b.wall - a.wall).count());
        cpu.push_back(b.cpu - a.cpu);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("| %s | %.2f (%.2f-%.2f) | %.2f |\n", what, wall[wall.size() / 2], wall.front(), wall.back(),
                cpu[cpu.size() / 2]);
    std::fflush(stdout);
}

}  // namespace

int main() {
    using namespace uxcx;
    std::printf("| analysis | wall ms median (min-max) | CPU ms median |\n|---|---:|---:|\n");
    for (int k : {10, 15, 20}) {
        DriverColumns c = survey(k, 5000, 1);
        std::vector<double> m = matrix_of(c);
        std::vector<std::string> names{"overall"};
        for (auto& n : c.driverNames) names.push_back(n);
        DriverOptions o;
        o.method = DriverMethod::Shapley;
        std::string what = "Shapley, exact, " + std::to_string(k) + " drivers (2^" + std::to_string(k) + " subsets), from the matrix";
        row(what.c_str(), k == 20 ? 3 : 7, [&] { return drivers_from_correlation(m, names, 0, 5000, o).ok(); });
    }
    for (int k : {15, 100}) {
        DriverColumns c = survey(k, 5000, 2);
        std::vector<double> m = matrix_of(c);
        std::vector<std::string> names{"overall"};
        for (auto& n : c.driverNames) names.push_back(n);
        DriverOptions o;
        o.method = DriverMethod::RelativeWeights;
        std::string what = "relative weights, " + std::to_string(k) + " drivers, from the matrix";
        row(what.c_str(), 7, [&] { return drivers_from_correlation(m, names, 0, 5000, o).ok(); });
    }
    for (int k : {10, 15}) {
        DriverColumns c = survey(k, 26000, 3);
        DriverOptions o;
        std::string what = "Shapley, " + std::to_string(k) + " drivers, 26,000 rows (pairwise sums + analysis)";
        row(what.c_str(), 7, [&] { return drivers_from_columns(c, o).ok(); });
        o.bootstrap = 200;
        what = "the same + bootstrap, 200 replicates";
        row(what.c_str(), 3, [&] { return drivers_from_columns(c, o).ok(); });
    }
    return 0;
}
