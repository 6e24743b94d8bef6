// details_priority.cpp: importance and "why is this #N" in the details panel (details_priority.h).
#include "ui/details_priority.h"

#include <cmath>
#include <cstdio>

#include "core/priority_text.h"
#include "imgui.h"
#include "ui/widgets.h"

namespace uxcx {

namespace {

// "Importance 32.8% of R² (95% 31.4-34.3%), r 0.50, n 25,893": the journey's drivers block for
// this touchpoint; nothing when the journey has no drivers.
void importance_line(const Journey& j, const TouchpointScore& sc) {
    if (!j.drivers || j.drivers->touchpoints.empty()) return;
    const DriversBlock& d = *j.drivers;
    ImGui::Spacing();
    ImGui::TextDisabled("Key driver of %s", d.outcome.empty() ? "the outcome" : d.outcome.c_str());
    if (sc.driver < 0 || sc.driver >= (int)d.touchpoints.size()) {
        ImGui::TextWrapped("Not among the drivers: no importance measured.");
        return;
    }
    const TouchpointDriver& td = d.touchpoints[(size_t)sc.driver];
    const ImportanceShare share = importance_share(j, sc.driver);
    char interval[64] = "";
    if (!std::isnan(share.low))
        std::snprintf(interval, sizeof interval, " (95%% %.1f\u2013%.1f%%)", share.low, share.high);
    ImGui::Text("Importance %.1f%% of R\u00B2%s", share.share, interval);
    ImGui::SetItemTooltip("Its share of the outcome's explained variance (R\u00B2 %.3f): %.4f of it. The interval is the "
                          "bootstrap 95%% interval when the file gives one.", d.r2, td.importance);
    char r[32] = "-", n[32] = "-";
    if (std::isfinite(td.r)) std::snprintf(r, sizeof r, "%.2f", td.r);
    if (td.n) std::snprintf(n, sizeof n, "%.0f", *td.n);
    ImGui::TextDisabled("r with the outcome %s, n %s", r, n);
    if (td.sign < 0)
        ImGui::TextWrapped("Its full-model coefficient is negative: with the other touchpoints held equal, more of it goes "
                           "with less of the outcome.");
}

}  // namespace

void details_priority(const App& app, const Analysis& an, int t) {
    const Journey& j = app.doc.journey;
    if (t < 0 || t >= (int)an.touchpoints.size() || t >= (int)j.touchpoints.size()) return;
    importance_line(j, an.touchpoints[(size_t)t]);
    const std::vector<std::string> why = explain_priority(j, an, t);
    if (why.empty()) return;
    ImGui::Spacing();
    // The first line is the heading ("#3 of 12 to fix first: priority 20.8"); the terms follow.
    const bool open = ImGui::TreeNodeEx("##why", ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth, "%s", why[0].c_str());
    ImGui::SetItemTooltip("Why it ranks here: priority = shortfall \u00D7 reach \u00D7 importance \u00D7 evidence "
                          "(docs/metrics.md, \"Priority\")");
    if (!open) return;
    ImGui::PushTextWrapPos(0);
    for (size_t k = 1; k < why.size(); k++) {
        if (k + 1 == why.size()) ImGui::TextDisabled("%s", why[k].c_str());
        else {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", why[k].c_str());
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::TreePop();
}

}  // namespace uxcx
