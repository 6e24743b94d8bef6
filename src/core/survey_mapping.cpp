// survey_mapping.cpp: load_survey_mapping, a survey mapping file (docs/survey-mapping.md) -> which
// column feeds which reading, plus the journey (stages, channels, touchpoints) it describes.
//
// The journey part is read by the journey loader itself (one source of truth for what a touchpoint
// may carry): each reading spec ({"column": ...}) is overwritten in a copy of the bytes by a valid
// placeholder number of the same length, padded with spaces, so every other byte, and so every
// line and column the journey loader reports, stays where it was in the mapping file.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/convert_text.h"
#include "core/load.h"
#include "core/load_json_dom.h"
#include "core/load_text.h"
#include "core/survey.h"

namespace uxcx {

namespace {

constexpr const char* kSurveyKeys[] = {"na", "all", "weight", "segments", "segmentSets", "outcome"};
constexpr const char* kJourneyKeys[] = {"$schema", "version", "title", "description", "persona",
                                        "stages", "channels", "touchpoints", "scoring"};

// Where a JSON value ends (one past its last byte); `at` is its first byte. The DOM parse has
// already accepted the text, so this only needs to match brackets and skip strings.
size_t value_end(std::string_view s, size_t at) {
    if (at >= s.size()) return s.size();
    char c = s[at];
    if (c == '"') {
        for (size_t i = at + 1; i < s.size(); i++) {
            if (s[i] == '\\') i++;
            else if (s[i] == '"') return i + 1;
        }
        return s.size();
    }
    if (c == '{' || c == '[') {
        int depth = 0;
        for (size_t i = at; i < s.size(); i++) {
            char d = s[i];
            if (d == '"') {
                for (i++; i < s.size() && s[i] != '"'; i++)
                    if (s[i] == '\\') i++;
            } else if (d == '{' || d == '[') {
                depth++;
            } else if (d == '}' || d == ']') {
                if (--depth == 0) return i + 1;
            }
        }
        return s.size();
    }
    size_t i = at;
    while (i < s.size() && std::strchr(",]} \t\r\n", s[i]) == nullptr) i++;
    return i;
}

// A number the journey loader accepts for the metric, short enough to fit any JSON value ("{}").
const char* placeholder(Metric m) {
    switch (m) {
        case Metric::Nps: return "0";
        case Metric::TaskSuccess: return "1";
        case Metric::TimeOnTask: return "1";
        case Metric::Seq:
        case Metric::Ces: return "4";
        default: return "50";
    }
}

struct MappingLoader {
    std::string_view src;
    JsonDoc doc;
    std::string path;
    struct Diag {
        Severity severity;
        std::string message, pointer;
        size_t offset;
    };
    std::vector<Diag> diags;
    bool failed = false;
    SurveyMapping out;
    std::string patched;  // the bytes the journey loader reads

    void add(Severity s, size_t offset, std::string m) {
        if (s == Severity::Error) failed = true;
        if (diags.size() < kMaxDiagnostics) diags.push_back({s, std::move(m), path, offset});
    }
    void error(const JNode& n, std::string m) { add(Severity::Error, doc.value_offset(n), std::move(m)); }
    void warn(const JNode& n, std::string m) { add(Severity::Warning, doc.value_offset(n), std::move(m)); }
    struct At {
        std::string& p;
        size_t len;
        At(std::string& path, std::string_view key) : p(path), len(path.size()) {
            p += '/';
            for (char c : key) p += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
        }
        At(std::string& path, size_t i) : p(path), len(path.size()) { p += '/' + std::to_string(i); }
        ~At() { p.resize(len); }
    };
    template <class F>
    void members(const JNode& o, F&& f) {
        for (int c = o.first; c >= 0; c = doc.nodes[c].next)
            if (!doc.nodes[c].shadowed) f(doc.nodes[c], doc.key(doc.nodes[c]));
    }
    template <class F>
    void items(const JNode& a, F&& f) {
        size_t i = 0;
        for (int c = a.first; c >= 0; c = doc.nodes[c].next, i++) f(doc.nodes[c], i);
    }
    const JNode* member(const JNode& o, std::string_view key) {
        const JNode* found = nullptr;
        members(o, [&](const JNode& c, std::string_view k) {
            if (k == key) found = &c;
        });
        return found;
    }
    void unknown(const JNode& c, std::string_view k, std::vector<std::string_view> known, const char* where) {
        At at(path, k);
        std::string_view hint = did_you_mean(k, known);
        std::string m = "\"" + std::string(k) + "\" is not a key of " + where;
        if (!hint.empty()) m += " (did you mean \"" + std::string(hint) + "\"?)";
        add(Severity::Warning, doc.value_offset(c), m + "; it is ignored");
    }

