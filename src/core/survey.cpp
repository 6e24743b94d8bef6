// survey.cpp: SurveyAggregator, raw answers -> journey readings in one streaming pass.
//
// Every row is classified cell by cell (blank, N/A code, valid answer, or invalid) and added to
// per-(set, reading) sums: Σw, Σw², Σw·y, Σw·y² and weighted answer counts. Nothing else of a row is
// kept. docs/survey-mapping.md gives the formulas; docs/survey-at-scale.md gives the same in SQL.
#include "core/survey.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/convert_text.h"
#include "core/csv_stream.h"
#include "core/load.h"
#include "core/load_text.h"

namespace uxcx {

namespace {

constexpr size_t kLocatedCells = 20;  // invalid cells reported one by one; the rest are counted
constexpr size_t kMaxSegmentValues = 100;  // distinct answers of an unlabelled segment column

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

std::string fmt(double v) { return format_number(v); }

enum class Cell { Blank, Na, Invalid, Value };

// Per (set, reading): the weighted sums every summary is computed from.
struct Acc {
    double n = 0;          // respondents with a valid answer
    double w = 0, w2 = 0;  // Σw, Σw²
    double y = 0, yy = 0;  // Σw·y, Σw·y² (y in the reading's per-respondent units)
    double c[11] = {};     // weighted answer counts: NPS {promoters, passives, detractors};
                           // CSAT answers lo..hi; task success {successes}
};

struct Held {  // a record kept back while the Qualtrics header rows are recognised
    std::vector<std::string> fields;
    std::vector<int> columns;
    int line = 0;
    size_t index = 0;
};

struct SetInfo {
    std::string name, id;
    int column = -1;      // segment column (-1: All; cross: 0)
    int order = 0;        // label position; unlabelled answers sort after, by name
    bool labelled = false;
};

}  // namespace

struct SurveyAggregator::Impl {
    SurveyMapping m;
    CsvStream csv;
    SurveyResult res;
    std::vector<std::string> header;      // trimmed names
    std::vector<std::string> questions;   // Qualtrics row 2, when recognised
    std::vector<Held> held;
    bool resolved = false, fatal = false;
    bool weighted = false;
    // Column index of each reading's columns, the weight, the outcome and the segments.
    std::vector<std::vector<int>> readingCols;
    int weightCol = -1, outcomeCol = -1;
    std::vector<int> segmentCols;
    // Sets: 0 is All; then created from labels up front, or as answers appear.
    std::vector<SetInfo> sets;
    std::vector<std::unordered_map<std::string, int>> segmentSet;  // per segment column: answer -> set
    std::unordered_map<std::string, int> crossSet;                 // cross: joined names -> set
    std::vector<Acc> acc;  // sets × readings
    // Drivers: the index of each touchpoint's main reading, in driver order.
    std::vector<int> driverReading;
    std::vector<double> val;   // per row: the outcome, then each driver's value (NaN: none)
    // Reporting.
    std::vector<uint64_t> invalidPerColumn;
    std::vector<int> firstInvalidLine;
    size_t located = 0;
    uint64_t raggedRows = 0;
    int firstRaggedLine = 0;
    std::vector<int> rowSets;

