// metric_table.h: the one table that knows every metric: its file key and label, the range and
// units a file writes it in, how it becomes a 0-100 score, which block (ux / cx) it belongs to and
// which counts form it takes. The loader, the CSV columns, the validator, the saver and the views
// read it instead of keeping their own lists. docs/metrics.md describes the same table in words.
#pragma once

#include "core/journey.h"

namespace uxcx {

// The raw-answer form a metric accepts besides a plain value.
enum class CountsForm {
    None,         // no counts form
    Mean,         // {"mean", "sd", "n"} (rating scales)
    Times,        // {"times": [...]} or {"geomean", "logSd", "n"} (time on task)
    SuccessOfN,   // {"successes", "attempts"} (task success)
    Nps3,         // {"promoters", "passives", "detractors"}
    Csat5,        // {"counts": [c1, c2, c3, c4, c5]}
};

struct MetricInfo {
    Metric metric;
    const char* key;          // file key, CSV column, `uxcx stats` name ("taskSuccess")
    const char* label;        // short display label ("Task success")
    bool ux;                  // belongs in the "ux" block (else "cx")
    double lo, hi;            // plausible range in the metric's own units
    bool loOpen;              // the value must be above `lo` (0 s is not a time)
    const char* rangeWords;   // the range in words, for messages ("from 1 to 7")
    const char* units;        // what the file's number means ("1-7", "seconds")
    const char* normalisation;// the 0-100 score in words ("(x - 1) / 6 * 100")
    CountsForm form;          // the object form it accepts
    const char* forms;        // every accepted form in words, for messages
};

// The table, in Metric order (UX first, then CX).
const MetricInfo& metric_info(Metric m);

// True when `v` lies in the metric's range (finite, lo..hi, above lo when the range is open).
bool metric_in_range(Metric m, double v);

}  // namespace uxcx
