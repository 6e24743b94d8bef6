// validate.cpp: the model-level checks shared by every way in (see validate.h).
#include "core/validate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_set>

#include "core/convert_text.h"
#include "core/load_text.h"
#include "core/metric_table.h"

namespace uxcx {

void Validation::add(Severity s, std::string pointer, std::string message) {
    (s == Severity::Error ? errors : warnings)++;
    if (diagnostics.size() >= cap) return;
    Diagnostic d;
    d.severity = s;
    d.message = std::move(message);
    d.pointer = std::move(pointer);
    diagnostics.push_back(std::move(d));
}

namespace {

// Decodes the code point at s[i]; a malformed byte decodes as itself, length 1.
unsigned decode(std::string_view s, size_t i, size_t* len) {
    unsigned char c = (unsigned char)s[i];
    int n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + n > s.size()) n = 1;
    unsigned cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n; k++) cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3F);
    *len = (size_t)n;
    return cp;
}

// A JSON pointer kept as its parts ("/touchpoints", 3, "ux", "nps") until a message needs it as
// text: most of a big map has nothing to report, and building the pointer of every reading and
// name was a tenth of loading 100,000 touchpoints in WebAssembly (bench/README.md).
struct Where {
    const Where* parent = nullptr;
    std::string_view key;   // a member's name
    size_t index = 0;       // or, when is_index, an array's element
    bool is_index = false;
    std::string text() const {
        std::string t = parent ? parent->text() : std::string();
        if (is_index) t += "/" + std::to_string(index);
        else append_pointer_segment(t, key);
        return t;
    }
    std::string text(std::string_view member) const {
        std::string t = text();
        append_pointer_segment(t, member);
        return t;
    }
};

// "/touchpoints", the parent of every touchpoint's pointer.
constexpr Where kTouchpoints{nullptr, "touchpoints"};

bool is_control(unsigned cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F); }
bool is_embedding_or_override(unsigned cp) { return cp >= 0x202A && cp <= 0x202E; }
bool is_isolate_open(unsigned cp) { return cp >= 0x2066 && cp <= 0x2068; }
constexpr unsigned kPdi = 0x2069;

// Characters that draw nothing: spaces of every width, zero-width characters and joiners,
// direction marks, soft hyphen, Hangul and Braille fillers, variation selectors, tags.
bool is_blank(unsigned cp) {
    return cp == ' ' || cp == 0xA0 || cp == 0xAD || cp == 0x034F || cp == 0x061C || cp == 0x115F ||
           cp == 0x1160 || cp == 0x1680 || cp == 0x17B4 || cp == 0x17B5 || cp == 0x180E ||
           (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) ||
           cp == 0x2800 || cp == 0x3000 || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF ||
           cp == 0xFFA0 || (cp >= 0xE0000 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF) || is_control(cp);
}

// A display name (at `owner`'s "name"): overrides removed (warned), then empty or blank names
// reported. `what()` names the thing for messages ("the stage \"pay\""); `fallback` says what is
// shown instead.
template <class What>
void check_name(std::string& name, const Where& owner, What what, const char* fallback, bool warnWhenEmpty, Validation& out) {
    if (remove_direction_overrides(name))
        out.add(Severity::Warning, owner.text("name"),
                "the name of " + what() + " contained text-direction overrides or control characters; they were "
                "removed so it displays as " + quote_for_message(name));
    if (name.empty()) {
        if (warnWhenEmpty) out.add(Severity::Warning, owner.text("name"), what() + " has no name; " + fallback);
        return;
    }
    if (renders_as_nothing(name)) {
        name.clear();
        out.add(Severity::Warning, owner.text("name"),
                "the name of " + what() + " is only spaces or invisible characters, so it would display as nothing; " +
                    fallback);
    }
}

bool whole(double v) { return std::isfinite(v) && std::floor(v) == v; }