    SurveyOptions opt;
    explicit Impl(const SurveyMapping& mapping, const SurveyOptions& options)
        : m(mapping), csv([this](const CsvRecord& r) { return record(r); }), opt(options) {
        weighted = !m.weight.empty();
        sets.push_back({m.allName, "all", -1, 0, true});
        segmentSet.resize(m.segments.size());
        if (!m.crossSegments) {
            for (size_t s = 0; s < m.segments.size(); s++) {
                std::unordered_map<std::string, int> byName;
                int order = 0;
                for (const SegmentLabel& l : m.segments[s].labels) {
                    auto it = byName.find(l.name);
                    int set;
                    if (it != byName.end()) {
                        set = it->second;
                        if (sets[set].id.empty()) sets[set].id = l.id;
                    } else {
                        set = (int)sets.size();
                        sets.push_back({l.name, l.id, (int)s, order++, true});
                        byName[l.name] = set;
                    }
                    segmentSet[s][l.answer] = set;
                }
            }
        }
        acc.resize(sets.size() * m.readings.size());
        std::vector<bool> seen(m.journey.touchpoints.size(), false);
        for (size_t r = 0; r < m.readings.size(); r++)
            if (!seen[m.readings[r].touchpoint]) {
                seen[m.readings[r].touchpoint] = true;
                driverReading.push_back((int)r);
            }
        SurveyDrivers& d = res.drivers;
        for (int r : driverReading) {
            d.touchpoints.push_back(m.journey.touchpoints[m.readings[r].touchpoint].id);
            d.columns.push_back(m.readings[r].columns[0]);
        }
        if (m.outcome) {
            int vars = (int)driverReading.size() + 1;
            d.pairwise = PairwiseSums(vars, false);
            d.listwise = PairwiseSums(vars, true);
            val.resize(vars);
            if (opt.drivers.bootstrap > 0) {
                d.columnsKept.outcomeName = m.outcome->column;
                d.columnsKept.driverNames = d.touchpoints;
                d.columnsKept.drivers.resize(driverReading.size());
            }
        }
    }

    void diag(Severity s, std::string message, int line, int column, std::string pointer = "") {
        if (s == Severity::Error) fatal = true;
        if (res.diagnostics.size() < kMaxDiagnostics)
            res.diagnostics.push_back({s, std::move(message), std::move(pointer), line, column});
    }

    // ---- header -----------------------------------------------------------------------------
    int find_column(const std::string& name) const {
        for (size_t i = 0; i < header.size(); i++)
            if (header[i] == name) return (int)i;
        // Qualtrics: a column may also be named by its question text (row 2).
        for (size_t i = 0; i < questions.size(); i++)
            if (std::string(trim(questions[i])) == name) return (int)i;
        return -1;
    }
    int need_column(const std::string& name, const std::string& pointer, const char* role) {
        int c = find_column(name);
        if (c >= 0) return c;
        std::vector<std::string_view> names(header.begin(), header.end());
        std::string_view hint = did_you_mean(name, names);
        diag(Severity::Error,
             "the CSV has no column `" + name + "` (the mapping's " + role + (pointer.empty() ? "" : " at " + pointer) +
                 ")" + (hint.empty() ? "" : "; did you mean `" + std::string(hint) + "`?"),
             1, 1, pointer);
        return -1;
    }
    void resolve() {
        resolved = true;
        for (const ReadingSpec& r : m.readings) {
            std::vector<int> cols;
            for (size_t i = 0; i < r.columns.size(); i++)
                cols.push_back(need_column(r.columns[i], r.pointer + (r.columns.size() > 1 ? "/columns/" + std::to_string(i) : "/column"), "reading"));
            readingCols.push_back(std::move(cols));
        }
        if (weighted) weightCol = need_column(m.weight, "/weight", "weight");
        if (m.outcome) outcomeCol = need_column(m.outcome->column, "/outcome/column", "outcome");
        for (size_t s = 0; s < m.segments.size(); s++)
            segmentCols.push_back(need_column(m.segments[s].column, "/segments/" + std::to_string(s) + "/column", "segment"));
        invalidPerColumn.assign(header.size(), 0);
        firstInvalidLine.assign(header.size(), 0);
    }

