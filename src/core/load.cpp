// load.cpp: load_journey_json, journey file (docs/journey-format.md) bytes -> Journey + diagnostics.
// Errors refuse the whole file; warnings drop or flag the bad part and say so. Nothing throws.
#include "core/load.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "core/convert_text.h"
#include "core/load_json_dom.h"
#include "core/load_text.h"
#include "core/metric_table.h"
#include "core/validate.h"

namespace uxcx {

namespace {

struct Diag {
    Severity severity;
    std::string message;
    std::string pointer;
    size_t offset;
};

const char* type_words(JType t) {
    switch (t) {
        case JType::Null: return "null";
        case JType::Bool: return "true/false";
        case JType::Number: return "a number";
        case JType::String: return "text";
        case JType::Array: return "a list [...]";
        case JType::Object: return "an object {...}";
    }
    return "?";
}

struct Loader {
    std::string_view src;
    JsonDoc doc;
    std::vector<Diag> diags;
    size_t errors = 0, omittedErrors = 0, omittedWarnings = 0;
    std::string path;  // JSON pointer of the value being read
    Journey j;
    std::unordered_map<std::string, int> stageIndex, channelIndex, setIndex;
    std::vector<const JNode*> uxNodes;  // per set: the "ux" object of the touchpoint being read
    // The file's index of each stage, channel, set and touchpoint kept in the model (items left out
    // shift the model's indices), so the validator's model pointers can be found in the file.
    std::vector<uint32_t> stageAt, channelAt, setAt, touchpointAt;

    // ---- diagnostics ------------------------------------------------------------------------
    bool room() const { return diags.size() < kMaxDiagnostics; }
    void add(Severity s, size_t offset, std::string message, std::string_view pointer) {
        if (s == Severity::Error) errors++;
        if (!room()) {
            (s == Severity::Error ? omittedErrors : omittedWarnings)++;
            return;
        }
        diags.push_back({s, std::move(message), std::string(pointer), offset});
    }
    size_t key_offset(const JNode& n) const { return std::min((size_t)n.keyPos, src.size()); }
    void warn(const JNode& n, std::string m) { add(Severity::Warning, doc.value_offset(n), std::move(m), path); }
    void error(const JNode& n, std::string m) { add(Severity::Error, doc.value_offset(n), std::move(m), path); }
    // About a member's name rather than its value ("unknown metric"); the pointer names the member.
    void warn_key(const JNode& n, std::string m) {
        size_t len = path.size();
        append_pointer_segment(path, doc.key(n));
        add(Severity::Warning, key_offset(n), std::move(m), path);
        path.resize(len);
    }

    // Descends the pointer for the lifetime of a scope.
    struct At {
        std::string& p;
        size_t len;
        At(std::string& path, std::string_view key) : p(path), len(path.size()) { append_pointer_segment(p, key); }
        At(std::string& path, size_t index) : p(path), len(path.size()) { p += '/' + std::to_string(index); }
        ~At() { p.resize(len); }
    };

    // ---- values ---------------------------------------------------------------------------
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

    // Compact JSON text of a value, for Extras. Recursion is bounded by the parser's depth cap.
    void write_json(const JNode& n, std::string& out) {
        switch (n.type) {
            case JType::Null: out += "null"; break;
            case JType::Bool: out += n.num != 0 ? "true" : "false"; break;
            case JType::Number: out += doc.number_text(n); break;
            case JType::String: append_json_string(out, doc.str(n)); break;
            case JType::Array: {
                out += '[';
                bool first = true;
                items(n, [&](const JNode& c, size_t) {
                    if (!first) out += ',';
                    first = false;
                    write_json(c, out);
                });
                out += ']';
                break;
            }
            case JType::Object: {
                out += '{';
                bool first = true;
                members(n, [&](const JNode& c, std::string_view k) {
                    if (!first) out += ',';
                    first = false;
                    append_json_string(out, k);
                    out += ':';
                    write_json(c, out);
                });
                out += '}';
                break;
            }
        }
    }
    void keep(Extras& extras, const JNode& n, std::string_view key) {
        std::string text;
        write_json(n, text);
        extras.emplace_back(std::string(key), std::move(text));
    }

    bool get_string(const JNode& n, std::string_view key, std::string& out) {
        if (n.type == JType::String) {
            out = std::string(doc.str(n));
            return true;
        }
        warn(n, "\"" + std::string(key) + "\" should be text, but it is " + type_words(n.type) + "; it is left out");
        return false;
    }
    // Names are checked (direction overrides, names that display as nothing) by the validator.
    void get_name(const JNode& n, std::string_view key, std::string& out) { get_string(n, key, out); }
    std::optional<double> get_number(const JNode& n, std::string_view key, double lo, double hi, bool loOpen,
                                     const std::string& words, const char* consequence = "it is left out") {
        if (n.type != JType::Number) {
            std::string found = type_words(n.type);
            if (n.type == JType::String) found += " (" + quote_for_message(doc.str(n)) + ")";
            warn(n, "\"" + std::string(key) + "\" should be a number " + words + ", but it is " + found + "; " +
                        consequence);
            return std::nullopt;
        }
        if (n.num < lo || n.num > hi || (loOpen && n.num == lo)) {
            warn(n, "\"" + std::string(key) + "\" is " + std::string(doc.number_text(n)) + ", outside the range " +
                        words + "; " + consequence + " (not clamped)");
            return std::nullopt;
        }
        return n.num;
    }
    // A weighted reading's counts are weighted shares of its effective n: fractions are fine there.
    bool weightedCounts = false;
    std::optional<double> get_count(const JNode& n, std::string_view key) {
        auto v = get_number(n, key, 0, 1e15, false, "(a count: a whole number, 0 or more)",
                            "the reading is left out");
        if (v && !weightedCounts && std::floor(*v) != *v) {
            warn(n, "\"" + std::string(key) + "\" is " + std::string(doc.number_text(n)) +
                        ", but a count is a whole number; the reading is left out");
            return std::nullopt;
        }
        return v;
    }
    void get_string_list(const JNode& n, std::string_view key, std::vector<std::string>& out) {
        if (n.type != JType::Array) {
            warn(n, "\"" + std::string(key) + "\" should be a list of texts [\"...\", \"...\"], but it is " +
                        type_words(n.type) + "; it is left out");
            return;
        }
        items(n, [&](const JNode& c, size_t i) {
            At at(path, i);
            std::string s;
            if (get_string(c, key, s)) out.push_back(std::move(s));
        });
    }
    std::string unknown_hint(std::string_view key, const std::vector<std::string_view>& known) {
        if (!room()) return "";
        std::string_view best = did_you_mean(key, known);
        return best.empty() ? "" : " (did you mean \"" + std::string(best) + "\"?)";
    }

