// edit_details.cpp: the details panel as the editor of the selected touchpoint: every field (name,
// description, stage, channel, owner, link, volume, emotion, pain points, opportunities, quotes)
// and every UX and CX reading in the forms a researcher has (a plain number; mean, sd and n;
// answer counts for NPS, CSAT and task success), and the journey's title, description and persona.
//
// Each value is checked as it is typed: the text goes to an edit, apply_edit() checks it with the
// shared validator, and a refusal is said next to the field while the typed text stays (nothing is
// applied while it is invalid). Typing into one field is one undo step: the history merges edits of
// the same field until the field loses focus (app_commit_edit).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "core/edit.h"
#include "core/metric_table.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/edit_ui.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace uxcx {

namespace {

const ImVec4 kErrorColour(0.85f, 0.2f, 0.2f, 1);

std::string fmt_number(std::optional<double> v) {
    if (!v) return {};
    char b[32];
    std::snprintf(b, sizeof b, "%.10g", *v);
    return b;
}

// "" -> nullopt; a number -> it; anything else -> false with the words for it.
bool parse_number(const std::string& text, std::optional<double>& out, std::string& error) {
    size_t a = text.find_first_not_of(" \t"), b = text.find_last_not_of(" \t");
    if (a == std::string::npos) {
        out.reset();
        return true;
    }
    const std::string t = text.substr(a, b - a + 1);
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || !std::isfinite(v)) {
        error = "\"" + t + "\" is not a number";
        return false;
    }
    out = v;
    return true;
}

// One field of one or more inputs. While it is being typed it shows the draft (with the error, if
// any); otherwise the model's texts. `apply` turns the texts into an edit and returns "" when it
// was applied, else why not.
using Apply = std::function<std::string(const std::vector<std::string>&)>;
struct FieldInput {
    const char* hint;
    float width_em;  // 0: the rest of the line
    bool multiline = false;
};

void typed_field(App& app, const std::string& key, const std::vector<std::string>& model, const std::vector<FieldInput>& inputs,
                 const Apply& apply) {
    FieldDraft& d = app.edit.draft;
    std::vector<std::string> texts = d.key == key ? d.text : model;
    texts.resize(inputs.size());
    const float em = ImGui::GetFontSize();
    bool changed = false, left = false;
    ImGui::PushID(key.c_str());
    for (size_t i = 0; i < inputs.size(); i++) {
        if (i) ImGui::SameLine(0, em * 0.3f);
        ImGui::PushID((int)i);
        ImGui::SetNextItemWidth(inputs[i].width_em > 0 ? em * inputs[i].width_em : -1);
        if (inputs[i].multiline)
            changed |= ImGui::InputTextMultiline("##v", &texts[i], ImVec2(-1, em * 3.2f));
        else
            changed |= ImGui::InputTextWithHint("##v", inputs[i].hint, &texts[i]);
        app.controls.push_back({"field:" + key + "#" + std::to_string(i), ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y});
        if (inputs[i].hint && *inputs[i].hint && inputs.size() > 1) ImGui::SetItemTooltip("%s", inputs[i].hint);
        left |= ImGui::IsItemDeactivated();
        ImGui::PopID();
    }
    ImGui::PopID();
    // Dear ImGui's editor shows text in stored order, left to right, one glyph per character (it
    // has no bidirectional cursor): below a field of right-to-left text or shaped clusters, the
    // text as it reads.
    if (inputs.size() == 1 && needs_visual_text(texts[0])) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_shown_wrapped(texts[0]);
        ImGui::PopStyleColor();
    }
    if (changed) {
        const int form = d.key == key ? d.form : -1;
        d.key = key;
        d.text = texts;
        d.form = form;
        d.error = apply(texts);
    }
    if (left) {
        app_commit_edit(app);  // the next keystroke elsewhere starts a new undo step
        if (d.key == key && d.error.empty()) d = FieldDraft{};
    }
    if (d.key == key && !d.error.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kErrorColour, "%s %s", ICON_WARN, d.error.c_str());
        ImGui::PopTextWrapPos();
    }
}

std::string apply_edit_said(App& app, const Edit& e) {
    const EditResult r = app_apply(app, e);
    if (r.ok) app.edit.message.clear();
    return r.ok ? std::string() : r.message;
}

