// journey.cpp: names of the metrics, shared by the loader, the writers, analysis and the views.
#include "core/journey.h"

#include <cstring>

namespace uxcx {

namespace {
struct MetricName {
    const char* key;
    const char* label;
};
constexpr MetricName kMetricNames[kMetricCount] = {
    {"sus", "SUS"},
    {"seq", "SEQ"},
    {"umuxLite", "UMUX-Lite"},
    {"taskSuccess", "Task success"},
    {"timeOnTask", "Time on task"},
    {"errorRate", "Error rate"},
    {"nps", "NPS"},
    {"csat", "CSAT"},
    {"ces", "CES"},
};
}  // namespace

const char* metric_key(Metric m) { return (int)m < kMetricCount ? kMetricNames[(int)m].key : ""; }
const char* metric_label(Metric m) { return (int)m < kMetricCount ? kMetricNames[(int)m].label : ""; }

Metric metric_from_key(const char* key) {
    for (int i = 0; i < kMetricCount; i++)
        if (std::strcmp(kMetricNames[i].key, key) == 0) return (Metric)i;
    return Metric::Count;
}

}  // namespace uxcx
