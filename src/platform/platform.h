// platform.h: what the UI asks of its host, and nothing about journeys.
// One web implementation (src/platform/web/, the only C++ that talks to JavaScript) and a native
// stand-in (src/platform/native/) that records the calls, for tests and tools.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace uxcx::platform {

// What an open is for. It travels with the request (the picker, the page, app_open) to its result,
// so a picker that is cancelled leaves nothing behind that could redirect a later open.
//   Open:    the file becomes the open map (and the page records it in Recent);
//   Compare: the file becomes the other side of the Compare view; the open map stays;
//   Restore: the page reopens the map that was open last time (already in Recent).
enum class OpenPurpose { Open, Compare, Restore };
// Its name where it crosses to JavaScript and back: "open", "compare", "restore".
inline const char* open_purpose_name(OpenPurpose purpose) {
    return purpose == OpenPurpose::Compare ? "compare" : purpose == OpenPurpose::Restore ? "restore" : "open";
}

// Shows the file picker. The chosen file arrives later through the host calling app_open() with
// the same purpose; a cancelled picker opens nothing.
void open_file_dialog(OpenPurpose purpose = OpenPurpose::Open);

// Offers bytes as a download named `filename`.
void download(std::string_view filename, std::string_view mime, std::string_view bytes);

// Puts text on the clipboard.
void copy_text(std::string_view text);

// Opens a link in a new tab with noopener. The caller has checked the scheme (http, https, mailto).
void open_url(std::string_view url);

// Saves the canvas as a PNG download once the current frame is rendered.
void export_png(std::string_view filename);

// Asks the host for a fallback font (core/scripts.h: kFallbackFonts' file). It arrives later through
// the host calling ui_fonts_add() (ui/fonts.h); one that cannot be fetched never arrives.
void load_font(std::string_view file);

// Asks the host to toggle full screen (presentation mode).
void set_fullscreen(bool on);

// ---- maps the host knows about (web: assets/samples/index.json and the recent list in IndexedDB)
struct MapEntry {
    std::string id;     // what open_sample()/open_recent() take back
    std::string title;  // shown in menus
    std::string story;  // one line: why this map is worth opening (samples), when it was opened (recent)
};

// The sample gallery and the recently opened maps, as the host last reported them (may be empty).
const std::vector<MapEntry>& sample_maps();
const std::vector<MapEntry>& recent_maps();

// Opens a sample or a recent map. It arrives later through the host calling app_open(); the host
// asks first when the open document has unsaved changes.
void open_sample(std::string_view id);
void open_recent(std::string_view id);

// Copies a link that reopens this map: the hosted-map link when `source_url` is not empty,
// otherwise the map itself compressed into the link. `view_query` ("view=quadrant&sel=T3") rides
// along so the receiver sees what the sender saw. The host confirms (or warns about length) itself.
void copy_map_link(std::string_view journey_json, std::string_view source_url, std::string_view view_query);

// ---- survey import (File > Import survey..., docs/survey-mapping.md "In the app") ----------------
// The host keeps the chosen CSV (a file reference, or pasted text) in memory only, reads it in its
// loading worker and reports back through the import_* functions of ui/import_screen.h.
// Shows the picker for a survey CSV (a mapping JSON picked with it imports straight away).
void pick_survey();
// Shows the picker for a saved mapping JSON (the import screen fills in from it).
void pick_survey_mapping();
// Aggregates the CSV with this mapping; the journey then opens like any map.
void run_survey_import(std::string_view mapping_json);
// Stops reading the CSV; with `forget`, also lets go of it (the screen closes).
void cancel_survey_import(bool forget);

// ---- editing (ui/edit_commands.cpp) ---------------------------------------------------------------
// Save: writes `json` back to the file the map was opened from where the browser allows it (a
// File System Access handle kept by File > Open), else offers it as a download named `filename`.
// The host answers later through app_save_done() (web: uxcx_save_done), with whether it was written.
void save_file(std::string_view filename, std::string_view json);
// Opens `json` as a new map (File > New): the host records it like any open (Recent, autosave),
// asking first when the open map has unsaved changes.
void open_new(std::string_view json, std::string_view name);
// File > New from a sample: the host fetches sample `id` and hands its bytes back to
// app_new_from_template() (web: uxcx_new_from_template).
void open_template(std::string_view id);
// The open map became an edited copy of a hosted map ("Edit a copy"): the address no longer
// points at what is open, so a reload restores the copy, not the hosted original.
void editing_copy();

}  // namespace uxcx::platform
