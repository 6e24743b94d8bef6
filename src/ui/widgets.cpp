// widgets.cpp: score chips, tooltips and the formatting of metrics in their own units.
#include "ui/widgets.h"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "core/validate.h"
#include "core/utf8.h"
#include "ui/fonts.h"
#include "ui/palette.h"

namespace uxcx {

void fmt_score(char* buf, size_t n, double v) {
    if (std::isnan(v))
        std::snprintf(buf, n, "-");
    else
        std::snprintf(buf, n, "%.0f", v);
}

void fmt_metric(char* buf, size_t n, Metric m, double v) {
    if (std::isnan(v)) {
        std::snprintf(buf, n, "-");
        return;
    }
    switch (m) {
    case Metric::Seq:
    case Metric::Ces: std::snprintf(buf, n, "%.2f / 7", v); break;
    case Metric::Nps: std::snprintf(buf, n, "%+.1f", v); break;
    case Metric::TaskSuccess:
    case Metric::ErrorRate: std::snprintf(buf, n, "%.1f %%", v * 100); break;
    case Metric::Csat: std::snprintf(buf, n, "%.1f %%", v); break;
    case Metric::TimeOnTask: std::snprintf(buf, n, "%.1f s", v); break;
    default: std::snprintf(buf, n, "%.1f", v); break;  // SUS, UMUX-Lite: 0-100
    }
}

void fmt_interval(char* buf, size_t n, const Score& s) {
    if (std::isnan(s.low) || std::isnan(s.high))
        std::snprintf(buf, n, "%s", "");
    else
        std::snprintf(buf, n, "[%.1f, %.1f]", s.low, s.high);
}

void draw_text_clipped(ImDrawList* dl, float font_size, ImVec2 pos, ImU32 col, std::string_view text, const ImVec4& clip) {
    dl->AddText(ImGui::GetFont(), font_size, pos, col, text.data(), text.data() + text.size(), 0.0f, &clip);
}

std::string shown(std::string text) { return needs_visual_text(text) ? visual_text(text, ui_fonts_clusters()) : text; }

std::vector<ShownLine> shown_lines(std::string_view text, float width) {
    std::vector<ShownLine> lines;
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize();
    for (size_t start = 0; start <= text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view para = text.substr(start, end - start);
        const bool rtl = reads_right_to_left(para);
        const char* p = para.data();
        const char* const pend = para.data() + para.size();
        do {
            const char* brk = font->CalcWordWrapPosition(fs, p, pend, width);
            if (brk == p && p < pend) brk = p + 1;  // never stuck: at least one character a line
            while (brk < pend && ((unsigned char)*brk & 0xC0) == 0x80) brk++;
            std::string_view line(p, (size_t)(brk - p));
            while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
            ShownLine l{shown(std::string(line)), 0.0f};
            if (rtl) l.indent = std::max(0.0f, width - ImGui::CalcTextSize(l.text.c_str()).x);
            lines.push_back(std::move(l));
            p = brk;
            while (p < pend && *p == ' ') p++;
        } while (p < pend);
        start = end + 1;
    }
    return lines;
}

void text_shown_wrapped(std::string_view text, float wrap_w) {
    if (!needs_visual_text(text)) {
        ImGui::PushTextWrapPos(wrap_w > 0 ? ImGui::GetCursorPosX() + wrap_w : 0.0f);
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
        ImGui::PopTextWrapPos();
        return;
    }
    const float x0 = ImGui::GetCursorPosX();
    for (const ShownLine& l : shown_lines(text, wrap_w > 0 ? wrap_w : ImGui::GetContentRegionAvail().x)) {
        ImGui::SetCursorPosX(x0 + l.indent);
        ImGui::TextUnformatted(l.text.c_str());
    }
}

std::string ellipsize(std::string_view text, float fs, float max_w) {
    // One pass over the characters with the font's advances at that size (no kerning in ImGui
    // 1.92): cheap enough for every card on a fitted map, every frame.
    ImFontBaked* font = ImGui::GetFont()->GetFontBaked(fs);
    static constexpr std::string_view kEllipsis = "\xe2\x80\xa6";  // U+2026
    const float ellipsis_w = font->GetCharAdvance((ImWchar)0x2026);
    // Where the host draws clusters (Devanagari conjuncts, emoji sequences) a cluster is measured
    // as the one glyph it is drawn as, and never cut: measuring its parts would also have the
    // host draw each part for nothing.
    ClusterTable* clusters = needs_visual_text(text) ? ui_fonts_clusters() : nullptr;
    std::vector<uint32_t> cps;
    if (clusters)
        for (size_t i = 0; i < text.size();) cps.push_back(next_utf8(text, i));
    float w = 0;
    size_t cut = 0;  // the longest prefix that fits with the ellipsis after it
    for (size_t p = 0, k = 0; p < text.size();) {  // p: bytes, k: code points (cps) read so far
        uint32_t c = 0;
        ClusterKind kind = ClusterKind::Script;
        const size_t run_end = clusters ? cluster_end(cps, k, &kind) : k;
        if (run_end > k) {  // as visual_text draws it: one code, or the parts when the table is full
            size_t q = p;
            for (size_t i = k; i < run_end; i++) next_utf8(text, q);
            if ((c = cluster_code(*clusters, text.substr(p, q - p), kind)) != 0) {
                p = q;
                k = run_end;
            }
        }
        if (c == 0) {
            c = next_utf8(text, p);
            k++;
        }
        w += (c == '\n' ? 0.0f : font->GetCharAdvance((ImWchar)(c <= IM_UNICODE_CODEPOINT_MAX ? c : 0xFFFD)));
        if (w + ellipsis_w <= max_w) cut = p;
        if (w > max_w) break;
    }
    if (w <= max_w) return std::string(text);
    if (ellipsis_w > max_w) return {};
    while (cut > 0 && text[cut - 1] == ' ') cut--;  // "Notice…", not "Notice …"
    return std::string(text.substr(0, cut)) + std::string(kEllipsis);
}

void draw_evidence_mark(ImDrawList* dl, ImVec2 a, ImVec2 b, float fs) {
    const float dash = std::max(3.0f, fs * 0.35f), t = std::max(1.5f, fs * 0.12f);
    const ImU32 ink = IM_COL32(20, 20, 20, 255);
    for (float x = a.x; x < b.x; x += dash * 2) {
        const float x1 = std::min(x + dash, b.x);
        dl->AddLine(ImVec2(x, a.y + t * 0.5f), ImVec2(x1, a.y + t * 0.5f), ink, t);
        dl->AddLine(ImVec2(x, b.y - t * 0.5f), ImVec2(x1, b.y - t * 0.5f), ink, t);
    }
}

void draw_score_chip(ImDrawList* dl, ImVec2 a, ImVec2 b, const char* label, const Score& s, float fs, bool offline) {
    const float r = fs * 0.25f;
    const ImVec4 clip(a.x, a.y, b.x, b.y);
    if (offline || !s.present()) {
        dl->AddRect(a, b, ui_color(ImGuiCol_Border), r);
        // Offline: say there is no UX reading (never a zero that reads as a bad score).
        char text[48];
        std::snprintf(text, sizeof text, offline ? "No %s reading" : "%s: no data", label);
        draw_text_clipped(dl, fs * 0.85f, ImVec2(a.x + fs * 0.3f, a.y + fs * 0.15f), ui_color(ImGuiCol_TextDisabled), text, clip);
        if (offline && b.y - a.y > fs * 1.8f)
            draw_text_clipped(dl, fs * 0.75f, ImVec2(a.x + fs * 0.3f, a.y + fs * 1.1f), ui_color(ImGuiCol_TextDisabled),
                              ICON_PHONE " offline", clip);
        return;
    }
    const ImU32 bg = score_color(s.value), fg = text_on(bg);
    dl->AddRectFilled(a, b, bg, r);
    if (s.insufficient) draw_evidence_mark(dl, a, b, fs);
    char text[48];
    std::snprintf(text, sizeof text, "%s %.0f%s", label, s.value, s.insufficient ? "  " ICON_WARN : "");
    draw_text_clipped(dl, fs, ImVec2(a.x + fs * 0.3f, a.y + fs * 0.1f), fg, text, clip);
    // The whisker on the 0-100 scale across the chip's inner width.
    if (!std::isnan(s.low) && !std::isnan(s.high) && b.y - a.y > fs * 1.5f) {
        const float x0 = a.x + fs * 0.3f, x1 = b.x - fs * 0.3f, y = b.y - fs * 0.35f;
        auto X = [&](double v) { return x0 + (x1 - x0) * (float)(std::clamp(v, 0.0, 100.0) / 100.0); };
        const float t = std::max(1.0f, fs * 0.08f);
        dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), (fg & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 60), t);
        dl->AddLine(ImVec2(X(s.low), y), ImVec2(X(s.high), y), fg, t * 1.5f);
        dl->AddLine(ImVec2(X(s.low), y - fs * 0.2f), ImVec2(X(s.low), y + fs * 0.2f), fg, t);
        dl->AddLine(ImVec2(X(s.high), y - fs * 0.2f), ImVec2(X(s.high), y + fs * 0.2f), fg, t);
        dl->AddCircleFilled(ImVec2(X(s.value), y), fs * 0.16f, fg);
    }
}

