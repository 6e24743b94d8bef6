// mermaid.cpp: Mermaid `journey` text to and from a journey. Sections are stages, tasks are
// touchpoints, the 1-5 task score is emotion + 3, actors ride along as the `actors` extra.
#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/convert.h"
#include "core/convert_text.h"

namespace uxcx {

namespace {

// One line of the input with where it starts, for diagnostics.
struct Line {
    std::string_view text;  // without the line break
    int number = 0;         // 1-based
};

void add_error(LoadResult& r, const Line& line, size_t byte, std::string message, std::string pointer = "") {
    Diagnostic d;
    d.severity = Severity::Error;
    d.message = std::move(message);
    d.pointer = std::move(pointer);
    d.line = line.number;
    d.column = char_column(line.text, byte);
    if (r.diagnostics.size() < kMaxDiagnostics) r.diagnostics.push_back(std::move(d));
}

// Mermaid's keywords are case-insensitive ("Section", "TITLE") and end at a blank.
bool starts_with_word(std::string_view s, std::string_view word) {
    if (s.size() < word.size()) return false;
    for (size_t i = 0; i < word.size(); i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != word[i]) return false;
    }
    return s.size() == word.size() || s[word.size()] == ' ' || s[word.size()] == '\t';
}

// Byte offset of the first non-blank character of `line`.
size_t indent_of(std::string_view line) {
    size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) i++;
    return i;
}

}  // namespace

LoadResult import_mermaid(std::string_view text) {
    LoadResult r;
    if (text.size() > kMaxFileBytes) {
        r.diagnostics.push_back({Severity::Error, "file is larger than the 32 MiB limit", "", 0, 0});
        return r;
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

    Journey& j = r.journey;
    j.sets.push_back(MeasurementSet{"current", "Current", "", {}});
    std::unordered_set<std::string> stageIds, touchpointIds;

    bool seenJourney = false, inFrontMatter = false;
    int stage = -1;
    size_t pos = 0;
    for (int number = 1; pos <= text.size(); number++) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        Line line{text.substr(pos, end - pos), number};
        if (!line.text.empty() && line.text.back() == '\r') line.text.remove_suffix(1);
        pos = end + 1;

        std::string_view t = trim(line.text);
        size_t at = indent_of(line.text);
        // Front matter (`---` ... `---`) may only open the file; Mermaid keeps config in it.
        if (!seenJourney && t == "---" && (number == 1 || inFrontMatter)) {
            inFrontMatter = !inFrontMatter;
            continue;
        }
        if (inFrontMatter || t.empty() || t.substr(0, 2) == "%%") continue;

        if (!seenJourney) {
            if (starts_with_word(t, "journey")) {
                seenJourney = true;
                continue;
            }
            add_error(r, line, at, "expected `journey` before any other text");
            break;  // everything after would be misread
        }
        if (starts_with_word(t, "title")) {
            j.title = std::string(trim(t.substr(5)));
        } else if (starts_with_word(t, "acctitle") || starts_with_word(t, "accdescr") ||
                   t.substr(0, 9) == "accTitle:" || t.substr(0, 9) == "accDescr:" || t.substr(0, 9) == "accDescr{") {
            // Accessibility text: our journeys have no place for it; the title is shown instead.
        } else if (starts_with_word(t, "section")) {
            std::string name(trim(t.substr(7)));
            Stage s;
            s.id = unique_id(slugify(name, "stage-" + std::to_string(j.stages.size() + 1)), stageIds);
            s.name = name;
            stage = (int)j.stages.size();
            j.stages.push_back(std::move(s));
        } else {
            // A task: `Name: score: actor, actor`.
            std::string pointer = "/touchpoints/" + std::to_string(j.touchpoints.size());
            size_t colon = t.find(':');
            if (colon == std::string_view::npos) {
                add_error(r, line, at + t.size(), "expected `: score` after the task name (a task is `Name: 1-5: actors`)", pointer);
                continue;
            }
            std::string_view name = trim(t.substr(0, colon));
            std::string_view rest = t.substr(colon + 1);
            size_t colon2 = rest.find(':');
            std::string_view scoreText = rest.substr(0, colon2);
            size_t scoreAt = at + colon + 1 + indent_of(scoreText);
            scoreText = trim(scoreText);
            if (name.empty()) {
                add_error(r, line, at, "expected a task name before `:`", pointer);
                continue;
            }
            double score = 0;
            if (scoreText.empty()) {
                add_error(r, line, scoreAt, "expected a score from 1 to 5 after the task name", pointer + "/emotion");
                continue;
            }
            if (!parse_number(scoreText, score)) {
                add_error(r, line, scoreAt, "expected a score from 1 to 5, found `" + std::string(scoreText) + "`", pointer + "/emotion");
                continue;
            }
            if (score < 1 || score > 5) {
                add_error(r, line, scoreAt, "score " + std::string(scoreText) + " is out of range: Mermaid journey scores are 1 to 5", pointer + "/emotion");
                continue;
            }
            Touchpoint tp;
            tp.name = std::string(name);
            tp.id = unique_id(slugify(name, "touchpoint-" + std::to_string(j.touchpoints.size() + 1)), touchpointIds);
            tp.stage = stage;
            if (stage >= 0) tp.stageRef = j.stages[stage].id;
            tp.sets.resize(1);
            tp.sets[0].emotion = score - 3;  // 1..5 -> -2..+2
            if (colon2 != std::string_view::npos) {
                nlohmann::json actors = nlohmann::json::array();
                std::string_view list = rest.substr(colon2 + 1);
                while (!list.empty()) {
                    size_t comma = list.find(',');
                    std::string_view actor = trim(list.substr(0, comma));
                    if (!actor.empty()) actors.push_back(std::string(actor));
                    if (comma == std::string_view::npos) break;
                    list.remove_prefix(comma + 1);
                }
                if (!actors.empty())
                    tp.extras.emplace_back("actors", actors.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            }
            j.touchpoints.push_back(std::move(tp));
        }
    }
    if (!seenJourney && r.diagnostics.empty()) {
        Line last{std::string_view(), 1};
        add_error(r, last, 0, "expected Mermaid `journey` text: no `journey` line found");
    }
    r.ok = true;
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error) r.ok = false;
    if (!r.ok) r.journey = Journey{};
    return r;
}

