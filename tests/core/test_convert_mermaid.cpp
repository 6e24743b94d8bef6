// test_convert_mermaid.cpp: Mermaid `journey` text in and out: sections, tasks, score <-> emotion,
// actors, the characters Mermaid cannot take, and errors with line and column.
#include <doctest/doctest.h>

#include "core/convert.h"
#include "core/load.h"

using namespace uxcx;

namespace {

// The example from Mermaid's own documentation (docs/syntax/userJourney.md).
const char* kWorkingDay =
    "journey\n"
    "    title My working day\n"
    "    section Go to work\n"
    "      Make tea: 5: Me\n"
    "      Go upstairs: 3: Me\n"
    "      Do work: 1: Me, Cat\n"
    "    section Go home\n"
    "      Go downstairs: 5: Me\n"
    "      Sit down: 5: Me\n";

std::string extra(const Touchpoint& t, const char* key) {
    for (const auto& [k, v] : t.extras)
        if (k == key) return v;
    return "";
}

}  // namespace

TEST_CASE("mermaid import: sections become stages, tasks touchpoints, score - 3 the emotion") {
    LoadResult r = import_mermaid(kWorkingDay);
    REQUIRE(r.ok);
    const Journey& j = r.journey;
    CHECK(j.title == "My working day");
    REQUIRE(j.stages.size() == 2);
    CHECK(j.stages[0].id == "go-to-work");
    CHECK(j.stages[0].name == "Go to work");
    CHECK(j.stages[1].id == "go-home");
    REQUIRE(j.touchpoints.size() == 5);
    CHECK(j.channels.empty());
    REQUIRE(j.sets.size() == 1);

    const Touchpoint& tea = j.touchpoints[0];
    CHECK(tea.id == "make-tea");
    CHECK(tea.name == "Make tea");
    CHECK(tea.stage == 0);
    CHECK(tea.stageRef == "go-to-work");
    CHECK(tea.channel == -1);
    REQUIRE(tea.sets.size() == 1);
    CHECK(*tea.sets[0].emotion == 2);  // score 5 -> 5 - 3
    CHECK(extra(tea, "actors") == "[\"Me\"]");

    const Touchpoint& work = j.touchpoints[2];
    CHECK(*work.sets[0].emotion == -2);  // score 1 -> 1 - 3
    CHECK(extra(work, "actors") == "[\"Me\",\"Cat\"]");
    CHECK(*j.touchpoints[1].sets[0].emotion == 0);  // score 3: neutral
    CHECK(j.touchpoints[4].stage == 1);
}

TEST_CASE("mermaid import: ids are unique slugs, tasks before any section are unassigned") {
    LoadResult r = import_mermaid(
        "journey\n"
        "  Browse: 4\n"
        "  section Check out!\n"
        "  Pay: 2: Me\n"
        "  Pay: 3: Me\n"
        "  Pay: 4\n"
        "  section Check-out\n");
    REQUIRE(r.ok);
    const Journey& j = r.journey;
    REQUIRE(j.touchpoints.size() == 4);
    CHECK(j.touchpoints[0].stage == -1);
    CHECK(extra(j.touchpoints[0], "actors").empty());  // no actors written, none kept
    CHECK(j.touchpoints[1].id == "pay");
    CHECK(j.touchpoints[2].id == "pay-2");
    CHECK(j.touchpoints[3].id == "pay-3");
    REQUIRE(j.stages.size() == 2);
    CHECK(j.stages[0].id == "check-out");
    CHECK(j.stages[1].id == "check-out-2");  // same slug, second stage
}

TEST_CASE("mermaid import: a BOM, comments, front matter and capitalised keywords are accepted") {
    LoadResult r = import_mermaid(
        "\xEF\xBB\xBF---\n"
        "config:\n"
        "  theme: forest\n"
        "---\n"
        "%% a comment\n"
        "journey\n"
        "  %% another\n"
        "  Title Mixed case\n"
        "  Section One\n"
        "    Task: 2: A\n");
    REQUIRE(r.ok);
    CHECK(r.journey.title == "Mixed case");
    CHECK(r.journey.stages.size() == 1);
    REQUIRE(r.journey.touchpoints.size() == 1);
    CHECK(*r.journey.touchpoints[0].sets[0].emotion == -1);
}

