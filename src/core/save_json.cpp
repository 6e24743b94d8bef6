// save_json.cpp: a journey as canonical JSON: members in the order docs/journey-format.md lists
// them, two-space indent, shortest round-trip numbers, unknown members written back at the end.
#include <cmath>
#include <string>
#include <vector>

#include "core/convert.h"
#include "core/convert_text.h"

namespace uxcx {

namespace {

// A pretty-printer that writes as it goes: no tree is built, so nothing recurses and a 100k
// touchpoint journey costs one pass.
struct Writer {
    std::string out;
    int depth = 0;
    bool first = true;     // no member written yet in the current container
    bool afterKey = false;  // a key was written, its value comes next

    void newline() {
        out += '\n';
        out.append((size_t)depth * 2, ' ');
    }
    // Separator and indent before an array element or an object member.
    void item() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (depth > 0) {
            if (!first) out += ',';
            newline();
        }
        first = false;
    }
    void open(char c) {
        item();
        out += c;
        depth++;
        first = true;
    }
    void close(char c) {
        depth--;
        if (!first) newline();
        out += c;
        first = false;
    }
    void key(std::string_view k) {
        item();
        append_json_string(out, k);
        out += ": ";
        afterKey = true;
    }
    void string(std::string_view s) {
        item();
        append_json_string(out, s);
    }
    void number(double v) {
        item();
        out += std::isfinite(v) ? format_number(v) : "null";
    }
    // A short list of numbers on one line: [1, 2, 5, 20, 32].
    void number_row(const std::vector<double>& v) {
        item();
        out += '[';
        for (size_t i = 0; i < v.size(); i++) {
            if (i) out += ", ";
            out += std::isfinite(v[i]) ? format_number(v[i]) : "null";
        }
        out += ']';
    }
    void boolean(bool b) {
        item();
        out += b ? "true" : "false";
    }
    // A value kept as JSON text (an unknown member), re-indented to sit in the document. The
    // loader capped its depth; this walks it in a loop all the same.
    void raw(std::string_view json) {
        item();
        int base = depth;
        bool inString = false;
        for (size_t i = 0; i < json.size(); i++) {
            char c = json[i];
            if (inString) {
                out += c;
                if (c == '\\' && i + 1 < json.size()) out += json[++i];
                else if (c == '"') inString = false;
                continue;
            }
            switch (c) {
            case ' ': case '\t': case '\n': case '\r': break;
            case '"': inString = true; out += c; break;
            case '{':
            case '[': {
                size_t k = i + 1;
                while (k < json.size() && (json[k] == ' ' || json[k] == '\t' || json[k] == '\n' || json[k] == '\r')) k++;
                char closing = c == '{' ? '}' : ']';
                if (k < json.size() && json[k] == closing) {  // {} and [] stay on one line
                    out += c;
                    out += closing;
                    i = k;
                    break;
                }
                out += c;
                depth++;
                newline();
                break;
            }
            case '}':
            case ']':
                depth--;
                newline();
                out += c;
                break;
            case ',':
                out += ',';
                newline();
                break;
            case ':': out += ": "; break;
            default: out += c;
            }
        }
        depth = base;
        first = false;
    }
    void extras(const Extras& e) {
        for (const auto& [k, v] : e) {
            key(k);
            raw(v);
        }
    }
    void string_member(const char* k, const std::string& v) {
        if (v.empty()) return;
        key(k);
        string(v);
    }
    void number_member(const char* k, const std::optional<double>& v) {
        if (!v) return;
        key(k);
        number(*v);
    }
    void string_list(const char* k, const std::vector<std::string>& items) {
        if (items.empty()) return;
        key(k);
        open('[');
        for (const std::string& s : items) string(s);
        close(']');
    }
};

// The names of the answer counts, in Reading::counts order.
const char* const kNpsCounts[] = {"promoters", "passives", "detractors"};
const char* const kTaskCounts[] = {"successes", "attempts"};

// One reading in the form it was given: counts when there are counts, {mean, sd, n} (or
// {geomean, logSd, n} for time on task) when there is an SD or the reading has its own n, else the
// plain number. Time on task given as {"times": [..]} is saved as its geomean and logSd.
void write_reading(Writer& w, Metric m, const Reading& r, const std::optional<double>& blockN) {
    w.key(metric_key(m));
    const char* const* names = nullptr;
    size_t count = 0;
    if (m == Metric::Nps && r.counts.size() == 3) names = kNpsCounts, count = 3;
    if (m == Metric::TaskSuccess && r.counts.size() == 2) names = kTaskCounts, count = 2;
    // Survey weights: {"weighted": {"n": respondents}} beside the effective n (docs/journey-format.md).
    auto weighted = [&] {
        if (!r.unweightedN) return;
        w.key("weighted");
        w.open('{');
        w.number_member("n", r.unweightedN);
        w.close('}');
    };
    if (m == Metric::Csat && (r.counts.size() == 5 || r.counts.size() == 7)) {  // answers 1..5 (1..7)
        w.open('{');
        w.key("counts");
        w.number_row(r.counts);
        weighted();
        w.close('}');
        return;
    }
    if (names) {
        w.open('{');
        for (size_t i = 0; i < count; i++) {
            w.key(names[i]);
            w.number(r.counts[i]);
        }
        weighted();
        w.close('}');
        return;
    }
    // Only the mean-type metrics and time on task have an object form with "sd" and "n"; the
    // proportions carry their n in their counts or take the block's.
    bool objectForm = m == Metric::Sus || m == Metric::Seq || m == Metric::UmuxLite || m == Metric::Ces ||
                      m == Metric::TimeOnTask;
    bool ownN = objectForm && r.n && (!blockN || *blockN != *r.n);
    if (r.sd && objectForm) {
        w.open('{');
        w.key(m == Metric::TimeOnTask ? "geomean" : "mean");
        w.number(r.value);
        w.key(m == Metric::TimeOnTask ? "logSd" : "sd");
        w.number(*r.sd);
        if (ownN) w.number_member("n", r.n);
        weighted();
        w.close('}');
        return;
    }
    if (ownN) {
        w.open('{');
        w.key(m == Metric::TimeOnTask ? "geomean" : "mean");
        w.number(r.value);
        w.number_member("n", r.n);
        weighted();
        w.close('}');
        return;
    }
    w.number(r.value);
}

// The `ux` and `cx` blocks and the emotion of one measurement.
void write_measurement(Writer& w, const Measurement& m) {
    for (int side = 0; side < 2; side++) {
        bool ux = side == 0;
        const std::optional<double>& n = ux ? m.uxN : m.cxN;
        const Extras& extras = ux ? m.uxExtras : m.cxExtras;
        bool any = n || (ux && m.timeTarget) || !extras.empty();
        for (int k = 0; k < kMetricCount && !any; k++)
            if (is_ux_metric((Metric)k) == ux && m.metrics[k]) any = true;
        if (!any) continue;
        w.key(ux ? "ux" : "cx");
        w.open('{');
        w.number_member("n", n);
        if (ux) w.number_member("timeTarget", m.timeTarget);
        for (int k = 0; k < kMetricCount; k++)
            if (is_ux_metric((Metric)k) == ux && m.metrics[k]) write_reading(w, (Metric)k, *m.metrics[k], n);
        w.extras(extras);
        w.close('}');
    }
    w.number_member("emotion", m.emotion);
}

bool is_default_set(const std::vector<MeasurementSet>& sets) {
    if (sets.size() != 1) return sets.empty();
    const MeasurementSet& s = sets[0];
    return s.id == "current" && s.name == "Current" && s.date.empty() && s.extras.empty();
}

}  // namespace