    std::optional<std::string> column_name(const JNode& n) {
        if (n.type != JType::String || trim(doc.str(n)).empty()) {
            error(n, "expected a column name (text as in the CSV header)");
            return std::nullopt;
        }
        return std::string(trim(doc.str(n)));
    }
    std::optional<NaCodes> na_codes(const JNode& n) {
        if (n.type != JType::Array) {
            error(n, "\"na\" should be a list of answer codes that mean \"no answer\", e.g. [0, 99, \"N/A\"]");
            return std::nullopt;
        }
        NaCodes codes;
        items(n, [&](const JNode& c, size_t i) {
            At at(path, i);
            if (c.type == JType::Number) codes.numbers.push_back(c.num);
            else if (c.type == JType::String) codes.texts.emplace_back(trim(doc.str(c)));
            else error(c, "an N/A code is a number or a text");
        });
        return codes;
    }
    std::optional<std::pair<double, double>> scale(const JNode& n) {
        if (n.type != JType::Array || n.count != 2 || doc.nodes[n.first].type != JType::Number ||
            doc.nodes[doc.nodes[n.first].next].type != JType::Number) {
            error(n, "\"scale\" should be [lowest, highest] answer, e.g. [1, 5]");
            return std::nullopt;
        }
        double lo = doc.nodes[n.first].num, hi = doc.nodes[doc.nodes[n.first].next].num;
        if (!(lo < hi)) {
            error(n, "\"scale\" should be [lowest, highest] with lowest < highest");
            return std::nullopt;
        }
        return std::make_pair(lo, hi);
    }