    // ---- cells --------------------------------------------------------------------------------
    bool number(std::string_view t, double& v) const {
        if (parse_number(t, v)) return true;
        // A decimal comma ("3,5") in a file that does not use commas as delimiters.
        if (res.stats.delimiter != ',' && t.find(',') != std::string_view::npos && t.find('.') == std::string_view::npos) {
            std::string s(t);
            std::replace(s.begin(), s.end(), ',', '.');
            return parse_number(s, v);
        }
        return false;
    }
    Cell classify(std::string_view raw, const NaCodes& na, double& v) const {
        std::string_view t = trim(raw);
        if (t.empty()) return Cell::Blank;
        for (const std::string& s : na.texts)
            if (iequals(t, s)) return Cell::Na;
        if (!number(t, v)) return Cell::Invalid;
        for (double x : na.numbers)
            if (v == x) return Cell::Na;
        return Cell::Value;
    }
    void invalid(const CsvRecord& r, int col, std::string_view text, const std::string& expected) {
        res.stats.invalidCells++;
        if (col < (int)invalidPerColumn.size() && invalidPerColumn[col]++ == 0) firstInvalidLine[col] = r.line;
        if (located++ >= kLocatedCells) return;
        std::string t(trim(text).substr(0, 40));
        sanitize_display_name(t);
        diag(Severity::Warning,
             "row " + std::to_string(r.index + 1) + ", column `" + header[col] + "`: \"" + t + "\" is neither " + expected +
                 " nor an N/A code; it is not used",
             r.line, col < (int)r.columns.size() ? r.columns[col] : 0);
    }
    std::string_view cell(const CsvRecord& r, int col) const {
        return col >= 0 && col < (int)r.fields.size() ? r.fields[col] : std::string_view();
    }
    static std::string scale_words(const ReadingSpec& s) {
        if (s.metric == Metric::TimeOnTask) return "a time in seconds (above 0)";
        if (s.metric == Metric::TaskSuccess) return "0 or 1";
        return "an answer from " + fmt(s.lo) + " to " + fmt(s.hi);
    }

    // One reading's per-respondent value (and its answer category), or nothing.
    bool reading_value(const CsvRecord& r, size_t ri, double& y, int& category) {
        const ReadingSpec& s = m.readings[ri];
        const NaCodes& na = s.na ? *s.na : m.na;
        const std::vector<int>& cols = readingCols[ri];
        bool integer = s.metric == Metric::Nps || s.metric == Metric::Csat || s.metric == Metric::TaskSuccess;
        if (cols.size() == 1) {
            double v;
            std::string_view text = cell(r, cols[0]);
            switch (classify(text, na, v)) {
                case Cell::Blank: res.stats.blankCells++; return false;
                case Cell::Na: res.stats.naCells++; return false;
                case Cell::Invalid: invalid(r, cols[0], text, scale_words(s)); return false;
                case Cell::Value: break;
            }
            bool ok = s.metric == Metric::TimeOnTask ? v > 0 : (v >= s.lo && v <= s.hi && (!integer || v == std::floor(v)));
            if (!ok) {
                invalid(r, cols[0], text, scale_words(s));
                return false;
            }
            switch (s.metric) {
                case Metric::Nps: category = v >= 9 ? 0 : v >= 7 ? 1 : 2; y = v; break;
                case Metric::Csat: category = (int)(v - s.lo); y = v; break;
                case Metric::TaskSuccess: category = v == 1 ? 0 : -1; y = v; break;
                case Metric::TimeOnTask: y = std::log(v); break;
                default:  // seq, ces: a 1-5 answer placed on 1-7 (docs/survey-mapping.md)
                    y = s.hi == 5 ? 1 + (v - 1) * 1.5 : v;
            }
            return true;
        }
        // SUS (ten items) and UMUX-Lite (two): scored only when every item is answered.
        double item[10];
        int answered = 0, missing = 0;
        bool bad = false;
        for (size_t i = 0; i < cols.size(); i++) {
            std::string_view text = cell(r, cols[i]);
            switch (classify(text, na, item[i])) {
                case Cell::Blank: res.stats.blankCells++; missing++; break;
                case Cell::Na: res.stats.naCells++; missing++; break;
                case Cell::Invalid: invalid(r, cols[i], text, scale_words(s)); bad = true; break;
                case Cell::Value:
                    if (item[i] < s.lo || item[i] > s.hi) {
                        invalid(r, cols[i], text, scale_words(s));
                        bad = true;
                    } else {
                        answered++;
                    }
            }
        }
        if (bad) return false;
        if (missing) {
            if (answered) res.stats.incomplete++;
            return false;
        }
        if (s.metric == Metric::Sus) {
            // Brooke (1996): odd items score x - 1, even items 5 - x; the sum times 2.5 is 0-100.
            double sum = 0;
            for (int i = 0; i < 10; i++) sum += i % 2 == 0 ? item[i] - 1 : 5 - item[i];
            y = sum * 2.5;
        } else {
            // Lewis, Utesch & Maher (2013): both items positive, (x1 + x2 - 2) / 12 x 100 on 1-7.
            y = (item[0] - s.lo + item[1] - s.lo) / (2 * (s.hi - s.lo)) * 100;
        }
        return true;
    }

