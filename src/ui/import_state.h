// import_state.h: File > Import survey... as the App keeps it: the phase, the progress of the
// loading worker, the CSV's column profile and the person's choices (core/survey_profile.h).
// Privacy: no answer is held here: the profile keeps column summaries (and at most
// kProfileValues distinct answers of a column, what segments need); the CSV stays with the page.
#pragma once

#include <string>
#include <vector>

#include "core/journey.h"
#include "core/survey_profile.h"

namespace uxcx {

struct ImportState {
    enum class Phase { Closed, Reading, Mapping, Running, Failed };
    Phase phase = Phase::Closed;
    std::string name;                   // the CSV's file name ("pasted survey")
    double rows = 0, bytes = 0, total = 0;  // the worker's progress: rows read, bytes read, bytes in all
    bool direct = false;                // a mapping came with the CSV: no screen, straight to Running
    SurveyProfile profile;
    ImportPlan plan;
    // A mapping file loaded on the screen: while the plan is as it filled in, the import runs the
    // file itself (descriptions, segment labels and all), not the plan's rewrite of it.
    std::string mapping_name, mapping_bytes;
    ImportPlan mapping_plan;
    std::vector<std::string> notes;     // what the screen should say about the loaded mapping
    std::string error;                  // Failed: what went wrong
    std::vector<Diagnostic> error_details;
    std::string new_stage, new_channel; // the screen's "add" fields
    bool new_channel_digital = true;
    // Widgets drawn this frame, for window.uxcx.state().import.widgets: name -> framebuffer rect.
    struct Widget {
        std::string name;
        float x = 0, y = 0, w = 0, h = 0;
    };
    std::vector<Widget> widgets;
};

}  // namespace uxcx