    // ---- readings -------------------------------------------------------------------------
    std::optional<Reading> reading_object(Metric m, const JNode& o, std::string_view key) {
        Reading r;
        const JNode *mean = nullptr, *sd = nullptr, *nn = nullptr, *times = nullptr, *geomean = nullptr,
                    *logSd = nullptr, *succ = nullptr, *att = nullptr, *prom = nullptr, *pass = nullptr,
                    *detr = nullptr, *counts = nullptr, *weighted = nullptr;
        static const std::vector<std::string_view> kMean = {"mean", "sd", "n", "weighted"},
                                                    kTime = {"times", "geomean", "logSd", "n", "weighted"},
                                                    kTask = {"successes", "attempts", "weighted"},
                                                    kNps = {"promoters", "passives", "detractors", "weighted"},
                                                    kCsat = {"counts", "weighted"},
                                                    kNone = {};
        const CountsForm form = metric_info(m).form;
        const std::vector<std::string_view>& allowed = form == CountsForm::Mean         ? kMean
                                                       : form == CountsForm::Times      ? kTime
                                                       : form == CountsForm::SuccessOfN ? kTask
                                                       : form == CountsForm::Nps3       ? kNps
                                                       : form == CountsForm::Csat5      ? kCsat
                                                                                        : kNone;
        members(o, [&](const JNode& c, std::string_view k) {
            bool ok = std::find(allowed.begin(), allowed.end(), k) != allowed.end();
            if (!ok) {
                warn_key(c, "\"" + std::string(k) + "\" is not part of a \"" + std::string(key) + "\" reading" +
                                unknown_hint(k, allowed) + "; it is ignored and will not be saved");
                return;
            }
            const JNode** slot = k == "mean" ? &mean : k == "sd" ? &sd : k == "n" ? &nn : k == "times" ? &times
                               : k == "geomean" ? &geomean : k == "logSd" ? &logSd : k == "successes" ? &succ
                               : k == "attempts" ? &att : k == "promoters" ? &prom : k == "passives" ? &pass
                               : k == "detractors" ? &detr : k == "weighted" ? &weighted : &counts;
            *slot = &c;
        });
        // {"weighted": {"n": respondents}}: the reading was computed with survey weights; its n and
        // counts are Kish's effective n and weighted shares of it (docs/journey-format.md).
        weightedCounts = false;
        if (weighted) {
            At at(path, "weighted");
            const JNode* wn = nullptr;
            if (weighted->type == JType::Object)
                members(*weighted, [&](const JNode& c, std::string_view k) {
                    if (k == "n") wn = &c;
                });
            if (!wn) {
                warn(*weighted, "\"weighted\" should be {\"n\": respondents}; it is ignored and will not be saved");
            } else {
                At an(path, "n");
                if (auto v = get_number(*wn, "n", 0, INFINITY, true, "above 0", "it is ignored")) {
                    r.unweightedN = v;
                    weightedCounts = true;
                }
            }
        }
        auto missing = [&](const char* what) {
            warn(o, "the \"" + std::string(key) + "\" reading has no " + what + "; it is left out");
            return std::nullopt;
        };
        const char* drop = "the reading is left out";
        const MetricInfo& rg = metric_info(m);
        if (metric_info(m).form == CountsForm::Mean) {
            if (!mean) return missing("\"mean\"");
            At at(path, "mean");
            auto v = get_number(*mean, "mean", rg.lo, rg.hi, rg.loOpen, rg.rangeWords, drop);
            if (!v) return std::nullopt;
            r.value = *v;
        } else if (m == Metric::TimeOnTask) {
            if (times) {
                At at(path, "times");
                if (times->type != JType::Array || times->count == 0) {
                    warn(*times, "\"times\" should be a non-empty list of seconds; the reading is left out");
                    return std::nullopt;
                }
                // Times are skewed: summarise by the geometric mean and the SD of ln(seconds).
                std::vector<double> logs;
                bool bad = false;
                items(*times, [&](const JNode& c, size_t i) {
                    At ai(path, i);
                    auto t = get_number(c, "times", 0, INFINITY, true, "of seconds, above 0", drop);
                    if (!t) bad = true;
                    else logs.push_back(std::log(*t));
                });
                if (bad) return std::nullopt;
                double sum = 0;
                for (double l : logs) sum += l;
                double mu = sum / (double)logs.size();
                r.value = std::exp(mu);
                if (logs.size() >= 2) {
                    double ss = 0;
                    for (double l : logs) ss += (l - mu) * (l - mu);
                    r.sd = std::sqrt(ss / (double)(logs.size() - 1));
                }
                r.n = (double)logs.size();
            } else if (geomean) {
                At at(path, "geomean");
                auto v = get_number(*geomean, "geomean", 0, INFINITY, true, "of seconds, above 0", drop);
                if (!v) return std::nullopt;
                r.value = *v;
            } else {
                return missing("\"times\" or \"geomean\"");
            }
        } else if (m == Metric::TaskSuccess) {
            if (!succ || !att) return missing("\"successes\" and \"attempts\"");
            std::optional<double> s, a;
            {
                At at(path, "successes");
                s = get_count(*succ, "successes");
            }
            {
                At at(path, "attempts");
                a = get_count(*att, "attempts");
            }
            if (!s || !a) return std::nullopt;
            if (*a == 0 || *s > *a) {
                warn(o, "task success needs 0 < attempts and successes <= attempts (here " + format_number(*s) + " of " +
                            format_number(*a) + "); the reading is left out");
                return std::nullopt;
            }
            r.counts = {*s, *a};
            r.value = *s / *a;
            r.n = *a;  // the sample is the attempts, not successes + attempts
        } else if (m == Metric::Nps) {
            if (!prom || !pass || !detr) return missing("\"promoters\", \"passives\" and \"detractors\"");
            std::optional<double> c[3];
            const JNode* nodes[3] = {prom, pass, detr};
            const char* names[3] = {"promoters", "passives", "detractors"};
            for (int i = 0; i < 3; i++) {
                At at(path, names[i]);
                c[i] = get_count(*nodes[i], names[i]);
            }
            if (!c[0] || !c[1] || !c[2]) return std::nullopt;
            double total = *c[0] + *c[1] + *c[2];
            if (total == 0) {
                warn(o, "the NPS counts are all 0: there is no answer to score; the reading is left out");
                return std::nullopt;
            }
            r.counts = {*c[0], *c[1], *c[2]};
            r.value = 100.0 * (*c[0] - *c[2]) / total;
            r.n = total;
        } else if (m == Metric::Csat) {
            if (!counts) return missing("\"counts\"");
            At at(path, "counts");
            if (counts->type != JType::Array || (counts->count != 5 && counts->count != 7)) {
                warn(*counts, "\"counts\" should be a list of 5 counts, the answers 1 to 5 (or 7, a 1-7 scale), but it is " +
                                  (counts->type == JType::Array ? "a list of " + std::to_string(counts->count)
                                                                : std::string(type_words(counts->type))) +
                                  "; the reading is left out");
                return std::nullopt;
            }
            bool bad = false;
            items(*counts, [&](const JNode& c, size_t i) {
                At ai(path, i);
                auto v = get_count(c, "counts");
                if (!v) bad = true;
                else r.counts.push_back(*v);
            });
            if (bad) return std::nullopt;
            double total = 0;
            for (double v : r.counts) total += v;
            if (total == 0) {
                warn(*counts, "the CSAT counts are all 0: there is no answer to score; the reading is left out");
                return std::nullopt;
            }
            const size_t k = r.counts.size();  // top-2-box: 4-5 of 1-5, 6-7 of 1-7
            r.value = 100.0 * (r.counts[k - 2] + r.counts[k - 1]) / total;
            r.n = total;
        } else {
            warn(o, "\"" + std::string(key) + "\" should be " + metric_info(m).forms + ", but it is an object; " + drop);
            return std::nullopt;
        }
        // Optional spread and sample size of the mean-type and time forms.
        const JNode* spread = m == Metric::TimeOnTask ? logSd : sd;
        if (spread && !(m == Metric::TimeOnTask && times)) {
            const char* sk = m == Metric::TimeOnTask ? "logSd" : "sd";
            At at(path, sk);
            if (auto v = get_number(*spread, sk, 0, INFINITY, false, "of 0 or more", "the spread is left out")) r.sd = v;
        } else if (spread) {
            At at(path, "logSd");
            warn(*spread, "\"logSd\" is ignored: it is computed from \"times\"");
        }
        if (nn && !(m == Metric::TimeOnTask && times)) {
            At at(path, "n");
            if (auto v = get_number(*nn, "n", 0, INFINITY, true, "above 0", "the sample size is left out")) r.n = v;
        } else if (nn) {
            At at(path, "n");
            warn(*nn, "\"n\" is ignored: it is the number of \"times\"");
        }
        return r;
    }

