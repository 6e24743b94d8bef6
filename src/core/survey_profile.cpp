// survey_profile.cpp: column profiling of a raw survey CSV (one streaming pass) and the import
// screen's plan -> survey mapping JSON. See survey_profile.h.
#include "core/survey_profile.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "core/convert_text.h"
#include "core/csv_stream.h"

namespace uxcx {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    return out;
}
bool has(const std::string& hay, std::string_view needle) { return hay.find(needle) != std::string::npos; }

// Texts that mean "no answer" in exports (compared lower-cased).
bool na_text(std::string_view t) {
    static const char* const kNa[] = {"n/a", "na", "-", ".", "none", "don't know", "dont know", "do not know",
                                      "prefer not to say", "not applicable", "no answer", "#n/a", "null", "nan"};
    const std::string l = lower(t);
    for (const char* k : kNa)
        if (l == k) return true;
    return false;
}

// Numeric codes exports use for "no answer" on a rating scale.
bool na_number(double v) {
    return v == 99 || v == 999 || v == 9999 || v == 98 || v == 97 || v == -1 || v == -9 || v == -99 || v == -999;
}

// A cell as a number: with ';' or tab delimiters a decimal comma is read ("3,5"), as the aggregator does.
bool cell_number(std::string_view s, char delim, double& out) {
    if (parse_number(s, out)) return true;
    if (delim == ',' || s.find(',') == std::string_view::npos) return false;
    std::string t(s);
    std::replace(t.begin(), t.end(), ',', '.');
    return parse_number(t, out);
}

struct ColumnAcc {
    uint64_t numbers = 0, texts = 0, blanks = 0;
    bool integers = true;  // of the non-code numbers
    uint64_t small[12] = {};  // answers 0..11, whole numbers: a scale's histogram
    uint64_t others = 0;      // non-code numbers that are not whole numbers 0..11
    double lo = INFINITY, hi = -INFINITY;        // non-code numbers
    std::map<double, uint64_t> codes;             // numeric N/A-like codes seen
    std::map<std::string, uint64_t> naTexts;      // N/A-like texts seen (as written)
    std::unordered_map<std::string, uint64_t> values;  // distinct answers while few
    bool many = false;
};

}  // namespace

const char* column_type_name(ColumnType t) {
    switch (t) {
        case ColumnType::Empty: return "empty";
        case ColumnType::Binary: return "0/1";
        case ColumnType::ZeroToTen: return "0-10";
        case ColumnType::Rating: return "rating";
        case ColumnType::Number: return "number";
        case ColumnType::Text: return "text";
    }
    return "empty";
}

static const char* const kRoleNames[] = {"ignore", "reading", "outcome", "weight", "segment"};
const char* column_role_name(ColumnRole r) { return kRoleNames[(int)r]; }
ColumnRole column_role_from_name(std::string_view name) {
    for (int i = 0; i < 5; i++)
        if (name == kRoleNames[i]) return (ColumnRole)i;
    return ColumnRole::Ignore;
}

// ---- profiling ------------------------------------------------------------------------------

struct SurveyProfiler::Impl {
    CsvStream csv{[this](const CsvRecord& r) { return record(r); }};
    std::vector<std::string> header, questions;
    std::vector<ColumnAcc> acc;
    std::vector<std::vector<std::string>> held;  // rows 2 and 3 until Qualtrics is ruled in or out
    SurveyProfile out;

    void cell(size_t c, std::string_view raw) {
        if (c >= acc.size()) return;  // more fields than the header: the aggregator reports it
        ColumnAcc& a = acc[c];
        const std::string_view t = trim(raw);
        if (t.empty()) {
            a.blanks++;
            return;
        }
        double v;
        if (cell_number(t, csv.delimiter(), v)) {
            a.numbers++;
            if (na_number(v)) {
                a.codes[v]++;
            } else {
                a.lo = std::min(a.lo, v), a.hi = std::max(a.hi, v);
                if (v != std::floor(v)) a.integers = false;
                if (v >= 0 && v <= 11 && v == std::floor(v)) a.small[(int)v]++;
                else a.others++;
            }
        } else {
            a.texts++;
            if (na_text(t)) a.naTexts[std::string(t)]++;
        }
        if (!a.many) {
            auto it = a.values.find(std::string(t));
            if (it != a.values.end()) it->second++;
            else if (a.values.size() >= kProfileValues) a.many = true, a.values.clear();
            else a.values.emplace(std::string(t), 1);
        }
    }

