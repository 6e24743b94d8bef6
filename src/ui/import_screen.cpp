// import_screen.cpp: the survey import screen (File > Import survey...). See import_screen.h.
#include "ui/import_screen.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <iterator>

#include "core/convert_text.h"
#include "core/link.h"
#include "core/metric_table.h"
#include "imgui.h"
#include "platform/platform.h"
#include "ui/widgets.h"

namespace uxcx {

const char* const kImportPrivacy =
    "Privacy: the answers stay in this tab's memory while you import; only the journey built from them "
    "(counts, means and shares) is kept, like any map you open, and no answer is ever stored, linked or saved.";

using Phase = ImportState::Phase;

// ---- what the host reports ------------------------------------------------------------------

void import_begin(App& app, std::string_view name, double total_bytes, bool direct) {
    ImportState& s = app.import;
    s = ImportState{};
    s.phase = direct ? Phase::Running : Phase::Reading;
    s.direct = direct;
    s.name = name;
    s.total = total_bytes;
}

void import_progress(App& app, double rows, double bytes, double total) {
    ImportState& s = app.import;
    s.rows = rows, s.bytes = bytes, s.total = total;
}

static std::string title_from_name(std::string_view name) {
    const size_t dot = name.rfind('.');
    std::string t(dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot));
    return t.empty() ? std::string("Survey") : t;
}

void import_profiled(App& app, SurveyProfile&& profile) {
    ImportState& s = app.import;
    if (s.phase != Phase::Reading) return;  // cancelled meanwhile
    if (!profile.ok) {
        const Diagnostic d = profile.diagnostics.empty() ? Diagnostic{} : profile.diagnostics[0];
        std::string m = s.name + " could not be read: " + (d.message.empty() ? std::string("unknown problem") : d.message);
        if (d.line > 0) m += " (line " + std::to_string(d.line) + ", column " + std::to_string(d.column) + ")";
        import_failed(app, m);
        return;
    }
    s.profile = std::move(profile);
    s.plan = suggest_import_plan(s.profile, title_from_name(s.name));
    s.phase = Phase::Mapping;
}

void import_mapping_loaded(App& app, std::string_view bytes, std::string_view name) {
    ImportState& s = app.import;
    if (s.phase != Phase::Mapping) return;
    s.notes.clear();
    SurveyMappingResult m = load_survey_mapping(bytes);
    if (!m.ok) {
        for (const Diagnostic& d : m.diagnostics)
            if (d.severity == Severity::Error && s.notes.size() < 5)
                s.notes.push_back(std::string(name) + ": " + d.message + (d.line > 0 ? " (line " + std::to_string(d.line) + ", column " + std::to_string(d.column) + ")" : ""));
        return;
    }
    std::vector<std::string> missing;
    s.plan = import_plan_from_mapping(m.mapping, s.profile, &missing);
    for (const std::string& c : missing) s.notes.push_back(std::string(name) + " names a column this CSV does not have: \"" + c + "\"");
    // Missing columns make the file unusable as it is; the choices (without them) stay editable.
    if (missing.empty()) {
        s.mapping_name = name;
        s.mapping_bytes = bytes;
        s.mapping_plan = s.plan;
    } else {
        s.mapping_name.clear(), s.mapping_bytes.clear();
    }
}

void import_failed(App& app, std::string message, std::vector<Diagnostic> details) {
    ImportState& s = app.import;
    s.phase = Phase::Failed;
    s.error = std::move(message);
    s.error_details = std::move(details);
}

void import_done(App& app) { app.import = ImportState{}; }

std::string import_mapping_to_run(const ImportState& s) {
    if (!s.mapping_bytes.empty() && s.plan == s.mapping_plan) return s.mapping_bytes;
    return import_plan_mapping_json(s.plan);
}

// ---- drawing --------------------------------------------------------------------------------

static void remember(App& app, std::string name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    app.import.widgets.push_back({std::move(name), a.x, a.y, b.x - a.x, b.y - a.y});
}

// An ImGui text field over a std::string (ImGui keeps its own copy while the field is active).
static bool input_string(const char* id, std::string& s, size_t cap = 256, const char* hint = nullptr) {
    std::vector<char> buf(cap, 0);
    std::memcpy(buf.data(), s.data(), std::min(s.size(), cap - 1));
    if (!(hint ? ImGui::InputTextWithHint(id, hint, buf.data(), cap) : ImGui::InputText(id, buf.data(), cap))) return false;
    s = buf.data();
    return true;
}