    std::optional<Reading> reading(Metric m, const JNode& v, std::string_view key) {
        At at(path, key);
        if (v.type == JType::Object) return reading_object(m, v, key);
        const MetricInfo& rg = metric_info(m);
        if (v.type != JType::Number) {
            std::string found = type_words(v.type);
            if (v.type == JType::String) found += " (" + quote_for_message(doc.str(v)) + ")";
            warn(v, "\"" + std::string(key) + "\" should be " + metric_info(m).forms + ", but it is " + found +
                        "; the reading is left out");
            return std::nullopt;
        }
        auto x = get_number(v, key, rg.lo, rg.hi, rg.loOpen, rg.rangeWords, "the reading is left out");
        if (!x) return std::nullopt;
        Reading r;
        r.value = *x;
        return r;
    }

    // The "ux" or "cx" object of one touchpoint and set.
    void block(const JNode& b, bool ux, Measurement& m) {
        const char* name = ux ? "ux" : "cx";
        At at(path, name);
        if (b.type != JType::Object) {
            warn(b, std::string("\"") + name + "\" should be an object {...} of metrics, but it is " +
                        type_words(b.type) + "; it is left out");
            return;
        }
        members(b, [&](const JNode& c, std::string_view k) {
            if (k == "n") {
                At a(path, k);
                auto v = get_number(c, "n", 0, INFINITY, true, "above 0", "the sample size is left out");
                (ux ? m.uxN : m.cxN) = v;
                return;
            }
            if (ux && k == "timeTarget") {
                At a(path, k);
                m.timeTarget = get_number(c, "timeTarget", 0, INFINITY, true, "of seconds, above 0",
                                          "the target is left out");
                return;
            }
            Metric metric = metric_from_key(std::string(k).c_str());
            Extras& extras = ux ? m.uxExtras : m.cxExtras;
            if (metric != Metric::Count && is_ux_metric(metric) == ux) {
                m.get(metric) = reading(metric, c, k);
                return;
            }
            if (metric != Metric::Count)
                warn_key(c, "\"" + std::string(k) + "\" is a " + (ux ? "CX" : "UX") + " metric: it belongs in \"" +
                                (ux ? "cx" : "ux") + "\", not in \"" + name +
                                "\"; it is kept in the file but not used");
            else {
                std::vector<std::string_view> all = {"n"};  // every name a ux/cx block knows
                if (ux) all.push_back("timeTarget");
                for (int i = 0; i < kMetricCount; i++) all.push_back(metric_key((Metric)i));
                warn_key(c, "unknown metric \"" + std::string(k) + "\"" + unknown_hint(k, all) +
                                "; it is kept in the file but not used");
            }
            keep(extras, c, k);
        });
    }

    // Fills the readings (ux, cx, emotion) of one set; `own` is the touchpoint or a measurements entry.
    const JNode* readings_member(const JNode& c, std::string_view k, Measurement& m) {
        if (k == "ux") {
            block(c, true, m);
            return &c;
        }
        if (k == "cx") {
            block(c, false, m);
            return nullptr;
        }
        At a(path, k);
        m.emotion = get_number(c, "emotion", -2, 2, false, "from -2 to +2", "it is left out");
        return nullptr;
    }

    // Sample sizes: counts (already set) > the reading's own "n" (already set) > the block's "n".
    static void resolve_n(Measurement& m) {
        for (int i = 0; i < kMetricCount; i++) {
            auto& r = m.metrics[i];
            if (r && !r->n) r->n = is_ux_metric((Metric)i) ? m.uxN : m.cxN;
        }
    }

