// edit.cpp: applying edits (edit.h) with their inverse, the checks that keep a journey valid, and
// the builders, labels and merge keys the UI and the history use.
#include "core/edit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_set>

#include "core/load_text.h"
#include "core/metric_table.h"
#include "core/validate.h"

namespace uxcx {

namespace {

// ---- checks ------------------------------------------------------------------------------------
// The same rules the loader applies to a file (docs/journey-format.md), phrased for a person
// editing: an edit the loader would correct or drop is refused, so what a save writes loads back
// equal.

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string num(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.15g", v);
    return b;
}

// Text for display: valid UTF-8, no invisible control or text-direction characters.
std::string check_name(const char* what, const std::string& s) {
    if (first_invalid_utf8(s) != std::string::npos) return std::string(what) + " is not valid UTF-8 text";
    std::string clean = s;
    if (remove_direction_overrides(clean))
        return std::string(what) + " contains invisible control or text-direction characters; remove them";
    return "";
}

std::string check_text(const char* what, const std::string& s) {
    if (first_invalid_utf8(s) != std::string::npos) return std::string(what) + " is not valid UTF-8 text";
    return "";
}

std::string check_id(const char* what, const std::string& id) {
    if (id.empty()) return std::string(what) + " needs an id";
    return check_name(what, id);
}

// Metrics whose object form carries "sd" and "n" ({mean, sd, n}, {geomean, logSd, n}).
bool has_object_form(Metric m) {
    return m == Metric::Sus || m == Metric::Seq || m == Metric::UmuxLite || m == Metric::Ces || m == Metric::TimeOnTask;
}

std::string check_number(const std::string& what, std::optional<double> v, double lo, double hi, bool loOpen,
                         const char* words) {
    if (!v) return "";
    if (!std::isfinite(*v) || *v < lo || *v > hi || (loOpen && *v == lo))
        return what + " is " + num(*v) + ", outside the range " + words;
    return "";
}

// The value the loader computes from answer counts (the same expressions, so equal bit for bit).
double value_from_counts(Metric m, const std::vector<double>& c) {
    if (m == Metric::TaskSuccess) return c[0] / c[1];
    if (m == Metric::Nps) return 100.0 * (c[0] - c[2]) / (c[0] + c[1] + c[2]);
    double total = 0;
    for (double v : c) total += v;
    const size_t k = c.size();  // top-2-box: 4-5 of 1-5, 6-7 of 1-7 (as load.cpp computes it)
    return 100.0 * (c[k - 2] + c[k - 1]) / total;
}
double n_from_counts(Metric m, const std::vector<double>& c) {
    if (m == Metric::TaskSuccess) return c[1];
    double total = 0;
    for (double v : c) total += v;
    return total;
}

std::string check_scoring(const Scoring& s) {
    for (int k = 0; k < kMetricCount; k++) {
        std::string e = check_number(std::string("the weight of ") + metric_label((Metric)k), s.weights[k], 0, 1e6,
                                     false, "of 0 or more");
        if (!e.empty()) return e;
    }
    std::string e = check_number("the threshold", s.threshold, 0, 100, false, "from 0 to 100");
    if (e.empty()) e = check_number("the minimum UX sample", s.minUxN, 0, 1e12, false, "of 0 or more");
    if (e.empty()) e = check_number("the minimum CX sample", s.minCxN, 0, 1e12, false, "of 0 or more");
    return e;
}

const char* display(const std::string& name, const std::string& id) { return name.empty() ? id.c_str() : name.c_str(); }

}  // namespace

std::string check_reading(const Journey& j, Metric m, const Reading& r, const Measurement& owner) {
    const std::string what = metric_label(m);
    const std::optional<double>& blockN = is_ux_metric(m) ? owner.uxN : owner.cxN;
    if (r.unweightedN && !(std::isfinite(*r.unweightedN) && *r.unweightedN > 0 && *r.unweightedN <= kMaxSampleSize))
        return what + ": the number of respondents behind the weights is " + num(*r.unweightedN) + "; it is above 0";
    if (!r.counts.empty()) {
        // The validator's rules (validate.h), so an edit accepts exactly what a load keeps: a CSAT
        // takes 5 answers or 7 (a 1-7 scale), weighted counts may be fractional.
        const std::string why = reading_counts_problem(m, r);
        if (!why.empty()) return "the " + what + " reading " + why;
        if (r.sd) return what + " from counts has no standard deviation";
        if (r.value != value_from_counts(m, r.counts) || r.n != n_from_counts(m, r.counts))
            return what + ": the value and n must be the ones the counts give";
        return "";
    }
    // A weighted reading saves its respondents beside its own n: only forms with an object carry it.
    if (r.unweightedN && !(has_object_form(m) && r.n))
        return what + ": a weighted reading needs answer counts or its own n";
    const MetricInfo& info = metric_info(m);
    std::string e = check_number(what, r.value, info.lo, info.hi, info.loOpen, info.rangeWords);
    if (!e.empty()) return e;
    if (r.sd && !has_object_form(m)) return what + " has no standard deviation (only means and time on task do)";
    e = check_number(what + ": the standard deviation", r.sd, 0, INFINITY, false, "of 0 or more");
    if (e.empty()) e = check_number(what + ": n", r.n, 0, kMaxSampleSize, true, "above 0, at most the people on Earth");
    if (!e.empty()) return e;
    // What a save writes for this form must load back as this reading: a plain number takes the
    // block's n, so its n is the block's.
    if (has_object_form(m) ? (!r.n && blockN) : r.n != blockN)
        return what + ": n must be the " + (is_ux_metric(m) ? "ux" : "cx") + " block's n unless given with the reading";
    (void)j;
    return "";
}

std::string check_touchpoint(const Journey& j, const Touchpoint& t, int index) {
    std::string e = check_id("the touchpoint", t.id);
    if (e.empty()) e = check_name("the name", t.name);
    if (e.empty()) e = check_text("the description", t.description);
    if (e.empty()) e = check_text("the owner", t.owner);
    if (!e.empty()) return e;
    for (size_t i = 0; i < j.touchpoints.size(); i++)
        if ((int)i != index && j.touchpoints[i].id == t.id)
            return "another touchpoint (" + quoted(display(j.touchpoints[i].name, t.id)) + ") has the id " + quoted(t.id);
    if (!t.url.empty() && !link_scheme_allowed(t.url))
        return "the link " + quoted(t.url) + " is not a web or mail address (http:, https: or mailto:)";
    for (const auto* list : {&t.painPoints, &t.opportunities, &t.quotes})
        for (const std::string& s : *list)
            if (!(e = check_text("an entry", s)).empty()) return e;
    if (t.stage < -1 || t.stage >= (int)j.stages.size()) return "there is no stage " + std::to_string(t.stage);
    if (t.channel < -1 || t.channel >= (int)j.channels.size()) return "there is no channel " + std::to_string(t.channel);
    // An unknown reference is kept only for a card in Unassigned, and only while no stage has it.
    if (!t.unknownStage.empty()) {
        if (t.stage >= 0) return "a touchpoint in a stage has no unknown stage reference";
        for (const Stage& s : j.stages)
            if (s.id == t.unknownStage) return "stage " + quoted(s.id) + " exists; the touchpoint belongs in it";
    }
    if (!t.unknownChannel.empty()) {
        if (t.channel >= 0) return "a touchpoint in a channel has no unknown channel reference";
        for (const Channel& c : j.channels)
            if (c.id == t.unknownChannel) return "channel " + quoted(c.id) + " exists; the touchpoint belongs in it";
    }
    e = check_number("the volume", t.volume, 0, INFINITY, false, "of 0 or more (customers passing)");
    if (!e.empty()) return e;
    if (t.sets.size() != j.sets.size()) return "the touchpoint needs readings for each of the journey's sets";
    const bool offline = t.channel >= 0 && !j.channels[t.channel].digital;
    for (size_t s = 0; s < t.sets.size(); s++) {
        const Measurement& m = t.sets[s];
        if (!(e = check_number("the emotion", m.emotion, -2, 2, false, "from -2 to +2")).empty()) return e;
        if (!(e = check_number("the UX n", m.uxN, 0, kMaxSampleSize, true, "above 0, at most the people on Earth")).empty()) return e;
        if (!(e = check_number("the CX n", m.cxN, 0, kMaxSampleSize, true, "above 0, at most the people on Earth")).empty()) return e;
        if (!(e = check_number("the time target", m.timeTarget, 0, INFINITY, true, "of seconds, above 0")).empty())
            return e;
        for (int k = 0; k < kMetricCount; k++) {
            if (!m.metrics[k]) continue;
            if (offline && is_ux_metric((Metric)k))
                return "channel " + quoted(j.channels[t.channel].name) + " is offline: a touchpoint there has no UX reading (" +
                       metric_label((Metric)k) + " in " + quoted(j.sets[s].name) + "); clear it first";
            if (!(e = check_reading(j, (Metric)k, *m.metrics[k], m)).empty()) return e;
        }
    }
    return "";
}

namespace {

std::string check_stage(const Journey& j, const Stage& s, int index) {
    std::string e = check_id("the stage", s.id);
    if (e.empty()) e = check_name("the stage name", s.name);
    if (e.empty()) e = check_text("the stage description", s.description);
    if (!e.empty()) return e;
    for (size_t i = 0; i < j.stages.size(); i++)
        if ((int)i != index && j.stages[i].id == s.id) return "a stage with the id " + quoted(s.id) + " already exists";
    // A card whose file named this id sits in Unassigned; a stage with the id would pull it in on
    // the next load, so the map would change by saving it.
    for (const Touchpoint& t : j.touchpoints)
        if (t.unknownStage == s.id)
            return "touchpoint " + quoted(display(t.name, t.id)) + " refers to a stage " + quoted(s.id) +
                   " that does not exist; move it to a stage first, or choose another id";
    return "";
}

std::string check_channel(const Journey& j, const Channel& c, int index) {
    std::string e = check_id("the channel", c.id);
    if (e.empty()) e = check_name("the channel name", c.name);
    if (!e.empty()) return e;
    for (size_t i = 0; i < j.channels.size(); i++)
        if ((int)i != index && j.channels[i].id == c.id) return "a channel with the id " + quoted(c.id) + " already exists";
    for (const Touchpoint& t : j.touchpoints) {
        if (t.unknownChannel == c.id)
            return "touchpoint " + quoted(display(t.name, t.id)) + " refers to a channel " + quoted(c.id) +
                   " that does not exist; move it to a channel first, or choose another id";
        if (!c.digital && index >= 0 && t.channel == index)
            for (const Measurement& m : t.sets)
                for (int k = 0; k < kMetricCount; k++)
                    if (m.metrics[k] && is_ux_metric((Metric)k))
                        return "touchpoint " + quoted(display(t.name, t.id)) + " has UX readings (" +
                               metric_label((Metric)k) + "); an offline channel has none, so clear them first";
    }
    return "";
}

std::string check_set(const Journey& j, const MeasurementSet& s, int index) {
    std::string e = check_id("the measurement set", s.id);
    if (e.empty()) e = check_name("the set name", s.name);
    if (e.empty()) e = check_text("the set date", s.date);
    if (!e.empty()) return e;
    for (size_t i = 0; i < j.sets.size(); i++)
        if ((int)i != index && j.sets[i].id == s.id) return "a measurement set with the id " + quoted(s.id) + " already exists";
    return "";
}

bool same_reading(const std::optional<Reading>& a, const std::optional<Reading>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || (a->value == b->value && a->sd == b->sd && a->n == b->n && a->counts == b->counts);
}

// Whether two versions of a touchpoint score, weigh and sit alike: if so, an edit between them
// (a name, a quote) leaves the analysis as it is.
bool same_for_analysis(const Touchpoint& a, const Touchpoint& b) {
    if (a.stage != b.stage || a.channel != b.channel || a.volume != b.volume || a.sets.size() != b.sets.size())
        return false;
    for (size_t s = 0; s < a.sets.size(); s++) {
        const Measurement &x = a.sets[s], &y = b.sets[s];
        if (x.emotion != y.emotion || x.uxN != y.uxN || x.cxN != y.cxN || x.timeTarget != y.timeTarget) return false;
        for (int k = 0; k < kMetricCount; k++)
            if (!same_reading(x.metrics[k], y.metrics[k])) return false;
    }
    return true;
}

// The shared model validator (core/validate.h) on the touchpoint at `index` as the edit would
// leave it: it repairs what it finds (drops a reading, strips a name), so a repair means the edit
// would not survive a save and load: it is refused with the validator's own words. Returns "".
std::string validator_refuses(Journey& j, size_t index) {
    const Touchpoint before = j.touchpoints[index];
    Validation v;
    validate_touchpoint(j, index, v);
    Touchpoint& after = j.touchpoints[index];
    const bool repaired = after.id != before.id || after.name != before.name || after.url != before.url ||
                          after.unknownStage != before.unknownStage || after.unknownChannel != before.unknownChannel ||
                          !same_for_analysis(after, before);
    if (!repaired) return "";
    std::string why = "not valid";
    for (const Diagnostic& d : v.diagnostics) {
        why = d.message;
        if (d.severity == Severity::Error) break;
    }
    after = before;
    return why;
}

EditResult refuse(std::string message) {
    EditResult r;
    r.message = std::move(message);
    return r;
}

// Index remaps of a removal, insertion and move: what every later index does.
int after_insert(int i, int at) { return i >= at ? i + 1 : i; }
int after_erase(int i, int at) { return i == at ? -1 : i > at ? i - 1 : i; }
int after_move(int i, int from, int to) {
    if (i == from) return to;
    if (from < to && i > from && i <= to) return i - 1;
    if (to < from && i >= to && i < from) return i + 1;
    return i;
}

template <class T>
void move_item(std::vector<T>& v, int from, int to) {
    if (from < to) std::rotate(v.begin() + from, v.begin() + from + 1, v.begin() + to + 1);
    else if (to < from) std::rotate(v.begin() + to, v.begin() + from, v.begin() + from + 1);
}

}  // namespace

EditResult apply_edit(Journey& j, const Edit& e, bool check) {
    const int S = (int)j.stages.size(), C = (int)j.channels.size(), N = (int)j.touchpoints.size();
    const int nSets = (int)j.sets.size();
    EditResult r;
    Edit& inv = r.inverse;
    AnalysisDelta& d = r.delta;
    std::string problem;
    switch (e.kind) {
    case EditKind::SetInfo: {
        if (!(problem = check ? check_name("the title", e.info.title) : std::string()).empty()) return refuse(problem);
        if (!(problem = check ? check_text("the description", e.info.description) : std::string()).empty()) return refuse(problem);
        if (e.info.persona) {
            if (!(problem = check ? check_name("the persona's name", e.info.persona->name) : std::string()).empty()) return refuse(problem);
            if (!(problem = check ? check_text("the persona's description", e.info.persona->description) : std::string()).empty())
                return refuse(problem);
        }
        inv = edit_info(journey_info(j));
        j.title = e.info.title;
        j.description = e.info.description;
        j.persona = e.info.persona;
        break;
    }
    case EditKind::SetScoring:
        if (!(problem = check ? check_scoring(e.scoring) : std::string()).empty()) return refuse(problem);
        inv = edit_scoring(j.scoring);
        j.scoring = e.scoring;
        d.full = true;
        break;

    case EditKind::AddStage: {
        if (e.index < 0 || e.index > S) return refuse("there is no place " + std::to_string(e.index) + " for a stage");
        if (!(problem = check ? check_stage(j, e.stage, -1) : std::string()).empty()) return refuse(problem);
        for (int m : e.members)
            if (m < 0 || m >= N || j.touchpoints[m].stage != -1 || !j.touchpoints[m].unknownStage.empty())
                return refuse("only unassigned touchpoints can go into a new stage");
        j.stages.insert(j.stages.begin() + e.index, e.stage);
        for (Touchpoint& t : j.touchpoints)
            if (t.stage >= e.index) t.stage++;
        for (int m : e.members) j.touchpoints[m].stage = e.index;
        inv = edit_remove_stage(e.index);
        d.groups = true;
        break;
    }
    case EditKind::RemoveStage: {
        if (e.index < 0 || e.index >= S) return refuse("there is no stage " + std::to_string(e.index));
        inv = edit_add_stage(e.index, j.stages[e.index]);
        for (int i = 0; i < N; i++) {
            Touchpoint& t = j.touchpoints[i];
            if (t.stage == e.index) {
                inv.members.push_back(i);
                t.stage = -1;  // its cards wait in Unassigned: nothing a person wrote is lost
            } else if (t.stage > e.index) {
                t.stage--;
            }
        }
        j.stages.erase(j.stages.begin() + e.index);
        d.groups = true;
        break;
    }
    case EditKind::MoveStage: {
        if (e.index < 0 || e.index >= S || e.to < 0 || e.to >= S) return refuse("there is no such stage");
        move_item(j.stages, e.index, e.to);
        for (Touchpoint& t : j.touchpoints)
            if (t.stage >= 0) t.stage = after_move(t.stage, e.index, e.to);
        inv = edit_move_stage(e.to, e.index);
        d.groups = true;
        break;
    }
    case EditKind::SetStage: {
        if (e.index < 0 || e.index >= S) return refuse("there is no stage " + std::to_string(e.index));
        if (!(problem = check ? check_stage(j, e.stage, e.index) : std::string()).empty()) return refuse(problem);
        inv = edit_set_stage(e.index, j.stages[e.index]);
        j.stages[e.index] = e.stage;
        break;
    }

    case EditKind::AddChannel: {
        if (e.index < 0 || e.index > C) return refuse("there is no place " + std::to_string(e.index) + " for a channel");
        if (!(problem = check ? check_channel(j, e.channel, -1) : std::string()).empty()) return refuse(problem);
        for (int m : e.members) {
            if (m < 0 || m >= N || j.touchpoints[m].channel != -1 || !j.touchpoints[m].unknownChannel.empty())
                return refuse("only unassigned touchpoints can go into a new channel");
            if (!e.channel.digital)
                for (const Measurement& ms : j.touchpoints[m].sets)
                    for (int k = 0; k < kMetricCount; k++)
                        if (ms.metrics[k] && is_ux_metric((Metric)k))
                            return refuse("an offline channel cannot take touchpoints with UX readings");
        }
        j.channels.insert(j.channels.begin() + e.index, e.channel);
        for (Touchpoint& t : j.touchpoints)
            if (t.channel >= e.index) t.channel++;
        for (int m : e.members) j.touchpoints[m].channel = e.index;
        inv = edit_remove_channel(e.index);
        d.full = !e.channel.digital && !e.members.empty();  // offline: its members' UX no longer counts
        d.groups = true;
        break;
    }
    case EditKind::RemoveChannel: {
        if (e.index < 0 || e.index >= C) return refuse("there is no channel " + std::to_string(e.index));
        inv = edit_add_channel(e.index, j.channels[e.index]);
        for (int i = 0; i < N; i++) {
            Touchpoint& t = j.touchpoints[i];
            if (t.channel == e.index) {
                inv.members.push_back(i);
                t.channel = -1;
            } else if (t.channel > e.index) {
                t.channel--;
            }
        }
        j.channels.erase(j.channels.begin() + e.index);
        d.groups = true;
        d.full = !inv.channel.digital && !inv.members.empty();
        break;
    }
    case EditKind::MoveChannel: {
        if (e.index < 0 || e.index >= C || e.to < 0 || e.to >= C) return refuse("there is no such channel");
        move_item(j.channels, e.index, e.to);
        for (Touchpoint& t : j.touchpoints)
            if (t.channel >= 0) t.channel = after_move(t.channel, e.index, e.to);
        inv = edit_move_channel(e.to, e.index);
        d.groups = true;
        break;
    }
    case EditKind::SetChannel: {
        if (e.index < 0 || e.index >= C) return refuse("there is no channel " + std::to_string(e.index));
        if (!(problem = check ? check_channel(j, e.channel, e.index) : std::string()).empty()) return refuse(problem);
        inv = edit_set_channel(e.index, j.channels[e.index]);
        d.full = j.channels[e.index].digital != e.channel.digital;
        j.channels[e.index] = e.channel;
        break;
    }

    case EditKind::AddSet: {
        if (e.index < 0 || e.index > nSets) return refuse("there is no place " + std::to_string(e.index) + " for a set");
        if (!(problem = check ? check_set(j, e.set, -1) : std::string()).empty()) return refuse(problem);
        if (!e.readings.empty() && (int)e.readings.size() != N) return refuse("the readings do not match the touchpoints");
        j.sets.insert(j.sets.begin() + e.index, e.set);
        for (int i = 0; i < N; i++) {
            auto& sets = j.touchpoints[i].sets;
            sets.insert(sets.begin() + e.index, e.readings.empty() ? Measurement{} : e.readings[i]);
        }
        inv = edit_remove_set(e.index);
        d.full = true;
        break;
    }
    case EditKind::RemoveSet: {
        if (e.index < 0 || e.index >= nSets) return refuse("there is no measurement set " + std::to_string(e.index));
        if (nSets == 1) return refuse("a journey keeps at least one measurement set");
        inv = edit_add_set(e.index, j.sets[e.index]);
        inv.readings.reserve(N);
        bool any = false;
        for (Touchpoint& t : j.touchpoints) {
            inv.readings.push_back(std::move(t.sets[e.index]));
            t.sets.erase(t.sets.begin() + e.index);
            const Measurement& m = inv.readings.back();
            any = any || m.emotion || m.uxN || m.cxN || m.timeTarget || !m.uxExtras.empty() || !m.cxExtras.empty();
            for (int k = 0; k < kMetricCount && !any; k++) any = m.metrics[k].has_value();
        }
        if (!any) inv.readings.clear();  // an empty set costs nothing to keep in the history
        j.sets.erase(j.sets.begin() + e.index);
        d.full = true;
        break;
    }
    case EditKind::SetSet: {
        if (e.index < 0 || e.index >= nSets) return refuse("there is no measurement set " + std::to_string(e.index));
        if (!(problem = check ? check_set(j, e.set, e.index) : std::string()).empty()) return refuse(problem);
        inv = edit_set_set(e.index, j.sets[e.index]);
        j.sets[e.index] = e.set;
        break;
    }

    case EditKind::AddTouchpoint: {
        if (e.index < 0 || e.index > N) return refuse("there is no place " + std::to_string(e.index) + " for a touchpoint");
        if (!(problem = check ? check_touchpoint(j, e.touchpoint, -1) : std::string()).empty()) return refuse(problem);
        if (check) {  // checked at the end of the list, where trying it moves no other card
            j.touchpoints.push_back(e.touchpoint);
            problem = validator_refuses(j, j.touchpoints.size() - 1);
            j.touchpoints.pop_back();
            if (!problem.empty()) return refuse(problem);
        }
        j.touchpoints.insert(j.touchpoints.begin() + e.index, e.touchpoint);
        if (e.driver && j.drivers) {
            std::vector<TouchpointDriver>& list = j.drivers->touchpoints;
            list.insert(list.begin() + std::clamp(e.driver_at, 0, (int)list.size()), *e.driver);
            d.full = true;  // every touchpoint's driver index and the average share change
        }
        inv = edit_remove_touchpoint(e.index);
        d.inserted = e.index;
        d.volumes = e.touchpoint.volume.has_value();
        break;
    }
    case EditKind::RemoveTouchpoint: {
        if (e.index < 0 || e.index >= N) return refuse("there is no touchpoint " + std::to_string(e.index));
        inv.kind = EditKind::AddTouchpoint;
        inv.index = e.index;
        inv.touchpoint = std::move(j.touchpoints[e.index]);
        j.touchpoints.erase(j.touchpoints.begin() + e.index);
        if (j.drivers) {  // its key-driver entry goes with it, and comes back on undo
            std::vector<TouchpointDriver>& list = j.drivers->touchpoints;
            const auto it = std::find_if(list.begin(), list.end(),
                                         [&](const TouchpointDriver& dr) { return dr.touchpoint == inv.touchpoint.id; });
            if (it != list.end()) {
                inv.driver_at = (int)(it - list.begin());
                inv.driver = std::move(*it);
                list.erase(it);
                d.full = true;  // every touchpoint's driver index and the average share change
            }
        }
        d.erased = e.index;
        d.volumes = inv.touchpoint.volume.has_value();
        d.stages = {inv.touchpoint.stage};
        d.channels = {inv.touchpoint.channel};
        break;
    }
    case EditKind::MoveTouchpoint: {
        if (e.index < 0 || e.index >= N) return refuse("there is no touchpoint " + std::to_string(e.index));
        if (e.to < 0 || e.to >= N) return refuse("there is no place " + std::to_string(e.to) + " for the touchpoint");
        const Touchpoint& old = j.touchpoints[e.index];
        Touchpoint moved = old;  // checked as it would be, then only the place is written
        moved.stage = e.touchpoint.stage;
        moved.channel = e.touchpoint.channel;
        moved.unknownStage = e.touchpoint.unknownStage;
        moved.unknownChannel = e.touchpoint.unknownChannel;
        if (!(problem = check ? check_touchpoint(j, moved, e.index) : std::string()).empty()) return refuse(problem);
        if (check) {
            Touchpoint original = std::move(j.touchpoints[e.index]);
            j.touchpoints[e.index] = moved;
            problem = validator_refuses(j, (size_t)e.index);
            j.touchpoints[e.index] = std::move(original);
            if (!problem.empty()) return refuse(problem);
        }
        inv.kind = EditKind::MoveTouchpoint;
        inv.index = e.to;
        inv.to = e.index;
        inv.touchpoint.stage = old.stage;
        inv.touchpoint.channel = old.channel;
        inv.touchpoint.unknownStage = old.unknownStage;
        inv.touchpoint.unknownChannel = old.unknownChannel;
        d.stages = {old.stage, moved.stage};
        d.channels = {old.channel, moved.channel};
        const bool offlineChange = (old.channel >= 0 && !j.channels[old.channel].digital) !=
                                   (moved.channel >= 0 && !j.channels[moved.channel].digital);
        Touchpoint& t = j.touchpoints[e.index];
        t.stage = moved.stage;
        t.channel = moved.channel;
        t.unknownStage = std::move(moved.unknownStage);
        t.unknownChannel = std::move(moved.unknownChannel);
        move_item(j.touchpoints, e.index, e.to);
        if (e.index != e.to) d.moveFrom = e.index, d.moveTo = e.to;
        if (offlineChange || e.index == e.to) d.touchpoints = {e.to};
        break;
    }
    case EditKind::SetTouchpoint: {
        if (e.index < 0 || e.index >= N) return refuse("there is no touchpoint " + std::to_string(e.index));
        if (!(problem = check ? check_touchpoint(j, e.touchpoint, e.index) : std::string()).empty()) return refuse(problem);
        if (check) {
            Touchpoint original = std::move(j.touchpoints[e.index]);
            j.touchpoints[e.index] = e.touchpoint;
            problem = validator_refuses(j, (size_t)e.index);
            j.touchpoints[e.index] = std::move(original);
            if (!problem.empty()) return refuse(problem);
        }
        Touchpoint& t = j.touchpoints[e.index];
        // Key-driver results name touchpoints by id: they follow a renamed id (and back on undo).
        if (j.drivers && t.id != e.touchpoint.id) {
            for (const TouchpointDriver& dr : j.drivers->touchpoints)
                if (check && dr.touchpoint == e.touchpoint.id)
                    return refuse("the key-driver results name another touchpoint " + quoted(e.touchpoint.id) +
                                  "; choose another id");
            for (TouchpointDriver& dr : j.drivers->touchpoints)
                if (dr.touchpoint == t.id) dr.touchpoint = e.touchpoint.id;
        }
        if (!same_for_analysis(t, e.touchpoint)) {
            d.stages = {t.stage, e.touchpoint.stage};
            d.channels = {t.channel, e.touchpoint.channel};
            d.touchpoints = {e.index};
            d.volumes = t.volume != e.touchpoint.volume;
        }
        inv.kind = EditKind::SetTouchpoint;
        inv.index = e.index;
        inv.touchpoint = std::move(t);
        t = e.touchpoint;
        break;
    }
    }
    d.layout = d.groups || d.inserted >= 0 || d.erased >= 0 || d.moveFrom >= 0 ||
               (d.stages.size() == 2 && d.stages[0] != d.stages[1]) ||
               (d.channels.size() == 2 && d.channels[0] != d.channels[1]) ||
               (e.kind == EditKind::SetChannel && d.full);  // offline lanes sort after digital ones
    r.ok = true;
    return r;
}

int touchpoint_after(const Edit& e, int i) {
    if (i < 0) return i;
    switch (e.kind) {
    case EditKind::AddTouchpoint: return after_insert(i, e.index);
    case EditKind::RemoveTouchpoint: return after_erase(i, e.index);
    case EditKind::MoveTouchpoint: return after_move(i, e.index, e.to);
    default: return i;
    }
}

int set_after(const Edit& e, int set) {
    if (set < 0) return set;
    if (e.kind == EditKind::AddSet) return after_insert(set, e.index);
    if (e.kind == EditKind::RemoveSet) return after_erase(set, e.index);
    return set;
}

// ---- builders ------------------------------------------------------------------------------------

JourneyInfo journey_info(const Journey& j) { return JourneyInfo{j.title, j.description, j.persona}; }

Edit edit_info(const JourneyInfo& info) {
    Edit e;
    e.kind = EditKind::SetInfo;
    e.info = info;
    return e;
}
Edit edit_scoring(const Scoring& s) {
    Edit e;
    e.kind = EditKind::SetScoring;
    e.scoring = s;
    return e;
}

namespace {
Edit indexed(EditKind k, int index, int to = -1) {
    Edit e;
    e.kind = k;
    e.index = index;
    e.to = to;
    return e;
}
}  // namespace

Edit edit_add_stage(int index, Stage s) {
    Edit e = indexed(EditKind::AddStage, index);
    e.stage = std::move(s);
    return e;
}
Edit edit_remove_stage(int index) { return indexed(EditKind::RemoveStage, index); }
Edit edit_move_stage(int from, int to) { return indexed(EditKind::MoveStage, from, to); }
Edit edit_set_stage(int index, Stage s) {
    Edit e = indexed(EditKind::SetStage, index);
    e.stage = std::move(s);
    return e;
}
Edit edit_add_channel(int index, Channel c) {
    Edit e = indexed(EditKind::AddChannel, index);
    e.channel = std::move(c);
    return e;
}
Edit edit_remove_channel(int index) { return indexed(EditKind::RemoveChannel, index); }
Edit edit_move_channel(int from, int to) { return indexed(EditKind::MoveChannel, from, to); }
Edit edit_set_channel(int index, Channel c) {
    Edit e = indexed(EditKind::SetChannel, index);
    e.channel = std::move(c);
    return e;
}
Edit edit_add_set(int index, MeasurementSet s) {
    Edit e = indexed(EditKind::AddSet, index);
    e.set = std::move(s);
    return e;
}
Edit edit_remove_set(int index) { return indexed(EditKind::RemoveSet, index); }
Edit edit_set_set(int index, MeasurementSet s) {
    Edit e = indexed(EditKind::SetSet, index);
    e.set = std::move(s);
    return e;
}

std::string new_touchpoint_id(const Journey& j, const std::string& base) {
    // Only ids that begin with the stem can equal a candidate, so only those are collected: a set
    // of every id cost an add about 10 ms of allocation at 100,000 touchpoints.
    const std::string stem = base.empty() ? "tp" : base;
    std::unordered_set<std::string_view> taken;
    for (const Touchpoint& t : j.touchpoints)
        if (std::string_view(t.id).starts_with(stem)) taken.insert(t.id);
    if (!base.empty() && !taken.count(base)) return base;
    for (size_t k = 2;; k++) {
        std::string id = stem + "-" + std::to_string(k);
        if (!taken.count(id)) return id;
    }
}

Edit edit_add_touchpoint(const Journey& j, int index, int stage, int channel, std::string name) {
    Edit e = indexed(EditKind::AddTouchpoint, index);
    e.touchpoint.id = new_touchpoint_id(j, "tp-" + std::to_string(j.touchpoints.size() + 1));
    e.touchpoint.name = std::move(name);
    e.touchpoint.stage = stage;
    e.touchpoint.channel = channel;
    e.touchpoint.sets.resize(j.sets.size());
    return e;
}
Edit edit_remove_touchpoint(int index) { return indexed(EditKind::RemoveTouchpoint, index); }

Edit edit_duplicate_touchpoint(const Journey& j, int index) {
    Edit e = indexed(EditKind::AddTouchpoint, index + 1);
    if (index < 0 || index >= (int)j.touchpoints.size()) return e;  // apply_edit refuses it
    e.touchpoint = j.touchpoints[index];
    e.touchpoint.id = new_touchpoint_id(j, e.touchpoint.id + "-copy");
    if (!e.touchpoint.name.empty()) e.touchpoint.name += " (copy)";
    return e;
}

Edit edit_move_touchpoint(const Journey& j, int index, int stage, int channel, int position) {
    Edit e = indexed(EditKind::MoveTouchpoint, index, index);
    if (index < 0 || index >= (int)j.touchpoints.size()) return e;
    const Touchpoint& t = j.touchpoints[index];
    e.touchpoint.stage = stage;
    e.touchpoint.channel = channel;
    // A file's unknown reference stays while the card stays on that axis.
    if (stage == t.stage) e.touchpoint.unknownStage = t.unknownStage;
    if (channel == t.channel) e.touchpoint.unknownChannel = t.unknownChannel;
    // The target cell's other cards in list order; the card goes before the one at `position`.
    std::vector<int> cell;
    for (int i = 0; i < (int)j.touchpoints.size(); i++)
        if (i != index && j.touchpoints[i].stage == stage && j.touchpoints[i].channel == channel) cell.push_back(i);
    if (cell.empty()) return e;
    if (position < 0) position = 0;
    if (position < (int)cell.size()) {
        const int before = cell[position];
        e.to = before > index ? before - 1 : before;
    } else {
        const int last = cell.back();
        e.to = (last > index ? last - 1 : last) + 1;
    }
    return e;
}

Edit edit_set_touchpoint(int index, Touchpoint t) {
    Edit e = indexed(EditKind::SetTouchpoint, index);
    e.touchpoint = std::move(t);
    return e;
}

namespace {
Edit with_touchpoint(const Journey& j, int index, const auto& change) {
    Edit e = indexed(EditKind::SetTouchpoint, index);
    if (index < 0 || index >= (int)j.touchpoints.size()) return e;
    e.touchpoint = j.touchpoints[index];
    change(e.touchpoint);
    return e;
}
Measurement* measurement(Touchpoint& t, int set) {
    return set >= 0 && set < (int)t.sets.size() ? &t.sets[set] : nullptr;
}
}  // namespace

Edit edit_text(const Journey& j, int index, TextField f, std::string value) {
    return with_touchpoint(j, index, [&](Touchpoint& t) {
        switch (f) {
        case TextField::Id: t.id = std::move(value); break;
        case TextField::Name: t.name = std::move(value); break;
        case TextField::Description: t.description = std::move(value); break;
        case TextField::Owner: t.owner = std::move(value); break;
        case TextField::Url: t.url = std::move(value); break;
        }
    });
}

Edit edit_list(const Journey& j, int index, ListField f, std::vector<std::string> items) {
    return with_touchpoint(j, index, [&](Touchpoint& t) {
        (f == ListField::PainPoints ? t.painPoints : f == ListField::Opportunities ? t.opportunities : t.quotes) =
            std::move(items);
    });
}

Edit edit_volume(const Journey& j, int index, std::optional<double> volume) {
    return with_touchpoint(j, index, [&](Touchpoint& t) { t.volume = volume; });
}

Edit edit_emotion(const Journey& j, int index, int set, std::optional<double> emotion) {
    return with_touchpoint(j, index, [&](Touchpoint& t) {
        if (Measurement* m = measurement(t, set)) m->emotion = emotion;
    });
}

Edit edit_reading(const Journey& j, int index, int set, Metric metric, std::optional<Reading> r) {
    return with_touchpoint(j, index, [&](Touchpoint& t) {
        Measurement* m = measurement(t, set);
        if (!m || (int)metric < 0 || (int)metric >= kMetricCount) return;
        // A reading without its own n takes the block's, as the loader resolves it.
        if (r && r->counts.empty() && (!has_object_form(metric) || !r->n)) r->n = is_ux_metric(metric) ? m->uxN : m->cxN;
        m->get(metric) = std::move(r);
    });
}

Edit edit_block_n(const Journey& j, int index, int set, bool ux, std::optional<double> n) {
    return with_touchpoint(j, index, [&](Touchpoint& t) {
        Measurement* m = measurement(t, set);
        if (!m) return;
        std::optional<double>& block = ux ? m->uxN : m->cxN;
        // Readings that took the block's n follow it; counts and a reading's own n stay.
        for (int k = 0; k < kMetricCount; k++) {
            std::optional<Reading>& r = m->metrics[k];
            if (r && is_ux_metric((Metric)k) == ux && r->counts.empty() && r->n == block) r->n = n;
        }
        block = n;
    });
}

Edit edit_time_target(const Journey& j, int index, int set, std::optional<double> seconds) {
    return with_touchpoint(j, index, [&](Touchpoint& t) {
        if (Measurement* m = measurement(t, set)) m->timeTarget = seconds;
    });
}

Reading reading_number(double value) {
    Reading r;
    r.value = value;
    return r;
}
Reading reading_mean(double mean, std::optional<double> sd, std::optional<double> n) {
    Reading r;
    r.value = mean;
    r.sd = sd;
    r.n = n;
    return r;
}
namespace {
Reading from_counts(Metric m, std::vector<double> c) {
    Reading r;
    r.counts = std::move(c);
    if (n_from_counts(m, r.counts) > 0) {
        r.value = value_from_counts(m, r.counts);
        r.n = n_from_counts(m, r.counts);
    }
    return r;
}
}  // namespace
Reading reading_counts(Metric m, std::vector<double> counts) { return from_counts(m, std::move(counts)); }
Reading reading_nps_counts(double p, double pa, double d) { return from_counts(Metric::Nps, {p, pa, d}); }
Reading reading_csat_counts(double c1, double c2, double c3, double c4, double c5) {
    return from_counts(Metric::Csat, {c1, c2, c3, c4, c5});
}
Reading reading_task_counts(double s, double a) { return from_counts(Metric::TaskSuccess, {s, a}); }

// ---- labels and merge keys -----------------------------------------------------------------------

namespace {

// A name short enough for a menu item, cut at a character boundary.
std::string short_name(const std::string& name, const std::string& id) {
    std::string s = name.empty() ? id : name;
    constexpr size_t kMax = 40;
    if (s.size() <= kMax) return "'" + s + "'";
    size_t cut = kMax;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
    return "'" + s.substr(0, cut) + "...'";
}

// The one field that differs between two versions of a touchpoint ("name", "s0/csat", ...), "*"
// when several do.
std::string changed_field(const Touchpoint& a, const Touchpoint& b) {
    std::vector<std::string> f;
    if (a.id != b.id) f.push_back("id");
    if (a.name != b.name) f.push_back("name");
    if (a.description != b.description) f.push_back("description");
    if (a.owner != b.owner) f.push_back("owner");
    if (a.url != b.url) f.push_back("url");
    if (a.volume != b.volume) f.push_back("volume");
    if (a.painPoints != b.painPoints) f.push_back("painPoints");
    if (a.opportunities != b.opportunities) f.push_back("opportunities");
    if (a.quotes != b.quotes) f.push_back("quotes");
    if (a.stage != b.stage || a.channel != b.channel || a.unknownStage != b.unknownStage ||
        a.unknownChannel != b.unknownChannel)
        f.push_back("place");
    if (a.extras != b.extras) f.push_back("extras");
    for (size_t s = 0; s < a.sets.size() && s < b.sets.size(); s++) {
        const Measurement &x = a.sets[s], &y = b.sets[s];
        const std::string p = "s" + std::to_string(s) + "/";
        if (x.emotion != y.emotion) f.push_back(p + "emotion");
        if (x.uxN != y.uxN) f.push_back(p + "uxN");
        if (x.cxN != y.cxN) f.push_back(p + "cxN");
        if (x.timeTarget != y.timeTarget) f.push_back(p + "timeTarget");
        for (int k = 0; k < kMetricCount; k++)
            if (!same_reading(x.metrics[k], y.metrics[k])) f.push_back(p + metric_key((Metric)k));
    }
    if (a.sets.size() != b.sets.size()) f.push_back("sets");
    return f.size() == 1 ? f[0] : "*";
}

const char* const kFieldWords[][2] = {
    {"description", "the description"}, {"owner", "the owner"},   {"url", "the link"},
    {"volume", "the volume"},           {"painPoints", "the pain points"}, {"opportunities", "the opportunities"},
    {"quotes", "the quotes"},           {"place", "the place"},   {"extras", "the details"},
};

std::string stage_name(const Journey& j, int s) {
    return s >= 0 && s < (int)j.stages.size() ? short_name(j.stages[s].name, j.stages[s].id) : "Unassigned";
}
std::string channel_name(const Journey& j, int c) {
    return c >= 0 && c < (int)j.channels.size() ? short_name(j.channels[c].name, j.channels[c].id) : "Unassigned";
}

}  // namespace

std::string edit_label(const Journey& j, const Edit& e) {
    const int S = (int)j.stages.size(), C = (int)j.channels.size(), N = (int)j.touchpoints.size();
    auto tp = [&](int i) { return i >= 0 && i < N ? short_name(j.touchpoints[i].name, j.touchpoints[i].id) : std::string("a touchpoint"); };
    switch (e.kind) {
    case EditKind::SetInfo:
        if (e.info.title != j.title) return "edit the title";
        if (e.info.description != j.description) return "edit the description";
        return "edit the persona";
    case EditKind::SetScoring: return "change the scoring";
    case EditKind::AddStage: return "add stage " + short_name(e.stage.name, e.stage.id);
    case EditKind::RemoveStage: return "remove stage " + stage_name(j, e.index);
    case EditKind::MoveStage: return "move stage " + stage_name(j, e.index);
    case EditKind::SetStage:
        if (e.index >= 0 && e.index < S && (e.stage.name != j.stages[e.index].name || e.stage.id != j.stages[e.index].id))
            return "rename stage " + stage_name(j, e.index);
        return "edit stage " + stage_name(j, e.index);
    case EditKind::AddChannel: return "add channel " + short_name(e.channel.name, e.channel.id);
    case EditKind::RemoveChannel: return "remove channel " + channel_name(j, e.index);
    case EditKind::MoveChannel: return "move channel " + channel_name(j, e.index);
    case EditKind::SetChannel:
        if (e.index >= 0 && e.index < C && (e.channel.name != j.channels[e.index].name || e.channel.id != j.channels[e.index].id))
            return "rename channel " + channel_name(j, e.index);
        return "edit channel " + channel_name(j, e.index);
    case EditKind::AddSet: return "add set " + short_name(e.set.name, e.set.id);
    case EditKind::RemoveSet:
        return "remove set " + (e.index >= 0 && e.index < (int)j.sets.size() ? short_name(j.sets[e.index].name, j.sets[e.index].id) : "");
    case EditKind::SetSet:
        return "rename set " + (e.index >= 0 && e.index < (int)j.sets.size() ? short_name(j.sets[e.index].name, j.sets[e.index].id) : "");
    case EditKind::AddTouchpoint: return "add " + short_name(e.touchpoint.name, e.touchpoint.id);
    case EditKind::RemoveTouchpoint: return "delete " + tp(e.index);
    case EditKind::MoveTouchpoint: {
        if (e.index < 0 || e.index >= N) return "move a touchpoint";
        const Touchpoint& t = j.touchpoints[e.index];
        if (e.touchpoint.stage != t.stage) return "move " + tp(e.index) + " to " + stage_name(j, e.touchpoint.stage);
        if (e.touchpoint.channel != t.channel) return "move " + tp(e.index) + " to " + channel_name(j, e.touchpoint.channel);
        return "reorder " + tp(e.index);
    }
    case EditKind::SetTouchpoint: {
        if (e.index < 0 || e.index >= N) return "edit a touchpoint";
        const std::string f = changed_field(j.touchpoints[e.index], e.touchpoint);
        if (f == "name") return "rename " + tp(e.index);
        if (f == "id") return "change the id of " + tp(e.index);
        for (const auto& w : kFieldWords)
            if (f == w[0]) return std::string("edit ") + w[1] + " of " + tp(e.index);
        const size_t slash = f.find('/');
        if (slash != std::string::npos) {
            const std::string k = f.substr(slash + 1);
            if (k == "emotion") return "set the emotion of " + tp(e.index);
            if (k == "uxN" || k == "cxN") return std::string("set the ") + (k == "uxN" ? "UX" : "CX") + " n of " + tp(e.index);
            if (k == "timeTarget") return "set the time target of " + tp(e.index);
            const Metric m = metric_from_key(k.c_str());
            const int s = std::atoi(f.c_str() + 1);
            const bool cleared = s < (int)e.touchpoint.sets.size() && m != Metric::Count && !e.touchpoint.sets[s].get(m);
            return std::string(cleared ? "clear " : "set ") + metric_label(m) + " of " + tp(e.index);
        }
        return "edit " + tp(e.index);
    }
    }
    return "edit";
}

std::string edit_merge_key(const Journey& j, const Edit& e) {
    switch (e.kind) {
    case EditKind::SetInfo:
        if (e.info.title != j.title) return "info/title";
        if (e.info.description != j.description) return "info/description";
        return "info/persona";
    case EditKind::SetScoring: return "scoring";
    case EditKind::SetStage: return "stage#" + std::to_string(e.index);
    case EditKind::SetChannel: return "channel#" + std::to_string(e.index);
    case EditKind::SetSet: return "set#" + std::to_string(e.index);
    case EditKind::SetTouchpoint: {
        if (e.index < 0 || e.index >= (int)j.touchpoints.size()) return "";
        const std::string f = changed_field(j.touchpoints[e.index], e.touchpoint);
        // Several fields at once (a paste of a whole card) is a step of its own.
        return f == "*" ? "" : "tp#" + std::to_string(e.index) + "/" + f;
    }
    default: return "";
    }
}

}  // namespace uxcx
