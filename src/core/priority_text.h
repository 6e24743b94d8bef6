// priority_text.h: "why is this #1" in words and numbers: a touchpoint's priority terms
// (analysis.h, PriorityTerms) as the lines the details panel shows. Pure text, tested natively.
#pragma once

#include <string>
#include <vector>

#include "core/analysis.h"

namespace uxcx {

// One line per term, the product last:
//   "#1 of 12 to fix first: priority 45.5"
//   "Shortfall 45.5: CX 14.5 is 45.5 points below the threshold 60 (no UX reading: CX only)"
//   "Reach ×0.46: 100 customers against a median of 480 (square root of the ratio)"
//   "Importance ×1.80: 12.9% of R² against 7.1% for an average driver"
//   "Evidence ×1: every score rests on enough answers"
//   "Gap UX−CX +62 is not counted: it says who fixes it, not how urgent"
//   "45.5 × 0.46 × 1.80 × 1 = 37.3"
// Empty when the index is out of range.
std::vector<std::string> explain_priority(const Journey& j, const Analysis& a, int touchpoint);

}  // namespace uxcx