    // ---- one reading spec: {"column": "..", "scale": [lo, hi], "na": [..]} -------------------
    void reading(Metric m, const JNode& o, int tp, size_t& patchedCount) {
        // A number (or any non-object) is a fixed reading, as in a journey file: the journey loader reads it.
        if (o.type != JType::Object) return;
        if (m == Metric::ErrorRate) {
            error(o, "\"errorRate\" is not read from survey answers (it needs errors per attempt); "
                     "give it as a number instead");
            return;
        }
        ReadingSpec r;
        r.metric = m;
        r.touchpoint = tp;
        r.pointer = path;
        size_t items = m == Metric::Sus ? 10 : m == Metric::UmuxLite ? 2 : 1;
        switch (m) {
            case Metric::Nps: r.lo = 0, r.hi = 10; break;
            case Metric::Csat: r.lo = 1, r.hi = 5; break;
            case Metric::Sus: r.lo = 1, r.hi = 5; break;
            case Metric::TaskSuccess: r.lo = 0, r.hi = 1; break;
            case Metric::TimeOnTask: r.lo = 0, r.hi = INFINITY; break;
            default: r.lo = 1, r.hi = 7;  // seq, ces, umuxLite
        }
        const JNode *col = nullptr, *cols = nullptr;
        bool ok = true;
        members(o, [&](const JNode& c, std::string_view k) {
            At at(path, k);
            if (k == "column") col = &c;
            else if (k == "columns") cols = &c;
            else if (k == "na") {
                if (auto v = na_codes(c)) r.na = *v;
            } else if (k == "scale") {
                auto s = scale(c);
                if (!s) {
                    ok = false;
                    return;
                }
                bool allowed = m == Metric::Csat        ? (s->first == 1 && (s->second == 5 || s->second == 7))
                               : m == Metric::Seq || m == Metric::Ces ? (s->first == 1 && (s->second == 5 || s->second == 7))
                               : m == Metric::UmuxLite  ? (s->first == 1 && (s->second == 5 || s->second == 7))
                               : m == Metric::Nps       ? (s->first == 0 && s->second == 10)
                               : m == Metric::Sus       ? (s->first == 1 && s->second == 5)
                               : m == Metric::TaskSuccess ? (s->first == 0 && s->second == 1)
                                                          : false;
                if (!allowed) {
                    const char* want = m == Metric::Nps           ? "[0, 10]"
                                       : m == Metric::Sus         ? "[1, 5]"
                                       : m == Metric::TaskSuccess ? "[0, 1]"
                                       : m == Metric::TimeOnTask  ? "no scale (seconds above 0)"
                                                                  : "[1, 5] or [1, 7]";
                    error(c, std::string("the scale of a \"") + metric_key(m) + "\" reading is " + want);
                    ok = false;
                    return;
                }
                r.lo = s->first, r.hi = s->second;
            } else {
                unknown(c, k, {"column", "columns", "scale", "na"}, "a survey reading");
            }
        });
        if (col && cols) {
            error(o, "give either \"column\" or \"columns\", not both");
            ok = false;
        } else if (col) {
            At at(path, "column");
            if (auto c = column_name(*col)) r.columns.push_back(*c);
            else ok = false;
        } else if (cols) {
            At at(path, "columns");
            if (cols->type != JType::Array) {
                error(*cols, "\"columns\" should be a list of column names");
                ok = false;
            } else {
                this->items(*cols, [&](const JNode& c, size_t i) {
                    At ai(path, i);
                    if (auto n = column_name(c)) r.columns.push_back(*n);
                    else ok = false;
                });
            }
        } else {
            error(o, std::string("the \"") + metric_key(m) + "\" reading names no \"column\"" +
                         (items > 1 ? " (\"columns\": its " + std::to_string(items) + " item columns, in questionnaire order)" : ""));
            ok = false;
        }
        if (ok && r.columns.size() != items) {
            error(cols ? *cols : o, std::string("a \"") + metric_key(m) + "\" reading reads " + std::to_string(items) +
                                        " column" + (items > 1 ? "s" : "") + ", but " + std::to_string(r.columns.size()) +
                                        " are given");
            ok = false;
        }
        // The journey loader sees a plain placeholder number here (file header comment).
        size_t start = doc.value_offset(o), end = value_end(src, start);
        const char* ph = placeholder(m);
        size_t len = std::strlen(ph);
        for (size_t i = start; i < end; i++)
            if (patched[i] != '\n' && patched[i] != '\r') patched[i] = ' ';
        patched.replace(start, len, ph);
        patchedCount++;
        if (ok) out.readings.push_back(std::move(r));
    }

    void touchpoint_readings(const JNode& tpNode, int tp) {
        size_t before = 0;
        members(tpNode, [&](const JNode& c, std::string_view k) {
            if (k == "measurements") {
                At at(path, k);
                error(c, "a survey mapping has no \"measurements\": its measurement sets are the segments");
            }
            if (k != "ux" && k != "cx") return;
            if (c.type != JType::Object) return;  // the journey loader reports it
            At at(path, k);
            members(c, [&](const JNode& r, std::string_view mk) {
                Metric m = metric_from_key(std::string(mk).c_str());
                if (m == Metric::Count) return;  // "n", "timeTarget", unknown: the journey loader's
                At am(path, mk);
                reading(m, r, tp, before);
            });
        });
    }