static const Metric kReadingMetrics[] = {Metric::Nps, Metric::Csat, Metric::Ces, Metric::Seq, Metric::Sus,
                                         Metric::UmuxLite, Metric::TaskSuccess, Metric::TimeOnTask};
static const char* const kReadingLabels[] = {"NPS (0-10)", "CSAT", "CES", "SEQ", "SUS item", "UMUX-Lite item",
                                             "Task success (0/1)", "Time on task (s)"};
static const char* const kRoleLabels[] = {"Ignore", "Touchpoint reading", "Outcome", "Weight", "Segment"};

// A metric's scale when the person picks it: NPS 0-10, success 0/1, SUS items 1-5, seconds none;
// ratings keep 1-7 when the column's answers go above 5.
static void set_metric(ImportColumn& c, Metric m, const ColumnProfile* p) {
    c.metric = m;
    switch (m) {
        case Metric::Nps: c.lo = 0, c.hi = 10; break;
        case Metric::TaskSuccess: c.lo = 0, c.hi = 1; break;
        case Metric::Sus: c.lo = 1, c.hi = 5; break;
        case Metric::TimeOnTask: c.lo = 0, c.hi = 0; break;
        default: c.lo = 1, c.hi = p && p->hi > 5 ? 7 : 5;
    }
}

