// test_edit.cpp: each kind of edit and its inverse, the refusals, the one source of truth for a
// touchpoint's place, and the history (merging typing, labels, dirty tracking).
#include <doctest/doctest.h>

#include "core/edit.h"
#include "core/history.h"
#include "edit_test_util.h"

namespace {

using namespace uxcx;
using namespace uxcx::test;

int find_tp(const Journey& j, const std::string& id) {
    for (int i = 0; i < (int)j.touchpoints.size(); i++)
        if (j.touchpoints[i].id == id) return i;
    FAIL("no touchpoint " << id);
    return -1;
}

// Applies `e`, checks it changed the saved bytes, applies the inverse and checks the bytes are
// the original ones again; returns the message of a refusal ("" when applied).
std::string round_trip(Journey& j, const Edit& e) {
    const std::string before = save_journey_json(j);
    EditResult r = apply_edit(j, e);
    if (!r.ok) {
        CHECK(save_journey_json(j) == before);  // refused: nothing changed
        return r.message;
    }
    const std::string after = save_journey_json(j);
    CHECK(after != before);
    // Saved edits load back equal.
    LoadResult back = load_journey_json(after);
    REQUIRE(back.ok);
    CHECK(save_journey_json(back.journey) == after);
    EditResult undo = apply_edit(j, r.inverse);
    REQUIRE(undo.ok);
    CHECK(save_journey_json(j) == before);
    // And the inverse of the inverse is the edit again.
    REQUIRE(apply_edit(j, undo.inverse).ok);
    CHECK(save_journey_json(j) == after);
    REQUIRE(apply_edit(j, r.inverse).ok);
    return "";
}

TEST_CASE("every kind of edit round-trips to identical saved bytes") {
    Journey j = load_sample_journey("airline.json");
    const int seat = find_tp(j, "seat"), booking = find_tp(j, "online-booking");
    Scoring scoring = j.scoring;
    scoring.threshold = 70;
    Touchpoint edited = j.touchpoints[seat];
    edited.description = "new";
    edited.quotes.push_back("It was fine");
    JourneyInfo info = journey_info(j);
    info.title = "Airline, edited";
    info.persona = Persona{"Frequent flyer", "Flies monthly", {}};
    const std::vector<Edit> edits = {
        edit_info(info),
        edit_scoring(scoring),
        edit_add_stage(0, Stage{"dream", "Dream", "Before booking", {}}),
        edit_add_stage((int)j.stages.size(), Stage{"after", "After", "", {}}),
        edit_remove_stage(2),
        edit_move_stage(0, 3),
        edit_move_stage(4, 1),
        edit_set_stage(1, Stage{"checkin", "Check in", "", {}}),
        edit_add_channel(1, Channel{"phone", "Phone", false, {}}),
        edit_remove_channel(0),
        edit_move_channel(4, 0),
        edit_set_channel(2, Channel{"gate", "Airport", false, {}}),
        edit_add_set(1, MeasurementSet{"q3", "Q3 2026", "2026-Q3", {}}),
        edit_remove_set(0),
        edit_remove_set(3),
        edit_set_set(2, MeasurementSet{"biz", "Business", "", {}}),
        edit_add_touchpoint(j, 0, 0, 0, "Compare fares"),
        edit_add_touchpoint(j, (int)j.touchpoints.size(), -1, -1, "Somewhere"),
        edit_remove_touchpoint(seat),
        edit_duplicate_touchpoint(j, seat),
        edit_move_touchpoint(j, seat, 0, 0, 0),
        edit_move_touchpoint(j, booking, 5, 1, 9),
        edit_move_touchpoint(j, seat, -1, -1, 0),
        edit_set_touchpoint(seat, edited),
        edit_text(j, seat, TextField::Name, "Seat comfort (economy)"),
        edit_text(j, seat, TextField::Id, "seat-comfort"),
        edit_text(j, seat, TextField::Owner, "Cabin team"),
        edit_text(j, seat, TextField::Url, "https://example.com/seat"),
        edit_text(j, seat, TextField::Description, ""),
        edit_list(j, seat, ListField::PainPoints, {"Narrow", "No recline"}),
        edit_list(j, seat, ListField::Opportunities, {}),
        edit_volume(j, seat, 1234),
        edit_volume(j, seat, std::nullopt),
        edit_emotion(j, seat, 0, -2),
        edit_emotion(j, seat, 2, 1.5),
        edit_reading(j, seat, 0, Metric::Csat, reading_csat_counts(1, 2, 3, 40, 50)),
        edit_reading(j, seat, 0, Metric::Csat, std::nullopt),
        edit_reading(j, seat, 1, Metric::Nps, reading_nps_counts(30, 10, 5)),
        edit_reading(j, seat, 0, Metric::Nps, reading_number(12)),
        edit_reading(j, booking, 0, Metric::Seq, reading_mean(5.5, 1.2, 40)),
        edit_reading(j, booking, 0, Metric::Seq, reading_number(6)),
        edit_reading(j, booking, 0, Metric::TaskSuccess, reading_task_counts(17, 20)),
        edit_reading(j, booking, 3, Metric::TimeOnTask, reading_mean(42, 0.4, std::nullopt)),
        edit_block_n(j, booking, 0, true, 25),
        edit_block_n(j, seat, 0, false, 300),
        edit_time_target(j, booking, 0, 60),
    };
    for (size_t i = 0; i < edits.size(); i++) {
        CAPTURE(i);
        CAPTURE(edit_label(j, edits[i]));
        CHECK(round_trip(j, edits[i]) == "");
    }
}

TEST_CASE("an edit that would make the journey invalid is refused with a message and changes nothing") {
    Journey j = load_sample_journey("airline.json");
    const int seat = find_tp(j, "seat"), booking = find_tp(j, "online-booking");
    auto refused = [&](const Edit& e) { return round_trip(j, e); };
    CHECK(refused(edit_text(j, seat, TextField::Id, "online-booking")).find("has the id \"online-booking\"") != std::string::npos);
    CHECK(refused(edit_text(j, seat, TextField::Id, "")) == "the touchpoint needs an id");
    CHECK(refused(edit_text(j, seat, TextField::Name, "Seat\xE2\x80\xAE")).find("text-direction") != std::string::npos);
    CHECK(refused(edit_text(j, seat, TextField::Url, "javascript:alert(1)")).find("not a web or mail address") != std::string::npos);
    CHECK(refused(edit_reading(j, booking, 0, Metric::Sus, reading_number(120))) == "SUS is 120, outside the range from 0 to 100");
    CHECK(refused(edit_reading(j, seat, 0, Metric::Csat, reading_csat_counts(0, 0, 0, 0, 0))).find("all 0") != std::string::npos);
    CHECK(refused(edit_reading(j, booking, 0, Metric::TaskSuccess, reading_task_counts(5, 4))).find("successes <= attempts") != std::string::npos);
    CHECK(refused(edit_reading(j, seat, 0, Metric::Nps, reading_nps_counts(1.5, 2, 3))).find("whole number") != std::string::npos);
    // Seat comfort is in the cabin, an offline channel: no UX there.
    CHECK(refused(edit_reading(j, seat, 0, Metric::Sus, reading_number(80))).find("is offline") != std::string::npos);
    CHECK(refused(edit_move_touchpoint(j, booking, 0, 2, 0)).find("is offline") != std::string::npos);
    CHECK(refused(edit_set_channel(0, Channel{"web-app", "Web", false, {}})).find("has UX readings") != std::string::npos);
    CHECK(refused(edit_emotion(j, seat, 0, 3)).find("from -2 to +2") != std::string::npos);
    CHECK(refused(edit_volume(j, seat, -1)).find("of 0 or more") != std::string::npos);
    CHECK(refused(edit_add_stage(0, Stage{"booking", "Again", "", {}})) == "a stage with the id \"booking\" already exists");
    CHECK(refused(edit_set_stage(1, Stage{"booking", "x", "", {}})).find("already exists") != std::string::npos);
    CHECK(refused(edit_add_channel(0, Channel{"", "No id", true, {}})) == "the channel needs an id");
    CHECK(refused(edit_add_set(0, MeasurementSet{"all", "Again", "", {}})).find("already exists") != std::string::npos);
    Scoring s = j.scoring;
    s.threshold = 101;
    CHECK(refused(edit_scoring(s)).find("threshold") != std::string::npos);
    CHECK(refused(edit_remove_touchpoint((int)j.touchpoints.size())) != "");
    CHECK(refused(edit_move_stage(0, 99)) != "");
    Journey one;
    one.sets.push_back(MeasurementSet{"current", "Current", "", {}});
    EditResult r = apply_edit(one, edit_remove_set(0));
    CHECK_FALSE(r.ok);
    CHECK(r.message == "a journey keeps at least one measurement set");
}

TEST_CASE("a touchpoint's place has one source of truth: renaming a stage's id moves no card") {
    Journey j = load_sample_journey("airline.json");
    const int seat = find_tp(j, "seat");
    const int cabin = j.touchpoints[seat].stage;
    Stage st = j.stages[cabin];
    st.id = "in-the-air";
    REQUIRE(apply_edit(j, edit_set_stage(cabin, st)).ok);
    const std::string saved = save_journey_json(j);
    CHECK(saved.find("\"stage\": \"in-the-air\"") != std::string::npos);
    CHECK(saved.find("\"stage\": \"cabin\"") == std::string::npos);
    LoadResult back = load_journey_json(saved);
    REQUIRE(back.ok);
    CHECK(back.journey.touchpoints[seat].stage == cabin);
}

TEST_CASE("a stage id the file named but nobody defined survives until the card is moved, and undo brings it back") {
    const std::string file = R"({"stages": [{"id": "buy", "name": "Buy"}], "channels": [{"id": "web"}],
        "touchpoints": [{"id": "t", "name": "T", "stage": "purchse", "channel": "web"}]})";
    LoadResult r = load_journey_json(file);
    REQUIRE(r.ok);
    Journey& j = r.journey;
    CHECK(j.touchpoints[0].stage == -1);
    CHECK(save_journey_json(j).find("\"stage\": \"purchse\"") != std::string::npos);
    // A stage with that id would pull the card in on the next load: refused, with why.
    EditResult add = apply_edit(j, edit_add_stage(1, Stage{"purchse", "P", "", {}}));
    CHECK_FALSE(add.ok);
    CHECK(add.message.find("refers to a stage \"purchse\" that does not exist") != std::string::npos);
    // Moving along the other axis keeps the reference; moving into a stage drops it.
    const std::string before = save_journey_json(j);
    EditResult mv = apply_edit(j, edit_move_touchpoint(j, 0, 0, 0, 0));
    REQUIRE(mv.ok);
    CHECK(j.touchpoints[0].stage == 0);
    CHECK(j.touchpoints[0].unknownStage.empty());
    CHECK(save_journey_json(j).find("\"stage\": \"buy\"") != std::string::npos);
    REQUIRE(apply_edit(j, mv.inverse).ok);
    CHECK(save_journey_json(j) == before);
}

