// bench_core.cpp: native load (parse + validate) and analysis times on generated journeys of 1k,
// 10k and 100k touchpoints; 7 runs each, median/min/max, printed as the Markdown table of README.md.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <ctime>
#include <vector>

#include "gen_journey.h"
#include "core/analysis.h"
#include "core/load.h"

namespace {

// Wall time and this process's CPU time: the machine is shared, and CPU time shows what the code
// costs when other jobs take the cores away.
struct Stamp {
    std::chrono::steady_clock::time_point wall;
    double cpu;  // ms
};
Stamp now() {
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return {std::chrono::steady_clock::now(), ts.tv_sec * 1e3 + ts.tv_nsec / 1e6};
}
double wall_ms(const Stamp& a, const Stamp& b) { return std::chrono::duration<double, std::milli>(b.wall - a.wall).count(); }
double cpu_ms(const Stamp& a, const Stamp& b) { return b.cpu - a.cpu; }

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
    std::printf("| touchpoints | JSON MB | load ms median (min-max) | load CPU ms | load MB/s | analyse ms median (min-max) | analyse CPU ms | total ms |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    int failures = 0;
    for (int n : sizes) {
        uxcx::Journey j = uxcx::bench::generate_journey(n, 8, 1);
        std::string text = uxcx::bench::minify_json(uxcx::save_journey_json(j));
        std::vector<double> load, loadCpu, analyse, analyseCpu;
        for (int run = 0; run < kRuns; run++) {
            Stamp t0 = now();
            uxcx::LoadResult r = uxcx::load_journey(text);
            Stamp t1 = now();
            if (!r.ok || (int)r.journey.touchpoints.size() != n) {
                std::fprintf(stderr, "bench_core: generated journey of %d did not load (%zu diagnostics%s%s)\n", n,
                             r.diagnostics.size(), r.diagnostics.empty() ? "" : ": ",
                             r.diagnostics.empty() ? "" : r.diagnostics[0].message.c_str());
                failures++;
                break;
            }
            uxcx::Analysis a = uxcx::analyse(r.journey);
            Stamp t2 = now();
            if (a.touchpoints.size() != (size_t)n) failures++;
            load.push_back(wall_ms(t0, t1));
            loadCpu.push_back(cpu_ms(t0, t1));
            analyse.push_back(wall_ms(t1, t2));
            analyseCpu.push_back(cpu_ms(t1, t2));
        }
        if (analyse.size() != (size_t)kRuns) continue;
        Stat l = stat_of(load), lc = stat_of(loadCpu), a = stat_of(analyse), ac = stat_of(analyseCpu);
        double mb = text.size() / 1e6;
        std::printf("| %d | %.1f | %.1f (%.1f-%.1f) | %.1f | %.0f | %.1f (%.1f-%.1f) | %.1f | %.1f |\n", n, mb, l.median,
                    l.min, l.max, lc.median, mb / (l.median / 1000), a.median, a.min, a.max, ac.median,
                    l.median + a.median);
        std::fflush(stdout);
    }
    return failures ? 1 : 0;
}