    bool outcome_value(const CsvRecord& r, double& y) {
        if (outcomeCol < 0) return false;
        const OutcomeSpec& o = *m.outcome;
        std::string_view text = cell(r, outcomeCol);
        std::string_view t = trim(text);
        for (auto& [code, v] : o.codes)
            if (iequals(t, code)) {
                y = v;
                return true;
            }
        switch (classify(text, o.na ? *o.na : m.na, y)) {
            case Cell::Blank: res.stats.blankCells++; return false;
            case Cell::Na: res.stats.naCells++; return false;
            case Cell::Invalid: break;
            case Cell::Value:
                if (y >= o.lo && y <= o.hi) return true;
        }
        std::string expected = "an answer from " + fmt(o.lo) + " to " + fmt(o.hi);
        if (!o.codes.empty()) {
            expected = "one of the outcome's codes (";
            for (size_t i = 0; i < o.codes.size(); i++) expected += (i ? ", \"" : "\"") + o.codes[i].first + "\"";
            expected += ")";
        }
        invalid(r, outcomeCol, text, expected);
        return false;
    }

    // ---- segments -------------------------------------------------------------------------
    int new_set(std::string name, int column, bool labelled, int order) {
        sets.push_back({std::move(name), "", column, order, labelled});
        acc.resize(sets.size() * m.readings.size());
        return (int)sets.size() - 1;
    }
    // The segment name of this row's answer in segment column s, or "" (All only).
    std::string segment_name(const CsvRecord& r, size_t s, int* labelOrder) {
        const SegmentSpec& seg = m.segments[s];
        std::string t(trim(cell(r, segmentCols[s])));
        if (t.empty()) return "";
        for (const std::string& na : m.na.texts)
            if (iequals(t, na)) return "";
        if (!seg.labels.empty()) {
            for (size_t i = 0; i < seg.labels.size(); i++)
                if (seg.labels[i].answer == t) {
                    if (labelOrder) *labelOrder = (int)i;
                    return seg.labels[i].name;
                }
            double v, w;  // "1.0" matches the label "1"
            if (number(t, v))
                for (size_t i = 0; i < seg.labels.size(); i++)
                    if (number(seg.labels[i].answer, w) && v == w) {
                        if (labelOrder) *labelOrder = (int)i;
                        return seg.labels[i].name;
                    }
            return "";
        }
        return seg.column + ": " + t;
    }
    void row_sets(const CsvRecord& r) {
        rowSets.assign(1, 0);
        bool unsegmented = false;
        if (m.crossSegments && !m.segments.empty()) {
            std::string key;
            int order = 0;
            for (size_t s = 0; s < m.segments.size(); s++) {
                int o = 0;
                std::string name = segment_name(r, s, &o);
                if (name.empty()) {
                    unsegmented = true;
                    break;
                }
                key += (s ? " · " : "") + name;
                order = order * 64 + o;
            }
            if (!unsegmented) {
                auto it = crossSet.find(key);
                if (it != crossSet.end()) rowSets.push_back(it->second);
                else if (crossSet.size() < kMaxSegmentValues) rowSets.push_back(crossSet[key] = new_set(key, 0, !m.segments[0].labels.empty(), order));
                else unsegmented = true;
            }
        } else {
            for (size_t s = 0; s < m.segments.size(); s++) {
                if (segmentCols[s] < 0) continue;
                std::string t(trim(cell(r, segmentCols[s])));
                auto it = segmentSet[s].find(t);
                if (it != segmentSet[s].end()) {
                    rowSets.push_back(it->second);
                    continue;
                }
                std::string name = segment_name(r, s, nullptr);
                if (name.empty()) {
                    unsegmented = true;
                    continue;
                }
                if (!m.segments[s].labels.empty()) {  // "1.0" for the label "1": find its set by name
                    for (size_t i = 1; i < sets.size(); i++)
                        if (sets[i].column == (int)s && sets[i].name == name) rowSets.push_back(segmentSet[s][t] = (int)i);
                    continue;
                }
                if (segmentSet[s].size() >= kMaxSegmentValues) {
                    unsegmented = true;
                    continue;
                }
                rowSets.push_back(segmentSet[s][t] = new_set(name, (int)s, false, 0));
            }
        }
        if (unsegmented) res.stats.unsegmented++;
    }

