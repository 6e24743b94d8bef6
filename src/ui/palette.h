// palette.h: the colour scales every view shares, and their legends.
//
// Scores (0-100): ColorBrewer "RdYlBu", 7 classes, interpolated: red/orange = poor, blue = good;
// colour-blind safe (Brewer & Harrower), and printable. Gap (UX - CX): ColorBrewer "PuOr".
// Stages: Okabe & Ito's 8 colour-blind-safe colours.
#pragma once

#include "imgui.h"

namespace uxcx {

ImU32 score_color(double v, float alpha = 1.0f);  // NaN: neutral grey
ImU32 gap_color(double gap, float alpha = 1.0f);  // -50..+50; NaN: neutral grey
ImU32 stage_color(int stage, bool dark);          // cycles through Okabe-Ito
ImU32 text_on(ImU32 background);                  // black or white, whichever reads better
ImU32 ui_color(ImGuiCol c, float alpha = 1.0f);   // the theme's colour as ImU32

// Legends, laid out as ImGui items at the cursor (they reserve their space).
void legend_score(double threshold);
void legend_gap();
void legend_evidence();  // the marks: insufficient evidence, interval whisker, offline
float legend_evidence_width();  // how wide legend_evidence() draws, to wrap it onto its own line

}  // namespace uxcx
