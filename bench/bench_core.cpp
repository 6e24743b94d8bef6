// bench_core.cpp: native load (parse + validate) and analysis times on generated journeys of 1k,
// 10k and 100k touchpoints; 7 runs each, median/min/max, printed as the Markdown table of README.md.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <vector>

#include "gen_journey.h"
#include "core/analysis.h"
#include "core/load.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

struct Stat {
    double median, min, max;
};
Stat stat_of(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v.front(), v.back()};
}

}  // namespace

int main(int argc, char** argv) {
    const int kRuns = 7;
    std::vector<int> sizes = {1000, 10000, 100000};
    if (argc > 1) sizes = {std::atoi(argv[1])};
    std::printf("| touchpoints | JSON MB | load ms median (min-max) | load MB/s | analyse ms median (min-max) | total ms |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|\n");
    int failures = 0;
    for (int n : sizes) {
        uxcx::Journey j = uxcx::bench::generate_journey(n, 8, 1);
        std::string text = uxcx::bench::minify_json(uxcx::save_journey_json(j));
        std::vector<double> load, analyse;
        for (int run = 0; run < kRuns; run++) {
            auto t0 = Clock::now();
            uxcx::LoadResult r = uxcx::load_journey(text);
            load.push_back(ms_since(t0));
            if (!r.ok || (int)r.journey.touchpoints.size() != n) {
                std::fprintf(stderr, "bench_core: generated journey of %d did not load (%zu diagnostics%s%s)\n", n,
                             r.diagnostics.size(), r.diagnostics.empty() ? "" : ": ",
                             r.diagnostics.empty() ? "" : r.diagnostics[0].message.c_str());
                failures++;
                break;
            }
            auto t1 = Clock::now();
            uxcx::Analysis a = uxcx::analyse(r.journey);
            analyse.push_back(ms_since(t1));
            if (a.touchpoints.size() != (size_t)n) failures++;
        }
        if (analyse.size() != (size_t)kRuns) continue;
        Stat l = stat_of(load), a = stat_of(analyse);
        double mb = text.size() / 1e6;
        std::printf("| %d | %.1f | %.1f (%.1f-%.1f) | %.0f | %.1f (%.1f-%.1f) | %.1f |\n", n, mb, l.median, l.min, l.max,
                    mb / (l.median / 1000), a.median, a.min, a.max, l.median + a.median);
    }
    return failures ? 1 : 0;
}