    // ---- rows ----------------------------------------------------------------------------
    void row(const CsvRecord& r) {
        res.stats.rows++;
        if (r.fields.size() != header.size() && raggedRows++ == 0) firstRaggedLine = r.line;
        double w = 1;
        if (weightCol >= 0) {
            std::string_view text = cell(r, weightCol);
            if (!number(trim(text), w) || w < 0) {
                invalid(r, weightCol, text, "a weight (a number, 0 or more)");
                res.stats.rowsSkipped++;
                return;
            }
        }
        row_sets(r);
        const size_t R = m.readings.size();
        std::fill(val.begin(), val.end(), NAN);
        size_t d = 0;
        for (size_t ri = 0; ri < R; ri++) {
            double y = 0;
            int cat = -1;
            bool ok = reading_value(r, ri, y, cat);
            if (d < driverReading.size() && driverReading[d] == (int)ri) {
                if (ok && !val.empty()) val[d + 1] = y;
                d++;
            }
            if (!ok) continue;
            for (int s : rowSets) {
                Acc& a = acc[s * R + ri];
                a.n += 1;
                a.w += w;
                a.w2 += w * w;
                a.y += w * y;
                a.yy += w * y * y;
                if (cat >= 0 && cat < 11) a.c[cat] += w;
            }
        }
        if (m.outcome) {
            double y;
            if (outcome_value(r, y)) val[0] = y;
            // Key-driver sums over All (rows without the outcome are dropped by add_row).
            res.drivers.pairwise.add_row(val.data(), w);
            res.drivers.listwise.add_row(val.data(), w);
            if (opt.drivers.bootstrap > 0) {
                DriverColumns& c = res.drivers.columnsKept;
                c.outcome.push_back(val[0]);
                for (size_t j = 0; j < c.drivers.size(); j++) c.drivers[j].push_back(val[j + 1]);
                if (weighted) c.weights.push_back(w);
            }
        }
    }

    void replay(const Held& h) {
        CsvRecord r;
        for (auto& f : h.fields) r.fields.emplace_back(f);
        r.columns = h.columns;
        r.line = h.line;
        r.index = h.index;
        row(r);
    }

    bool record(const CsvRecord& r) {
        if (r.index == 0) {
            for (auto f : r.fields) header.emplace_back(trim(f));
            return true;
        }
        if (r.index <= 2) {  // kept until the Qualtrics header rows are recognised (or not)
            Held h{{}, r.columns, r.line, r.index};
            for (auto f : r.fields) h.fields.emplace_back(f);
            held.push_back(std::move(h));
            if (r.index == 1) return true;
            bool qualtrics = false;
            for (auto f : r.fields)
                if (trim(f).substr(0, 11) == "{\"ImportId\"") qualtrics = true;
            if (qualtrics) {
                res.stats.qualtrics = true;
                questions = held[0].fields;
                held.clear();
            }
            resolve();
            if (fatal) return false;
            for (const Held& x : held) replay(x);
            held.clear();
            return true;
        }
        row(r);
        return true;
    }

