// ranking_export.cpp: "Export ranking CSV" exports what the Ranking table lists: the touchpoints
// that pass the App's filters (name text, quadrant, stage, channel), in the table's order.
#include "ui/ranking_export.h"

#include <cstdio>

#include "core/convert.h"
#include "imgui.h"

namespace uxcx {

std::vector<int> ranking_rows(const App& app) {
    const Journey& j = app.doc.journey;
    const Analysis& an = app.doc.analysis;
    const ViewFilters& f = app.filters;
    ImGuiTextFilter text;  // the table's own filter syntax ("a,b": either, "-c": not c)
    std::snprintf(text.InputBuf, sizeof text.InputBuf, "%s", f.text.c_str());
    text.Build();
    std::vector<int> rows;
    for (int t : an.priority) {  // the table's default order: rank
        if (t < 0 || t >= (int)j.touchpoints.size()) continue;
        const Touchpoint& tp = j.touchpoints[t];
        if (!text.PassFilter(tp.name.c_str(), tp.name.c_str() + tp.name.size())) continue;
        if (f.quadrant >= 0 && (int)an.touchpoints[t].quadrant != f.quadrant) continue;
        const int ts = tp.stage >= 0 && tp.stage < (int)j.stages.size() ? tp.stage : -1;
        const int tc = tp.channel >= 0 && tp.channel < (int)j.channels.size() ? tp.channel : -1;
        if (f.stage != kAllGroups && ts != f.stage) continue;
        if (f.channel != kAllGroups && tc != f.channel) continue;
        rows.push_back(t);
    }
    return rows;
}

std::string ranking_csv(const App& app) {
    return export_ranking_csv(app.doc.journey, app.doc.analysis, ranking_rows(app));
}

}  // namespace uxcx