TEST_CASE("mermaid import: errors say line and column") {
    SUBCASE("text before journey") {
        LoadResult r = import_mermaid("\n  title Oops\njourney\n");
        CHECK_FALSE(r.ok);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].line == 2);
        CHECK(r.diagnostics[0].column == 3);  // after two spaces of indent
        CHECK(r.diagnostics[0].message.find("journey") != std::string::npos);
    }
    SUBCASE("no journey at all") {
        LoadResult r = import_mermaid("");
        CHECK_FALSE(r.ok);
        REQUIRE(r.diagnostics.size() == 1);
    }
    SUBCASE("a task without a score") {
        // "    Make tea" is 4 blanks + 8 characters: the `:` was expected at column 13.
        LoadResult r = import_mermaid("journey\n  section A\n    Make tea\n");
        CHECK_FALSE(r.ok);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].line == 3);
        CHECK(r.diagnostics[0].column == 13);
        CHECK(r.diagnostics[0].pointer == "/touchpoints/0");
    }
    SUBCASE("an empty score") {
        LoadResult r = import_mermaid("journey\n  Make tea: : Me\n");
        CHECK_FALSE(r.ok);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].line == 2);
    }
    SUBCASE("a score out of 1-5, counted in characters") {
        // "  Café au lait: 9" : 2 blanks, "Café au lait" (12 characters, 13 bytes), ':' and a blank
        // put the 9 at character 2 + 12 + 1 + 1 + 1 = 17 (byte 18).
        LoadResult r = import_mermaid("journey\n  Caf\xC3\xA9 au lait: 9: Me\n");
        CHECK_FALSE(r.ok);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].line == 2);
        CHECK(r.diagnostics[0].column == 17);
        CHECK(r.diagnostics[0].message.find("1 to 5") != std::string::npos);
    }
    SUBCASE("a score that is not a number") {
        LoadResult r = import_mermaid("journey\r\n  Tea: good: Me\r\n  Coffee: 0\r\n");
        CHECK_FALSE(r.ok);
        REQUIRE(r.diagnostics.size() == 2);  // both bad lines are reported
        CHECK(r.diagnostics[0].line == 2);
        CHECK(r.diagnostics[0].column == 8);
        CHECK(r.diagnostics[1].line == 3);
        CHECK(r.journey.touchpoints.empty());  // a failed import never hands out half a journey
    }
}