static std::string range_text(const ColumnProfile& p) {
    char buf[64];
    if (p.type == ColumnType::Empty) return "";
    if (p.type == ColumnType::Text) {
        if (p.manyValues) return "many answers";
        std::snprintf(buf, sizeof buf, "%d answer%s", (int)p.values.size(), p.values.size() == 1 ? "" : "s");
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%s \xe2\x80\x93 %s", format_rounded(p.lo).c_str(), format_rounded(p.hi).c_str());
    return buf;
}

static void progress(App& app, const char* what) {
    ImportState& s = app.import;
    const float frac = s.total > 0 ? (float)std::clamp(s.bytes / s.total, 0.0, 1.0) : 0.0f;
    char label[128];
    std::snprintf(label, sizeof label, "%s rows \xc2\xb7 %.0f%% of %.1f MB", format_number(s.rows).c_str(), frac * 100.0,
                  s.total / 1e6);
    ImGui::TextUnformatted(what);
    ImGui::ProgressBar(frac, ImVec2(ImGui::GetFontSize() * 30, 0), label);
    remember(app, "progress");
    ImGui::SameLine();
    if (ImGui::Button(ICON_CLOSE " Cancel")) {
        // Reading: nothing to go back to. Aggregating: back to the choices, the CSV kept.
        const bool forget = s.phase == Phase::Reading || s.direct;
        platform::cancel_survey_import(forget);
        if (forget) app.import = ImportState{};
        else s.phase = Phase::Mapping;
        return;
    }
    remember(app, "cancel");
}

static void stage_and_channel_lists(App& app) {
    ImportState& s = app.import;
    ImportPlan& plan = s.plan;
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Stages:");
    for (size_t i = 0; i < plan.stages.size(); i++) {
        ImGui::SameLine();
        ImGui::PushID((int)i);
        ImGui::SetNextItemWidth(em * 9);
        input_string("##stage", plan.stages[i], 128);
        ImGui::PopID();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 9);
    input_string("##newstage", s.new_stage, 128, "new stage");
    remember(app, "new-stage");
    ImGui::SameLine();
    if (ImGui::Button("Add stage") && !trim(s.new_stage).empty()) {
        plan.stages.push_back(std::string(trim(s.new_stage)));
        s.new_stage.clear();
    }
    remember(app, "add-stage");

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Channels:");
    for (size_t i = 0; i < plan.channels.size(); i++) {
        ImGui::SameLine();
        ImGui::PushID((int)i + 1000);
        ImGui::SetNextItemWidth(em * 9);
        input_string("##channel", plan.channels[i].name, 128);
        ImGui::SameLine(0, em * 0.25f);
        ImGui::Checkbox("digital", &plan.channels[i].digital);
        ImGui::PopID();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 9);
    input_string("##newchannel", s.new_channel, 128, "new channel");
    remember(app, "new-channel");
    ImGui::SameLine();
    ImGui::Checkbox("digital##new", &s.new_channel_digital);
    ImGui::SameLine();
    if (ImGui::Button("Add channel") && !trim(s.new_channel).empty()) {
        plan.channels.push_back({std::string(trim(s.new_channel)), s.new_channel_digital});
        s.new_channel.clear();
    }
    remember(app, "add-channel");
}

static void columns_table(App& app) {
    ImportState& s = app.import;
    ImportPlan& plan = s.plan;
    const float em = ImGui::GetFontSize();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##columns", 9, flags, ImVec2(0, 0))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Column", ImGuiTableColumnFlags_WidthFixed, em * 12);
    ImGui::TableSetupColumn("Type");
    ImGui::TableSetupColumn("Range");
    ImGui::TableSetupColumn("N/A codes", ImGuiTableColumnFlags_WidthFixed, em * 6);
    ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthFixed, em * 10.5f);
    ImGui::TableSetupColumn("Reading / scale", ImGuiTableColumnFlags_WidthFixed, em * 11);
    ImGui::TableSetupColumn("Touchpoint", ImGuiTableColumnFlags_WidthFixed, em * 11);
    ImGui::TableSetupColumn("Stage", ImGuiTableColumnFlags_WidthFixed, em * 8);
    ImGui::TableSetupColumn("Channel", ImGuiTableColumnFlags_WidthFixed, em * 8);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < plan.columns.size() && i < s.profile.columns.size(); i++) {
        ImportColumn& c = plan.columns[i];
        const ColumnProfile& p = s.profile.columns[i];
        ImGui::PushID((int)i);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(p.name.empty() ? "(no name)" : p.name.c_str());
        if (!p.question.empty()) ImGui::SetItemTooltip("%s", p.question.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(column_type_name(p.type));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(range_text(p).c_str());
        if (!p.values.empty() && p.type == ColumnType::Text && ImGui::IsItemHovered()) {
            std::string tip;
            for (const ValueCount& v : p.values) tip += v.value + " (" + std::to_string(v.count) + ")\n";
            ImGui::SetTooltip("%s", tip.c_str());
        }
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        input_string("##na", c.na, 128);
        ImGui::SetItemTooltip("Answers that mean \"no answer\", separated by commas: 0, 99, N/A");
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        int role = (int)c.role;
        if (p.name.empty()) ImGui::BeginDisabled();  // a mapping names columns by their header
        if (ImGui::Combo("##role", &role, kRoleLabels, (int)std::size(kRoleLabels))) c.role = (ColumnRole)role;
        if (p.name.empty()) ImGui::EndDisabled();
        remember(app, "role:" + p.name);
        ImGui::TableNextColumn();
        if (c.role == ColumnRole::Reading) {
            int m = 0;
            for (int k = 0; k < (int)std::size(kReadingMetrics); k++)
                if (kReadingMetrics[k] == c.metric) m = k;
            ImGui::SetNextItemWidth(em * 7);
            if (ImGui::Combo("##metric", &m, kReadingLabels, (int)std::size(kReadingLabels))) set_metric(c, kReadingMetrics[m], &p);
            if (c.metric == Metric::Csat || c.metric == Metric::Ces || c.metric == Metric::Seq || c.metric == Metric::UmuxLite) {
                ImGui::SameLine(0, em * 0.25f);
                bool seven = c.hi == 7;
                ImGui::SetNextItemWidth(-1);
                const char* scales[] = {"1-5", "1-7"};
                int k = seven ? 1 : 0;
                if (ImGui::Combo("##scale", &k, scales, 2)) c.lo = 1, c.hi = k ? 7 : 5;
            }
        } else if (c.role == ColumnRole::Outcome) {
            if (!c.codes.empty()) {
                std::string t;
                for (const auto& [text, v] : c.codes) t += (t.empty() ? "" : ", ") + text + " = " + format_number(v);
                ImGui::TextUnformatted(t.c_str());
                ImGui::SetItemTooltip("%s", t.c_str());
            } else {
                ImGui::Text("%s to %s", format_number(c.lo).c_str(), format_number(c.hi).c_str());
            }
        } else if (c.role == ColumnRole::Segment) {
            ImGui::TextDisabled("a set per answer");
        }
        if (c.role == ColumnRole::Reading) {
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            input_string("##tp", c.touchpoint, 160);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            const char* stage = c.stage >= 0 && c.stage < (int)plan.stages.size() ? plan.stages[(size_t)c.stage].c_str() : "Unassigned";
            if (ImGui::BeginCombo("##stage", stage)) {
                if (ImGui::Selectable("Unassigned", c.stage < 0)) c.stage = -1;
                for (int k = 0; k < (int)plan.stages.size(); k++)
                    if (ImGui::Selectable((plan.stages[(size_t)k] + "##" + std::to_string(k)).c_str(), c.stage == k)) c.stage = k;
                ImGui::EndCombo();
            }
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            const char* channel = c.channel >= 0 && c.channel < (int)plan.channels.size() ? plan.channels[(size_t)c.channel].name.c_str() : "Unassigned";
            if (ImGui::BeginCombo("##channel", channel)) {
                if (ImGui::Selectable("Unassigned", c.channel < 0)) c.channel = -1;
                for (int k = 0; k < (int)plan.channels.size(); k++)
                    if (ImGui::Selectable((plan.channels[(size_t)k].name + "##" + std::to_string(k)).c_str(), c.channel == k)) c.channel = k;
                ImGui::EndCombo();
            }
        } else {
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

static void mapping_screen(App& app) {
    ImportState& s = app.import;
    const float em = ImGui::GetFontSize();
    ImGui::Text("%s: %s rows, %d columns%s", s.name.c_str(), format_number((double)s.profile.rows).c_str(),
                (int)s.profile.columns.size(), s.profile.qualtrics ? " (a Qualtrics export: its question rows are not answers)" : "");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Journey title:");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 20);
    input_string("##title", s.plan.title, 200);
    stage_and_channel_lists(app);

    const std::vector<std::string> problems = import_plan_problems(s.plan);
    if (!problems.empty()) ImGui::BeginDisabled();
    if (ImGui::Button(ICON_RIGHT " Import")) {
        platform::run_survey_import(import_mapping_to_run(s));
        s.phase = Phase::Running;
        s.rows = 0, s.bytes = 0;
    }
    if (!problems.empty()) ImGui::EndDisabled();
    remember(app, "import");
    ImGui::SameLine();
    if (ImGui::Button(ICON_FOLDER " Load mapping...")) platform::pick_survey_mapping();
    ImGui::SetItemTooltip("Fill this screen from a mapping saved for an earlier wave");
    remember(app, "load-mapping");
    ImGui::SameLine();
    if (ImGui::Button(ICON_DOWNLOAD " Save mapping"))
        platform::download(download_name(s.plan.title, ".mapping.json"), "application/json", import_mapping_to_run(s));
    ImGui::SetItemTooltip("Download these choices as a mapping file (docs/survey-mapping.md) for the next wave");
    remember(app, "save-mapping");
    ImGui::SameLine();
    if (ImGui::Button(ICON_CLOSE " Cancel")) {
        platform::cancel_survey_import(true);
        app.import = ImportState{};
        return;
    }
    remember(app, "close");
    if (!s.mapping_name.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled(s.plan == s.mapping_plan ? "Using %s as saved." : "From %s, changed.", s.mapping_name.c_str());
    }
    const ImVec4 warn(0.85f, 0.35f, 0.1f, 1);
    for (const std::string& p : problems) ImGui::TextColored(warn, "%s %s", ICON_WARN, p.c_str());
    for (const std::string& n : s.notes) ImGui::TextColored(warn, "%s %s", ICON_WARN, n.c_str());
    columns_table(app);
}

void draw_import_menu_item(App& app) {
    if (ImGui::MenuItem(ICON_FOLDER " Import survey...")) platform::pick_survey();
    ImGui::SetItemTooltip("Build a journey from raw survey answers (a CSV export): choose what each column is");
    remember(app, "menu-import");  // tests click it where it is, as a person does
}

bool draw_import_screen(App& app) {
    ImportState& s = app.import;  // its widgets were cleared at the start of the frame (app_frame)
    if (s.phase == Phase::Closed) return false;
    ImGui::BeginChild("##import", ImVec2(0, 0), ImGuiChildFlags_None);
    ImGui::Text("Import survey: %s", s.name.c_str());
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", kImportPrivacy);
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    switch (s.phase) {
        case Phase::Reading: progress(app, "Reading the columns..."); break;
        case Phase::Running: progress(app, "Building the journey from the answers..."); break;
        case Phase::Mapping: mapping_screen(app); break;
        case Phase::Failed: {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1), "%s", s.error.c_str());
            int shown = 0;
            for (const Diagnostic& d : s.error_details)
                if (d.severity == Severity::Error && ++shown <= 8) {
                    if (d.line > 0) ImGui::BulletText("%s (line %d, column %d)", d.message.c_str(), d.line, d.column);
                    else ImGui::BulletText("%s", d.message.c_str());
                }
            ImGui::PopTextWrapPos();
            if (!s.profile.columns.empty() && !s.direct) {
                if (ImGui::Button("Back to the columns")) s.phase = Phase::Mapping;
                remember(app, "back");
                ImGui::SameLine();
            }
            if (ImGui::Button("Close")) {
                platform::cancel_survey_import(true);
                app.import = ImportState{};
            } else {
                remember(app, "close");
            }
            break;
        }
        case Phase::Closed: break;
    }
    ImGui::EndChild();
    return true;
}

}  // namespace uxcx