    void row(const std::vector<std::string_view>& fields) {
        out.rows++;
        for (size_t c = 0; c < acc.size(); c++) cell(c, c < fields.size() ? fields[c] : std::string_view());
    }

    void release_held() {
        for (const auto& h : held) {
            std::vector<std::string_view> f(h.begin(), h.end());
            row(f);
        }
        held.clear();
    }

    bool record(const CsvRecord& r) {
        if (r.index == 0) {
            for (auto f : r.fields) header.emplace_back(trim(f));
            acc.resize(header.size());
            return true;
        }
        if (r.index <= 2) {
            held.emplace_back(r.fields.begin(), r.fields.end());
            if (r.index == 1) return true;
            bool qualtrics = false;
            for (auto f : r.fields)
                if (trim(f).substr(0, 11) == "{\"ImportId\"") qualtrics = true;
            if (qualtrics) {
                out.qualtrics = true;
                questions = held[0];
                held.clear();
            }
            release_held();
            return true;
        }
        row(r.fields);
        return true;
    }

    ColumnProfile column(size_t c) {
        ColumnAcc& a = acc[c];
        ColumnProfile p;
        p.name = header[c];
        if (c < questions.size()) p.question = std::string(trim(questions[c]));
        p.numbers = a.numbers, p.texts = a.texts, p.blanks = a.blanks;
        p.integers = a.integers;
        p.manyValues = a.many;
        for (auto& [v, n] : a.values) p.values.push_back({v, n});
        std::sort(p.values.begin(), p.values.end(), [](const ValueCount& x, const ValueCount& y) {
            return x.count != y.count ? x.count > y.count : x.value < y.value;
        });
        uint64_t naTexts = 0;
        for (auto& [t, n] : a.naTexts) naTexts += n;
        const uint64_t given = a.numbers + a.texts;
        const uint64_t realTexts = a.texts - naTexts;
        if (given == 0) {
            p.type = ColumnType::Empty;
        } else if (a.numbers > 0 && realTexts * 20 <= given) {  // numbers, with at most 5% stray text
            uint64_t codes = 0, inSmall = 0;
            for (auto& [v, n] : a.codes) codes += n;
            for (uint64_t n : a.small) inSmall += n;
            const uint64_t answers = a.numbers - codes;
            // A scale: whole answers 0..11, give or take a few stray entries ("4.5", "7" in a 1-5
            // item: the aggregator reports those as invalid). Its range is that of the answers
            // given often enough to be part of it (0.2% of them, at least once).
            const bool scale = answers > 0 && inSmall > 0 && a.others * 100 <= answers;
            if (scale) {
                const uint64_t often = std::max<uint64_t>(1, answers / 500);
                int lo = -1, hi = -1;
                for (int v = 0; v < 12; v++)
                    if (a.small[v] >= often) {
                        if (lo < 0) lo = v;
                        hi = v;
                    }
                if (lo < 0) lo = 0, hi = 11;
                p.lo = lo, p.hi = hi;
                if (lo >= 0 && hi <= 1) {
                    p.type = ColumnType::Binary;
                } else if (hi <= 10 && hi >= 8) {
                    p.type = ColumnType::ZeroToTen;
                } else if (hi <= 7 && hi >= 2) {
                    p.type = ColumnType::Rating;
                    // 0 beside answers from 1 up is "not applicable" on a 1-5 or 1-7 scale.
                    if (lo == 0) {
                        p.na.push_back("0");
                        p.lo = 1;
                    }
                } else {
                    p.type = ColumnType::Number;
                }
                for (auto& [v, n] : a.codes) p.na.push_back(format_number(v));
            } else {
                // Codes like 99 are N/A only beside answers on a small scale; elsewhere (a
                // distance, a delay in minutes) they are answers.
                for (auto& [v, n] : a.codes) a.lo = std::min(a.lo, v), a.hi = std::max(a.hi, v);
                p.lo = a.lo, p.hi = a.hi;
                p.type = ColumnType::Number;
            }
        } else {
            p.type = ColumnType::Text;
        }
        for (auto& [t, n] : a.naTexts) p.na.push_back(t);
        return p;
    }
};