    // ---- the journey ----------------------------------------------------------------------
    Reading summarise(const ReadingSpec& s, const Acc& a) const {
        Reading rd;
        const double W = a.w, neff = weighted ? (a.w2 > 0 ? W * W / a.w2 : 0) : a.n;
        const double mean = a.y / W;
        auto counts = [&](size_t count) {
            for (size_t i = 0; i < count; i++) rd.counts.push_back(weighted ? a.c[i] / W * neff : a.c[i]);
        };
        switch (s.metric) {
            case Metric::Nps:
                counts(3);
                rd.value = 100 * (a.c[0] - a.c[2]) / W;
                break;
            case Metric::Csat: {
                size_t k = (size_t)(s.hi - s.lo + 1);
                counts(k);
                rd.value = 100 * (a.c[k - 2] + a.c[k - 1]) / W;
                break;
            }
            case Metric::TaskSuccess:
                rd.counts = {weighted ? a.c[0] / W * neff : a.c[0], neff};
                rd.value = a.c[0] / W;
                break;
            default: {
                rd.value = s.metric == Metric::TimeOnTask ? std::exp(mean) : mean;
                if (neff > 1) {
                    double var = (a.yy / W - mean * mean) * neff / (neff - 1);
                    rd.sd = std::sqrt(std::max(0.0, var));
                }
            }
        }
        rd.n = neff;
        if (weighted) rd.unweightedN = a.n;
        return rd;
    }

    void build() {
        Journey& j = res.journey;
        j = m.journey;
        // Set order: All, then per segment column its labelled sets in label order, then the
        // unlabelled answers by name (numbers by value).
        std::vector<int> order(sets.size());
        for (size_t i = 0; i < sets.size(); i++) order[i] = (int)i;
        std::stable_sort(order.begin() + 1, order.end(), [&](int a, int b) {
            const SetInfo &x = sets[a], &y = sets[b];
            if (x.column != y.column) return x.column < y.column;
            if (x.labelled != y.labelled) return x.labelled;
            if (x.labelled) return x.order < y.order;
            double p, q;
            std::string_view xs = x.name, ys = y.name;
            size_t cx = xs.rfind(": "), cy = ys.rfind(": ");
            if (cx != std::string_view::npos && cy != std::string_view::npos && parse_number(xs.substr(cx + 2), p) &&
                parse_number(ys.substr(cy + 2), q))
                return p < q;
            return x.name < y.name;
        });
        std::unordered_set<std::string> ids;
        j.sets.clear();
        for (int s : order) {
            std::string id = !sets[s].id.empty() ? sets[s].id : slugify(sets[s].name, "segment");
            j.sets.push_back({unique_id(id, ids), sets[s].name, "", {}});
        }
        const size_t R = m.readings.size();
        for (size_t t = 0; t < j.touchpoints.size(); t++) {
            Touchpoint& tp = j.touchpoints[t];
            Measurement fixed = tp.sets.empty() ? Measurement{} : tp.sets[0];
            tp.sets.assign(order.size(), Measurement{});
            tp.sets[0] = fixed;  // readings given as numbers in the mapping belong to All
            bool offline = tp.channel >= 0 && !j.channels[tp.channel].digital;
            bool first = true;
            for (size_t ri = 0; ri < R; ri++) {
                const ReadingSpec& s = m.readings[ri];
                if (s.touchpoint != (int)t) continue;
                bool main = first;
                first = false;
                if (offline && is_ux_metric(s.metric)) continue;  // the journey loader has said why
                for (size_t k = 0; k < order.size(); k++) {
                    const Acc& a = acc[order[k] * R + ri];
                    if (a.n == 0 || a.w <= 0) continue;
                    Measurement& ms = tp.sets[k];
                    ms.get(s.metric) = summarise(s, a);
                    // The emotion curve follows the main reading: its mean placed on -2..+2.
                    if (main && !fixed.emotion && s.metric != Metric::TimeOnTask) {
                        double mean = a.y / a.w, lo = s.lo, hi = s.hi;
                        if (s.metric == Metric::Sus || s.metric == Metric::UmuxLite) lo = 0, hi = 100;
                        if ((s.metric == Metric::Seq || s.metric == Metric::Ces) && s.hi == 5) hi = 7;
                        ms.emotion = std::round(((mean - lo) / (hi - lo) * 4 - 2) * 10) / 10;
                    }
                }
            }
        }
    }

