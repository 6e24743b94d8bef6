// test_survey_profile.cpp: column profiling for the import screen (types, ranges, N/A candidates,
// suggested roles) on small CSVs written here (BOM, CRLF, semicolons, quoted fields, trailing
// spaces in headers, Qualtrics header rows), and the plan -> mapping -> aggregation round trip.
#include <doctest/doctest.h>

#include <string>

#include "core/survey.h"
#include "core/survey_profile.h"

using namespace uxcx;

namespace {

const ColumnProfile& col(const SurveyProfile& p, const std::string& name) {
    for (const ColumnProfile& c : p.columns)
        if (c.name == name) return c;
    FAIL("no column " << name);
    static ColumnProfile none;
    return none;
}
const ImportColumn& choice(const ImportPlan& p, const std::string& name) {
    for (const ImportColumn& c : p.columns)
        if (c.column == name) return c;
    FAIL("no column " << name);
    static ImportColumn none;
    return none;
}

// Airline-shaped: 0 = not applicable on 1-5 ratings, a text outcome, segments, an id and a delay.
const char* kAirline =
    "id,Type of Travel,Class,Inflight wifi service,Seat comfort,Departure Delay in Minutes,satisfaction\n"
    "101,Business travel,Eco,0,4,0,satisfied\n"
    "102,Personal Travel,Business,3,5,120,neutral or dissatisfied\n"
    "103,Business travel,Eco Plus,5,1,99,satisfied\n"
    "104,Personal Travel,Eco,2,3,7,neutral or dissatisfied\n";

}  // namespace

TEST_CASE("profile: types, ranges and N/A candidates of an airline-shaped export") {
    const SurveyProfile p = profile_survey(kAirline);
    REQUIRE(p.ok);
    CHECK(p.rows == 4);
    CHECK(p.columns.size() == 7);
    const ColumnProfile& wifi = col(p, "Inflight wifi service");
    CHECK(wifi.type == ColumnType::Rating);
    CHECK(wifi.lo == 1);  // 0 is not applicable, not the bottom of the scale
    CHECK(wifi.hi == 5);
    REQUIRE(wifi.na.size() == 1);
    CHECK(wifi.na[0] == "0");
    const ColumnProfile& seat = col(p, "Seat comfort");
    CHECK(seat.type == ColumnType::Rating);
    CHECK(seat.na.empty());
    // 99 minutes late is a delay, not a code: the column is not on a small scale.
    const ColumnProfile& delay = col(p, "Departure Delay in Minutes");
    CHECK(delay.type == ColumnType::Number);
    CHECK(delay.hi == 120);
    CHECK(delay.na.empty());
    const ColumnProfile& travel = col(p, "Type of Travel");
    CHECK(travel.type == ColumnType::Text);
    REQUIRE(travel.values.size() == 2);
    CHECK(travel.values[0].count == 2);
    CHECK(col(p, "id").type == ColumnType::Number);

    const ImportPlan plan = suggest_import_plan(p, "Airline");
    CHECK(choice(plan, "Inflight wifi service").role == ColumnRole::Reading);
    CHECK(choice(plan, "Inflight wifi service").metric == Metric::Csat);
    CHECK(choice(plan, "Inflight wifi service").na == "0");
    CHECK(choice(plan, "Type of Travel").role == ColumnRole::Segment);
    CHECK(choice(plan, "Class").role == ColumnRole::Segment);
    CHECK(choice(plan, "id").role == ColumnRole::Ignore);
    CHECK(choice(plan, "Departure Delay in Minutes").role == ColumnRole::Ignore);
    const ImportColumn& sat = choice(plan, "satisfaction");
    CHECK(sat.role == ColumnRole::Outcome);
    REQUIRE(sat.codes.size() == 2);
    for (const auto& [text, v] : sat.codes) CHECK(v == (text == "satisfied" ? 1 : 0));
    CHECK(import_plan_problems(plan).empty());
}