namespace {

// Mermaid's journey grammar ends a task name at ':' and treats '#' and ';' as entity and statement
// marks, and "%%" starts a comment: none of them can appear in a title, section or task. We swap
// each for a look-alike so the text still reads right in the diagram:
//   ':' -> U+2236 RATIO "∶", '#' -> U+FF03 FULLWIDTH NUMBER SIGN "＃",
//   ';' -> U+FF1B FULLWIDTH SEMICOLON "；", '%' of "%%" -> U+FF05 FULLWIDTH PERCENT SIGN "％",
//   line breaks -> a space. In actor names ',' separates actors: it becomes U+201A "‚".
enum class Part { Title, Section, Task, Actor };

std::string mermaid_safe(std::string_view s, Part part) {
    bool actor = part == Part::Actor;
    std::string out;
    for (size_t i = 0; i < s.size(); i++) {
        char c = s[i];
        if (c == ':') out += "\xE2\x88\xB6";
        else if (c == '#') out += "\xEF\xBC\x83";
        else if (c == ';') out += "\xEF\xBC\x9B";
        else if (c == '%' && i + 1 < s.size() && s[i + 1] == '%') out += "\xEF\xBC\x85";
        else if (c == '\n' || c == '\r' || c == '\t') out += ' ';
        else if (actor && c == ',') out += "\xE2\x80\x9A";
        else out += c;
    }
    // Leading/trailing blanks would be trimmed by any reader, and an empty name is no task.
    std::string t(trim(out));
    if (t.empty()) return "(unnamed)";
    // A task called "Section overview" would read as a new section, "Title page" as the title:
    // a zero-width space after the keyword (which Mermaid's \s does not match) keeps it a task.
    if (part == Part::Task)
        for (const char* keyword : {"section", "title", "journey", "acctitle", "accdescr"})
            if (starts_with_word(t, keyword)) t.insert(std::char_traits<char>::length(keyword), "\xE2\x80\x8B");
    return t;
}

void write_task(std::string& out, const Touchpoint& tp) {
    int score = 3;  // no emotion: neutral
    if (!tp.sets.empty() && tp.sets[0].emotion) {
        double s = std::round(*tp.sets[0].emotion + 3);
        score = (int)std::fmin(5, std::fmax(1, s));
    }
    out += "    " + mermaid_safe(tp.name.empty() ? tp.id : tp.name, Part::Task) + ": " + std::to_string(score);
    for (const auto& [key, value] : tp.extras) {
        if (key != "actors") continue;
        nlohmann::json a = nlohmann::json::parse(value, nullptr, false);
        if (!a.is_array()) break;
        std::string list;
        for (const auto& actor : a) {
            if (!actor.is_string()) continue;
            if (!list.empty()) list += ", ";
            list += mermaid_safe(actor.get<std::string>(), Part::Actor);
        }
        if (!list.empty()) out += ": " + list;
        break;
    }
    out += '\n';
}

}  // namespace

std::string export_mermaid(const Journey& j) {
    std::string out = "journey\n";
    out += "  %% Written by uxcx. Mermaid keeps stages, touchpoints, emotion (as score 1-5) and actors;\n";
    out += "  %% UX/CX metrics, channels and notes are not carried over.\n";
    if (!j.title.empty()) out += "  title " + mermaid_safe(j.title, Part::Title) + "\n";
    // Touchpoints grouped by stage in file order; the unassigned ones come first, before any
    // section, so that a re-import keeps them unassigned.
    std::vector<std::vector<int>> byStage(j.stages.size() + 1);
    for (int i = 0; i < (int)j.touchpoints.size(); i++) {
        int s = j.touchpoints[i].stage;
        byStage[s < 0 || s >= (int)j.stages.size() ? 0 : s + 1].push_back(i);
    }
    for (int i : byStage[0]) write_task(out, j.touchpoints[i]);
    for (int s = 0; s < (int)j.stages.size(); s++) {
        const Stage& st = j.stages[s];
        out += "  section " + mermaid_safe(st.name.empty() ? st.id : st.name, Part::Section) + "\n";
        for (int i : byStage[s + 1]) write_task(out, j.touchpoints[i]);
    }
    return out;
}

}  // namespace uxcx
