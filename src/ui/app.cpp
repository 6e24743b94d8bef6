// app.cpp: opening documents and the frame: menu bar, toolbar, the active view, the details
// panel, keyboard shortcuts, presentation mode and exports.
#include "ui/app.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <cstdio>
#include <cstring>

#include "core/convert.h"
#include "core/link.h"
#include "core/load.h"
#include "imgui.h"
#include "platform/platform.h"
#include "ui/edit_ui.h"
#include "ui/file_menu.h"
#include "ui/fonts.h"
#include "ui/import_screen.h"
#include "ui/ranking_export.h"
#include "ui/set_picker.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace uxcx {

const char* const kViewNames[6] = {"map", "quadrant", "heatmap", "ranking", "drivers", "compare"};
static const char* const kViewLabels[6] = {"Journey map", "UX x CX quadrants", "Heatmap", "Ranking", "Drivers", "Compare"};

OpenResult app_open(App& app, std::string_view bytes, std::string_view name, std::string_view source_url,
                    OpenPurpose purpose) {
    return app_open_loaded(app, load_journey(bytes), name, source_url, purpose);
}

unsigned next_generation() {
    // Unique across every App of the process: views' caches are static, and a test makes many Apps.
    static unsigned counter = 0;
    return ++counter;
}

OpenResult app_open_loaded(App& app, LoadResult&& loaded, std::string_view name, std::string_view source_url,
                           OpenPurpose purpose) {
    // With nothing open there is nothing to compare with: the file becomes the map.
    const bool into_other = purpose == OpenPurpose::Compare && app.has_document;
    OpenResult r;
    r.opened_as = into_other ? OpenPurpose::Compare : purpose == OpenPurpose::Restore ? OpenPurpose::Restore : OpenPurpose::Open;
    r.ok = loaded.ok;
    r.diagnostics = loaded.diagnostics;
    if (!loaded.ok) {
        // Keep what is open; say why the new file was refused.
        const Diagnostic* first = nullptr;
        for (const Diagnostic& d : loaded.diagnostics)
            if (d.severity == Severity::Error) { first = &d; break; }
        app.error = std::string(name.empty() ? "The file" : name) + " could not be opened: " +
                    (first ? first->message : std::string("unknown problem"));
        if (first && first->line > 0)
            app.error += " (line " + std::to_string(first->line) + ", column " + std::to_string(first->column) + ")";
        app.error_details = std::move(loaded.diagnostics);
        return r;
    }
    Document doc;
    doc.name = name;
    doc.source_url = source_url;
    doc.journey = std::move(loaded.journey);
    doc.analysis = analyse(doc.journey, 0);
    doc.diagnostics = std::move(loaded.diagnostics);
    doc.layout = layout_map(doc.journey);  // once per open: views only transform it
    app.generation = next_generation();
    app.error.clear();
    app.error_details.clear();
    // What the views derived from the old document is stale now.
    app.compare.valid = false;
    app.ranking.dirty = true;
    if (into_other) {
        // "Compare with...": the open journey stays; this one is the other side of the comparison.
        app.other = std::move(doc);
        app.view = "compare";
        return r;
    }
    app.doc = std::move(doc);
    app.edit = EditUiState{};
    // Filters name stages and channels by index: one the new journey does not have shows everything.
    if (app.filters.stage >= (int)app.doc.journey.stages.size()) app.filters.stage = kAllGroups;
    if (app.filters.channel >= (int)app.doc.journey.channels.size()) app.filters.channel = kAllGroups;
    app.has_document = true;
    app.selected = app.doc.layout.order.empty() ? -1 : app.doc.layout.order[0];
    app.map = MapCamera{};
    app.compare_a = 0;
    app.compare_b = app.doc.journey.sets.size() > 1 ? 1 : 0;
    app.overlay.clear();
    return r;
}

bool app_show_set(App& app, int set) {
    if (!app.has_document || set < 0 || set >= (int)app.doc.journey.sets.size()) return false;
    if (set == app.doc.analysis.set) return true;
    app.doc.analysis = analyse(app.doc.journey, set);
    app.generation = next_generation();  // rankings, compare and overlays rebuild
    return true;
}

