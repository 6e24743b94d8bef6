// driver_chart.cpp: joins the drivers block to touchpoints by id and places each driver.
#include "core/driver_chart.h"

#include <cmath>
#include <string_view>
#include <unordered_map>

namespace uxcx {

const char* driver_quadrant_label(DriverQuadrant q) {
    switch (q) {
        case DriverQuadrant::FixFirst: return "Fix first";
        case DriverQuadrant::KeepItUp: return "Keep it up";
        case DriverQuadrant::LowPriority: return "Low priority";
        case DriverQuadrant::Overkill: return "Overkill";
        case DriverQuadrant::NoScore: break;
    }
    return "No score";
}

DriverChart driver_chart(const Journey& j, const Analysis& a) {
    DriverChart c;
    c.score_line = j.scoring.threshold;
    if (!j.drivers || j.drivers->touchpoints.empty()) return c;
    const DriversBlock& d = *j.drivers;
    std::unordered_map<std::string_view, int> by_id;
    by_id.reserve(d.touchpoints.size());
    for (int i = 0; i < (int)d.touchpoints.size(); i++) by_id.emplace(d.touchpoints[i].touchpoint, i);
    c.points.resize(d.touchpoints.size());
    for (int i = 0; i < (int)d.touchpoints.size(); i++) c.points[i].driver = i;
    for (int t = 0; t < (int)j.touchpoints.size(); t++) {
        const auto it = by_id.find(j.touchpoints[t].id);
        if (it != by_id.end()) c.points[it->second].touchpoint = t;
    }
    c.importance_line = 100.0 / (double)d.touchpoints.size();
    for (DriverPoint& p : c.points) {
        const TouchpointDriver& td = d.touchpoints[p.driver];
        // A driver whose coefficient is negative takes R² but works against the outcome: its
        // share is shown below zero, never as a positive contribution.
        const double sign = td.sign < 0 ? -1.0 : 1.0;
        p.share = sign * std::fabs(td.share);
        if (td.low && td.high && d.r2 > 0) {
            const double lo = 100.0 * *td.low / d.r2, hi = 100.0 * *td.high / d.r2;
            p.low = sign < 0 ? -hi : lo;
            p.high = sign < 0 ? -lo : hi;
        }
        if (p.touchpoint >= 0 && p.touchpoint < (int)a.touchpoints.size()) {
            const TouchpointScore& s = a.touchpoints[p.touchpoint];
            p.score = s.cx.present() ? s.cx.value : s.ux.value;
        }
        if (std::isnan(p.score)) continue;
        const bool important = p.share >= c.importance_line, strong = p.score >= c.score_line;
        p.quadrant = important ? (strong ? DriverQuadrant::KeepItUp : DriverQuadrant::FixFirst)
                               : (strong ? DriverQuadrant::Overkill : DriverQuadrant::LowPriority);
    }
    return c;
}

}  // namespace uxcx
