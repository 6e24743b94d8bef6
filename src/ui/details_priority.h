// details_priority.h: the details panel's sections on why a touchpoint ranks where it does: its
// key-driver importance with its interval, and "why is this #N" (every priority term in words and
// numbers, core/priority_text.h). details.cpp calls it; the text comes from the core.
#pragma once

#include "ui/app.h"

namespace uxcx {

// Draws both sections for touchpoint `t` of `an` (the analysis the panel shows).
void details_priority(const App& app, const Analysis& an, int t);

}  // namespace uxcx
