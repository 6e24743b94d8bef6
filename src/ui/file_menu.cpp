// file_menu.cpp: the File menu. Ways in and out of the app start here; the host does the moving
// of bytes (platform.h), the core does the converting (convert.h).
#include "ui/file_menu.h"

#include "core/convert.h"
#include "core/link.h"
#include "imgui.h"
#include "platform/platform.h"

namespace uxcx {

void copy_link(const App& app) {
    if (!app.has_document) return;
    const Journey& j = app.doc.journey;
    const std::string query = app_link_query(app);  // view, selection, filters, compared sets
    // A hosted map travels as its URL (short, and the receiver gets the newest version); the
    // JSON is only compressed into the link when there is no URL to point at, or when it changed.
    if (!app.doc.source_url.empty() && !app.doc.dirty)
        platform::copy_map_link({}, app.doc.source_url, query);
    else
        platform::copy_map_link(save_journey_json(j), {}, query);
}

bool download_document(App& app, std::string_view kind) {
    if (!app.has_document) return false;
    const Journey& j = app.doc.journey;
    if (kind == "json") {
        platform::download(download_name(j.title, ".json"), "application/json", save_journey_json(j));
        app_mark_saved(app);  // the user now has the changes in a file
    } else if (kind == "mermaid") {
        platform::download(download_name(j.title, ".mmd"), "text/plain", export_mermaid(j));
    } else if (kind == "csv") {
        platform::download(download_name(j.title, ".csv"), "text/csv", export_csv(j));
    } else {
        return false;
    }
    return true;
}

void draw_file_menu(App& app) {
    if (ImGui::MenuItem("Open...", "Ctrl+O")) platform::open_file_dialog();
    const auto& samples = platform::sample_maps();
    if (ImGui::BeginMenu("Samples", !samples.empty())) {
        for (const platform::MapEntry& s : samples) {
            if (ImGui::MenuItem(s.title.c_str())) platform::open_sample(s.id);
            if (!s.story.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.story.c_str());
        }
        ImGui::EndMenu();
    }
    const auto& recent = platform::recent_maps();
    if (ImGui::BeginMenu("Recent", !recent.empty())) {
        for (const platform::MapEntry& r : recent) {
            ImGui::PushID(r.id.c_str());
            if (ImGui::MenuItem(r.title.c_str(), r.story.c_str())) platform::open_recent(r.id);
            ImGui::PopID();
        }
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Copy link", nullptr, false, app.has_document)) copy_link(app);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("A link that opens this map with this view, selection and filters");
    ImGui::Separator();
    if (ImGui::MenuItem("Download JSON", nullptr, false, app.has_document)) download_document(app, "json");
    if (ImGui::MenuItem("Download Mermaid", nullptr, false, app.has_document)) download_document(app, "mermaid");
    if (ImGui::MenuItem("Download CSV", nullptr, false, app.has_document)) download_document(app, "csv");
}

}  // namespace uxcx