    // ---- journey parts --------------------------------------------------------------------
    void persona(const JNode& p) {
        At at(path, "persona");
        if (p.type != JType::Object) {
            warn(p, "\"persona\" should be an object {\"name\", \"description\"}, but it is " +
                        std::string(type_words(p.type)) + "; it is left out");
            return;
        }
        Persona out;
        members(p, [&](const JNode& c, std::string_view k) {
            At a(path, k);
            if (k == "name") get_name(c, k, out.name);
            else if (k == "description") get_string(c, k, out.description);
            else keep(out.extras, c, k);
        });
        j.persona = std::move(out);
    }

    // Stages and channels: a list of objects with unique ids. A duplicate id is an error because
    // touchpoints could not say which one they mean.
    template <class T>
    void id_list(const JNode* list, const char* key, const char* what, std::vector<T>& out,
                 std::unordered_map<std::string, int>& index, bool duplicateIsError, std::vector<uint32_t>& fileAt) {
        At at(path, key);
        items(*list, [&](const JNode& c, size_t i) {
            At ai(path, i);
            if (c.type != JType::Object) {
                warn(c, std::string("each ") + what + " should be an object {\"id\", \"name\"}, but this one is " +
                            type_words(c.type) + "; it is left out");
                return;
            }
            T item;
            const JNode* idNode = nullptr;
            members(c, [&](const JNode& m, std::string_view k) {
                At a(path, k);
                if (k == "id") {
                    idNode = &m;
                    get_string(m, k, item.id);
                } else if (k == "name") {
                    get_name(m, k, item.name);
                } else if (!fill_extra_field(item, m, k)) {
                    keep(item.extras, m, k);
                }
            });
            if (item.id.empty()) {
                std::string gen = std::string(what) + "-" + std::to_string(i + 1);
                while (index.count(gen)) gen += "'";
                warn(idNode ? *idNode : c, std::string("this ") + what +
                                                " has no \"id\", so touchpoints cannot refer to it; it is given the id " +
                                                quote_for_message(gen));
                item.id = gen;
            }
            auto [it, fresh] = index.emplace(item.id, (int)out.size());
            if (!fresh) {
                size_t len = path.size();
                if (idNode) append_pointer_segment(path, "id");
                std::string m = std::string(what) + " id " + quote_for_message(item.id) + " is used twice (" + what + "s " +
                                std::to_string(it->second + 1) + " and " + std::to_string(out.size() + 1) +
                                "); each " + what + " needs its own id";
                if (duplicateIsError) {
                    error(idNode ? *idNode : c, m);
                } else {
                    warn(idNode ? *idNode : c, m + "; this one is left out");
                    path.resize(len);
                    return;
                }
                path.resize(len);
            }
            fileAt.push_back((uint32_t)i);
            out.push_back(std::move(item));
        });
    }
    bool fill_extra_field(Stage& s, const JNode& m, std::string_view k) {
        if (k != "description") return false;
        get_string(m, k, s.description);
        return true;
    }
    bool fill_extra_field(Channel& ch, const JNode& m, std::string_view k) {
        if (k != "digital") return false;
        if (m.type == JType::Bool) ch.digital = m.num != 0;
        else
            warn(m, "\"digital\" should be true or false, but it is " + std::string(type_words(m.type)) +
                        "; the channel is taken as digital");
        return true;
    }
    bool fill_extra_field(MeasurementSet& s, const JNode& m, std::string_view k) {
        if (k != "date") return false;
        get_string(m, k, s.date);
        return true;
    }

    void scoring(const JNode& s) {
        At at(path, "scoring");
        if (s.type != JType::Object) {
            warn(s, "\"scoring\" should be an object {\"weights\", \"threshold\", \"minSample\"}, but it is " +
                        std::string(type_words(s.type)) + "; the defaults are used");
            return;
        }
        Scoring& sc = j.scoring;
        members(s, [&](const JNode& c, std::string_view k) {
            At a(path, k);
            if (k == "threshold") {
                if (auto v = get_number(c, k, 0, 100, false, "from 0 to 100", "the default 60 is used"))
                    sc.threshold = *v;
            } else if (k == "weights") {
                if (c.type != JType::Object) {
                    warn(c, "\"weights\" should be an object {\"sus\": 2, ...}; the default weights (1) are used");
                    return;
                }
                std::vector<std::string_view> keys;
                for (int i = 0; i < kMetricCount; i++) keys.push_back(metric_key((Metric)i));
                members(c, [&](const JNode& w, std::string_view mk) {
                    Metric m = metric_from_key(std::string(mk).c_str());
                    if (m == Metric::Count) {
                        warn_key(w, "unknown metric \"" + std::string(mk) + "\"" + unknown_hint(mk, keys) +
                                        " in the weights; it is ignored");
                        return;
                    }
                    At aw(path, mk);
                    if (auto v = get_number(w, mk, 0, 1e6, false, "of 0 or more", "the weight stays 1"))
                        sc.weights[(int)m] = *v;
                });
            } else if (k == "minSample") {
                if (c.type != JType::Object) {
                    warn(c, "\"minSample\" should be an object {\"ux\": 5, \"cx\": 30}; the defaults are used");
                    return;
                }
                members(c, [&](const JNode& w, std::string_view mk) {
                    At aw(path, mk);
                    if (mk == "ux" || mk == "cx") {
                        if (auto v = get_number(w, mk, 0, 1e12, false, "of 0 or more", "the default is used"))
                            (mk == "ux" ? sc.minUxN : sc.minCxN) = *v;
                    } else {
                        warn(w, "\"minSample\" knows only \"ux\" and \"cx\"; " + quote_for_message(mk) + " is ignored");
                    }
                });
            } else {
                keep(sc.extras, c, k);
            }
        });
    }

