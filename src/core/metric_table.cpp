// metric_table.cpp: the metric table (see metric_table.h) and the names journey.h promises.
#include "core/metric_table.h"

#include <cmath>
#include <cstring>

namespace uxcx {

namespace {

constexpr double kInf = INFINITY;

constexpr MetricInfo kMetrics[kMetricCount] = {
    {Metric::Sus, "sus", "SUS", true, 0, 100, false, "from 0 to 100", "0-100", "as it is", CountsForm::Mean,
     "a number or {\"mean\", \"sd\", \"n\"}"},
    {Metric::Seq, "seq", "SEQ", true, 1, 7, false, "from 1 to 7", "1-7", "(x - 1) / 6 * 100", CountsForm::Mean,
     "a number or {\"mean\", \"sd\", \"n\"}"},
    {Metric::UmuxLite, "umuxLite", "UMUX-Lite", true, 0, 100, false, "from 0 to 100", "0-100", "as it is",
     CountsForm::Mean, "a number or {\"mean\", \"sd\", \"n\"}"},
    {Metric::TaskSuccess, "taskSuccess", "Task success", true, 0, 1, false,
     "from 0 to 1 (a proportion: 0.85 is 85%)", "0-1", "x * 100", CountsForm::SuccessOfN,
     "a number or {\"successes\", \"attempts\"}"},
    {Metric::TimeOnTask, "timeOnTask", "Time on task", true, 0, kInf, true, "of seconds, above 0", "seconds",
     "min(1, target / time) * 100", CountsForm::Times,
     "a number of seconds, {\"times\": [...]} or {\"geomean\", \"logSd\", \"n\"}"},
    {Metric::ErrorRate, "errorRate", "Error rate", true, 0, 1, false, "from 0 to 1 (a proportion: 0.1 is 10%)",
     "0-1", "(1 - x) * 100", CountsForm::None, "a number"},
    {Metric::Nps, "nps", "NPS", false, -100, 100, false, "from -100 to 100", "-100..100", "(x + 100) / 2",
     CountsForm::Nps3, "a number or {\"promoters\", \"passives\", \"detractors\"}"},
    {Metric::Csat, "csat", "CSAT", false, 0, 100, false, "from 0 to 100 (% of 4-5 answers)", "0-100 %", "as it is",
     CountsForm::Csat5, "a number or {\"counts\": [c1, c2, c3, c4, c5]}"},
    {Metric::Ces, "ces", "CES", false, 1, 7, false, "from 1 to 7", "1-7", "(x - 1) / 6 * 100", CountsForm::Mean,
     "a number or {\"mean\", \"sd\", \"n\"}"},
};

constexpr bool in_metric_order() {
    for (int i = 0; i < kMetricCount; i++)
        if ((int)kMetrics[i].metric != i) return false;
    return true;
}
static_assert(in_metric_order(), "kMetrics must list the metrics in Metric order");

}  // namespace

const MetricInfo& metric_info(Metric m) { return kMetrics[(int)m < kMetricCount ? (int)m : 0]; }

bool metric_in_range(Metric m, double v) {
    const MetricInfo& i = metric_info(m);
    if (!std::isfinite(v) || v < i.lo || v > i.hi) return false;
    return !(i.loOpen && v == i.lo);
}

const char* metric_key(Metric m) { return (int)m < kMetricCount ? kMetrics[(int)m].key : ""; }
const char* metric_label(Metric m) { return (int)m < kMetricCount ? kMetrics[(int)m].label : ""; }

Metric metric_from_key(const char* key) {
    for (int i = 0; i < kMetricCount; i++)
        if (std::strcmp(kMetrics[i].key, key) == 0) return (Metric)i;
    return Metric::Count;
}

}  // namespace uxcx
