// first_screen.cpp: what the app shows with no map open: an invitation to work. Start a new
// journey (blank, or from a sample as a template), open a file or drop one, open a sample from
// the gallery (each with its story), or go back to a recent map.
#include <algorithm>

#include "imgui.h"
#include "platform/platform.h"
#include "ui/edit_ui.h"
#include "ui/widgets.h"

namespace uxcx {

void first_screen(App& app) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = std::min(avail, em * 60);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(width, em));
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.6f);
    ImGui::TextUnformatted("Map where UX and CX part ways");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextDisabled("A customer-journey map with usability (SUS, SEQ, task success, time) and relationship "
                        "(NPS, CSAT, CES) side by side. Build one in a workshop, or open one you have. "
                        "Everything stays in this browser until you save it.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::Spacing();
    const ImVec2 big(em * 14, em * 2.6f);
    if (ImGui::Button("+  New journey", big)) app_new_blank(app);
    report_control(app, "new-blank");
    ImGui::SetItemTooltip("Three stages, a digital and an in-person channel: rename them, then add touchpoints");
    ImGui::SameLine(0, em);
    if (ImGui::Button(ICON_FOLDER "  Open a file...", big)) platform::open_file_dialog();
    report_control(app, "open");
    ImGui::SetItemTooltip("Journey JSON, Mermaid journey text or a CSV (Ctrl+O)");
    ImGui::SameLine(0, em);
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, em * 0.3f));
    ImGui::TextDisabled("or drop a file anywhere on the page,");
    ImGui::TextDisabled("or paste a journey or a uxcx link (Ctrl+V)");
    ImGui::EndGroup();

    const auto& samples = platform::sample_maps();
    if (!samples.empty()) {
        ImGui::Spacing();
        ImGui::SeparatorText("Samples: open one, or start a new journey from its stages and channels");
        const int per_row = std::max(1, (int)(width / (em * 19)));
        const float card_w = (width - (per_row - 1) * ImGui::GetStyle().ItemSpacing.x) / per_row;
        for (size_t i = 0; i < samples.size(); i++) {
            const platform::MapEntry& s = samples[i];
            if (i % (size_t)per_row) ImGui::SameLine();
            ImGui::PushID(s.id.c_str());
            ImGui::BeginChild("##sample", ImVec2(card_w, em * 8.5f), ImGuiChildFlags_Borders, ImGuiWindowFlags_NoScrollbar);
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(s.title.c_str());
            ImGui::TextDisabled("%s", s.story.c_str());
            ImGui::PopTextWrapPos();
            ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), em * 8.5f - em * 2.2f));
            if (ImGui::Button("Open")) platform::open_sample(s.id);
            report_control(app, "sample:" + s.id);
            ImGui::SameLine();
            if (ImGui::Button("Use as template")) platform::open_template(s.id);
            report_control(app, "template:" + s.id);
            ImGui::SetItemTooltip("A new journey with its stages, channels and measurement sets, without its touchpoints");
            ImGui::EndChild();
            ImGui::PopID();
        }
    }
    const auto& recent = platform::recent_maps();
    if (!recent.empty()) {
        ImGui::Spacing();
        ImGui::SeparatorText("Recent maps in this browser");
        for (const platform::MapEntry& r : recent) {
            ImGui::PushID(r.id.c_str());
            if (ImGui::Selectable(r.title.c_str(), false, 0, ImVec2(width - em * 12, 0))) platform::open_recent(r.id);
            report_control(app, "recent:" + r.id);
            ImGui::SameLine(width - em * 11);
            ImGui::TextDisabled("%s", r.story.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndGroup();
}

}  // namespace uxcx