std::string save_journey_json(const Journey& j) {
    Writer w;
    w.out.reserve(j.touchpoints.size() * 400 + 1024);
    w.open('{');
    w.string_member("$schema", j.schema);
    if (j.version) {
        w.key("version");
        w.number(*j.version);
    }
    w.string_member("title", j.title);
    w.string_member("description", j.description);
    if (j.persona) {
        w.key("persona");
        w.open('{');
        w.string_member("name", j.persona->name);
        w.string_member("description", j.persona->description);
        w.extras(j.persona->extras);
        w.close('}');
    }
    if (!is_default_set(j.sets)) {
        w.key("sets");
        w.open('[');
        for (const MeasurementSet& s : j.sets) {
            w.open('{');
            w.string_member("id", s.id);
            w.string_member("name", s.name);
            w.string_member("date", s.date);
            w.extras(s.extras);
            w.close('}');
        }
        w.close(']');
    }
    {
        const Scoring def;
        const Scoring& s = j.scoring;
        bool weights = s.weights != def.weights;
        if (weights || s.threshold != def.threshold || s.minUxN != def.minUxN || s.minCxN != def.minCxN || !s.extras.empty()) {
            w.key("scoring");
            w.open('{');
            if (weights) {
                w.key("weights");
                w.open('{');
                for (int k = 0; k < kMetricCount; k++) {
                    if (s.weights[k] == def.weights[k]) continue;
                    w.key(metric_key((Metric)k));
                    w.number(s.weights[k]);
                }
                w.close('}');
            }
            if (s.threshold != def.threshold) w.number_member("threshold", s.threshold);
            if (s.minUxN != def.minUxN || s.minCxN != def.minCxN) {
                w.key("minSample");
                w.open('{');
                w.key("ux");
                w.number(s.minUxN);
                w.key("cx");
                w.number(s.minCxN);
                w.close('}');
            }
            w.extras(s.extras);
            w.close('}');
        }
    }
    w.key("stages");
    w.open('[');
    for (const Stage& s : j.stages) {
        w.open('{');
        w.string_member("id", s.id);
        w.string_member("name", s.name);
        w.string_member("description", s.description);
        w.extras(s.extras);
        w.close('}');
    }
    w.close(']');
    w.key("channels");
    w.open('[');
    for (const Channel& c : j.channels) {
        w.open('{');
        w.string_member("id", c.id);
        w.string_member("name", c.name);
        w.key("digital");
        w.boolean(c.digital);
        w.extras(c.extras);
        w.close('}');
    }
    w.close(']');
    w.key("touchpoints");
    w.open('[');
    for (const Touchpoint& t : j.touchpoints) {
        w.open('{');
        w.string_member("id", t.id);
        w.string_member("name", t.name);
        w.string_member("description", t.description);
        // Derived from the index (the one source of truth); an id that named nothing is written
        // back as the file had it.
        const bool inStage = t.stage >= 0 && t.stage < (int)j.stages.size();
        const bool inChannel = t.channel >= 0 && t.channel < (int)j.channels.size();
        w.string_member("stage", inStage ? j.stages[t.stage].id : t.unknownStage);
        w.string_member("channel", inChannel ? j.channels[t.channel].id : t.unknownChannel);
        w.string_member("owner", t.owner);
        w.string_member("url", t.url);
        w.number_member("volume", t.volume);
        if (!t.sets.empty()) write_measurement(w, t.sets[0]);
        w.string_list("painPoints", t.painPoints);
        w.string_list("opportunities", t.opportunities);
        w.string_list("quotes", t.quotes);
        // The other sets' readings, keyed by set id.
        bool others = false;
        for (size_t s = 1; s < t.sets.size() && s < j.sets.size(); s++) {
            const Measurement& m = t.sets[s];
            bool any = m.emotion || m.uxN || m.cxN || m.timeTarget || !m.uxExtras.empty() || !m.cxExtras.empty();
            for (int k = 0; k < kMetricCount && !any; k++) any = m.metrics[k].has_value();
            if (!any) continue;
            if (!others) {
                w.key("measurements");
                w.open('{');
                others = true;
            }
            w.key(j.sets[s].id);
            w.open('{');
            write_measurement(w, m);
            w.close('}');
        }
        if (others) w.close('}');
        w.extras(t.extras);
        w.close('}');
    }
    w.close(']');
    if (j.drivers) {  // key-driver results, after the touchpoints they name
        const DriversBlock& d = *j.drivers;
        w.key("drivers");
        w.open('{');
        w.string_member("outcome", d.outcome);
        w.string_member("method", d.method);
        w.number_member("n", d.n);
        w.number_member("r2", d.r2);
        w.key("touchpoints");
        w.open('{');
        for (const TouchpointDriver& t : d.touchpoints) {
            w.key(t.touchpoint);
            w.open('{');
            // Only what is known: an r or share the file did not give is not written as 0.
            if (std::isfinite(t.r)) w.number_member("r", t.r);
            w.number_member("importance", t.importance);
            if (std::isfinite(t.share)) w.number_member("share", t.share);
            if (t.sign) w.number_member("sign", (double)t.sign);
            w.number_member("low", t.low);
            w.number_member("high", t.high);
            w.number_member("n", t.n);
            w.extras(t.extras);
            w.close('}');
        }
        w.close('}');
        w.extras(d.extras);
        w.close('}');
    }
    w.extras(j.extras);
    w.close('}');
    w.out += '\n';
    return std::move(w.out);
}

}  // namespace uxcx
