// app.cpp: opening documents and the frame: menu bar, the active view, the error banner.
#include "ui/app.h"

#include <cstring>

#include "core/load.h"
#include "imgui.h"
#include "platform/platform.h"
#include "ui/file_menu.h"
#include "ui/views.h"

namespace uxcx {

const char* const kViewNames[5] = {"map", "quadrant", "heatmap", "ranking", "compare"};
static const char* const kViewLabels[5] = {"Journey map", "UX x CX quadrants", "Heatmap", "Ranking", "Compare"};

OpenResult app_open(App& app, std::string_view bytes, std::string_view name, std::string_view source_url) {
    LoadResult loaded = load_journey(bytes);
    OpenResult r;
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
    app.doc = Document{};
    app.doc.name = name;
    app.doc.source_url = source_url;
    app.doc.journey = std::move(loaded.journey);
    app.doc.analysis = analyse(app.doc.journey, 0);
    app.doc.diagnostics = std::move(loaded.diagnostics);
    app.has_document = true;
    app.selected = app.doc.journey.touchpoints.empty() ? -1 : 0;
    app.error.clear();
    app.error_details.clear();
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

static void draw_menu_bar(App& app) {
    if (!ImGui::BeginMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        draw_file_menu(app);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (int i = 0; i < 5; i++)
            if (ImGui::MenuItem(kViewLabels[i], nullptr, app.view == kViewNames[i])) app.view = kViewNames[i];
        ImGui::Separator();
        ImGui::MenuItem("Dark theme", nullptr, &app.dark);
        ImGui::EndMenu();
    }
    if (app.has_document) {
        ImGui::Separator();
        ImGui::TextUnformatted(app.doc.journey.title.c_str());
    }
    ImGui::EndMenuBar();
}

static void draw_error_banner(App& app) {
    if (app.error.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.85f, 0.2f, 0.2f, 0.15f));
    ImGui::BeginChild("##error", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border);
    ImGui::TextWrapped("%s", app.error.c_str());
    int shown = 0;
    for (const Diagnostic& d : app.error_details) {
        if (d.severity != Severity::Error || ++shown > 5) continue;
        ImGui::BulletText("%s%s%s", d.pointer.c_str(), d.pointer.empty() ? "" : ": ", d.message.c_str());
    }
    if (ImGui::SmallButton("Dismiss")) app.error.clear();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void app_frame(App& app) {
    app.items.clear();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar |
                                   ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("uxcx", nullptr, flags);
    draw_menu_bar(app);
    draw_error_banner(app);
    if (!app.has_document) {
        ImGui::TextDisabled("Open a journey file (File > Open...) or drop one on the page.");
    } else if (app.view == "map") {
        view_map(app);
    } else if (app.view == "quadrant") {
        view_quadrant(app);
    } else if (app.view == "heatmap") {
        view_heatmap(app);
    } else if (app.view == "ranking") {
        view_ranking(app);
    } else {
        view_compare(app);
    }
    ImGui::End();
}

}  // namespace uxcx