SurveyProfiler::SurveyProfiler() : impl_(std::make_unique<Impl>()) {}
SurveyProfiler::~SurveyProfiler() = default;
uint64_t SurveyProfiler::rows() const { return impl_->out.rows; }

bool SurveyProfiler::feed(std::string_view bytes) { return impl_->csv.feed(bytes); }

SurveyProfile SurveyProfiler::finish() {
    Impl& m = *impl_;
    m.csv.finish();
    m.release_held();
    SurveyProfile& out = m.out;
    out.delimiter = m.csv.delimiter() ? m.csv.delimiter() : ',';
    if (const CsvError* e = m.csv.error()) {
        out.diagnostics.push_back({Severity::Error, e->message, "", e->line, e->column});
        return std::move(out);
    }
    if (m.header.empty()) {
        out.diagnostics.push_back({Severity::Error, "the file is empty: a survey export starts with a header row of column names", "", 1, 1});
        return std::move(out);
    }
    for (size_t c = 0; c < m.header.size(); c++) out.columns.push_back(m.column(c));
    out.ok = true;
    return std::move(out);
}

SurveyProfile profile_survey(std::string_view csv) {
    SurveyProfiler p;
    p.feed(csv);
    return p.finish();
}

// ---- profile <-> JSON -----------------------------------------------------------------------
// ordered_json throughout the file (the import plan's mapping below keeps its keys in order): one
// instantiation of nlohmann's templates instead of two (under the sanitizers a parse and a dump
// of one type compiled in 11.5 s, of both in 17 s).