    // The optional `drivers` block (key-driver results, docs/journey-format.md). Read after the
    // touchpoints so that each entry's key can be checked against their ids; an entry for an id
    // that is not there is kept (saved back) but warned about, as nothing shows it.
    void drivers_block(const JNode& d) {
        At at(path, "drivers");
        if (d.type != JType::Object) {
            warn(d, "\"drivers\" should be an object {\"outcome\", \"method\", \"r2\", \"touchpoints\": {id: {...}}}, "
                    "but it is " + std::string(type_words(d.type)) + "; it is left out");
            return;
        }
        DriversBlock b;
        bool haveR2 = false;
        members(d, [&](const JNode& c, std::string_view k) {
            At a(path, k);
            if (k == "outcome") get_string(c, k, b.outcome);
            else if (k == "method") {
                if (get_string(c, k, b.method) && b.method != "shapley" && b.method != "relweights")
                    warn(c, "\"method\" is " + quote_for_message(b.method) + "; this app knows \"shapley\" and \"relweights\" "
                            "(kept as written)");
            } else if (k == "n") b.n = get_number(c, k, 0, 1e15, false, "(a count: 0 or more)");
            else if (k == "r2") {
                if (auto v = get_number(c, k, 0, 1, false, "from 0 to 1", "the drivers block is left out")) {
                    b.r2 = *v;
                    haveR2 = true;
                }
            } else if (k == "touchpoints") {
                if (c.type != JType::Object) {
                    warn(c, "\"touchpoints\" should be an object {\"touchpoint id\": {\"r\", \"importance\", ...}}, but it is " +
                                std::string(type_words(c.type)) + "; it is left out");
                    return;
                }
                std::unordered_map<std::string, int> ids;
                std::vector<std::string_view> idViews;
                for (size_t i = 0; i < j.touchpoints.size(); i++) {
                    ids.emplace(j.touchpoints[i].id, (int)i);
                    idViews.push_back(j.touchpoints[i].id);
                }
                members(c, [&](const JNode& e, std::string_view id) {
                    if (e.type == JType::Object && !ids.count(std::string(id)))
                        warn_key(e, "no touchpoint has the id " + quote_for_message(id) + unknown_hint(id, idViews) +
                                        "; its drivers are kept but not shown");
                    At ae(path, id);
                    if (e.type != JType::Object) {
                        warn(e, "the drivers of " + quote_for_message(id) + " should be an object {\"r\", \"importance\", \"share\", "
                                "\"sign\", \"low\", \"high\", \"n\"}; they are left out");
                        return;
                    }
                    TouchpointDriver t;
                    t.touchpoint = std::string(id);
                    bool haveImportance = false;
                    members(e, [&](const JNode& f, std::string_view fk) {
                        At af(path, fk);
                        if (fk == "r") {
                            if (auto v = get_number(f, fk, -1, 1, false, "from -1 to 1")) t.r = *v;
                        } else if (fk == "importance") {
                            if (auto v = get_number(f, fk, 0, 1, false, "from 0 to 1 (a part of R²)", "the entry is left out")) {
                                t.importance = *v;
                                haveImportance = true;
                            }
                        } else if (fk == "share") {
                            if (auto v = get_number(f, fk, 0, 100, false, "from 0 to 100 (% of R²)")) t.share = *v;
                        } else if (fk == "sign") {
                            if (auto v = get_number(f, fk, -1, 1, false, "-1, 0 or 1")) {
                                if (*v == -1 || *v == 0 || *v == 1) t.sign = (int)*v;
                                else warn(f, "\"sign\" is -1, 0 or 1; it is left out");
                            }
                        } else if (fk == "low") t.low = get_number(f, fk, 0, 1, false, "from 0 to 1");
                        else if (fk == "high") t.high = get_number(f, fk, 0, 1, false, "from 0 to 1");
                        else if (fk == "n") t.n = get_number(f, fk, 0, 1e15, false, "(a count: 0 or more)");
                        else keep(t.extras, f, fk);
                    });
                    if (!haveImportance) {
                        warn(e, "the drivers of " + quote_for_message(id) + " have no valid \"importance\"; they are left out");
                        return;
                    }
                    if (t.low && t.high && *t.low > *t.high) {
                        warn(e, "the interval of " + quote_for_message(id) + " has \"low\" above \"high\"; the interval is left out");
                        t.low.reset();
                        t.high.reset();
                    }
                    b.touchpoints.push_back(std::move(t));
                });
            } else {
                keep(b.extras, c, k);
            }
        });
        if (!haveR2) {
            warn(d, "\"drivers\" has no valid \"r2\" (the full model's R², 0 to 1); the block is left out");
            return;
        }
        j.drivers = std::move(b);
    }

    // Where an unknown stage or channel reference goes: the Unassigned column/lane, with a hint.
    int resolve_ref(const JNode* ref, const char* what, const std::unordered_map<std::string, int>& index,
                    const std::vector<std::string_view>& ids, const JNode& tp, std::string& refOut) {
        const char* where = std::strcmp(what, "stage") == 0 ? "column" : "lane";
        if (!ref) {
            warn(tp, std::string("the touchpoint has no \"") + what + "\"; it is shown in the Unassigned " + where);
            return -1;
        }
        At at(path, what);
        if (ref->type != JType::String) {
            warn(*ref, std::string("\"") + what + "\" should be the id of a " + what + " (text), but it is " +
                           type_words(ref->type) + "; the touchpoint is shown in the Unassigned " + where);
            return -1;
        }
        std::string_view id = doc.str(*ref);
        auto it = index.find(std::string(id));
        if (it != index.end()) return it->second;  // the index is the truth; a save writes its id
        refOut = std::string(id);  // kept only when it resolves to nothing (Touchpoint::unknownStage)
        std::string hint;
        if (room()) {
            std::string_view best = did_you_mean(refOut, ids);
            if (!best.empty()) hint = " (did you mean \"" + std::string(best) + "\"?)";
        }
        warn(*ref, std::string(what) + " " + quote_for_message(refOut) + " does not exist" + hint +
                       "; the touchpoint is shown in the Unassigned " + where);
        return -1;
    }