template <class T>
void check_id_list(std::vector<T>& list, const char* key, const char* what, bool duplicateIsError, Validation& out) {
    std::unordered_set<std::string> seen;
    seen.reserve(list.size());
    const Where all{nullptr, key};
    for (size_t i = 0; i < list.size(); i++) {
        T& item = list[i];
        const Where at{&all, {}, i, true};
        if (item.id.empty()) {
            std::string gen = std::string(what) + "-" + std::to_string(i + 1);
            while (seen.count(gen)) gen += "'";
            item.id = gen;
            out.add(Severity::Warning, at.text(),
                    std::string("this ") + what + " has no \"id\", so touchpoints cannot refer to it; it is given the id " +
                        quote_for_message(gen));
        } else if (!seen.insert(item.id).second) {
            out.add(duplicateIsError ? Severity::Error : Severity::Warning, at.text("id"),
                    std::string(what) + " id " + quote_for_message(item.id) + " is used twice; each " + what + " needs its own id");
            continue;
        }
        seen.insert(item.id);
        check_name(item.name, at, [&] { return std::string("the ") + what + " " + quote_for_message(item.id); },
                   "it is shown by its id", false, out);
    }
}

// The sample size of a reading or block: positive, finite, not more people than exist.
bool sample_ok(double n) { return std::isfinite(n) && n > 0 && n <= kMaxSampleSize; }

std::string sample_problem(double n) {
    if (!std::isfinite(n) || n <= 0) return "is " + format_number(n) + ", but a sample size is above 0";
    return "is " + format_number(n) + ", more people than live on Earth (" + format_number(kMaxSampleSize) +
           "): no survey or study can have that many";
}

// Counts: shape, whole numbers, something to score, and a possible total.
std::string counts_problem(Metric m, const Reading& r) {
    const CountsForm form = metric_info(m).form;
    size_t want = form == CountsForm::Nps3 ? 3 : form == CountsForm::Csat5 ? 5 : form == CountsForm::SuccessOfN ? 2 : 0;
    if (form == CountsForm::Csat5 && r.counts.size() == 7) want = 7;  // a 1-7 CSAT scale's answers
    if (want == 0 || r.counts.size() != want)
        return "has " + std::to_string(r.counts.size()) + " counts where its form takes " + std::to_string(want);
    double total = 0;
    for (double c : r.counts) {
        // Weighted readings' counts are weighted shares of the effective n (docs/journey-format.md).
        if (!(r.unweightedN ? std::isfinite(c) : whole(c)) || c < 0)
            return "has a count of " + format_number(c) + ", but a count is a whole number of people, 0 or more";
        total += c;
    }
    if (form == CountsForm::SuccessOfN) {
        if (r.counts[1] == 0 || r.counts[0] > r.counts[1])
            return "needs 0 < attempts and successes <= attempts (here " + format_number(r.counts[0]) + " of " + format_number(r.counts[1]) + ")";
        total = r.counts[1];
    }
    if (total == 0) return "has counts that are all 0: there is no answer to score";
    if (total > kMaxSampleSize)
        return "has counts adding up to " + format_number(total) + ", more people than live on Earth";
    return "";
}

void check_reading(Metric m, std::optional<Reading>& slot, const std::optional<double>& blockN, const Where& block,
                   Validation& out) {
    Reading& r = *slot;
    const MetricInfo& info = metric_info(m);
    const Where at{&block, info.key};
    auto key = [&] { return std::string("\"") + info.key + "\""; };
    if (!r.counts.empty()) {
        std::string why = counts_problem(m, r);
        if (!why.empty()) {
            out.add(Severity::Warning, at.text(), "the " + key() + " reading " + why + "; the reading is left out");
            slot.reset();
            return;
        }
    }
    if (!metric_in_range(m, r.value)) {
        out.add(Severity::Warning, at.text(),
                key() + " is " + format_number(r.value) + ", outside the range " + info.rangeWords +
                    "; the reading is left out (not clamped)");
        slot.reset();
        return;
    }
    if (r.sd && !(std::isfinite(*r.sd) && *r.sd >= 0)) {
        const char* sk = m == Metric::TimeOnTask ? "logSd" : "sd";
        out.add(Severity::Warning, at.text(sk),
                std::string("\"") + sk + "\" is " + format_number(*r.sd) + ", but a spread is 0 or more; the spread is left out");
        r.sd.reset();
    }
    // An n equal to the block's came from the block, which is reported once, there.
    const bool fromBlock = r.counts.empty() && blockN && r.n && *r.n == *blockN;
    if (r.n && !sample_ok(*r.n)) {
        if (!fromBlock)
            out.add(Severity::Warning, at.text("n"), "the sample size \"n\" " + sample_problem(*r.n) + "; it is left out");
        r.n.reset();
    }
}

