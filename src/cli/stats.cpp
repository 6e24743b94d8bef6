// stats.cpp: `uxcx stats FILE`: the analysis of the first measurement set as JSON on stdout,
// journey, stages, channels and touchpoints with each metric's value, score and interval.
#include <cstdio>

#include "cli/cli.h"
#include "core/validate.h"
#include "core/analysis.h"
#include "core/convert_text.h"

namespace uxcx::cli {

namespace {

// Up to 4 decimals, NaN as null: figures for people and scripts, not for round trips.
std::string num(double v) { return std::isfinite(v) ? format_rounded(v) : "null"; }

std::string str(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

std::string group(const GroupScore& g) {
    return "\"ux\": " + num(g.ux.value) + ", \"cx\": " + num(g.cx.value) + ", \"gap\": " + num(g.gap) +
           ", \"emotion\": " + num(g.emotion) + ", \"volume\": " + num(g.volume) + ", \"count\": " + std::to_string(g.count);
}

}  // namespace

int cmd_stats(const std::vector<std::string>& args) {
    if (args.size() != 1) {
        std::fprintf(stderr, "uxcx stats: expected one FILE (see uxcx --help)\n");
        return kExitUsage;
    }
    LoadResult r = load_file(args[0]);
    if (report(args[0], r, stderr)) return kExitErrors;
    const Journey& j = r.journey;
    Analysis a = analyse(j, 0);

    std::string o = "{\n";
    o += "  \"title\": " + str(j.title) + ",\n";
    o += "  \"set\": " + str(j.sets.empty() ? "" : j.sets[0].id) + ",\n";
    o += "  \"journey\": {" + group(a.journey) + "},\n";
    // Groups: the journey's own stages / channels, then "Unassigned" when it holds touchpoints.
    o += "  \"stages\": [";
    bool first = true;
    for (size_t s = 0; s < a.stages.size(); s++) {
        bool unassigned = s >= j.stages.size();
        if (unassigned && a.stages[s].count == 0) continue;
        o += first ? "\n" : ",\n";
        first = false;
        o += "    {\"id\": " + (unassigned ? std::string("null") : str(j.stages[s].id)) +
             ", \"name\": " + str(unassigned ? "Unassigned" : shown_name(j.stages[s])) + ", " + group(a.stages[s]) + "}";
    }
    o += first ? "],\n" : "\n  ],\n";
    o += "  \"channels\": [";
    first = true;
    for (size_t c = 0; c < a.channels.size(); c++) {
        bool unassigned = c >= j.channels.size();
        if (unassigned && a.channels[c].count == 0) continue;
        o += first ? "\n" : ",\n";
        first = false;
        o += "    {\"id\": " + (unassigned ? std::string("null") : str(j.channels[c].id)) +
             ", \"name\": " + str(unassigned ? "Unassigned" : shown_name(j.channels[c])) +
             ", \"digital\": " + (unassigned ? "null" : j.channels[c].digital ? "true" : "false") + ", " +
             group(a.channels[c]) + "}";
    }
    o += first ? "],\n" : "\n  ],\n";
    o += "  \"touchpoints\": [";
    for (size_t i = 0; i < a.touchpoints.size() && i < j.touchpoints.size(); i++) {
        const TouchpointScore& t = a.touchpoints[i];
        o += i ? ",\n" : "\n";
        o += "    {\"id\": " + str(j.touchpoints[i].id) + ", \"ux\": " + num(t.ux.value) + ", \"cx\": " + num(t.cx.value) +
             ", \"gap\": " + num(t.gap) + ", \"quadrant\": " + str(quadrant_id(t.quadrant)) +
             ", \"priority\": " + num(t.priority) + ", \"metrics\": {";
        for (size_t k = 0; k < t.metrics.size(); k++) {
            const MetricScore& m = t.metrics[k];
            if (k) o += ", ";
            o += str(metric_key(m.metric)) + ": {\"value\": " + num(m.value) + ", \"score\": " + num(m.score.value) +
                 ", \"low\": " + num(m.score.low) + ", \"high\": " + num(m.score.high) + ", \"n\": " + num(m.score.n) + "}";
        }
        o += "}}";
    }
    o += a.touchpoints.empty() ? "]\n}\n" : "\n  ]\n}\n";
    std::fwrite(o.data(), 1, o.size(), stdout);
    return kExitOk;
}

}  // namespace uxcx::cli