TEST_CASE("mermaid export: emotion back to a 1-5 score, actors written back") {
    Journey j;
    j.title = "Refund";
    j.stages = {Stage{"book", "Book", "", {}}, Stage{"refund", "Refund", "", {}}};
    j.sets.push_back(MeasurementSet{"current", "Current", "", {}});
    auto add = [&](const char* id, const char* name, int stage, std::optional<double> emotion) {
        Touchpoint t;
        t.id = id;
        t.name = name;
        t.stage = stage;
        t.sets.resize(1);
        t.sets[0].emotion = emotion;
        j.touchpoints.push_back(t);
        return &j.touchpoints.back();
    };
    add("web", "Book on the web", 0, 1.6)->extras.emplace_back("actors", "[\"Traveller\",\"Agent\"]");
    add("agent", "Reach an agent", 1, -2.0);
    add("wait", "Wait for money", 1, std::nullopt);
    add("late", "Late entry", 0, -0.5);
    add("loose", "No stage", -1, 0.4);

    std::string text = export_mermaid(j);
    // 1.6 + 3 = 4.6 -> 5; -2 + 3 = 1; no emotion -> 3; -0.5 + 3 = 2.5 -> 3 (rounded half away
    // from zero); 0.4 + 3 = 3.4 -> 3. Touchpoints are grouped under their stage, unassigned first.
    CHECK(text.find("  title Refund\n") != std::string::npos);
    size_t loose = text.find("    No stage: 3\n");
    size_t book = text.find("  section Book\n");
    size_t web = text.find("    Book on the web: 5: Traveller, Agent\n");
    size_t late = text.find("    Late entry: 3\n");
    size_t refund = text.find("  section Refund\n");
    size_t agent = text.find("    Reach an agent: 1\n");
    size_t wait = text.find("    Wait for money: 3\n");
    REQUIRE(loose != std::string::npos);
    REQUIRE(web != std::string::npos);
    REQUIRE(late != std::string::npos);
    REQUIRE(agent != std::string::npos);
    REQUIRE(wait != std::string::npos);
    CHECK(loose < book);
    CHECK(book < web);
    CHECK(web < late);
    CHECK(late < refund);
    CHECK(refund < agent);

    LoadResult back = import_mermaid(text);
    REQUIRE(back.ok);
    REQUIRE(back.journey.touchpoints.size() == 5);
    CHECK(back.journey.touchpoints[0].name == "No stage");
    CHECK(back.journey.touchpoints[0].stage == -1);
    CHECK(back.journey.touchpoints[1].name == "Book on the web");
    CHECK(*back.journey.touchpoints[1].sets[0].emotion == 2);
    CHECK(extra(back.journey.touchpoints[1], "actors") == "[\"Traveller\",\"Agent\"]");
    CHECK(back.journey.stages[1].name == "Refund");
}

TEST_CASE("mermaid export: characters Mermaid cannot take are swapped for look-alikes") {
    Journey j;
    j.sets.push_back(MeasurementSet{"current", "Current", "", {}});
    j.stages = {Stage{"s", "Step #1; go", "", {}}};
    Touchpoint t;
    t.id = "t";
    t.name = "Call: ask for #2; again\nplease";
    t.stage = 0;
    t.sets.resize(1);
    t.extras.emplace_back("actors", "[\"Smith, J.\"]");
    j.touchpoints.push_back(t);
    Touchpoint s = t;
    s.id = "s";
    s.name = "Section overview";  // would open a section if written as is
    j.touchpoints.push_back(s);

    std::string text = export_mermaid(j);
    CHECK(text.find("Call\xE2\x88\xB6 ask for \xEF\xBC\x83" "2\xEF\xBC\x9B again please: 3: Smith\xE2\x80\x9A J.\n") != std::string::npos);
    CHECK(text.find("  section Step \xEF\xBC\x83" "1\xEF\xBC\x9B go\n") != std::string::npos);

    LoadResult back = import_mermaid(text);
    REQUIRE(back.ok);
    REQUIRE(back.journey.stages.size() == 1);        // "Section overview" did not open a section
    REQUIRE(back.journey.touchpoints.size() == 2);
    CHECK(back.journey.touchpoints[0].name == "Call\xE2\x88\xB6 ask for \xEF\xBC\x83" "2\xEF\xBC\x9B again please");
    CHECK(extra(back.journey.touchpoints[0], "actors") == "[\"Smith\xE2\x80\x9A J.\"]");  // still one actor
}

TEST_CASE("load_journey sniffs Mermaid text behind comments and a BOM") {
    LoadResult r = load_journey("\xEF\xBB\xBF\n%% exported\n  journey\n  section A\n    Go: 4: Me\n");
    REQUIRE(r.ok);
    REQUIRE(r.journey.touchpoints.size() == 1);
    CHECK(*r.journey.touchpoints[0].sets[0].emotion == 1);

    // A comment first, then something that is not `journey`: the Mermaid importer explains.
    LoadResult bad = load_journey("%% notes\ntitle X\n");
    CHECK_FALSE(bad.ok);
    REQUIRE_FALSE(bad.diagnostics.empty());
    CHECK(bad.diagnostics[0].message.find("journey") != std::string::npos);
    CHECK(bad.diagnostics[0].line == 2);
}
