// view_compare.cpp: two measurement sets of one journey (current vs future, one quarter vs
// another) or two loaded journeys, side by side per touchpoint, the change as arrows, and a mark
// where a change is larger than its uncertainty.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "imgui.h"
#include "platform/platform.h"
#include "ui/palette.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace uxcx {

// "72 -> 80  ^ +8.0" and the verdict on the change: a star when it is larger than its 95%
// uncertainty, "unknown" when one side has no interval (no star would read as "not significant").
// The row and the details panel both draw it, so they cannot disagree.
static void change_cell(double before, double after, double change, bool significant, bool unknown) {
    char a[16], b[16];
    fmt_score(a, sizeof a, before);
    fmt_score(b, sizeof b, after);
    if (std::isnan(change)) {
        ImGui::TextDisabled("%s " ICON_RIGHT " %s", a, b);
        return;
    }
    const ImU32 col = change > 0.5 ? score_color(100) : change < -0.5 ? score_color(0) : ui_color(ImGuiCol_TextDisabled);
    ImGui::Text("%s " ICON_RIGHT " %s", a, b);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::Text("%s %+.1f", change > 0.5 ? ICON_UP : change < -0.5 ? ICON_DOWN : "=", change);
    ImGui::PopStyleColor();
    if (significant) {
        ImGui::SameLine();
        ImGui::TextUnformatted(ICON_STAR);
        ImGui::SetItemTooltip("The change is larger than its 95%% uncertainty");
    } else if (unknown) {
        ImGui::SameLine();
        ImGui::TextDisabled("unknown");
        ImGui::SetItemTooltip("Whether the change is larger than its uncertainty is unknown: one side has no interval (no n or spread)");
    }
}

// The compared sides' analyses, recomputed only when what is compared changes. Returns whether
// the other side is the second journey (rather than another set of this one).
static bool update_compare(App& app) {
    CompareState& cache = app.compare;
    const Journey& j = app.doc.journey;
    const int sets = (int)j.sets.size();
    const bool journeys = app.other.has_value() && cache.use_other;
    if (!journeys) {
        if (app.compare_a >= sets) app.compare_a = 0;
        if (app.compare_b >= sets) app.compare_b = sets > 1 ? 1 : 0;
    }
    if (!cache.valid || cache.generation != app.generation || cache.a != app.compare_a || cache.b != app.compare_b || cache.journeys != journeys) {
        cache.valid = true;
        cache.generation = app.generation;
        cache.a = app.compare_a;
        cache.b = app.compare_b;
        cache.journeys = journeys;
        cache.analysis_a = journeys ? app.doc.analysis : analyse(j, std::max(0, std::min(app.compare_a, sets - 1)));
        cache.analysis_b = journeys ? app.other->analysis : analyse(j, std::max(0, std::min(app.compare_b, sets - 1)));
        cache.cmp = compare(j, cache.analysis_a, journeys ? app.other->journey : j, cache.analysis_b);
    }
    return journeys;
}

// The names of the two sides: the sets' names, or the two files'.
static std::string side_name(const App& app, bool b) {
    const Journey& j = app.doc.journey;
    if (app.compare.journeys && app.other) return b ? app.other->name : app.doc.name;
    const int s = b ? app.compare.b : app.compare.a;
    return s >= 0 && s < (int)j.sets.size() ? j.sets[(size_t)s].name : std::string("-");
}

const Analysis& details_analysis(App& app) {
    if (app.view != "compare" || !app.has_document) return app.doc.analysis;
    update_compare(app);
    return app.compare.analysis_a;
}

void compare_details(App& app, int t) {
    const Journey& j = app.doc.journey;
    if (t < 0 || t >= (int)j.touchpoints.size()) return;
    update_compare(app);
    const CompareState& cache = app.compare;
    if (t >= (int)cache.cmp.changes.size() || t >= (int)cache.analysis_a.touchpoints.size()) return;
    const TouchpointScore& sa = cache.analysis_a.touchpoints[(size_t)t];
    const int mb = cache.cmp.matchInB[(size_t)t];
    const TouchpointScore* sb = mb >= 0 && mb < (int)cache.analysis_b.touchpoints.size() ? &cache.analysis_b.touchpoints[(size_t)mb] : nullptr;
    const Change& c = cache.cmp.changes[(size_t)t];
    ImGui::SeparatorText("Compared");
    ImGui::TextDisabled("%s " ICON_RIGHT " %s", side_name(app, false).c_str(), side_name(app, true).c_str());
    ImGui::Spacing();
    if (!sb) {
        ImGui::TextDisabled("not in the other journey");
        return;
    }
    ImGui::TextUnformatted("UX");
    ImGui::SameLine();
    change_cell(sa.ux.value, sb->ux.value, c.ux, c.uxSignificant, c.uxUnknown);
    ImGui::TextUnformatted("CX");
    ImGui::SameLine();
    change_cell(sa.cx.value, sb->cx.value, c.cx, c.cxSignificant, c.cxUnknown);
    // The other side's readings (the panel above shows this side's, of the same analysis as the row).
    ImGui::Spacing();
    ImGui::TextDisabled("%s", side_name(app, true).c_str());
    metrics_table(cache.journeys ? app.other->journey : j, cache.analysis_b, mb, "##cmpb",
                  ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp, true);
}

