// import_screen.h: File > Import survey... in the app: the mapping screen (every column with its
// type, range, N/A candidates and a role to choose), the worker's progress with Cancel, and what
// the host reports back. The host (web/uxcx.js) reads the CSV in its loading worker; the screen
// never sees a row. docs/survey-mapping.md ("In the app") describes the screen.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ui/app.h"

namespace uxcx {

// ---- what the host reports (src/platform/web/web_host.cpp exports these) --------------------
// A CSV was chosen: the screen opens and shows the worker reading it. `direct`: a mapping came
// with it, so the import runs at once (no mapping screen).
void import_begin(App& app, std::string_view name, double total_bytes, bool direct);
void import_progress(App& app, double rows, double bytes, double total);
// The worker's column profile: the mapping screen fills in with suggestions (or an error).
void import_profiled(App& app, SurveyProfile&& profile);
// A saved mapping the person loaded on the screen: the choices fill in from it.
void import_mapping_loaded(App& app, std::string_view bytes, std::string_view name);
// Reading or aggregating failed; the screen says why (and offers to go back to the mapping).
void import_failed(App& app, std::string message, std::vector<Diagnostic> details = {});
// The journey opened: the screen closes.
void import_done(App& app);

// The mapping JSON the import runs: the loaded mapping file as it is while the choices are as it
// filled them in, else the choices written out (core import_plan_mapping_json).
std::string import_mapping_to_run(const ImportState& s);

// File > Import survey... (the last item of the File menu, so the items above keep their place).
void draw_import_menu_item(App& app);

// Draws the screen in place of the view while an import is open. True when it drew.
bool draw_import_screen(App& app);

// The privacy sentence the screen shows.
extern const char* const kImportPrivacy;

}  // namespace uxcx