TEST_CASE("key-driver results follow a renamed touchpoint id, and undo renames them back") {
    Journey j = load_sample_journey("airline.json");
    const int seat = find_tp(j, "seat");
    DriversBlock d;
    d.outcome = "overall";
    d.method = "shapley";
    d.r2 = 0.5;
    TouchpointDriver dr;
    dr.touchpoint = "seat";
    dr.importance = 0.2;
    d.touchpoints.push_back(dr);
    dr.touchpoint = "gone";  // a touchpoint the file no longer has: kept, not shown
    d.touchpoints.push_back(dr);
    j.drivers = d;
    CHECK(round_trip(j, edit_text(j, seat, TextField::Id, "seat-comfort")) == "");
    EditResult r = apply_edit(j, edit_text(j, seat, TextField::Id, "seat-comfort"));
    REQUIRE(r.ok);
    CHECK(j.drivers->touchpoints[0].touchpoint == "seat-comfort");
    CHECK(j.drivers->touchpoints[1].touchpoint == "gone");
    REQUIRE(apply_edit(j, r.inverse).ok);
    CHECK(j.drivers->touchpoints[0].touchpoint == "seat");
    // Taking the orphan's id would make undo rename both: refused.
    EditResult taken = apply_edit(j, edit_text(j, seat, TextField::Id, "gone"));
    CHECK_FALSE(taken.ok);
    CHECK(taken.message.find("key-driver results") != std::string::npos);
}