    void outcome(const JNode& o) {
        At at(path, "outcome");
        if (o.type != JType::Object) {
            error(o, "\"outcome\" should be {\"column\", \"scale\": [lo, hi]} (or \"codes\" for text answers)");
            return;
        }
        OutcomeSpec spec;
        bool ok = true, scaled = false;
        members(o, [&](const JNode& c, std::string_view k) {
            At a(path, k);
            if (k == "column") {
                if (auto n = column_name(c)) spec.column = *n;
                else ok = false;
            } else if (k == "scale") {
                if (auto s = scale(c)) spec.lo = s->first, spec.hi = s->second, scaled = true;
                else ok = false;
            } else if (k == "na") {
                if (auto v = na_codes(c)) spec.na = *v;
            } else if (k == "codes") {
                if (c.type != JType::Object || c.count == 0) {
                    error(c, "\"codes\" should map each text answer to a number, e.g. {\"satisfied\": 1, \"dissatisfied\": 0}");
                    ok = false;
                    return;
                }
                members(c, [&](const JNode& v, std::string_view text) {
                    At av(path, text);
                    if (v.type != JType::Number) {
                        error(v, "the number this answer stands for");
                        ok = false;
                    } else {
                        spec.codes.emplace_back(std::string(trim(text)), v.num);
                    }
                });
            } else {
                unknown(c, k, {"column", "scale", "na", "codes"}, "\"outcome\"");
            }
        });
        if (spec.column.empty() && ok) {
            error(o, "\"outcome\" names no \"column\"");
            ok = false;
        }
        if (!scaled && spec.codes.empty() && ok) {
            error(o, "\"outcome\" needs a \"scale\": [lowest, highest] answer (or \"codes\" for text answers)");
            ok = false;
        }
        if (!scaled && !spec.codes.empty()) {
            spec.lo = spec.codes[0].second, spec.hi = spec.codes[0].second;
            for (auto& c : spec.codes) spec.lo = std::min(spec.lo, c.second), spec.hi = std::max(spec.hi, c.second);
        }
        if (ok) out.outcome = std::move(spec);
    }

    void segments(const JNode& s) {
        At at(path, "segments");
        if (s.type != JType::Array) {
            error(s, "\"segments\" should be a list [{\"column\", \"labels\": {answer: name}}, ...]");
            return;
        }
        items(s, [&](const JNode& o, size_t i) {
            At ai(path, i);
            if (o.type != JType::Object) {
                error(o, "a segment is {\"column\": \"...\", \"labels\": {answer: name}}");
                return;
            }
            SegmentSpec seg;
            members(o, [&](const JNode& c, std::string_view k) {
                At a(path, k);
                if (k == "column") {
                    if (auto n = column_name(c)) seg.column = *n;
                } else if (k == "labels") {
                    if (c.type != JType::Object) {
                        error(c, "\"labels\" should map answers to segment names, e.g. {\"1\": \"Business\"}");
                        return;
                    }
                    members(c, [&](const JNode& v, std::string_view answer) {
                        At av(path, answer);
                        SegmentLabel l{std::string(trim(answer)), "", ""};
                        if (v.type == JType::String) {
                            l.name = trim(doc.str(v));
                        } else if (v.type == JType::Object) {  // {"id": "economy", "name": "Economy"}
                            const JNode *id = member(v, "id"), *name = member(v, "name");
                            if (name && name->type == JType::String) l.name = trim(doc.str(*name));
                            if (id && id->type == JType::String) l.id = trim(doc.str(*id));
                            if (id && (id->type != JType::String || l.id.empty())) error(*id, "a set id (text)");
                        }
                        if (l.name.empty()) error(v, "a segment name (text), or {\"id\", \"name\"}");
                        else seg.labels.push_back(std::move(l));
                    });
                } else {
                    unknown(c, k, {"column", "labels"}, "a segment");
                }
            });
            if (seg.column.empty()) error(o, "the segment names no \"column\"");
            else out.segments.push_back(std::move(seg));
        });
    }

