// details.cpp: the selected touchpoint's story: every metric in its own units with its 0-100
// score and interval, pain points, opportunities, quotes, owner and link.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "platform/platform.h"
#include "ui/details_priority.h"
#include "ui/palette.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace uxcx {

static void section(const char* icon, const char* title, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    ImGui::Spacing();
    ImGui::TextDisabled("%s %s", icon, title);
    for (const std::string& s : lines) {
        ImGui::Bullet();
        text_shown_wrapped(s);
    }
}

// A row with the colour chip of a 0-100 score, drawn as an item so the layout flows.
static void score_chip_item(const char* label, const Score& s, bool offline) {
    const float em = ImGui::GetFontSize();
    // Two side by side, each at most 8 em: narrower in a narrow panel (presentation's story).
    const float w = std::min(em * 8, (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    const ImVec2 a = ImGui::GetCursorScreenPos(), size(std::max(w, em * 3), em * 2.3f);
    ImGui::Dummy(size);
    draw_score_chip(ImGui::GetWindowDrawList(), a, ImVec2(a.x + size.x, a.y + size.y), label, s, em, offline);
}

void details_panel(App& app) {
    const Journey& j = app.doc.journey;
    if (app.selected < 0 || app.selected >= (int)j.touchpoints.size()) return;
    const Touchpoint& tp = j.touchpoints[app.selected];
    // In Compare, the scores of side A (the row's "before"); compare_details adds the change and side B.
    const Analysis& an = details_analysis(app);
    const bool comparing = app.view == "compare";
    if (app.selected >= (int)an.touchpoints.size()) return;
    const TouchpointScore& sc = an.touchpoints[app.selected];
    const float em = ImGui::GetFontSize();
    // Closing hides the panel of this mode only: the story in presentation, the details otherwise.
    if (ImGui::SmallButton(ICON_CLOSE)) (app.presentation ? app.show_story : app.show_details) = false;
    ImGui::SetItemTooltip(app.presentation ? "Hide the story: the map takes the whole width (D)" : "Hide the details panel (D)");
    ImGui::SameLine();
    ImGui::TextDisabled("Touchpoint %d of %d", app.doc.layout.order_index[app.selected] + 1, (int)j.touchpoints.size());
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * (app.presentation ? 1.35f : 1.15f));
    text_shown_wrapped(tp.name);
    ImGui::PopFont();
    const bool offline = channel_offline(j, tp.channel);
    ImGui::TextDisabled("%s  ·  %s%s", shown(stage_name(j, tp.stage)).c_str(), shown(channel_name(j, tp.channel)).c_str(),
                        offline ? " (offline)" : "");
    if (comparing) ImGui::TextDisabled("%s", j.sets.size() > (size_t)an.set && !app.compare.journeys ? j.sets[(size_t)an.set].name.c_str() : app.doc.name.c_str());
    score_chip_item("UX", sc.ux, offline && !sc.ux.present());
    ImGui::SameLine();
    score_chip_item("CX", sc.cx, false);
    ImGui::Text("%s", quadrant_label(sc.quadrant));
    if (!std::isnan(sc.gap)) {
        // Beside the quadrant when it fits, else under it: a narrow panel (presentation's story at
        // 1280 px) cut it to "gap UX-CX +".
        char gap[32];
        std::snprintf(gap, sizeof gap, "gap UX-CX %+.1f", sc.gap);
        const float beside = ImGui::GetItemRectSize().x + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(gap).x;
        if (beside <= ImGui::GetContentRegionAvail().x) ImGui::SameLine();
        ImGui::TextDisabled("%s", gap);
    }
    if (!comparing) details_priority(app, an, app.selected);  // importance and "why is this #N"
    if (!tp.description.empty()) {
        ImGui::Spacing();
        text_shown_wrapped(tp.description);
    }

    metrics_table(j, an, app.selected, "##metrics", ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp, true);
    if (comparing) compare_details(app, app.selected);
    if (offline && !sc.ux.present()) ImGui::TextDisabled(ICON_PHONE " Offline touchpoint: no UX reading, CX only.");
    if (!std::isnan(sc.emotion)) {
        // One decimal (a mean of answers is rarely whole), and never "-0.0" for a mean just below 0.
        const double shown = std::round(sc.emotion * 10) / 10;
        ImGui::Text("Emotion %+.1f (-2..+2)", shown == 0 ? 0.0 : shown);
    }
    if (tp.volume) ImGui::Text("Volume %.0f customers", *tp.volume);

    section(ICON_BOLT, "Pain points", tp.painPoints);
    section(ICON_BULB, "Opportunities", tp.opportunities);
    if (!tp.quotes.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s Quotes", ICON_QUOTE);
        for (const std::string& q : tp.quotes) {
            ImGui::Indent(em);
            text_shown_wrapped(q);
            ImGui::Unindent(em);
        }
    }
    if (!tp.owner.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s Owner", ICON_USER);
        ImGui::SameLine();
        ImGui::TextUnformatted(shown(tp.owner).c_str());
    }
    if (!tp.url.empty()) {
        ImGui::Spacing();
        if (link_allowed(tp.url)) {
            ImGui::PushID("link");
            if (ImGui::Button(ICON_LINK " Open link")) platform::open_url(tp.url);
            ImGui::PopID();
            ImGui::SameLine();
            ImGui::TextDisabled("%s", tp.url.c_str());
        } else {
            ImGui::TextDisabled("%s Link not opened (only http, https and mailto): %s", ICON_LINK, tp.url.c_str());
        }
    }
}

}  // namespace uxcx
