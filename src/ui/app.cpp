// app.cpp: opening documents and the frame: menu bar, toolbar, the active view, the details
// panel, keyboard shortcuts, presentation mode and exports.
#include "ui/app.h"

#include <chrono>
#include <iterator>
#include <cstdio>
#include <cstring>

#include "core/convert.h"
#include "core/link.h"
#include "core/load.h"
#include "imgui.h"
#include "platform/platform.h"
#include "ui/file_menu.h"
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
    if (into_other) {
        // "Compare with...": the open journey stays; this one is the other side of the comparison.
        app.other = std::move(doc);
        app.view = "compare";
        return r;
    }
    app.doc = std::move(doc);
    app.has_document = true;
    app.selected = app.doc.layout.order.empty() ? -1 : app.doc.layout.order[0];
    app.map = MapCamera{};
    app.compare_a = 0;
    app.compare_b = app.doc.journey.sets.size() > 1 ? 1 : 0;
    return r;
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
    return link_query(app.doc.journey, {app.view, app.selected, app.filters, app.compare_a, app.compare_b});
}

void app_apply_query(App& app, std::string_view query) {
    if (!app.has_document) return;
    const LinkState s = parse_link_query(app.doc.journey, query, {{}, app.selected, app.filters, app.compare_a, app.compare_b});
    if (!s.view.empty()) app_set_view(app, s.view);
    app.selected = s.selected;
    app.filters = s.filters;
    app.compare_a = s.compare_a;
    app.compare_b = s.compare_b;
}

void app_set_presentation(App& app, bool on) {
    if (app.presentation == on) return;
    app.presentation = on;
    platform::set_fullscreen(on);
    app.map.fit = true;  // the canvas changes size with the chrome and the type
}

void app_export_png(const App& app) {
    platform::export_png(std::string("uxcx-") + app.view + ".png");
}

void app_export_csv(const App& app) {
    if (!app.has_document) return;
    platform::download("uxcx-ranking.csv", "text/csv", export_csv(app.doc.journey));
}

static void draw_menu_bar(App& app) {
    if (!ImGui::BeginMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        draw_file_menu(app);
        ImGui::Separator();
        if (ImGui::MenuItem(ICON_FOLDER " Compare with...", nullptr, false, app.has_document))
            platform::open_file_dialog(OpenPurpose::Compare);
        if (ImGui::MenuItem(ICON_CAMERA " Export PNG of this view", nullptr, false, app.has_document)) app_export_png(app);
        if (ImGui::MenuItem(ICON_DOWNLOAD " Export ranking CSV", nullptr, false, app.has_document)) app_export_csv(app);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (int i = 0; i < (int)std::size(kViewNames); i++)
            if (ImGui::MenuItem(kViewLabels[i], nullptr, app.view == kViewNames[i])) app.view = kViewNames[i];
        ImGui::Separator();
        ImGui::MenuItem("Details panel", nullptr, &app.show_details);
        if (ImGui::MenuItem("Presentation mode", "P", app.presentation)) app_set_presentation(app, !app.presentation);
        ImGui::MenuItem("Dark theme", nullptr, &app.dark);
        ImGui::EndMenu();
    }
    if (app.has_document) {
        ImGui::Separator();
        ImGui::TextUnformatted(app.doc.journey.title.c_str());
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
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    if (ImGui::Button(ICON_CAMERA " PNG")) app_export_png(app);
    ImGui::SetItemTooltip("Download this view as a PNG image (E)");
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
    ImGui::BeginChild("##error", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border);
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

// Keys: arrows move the selection (left/right along the journey, up/down across lanes), P toggles
// presentation, Escape leaves it, E exports a PNG of the view. Never while a text field has the keyboard.
static void handle_keys(App& app) {
    if (!app.has_document || !app_owns_keyboard()) return;
    const MapLayout& l = app.doc.layout;
    const int before = app.selected;
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) app.selected = layout_step(l, app.selected, +1);
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) app.selected = layout_step(l, app.selected, -1);
    if (app.presentation) {
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) app.selected = layout_step(l, app.selected, +1);
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) app.selected = layout_step(l, app.selected, -1);
    } else {
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) app.selected = layout_vertical(l, app.selected, +1);
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) app.selected = layout_vertical(l, app.selected, -1);
    }
    if (app.selected != before) app.map.follow = true;
    if (ImGui::IsKeyPressed(ImGuiKey_P, false) && !ImGui::GetIO().KeyCtrl) app_set_presentation(app, !app.presentation);
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) app_set_presentation(app, false);
    if (ImGui::IsKeyPressed(ImGuiKey_E, false) && !ImGui::GetIO().KeyCtrl) app_export_png(app);
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
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    if (!app.presentation) flags |= ImGuiWindowFlags_MenuBar;
    ImGui::Begin("uxcx", nullptr, flags);
    handle_keys(app);
    if (!app.presentation) draw_menu_bar(app);
    draw_error_banner(app);
    if (!app.has_document) {
        ImGui::TextDisabled("Open a journey file (File > Open...) or drop one on the page.");
    } else {
        const float em = ImGui::GetFontSize();
        if (app.presentation) {
            // No editing chrome: the journey's title, the view, and the story of the selection.
            if (ImGui::Button(ICON_CLOSE " Leave presentation (Esc)")) app_set_presentation(app, false);
            ImGui::SameLine(0, em * 2);
            ImGui::TextUnformatted(app.doc.journey.title.c_str());
            ImGui::SameLine(0, em * 2);
            ImGui::TextDisabled("%s", "Arrow keys: next / previous touchpoint");
        } else {
            draw_toolbar(app);
        }
        const Journey& j = app.doc.journey;
        const bool details = (app.show_details || app.presentation) && app.selected >= 0 &&
                             app.selected < (int)j.touchpoints.size();
        const float avail = ImGui::GetContentRegionAvail().x;
        const float panel = details ? std::min(avail * (app.presentation ? 0.42f : 0.3f), em * (app.presentation ? 40.0f : 26.0f)) : 0;
        ImGui::BeginChild("##view", ImVec2(avail - panel - (details ? ImGui::GetStyle().ItemSpacing.x : 0), 0),
                          ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        draw_view(app);
        ImGui::EndChild();
        if (details) {
            ImGui::SameLine();
            ImGui::BeginChild("##details", ImVec2(0, 0), ImGuiChildFlags_Border);
            details_panel(app);
            ImGui::EndChild();
        }
    }
    ImGui::End();
    app.frame_ms = std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace uxcx
