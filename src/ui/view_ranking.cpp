// view_ranking.cpp: every touchpoint in a table sortable by every column, with a text filter and
// quadrant, stage and channel filters. Rows are rebuilt only when the data, filters or sort change.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "imgui.h"
#include "ui/palette.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace uxcx {

enum RankCol { ColRank, ColName, ColStage, ColChannel, ColUx, ColCx, ColGap, ColPriority, ColImportance, ColN, ColQuadrant, ColCount };

// Numbers compare as numbers; NaN (missing) is handled by the caller, last in both directions.
static int cmp_num(double a, double b) {
    if (std::isnan(a) || std::isnan(b)) return 0;  // the caller puts missing values last
    return a < b ? -1 : a > b ? 1 : 0;
}

static double evidence_n(const TouchpointScore& s) {
    return (std::isnan(s.ux.n) ? 0 : s.ux.n) + (std::isnan(s.cx.n) ? 0 : s.cx.n);
}

void view_ranking(App& app) {
    // The filters live in app.filters (links carry them); the text filter's parsed form and the
    // rows live in app.ranking, rebuilt when the filters, the document or the sort change.
    RankingState& st = app.ranking;
    ImGuiTextFilter& filter = st.filter;
    std::vector<int>& rows = st.rows;
    bool& dirty = st.dirty;
    int &quadrant = app.filters.quadrant, &stage = app.filters.stage, &channel = app.filters.channel;
    const Journey& j = app.doc.journey;
    const Analysis& an = app.doc.analysis;
    const float em = ImGui::GetFontSize();

    if (app.filters.text != filter.InputBuf) {  // set from outside (a link, another App)
        std::snprintf(filter.InputBuf, sizeof filter.InputBuf, "%s", app.filters.text.c_str());
        filter.Build();
        app.filters.text = filter.InputBuf;  // what fits: the field holds 255 bytes
    }
    ImGui::SetNextItemWidth(em * 14);
    if (filter.Draw(ICON_SEARCH " Filter names", em * 14)) app.filters.text = filter.InputBuf;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 11);
    if (ImGui::BeginCombo("##quadrant", quadrant < 0 ? "All quadrants" : quadrant_label((Quadrant)quadrant))) {
        if (ImGui::Selectable("All quadrants", quadrant < 0)) quadrant = -1, dirty = true;
        for (int q = 0; q <= (int)Quadrant::NoData; q++)
            if (ImGui::Selectable(quadrant_label((Quadrant)q), quadrant == q)) quadrant = q, dirty = true;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 10);
    if (ImGui::BeginCombo("##stage", stage == kAllGroups ? "All stages" : stage_name(j, stage))) {
        if (ImGui::Selectable("All stages", stage == kAllGroups)) stage = kAllGroups, dirty = true;
        for (int s = -1; s < (int)j.stages.size(); s++) {
            ImGui::PushID(s);
            if (ImGui::Selectable(stage_name(j, s), stage == s)) stage = s, dirty = true;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 10);
    if (ImGui::BeginCombo("##channel", channel == kAllGroups ? "All channels" : channel_name(j, channel))) {
        if (ImGui::Selectable("All channels", channel == kAllGroups)) channel = kAllGroups, dirty = true;
        for (int c = -1; c < (int)j.channels.size(); c++) {
            ImGui::PushID(c);
            if (ImGui::Selectable(channel_name(j, c), channel == c)) channel = c, dirty = true;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine(0, em * 1.5f);
    ImGui::Text("%d of %d", (int)rows.size(), (int)j.touchpoints.size());
    legend_score(j.scoring.threshold);
    ImGui::SameLine(0, em * 1.5f);
    legend_gap();

    if (!(st.built_with == app.filters)) st.built_with = app.filters, dirty = true;
    if (st.generation != app.generation) st.generation = app.generation, dirty = true;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortMulti | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##ranking", ColCount, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthFixed, em * 3, ColRank);
    ImGui::TableSetupColumn("Touchpoint", ImGuiTableColumnFlags_WidthStretch, 3.5f, ColName);
    ImGui::TableSetupColumn("Stage", 0, 1.5f, ColStage);
    ImGui::TableSetupColumn("Channel", 0, 1.5f, ColChannel);
    ImGui::TableSetupColumn("UX", ImGuiTableColumnFlags_PreferSortDescending, 0.8f, ColUx);
    ImGui::TableSetupColumn("CX", ImGuiTableColumnFlags_PreferSortDescending, 0.8f, ColCx);
    ImGui::TableSetupColumn("Gap", 0, 0.8f, ColGap);
    ImGui::TableSetupColumn("Priority", ImGuiTableColumnFlags_PreferSortDescending, 0.9f, ColPriority);
    // Key-driver importance (% of R², bootstrap 95% interval); not shown when the journey has no drivers.
    const bool drivers = j.drivers && !j.drivers->touchpoints.empty();
    ImGui::TableSetupColumn("Importance %", ImGuiTableColumnFlags_PreferSortDescending | (drivers ? 0 : ImGuiTableColumnFlags_Disabled),
                            1.9f, ColImportance);
    ImGui::TableSetupColumn("n (UX/CX)", 0, 1.0f, ColN);
    ImGui::TableSetupColumn("Quadrant", 0, 2.4f, ColQuadrant);
    ImGui::TableHeadersRow();

    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (specs && specs->SpecsDirty) dirty = true;
    if (dirty) {
        // Rank = position in the analysis' priority order; filter, then sort by the clicked columns.
        std::vector<int> rank(j.touchpoints.size());
        for (size_t i = 0; i < an.priority.size(); i++) rank[an.priority[i]] = (int)i;
        rows.clear();
        for (int t : an.priority) {
            const Touchpoint& tp = j.touchpoints[t];
            const TouchpointScore& sc = an.touchpoints[t];
            if (!filter.PassFilter(tp.name.c_str(), tp.name.c_str() + tp.name.size())) continue;
            if (quadrant >= 0 && (int)sc.quadrant != quadrant) continue;
            const int ts = tp.stage >= 0 && tp.stage < (int)j.stages.size() ? tp.stage : -1;
            const int tc = tp.channel >= 0 && tp.channel < (int)j.channels.size() ? tp.channel : -1;
            if (stage != kAllGroups && ts != stage) continue;
            if (channel != kAllGroups && tc != channel) continue;
            rows.push_back(t);
        }
        if (specs && specs->SpecsCount > 0) {
            auto less = [&](int x, int y) {
                const TouchpointScore &a = an.touchpoints[x], &b = an.touchpoints[y];
                const Touchpoint &ta = j.touchpoints[x], &tb = j.touchpoints[y];
                for (int k = 0; k < specs->SpecsCount; k++) {
                    const ImGuiTableColumnSortSpecs& s = specs->Specs[k];
                    int d = 0;
                    switch (s.ColumnUserID) {
                    case ColRank: d = rank[x] - rank[y]; break;
                    case ColName: d = ta.name.compare(tb.name); break;
                    case ColStage: d = (ta.stage < 0 ? 1 << 30 : ta.stage) - (tb.stage < 0 ? 1 << 30 : tb.stage); break;
                    case ColChannel: d = std::strcmp(channel_name(j, ta.channel), channel_name(j, tb.channel)); break;
                    case ColUx: d = cmp_num(a.ux.value, b.ux.value); break;
                    case ColCx: d = cmp_num(a.cx.value, b.cx.value); break;
                    case ColGap: d = cmp_num(a.gap, b.gap); break;
                    case ColPriority: d = cmp_num(a.priority, b.priority); break;
                    case ColImportance: d = cmp_num(importance_share(j, a.driver).share, importance_share(j, b.driver).share); break;
                    case ColN: d = cmp_num(evidence_n(a), evidence_n(b)); break;
                    case ColQuadrant: d = (int)a.quadrant - (int)b.quadrant; break;
                    }
                    // Missing values last in both directions.
                    const double va = s.ColumnUserID == ColUx ? a.ux.value : s.ColumnUserID == ColCx ? a.cx.value
                                      : s.ColumnUserID == ColGap ? a.gap
                                      : s.ColumnUserID == ColImportance ? importance_share(j, a.driver).share : 0;
                    const double vb = s.ColumnUserID == ColUx ? b.ux.value : s.ColumnUserID == ColCx ? b.cx.value
                                      : s.ColumnUserID == ColGap ? b.gap
                                      : s.ColumnUserID == ColImportance ? importance_share(j, b.driver).share : 0;
                    if (std::isnan(va) != std::isnan(vb)) return std::isnan(vb);
                    if (d != 0) return s.SortDirection == ImGuiSortDirection_Ascending ? d < 0 : d > 0;
                }
                return rank[x] < rank[y];
            };
            std::stable_sort(rows.begin(), rows.end(), less);
        }
        if (specs) specs->SpecsDirty = false;
        dirty = false;
    }

    std::vector<int> rank_of(j.touchpoints.size());
    for (size_t i = 0; i < an.priority.size(); i++) rank_of[an.priority[i]] = (int)i;
    ImGuiListClipper clip;
    clip.Begin((int)rows.size());
    // After a key moved the selection, its row is laid out even when scrolled away, and scrolled to.
    int scroll_row = -1;
    if (st.scroll_to_selected) {
        st.scroll_to_selected = false;
        const auto it = std::find(rows.begin(), rows.end(), app.selected);
        if (it != rows.end()) scroll_row = (int)(it - rows.begin());
        if (scroll_row >= 0) clip.IncludeItemByIndex(scroll_row);
    }
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; i++) {
            const int t = rows[i];
            const Touchpoint& tp = j.touchpoints[t];
            const TouchpointScore& sc = an.touchpoints[t];
            ImGui::TableNextRow();
            ImGui::PushID(t);
            ImGui::TableNextColumn();
            char buf[64];
            std::snprintf(buf, sizeof buf, "%d", rank_of[t] + 1);
            if (ImGui::Selectable(buf, app.selected == t, ImGuiSelectableFlags_SpanAllColumns)) app.selected = t;
            if (i == scroll_row && !ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.5f);
            const bool hov = ImGui::IsItemHovered();
            const ImVec2 r0 = ImGui::GetItemRectMin(), r1 = ImGui::GetItemRectMax();
            if (app.items.size() < 2000 && ImGui::IsItemVisible()) app.items.push_back({t, r0.x, r0.y, r1.x - r0.x, r1.y - r0.y, {}, false, 0});
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(shown(tp.name).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(shown(stage_name(j, tp.stage)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(channel_name(j, tp.channel));
            for (const Score* s : {&sc.ux, &sc.cx}) {
                ImGui::TableNextColumn();
                if (s->present()) {
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, score_color(s->value, 0.75f));
                    ImGui::Text("%.0f%s", s->value, s->insufficient ? " " ICON_WARN : "");
                } else {
                    ImGui::TextDisabled("%s", s == &sc.ux && channel_offline(j, tp.channel) ? "offline" : "-");
                }
            }
            ImGui::TableNextColumn();
            if (!std::isnan(sc.gap)) {
                ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, gap_color(sc.gap, 0.45f));
                ImGui::Text("%+.0f", sc.gap);
            }
            ImGui::TableNextColumn();
            ImGui::Text("%.1f", sc.priority);
            ImGui::TableNextColumn();
            if (const ImportanceShare imp = importance_share(j, sc.driver); imp.present()) {
                if (std::isnan(imp.low)) ImGui::Text("%.1f", imp.share);
                else ImGui::Text("%.1f (%.1f\u2013%.1f)", imp.share, imp.low, imp.high);
            }
            ImGui::TableNextColumn();
            char un[16] = "-", cn[16] = "-";
            if (!std::isnan(sc.ux.n)) std::snprintf(un, sizeof un, "%.0f", sc.ux.n);
            if (!std::isnan(sc.cx.n)) std::snprintf(cn, sizeof cn, "%.0f", sc.cx.n);
            ImGui::Text("%s / %s", un, cn);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(quadrant_label(sc.quadrant));
            if (hov && ImGui::BeginTooltip()) {
                touchpoint_tooltip(app, t);
                ImGui::EndTooltip();
            }
            ImGui::PopID();
        }
    ImGui::EndTable();
}

}  // namespace uxcx
