// driver_chart.h: where each key driver sits on the importance x performance chart (the Drivers
// view): the journey's `drivers` block joined to its touchpoints and their analysed scores.
//
// Importance is the driver's share of R² (percent); performance is the touchpoint's 0-100 score
// on the outcome's side (CX when it has one, else UX). The chart splits at the scoring threshold
// (performance) and at the mean share, 100 / number of drivers (importance): the usual
// importance-performance analysis (Martilla & James 1977), with the quadrants named as
// consultants say them.
#pragma once

#include <vector>

#include "core/analysis.h"
#include "core/journey.h"

namespace uxcx {

enum class DriverQuadrant { FixFirst, KeepItUp, LowPriority, Overkill, NoScore };
const char* driver_quadrant_label(DriverQuadrant q);  // "Fix first", "Keep it up", ...

struct DriverPoint {
    int driver = -1;      // index into journey.drivers->touchpoints
    int touchpoint = -1;  // index into journey.touchpoints; -1 when no touchpoint has the id
    double score = kNaN;  // 0-100 performance (CX, else UX)
    double share = 0;     // % of R²; negative when the full-model coefficient is negative
    double low = kNaN, high = kNaN;  // bootstrap interval of the share, when the file has one
    DriverQuadrant quadrant = DriverQuadrant::NoScore;
};

struct DriverChart {
    std::vector<DriverPoint> points;  // file order of the drivers block
    double importance_line = 0;       // mean share: 100 / number of drivers
    double score_line = 60;           // the scoring threshold
};

// Empty `points` when the journey has no drivers block.
DriverChart driver_chart(const Journey& j, const Analysis& a);

}  // namespace uxcx