void label(const char* text) {
    ImGui::TextDisabled("%s", text);
}

// The forms a reading is typed in.
enum ReadingForm { FormNone, FormNumber, FormMean, FormCounts, FormCounts7 };

int form_of(const std::optional<Reading>& r, Metric m, const std::optional<double>& blockN) {
    if (!r) return FormNone;
    if (!r->counts.empty()) return r->counts.size() == 7 ? FormCounts7 : FormCounts;
    const CountsForm f = metric_info(m).form;
    if ((f == CountsForm::Mean || f == CountsForm::Times) && (r->sd || (r->n && r->n != blockN))) return FormMean;
    return FormNumber;
}

// The inputs of a form, with hints that say what each number is.
std::vector<FieldInput> form_inputs(Metric m, int form) {
    const CountsForm f = metric_info(m).form;
    const bool time = f == CountsForm::Times;
    switch (form) {
    case FormNumber: return {{metric_info(m).units, 0}};
    case FormMean: return {{time ? "geomean s" : "mean", 4.2f}, {time ? "logSd" : "sd", 3.6f}, {"n", 0}};
    case FormCounts:
        if (f == CountsForm::Nps3) return {{"promoters", 4.5f}, {"passives", 4.5f}, {"detractors", 0}};
        if (f == CountsForm::SuccessOfN) return {{"successes", 5.5f}, {"attempts", 0}};
        return {{"1", 2.6f}, {"2", 2.6f}, {"3", 2.6f}, {"4", 2.6f}, {"5", 0}};
    case FormCounts7: return {{"1", 2.0f}, {"2", 2.0f}, {"3", 2.0f}, {"4", 2.0f}, {"5", 2.0f}, {"6", 2.0f}, {"7", 0}};
    default: return {};
    }
}

std::vector<std::string> form_texts(const std::optional<Reading>& r, int form) {
    if (!r) return {};
    switch (form) {
    case FormNumber: return {fmt_number(r->value)};
    case FormMean: return {fmt_number(r->value), fmt_number(r->sd), fmt_number(r->n)};
    case FormCounts:
    case FormCounts7: {
        std::vector<std::string> out;
        for (double c : r->counts) out.push_back(fmt_number(c));
        return out;
    }
    default: return {};
    }
}

// Texts of a form -> the reading; "" when they make one, else why not.
std::string reading_from(Metric m, int form, const std::vector<std::string>& texts, const std::optional<double>& blockN,
                         const std::optional<Reading>& old, Reading& out) {
    std::vector<std::optional<double>> v(texts.size());
    std::string error;
    for (size_t i = 0; i < texts.size(); i++)
        if (!parse_number(texts[i], v[i], error)) return error;
    if (form == FormNumber) {
        if (!v[0]) return std::string("type the ") + metric_label(m) + ", or choose \"none\" to clear it";
        out = reading_number(*v[0]);
        out.n = blockN;  // a plain number takes its block's n
        return "";
    }
    if (form == FormMean) {
        if (!v[0]) return "type the mean";
        out = reading_mean(*v[0], v[1], v[2] ? v[2] : blockN);
        return "";
    }
    std::vector<double> counts;
    for (size_t i = 0; i < v.size(); i++) {
        if (!v[i]) return "type every count (0 when nobody gave that answer)";
        counts.push_back(*v[i]);
    }
    out = reading_counts(m, counts);
    if (old && old->unweightedN && !old->counts.empty()) out.unweightedN = old->unweightedN;  // still weighted
    return "";
}

