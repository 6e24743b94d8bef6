// set_picker.h: the toolbar's measurement-set controls: which set every view shows, and which
// sets (segments, personas, waves) the map overlays as extra emotion and score curves.
#pragma once

#include "ui/app.h"

namespace uxcx {

// Draws nothing for a journey with one set. Otherwise "Set: <name>" (a combo) and "Overlay (k)"
// (a popup of check boxes, at most kMaxOverlaySets), each reported in app.controls.
void draw_set_picker(App& app);

}  // namespace uxcx