bool app_set_view(App& app, std::string_view name) {
    for (const char* v : kViewNames)
        if (name == v) {
            app.view = v;
            return true;
        }
    return false;
}

std::string app_link_query(const App& app) {
    if (!app.has_document) return {};
    return link_query(app.doc.journey, {app.view, app.selected, app.filters, app.compare_a, app.compare_b,
                                        app.doc.analysis.set, app.overlay});
}

void app_apply_query(App& app, std::string_view query) {
    if (!app.has_document) return;
    const LinkState s = parse_link_query(app.doc.journey, query, {{}, app.selected, app.filters, app.compare_a, app.compare_b, app.doc.analysis.set, app.overlay});
    if (!s.view.empty()) app_set_view(app, s.view);
    app.selected = s.selected;
    app.filters = s.filters;
    app.compare_a = s.compare_a;
    app.compare_b = s.compare_b;
    app_show_set(app, s.set);
    app.overlay = s.overlay;
}

void app_set_presentation(App& app, bool on) {
    if (app.presentation == on) return;
    app.presentation = on;
    platform::set_fullscreen(on);
    app.map.fit = true;  // the canvas changes size with the chrome and the type
}

void app_export_png(App& app) { export_view_png(app); }

void app_export_csv(const App& app) {
    if (!app.has_document) return;
    // The ranking as filtered (and ranked) on screen, not the whole journey in file order.
    platform::download("uxcx-ranking.csv", "text/csv", ranking_csv(app));
}

static void draw_menu_bar(App& app) {
    if (!ImGui::BeginMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        draw_file_menu(app);
        ImGui::Separator();
        if (ImGui::MenuItem(ICON_FOLDER " Compare with...", nullptr, false, app.has_document))
            platform::open_file_dialog(OpenPurpose::Compare);
        export_menu(app);  // Export: whole map PNG / PDF, this view as PNG, ranking CSV
        ImGui::Separator();
        draw_import_menu_item(app);
        // Editing's items last: the items above keep their places (tests/e2e/purpose.test.mjs
        // clicks Compare with... where it is).
        ImGui::Separator();
        draw_file_save_item(app);
        draw_file_new_items(app);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit", app.has_document)) {
        draw_edit_menu(app);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (int i = 0; i < (int)std::size(kViewNames); i++)
            if (ImGui::MenuItem(kViewLabels[i], nullptr, app.view == kViewNames[i])) app.view = kViewNames[i];
        ImGui::Separator();
        ImGui::MenuItem("Details panel", "D", &app.show_details);
        if (ImGui::MenuItem("Presentation mode", "P", app.presentation)) app_set_presentation(app, !app.presentation);
        ImGui::MenuItem("Dark theme", nullptr, &app.dark);
        ImGui::EndMenu();
    }
    if (app.has_document) {
        ImGui::Separator();
        ImGui::TextUnformatted(shown(app.doc.journey.title).c_str());
        const std::string note = document_title_note(app);
        if (!note.empty()) ImGui::TextDisabled("%s", note.c_str());
    }
    ImGui::EndMenuBar();
}

// One row: the view tabs, then exports, theme and presentation on the right.
static void draw_toolbar(App& app) {
    for (int i = 0; i < (int)std::size(kViewNames); i++) {
        if (i) ImGui::SameLine();
        const bool on = app.view == kViewNames[i];
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(kViewLabels[i])) app.view = kViewNames[i];
        if (on) ImGui::PopStyleColor();
    }
    draw_set_picker(app);  // measurement sets: shown and overlaid (set_picker.cpp)
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    if (ImGui::Button(ICON_CAMERA " PNG")) app_export_png(app);
    ImGui::SetItemTooltip("Download this view as a PNG image, without menus or panels (File > Export has the whole map)");
    ImGui::SameLine();
    if (ImGui::Button(ICON_DOWNLOAD " CSV")) app_export_csv(app);
    ImGui::SetItemTooltip("Download the ranking as CSV");
    ImGui::SameLine();
    if (ImGui::Button(app.dark ? ICON_SUN " Light" : ICON_MOON " Dark")) app.dark = !app.dark;
    ImGui::SameLine();
    if (ImGui::Button(ICON_TV " Present")) app_set_presentation(app, true);
    ImGui::SetItemTooltip("Presentation mode (P): full screen, larger type, arrow keys step through touchpoints");
}