TEST_CASE("profile: 0-10, 0/1, 99 and text N/A codes, seconds, weights, an empty column") {
    const char* csv =
        "recommend,done,ease,time_seconds,wt,comment,blank\n"
        "10,1,7,30.5,1.5,great,\n"
        "0,0,6,12,0.5,\"slow, then fine\",\n"
        "9,1,99,45,1,N/A,\n"
        "N/A,1,2,60,2,ok,\n";
    const SurveyProfile p = profile_survey(csv);
    REQUIRE(p.ok);
    CHECK(col(p, "recommend").type == ColumnType::ZeroToTen);
    CHECK(col(p, "recommend").na == std::vector<std::string>{"N/A"});  // 0 is an answer on 0-10
    CHECK(col(p, "done").type == ColumnType::Binary);
    CHECK(col(p, "ease").type == ColumnType::Rating);
    CHECK(col(p, "ease").hi == 7);
    CHECK(col(p, "ease").na == std::vector<std::string>{"99"});
    CHECK(col(p, "time_seconds").type == ColumnType::Number);
    CHECK_FALSE(col(p, "time_seconds").integers);
    CHECK(col(p, "blank").type == ColumnType::Empty);
    CHECK(col(p, "blank").blanks == 4);
    CHECK(col(p, "comment").type == ColumnType::Text);

    const ImportPlan plan = suggest_import_plan(p, "Checkout test");
    CHECK(choice(plan, "recommend").metric == Metric::Nps);
    CHECK(choice(plan, "done").metric == Metric::TaskSuccess);
    CHECK(choice(plan, "ease").metric == Metric::Seq);
    CHECK(choice(plan, "ease").hi == 7);
    CHECK(choice(plan, "time_seconds").metric == Metric::TimeOnTask);
    CHECK(choice(plan, "wt").role == ColumnRole::Weight);
    CHECK(choice(plan, "comment").role == ColumnRole::Ignore);  // free text is never a segment
    CHECK(choice(plan, "blank").role == ColumnRole::Ignore);
}

TEST_CASE("profile: BOM, CRLF, semicolons with decimal commas, quoted fields, trailing spaces in headers") {
    const std::string csv =
        "\xEF\xBB\xBF\"NPS  \";\"Class \";score\r\n"
        "9;\"Eco; Plus\";3,5\r\n"
        "3;Business;4,25\r\n";
    const SurveyProfile p = profile_survey(csv);
    REQUIRE(p.ok);
    CHECK(p.delimiter == ';');
    REQUIRE(p.columns.size() == 3);
    CHECK(p.columns[0].name == "NPS");
    CHECK(p.columns[1].name == "Class");
    CHECK(p.columns[1].values.size() == 2);
    CHECK(p.columns[2].type == ColumnType::Number);
    CHECK(p.columns[2].lo == 3.5);
    CHECK(p.columns[2].hi == 4.25);
    CHECK(p.rows == 2);
}

TEST_CASE("profile: a Qualtrics export's three header rows") {
    const char* csv =
        "Q1,Q2\n"
        "How easy was booking?,Which class?\n"
        "\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\"\n"
        "4,Eco\n"
        "5,Business\n";
    const SurveyProfile p = profile_survey(csv);
    REQUIRE(p.ok);
    CHECK(p.qualtrics);
    CHECK(p.rows == 2);
    CHECK(p.columns[0].question == "How easy was booking?");
    CHECK(p.columns[0].type == ColumnType::Rating);
    CHECK(p.columns[1].values.size() == 2);
}

TEST_CASE("profile: an unclosed quote is an error with its line and column") {
    const SurveyProfile p = profile_survey("a,b\n1,\"open\n2,3\n");
    CHECK_FALSE(p.ok);
    REQUIRE(p.diagnostics.size() == 1);
    CHECK(p.diagnostics[0].line == 2);
    CHECK(p.diagnostics[0].column == 3);
}

TEST_CASE("profile: a few stray entries do not change a 1-5 item's type or scale") {
    // 1000 answers 0-5 (0 = not applicable), plus "4.5", "7" and "x": the aggregator reports
    // those as invalid; the profile still sees a 1-5 rating with 0 as N/A.
    std::string csv = "item\n";
    for (int i = 0; i < 1000; i++) csv += std::to_string(i % 6) + "\n";
    csv += "4.5\n7\nx\n";
    const SurveyProfile p = profile_survey(csv);
    const ColumnProfile& c = col(p, "item");
    CHECK(c.type == ColumnType::Rating);
    CHECK(c.lo == 1);
    CHECK(c.hi == 5);
    CHECK(c.na == std::vector<std::string>{"0"});
    // Without a scale's shape (half the answers are fractions), it is a number.
    CHECK(col(profile_survey("v\n1.5\n2\n3.25\n4\n"), "v").type == ColumnType::Number);
}

TEST_CASE("profile: a column with many answers keeps none of them") {
    std::string csv = "respondent,rating\n";
    for (int i = 0; i < 100; i++) csv += "r" + std::to_string(1000 + i) + "," + std::to_string(1 + i % 5) + "\n";
    const SurveyProfile p = profile_survey(csv);
    CHECK(col(p, "respondent").manyValues);
    CHECK(col(p, "respondent").values.empty());
    CHECK(col(p, "rating").values.size() == 5);
    CHECK(suggest_import_plan(p, "x").columns[0].role == ColumnRole::Ignore);
}