TEST_CASE("removing a touchpoint takes its key-driver entry with it; undo brings it back in its place") {
    Journey j = load_sample_journey("airline.json");
    DriversBlock d;
    d.outcome = "overall";
    d.method = "shapley";
    d.r2 = 0.6;
    for (const char* id : {"wifi", "seat", "food"}) {
        TouchpointDriver dr;
        dr.touchpoint = id;
        dr.importance = 0.2;
        d.touchpoints.push_back(dr);
    }
    j.drivers = d;
    const std::string before = save_journey_json(j);
    Analysis a = analyse(j, 0);
    EditResult r = apply_edit(j, edit_remove_touchpoint(find_tp(j, "seat")));
    REQUIRE(r.ok);
    REQUIRE(j.drivers->touchpoints.size() == 2);
    CHECK(j.drivers->touchpoints[0].touchpoint == "wifi");
    CHECK(j.drivers->touchpoints[1].touchpoint == "food");
    // The saved map loads with no "no touchpoint has the id" warning.
    const LoadResult loaded = load_journey(save_journey_json(j));
    REQUIRE(loaded.ok);
    for (const Diagnostic& w : loaded.diagnostics) CHECK(w.message.find("no touchpoint has the id") == std::string::npos);
    // Priorities follow: the incremental analysis equals a fresh one (each driver's share of three
    // is now a share of two).
    reanalyse(j, a, r.delta);
    const Analysis fresh = analyse(j, 0);
    REQUIRE(a.touchpoints.size() == fresh.touchpoints.size());
    for (size_t i = 0; i < fresh.touchpoints.size(); i++) {
        CHECK(a.touchpoints[i].driver == fresh.touchpoints[i].driver);
        CHECK(same_number(a.touchpoints[i].priority, fresh.touchpoints[i].priority));
    }
    CHECK(a.priority == fresh.priority);
    REQUIRE(apply_edit(j, r.inverse, false).ok);
    CHECK(save_journey_json(j) == before);
}