    // The key-driver analysis of the outcome over All, stored as the journey's drivers block.
    void drivers() {
        SurveyDrivers& d = res.drivers;
        if (!m.outcome || d.touchpoints.empty()) return;
        DriverOptions o = opt.drivers;
        DriverAnalysis a = o.bootstrap > 0 ? drivers_from_columns(d.columnsKept, o)
                                           : drivers_from_sums(o.listwise ? d.listwise : d.pairwise, m.outcome->column,
                                                               d.touchpoints, o);
        d.columnsKept = {};  // the per-respondent values are not needed any more
        a.outcome = m.outcome->column;
        if (!a.ok()) {
            diag(Severity::Warning, "no key drivers: " + a.error, 0, 0, "/outcome");
        } else {
            res.journey.drivers = drivers_block(a, d.touchpoints);
        }
        d.analysis = std::move(a);
    }

    void report() {
        for (size_t c = 0; c < invalidPerColumn.size(); c++)
            if (invalidPerColumn[c] && located > kLocatedCells)  // some were not listed one by one
                diag(Severity::Warning,
                     "column `" + header[c] + "`: " + std::to_string(invalidPerColumn[c]) +
                         " cells are neither a valid answer nor an N/A code (the first on line " +
                         std::to_string(firstInvalidLine[c]) + "); they are not used",
                     firstInvalidLine[c], 0);
        if (raggedRows)
            diag(Severity::Warning,
                 std::to_string(raggedRows) + " rows have a different number of fields than the header's " +
                     std::to_string(header.size()) + " (the first on line " + std::to_string(firstRaggedLine) +
                     "); missing cells are read as blank",
                 firstRaggedLine, 0);
        if (res.stats.unsegmented && !m.segments.empty())
            diag(Severity::Warning,
                 std::to_string(res.stats.unsegmented) +
                     " rows have a blank or unlabelled answer in a segment column; they count in \"All\" only",
                 0, 0);
        if (res.stats.incomplete)
            diag(Severity::Warning,
                 std::to_string(res.stats.incomplete) +
                     " SUS / UMUX-Lite answers miss some items; a questionnaire is scored only when complete",
                 0, 0);
    }
};

SurveyAggregator::SurveyAggregator(const SurveyMapping& mapping, const SurveyOptions& options)
    : impl_(std::make_unique<Impl>(mapping, options)) {}
SurveyAggregator::~SurveyAggregator() = default;
uint64_t SurveyAggregator::rows() const { return impl_->res.stats.rows; }

bool SurveyAggregator::feed(std::string_view bytes) {
    Impl& I = *impl_;
    if (I.fatal) return false;
    bool ok = I.csv.feed(bytes);
    I.res.stats.delimiter = I.csv.delimiter() ? I.csv.delimiter() : ',';
    return ok && !I.fatal;
}

SurveyResult SurveyAggregator::finish() {
    Impl& I = *impl_;
    if (!I.fatal) {
        I.csv.finish();
        I.res.stats.delimiter = I.csv.delimiter();
    }
    if (const CsvError* e = I.csv.error()) I.diag(Severity::Error, e->message, e->line, e->column);
    if (!I.fatal && I.header.empty()) I.diag(Severity::Error, "the CSV is empty: expected a header row", 1, 1);
    if (!I.fatal && !I.resolved) {  // fewer than two data rows
        I.resolve();
        if (!I.fatal)
            for (const Held& h : I.held) I.replay(h);
        I.held.clear();
    }
    if (!I.fatal && I.res.stats.rows == 0) I.diag(Severity::Error, "the CSV has a header but no answers", 2, 1);
    if (I.fatal) return std::move(I.res);
    I.report();
    I.build();
    I.drivers();
    I.res.ok = true;
    return std::move(I.res);
}

SurveyResult aggregate_survey(const SurveyMapping& mapping, std::string_view csv, const SurveyOptions& options) {
    SurveyAggregator a(mapping, options);
    a.feed(csv);
    return a.finish();
}

}  // namespace uxcx