    void touchpoints(const JNode& list, bool channelsGiven) {
        At at(path, "touchpoints");
        std::vector<std::string_view> stageIds, channelIds, setIds;
        for (auto& s : j.stages) stageIds.push_back(s.id);
        for (auto& c : j.channels) channelIds.push_back(c.id);
        for (auto& s : j.sets) setIds.push_back(s.id);
        // Ids written in the file, so a generated id never takes one a later touchpoint owns.
        // Views into the parsed text (stable), so 100k ids cost no allocation each.
        std::unordered_set<std::string_view> written, taken;
        written.reserve(list.count);
        taken.reserve(list.count);
        std::vector<std::unique_ptr<std::string>> made;  // generated ids, owned here for `taken`
        items(list, [&](const JNode& c, size_t) {
            if (c.type != JType::Object) return;
            members(c, [&](const JNode& m, std::string_view k) {
                if (k == "id" && m.type == JType::String) written.insert(doc.str(m));
            });
        });
        std::unordered_map<std::string, int> nextSuffix;  // keeps renaming linear on hostile files
        auto free_id = [&](const std::string& base, bool mustSuffix) {
            if (!mustSuffix && !taken.count(base) && !written.count(base)) return base;
            int& k = nextSuffix.emplace(base, 2).first->second;
            for (;; k++) {
                std::string id = base + "-" + std::to_string(k);
                if (!taken.count(id) && !written.count(id)) return id;
            }
        };
        j.touchpoints.reserve(list.count);
        items(list, [&](const JNode& c, size_t i) {
            At ai(path, i);
            if (c.type != JType::Object) {
                warn(c, "each touchpoint should be an object {\"id\", \"stage\", \"channel\", ...}, but this one is " +
                            std::string(type_words(c.type)) + "; it is left out");
                return;
            }
            Touchpoint tp;
            tp.sets.resize(j.sets.size());
            const JNode *idNode = nullptr, *stageNode = nullptr, *channelNode = nullptr;
            uxNodes.assign(j.sets.size(), nullptr);  // reused: no allocation per touchpoint
            members(c, [&](const JNode& m, std::string_view k) {
                if (k == "ux" || k == "cx" || k == "emotion") {
                    if (const JNode* ux = readings_member(m, k, tp.sets[0])) uxNodes[0] = ux;
                    return;
                }
                if (k == "stage") {
                    stageNode = &m;
                    return;
                }
                if (k == "channel") {
                    channelNode = &m;
                    return;
                }
                At a(path, k);
                if (k == "id") {
                    idNode = &m;
                    get_string(m, k, tp.id);
                } else if (k == "name") {
                    get_name(m, k, tp.name);
                } else if (k == "description") {
                    get_string(m, k, tp.description);
                } else if (k == "owner") {
                    get_string(m, k, tp.owner);
                } else if (k == "url") {
                    get_string(m, k, tp.url);  // the validator checks the scheme
                } else if (k == "volume") {
                    tp.volume = get_number(m, k, 0, INFINITY, false, "of 0 or more (customers passing)",
                                           "it is left out");
                } else if (k == "painPoints") {
                    get_string_list(m, k, tp.painPoints);
                } else if (k == "opportunities") {
                    get_string_list(m, k, tp.opportunities);
                } else if (k == "quotes") {
                    get_string_list(m, k, tp.quotes);
                } else if (k == "measurements") {
                    measurements(m, tp, setIds, uxNodes);
                } else {
                    keep(tp.extras, m, k);
                }
            });
            // Identity: every touchpoint gets a unique id, as links and the UI select by id.
            if (tp.id.empty()) {
                tp.id = free_id("tp-" + std::to_string(i + 1), false);
                warn(idNode ? *idNode : c, "the touchpoint has no \"id\"; it is given the id " + quote_for_message(tp.id));
            } else if (taken.count(tp.id)) {
                std::string given = tp.id;
                tp.id = free_id(given, true);
                At a(path, "id");
                warn(*idNode, "touchpoint id " + quote_for_message(given) + " is used twice; this one is renamed " + quote_for_message(tp.id));
            }
            if (idNode && idNode->type == JType::String && doc.str(*idNode) == tp.id) {
                taken.insert(doc.str(*idNode));
            } else {
                made.push_back(std::make_unique<std::string>(tp.id));
                taken.insert(*made.back());
            }
            tp.stage = resolve_ref(stageNode, "stage", stageIndex, stageIds, c, tp.unknownStage);
            if (channelsGiven || channelNode)
                tp.channel = resolve_ref(channelNode, "channel", channelIndex, channelIds, c, tp.unknownChannel);
            if (tp.channel >= 0 && !j.channels[tp.channel].digital) drop_offline_ux(tp, uxNodes, c);
            for (auto& m : tp.sets) resolve_n(m);
            touchpointAt.push_back((uint32_t)i);
            j.touchpoints.push_back(std::move(tp));
        });
    }

    void measurements(const JNode& m, Touchpoint& tp, const std::vector<std::string_view>& setIds,
                      std::vector<const JNode*>& uxNodes) {
        if (m.type != JType::Object) {
            warn(m, "\"measurements\" should be an object {\"<set id>\": {\"ux\", \"cx\", \"emotion\"}}, but it is " +
                        std::string(type_words(m.type)) + "; it is left out");
            return;
        }
        members(m, [&](const JNode& entry, std::string_view setId) {
            auto it = setIndex.find(std::string(setId));
            if (it == setIndex.end()) {
                warn_key(entry, "measurement set " + quote_for_message(setId) + " is not listed in \"sets\"" +
                                    unknown_hint(setId, setIds) + "; these readings are ignored");
                return;
            }
            if (it->second == 0) {
                warn_key(entry, "readings of the first set (" + quote_for_message(setId) +
                                    ") belong directly on the touchpoint (\"ux\", \"cx\", \"emotion\"); these are "
                                    "ignored");
                return;
            }
            At at(path, setId);
            if (entry.type != JType::Object) {
                warn(entry, "the readings of set " + quote_for_message(setId) + " should be an object {\"ux\", \"cx\", \"emotion\"}, "
                            "but they are " + std::string(type_words(entry.type)) + "; they are left out");
                return;
            }
            Measurement& ms = tp.sets[it->second];
            members(entry, [&](const JNode& c, std::string_view k) {
                if (k == "ux" || k == "cx" || k == "emotion") {
                    if (const JNode* ux = readings_member(c, k, ms)) uxNodes[it->second] = ux;
                } else {
                    warn_key(c, "\"" + std::string(k) + "\" is not part of a measurement set (only \"ux\", \"cx\" "
                                "and \"emotion\"); it is ignored and will not be saved");
                }
            });
        });
    }

    // Offline channels (phone, store, courier) have no interface to test: UX readings there are a
    // mistake in the file, so they are kept out of the model and hence out of every score.
    void drop_offline_ux(Touchpoint& tp, const std::vector<const JNode*>& uxNodes, const JNode& c) {
        for (size_t s = 0; s < tp.sets.size(); s++) {
            Measurement& m = tp.sets[s];
            std::string names;
            for (int i = 0; i < kMetricCount; i++)
                if (is_ux_metric((Metric)i) && m.metrics[i]) {
                    names += (names.empty() ? "" : ", ") + std::string(metric_key((Metric)i));
                    m.metrics[i].reset();
                }
            if (names.empty()) continue;
            m.uxN.reset();
            m.timeTarget.reset();
            size_t len = path.size();
            if (s > 0) {
                append_pointer_segment(path, "measurements");
                append_pointer_segment(path, j.sets[s].id);
            }
            append_pointer_segment(path, "ux");
            add(Severity::Warning, uxNodes[s] ? doc.value_offset(*uxNodes[s]) : doc.value_offset(c),
                "channel " + quote_for_message(j.channels[tp.channel].id) +
                    " is offline (\"digital\": false), so UX metrics do not apply there: " + names +
                    " left out of the map and of every score",
                path);
            path.resize(len);
        }
    }