void check_measurement(Journey& j, Touchpoint& tp, size_t set, const Where& touchpoint, Validation& out) {
    Measurement& m = tp.sets[set];
    // The first set's readings are the touchpoint's own members; another's are under "measurements".
    const Where sets{&touchpoint, "measurements"};
    const Where other = set < j.sets.size() ? Where{&sets, j.sets[set].id} : Where{&sets, {}, set, true};
    const Where& base = set > 0 ? other : touchpoint;
    const Where ux{&base, "ux"}, cx{&base, "cx"};
    if (m.emotion && !(std::isfinite(*m.emotion) && *m.emotion >= -2 && *m.emotion <= 2)) {
        out.add(Severity::Warning, base.text("emotion"),
                "\"emotion\" is " + format_number(*m.emotion) + ", outside the range from -2 to +2; it is left out");
        m.emotion.reset();
    }
    if (m.timeTarget && !(std::isfinite(*m.timeTarget) && *m.timeTarget > 0)) {
        out.add(Severity::Warning, ux.text("timeTarget"),
                "\"timeTarget\" is " + format_number(*m.timeTarget) + ", but a target is a number of seconds above 0; it is left out");
        m.timeTarget.reset();
    }
    std::optional<double> badUxN, badCxN;  // remembered so readings that inherited them lose them too
    if (m.uxN && !sample_ok(*m.uxN)) {
        out.add(Severity::Warning, ux.text("n"), "the UX sample size \"n\" " + sample_problem(*m.uxN) + "; it is left out");
        badUxN = m.uxN;
        m.uxN.reset();
    }
    if (m.cxN && !sample_ok(*m.cxN)) {
        out.add(Severity::Warning, cx.text("n"), "the CX sample size \"n\" " + sample_problem(*m.cxN) + "; it is left out");
        badCxN = m.cxN;
        m.cxN.reset();
    }
    const bool offline = tp.channel >= 0 && tp.channel < (int)j.channels.size() && !j.channels[tp.channel].digital;
    std::string dropped;
    for (int i = 0; i < kMetricCount; i++) {
        if (!m.metrics[i]) continue;
        const Metric metric = (Metric)i;
        const bool isUx = is_ux_metric(metric);
        if (offline && isUx) {
            dropped += (dropped.empty() ? "" : ", ") + std::string(metric_key(metric));
            m.metrics[i].reset();
            continue;
        }
        const std::optional<double>& blockN = isUx ? (m.uxN ? m.uxN : badUxN) : (m.cxN ? m.cxN : badCxN);
        check_reading(metric, m.metrics[i], blockN, isUx ? ux : cx, out);
    }
    if (!dropped.empty()) {
        m.uxN.reset();
        m.timeTarget.reset();
        out.add(Severity::Warning, ux.text(),
                "channel " + quote_for_message(j.channels[tp.channel].id) +
                    " is offline (\"digital\": false), so UX metrics do not apply there: " + dropped +
                    " left out of the map and of every score");
    }
}

// Everything about one touchpoint except its id (the callers check ids their own way).
void check_touchpoint_body(Journey& j, size_t index, Validation& out) {
    Touchpoint& tp = j.touchpoints[index];
    const Where at{&kTouchpoints, {}, index, true};
    check_name(tp.name, at, [&] { return "the touchpoint " + quote_for_message(tp.id); }, "its id is shown instead", true, out);
    if (!tp.url.empty() && !link_scheme_allowed(tp.url)) {
        out.add(Severity::Warning, at.text("url"),
                "the link " + quote_for_message(tp.url) +
                    " is not a web or mail address (only http:, https: and mailto: links are opened); it is left out");
        tp.url.clear();
    }
    if (tp.volume && !(std::isfinite(*tp.volume) && *tp.volume >= 0)) {
        out.add(Severity::Warning, at.text("volume"),
                "\"volume\" is " + format_number(*tp.volume) + ", but it is a number of customers, 0 or more; it is left out");
        tp.volume.reset();
    }
    if (tp.stage < -1 || tp.stage >= (int)j.stages.size()) {
        out.add(Severity::Warning, at.text("stage"),
                "the touchpoint's stage does not exist; it is shown in the Unassigned column");
        tp.stage = -1;
    }
    if (tp.channel < -1 || tp.channel >= (int)j.channels.size()) {
        out.add(Severity::Warning, at.text("channel"),
                "the touchpoint's channel does not exist; it is shown in the Unassigned lane");
        tp.channel = -1;
    }
    // Analysis reads one measurement per set.
    if (tp.sets.size() != j.sets.size()) tp.sets.resize(j.sets.size());
    for (size_t s = 0; s < tp.sets.size(); s++) check_measurement(j, tp, s, at, out);
}

