// test_metrics_util.h: small builders for the metric and analysis suites, so each test reads as
// the journey it describes (the loader is not involved: these suites test the arithmetic).
#pragma once

#include <doctest/doctest.h>

#include <cmath>

#include "core/analysis.h"

namespace uxcx::test {

// Equal within an absolute tolerance: hand-worked values carry 3-4 decimals.
inline doctest::Approx near(double expected, double tol = 5e-4) {
    return doctest::Approx(expected).epsilon(tol / (1 + std::fabs(expected)));
}

inline Reading value(double v) {
    Reading r;
    r.value = v;
    return r;
}
inline Reading value_n(double v, double n) {
    Reading r = value(v);
    r.n = n;
    return r;
}
inline Reading mean_sd_n(double mean, double sd, double n) {
    Reading r = value_n(mean, n);
    r.sd = sd;
    return r;
}
inline Reading counts(std::vector<double> c) {
    Reading r;
    r.counts = std::move(c);
    return r;
}

inline MetricScore score(Metric m, const Reading& r, const Measurement& owner = {}, const Scoring& s = {}) {
    return score_metric(m, r, owner, s);
}

// A touchpoint with one measurement set, in stage `stage` and channel `channel`.
inline Touchpoint touchpoint(std::string id, int stage = -1, int channel = -1) {
    Touchpoint t;
    t.id = std::move(id);
    t.stage = stage;
    t.channel = channel;
    t.sets.resize(1);
    return t;
}

// A touchpoint whose UX score is exactly `ux` (a SUS reading) and CX score exactly `cx`
// (a CSAT percentage); NaN leaves the side out.
inline Touchpoint scored(std::string id, double ux, double cx, int stage = -1, int channel = -1) {
    Touchpoint t = touchpoint(std::move(id), stage, channel);
    if (!std::isnan(ux)) t.sets[0].get(Metric::Sus) = value(ux);
    if (!std::isnan(cx)) t.sets[0].get(Metric::Csat) = value(cx);
    return t;
}

inline Journey journey_of(std::vector<Touchpoint> tps, int stages = 0, int channels = 0) {
    Journey j;
    for (int i = 0; i < stages; i++) j.stages.push_back({"s" + std::to_string(i), "Stage", "", {}});
    for (int i = 0; i < channels; i++) j.channels.push_back({"c" + std::to_string(i), "Channel", true, {}});
    j.touchpoints = std::move(tps);
    j.sets.push_back({"current", "Current", "", {}});
    return j;
}

}  // namespace uxcx::test