const char* stage_name(const Journey& j, int s) {
    return s >= 0 && s < (int)j.stages.size() ? shown_name(j.stages[s]).c_str() : "Unassigned";
}
const char* channel_name(const Journey& j, int c) {
    return c >= 0 && c < (int)j.channels.size() ? shown_name(j.channels[c]).c_str() : "Unassigned";
}
bool channel_offline(const Journey& j, int c) { return c >= 0 && c < (int)j.channels.size() && !j.channels[c].digital; }

static void score_line(const char* label, const Score& s) {
    char v[16], iv[48];
    fmt_score(v, sizeof v, s.value);
    fmt_interval(iv, sizeof iv, s);
    if (!s.present()) {
        ImGui::Text("%s: no reading", label);
        return;
    }
    ImGui::Text("%s %s / 100  %s  n = %.0f%s", label, v, iv, s.n, s.insufficient ? "  " ICON_WARN " insufficient evidence" : "");
}

void touchpoint_tooltip(const App& app, int t) {
    const Journey& j = app.doc.journey;
    if (t < 0 || t >= (int)j.touchpoints.size()) return;
    const Touchpoint& tp = j.touchpoints[t];
    const TouchpointScore& sc = app.doc.analysis.touchpoints[t];
    text_shown_wrapped(tp.name, ImGui::GetFontSize() * 28);
    ImGui::TextDisabled("%s  ·  %s%s", shown(stage_name(j, tp.stage)).c_str(), shown(channel_name(j, tp.channel)).c_str(),
                        channel_offline(j, tp.channel) ? " (offline)" : "");
    ImGui::Separator();
    score_line("UX", sc.ux);
    score_line("CX", sc.cx);
    ImGui::Text("Quadrant: %s", quadrant_label(sc.quadrant));
    metrics_table(app.doc.journey, app.doc.analysis, t, "##tipmetrics", ImGuiTableFlags_SizingFixedFit, false);
}

