// edit_test_util.h: helpers shared by the editing tests: reading the samples, and comparing two
// analyses field by field (NaN equal to NaN), so "incremental == full" is checked exactly.
#pragma once

#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "core/analysis.h"
#include "core/convert.h"
#include "core/load.h"

namespace uxcx::test {

inline std::string read_sample(const std::string& file) {
    std::ifstream f(std::string(UXCX_SOURCE_DIR) + "/assets/samples/" + file, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

inline Journey load_sample_journey(const std::string& file) {
    LoadResult r = load_journey_json(read_sample(file));
    REQUIRE_MESSAGE(r.ok, file << " does not load");
    return std::move(r.journey);
}

inline bool same_number(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

inline bool same_score(const Score& a, const Score& b) {
    return same_number(a.value, b.value) && same_number(a.low, b.low) && same_number(a.high, b.high) &&
           same_number(a.n, b.n) && a.insufficient == b.insufficient;
}

inline bool same_group(const GroupScore& a, const GroupScore& b) {
    return same_score(a.ux, b.ux) && same_score(a.cx, b.cx) && same_number(a.gap, b.gap) &&
           same_number(a.emotion, b.emotion) && same_number(a.volume, b.volume) && a.count == b.count;
}

// "" when equal, else where they first differ.
inline std::string analysis_difference(const Analysis& a, const Analysis& b) {
    if (a.set != b.set) return "set";
    if (a.touchpoints.size() != b.touchpoints.size()) return "touchpoint count";
    for (size_t i = 0; i < a.touchpoints.size(); i++) {
        const TouchpointScore &x = a.touchpoints[i], &y = b.touchpoints[i];
        bool same = same_score(x.ux, y.ux) && same_score(x.cx, y.cx) && same_number(x.gap, y.gap) &&
                    x.quadrant == y.quadrant && same_number(x.priority, y.priority) &&
                    same_number(x.emotion, y.emotion) && x.metrics.size() == y.metrics.size();
        for (size_t k = 0; same && k < x.metrics.size(); k++)
            same = x.metrics[k].metric == y.metrics[k].metric && same_number(x.metrics[k].value, y.metrics[k].value) &&
                   same_score(x.metrics[k].score, y.metrics[k].score);
        if (!same) return "touchpoint " + std::to_string(i);
    }
    auto groups = [](const std::vector<GroupScore>& x, const std::vector<GroupScore>& y) {
        if (x.size() != y.size()) return false;
        for (size_t i = 0; i < x.size(); i++)
            if (!same_group(x[i], y[i])) return false;
        return true;
    };
    if (!groups(a.stages, b.stages)) return "stages";
    if (!groups(a.channels, b.channels)) return "channels";
    if (!groups(a.cells, b.cells)) return "cells";
    if (!same_group(a.journey, b.journey)) return "journey";
    if (a.priority != b.priority) return "priority order";
    if (a.weakest != b.weakest) return "weakest";
    if (!same_number(a.medianVolume, b.medianVolume) || !same_number(a.medianWeight, b.medianWeight)) return "medians";
    return "";
}

}  // namespace uxcx::test