static void draw_error_banner(App& app) {
    if (app.error.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.85f, 0.2f, 0.2f, 0.15f));
    ImGui::BeginChild("##error", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Borders);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(app.error.c_str());
    ImGui::PopTextWrapPos();
    int shown = 0;
    for (const Diagnostic& d : app.error_details) {
        if (d.severity != Severity::Error || ++shown > 5) continue;
        ImGui::BulletText("%s%s%s", d.pointer.c_str(), d.pointer.empty() ? "" : ": ", d.message.c_str());
    }
    if (ImGui::SmallButton("Dismiss")) app.error.clear();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// The touchpoint `delta` steps from the selection in the order the active view shows them: the
// ranking's rows as sorted and filtered on screen, journey order everywhere else.
static int step_selection(const App& app, int delta) {
    if (app.view == "ranking") {
        const std::vector<int>& rows = app.ranking.rows;
        if (rows.empty()) return app.selected;
        const auto it = std::find(rows.begin(), rows.end(), app.selected);
        if (it == rows.end()) return delta > 0 ? rows.front() : rows.back();
        const long i = std::clamp<long>((it - rows.begin()) + delta, 0, (long)rows.size() - 1);
        return rows[(size_t)i];
    }
    return layout_step(app.doc.layout, app.selected, delta);
}

// Keys: arrows move the selection (left/right along the journey, up/down across lanes; in the
// Ranking view along the rows on screen), PageDown/PageUp step like right/left (what a
// presentation clicker sends), P toggles presentation, Escape leaves it, D shows or hides the
// panel beside the view. Each press steps once however long the key is down, and a held key
// steps at the browser's own key repeat (key_presses). Never while a text field has the keyboard.
// No single key downloads anything: a stray press in a meeting must not drop files on the
// presenter's machine.
// ImGui's own keyboard navigation stays out of the main window (ImGuiWindowFlags_NoNavInputs in
// app_frame), so the arrows never also walk a focus ring along the toolbar.
static void handle_keys(App& app) {
    edit_handle_keys(app);  // F2, Insert, Delete, Alt+Arrow, Ctrl+Z/Y/S (edit_commands.cpp)
    if (!app.has_document || !app_owns_keyboard()) return;
    if (app.import.phase != ImportState::Phase::Closed) return;  // the import screen is in front of the map
    if (ImGui::GetIO().KeyAlt) return;  // Alt+Arrow moves the touchpoint, not the selection
    const MapLayout& l = app.doc.layout;
    const int before = app.selected;
    const bool along = app.presentation || app.view == "ranking";  // up/down step too
    const int right = key_presses(app, ImGuiKey_RightArrow) + key_presses(app, ImGuiKey_PageDown);
    const int left = key_presses(app, ImGuiKey_LeftArrow) + key_presses(app, ImGuiKey_PageUp);
    const int down = key_presses(app, ImGuiKey_DownArrow), up = key_presses(app, ImGuiKey_UpArrow);
    for (int i = 0; i < right; i++) app.selected = step_selection(app, +1);
    for (int i = 0; i < left; i++) app.selected = step_selection(app, -1);
    for (int i = 0; i < down; i++) app.selected = along ? step_selection(app, +1) : layout_vertical(l, app.selected, +1);
    for (int i = 0; i < up; i++) app.selected = along ? step_selection(app, -1) : layout_vertical(l, app.selected, -1);
    if (app.selected != before) {
        app.map.follow = true;
        app.ranking.scroll_to_selected = true;
    }
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(ImGuiKey_P, false) && !io.KeyCtrl) app_set_presentation(app, !app.presentation);
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) app_set_presentation(app, false);
    if (ImGui::IsKeyPressed(ImGuiKey_D, false) && !io.KeyCtrl) {
        bool& panel = app.presentation ? app.show_story : app.show_details;
        panel = !panel;
    }
}

static void draw_view(App& app) {
    if (app.view == "map")
        view_map(app);
    else if (app.view == "quadrant")
        view_quadrant(app);
    else if (app.view == "heatmap")
        view_heatmap(app);
    else if (app.view == "ranking")
        view_ranking(app);
    else if (app.view == "drivers")
        view_drivers(app);
    else
        view_compare(app);
}