std::string survey_profile_json(const SurveyProfile& p) {
    nlohmann::ordered_json cols = nlohmann::ordered_json::array();
    for (const ColumnProfile& c : p.columns) {
        nlohmann::ordered_json values = nlohmann::ordered_json::array();
        for (const ValueCount& v : c.values) values.push_back({v.value, v.count});
        cols.push_back({{"name", c.name}, {"question", c.question}, {"type", column_type_name(c.type)},
                        {"numbers", c.numbers}, {"texts", c.texts}, {"blanks", c.blanks},
                        {"lo", c.lo}, {"hi", c.hi}, {"integers", c.integers}, {"na", c.na},
                        {"values", values}, {"manyValues", c.manyValues}});
    }
    nlohmann::ordered_json diags = nlohmann::ordered_json::array();
    for (const Diagnostic& d : p.diagnostics) diags.push_back({{"message", d.message}, {"line", d.line}, {"column", d.column}});
    nlohmann::ordered_json j = {{"ok", p.ok}, {"rows", p.rows}, {"qualtrics", p.qualtrics},
                        {"delimiter", std::string(1, p.delimiter)}, {"columns", cols}, {"errors", diags}};
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

bool parse_survey_profile_json(std::string_view text, SurveyProfile& out) {
    const nlohmann::ordered_json j = nlohmann::ordered_json::parse(text, nullptr, false);
    if (!j.is_object()) return false;
    out = SurveyProfile{};
    try {
        out.ok = j.value("ok", false);
        out.rows = j.value("rows", (uint64_t)0);
        out.qualtrics = j.value("qualtrics", false);
        const std::string d = j.value("delimiter", std::string(","));
        out.delimiter = d.empty() ? ',' : d[0];
        for (const auto& e : j.value("errors", nlohmann::ordered_json::array()))
            out.diagnostics.push_back({Severity::Error, e.value("message", std::string()), "", e.value("line", 0), e.value("column", 0)});
        for (const auto& c : j.value("columns", nlohmann::ordered_json::array())) {
            ColumnProfile p;
            p.name = c.value("name", std::string());
            p.question = c.value("question", std::string());
            const std::string t = c.value("type", std::string("empty"));
            for (ColumnType k : {ColumnType::Empty, ColumnType::Binary, ColumnType::ZeroToTen, ColumnType::Rating,
                                 ColumnType::Number, ColumnType::Text})
                if (t == column_type_name(k)) p.type = k;
            p.numbers = c.value("numbers", (uint64_t)0), p.texts = c.value("texts", (uint64_t)0), p.blanks = c.value("blanks", (uint64_t)0);
            p.lo = c.value("lo", 0.0), p.hi = c.value("hi", 0.0);
            p.integers = c.value("integers", true);
            p.na = c.value("na", std::vector<std::string>{});
            for (const auto& v : c.value("values", nlohmann::ordered_json::array()))
                if (v.is_array() && v.size() == 2) p.values.push_back({v[0].get<std::string>(), v[1].get<uint64_t>()});
            p.manyValues = c.value("manyValues", false);
            out.columns.push_back(std::move(p));
        }
    } catch (const nlohmann::json::exception&) {
        return false;
    }
    return true;
}

// ---- suggestions ----------------------------------------------------------------------------

// Whole numbers as JSON integers: a mapping says [1, 5], not [1.0, 5.0].
static nlohmann::ordered_json num(double v) {
    if (std::fabs(v) < 1e15 && v == std::trunc(v)) return (int64_t)v;
    return v;
}

static std::string join_codes(const std::vector<std::string>& codes) {
    std::string out;
    for (const std::string& c : codes) out += (out.empty() ? "" : ", ") + c;
    return out;
}

// "SUS 3", "sus_03" -> "SUS": the touchpoint a questionnaire's items share.
static std::string item_stem(const std::string& name) {
    size_t e = name.size();
    while (e > 0 && ((name[e - 1] >= '0' && name[e - 1] <= '9') || name[e - 1] == '_' || name[e - 1] == ' ' ||
                     name[e - 1] == '-' || name[e - 1] == '.' || name[e - 1] == 'q' || name[e - 1] == 'Q'))
        e--;
    return e ? name.substr(0, e) : name;
}

// A text outcome's codes: an answer saying dissatisfaction, "no" or "neutral" is 0, others 1.
static std::vector<std::pair<std::string, double>> outcome_codes(const ColumnProfile& c) {
    std::vector<std::pair<std::string, double>> codes;
    for (const ValueCount& v : c.values) {
        if (na_text(v.value)) continue;
        const std::string l = lower(v.value);
        const bool negative = has(l, "dis") || has(l, "not") || has(l, "neutral") || has(l, "unsat") || l == "no" ||
                              l == "false" || l == "n";
        codes.push_back({v.value, negative ? 0.0 : 1.0});
    }
    return codes;
}

ImportPlan suggest_import_plan(const SurveyProfile& p, std::string_view title) {
    ImportPlan plan;
    plan.title = std::string(title);
    plan.stages = {"Journey"};
    bool outcome = false, weight = false;
    for (const ColumnProfile& c : p.columns) {
        ImportColumn col;
        col.column = c.name;
        col.touchpoint = c.name;
        col.na = join_codes(c.na);
        const std::string l = lower(c.name);
        const bool numeric = c.type == ColumnType::Binary || c.type == ColumnType::ZeroToTen ||
                             c.type == ColumnType::Rating || c.type == ColumnType::Number;
        const bool looksOutcome = has(l, "overall") || l == "satisfaction" || l == "sat" || has(l, "outcome");
        if (c.name.empty() || c.type == ColumnType::Empty) {
            col.role = ColumnRole::Ignore;
        } else if (!weight && numeric && (has(l, "weight") || l == "wt" || l == "w")) {
            col.role = ColumnRole::Weight;
            weight = true;
        } else if (!outcome && looksOutcome && (numeric || (!c.manyValues && c.values.size() >= 2))) {
            col.role = ColumnRole::Outcome;
            outcome = true;
            if (c.type == ColumnType::Text) {
                col.codes = outcome_codes(c);
            } else {
                col.lo = c.type == ColumnType::ZeroToTen ? 0 : c.type == ColumnType::Rating ? 1 : c.lo;
                col.hi = c.type == ColumnType::ZeroToTen ? 10 : c.type == ColumnType::Rating ? (c.hi <= 5 ? 5 : 7) : c.hi;
            }
        } else if (c.type == ColumnType::ZeroToTen) {
            col.role = ColumnRole::Reading;
            col.metric = Metric::Nps;
            col.lo = 0, col.hi = 10;
        } else if (c.type == ColumnType::Rating) {
            col.role = ColumnRole::Reading;
            col.lo = 1, col.hi = c.hi <= 5 ? 5 : 7;
            if (has(l, "sus")) col.metric = Metric::Sus, col.hi = 5, col.touchpoint = item_stem(c.name);
            else if (has(l, "umux")) col.metric = Metric::UmuxLite, col.touchpoint = item_stem(c.name);
            else if (has(l, "ease") || has(l, "easy") || has(l, "difficult") || has(l, "seq")) col.metric = Metric::Seq;
            else if (has(l, "effort") || has(l, "ces")) col.metric = Metric::Ces;
            else col.metric = Metric::Csat;
        } else if (c.type == ColumnType::Binary && (has(l, "success") || has(l, "complet") || has(l, "task") || l == "done")) {
            col.role = ColumnRole::Reading;
            col.metric = Metric::TaskSuccess;
            col.lo = 0, col.hi = 1;
        } else if (c.type == ColumnType::Number && c.lo > 0 && (has(l, "time") || has(l, "second") || has(l, "duration"))) {
            col.role = ColumnRole::Reading;
            col.metric = Metric::TimeOnTask;
        } else if (c.type == ColumnType::Text && !c.manyValues && c.values.size() >= 2 && c.values.size() <= 12 &&
                   c.values.size() < c.texts && l != "id" && !has(l, "comment") && !has(l, "feedback") && !has(l, "why")) {
            // Some answer given twice: every answer distinct is an identifier, not a group.
            col.role = ColumnRole::Segment;
        }
        plan.columns.push_back(std::move(col));
    }
    return plan;
}

// ---- plan -> mapping ------------------------------------------------------------------------

std::string na_codes_json(std::string_view typed) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    size_t at = 0;
    while (at <= typed.size()) {
        size_t comma = typed.find(',', at);
        if (comma == std::string_view::npos) comma = typed.size();
        const std::string_view t = trim(typed.substr(at, comma - at));
        double v;
        if (!t.empty()) {
            if (parse_number(t, v)) a.push_back(num(v));
            else a.push_back(std::string(t));
        }
        at = comma + 1;
    }
    return a.dump();
}

