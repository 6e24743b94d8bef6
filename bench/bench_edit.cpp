// bench_edit.cpp: what an edit costs before the frame that shows it, natively, on generated
// journeys of 1k, 10k and 100k touchpoints: apply the edit (with its checks and inverse), bring the
// analysis up to date (reanalyse) and, when cards moved, recompute the map's geometry. The same
// work app_apply() does. Full analyse() + layout_map() beside it, for scale. Printed as the
// Markdown table of bench/README.md.
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "gen_journey.h"
#include "core/analysis.h"
#include "core/convert.h"
#include "core/edit.h"
#include "core/history.h"
#include "core/layout.h"
#include "core/load.h"

namespace {

using namespace uxcx;

// CPU time of this process, in ms: the machine is shared, and wall time includes waiting for a
// core (bench_core prints both; here CPU time is the figure, as an edit is one thread's work).
double cpu_ms() {
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
struct Timer {
    double t0 = cpu_ms();
};
double ms_since(Timer t) { return cpu_ms() - t.t0; }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct State {
    Journey j;
    Analysis a;
    MapLayout l;
    History h;
};

// One edit as the app does it; returns ms.
double timed_edit(State& s, const Edit& e) {
    const Timer t0;
    EditResult r = history_apply(s.h, s.j, e);
    if (!r.ok) {
        std::fprintf(stderr, "bench_edit: refused: %s\n", r.message.c_str());
        std::exit(1);
    }
    reanalyse(s.j, s.a, r.delta);
    if (r.delta.layout) s.l = layout_map(s.j);
    return ms_since(t0);
}

double timed_undo(State& s) {
    const Timer t0;
    HistoryMove m = history_undo(s.h, s.j);
    reanalyse(s.j, s.a, m.delta);
    if (m.delta.layout) s.l = layout_map(s.j);
    return ms_since(t0);
}

}  // namespace

int main(int argc, char** argv) {
    const int kRuns = 15;
    std::vector<int> sizes = {1000, 10000, 100000};
    if (argc > 1) sizes = {std::atoi(argv[1])};
    std::printf("| touchpoints | set a reading | rename (typing) | move to next stage | add | delete | undo a move | full analyse + layout |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int n : sizes) {
        State s;
        // As the app has it: saved and loaded (the loader derives values from answer counts).
        LoadResult loaded = load_journey_json(bench::minify_json(save_journey_json(bench::generate_journey(n, 8, 1))));
        if (!loaded.ok) return 1;
        s.j = std::move(loaded.journey);
        s.a = analyse(s.j);
        s.l = layout_map(s.j);
        std::vector<double> reading, rename, move, add, del, undo, full;
        for (int run = 0; run < kRuns; run++) {
            const int i = (int)((long long)(run + 1) * 7919 % n);  // spread over the journey
            // A CX reading the details panel sets (offline channels take CX only).
            reading.push_back(timed_edit(s, edit_reading(s.j, i, 0, Metric::Csat, reading_csat_counts(1, 2, 3, 4 + run, 5))));
            rename.push_back(timed_edit(s, edit_text(s.j, i, TextField::Name, "Renamed " + std::to_string(run))));
            const Touchpoint& t = s.j.touchpoints[i];
            const int to = t.stage + 1 < (int)s.j.stages.size() ? t.stage + 1 : 0;
            move.push_back(timed_edit(s, edit_move_touchpoint(s.j, i, to, t.channel, 0)));
            undo.push_back(timed_undo(s));
            add.push_back(timed_edit(s, edit_add_touchpoint(s.j, i, 2, 0, "New")));
            del.push_back(timed_edit(s, edit_remove_touchpoint(i)));
            const Timer t0;
            Analysis a = analyse(s.j);
            MapLayout l = layout_map(s.j);
            full.push_back(ms_since(t0));
            if (a.touchpoints.size() != s.j.touchpoints.size() || l.cards.size() != s.j.touchpoints.size()) return 1;
        }
        std::printf("| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f |\n", n, median(reading), median(rename),
                    median(move), median(add), median(del), median(undo), median(full));
        std::fflush(stdout);
    }
    return 0;
}