void app_frame(App& app) {
    const auto start = std::chrono::steady_clock::now();
    app.items.clear();
    app.headers.clear();
    app.controls.clear();
    ui_fonts_request(app);  // a journey in another script: its font is fetched (once)
    app.import.widgets.clear();
    begin_widget_record(app);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    // NoNavInputs: the arrow keys and Space belong to the app (handle_keys), never to ImGui's focus
    // ring; menus and combo popups are windows of their own and keep their keyboard navigation.
    const ImGuiWindowFlags no_nav = ImGuiWindowFlags_NoNavInputs;
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | no_nav |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBackground;
    // NoBackground: the platform clears the screen with WindowBg before drawing (platform/web/main.cpp);
    // painting it again would shade every pixel once more each frame, and without a GPU (SwiftShader,
    // most meeting-room laptops' fallback too) shaded pixels are what a frame costs (bench/README.md).
    // A PNG of the view: a few frames with the view alone, no menu, toolbar or panel, and no hover.
    const bool bare = export_view_capturing(app);
    if (bare) flags |= ImGuiWindowFlags_NoMouseInputs;
    if (!app.presentation && !bare) flags |= ImGuiWindowFlags_MenuBar;
    ImGui::Begin("uxcx", nullptr, flags);
    handle_keys(app);
    app.key_repeats.clear();
    if (!app.presentation && !bare) draw_menu_bar(app);
    export_dialog(app);
    if (!bare) draw_error_banner(app);
    if (draw_import_screen(app)) {
        // File > Import survey...: the mapping screen or the worker's progress, in place of the view.
    } else if (!app.has_document) {
        first_screen(app);
    } else {
        const float em = ImGui::GetFontSize();
        const Journey& j = app.doc.journey;
        const bool has_selection = app.selected >= 0 && app.selected < (int)j.touchpoints.size();
        if (bare) {
            // The view alone (export_view_png).
        } else if (app.presentation) {
            // No editing chrome: the journey's title, the view, and the story of the selection.
            if (ImGui::Button(ICON_CLOSE " Leave presentation (Esc)")) app_set_presentation(app, false);
            ImGui::SameLine(0, em * 2);
            ImGui::TextUnformatted(shown(app.doc.journey.title).c_str());
            ImGui::SameLine(0, em * 2);
            if (!app.show_story && has_selection) {
                if (ImGui::Button(ICON_QUOTE " Show story (D)")) app.show_story = true;
                ImGui::SameLine(0, em);
            }
            ImGui::TextDisabled("%s", "\xe2\x86\x90 \xe2\x86\x92 / PgUp PgDn: previous / next touchpoint");
        } else {
            draw_toolbar(app);
        }
        if (!bare) draw_edit_bars(app);
        // While editing, the panel also shows with nothing selected: the journey's own fields.
        const bool details = !bare && (app.presentation ? app.show_story && has_selection
                                                        : app.show_details && (has_selection || app_editable(app)));
        const float avail = ImGui::GetContentRegionAvail().x;
        // The story panel in presentation is narrower than the details panel's share would be at
        // the larger type: the map beside it must still show the whole journey legibly.
        const float panel = details ? std::min(avail * (app.presentation ? 0.28f : 0.3f), em * (app.presentation ? 22.0f : 26.0f)) : 0;
        ImGui::BeginChild("##view", ImVec2(avail - panel - (details ? ImGui::GetStyle().ItemSpacing.x : 0), 0),
                          ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | no_nav |
                              (bare ? ImGuiWindowFlags_NoMouseInputs : 0));
        draw_view(app);
        ImGui::EndChild();
        if (details) {
            ImGui::SameLine();
            ImGui::BeginChild("##details", ImVec2(0, 0), ImGuiChildFlags_Borders, no_nav);
            // The editor of the selected touchpoint; its story (read only) in presentation, for a
            // hosted map until "Edit a copy", and beside the Compare view.
            if (app_editable(app) && app.view != "compare")
                details_editor(app);
            else
                details_panel(app);
            ImGui::EndChild();
        }
    }
    ImGui::End();
    export_frame(app);
    draw_rename_overlay(app);
    end_widget_record();
    app.frame_ms = std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace uxcx