void view_compare(App& app) {
    const Journey& j = app.doc.journey;
    const float em = ImGui::GetFontSize();
    const int sets = (int)j.sets.size();
    bool& use_other = app.compare.use_other;

    // What to compare: two sets of this journey, or this journey against a second file.
    if (app.other) {
        ImGui::Checkbox("Compare with the second journey", &use_other);
        ImGui::SameLine();
        ImGui::TextDisabled("(%s)", app.other->name.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Close it")) {
            app.other.reset();
            return;
        }
    }
    const bool journeys = update_compare(app);
    if (!journeys) {
        auto set_combo = [&](const char* id, int& v) {
            ImGui::SetNextItemWidth(em * 12);
            if (ImGui::BeginCombo(id, sets > 0 ? j.sets[v].name.c_str() : "-")) {
                for (int s = 0; s < sets; s++) {
                    ImGui::PushID(s);
                    if (ImGui::Selectable(j.sets[s].name.c_str(), v == s)) v = s;
                    ImGui::PopID();
                }
                ImGui::EndCombo();
            }
        };
        set_combo("##seta", app.compare_a);
        ImGui::SameLine();
        ImGui::TextUnformatted(ICON_RIGHT);
        ImGui::SameLine();
        set_combo("##setb", app.compare_b);
    }
    ImGui::SameLine(0, em * 2);
    if (ImGui::Button(ICON_FOLDER " Compare with...")) platform::open_file_dialog(OpenPurpose::Compare);
    ImGui::SetItemTooltip("Open a second journey file and compare touchpoints by id");
    if (!journeys && sets < 2)
        ImGui::TextDisabled("This journey has one measurement set. Open a second journey to compare, or add sets to the file.");

    update_compare(app);  // the combos may have changed the sets
    const Journey& jb = journeys ? app.other->journey : j;
    const CompareState& cache = app.compare;
    const Comparison& cmp = cache.cmp;
    {
        char a[16], b[16], c[16], d[16];
        fmt_score(a, sizeof a, cmp.journeyA.ux.value);
        fmt_score(b, sizeof b, cmp.journeyB.ux.value);
        fmt_score(c, sizeof c, cmp.journeyA.cx.value);
        fmt_score(d, sizeof d, cmp.journeyB.cx.value);
        ImGui::Text("Whole journey: UX %s " ICON_RIGHT " %s    CX %s " ICON_RIGHT " %s", a, b, c, d);
        ImGui::SameLine(0, em * 2);
        ImGui::TextDisabled(ICON_STAR " change larger than its 95%% uncertainty    unknown: a side has no interval");
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Resizable;
    const float missing_h = cmp.missingInB.empty() ? 0 : em * 5;
    if (ImGui::BeginTable("##compare", 4, flags, ImVec2(0, -missing_h))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Touchpoint", 0, 3);
        ImGui::TableSetupColumn("Stage", 0, 1.2f);
        ImGui::TableSetupColumn("UX before " ICON_RIGHT " after", 0, 2);
        ImGui::TableSetupColumn("CX before " ICON_RIGHT " after", 0, 2);
        ImGui::TableHeadersRow();
        const MapLayout& l = app.doc.layout;
        ImGuiListClipper clip;
        clip.Begin((int)l.order.size());
        while (clip.Step())
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; i++) {
                const int t = l.order[i];
                if (t >= (int)cmp.changes.size()) continue;
                const TouchpointScore& sa = cache.analysis_a.touchpoints[t];
                const int mb = cmp.matchInB[t];
                const TouchpointScore* sb = mb >= 0 && mb < (int)cache.analysis_b.touchpoints.size() ? &cache.analysis_b.touchpoints[mb] : nullptr;
                const Change& c = cmp.changes[t];
                ImGui::TableNextRow();
                ImGui::PushID(t);
                ImGui::TableNextColumn();
                if (ImGui::Selectable(shown(j.touchpoints[t].name).c_str(), app.selected == t, ImGuiSelectableFlags_SpanAllColumns))
                    app.selected = t;
                const ImVec2 r0 = ImGui::GetItemRectMin(), r1 = ImGui::GetItemRectMax();
                if (app.items.size() < 2000) app.items.push_back({t, r0.x, r0.y, r1.x - r0.x, r1.y - r0.y, {}, false, 0});
                if (ImGui::IsItemHovered() && ImGui::BeginTooltip()) {
                    touchpoint_tooltip(app, t);
                    ImGui::EndTooltip();
                }
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(stage_name(j, j.touchpoints[t].stage));
                ImGui::TableNextColumn();
                if (!sb)
                    ImGui::TextDisabled("not in the other journey");
                else
                    change_cell(sa.ux.value, sb->ux.value, c.ux, c.uxSignificant, c.uxUnknown);
                ImGui::TableNextColumn();
                if (sb) change_cell(sa.cx.value, sb->cx.value, c.cx, c.cxSignificant, c.cxUnknown);
                ImGui::PopID();
            }
        ImGui::EndTable();
    }
    if (!cmp.missingInB.empty()) {
        ImGui::TextDisabled("Only in the other journey (%d):", (int)cmp.missingInB.size());
        ImGui::BeginChild("##missing", ImVec2(0, 0));
        for (size_t i = 0; i < cmp.missingInB.size() && i < 200; i++)
            ImGui::BulletText("%s", shown(jb.touchpoints[cmp.missingInB[i]].name).c_str());
        ImGui::EndChild();
    }
}

}  // namespace uxcx