static nlohmann::ordered_json na_array(std::string_view typed) { return nlohmann::ordered_json::parse(na_codes_json(typed)); }

std::vector<std::string> import_plan_problems(const ImportPlan& plan) {
    std::vector<std::string> out;
    int readings = 0, outcomes = 0, weights = 0;
    std::map<std::pair<std::string, int>, int> perMetric;  // (touchpoint, metric) -> columns
    for (const ImportColumn& c : plan.columns) {
        if (c.role == ColumnRole::Outcome) outcomes++;
        if (c.role == ColumnRole::Weight) weights++;
        if (c.role != ColumnRole::Reading) continue;
        readings++;
        const std::string name(trim(c.touchpoint));
        if (name.empty()) out.push_back("Column \"" + c.column + "\": give its touchpoint a name.");
        else perMetric[{name, (int)c.metric}]++;
    }
    if (readings == 0) out.push_back("Choose at least one column as a touchpoint reading.");
    if (outcomes > 1) out.push_back("Choose one outcome column (" + std::to_string(outcomes) + " are chosen).");
    if (weights > 1) out.push_back("Choose one weight column (" + std::to_string(weights) + " are chosen).");
    for (const auto& [key, n] : perMetric) {
        const Metric m = (Metric)key.second;
        const int want = m == Metric::Sus ? 10 : m == Metric::UmuxLite ? 2 : 1;
        if (n != want)
            out.push_back("\"" + key.first + "\" has " + std::to_string(n) + " " + metric_label(m) + " column" +
                          (n == 1 ? "" : "s") + "; " + metric_label(m) + " takes " + std::to_string(want) + ".");
    }
    return out;
}