std::string free_touchpoint_id(const Journey& j, const std::string& base, size_t self) {
    for (int k = 2;; k++) {
        std::string id = base + "-" + std::to_string(k);
        bool taken = false;
        for (size_t i = 0; i < j.touchpoints.size() && !taken; i++) taken = i != self && j.touchpoints[i].id == id;
        if (!taken) return id;
    }
}

}  // namespace

std::string reading_counts_problem(Metric m, const Reading& r) { return counts_problem(m, r); }

bool remove_direction_overrides(std::string& s) {
    // Printable ASCII holds no control, embedding, override or isolate character: most names.
    if (std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) return false;
    // Which isolates are closed within the name: an open one with a later PDI is balanced.
    std::vector<size_t> opens;  // byte offsets of isolate openers not yet closed
    std::vector<char> keepAt(s.size(), 1);
    bool changed = false;
    for (size_t i = 0; i < s.size();) {
        size_t len = 1;
        unsigned cp = decode(s, i, &len);
        if (is_control(cp) || is_embedding_or_override(cp)) {
            keepAt[i] = 0;
            changed = true;
        } else if (is_isolate_open(cp)) {
            opens.push_back(i);
        } else if (cp == kPdi) {
            if (opens.empty()) keepAt[i] = 0, changed = true;
            else opens.pop_back();
        }
        i += len;
    }
    for (size_t o : opens) keepAt[o] = 0, changed = true;
    if (!changed) return false;
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t len = 1;
        decode(s, i, &len);
        if (keepAt[i]) out.append(s, i, len);
        i += len;
    }
    s = std::move(out);
    return true;
}

bool renders_as_nothing(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        size_t len = 1;
        if (!is_blank(decode(s, i, &len))) return false;
        i += len;
    }
    return true;
}


bool link_scheme_allowed(std::string_view url) {
    size_t colon = url.find(':');
    if (colon == std::string_view::npos) return false;  // relative: means nothing outside the file
    std::string scheme;
    for (size_t i = 0; i < colon; i++) scheme += (char)(url[i] >= 'A' && url[i] <= 'Z' ? url[i] - 'A' + 'a' : url[i]);
    for (const char* allowed : kAllowedLinkSchemes)
        if (scheme == allowed) return true;
    return false;
}

const std::string& shown_name(const Stage& s) { return s.name.empty() ? s.id : s.name; }
const std::string& shown_name(const Channel& c) { return c.name.empty() ? c.id : c.name; }
const std::string& shown_name(const Touchpoint& t) { return t.name.empty() ? t.id : t.name; }