    void sets(const JNode* list) {
        if (list && list->type != JType::Array) {
            At at(path, "sets");
            warn(*list, "\"sets\" should be a list [{\"id\", \"name\"}, ...], but it is " +
                            std::string(type_words(list->type)) + "; one set, \"current\", is used");
            list = nullptr;
        }
        if (list) id_list(list, "sets", "set", j.sets, setIndex, false, setAt);
        if (j.sets.empty()) {
            if (list) {
                At at(path, "sets");
                warn(*list, "\"sets\" lists no usable set; one set, \"current\", is used");
            }
            j.sets.push_back({"current", "Current", "", {}});
            setIndex = {{"current", 0}};
        }
    }

    void duplicate_keys(const std::vector<int>& dups) {
        if (dups.empty()) return;
        // Pointers of arbitrary nodes need their parents: one pass, only when there are duplicates.
        std::vector<int> parent(doc.nodes.size(), -1);
        for (int i = 0; i < (int)doc.nodes.size(); i++)
            for (int c = doc.nodes[i].first; c >= 0; c = doc.nodes[c].next) parent[c] = i;
        for (int k : dups) {
            if (!room()) {
                omittedWarnings++;
                continue;
            }
            std::vector<std::string> segs;
            for (int n = k; parent[n] >= 0; n = parent[n]) {
                const JNode& p = doc.nodes[parent[n]];
                if (p.type == JType::Object) {
                    segs.emplace_back(doc.key(doc.nodes[n]));
                } else {
                    size_t idx = 0;
                    for (int c = p.first; c != n; c = doc.nodes[c].next) idx++;
                    segs.push_back(std::to_string(idx));
                }
            }
            std::string ptr;
            for (auto s = segs.rbegin(); s != segs.rend(); ++s) append_pointer_segment(ptr, *s);
            const JNode& n = doc.nodes[k];
            add(Severity::Warning, key_offset(n),
                quote_for_message(doc.key(n)) + " appears more than once in the same object; the last one is used", ptr);
        }
    }

    void journey(const JNode& root) {
        if (root.type != JType::Object) {
            error(root, std::string("The file is JSON but not a journey: its top level is ") + type_words(root.type) +
                            ", where a journey file is an object { ... } with \"title\", \"stages\" and "
                            "\"touchpoints\".");
            return;
        }
        const JNode *stagesN = nullptr, *channelsN = nullptr, *touchN = nullptr, *setsN = nullptr,
                    *scoringN = nullptr, *personaN = nullptr;
        const JNode* driversN = nullptr;
        members(root, [&](const JNode& c, std::string_view k) {
            At a(path, k);
            if (k == "$schema") get_string(c, k, j.schema);
            else if (k == "title") get_name(c, k, j.title);
            else if (k == "description") get_string(c, k, j.description);
            else if (k == "version") {
                auto v = get_number(c, k, 1, 1e6, false, "(1 for this format)", "it is ignored");
                if (v && std::floor(*v) == *v) {
                    j.version = (int)*v;
                    if (*v > 1)
                        warn(c, "the file is format version " + format_number(*v) +
                                    ", newer than this app knows (1); parts it does not know are kept but not shown");
                }
            } else if (k == "stages") stagesN = &c;
            else if (k == "channels") channelsN = &c;
            else if (k == "touchpoints") touchN = &c;
            else if (k == "sets") setsN = &c;
            else if (k == "scoring") scoringN = &c;
            else if (k == "persona") personaN = &c;
            else if (k == "drivers") driversN = &c;
            else keep(j.extras, c, k);
        });
        if (personaN) persona(*personaN);
        if (!stagesN) {
            error(root, "The file is JSON but not a journey: it has no \"stages\" list (the columns of the map, "
                        "in journey order).");
        } else if (stagesN->type != JType::Array) {
            At a(path, "stages");
            error(*stagesN, "\"stages\" should be a list [{\"id\", \"name\"}, ...] of the journey's stages, but it is " +
                                std::string(type_words(stagesN->type)) + ".");
        } else {
            id_list(stagesN, "stages", "stage", j.stages, stageIndex, true, stageAt);
        }
        bool channelsGiven = false;
        if (!channelsN) {
            if (touchN && touchN->type == JType::Array && touchN->count > 0)
                warn(root, "the journey has no \"channels\" list; every touchpoint is shown in the Unassigned lane");
        } else if (channelsN->type != JType::Array) {
            At a(path, "channels");
            warn(*channelsN, "\"channels\" should be a list [{\"id\", \"name\", \"digital\"}, ...], but it is " +
                                 std::string(type_words(channelsN->type)) + "; it is left out");
        } else {
            channelsGiven = true;
            id_list(channelsN, "channels", "channel", j.channels, channelIndex, true, channelAt);
        }
        sets(setsN);
        if (scoringN) scoring(*scoringN);
        if (!touchN) {
            // The validator says "nothing to show".
        } else if (touchN->type != JType::Array) {
            At a(path, "touchpoints");
            warn(*touchN, "\"touchpoints\" should be a list [{...}, ...], but it is " +
                              std::string(type_words(touchN->type)) + "; it is left out");
        } else {
            touchpoints(*touchN, channelsGiven);
        }
        if (driversN) drivers_block(*driversN);
    }