void reading_row(App& app, int t, int set, Metric m) {
    const Journey& j = app.doc.journey;
    const Touchpoint& tp = j.touchpoints[(size_t)t];
    const Measurement& ms = tp.sets[(size_t)set];
    const std::optional<Reading>& r = ms.get(m);
    const std::optional<double>& blockN = is_ux_metric(m) ? ms.uxN : ms.cxN;
    const std::string key = "tp:" + tp.id + "/s" + std::to_string(set) + "/" + metric_key(m);
    FieldDraft& d = app.edit.draft;
    const int model_form = form_of(r, m, blockN);
    const int form = d.key == key && d.form >= 0 ? d.form : model_form;
    const float em = ImGui::GetFontSize();
    ImGui::PushID(key.c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(metric_label(m));
    ImGui::SameLine(em * 7);
    // The form: none (clear), a number, mean/sd/n, answer counts.
    const CountsForm cf = metric_info(m).form;
    std::vector<std::pair<int, const char*>> forms = {{FormNone, "none"}, {FormNumber, "number"}};
    if (cf == CountsForm::Mean) forms.push_back({FormMean, "mean, sd, n"});
    if (cf == CountsForm::Times) forms.push_back({FormMean, "geomean, logSd, n"});
    if (cf == CountsForm::Nps3) forms.push_back({FormCounts, "counts"});
    if (cf == CountsForm::SuccessOfN) forms.push_back({FormCounts, "successes / attempts"});
    if (cf == CountsForm::Csat5) {
        forms.push_back({FormCounts, "answers 1-5"});
        forms.push_back({FormCounts7, "answers 1-7"});
    }
    const char* current = "none";
    for (auto& f : forms)
        if (f.first == form) current = f.second;
    ImGui::SetNextItemWidth(em * 8.5f);
    const bool open = ImGui::BeginCombo("##form", current);
    report_control(app, "form:" + key);
    if (open) {
        for (auto& f : forms) {
            const bool chosen = ImGui::Selectable(f.second, f.first == form);
            report_control(app, "form:" + key + "=" + f.second);
            if (chosen && f.first != form) {
                if (f.first == FormNone) {
                    d = FieldDraft{};
                    apply_edit_said(app, edit_reading(j, t, set, m, std::nullopt));  // clear
                    app_commit_edit(app);
                } else {
                    // A new form starts empty (or from the model's numbers when it is the model's
                    // form); nothing changes until its numbers make a valid reading.
                    d.key = key;
                    d.form = f.first;
                    d.text = f.first == model_form ? form_texts(r, model_form) : std::vector<std::string>();
                    d.error.clear();
                }
            }
        }
        ImGui::EndCombo();
    }
    if (r) {
        ImGui::SameLine();
        char text[48];
        fmt_metric(text, sizeof text, m, r->value);
        if (r->n) ImGui::TextDisabled("%s  n %s", text, fmt_number(r->n).c_str());
        else ImGui::TextDisabled("%s", text);
    }
    if (form != FormNone) {
        ImGui::Indent(em);
        typed_field(app, key, form_texts(r, form == model_form ? form : -1), form_inputs(m, form),
                    [&app, t, set, m, form, blockN, r](const std::vector<std::string>& texts) {
                        Reading out;
                        std::string why = reading_from(m, form, texts, blockN, r, out);
                        if (!why.empty()) return why;
                        return apply_edit_said(app, edit_reading(app.doc.journey, t, set, m, out));
                    });
        // typed_field keeps d.form when the draft is this field's.
        if (d.key == key && d.form < 0) d.form = form;
        ImGui::Unindent(em);
    }
    ImGui::PopID();
}

void text_row(App& app, const char* title, int t, TextField f, const std::string& value, bool multiline = false) {
    const Touchpoint& tp = app.doc.journey.touchpoints[(size_t)t];
    label(title);
    typed_field(app, "tp:" + tp.id + "/" + title, {value}, {{"", 0, multiline}}, [&app, t, f](const std::vector<std::string>& v) {
        return apply_edit_said(app, edit_text(app.doc.journey, t, f, v[0]));
    });
}

void number_row(App& app, const std::string& key, const char* title, std::optional<double> value,
                const std::function<Edit(std::optional<double>)>& make) {
    label(title);
    typed_field(app, key, {fmt_number(value)}, {{"empty: none", 0}}, [&app, make](const std::vector<std::string>& v) {
        std::optional<double> x;
        std::string error;
        if (!parse_number(v[0], x, error)) return error;
        return apply_edit_said(app, make(x));
    });
}

void list_rows(App& app, int t, ListField f, const char* icon, const char* title, const char* add, const std::vector<std::string>& items) {
    const Touchpoint& tp = app.doc.journey.touchpoints[(size_t)t];
    const float em = ImGui::GetFontSize();
    ImGui::Spacing();
    ImGui::TextDisabled("%s %s", icon, title);
    ImGui::PushID(title);
    for (size_t i = 0; i < items.size(); i++) {
        ImGui::PushID((int)i);
        if (ImGui::SmallButton(ICON_CLOSE)) {
            std::vector<std::string> rest = items;
            rest.erase(rest.begin() + (long)i);
            apply_edit_said(app, edit_list(app.doc.journey, t, f, rest));
            app_commit_edit(app);
            ImGui::PopID();
            break;
        }
        ImGui::SetItemTooltip("Remove");
        ImGui::SameLine(0, em * 0.3f);
        typed_field(app, "tp:" + tp.id + "/" + title + "/" + std::to_string(i), {items[i]}, {{"", 0}},
                    [&app, t, f, i](const std::vector<std::string>& v) {
                        const Touchpoint& cur = app.doc.journey.touchpoints[(size_t)t];
                        std::vector<std::string> now = f == ListField::PainPoints ? cur.painPoints : f == ListField::Opportunities ? cur.opportunities : cur.quotes;
                        if (i >= now.size()) return std::string("the list changed meanwhile");
                        now[i] = v[0];
                        return apply_edit_said(app, edit_list(app.doc.journey, t, f, now));
                    });
        ImGui::PopID();
    }
    if (ImGui::SmallButton(add)) {
        std::vector<std::string> more = items;
        more.push_back(f == ListField::Quotes ? "\"...\"" : "...");
        apply_edit_said(app, edit_list(app.doc.journey, t, f, more));
        app_commit_edit(app);
    }
    ImGui::PopID();
}

void journey_fields(App& app) {
    const Journey& j = app.doc.journey;
    const JourneyInfo info = journey_info(j);
    auto set = [&app](auto change) {
        return [&app, change](const std::vector<std::string>& v) {
            JourneyInfo next = journey_info(app.doc.journey);
            change(next, v[0]);
            return apply_edit_said(app, edit_info(next));
        };
    };
    label("Title");
    typed_field(app, "journey/title", {info.title}, {{"", 0}}, set([](JourneyInfo& n, const std::string& s) { n.title = s; }));
    label("Description");
    typed_field(app, "journey/description", {info.description}, {{"", 0, true}},
                set([](JourneyInfo& n, const std::string& s) { n.description = s; }));
    label("Persona");
    typed_field(app, "journey/persona", {info.persona ? info.persona->name : std::string()}, {{"who the journey is of", 0}},
                set([](JourneyInfo& n, const std::string& s) {
                    if (s.empty() && (!n.persona || n.persona->description.empty())) {
                        n.persona.reset();
                        return;
                    }
                    if (!n.persona) n.persona = Persona{};
                    n.persona->name = s;
                }));
    if (info.persona) {
        label("Persona description");
        typed_field(app, "journey/persona-description", {info.persona->description}, {{"", 0, true}},
                    set([](JourneyInfo& n, const std::string& s) {
                        if (!n.persona) n.persona = Persona{};
                        n.persona->description = s;
                    }));
    }
}

}  // namespace