void validate_journey_parts(Journey& j, Validation& out) {
    if (remove_direction_overrides(j.title))
        out.add(Severity::Warning, "/title",
                "the title contained text-direction overrides or control characters; they were removed so it "
                "displays as " + quote_for_message(j.title));
    if (!j.title.empty() && renders_as_nothing(j.title)) {
        j.title.clear();
        out.add(Severity::Warning, "/title",
                "the title is only spaces or invisible characters; it is shown as \"Untitled journey\"");
    } else if (j.title.empty()) {
        out.add(Severity::Warning, "/title", "the journey has no \"title\"; it is shown as \"Untitled journey\"");
    }
    if (j.persona && remove_direction_overrides(j.persona->name))
        out.add(Severity::Warning, "/persona/name",
                "the persona's name contained text-direction overrides or control characters; they were removed so "
                "it displays as " + quote_for_message(j.persona->name));
    check_id_list(j.stages, "stages", "stage", true, out);
    check_id_list(j.channels, "channels", "channel", true, out);
    if (j.sets.empty()) j.sets.push_back({"current", "Current", "", {}});
    check_id_list(j.sets, "sets", "set", true, out);

    Scoring& sc = j.scoring;
    if (!(std::isfinite(sc.threshold) && sc.threshold >= 0 && sc.threshold <= 100)) {
        out.add(Severity::Warning, "/scoring/threshold",
                "\"threshold\" is " + format_number(sc.threshold) + ", outside the range from 0 to 100; the default 60 is used");
        sc.threshold = 60;
    }
    for (int i = 0; i < kMetricCount; i++)
        if (!(std::isfinite(sc.weights[i]) && sc.weights[i] >= 0)) {
            out.add(Severity::Warning, std::string("/scoring/weights/") + metric_key((Metric)i),
                    "the weight of \"" + std::string(metric_key((Metric)i)) + "\" is " + format_number(sc.weights[i]) +
                        ", but a weight is 0 or more; the weight stays 1");
            sc.weights[i] = 1;
        }
    if (!(std::isfinite(sc.minUxN) && sc.minUxN >= 0)) {
        out.add(Severity::Warning, "/scoring/minSample/ux", "\"ux\" is " + format_number(sc.minUxN) + ", but a minimum sample is 0 or more; the default 5 is used");
        sc.minUxN = 5;
    }
    if (!(std::isfinite(sc.minCxN) && sc.minCxN >= 0)) {
        out.add(Severity::Warning, "/scoring/minSample/cx", "\"cx\" is " + format_number(sc.minCxN) + ", but a minimum sample is 0 or more; the default 30 is used");
        sc.minCxN = 30;
    }

    if (j.touchpoints.empty())
        out.add(Severity::Warning, j.stages.empty() ? "" : "/touchpoints",
                j.stages.empty() ? "nothing to show: the journey has no stages and no touchpoints"
                                 : "nothing to show: the journey has no touchpoints (the cards of the map)");
    else if (j.stages.empty())
        out.add(Severity::Warning, "/stages",
                "the journey has no stages (the columns of the map): every touchpoint is shown in the Unassigned column");
}

void validate_touchpoint(Journey& j, size_t index, Validation& out) {
    if (index >= j.touchpoints.size()) return;
    Touchpoint& tp = j.touchpoints[index];
    const Where at{&kTouchpoints, {}, index, true};
    if (tp.id.empty()) {
        tp.id = free_touchpoint_id(j, "tp", index);
        out.add(Severity::Warning, at.text(), "the touchpoint has no \"id\"; it is given the id " + quote_for_message(tp.id));
    } else {
        for (size_t i = 0; i < j.touchpoints.size(); i++)
            if (i != index && j.touchpoints[i].id == tp.id) {
                std::string given = tp.id;
                tp.id = free_touchpoint_id(j, given, index);
                out.add(Severity::Warning, at.text("id"),
                        "touchpoint id " + quote_for_message(given) + " is used twice; this one is renamed " + quote_for_message(tp.id));
                break;
            }
    }
    check_touchpoint_body(j, index, out);
}

void validate_journey(Journey& j, Validation& out) {
    validate_journey_parts(j, out);
    // Ids: one pass with a set, the first of a repeated id keeps it.
    std::unordered_set<std::string> ids;
    ids.reserve(j.touchpoints.size());
    for (const Touchpoint& tp : j.touchpoints) ids.insert(tp.id);
    std::unordered_set<std::string> seen;
    seen.reserve(j.touchpoints.size());
    for (size_t i = 0; i < j.touchpoints.size(); i++) {
        Touchpoint& tp = j.touchpoints[i];
        if (tp.id.empty() || seen.count(tp.id)) {
            const Where at{&kTouchpoints, {}, i, true};
            std::string base = tp.id.empty() ? "tp-" + std::to_string(i + 1) : tp.id;
            std::string id = base;
            for (int k = 2; id.empty() || ids.count(id); k++) id = base + "-" + std::to_string(k);
            if (tp.id.empty()) {
                out.add(Severity::Warning, at.text(), "the touchpoint has no \"id\"; it is given the id " + quote_for_message(id));
            } else {
                out.add(Severity::Warning, at.text("id"),
                        "touchpoint id " + quote_for_message(tp.id) + " is used twice; this one is renamed " + quote_for_message(id));
            }
            tp.id = id;
            ids.insert(id);
        }
        seen.insert(tp.id);
        check_touchpoint_body(j, i, out);
    }
}

}  // namespace uxcx
