// app.h: the application's state and its one entry point per frame.
//
// The host (src/platform/web/main.cpp, or a test) owns an App, feeds it files with app_open(),
// and calls app_frame() between ImGui::NewFrame() and ImGui::Render(). Views read the document's
// precomputed analysis and never parse.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/history.h"
#include "core/journey.h"
#include "core/layout.h"
#include "core/text_clusters.h"
#include "core/view_filters.h"
#include "platform/platform.h"
#include "ui/import_state.h"
#include "ui/export_map.h"
#include "ui/edit_state.h"
#include "ui/view_state.h"

namespace uxcx {

// An open journey and everything computed from it at load time.
struct Document {
    std::string name;        // file name or link, shown in the title bar
    std::string source_url;  // the #map= URL it came from, empty otherwise
    Journey journey;
    Analysis analysis;       // of journey.sets[analysis.set]
    std::vector<Diagnostic> diagnostics;  // warnings of the last load
    bool dirty = false;      // changed since it was opened or saved
    MapLayout layout;        // the journey map's geometry, computed at open and after edits that move cards
    History history;         // undo / redo of edits (app_apply); drives `dirty`
    // Opened from a hosted #map= link: shown, not edited, until "Edit a copy" (ui/edit_commands.cpp).
    bool read_only = false;
    bool copy = false;       // an edited copy of a hosted map: it lives in this browser until saved
    unsigned revision = 0;   // counts edits, undos and redos: the page autosaves when it changes
};

// The journey map's camera: world (layout em) coordinates at the canvas's top-left, and zoom.
// While `fit` is set the map stays fitted: it is refitted on every frame, so a resize (a projector
// plugged in), full screen, or a new type size (presentation) keeps the whole journey in view.
// Panning or zooming by hand clears it; Fit (F) sets it again.
struct MapCamera {
    float x = 0, y = 0, zoom = 1;
    bool fit = true;      // keep the whole journey fitted (see above)
    bool follow = false;  // bring the selected card into view on the next frame
};

// A touchpoint drawn this frame, for window.uxcx.state().items: framebuffer pixels.
struct VisibleItem {
    int touchpoint = -1;
    float x = 0, y = 0, w = 0, h = 0;
    std::string label;      // the name as drawn (shortened with "…" when it did not fit); empty: no name drawn
    bool evidence = false;  // the insufficient-evidence mark is drawn on it
    float label_px = 0;     // the font size `label` is drawn at
};

// A stage header the map drew this frame, for window.uxcx.state().headers: framebuffer pixels.
struct VisibleHeader {
    int column = -1;  // index into MapLayout::columns
    float x = 0, y = 0, w = 0, h = 0;  // the header cell on screen (clipped to the canvas)
    std::string label;  // the title as drawn ("3. Deliv…"); empty when the column is too narrow for text
    float label_px = 0; // the font size it is drawn at
};

// A control drawn this frame that tests click through the hook (window.uxcx.state().controls):
// the set picker, its entries while open, the overlay button and its check boxes; the editing
// controls (first screen, "Edit a copy", the "+" of a cell, the details editor's fields).
// Framebuffer pixels.
struct VisibleControl {
    std::string id;  // "set-picker", "set:ID", "overlay-button", "overlay:ID", "new-blank", "edit-copy", "add", "field:..."
    float x = 0, y = 0, w = 0, h = 0;
};

// Fallback fonts for other scripts (core/scripts.h): which the host was asked to fetch for the open
// journeys, and which arrived (ui/fonts.h). Masks of FallbackFont::bit.
struct FontRequests {
    unsigned generation = ~0u;  // App::generation the journeys were last scanned at
    unsigned requested = 0, added = 0;
    ClusterTable clusters;  // what the host's cluster glyphs stand for (ui_fonts_add_color_glyphs)
};

// A labelled widget (button, menu, menu item, tab...) that the last frame drew, for
// window.uxcx.state().widgets: tests click "File > Compare with..." by its label, not by coordinates
// that move when a menu grows. Recorded through Dear ImGui's item hooks (visible_widgets.cpp).
struct VisibleWidget {
    std::string label;  // the words shown: no "##" suffix, no leading icon
    float x = 0, y = 0, w = 0, h = 0;  // framebuffer pixels
};

struct App {
    bool has_document = false;
    Document doc;
    std::string view = "map";  // map, quadrant, heatmap, ranking, compare
    int selected = -1;         // touchpoint index in doc.journey, shared by every view
    std::string error;         // the last failed open, shown in the UI until dismissed
    std::vector<Diagnostic> error_details;
    std::vector<VisibleItem> items;  // refilled by the active view every frame
    std::vector<VisibleHeader> headers;  // the map's stage headers, refilled every frame the map draws
    std::vector<VisibleWidget> widgets;  // labelled widgets of the last frame drawn (visible_widgets.cpp)
    float dpi_scale = 1.0f;          // device pixels per CSS pixel
    bool presentation = false;       // client-meeting mode: no editing chrome, larger type
    bool dark = false;               // theme; the host starts it from prefers-color-scheme
    MapCamera map;
    bool show_details = true;          // the details panel beside the view
    bool show_story = true;            // the story panel beside the view in presentation mode (D hides it)
    int compare_a = 0, compare_b = 1;  // measurement sets compared (compare view)
    ViewFilters filters;               // ranking and heatmap filters; links and the recent list carry them
    std::optional<Document> other;     // a second journey to compare with ("Compare with...")
    unsigned generation = 0;           // changes with every open and edit (next_generation)
    RankingState ranking;              // the ranking's rows in on-screen order (view_state.h)
    CompareState compare;              // the compare view's analyses
    // The set every view shows is doc.analysis.set (app_show_set); these are the sets whose curves
    // the map overlays (at most kMaxOverlaySets, core/link.h), and their analyses.
    std::vector<int> overlay;
    OverlayState overlay_cache;
    std::vector<VisibleControl> controls;  // refilled every frame (the hook's "controls")
    float frame_ms = 0;                // the app's own CPU time in the last app_frame()
    FontRequests fonts;                // fallback fonts asked for and added (ui/fonts.h)
    ImportState import;                // File > Import survey... (ui/import_screen.h)
    ExportState exports;               // whole-map PNG/PDF and the bare view PNG (ui/export_map.h)
    EditUiState edit;                  // rename in place, fields being typed, drags, header menus
    // Keys the platform repeated while they were held, since the last frame (ImGuiKey values): the
    // browser's own key repeat, at the person's settings. The host adds them; app_frame counts each
    // as a press of the keys that step (key_presses, widgets.h), then empties the list.
    std::vector<int> key_repeats;
};

using platform::OpenPurpose;

// The outcome of one open: what the automation hook returns.
struct OpenResult {
    bool ok = false;
    std::vector<Diagnostic> diagnostics;
    // What the file became: Compare only when there was a map to compare with (otherwise it
    // opened as the map). The page records in Recent only what became the open map.
    OpenPurpose opened_as = OpenPurpose::Open;
};

// Loads bytes (journey JSON or Mermaid text) for `purpose`: Open and Restore replace the open
// document, Compare fills `other` and keeps it. On failure the current document stays open and
// app.error says why.
OpenResult app_open(App& app, std::string_view bytes, std::string_view name, std::string_view source_url = {},
                    OpenPurpose purpose = OpenPurpose::Open);
// What app_open does once the bytes are loaded: the page's loading worker loads big maps off the
// main thread and hands the result here (uxcx_open_unpacked), so both ways share one code path.
OpenResult app_open_loaded(App& app, struct LoadResult&& loaded, std::string_view name, std::string_view source_url = {},
                           OpenPurpose purpose = OpenPurpose::Open);

// Editing (core/edit.h, core/history.h). Every change to the open journey goes through app_apply
// so that analysis (incrementally), layout, the selection (it follows its card), the dirty flag and
// the views' caches follow it. A refused edit changes nothing; the result's message says why.
EditResult app_apply(App& app, const Edit& e);
bool app_undo(App& app);  // false: nothing to undo
bool app_redo(App& app);
// A field lost focus (or Enter): the next keystroke starts a new undo step.
void app_commit_edit(App& app);
// The journey was written out (Save, download): dirty until the next edit or undo.
void app_mark_saved(App& app);

// A fresh value for App::generation: views rebuild what they cache when it changes.
unsigned next_generation();

// Draws one frame of the whole UI.
void app_frame(App& app);
// Records the labelled widgets drawn between the two calls into app.widgets (visible_widgets.cpp);
// app_frame brackets the whole frame with them.
void begin_widget_record(App& app);
void end_widget_record();

// Names of the views, in menu order; app_set_view() refuses anything else.
extern const char* const kViewNames[6];
bool app_set_view(App& app, std::string_view name);

// Shows measurement set `set` in every view (map, ranking, quadrant, heatmap, drivers, details):
// the document is analysed for it. False (nothing changes) for an index the journey does not have.
bool app_show_set(App& app, int set);

// The view, selection, filters and compared sets as a link query (core/link.h), and back: what
// a shared link and a recent-map entry carry. Unknown names and ids in the query are ignored.
std::string app_link_query(const App& app);
void app_apply_query(App& app, std::string_view query);

// Presentation mode: no editing chrome, larger type, full screen (P toggles, Escape leaves).
void app_set_presentation(App& app, bool on);
// Exports: a PNG of the current view (without the app's chrome, a few frames later: export_map.h),
// the ranking as CSV (both downloads).
void app_export_png(App& app);
void app_export_csv(const App& app);

}  // namespace uxcx