TEST_CASE("moving a touchpoint to a position in its cell orders the cell's cards") {
    Journey j = load_sample_journey("airline.json");
    // Cabin stage, cabin channel: seat, leg-room, cleanliness, in file order.
    const int seat = find_tp(j, "seat"), clean = find_tp(j, "cleanliness");
    const int stage = j.touchpoints[seat].stage, channel = j.touchpoints[seat].channel;
    auto cell = [&] {
        std::vector<std::string> ids;
        for (const Touchpoint& t : j.touchpoints)
            if (t.stage == stage && t.channel == channel) ids.push_back(t.id);
        return ids;
    };
    REQUIRE(cell() == std::vector<std::string>{"seat", "leg-room", "cleanliness"});
    REQUIRE(apply_edit(j, edit_move_touchpoint(j, clean, stage, channel, 0)).ok);
    CHECK(cell() == std::vector<std::string>{"cleanliness", "seat", "leg-room"});
    REQUIRE(apply_edit(j, edit_move_touchpoint(j, find_tp(j, "cleanliness"), stage, channel, 2)).ok);
    CHECK(cell() == std::vector<std::string>{"seat", "leg-room", "cleanliness"});
    REQUIRE(apply_edit(j, edit_move_touchpoint(j, find_tp(j, "seat"), stage, channel, 1)).ok);
    CHECK(cell() == std::vector<std::string>{"leg-room", "seat", "cleanliness"});
    // touchpoint_after follows a card through the move (how the selection keeps its card).
    const int from = find_tp(j, "cleanliness");
    Edit e = edit_move_touchpoint(j, from, 0, 0, 0);
    REQUIRE(apply_edit(j, e).ok);
    CHECK(j.touchpoints[touchpoint_after(e, from)].id == "cleanliness");
}

TEST_CASE("a CSAT from answer counts is saved as counts and scores as the loader scores it") {
    Journey j = load_sample_journey("airline.json");
    const int seat = find_tp(j, "seat");
    REQUIRE(apply_edit(j, edit_reading(j, seat, 0, Metric::Csat, reading_csat_counts(2, 3, 5, 20, 20))).ok);
    const Reading& r = *j.touchpoints[seat].sets[0].get(Metric::Csat);
    CHECK(r.value == doctest::Approx(80));
    CHECK(*r.n == 50);
    const std::string saved = save_journey_json(j);
    CHECK(saved.find("\"counts\": [2, 3, 5, 20, 20]") != std::string::npos);
    LoadResult back = load_journey_json(saved);
    REQUIRE(back.ok);
    const Reading& b = *back.journey.touchpoints[seat].sets[0].get(Metric::Csat);
    CHECK(b.value == r.value);
    CHECK(b.n == r.n);
}