    // ---- the shared model checks ----------------------------------------------------------
    // A validator pointer names the model's n-th stage, channel, set or touchpoint; the file's
    // index can be larger where items were left out.
    std::string file_pointer(const std::string& p) const {
        struct List {
            const char* name;
            const std::vector<uint32_t>* at;
        };
        const List lists[] = {{"/stages/", &stageAt}, {"/channels/", &channelAt}, {"/sets/", &setAt},
                              {"/touchpoints/", &touchpointAt}};
        for (const List& l : lists) {
            size_t len = std::strlen(l.name);
            if (p.compare(0, len, l.name) != 0) continue;
            size_t end = p.find('/', len);
            size_t digits = (end == std::string::npos ? p.size() : end) - len;
            size_t k = 0;
            for (size_t i = len; i < len + digits; i++) k = k * 10 + (size_t)(p[i] - '0');
            if (digits == 0 || k >= l.at->size()) return p;
            return l.name + std::to_string((*l.at)[k]) + (end == std::string::npos ? "" : p.substr(end));
        }
        return p;
    }
    // The offset of the deepest value on the pointer's path that the file has (a missing "name"
    // points at its touchpoint).
    size_t pointer_offset(std::string_view p) const {
        const JNode* n = &doc.nodes[0];
        while (!p.empty() && p[0] == '/') {
            p.remove_prefix(1);
            size_t slash = p.find('/');
            std::string seg;
            for (char c : p.substr(0, slash)) seg += c;
            for (size_t t; (t = seg.find("~1")) != std::string::npos;) seg.replace(t, 2, "/");
            for (size_t t; (t = seg.find("~0")) != std::string::npos;) seg.replace(t, 2, "~");
            p = slash == std::string_view::npos ? std::string_view() : p.substr(slash);
            const JNode* next = nullptr;
            if (n->type == JType::Object) {
                for (int c = n->first; c >= 0; c = doc.nodes[c].next)
                    if (!doc.nodes[c].shadowed && doc.key(doc.nodes[c]) == seg) next = &doc.nodes[c];
            } else if (n->type == JType::Array && !seg.empty() && seg.find_first_not_of("0123456789") == std::string::npos) {
                size_t k = std::strtoul(seg.c_str(), nullptr, 10), i = 0;
                for (int c = n->first; c >= 0; c = doc.nodes[c].next, i++)
                    if (i == k) {
                        next = &doc.nodes[c];
                        break;
                    }
            }
            if (!next) break;
            n = next;
        }
        return doc.value_offset(*n);
    }
    void validate() {
        Validation v;
        v.cap = kMaxDiagnostics;
        validate_journey(j, v);
        size_t listedErrors = 0;
        for (Diagnostic& d : v.diagnostics) {
            if (d.severity == Severity::Error) listedErrors++;
            std::string p = file_pointer(d.pointer);
            add(d.severity, pointer_offset(p), std::move(d.message), p);
        }
        errors += v.errors - listedErrors;
        omittedErrors += v.errors - listedErrors;
        omittedWarnings += v.warnings - (v.diagnostics.size() - listedErrors);
    }

    LoadResult finish() {
        LoadResult r;
        std::stable_sort(diags.begin(), diags.end(), [](const Diag& a, const Diag& b) { return a.offset < b.offset; });
        std::vector<size_t> offsets;
        offsets.reserve(diags.size());
        for (auto& d : diags) offsets.push_back(d.offset);
        auto lc = line_columns(src, offsets);
        for (size_t i = 0; i < diags.size(); i++)
            r.diagnostics.push_back({diags[i].severity, std::move(diags[i].message), std::move(diags[i].pointer),
                                     lc[i].first, lc[i].second});
        if (omittedErrors + omittedWarnings > 0)
            r.diagnostics.push_back({omittedErrors ? Severity::Error : Severity::Warning,
                                     "... and " + std::to_string(omittedErrors + omittedWarnings) +
                                         " more problems not listed (" + std::to_string(omittedErrors) +
                                         " errors, " + std::to_string(omittedWarnings) + " warnings)",
                                     "", 0, 0});
        r.ok = errors == 0;
        if (r.ok) r.journey = std::move(j);
        return r;
    }
};

std::string mib(size_t bytes) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f MiB", (double)bytes / (1024.0 * 1024.0));
    return b;
}

}  // namespace

LoadResult load_journey_json(std::string_view bytes) {
    Loader L;
    L.src = bytes;
    if (bytes.size() > kMaxFileBytes) {
        L.add(Severity::Error, 0,
              "The file is " + mib(bytes.size()) + "; journey files are limited to " + mib(kMaxFileBytes) +
                  ". Is it really a journey file?",
              "");
        L.src = {};  // nothing to locate in: skip the line count of a huge file
        return L.finish();
    }
    std::string unreadable = explain_unreadable(bytes);
    if (!unreadable.empty()) {
        L.add(Severity::Error, 0, unreadable, "");
        return L.finish();
    }
    // A NUL byte is a syntax error to the parser; this says what it means.
    if (const void* nul = std::memchr(bytes.data(), 0, bytes.size())) {
        size_t at = (size_t)((const char*)nul - bytes.data());
        L.add(Severity::Error, at,
              "The file contains a zero byte (NUL): a journey file is plain text, so this one is damaged or is "
              "not a journey file.",
              "");
        return L.finish();
    }
    std::vector<int> dups;
    JsonParse p = parse_json_dom(bytes, L.doc, kMaxDepth, &dups);
    if (!p.ok) {
        std::string msg;
        size_t at = p.errorOffset;
        size_t bad = first_invalid_utf8(bytes);
        if (p.fail == JsonFail::TooDeep) {
            msg = "Lists or objects are nested deeper than " + std::to_string(kMaxDepth) +
                  " levels; a journey never needs that many, so the file is damaged or not a journey.";
        } else if (p.fail == JsonFail::Overflow) {
            msg = "A number is too large to be read (" + p.detail + ").";
        } else if (bad != std::string_view::npos) {
            char b[8];
            std::snprintf(b, sizeof b, "0x%02X", (unsigned char)bytes[bad]);
            msg = std::string("The file is not UTF-8 text (byte ") + b +
                  " here): it was probably saved as Latin-1 or Windows-1252; save it as UTF-8 and open it again.";
            at = bad;
        } else if (std::string hint = explain_not_json(bytes); !hint.empty()) {
            msg = hint;
        } else if (p.fail == JsonFail::EndEarly) {
            msg = "Not valid JSON: the document ends early, before it is complete (" + p.detail +
                  "). Was the file cut off while saving or copying?";
        } else if (p.fail == JsonFail::TrailingText) {
            msg = "Not valid JSON: there is more text after the end of the document (" + p.detail + ").";
        } else {
            msg = "Not valid JSON: " + p.detail + ".";
        }
        L.add(Severity::Error, at, msg, "");
        return L.finish();
    }
    L.duplicate_keys(dups);
    L.journey(L.doc.nodes[0]);
    if (L.errors == 0) L.validate();
    return L.finish();
}

}  // namespace uxcx