TEST_CASE("profile JSON round trip") {
    const SurveyProfile p = profile_survey(kAirline);
    SurveyProfile q;
    REQUIRE(parse_survey_profile_json(survey_profile_json(p), q));
    CHECK(q.rows == p.rows);
    REQUIRE(q.columns.size() == p.columns.size());
    for (size_t i = 0; i < p.columns.size(); i++) {
        CHECK(q.columns[i].name == p.columns[i].name);
        CHECK(q.columns[i].type == p.columns[i].type);
        CHECK(q.columns[i].na == p.columns[i].na);
        CHECK(q.columns[i].values.size() == p.columns[i].values.size());
    }
    CHECK(suggest_import_plan(q, "t") == suggest_import_plan(p, "t"));
    CHECK_FALSE(parse_survey_profile_json("[1,", q));
}

TEST_CASE("plan -> mapping -> aggregation: the journey the screen promised") {
    const SurveyProfile p = profile_survey(kAirline);
    ImportPlan plan = suggest_import_plan(p, "Airline");
    plan.stages = {"Booking", "Flight"};
    plan.channels = {{"Cabin", false}};
    for (ImportColumn& c : plan.columns) {
        if (c.column == "Seat comfort") c.stage = 1, c.channel = 0, c.touchpoint = "Seat";
    }
    const std::string json = import_plan_mapping_json(plan);
    const SurveyMappingResult m = load_survey_mapping(json);
    REQUIRE_MESSAGE(m.ok, json);
    const SurveyResult r = aggregate_survey(m.mapping, kAirline);
    REQUIRE(r.ok);
    const Journey& j = r.journey;
    CHECK(j.title == "Airline");
    REQUIRE(j.touchpoints.size() == 2);
    CHECK(j.touchpoints[0].name == "Inflight wifi service");
    CHECK(j.touchpoints[1].name == "Seat");
    CHECK(j.stages[(size_t)j.touchpoints[1].stage].name == "Flight");
    CHECK_FALSE(j.channels[(size_t)j.touchpoints[1].channel].digital);
    // Wifi answers 0 (N/A), 3, 5, 2: three answers, one of them 4-5 -> CSAT 33.3%.
    const auto& wifi = j.touchpoints[0].sets[0].metrics[(int)Metric::Csat];
    REQUIRE(wifi);
    CHECK(wifi->counts == std::vector<double>{0, 1, 1, 0, 1});
    // All + Type of Travel (2) + Class (3 answers): 6 sets.
    CHECK(j.sets.size() == 6);
    REQUIRE(m.mapping.outcome);
    CHECK(m.mapping.outcome->codes.size() == 2);

    // The next wave: the saved mapping fills the screen in the same way.
    std::vector<std::string> missing;
    const ImportPlan again = import_plan_from_mapping(m.mapping, p, &missing);
    CHECK(missing.empty());
    CHECK(again.stages == plan.stages);
    CHECK(again.channels == plan.channels);
    CHECK(choice(again, "Seat comfort").touchpoint == "Seat");
    CHECK(choice(again, "Seat comfort").stage == 1);
    CHECK(choice(again, "Inflight wifi service").na == "0");
    CHECK(choice(again, "satisfaction").role == ColumnRole::Outcome);
    CHECK(choice(again, "Class").role == ColumnRole::Segment);
    CHECK(choice(again, "id").role == ColumnRole::Ignore);
    CHECK(import_plan_mapping_json(again) == json);
}

TEST_CASE("plan problems say what to fix") {
    ImportPlan plan;
    plan.stages = {"Journey"};
    CHECK(import_plan_problems(plan).size() == 1);  // no reading
    for (int i = 1; i <= 3; i++) {
        ImportColumn c;
        c.column = "sus" + std::to_string(i);
        c.role = ColumnRole::Reading;
        c.metric = Metric::Sus;
        c.touchpoint = "App";
        plan.columns.push_back(c);
    }
    const auto problems = import_plan_problems(plan);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "\"App\" has 3 SUS columns; SUS takes 10.");
}

TEST_CASE("N/A codes as typed") {
    CHECK(na_codes_json("0, 99, N/A") == "[0,99,\"N/A\"]");
    CHECK(na_codes_json("") == "[]");
    CHECK(na_codes_json(" ,  -1 ,") == "[-1]");
}

TEST_CASE("a survey export and a journey CSV told apart") {
    CHECK(looks_like_survey_csv(kAirline));
    CHECK(looks_like_survey_csv("\xEF\xBB\xBFq1;q2\r\n1;2\r\n"));
    CHECK_FALSE(looks_like_survey_csv("id,name,stage,channel\nT1,Sign up,signup,web\n"));
    CHECK_FALSE(looks_like_survey_csv("{\"title\": \"x, y\"}"));
    CHECK_FALSE(looks_like_survey_csv("journey\n  title A, B\n"));
    CHECK_FALSE(looks_like_survey_csv("just one line of words"));
}