TEST_CASE("history: typing into one field is one step, commit ends it, labels name the step") {
    Journey j = load_sample_journey("airline.json");
    const std::string original = save_journey_json(j);
    const int seat = find_tp(j, "seat");
    History h;
    CHECK_FALSE(history_dirty(h));
    for (const char* typed : {"S", "Se", "Sea", "Seat!"}) REQUIRE(history_apply(h, j, edit_text(j, seat, TextField::Name, typed)).ok);
    CHECK(h.steps.size() == 1);
    CHECK(undo_label(h) == "rename 'Seat comfort'");
    CHECK(history_dirty(h));
    // Another field is another step, even without a commit.
    REQUIRE(history_apply(h, j, edit_text(j, seat, TextField::Owner, "Cabin")).ok);
    CHECK(h.steps.size() == 2);
    CHECK(undo_label(h) == "edit the owner of 'Seat!'");
    history_commit(h);
    REQUIRE(history_apply(h, j, edit_text(j, seat, TextField::Owner, "Cabin crew")).ok);
    CHECK(h.steps.size() == 3);  // the commit ended the owner step
    REQUIRE(history_undo(h, j).ok);
    CHECK(j.touchpoints[seat].owner == "Cabin");
    CHECK(redo_label(h) == "edit the owner of 'Seat!'");
    REQUIRE(history_undo(h, j).ok);
    REQUIRE(history_undo(h, j).ok);
    CHECK(j.touchpoints[seat].name == "Seat comfort");
    CHECK(save_journey_json(j) == original);
    CHECK_FALSE(history_dirty(h));  // back at the opened state
    CHECK_FALSE(can_undo(h));
    REQUIRE(history_redo(h, j).ok);
    CHECK(j.touchpoints[seat].name == "Seat!");
    // A new edit drops what could be redone.
    REQUIRE(history_apply(h, j, edit_volume(j, seat, 10)).ok);
    CHECK_FALSE(can_redo(h));
    CHECK(undo_label(h) == "edit the volume of 'Seat!'");
    // Refused edits are not steps.
    CHECK_FALSE(history_apply(h, j, edit_volume(j, seat, -5)).ok);
    CHECK(h.position == 2);
}

TEST_CASE("history: dirty follows the saved position, and typing after a save is a new step") {
    Journey j = load_sample_journey("laptop.json");
    History h;
    REQUIRE(history_apply(h, j, edit_text(j, 0, TextField::Name, "A")).ok);
    history_mark_saved(h);
    CHECK_FALSE(history_dirty(h));
    REQUIRE(history_apply(h, j, edit_text(j, 0, TextField::Name, "AB")).ok);
    CHECK(history_dirty(h));
    CHECK(h.steps.size() == 2);  // not merged into the saved step
    REQUIRE(history_undo(h, j).ok);
    CHECK_FALSE(history_dirty(h));
    REQUIRE(history_undo(h, j).ok);
    CHECK(history_dirty(h));
    // Branching away from the saved state makes it unreachable: dirty until the next save.
    REQUIRE(history_apply(h, j, edit_text(j, 0, TextField::Name, "C")).ok);
    REQUIRE(history_undo(h, j).ok);
    CHECK(history_dirty(h));
    CHECK(h.saved == -1);
}

TEST_CASE("labels say what the step does") {
    Journey j = load_sample_journey("airline.json");
    const int seat = find_tp(j, "seat");
    CHECK(edit_label(j, edit_move_touchpoint(j, seat, 0, 2, 0)) == "move 'Seat comfort' to 'Booking'");
    CHECK(edit_label(j, edit_remove_touchpoint(seat)) == "delete 'Seat comfort'");
    CHECK(edit_label(j, edit_reading(j, seat, 0, Metric::Csat, std::nullopt)) == "clear CSAT of 'Seat comfort'");
    CHECK(edit_label(j, edit_reading(j, seat, 0, Metric::Nps, reading_number(10))) == "set NPS of 'Seat comfort'");
    CHECK(edit_label(j, edit_remove_stage(0)) == "remove stage 'Booking'");
    CHECK(edit_label(j, edit_duplicate_touchpoint(j, seat)) == "add 'Seat comfort (copy)'");
}

TEST_CASE("edits follow the metric table and validator: 1-7 CSAT counts and weighted readings are accepted") {
    Journey j = load_sample_journey("airline.json");
    const int seat = find_tp(j, "seat");
    // A 1-7 CSAT: seven answers, top-2-box is 6-7, as the loader scores it.
    Reading seven = reading_counts(Metric::Csat, {1, 1, 2, 2, 4, 5, 5});
    CHECK(seven.value == doctest::Approx(50));
    CHECK(round_trip(j, edit_reading(j, seat, 0, Metric::Csat, seven)) == "");
    // Weighted counts are weighted shares of Kish's effective n: fractional, with the respondents.
    Reading weighted = reading_counts(Metric::Nps, {10.5, 4.25, 3.25});
    weighted.unweightedN = 25;
    CHECK(round_trip(j, edit_reading(j, seat, 0, Metric::Nps, weighted)) == "");
    // Fractional counts without weights are still not answers of people.
    CHECK(round_trip(j, edit_reading(j, seat, 0, Metric::Nps, reading_counts(Metric::Nps, {10.5, 4.25, 3.25}))).find("whole number") != std::string::npos);
    // Six answers are no CSAT scale.
    CHECK(round_trip(j, edit_reading(j, seat, 0, Metric::Csat, reading_counts(Metric::Csat, {1, 1, 1, 1, 1, 1}))).find("counts where its form takes") != std::string::npos);
}

}  // namespace