    void root(const JNode& r) {
        if (r.type != JType::Object) {
            error(r, "a survey mapping is an object {\"title\", \"stages\", \"channels\", \"touchpoints\", ...}");
            return;
        }
        std::vector<std::string_view> known;
        for (const char* k : kSurveyKeys) known.push_back(k);
        for (const char* k : kJourneyKeys) known.push_back(k);
        const JNode* touch = nullptr;
        members(r, [&](const JNode& c, std::string_view k) {
            if (k == "na") {
                At at(path, k);
                if (auto v = na_codes(c)) out.na = *v;
            } else if (k == "all") {
                At at(path, k);
                if (c.type == JType::String && !trim(doc.str(c)).empty()) out.allName = trim(doc.str(c));
                else error(c, "\"all\" is the name of the set of every respondent (text)");
            } else if (k == "weight") {
                At at(path, k);
                if (c.type == JType::Null) return;
                if (auto n = column_name(c)) out.weight = *n;
            } else if (k == "segments") {
                segments(c);
            } else if (k == "segmentSets") {
                At at(path, k);
                if (c.type == JType::String && doc.str(c) == "each") out.crossSegments = false;
                else if (c.type == JType::String && doc.str(c) == "cross") out.crossSegments = true;
                else error(c, "\"segmentSets\" is \"each\" (a set per answer of each segment column) or \"cross\" (a set per combination)");
            } else if (k == "outcome") {
                outcome(c);
            } else if (k == "sets") {
                At at(path, k);
                error(c, "a survey mapping has no \"sets\": the measurement sets are \"All\" and the \"segments\"");
            } else if (k == "touchpoints") {
                touch = &c;
            } else if (std::find(known.begin(), known.end(), k) == known.end()) {
                unknown(c, k, known, "a survey mapping");
            }
        });
        if (touch && touch->type == JType::Array) {
            At at(path, "touchpoints");
            items(*touch, [&](const JNode& tp, size_t i) {
                At ai(path, i);
                if (tp.type == JType::Object) touchpoint_readings(tp, (int)i);
            });
        }
    }
};

}  // namespace

SurveyMappingResult load_survey_mapping(std::string_view bytes) {
    SurveyMappingResult res;
    if (std::string why = explain_unreadable(bytes); !why.empty()) {
        res.diagnostics.push_back({Severity::Error, why, "", 0, 0});
        return res;
    }
    if (bytes.size() > kMaxFileBytes) {
        res.diagnostics.push_back({Severity::Error, "the mapping is larger than the 32 MiB limit", "", 0, 0});
        return res;
    }
    MappingLoader L;
    L.src = bytes;
    JsonParse p = parse_json_dom(bytes, L.doc, kMaxDepth, nullptr);
    if (!p.ok) {
        // The journey loader words JSON syntax errors best (and locates them): let it say why.
        LoadResult lr = load_journey_json(bytes);
        res.diagnostics = std::move(lr.diagnostics);
        if (res.diagnostics.empty()) res.diagnostics.push_back({Severity::Error, "the mapping is not JSON: " + p.detail, "", 0, 0});
        return res;
    }
    L.patched.assign(bytes.data(), bytes.size());
    L.root(L.doc.nodes[0]);

    // Located diagnostics of the survey part.
    std::vector<size_t> offsets;
    for (auto& d : L.diags) offsets.push_back(d.offset);
    std::vector<size_t> sorted = offsets;
    std::sort(sorted.begin(), sorted.end());
    auto lc = line_columns(bytes, sorted);
    for (size_t i = 0; i < L.diags.size(); i++) {
        size_t k = std::lower_bound(sorted.begin(), sorted.end(), offsets[i]) - sorted.begin();
        res.diagnostics.push_back({L.diags[i].severity, L.diags[i].message, L.diags[i].pointer, lc[k].first, lc[k].second});
    }

    // The journey part, read by the journey loader over the patched bytes.
    LoadResult lr = load_journey_json(L.patched);
    for (auto& d : lr.diagnostics) res.diagnostics.push_back(d);
    std::stable_sort(res.diagnostics.begin(), res.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    if (!lr.ok || L.failed) return res;

    SurveyMapping& m = L.out;
    m.journey = std::move(lr.journey);
    // The survey keys are the mapping's, not the journey's: they must not be saved into it.
    auto& ex = m.journey.extras;
    ex.erase(std::remove_if(ex.begin(), ex.end(),
                            [](const auto& e) {
                                for (const char* k : kSurveyKeys)
                                    if (e.first == k) return true;
                                return false;
                            }),
             ex.end());
    m.journey.schema.clear();  // the mapping's $schema names the mapping schema, not the journey's
    // The placeholders are not readings: the aggregator fills every reading from the answers.
    for (const ReadingSpec& r : m.readings)
        for (Measurement& ms : m.journey.touchpoints[r.touchpoint].sets) ms.get(r.metric).reset();
    res.mapping = std::move(m);
    res.ok = true;
    return res;
}

}  // namespace uxcx
