// test_edit_random.cpp: thousands of random edit sequences on every sample and on generated
// journeys. After each edit the incremental analysis equals a full one; after each sequence the
// saved journey loads back to the same bytes; undoing every step gives the original bytes back,
// and redoing them gives the edited bytes again. Refused edits change nothing.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>

#include "../../bench/gen_journey.h"
#include "core/edit.h"
#include "core/history.h"
#include "edit_test_util.h"

namespace {

using namespace uxcx;
using namespace uxcx::test;

// A small deterministic generator (no std:: distributions: the same sequence on every compiler).
struct Rng {
    uint64_t s;
    uint32_t next() {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        uint32_t x = (uint32_t)(((s >> 18) ^ s) >> 27), r = (uint32_t)(s >> 59);
        return (x >> r) | (x << ((32 - r) & 31));
    }
    int below(int n) { return n <= 0 ? 0 : (int)(next() % (uint32_t)n); }
    bool chance(int percent) { return below(100) < percent; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * (next() / 4294967296.0); }
};

// Text that is sometimes not allowed (a text-direction override) so refusals get exercised.
std::string some_text(Rng& r, const char* stem) {
    static const char* const kWords[] = {"Checkout", "Pay", "Café ☕", "Help", "", "Sign up", "Ask", "Track"};
    std::string s = kWords[r.below(8)];
    if (r.chance(40)) s += std::string(" ") + stem + std::to_string(r.below(30));
    if (r.chance(4)) s += "\xE2\x80\xAE";  // U+202E RIGHT-TO-LEFT OVERRIDE
    return s;
}

std::string some_id(Rng& r, const char* stem) {
    if (r.chance(3)) return "";
    return std::string(stem) + std::to_string(r.below(12));
}

std::optional<Reading> some_reading(Rng& r, Metric m) {
    if (r.chance(15)) return std::nullopt;  // clear it
    const int form = r.below(3);
    const bool bad = r.chance(8);
    auto count = [&] { return (double)r.below(40) + (bad && r.chance(30) ? 0.5 : 0); };
    if (form == 0 && m == Metric::Nps) return reading_nps_counts(count(), count(), count());
    if (form == 0 && m == Metric::Csat) return reading_csat_counts(count(), count(), count(), count(), count());
    if (form == 0 && m == Metric::TaskSuccess) {
        double a = count();
        return reading_task_counts(bad ? a + 1 : (double)r.below((int)a + 1), a);
    }
    double lo = 0, hi = 100;
    switch (m) {
    case Metric::Seq: case Metric::Ces: lo = 1, hi = 7; break;
    case Metric::TaskSuccess: case Metric::ErrorRate: lo = 0, hi = 1; break;
    case Metric::Nps: lo = -100, hi = 100; break;
    case Metric::TimeOnTask: lo = 1, hi = 600; break;
    default: break;
    }
    double v = r.uniform(lo, hi);
    if (bad) v = hi + 1;
    if (form == 1 && (m == Metric::Sus || m == Metric::Seq || m == Metric::UmuxLite || m == Metric::Ces ||
                      m == Metric::TimeOnTask))
        return reading_mean(v, r.chance(50) ? std::optional<double>(r.uniform(0, 20)) : std::nullopt,
                            r.chance(50) ? std::optional<double>(r.below(200) + 1) : std::nullopt);
    return reading_number(v);
}

// One random edit, through the builders the UI uses.
Edit random_edit(const Journey& j, Rng& r) {
    const int S = (int)j.stages.size(), C = (int)j.channels.size(), N = (int)j.touchpoints.size();
    const int nSets = (int)j.sets.size();
    const int tp = N ? r.below(N) : 0;
    const int set = r.below(nSets);
    switch (r.below(40)) {
    case 0: {
        JourneyInfo info = journey_info(j);
        if (r.chance(50)) info.title = some_text(r, "Journey ");
        else if (r.chance(50)) info.persona = r.chance(20) ? std::nullopt : std::optional<Persona>(Persona{some_text(r, "P"), "", {}});
        else info.description = some_text(r, "about ");
        return edit_info(info);
    }
    case 1: {
        Scoring s = j.scoring;
        if (r.chance(50)) s.threshold = r.uniform(0, 110);
        else s.weights[r.below(kMetricCount)] = r.below(4);
        return edit_scoring(s);
    }
    case 2: return edit_add_stage(r.below(S + 2), Stage{some_id(r, "st"), some_text(r, "Stage "), "", {}});
    case 3: return edit_remove_stage(r.below(S + 1));
    case 4: return edit_move_stage(r.below(S), r.below(S));
    case 5: {
        if (!S) return edit_remove_stage(0);
        Stage s = j.stages[r.below(S)];
        if (r.chance(50)) s.name = some_text(r, "Stage ");
        else s.id = some_id(r, "st");
        return edit_set_stage(r.below(S), s);
    }
    case 6: return edit_add_channel(r.below(C + 1), Channel{some_id(r, "ch"), some_text(r, "Channel "), r.chance(70), {}});
    case 7: return edit_remove_channel(r.below(C + 1));
    case 8: return edit_move_channel(r.below(C), r.below(C));
    case 9: {
        if (!C) return edit_remove_channel(0);
        const int c = r.below(C);
        Channel ch = j.channels[c];
        if (r.chance(40)) ch.digital = !ch.digital;
        else if (r.chance(50)) ch.name = some_text(r, "Channel ");
        else ch.id = some_id(r, "ch");
        return edit_set_channel(c, ch);
    }
    case 10: return edit_add_set(r.below(nSets + 1), MeasurementSet{some_id(r, "set"), some_text(r, "Set "), "", {}});
    case 11: return edit_remove_set(r.below(nSets));
    case 12: {
        MeasurementSet s = j.sets[set];
        s.name = some_text(r, "Set ");
        return edit_set_set(set, s);
    }
    case 13: case 14: return edit_add_touchpoint(j, r.below(N + 1), r.below(S + 1) - 1, r.below(C + 1) - 1, some_text(r, "New "));
    case 15: return edit_remove_touchpoint(r.chance(5) ? N : tp);  // N: no such touchpoint
    case 16: return edit_duplicate_touchpoint(j, tp);
    case 17: case 18: case 19:
        return edit_move_touchpoint(j, tp, r.below(S + 1) - 1, r.below(C + 1) - 1, r.below(4));
    case 20: case 21:
        return edit_text(j, tp, (TextField)r.below(5),
                         r.chance(10) ? std::string("javascript:alert(1)") : r.chance(20) ? some_id(r, "tp-") : some_text(r, "x"));
    case 22: {
        std::vector<std::string> items;
        for (int k = r.below(4); k > 0; k--) items.push_back(some_text(r, "item "));
        return edit_list(j, tp, (ListField)r.below(3), items);
    }
    case 23: return edit_volume(j, tp, r.chance(20) ? std::nullopt : std::optional<double>(r.uniform(-10, 5000)));
    case 24: return edit_emotion(j, tp, set, r.chance(20) ? std::nullopt : std::optional<double>(r.below(7) - 3));
    case 25: return edit_block_n(j, tp, set, r.chance(50), r.chance(20) ? std::nullopt : std::optional<double>(r.below(60)));
    case 26: return edit_time_target(j, tp, set, r.chance(30) ? std::nullopt : std::optional<double>(r.below(300)));
    default: {
        const Metric m = (Metric)r.below(kMetricCount);
        return edit_reading(j, tp, set, m, some_reading(r, m));
    }
    }
}

struct Counts {
    int applied = 0, refused = 0;
};

// Runs `sequences` random sequences of up to `length` edits on `start`, checking everything the
// file comment promises.
Counts run_sequences(const Journey& start, uint64_t seed, int sequences, int length) {
    Counts counts;
    Rng r{seed};
    Journey j = start;
    const std::string original = save_journey_json(j);
    Analysis a = analyse(j, 0);
    for (int q = 0; q < sequences; q++) {
        History h;
        for (int k = 0; k < length; k++) {
            const Edit e = random_edit(j, r);
            // Saving before every edit would dominate the run under ASan: every third one is
            // checked byte for byte when refused (test_edit.cpp checks each kind of refusal).
            const bool watch = r.chance(33);
            const std::string before = watch ? save_journey_json(j) : std::string();
            EditResult res = history_apply(h, j, e);
            if (!res.ok) {
                counts.refused++;
                if (watch) REQUIRE_MESSAGE(save_journey_json(j) == before, "a refused edit changed the journey: " << res.message);
                CHECK(!res.message.empty());
                continue;
            }
            counts.applied++;
            if (r.chance(30)) history_commit(h);
            if (a.set >= (int)j.sets.size()) a.set = 0;
            reanalyse(j, a, res.delta);
            const std::string diff = analysis_difference(a, analyse(j, a.set));
            REQUIRE_MESSAGE(diff.empty(), "incremental analysis differs from a full one in " << diff << " after "
                                                                                            << edit_label(start, e));
        }
        // What a save writes loads back to the same journey.
        const std::string edited = save_journey_json(j);
        LoadResult back = load_journey_json(edited);
        REQUIRE(back.ok);
        REQUIRE_MESSAGE(save_journey_json(back.journey) == edited, "the saved journey does not load back equal");
        // Undo everything: the original bytes; redo everything: the edited bytes.
        while (can_undo(h)) {
            const HistoryStep& step = h.steps[h.position - 1];
            Journey copy = j;
            const std::string why = apply_edit(copy, step.inverse, false).message;
            HistoryMove m = history_undo(h, j);
            REQUIRE_MESSAGE(m.ok, "undo of '" << step.label << "' refused: " << why);
            if (a.set >= (int)j.sets.size()) a.set = 0;
            reanalyse(j, a, m.delta);
        }
        REQUIRE_MESSAGE(save_journey_json(j) == original, "undoing every step did not give the original back");
        REQUIRE(analysis_difference(a, analyse(j, a.set)).empty());
        while (can_redo(h)) REQUIRE(history_redo(h, j).ok);
        REQUIRE_MESSAGE(save_journey_json(j) == edited, "redoing every step did not give the edited journey back");
        while (can_undo(h)) REQUIRE(history_undo(h, j).ok);
        REQUIRE(save_journey_json(j) == original);
        a = analyse(j, a.set);
    }
    return counts;
}

TEST_CASE("random edit sequences on every sample: incremental == full, saves load back, undo restores the bytes") {
    const char* const samples[] = {"airline.json", "laptop.json", "livechat.json", "shop-extension.json",
                                   "template-marketplace.json"};
    uint64_t seed = 1;
    for (const std::string file : samples) {
        CAPTURE(file);
        const Journey j = load_sample_journey(file);
        Counts c = run_sequences(j, seed++, 80, 12);
        MESSAGE(file << ": " << c.applied << " edits applied, " << c.refused << " refused");
        CHECK(c.applied > 500);  // most edits are valid: the test exercises applying, not refusing
        CHECK(c.refused > 15);   // and some are not
    }
}

TEST_CASE("random edit sequences on generated journeys") {
    for (int n : {0, 1, 40, 300}) {
        CAPTURE(n);
        // As the app sees it: saved and loaded (the loader derives values from counts).
        LoadResult loaded = load_journey_json(save_journey_json(bench::generate_journey(n, n ? 6 : 0, 7)));
        REQUIRE(loaded.ok);
        const Journey& j = loaded.journey;
        Counts c = run_sequences(j, 100 + n, n >= 300 ? 15 : 40, 12);
        CHECK(c.applied > 0);
    }
}

}  // namespace