void metrics_table(const Journey& j, const Analysis& an, int t, const char* id, ImGuiTableFlags flags, bool headers) {
    if (t < 0 || t >= (int)j.touchpoints.size() || t >= (int)an.touchpoints.size()) return;
    const Touchpoint& tp = j.touchpoints[(size_t)t];
    const TouchpointScore& sc = an.touchpoints[(size_t)t];
    if (sc.metrics.empty() || !ImGui::BeginTable(id, 4, flags)) return;
    if (headers) {
        // Explicit weights: with proportional stretch and no measured content yet (a panel's first
        // frame), Dear ImGui 1.92 divides 0 by 0 and lays the panel out at NaN (UBSan in ui_tests).
        ImGui::TableSetupColumn("Metric", ImGuiTableColumnFlags_None, 1.3f);
        ImGui::TableSetupColumn("Reading", ImGuiTableColumnFlags_None, 1.0f);
        ImGui::TableSetupColumn("Score (95%)", ImGuiTableColumnFlags_None, 1.7f);
        ImGui::TableSetupColumn("n", ImGuiTableColumnFlags_None, 0.6f);
        ImGui::TableHeadersRow();
    }
    const Measurement* m = an.set >= 0 && an.set < (int)tp.sets.size() ? &tp.sets[(size_t)an.set] : nullptr;
    for (const MetricScore& ms : sc.metrics) {
        char raw[32], score[16], iv[48], n[24] = "";
        fmt_metric(raw, sizeof raw, ms.metric, ms.value);
        fmt_score(score, sizeof score, ms.score.value);
        fmt_interval(iv, sizeof iv, ms.score);
        // A reading without a score (time on task with no target) still has its sample size.
        if (!std::isnan(ms.score.n))
            std::snprintf(n, sizeof n, "%.0f", ms.score.n);
        else if (m && m->get(ms.metric) && m->get(ms.metric)->n)
            std::snprintf(n, sizeof n, "%.0f", *m->get(ms.metric)->n);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(metric_label(ms.metric));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(raw);
        ImGui::TableNextColumn();
        ImGui::Text("%s %s%s", score, iv, ms.score.insufficient ? " " ICON_WARN : "");
        ImGui::TableNextColumn();
        if (n[0]) ImGui::Text(headers ? "%s" : "n = %s", n);
    }
    ImGui::EndTable();
}

// The schemes are defined once, in the core (validate.h), which the loader checks files with.
bool link_allowed(std::string_view url) { return link_scheme_allowed(url); }

bool app_owns_keyboard() { return !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId); }

// ImGui repeats a held key from the frames' times, whatever the person set: a press of the arrow
// whose release reached the page 0.6 s late (a presenter resting on the clicker; a loaded machine)
// stepped the selection several touchpoints at once (meeting.test, 1 run in 6 beside another test
// file). The browser repeats a held key itself, at the delay and rate the person chose (or not at
// all), and those repeats are what a held key steps by.
int key_presses(const App& app, ImGuiKey key) {
    return (ImGui::IsKeyPressed(key, false) ? 1 : 0) + (int)std::count(app.key_repeats.begin(), app.key_repeats.end(), (int)key);
}

}  // namespace uxcx