std::string import_plan_mapping_json(const ImportPlan& plan) {
    using J = nlohmann::ordered_json;
    J m = J::object();
    m["version"] = 1;
    m["title"] = plan.title.empty() ? std::string("Survey") : plan.title;
    J segments = J::array();
    for (const ImportColumn& c : plan.columns) {
        if (c.role == ColumnRole::Weight && !m.contains("weight")) m["weight"] = c.column;
        if (c.role == ColumnRole::Segment) segments.push_back({{"column", c.column}});
        if (c.role == ColumnRole::Outcome && !m.contains("outcome")) {
            J o = {{"column", c.column}};
            if (!c.codes.empty()) {
                J codes = J::object();
                for (const auto& [text, v] : c.codes) codes[text] = num(v);
                o["codes"] = codes;
            } else {
                o["scale"] = {num(c.lo), num(c.hi)};
            }
            o["na"] = na_array(c.na);
            m["outcome"] = o;
        }
    }
    if (!segments.empty()) m["segments"] = segments;
    std::unordered_set<std::string> stageIds, channelIds, tpIds;
    std::vector<std::string> sid, cid;
    J stages = J::array(), channels = J::array();
    for (const std::string& s : plan.stages) {
        sid.push_back(unique_id(slugify(s, "stage"), stageIds));
        stages.push_back({{"id", sid.back()}, {"name", s}});
    }
    for (const ImportChannel& c : plan.channels) {
        cid.push_back(unique_id(slugify(c.name, "channel"), channelIds));
        channels.push_back({{"id", cid.back()}, {"name", c.name}, {"digital", c.digital}});
    }
    m["stages"] = stages;
    m["channels"] = channels;
    // Touchpoints in the order their first column comes; a touchpoint's place from that column.
    struct Tp {
        std::string name;
        int stage, channel;
        std::vector<const ImportColumn*> cols;
    };
    std::vector<Tp> tps;
    for (const ImportColumn& c : plan.columns) {
        if (c.role != ColumnRole::Reading) continue;
        const std::string name(trim(c.touchpoint));
        auto it = std::find_if(tps.begin(), tps.end(), [&](const Tp& t) { return t.name == name; });
        if (it == tps.end()) tps.push_back({name, c.stage, c.channel, {&c}});
        else it->cols.push_back(&c);
    }
    J touchpoints = J::array();
    for (const Tp& t : tps) {
        J tp = {{"id", unique_id(slugify(t.name, "touchpoint"), tpIds)}, {"name", t.name}};
        if (t.stage >= 0 && t.stage < (int)sid.size()) tp["stage"] = sid[(size_t)t.stage];
        if (t.channel >= 0 && t.channel < (int)cid.size()) tp["channel"] = cid[(size_t)t.channel];
        J ux = J::object(), cx = J::object();
        std::vector<Metric> done;
        for (const ImportColumn* c : t.cols) {
            if (std::find(done.begin(), done.end(), c->metric) != done.end()) continue;
            done.push_back(c->metric);
            J r = J::object();
            if (c->metric == Metric::Sus || c->metric == Metric::UmuxLite) {
                J cols = J::array();
                for (const ImportColumn* d : t.cols)
                    if (d->metric == c->metric) cols.push_back(d->column);
                r["columns"] = cols;
            } else {
                r["column"] = c->column;
            }
            if (c->metric == Metric::Csat || c->metric == Metric::Seq || c->metric == Metric::Ces || c->metric == Metric::UmuxLite)
                r["scale"] = {num(c->lo), num(c->hi)};
            r["na"] = na_array(c->na);
            (is_ux_metric(c->metric) ? ux : cx)[metric_key(c->metric)] = r;
        }
        if (!ux.empty()) tp["ux"] = ux;
        if (!cx.empty()) tp["cx"] = cx;
        touchpoints.push_back(tp);
    }
    m["touchpoints"] = touchpoints;
    return m.dump(2, ' ', false, J::error_handler_t::replace) + "\n";
}

// ---- mapping -> plan ------------------------------------------------------------------------

