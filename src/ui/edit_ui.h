// edit_ui.h: the editing UI over app_apply (app_edit.cpp): keys, the Edit menu, rename in place,
// Save, "Edit a copy", New journey, the first screen, the details editor and the map's edits.
#pragma once

#include <string>
#include <string_view>

#include "ui/app.h"

namespace uxcx {

// Whether the open journey may be edited now: a map is open, not in presentation (which hides
// every editing control), not a hosted map shown read-only.
bool app_editable(const App& app);

// F2 rename in place, Insert add, Delete remove, Alt+Arrow move, Ctrl+Z undo, Ctrl+Shift+Z and
// Ctrl+Y redo, Ctrl+S save. Never while a text field has the keyboard (there Ctrl+Z is the field's).
void edit_handle_keys(App& app);
// The Edit menu's items: Undo / Redo naming the step, and the touchpoint commands with their keys.
void draw_edit_menu(App& app);
// File menu items: New blank journey, New from a sample, Save.
void draw_file_new_items(App& app);
void draw_file_save_item(App& app);
// The rename field over the renamed card (any view that reports items; else under the toolbar).
void draw_rename_overlay(App& app);
// The refused edit's message, and the read-only bar with its one button, under the toolbar.
void draw_edit_bars(App& app);
// Title bar suffix: " (copy: lives in this browser until saved)", "(read-only)", " *" when dirty.
std::string document_title_note(const App& app);

// The commands, also used by the map (drag, "+", header menus) and the details editor.
bool app_apply_or_say(App& app, const Edit& e);  // applies; on refusal says why (edit.message)
void app_start_rename(App& app, int touchpoint);
void app_add_touchpoint(App& app, int stage, int channel, int list_index);  // selects it, renames it
void app_insert_touchpoint(App& app);  // Insert: in the selected one's cell, after it
void app_delete_selected(App& app);
void app_move_selected(App& app, int dx, int dy);  // Alt+Arrow: neighbouring stage / channel
void app_save(App& app);
void app_save_done(App& app, bool ok);
void app_edit_copy(App& app);
void app_new_blank(App& app);
// The sample's bytes as fetched by the host: opens a new journey with its stages, channels, sets.
void app_new_from_template(App& app, std::string_view sample_bytes, std::string_view sample_title);
std::string new_stage_id(const Journey& j);
std::string new_channel_id(const Journey& j);

// The first screen (nothing open): new, open, drop, the sample gallery with each story, recent maps.
void first_screen(App& app);
// The details panel as the editor of the selected touchpoint (and the journey's title, persona).
void details_editor(App& app);
// The map's header menus (edit_map.cpp): open one for a stage / channel (-1: Unassigned, only
// "add"), and draw whichever is open (inside the map's window).
void map_open_stage_menu(App& app, int stage);
void map_open_channel_menu(App& app, int channel);
void map_draw_header_menus(App& app);
// Records an editing control drawn this frame (for state().controls).
void report_control(App& app, std::string id);

}  // namespace uxcx