void details_editor(App& app) {
    const Journey& j = app.doc.journey;
    const float em = ImGui::GetFontSize();
    if (ImGui::SmallButton(ICON_CLOSE)) app.show_details = false;
    ImGui::SetItemTooltip("Hide the details panel (D)");
    ImGui::SameLine();
    const bool has = app.selected >= 0 && app.selected < (int)j.touchpoints.size();
    if (!has) {
        ImGui::TextDisabled("No touchpoint selected");
        ImGui::Spacing();
        ImGui::TextWrapped("Click a card to edit it, or hover a cell of the map and click + (Insert adds one).");
        ImGui::Separator();
        journey_fields(app);
        return;
    }
    const int t = app.selected;
    const Touchpoint& tp = j.touchpoints[(size_t)t];
    const int set = app.doc.analysis.set >= 0 && app.doc.analysis.set < (int)tp.sets.size() ? app.doc.analysis.set : 0;
    ImGui::TextDisabled("Touchpoint %d of %d  ·  editing", app.doc.layout.order_index[(size_t)t] + 1, (int)j.touchpoints.size());
    // What the readings come to, so an edit's effect is seen at once.
    if (t < (int)app.doc.analysis.touchpoints.size()) {
        const TouchpointScore& sc = app.doc.analysis.touchpoints[(size_t)t];
        const bool offline = channel_offline(j, tp.channel);
        const float w = std::min(em * 8, (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
        const ImVec2 a = ImGui::GetCursorScreenPos(), size(std::max(w, em * 3), em * 2.3f);
        ImGui::Dummy(ImVec2(size.x * 2 + em * 0.4f, size.y));
        draw_score_chip(ImGui::GetWindowDrawList(), a, ImVec2(a.x + size.x, a.y + size.y), "UX", sc.ux, em, offline && !sc.ux.present());
        draw_score_chip(ImGui::GetWindowDrawList(), ImVec2(a.x + size.x + em * 0.4f, a.y), ImVec2(a.x + size.x * 2 + em * 0.4f, a.y + size.y),
                        "CX", sc.cx, em);
    }
    ImGui::PushID(tp.id.c_str());
    text_row(app, "Name", t, TextField::Name, tp.name);
    text_row(app, "Description", t, TextField::Description, tp.description, true);
    // Where it sits: the one place (stage and channel indices) the map and a save both read.
    label("Stage and channel");
    {
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f - em * 0.2f);
        if (ImGui::BeginCombo("##stage", shown(stage_name(j, tp.stage)).c_str())) {
            for (int s = 0; s < (int)j.stages.size(); s++)
                if (ImGui::Selectable(shown(stage_name(j, s)).c_str(), s == tp.stage) && s != tp.stage)
                    app_apply_or_say(app, edit_move_touchpoint(j, t, s, tp.channel, 1 << 30));
            ImGui::EndCombo();
        }
        ImGui::SameLine(0, em * 0.4f);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##channel", shown(channel_name(j, tp.channel)).c_str())) {
            for (int c = 0; c < (int)j.channels.size(); c++)
                if (ImGui::Selectable(shown(channel_name(j, c)).c_str(), c == tp.channel) && c != tp.channel)
                    app_apply_or_say(app, edit_move_touchpoint(j, t, tp.stage, c, 1 << 30));
            ImGui::EndCombo();
        }
    }
    text_row(app, "Owner", t, TextField::Owner, tp.owner);
    text_row(app, "Link (http, https or mailto)", t, TextField::Url, tp.url);
    number_row(app, "tp:" + tp.id + "/volume", "Volume (customers)", tp.volume,
               [&app, t](std::optional<double> v) { return edit_volume(app.doc.journey, t, v); });
    number_row(app, "tp:" + tp.id + "/s" + std::to_string(set) + "/emotion", "Emotion (-2 .. +2)", tp.sets[(size_t)set].emotion,
               [&app, t, set](std::optional<double> v) { return edit_emotion(app.doc.journey, t, set, v); });

    ImGui::Spacing();
    ImGui::SeparatorText(j.sets.size() > 1 ? ("Readings: " + j.sets[(size_t)set].name).c_str() : "Readings");
    const bool offline = channel_offline(j, tp.channel);
    ImGui::TextDisabled("UX");
    if (offline) {
        ImGui::TextDisabled("%s Offline channel: no UX reading, CX only.", ICON_PHONE);
    } else {
        number_row(app, "tp:" + tp.id + "/s" + std::to_string(set) + "/uxN", "UX participants (n)", tp.sets[(size_t)set].uxN,
                   [&app, t, set](std::optional<double> v) { return edit_block_n(app.doc.journey, t, set, true, v); });
        for (int k = 0; k < kMetricCount; k++)
            if (is_ux_metric((Metric)k)) reading_row(app, t, set, (Metric)k);
    }
    ImGui::TextDisabled("CX");
    number_row(app, "tp:" + tp.id + "/s" + std::to_string(set) + "/cxN", "CX respondents (n)", tp.sets[(size_t)set].cxN,
               [&app, t, set](std::optional<double> v) { return edit_block_n(app.doc.journey, t, set, false, v); });
    for (int k = 0; k < kMetricCount; k++)
        if (!is_ux_metric((Metric)k)) reading_row(app, t, set, (Metric)k);

    list_rows(app, t, ListField::PainPoints, ICON_BOLT, "Pain points", "+ pain point", tp.painPoints);
    list_rows(app, t, ListField::Opportunities, ICON_BULB, "Opportunities", "+ opportunity", tp.opportunities);
    list_rows(app, t, ListField::Quotes, ICON_QUOTE, "Quotes", "+ quote", tp.quotes);
    ImGui::PopID();
    ImGui::Spacing();
    if (ImGui::CollapsingHeader("Journey: title, description, persona")) journey_fields(app);
}

}  // namespace uxcx