static std::string codes_text(const NaCodes& na) {
    std::vector<std::string> parts;
    for (double v : na.numbers) parts.push_back(format_number(v));
    for (const std::string& t : na.texts) parts.push_back(t);
    return join_codes(parts);
}

ImportPlan import_plan_from_mapping(const SurveyMapping& m, const SurveyProfile& p, std::vector<std::string>* missing) {
    ImportPlan plan;
    const Journey& j = m.journey;
    plan.title = j.title;
    for (const Stage& s : j.stages) plan.stages.push_back(s.name.empty() ? s.id : s.name);
    for (const Channel& c : j.channels) plan.channels.push_back({c.name.empty() ? c.id : c.name, c.digital});
    for (const ColumnProfile& c : p.columns) {
        ImportColumn col;
        col.column = c.name;
        col.touchpoint = c.name;
        col.na = join_codes(c.na);
        plan.columns.push_back(std::move(col));
    }
    // A mapping names a column by its header, or (Qualtrics) by its question text.
    auto find = [&](const std::string& name) -> ImportColumn* {
        const std::string_view want = trim(name);
        for (size_t i = 0; i < p.columns.size(); i++)
            if (p.columns[i].name == want || (!p.columns[i].question.empty() && p.columns[i].question == want))
                return &plan.columns[i];
        if (missing) missing->push_back(std::string(want));
        return nullptr;
    };
    const std::string globalNa = codes_text(m.na);
    for (const ReadingSpec& r : m.readings) {
        if (r.touchpoint < 0 || r.touchpoint >= (int)j.touchpoints.size()) continue;
        const Touchpoint& tp = j.touchpoints[(size_t)r.touchpoint];
        for (const std::string& name : r.columns) {
            ImportColumn* c = find(name);
            if (!c) continue;
            c->role = ColumnRole::Reading;
            c->metric = r.metric;
            c->lo = r.lo, c->hi = r.hi;
            c->na = r.na ? codes_text(*r.na) : globalNa;
            c->touchpoint = tp.name;
            c->stage = tp.stage;
            c->channel = tp.channel;
        }
    }
    if (m.outcome) {
        if (ImportColumn* c = find(m.outcome->column)) {
            c->role = ColumnRole::Outcome;
            c->lo = m.outcome->lo, c->hi = m.outcome->hi;
            c->codes = m.outcome->codes;
            c->na = m.outcome->na ? codes_text(*m.outcome->na) : globalNa;
        }
    }
    if (!m.weight.empty())
        if (ImportColumn* c = find(m.weight)) c->role = ColumnRole::Weight;
    for (const SegmentSpec& s : m.segments)
        if (ImportColumn* c = find(s.column)) c->role = ColumnRole::Segment;
    return plan;
}

// ---- sniffing -------------------------------------------------------------------------------

bool looks_like_survey_csv(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    std::string_view line;
    while (!s.empty()) {
        const size_t e = s.find_first_of("\r\n");
        line = trim(s.substr(0, e));
        s = e == std::string_view::npos ? std::string_view() : s.substr(e + 1);
        if (!line.empty()) break;
    }
    if (line.empty() || line[0] == '{' || line[0] == '[' || line[0] == '%' || line[0] == '#' || line.substr(0, 3) == "---")
        return false;
    if (lower(line.substr(0, 7)) == "journey") return false;
    int counts[3] = {0, 0, 0};
    const char delims[3] = {',', ';', '\t'};
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        for (int k = 0; k < 3; k++)
            if (!quoted && c == delims[k]) counts[k]++;
    }
    const int best = (int)(std::max_element(counts, counts + 3) - counts);
    if (counts[best] == 0) return false;
    bool idOrName = false, stage = false;
    size_t at = 0;
    while (at <= line.size()) {
        size_t e = line.find(delims[best], at);
        if (e == std::string_view::npos) e = line.size();
        std::string f = lower(trim(line.substr(at, e - at)));
        if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
        if (f == "id" || f == "name") idOrName = true;
        if (f == "stage") stage = true;
        at = e + 1;
    }
    return !(idOrName && stage);
}

}  // namespace uxcx
