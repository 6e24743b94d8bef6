// test_convert_csv.cpp: CSV out (RFC 4180 quoting, formula guard, computed columns) and CSV in
// (the same columns back, stages and channels rebuilt, errors with line and column).
#include <doctest/doctest.h>

#include "core/convert.h"

using namespace uxcx;

namespace {

const char* kHeader =
    "id,name,stage,channel,channel_digital,description,owner,url,volume,emotion,"
    "sus,seq,umuxLite,taskSuccess,timeOnTask,timeTarget,errorRate,ux_n,"
    "nps,nps_promoters,nps_passives,nps_detractors,csat,ces,cx_n,"
    "ux_score,cx_score,gap,quadrant,priority,pain_points,opportunities,quotes\r\n";

Journey two_touchpoints() {
    Journey j;
    j.title = "Shop";
    j.sets.push_back(MeasurementSet{"current", "Current", "", {}});
    j.stages = {Stage{"buy", "Buy", "", {}}, Stage{"help", "Get help", "", {}}};
    j.channels = {Channel{"web", "Website", true, {}}, Channel{"phone", "Phone", false, {}}};

    Touchpoint a;
    a.id = "checkout";
    a.name = "Check out, \"fast\"";
    a.stage = 0;
    a.channel = 0;
    a.volume = 1200;
    a.description = "=HYPERLINK(\"http://evil\")";
    a.owner = "-20";  // a number-looking text is data, not a formula
    a.painPoints = {"Slow page", "Coupon, lost"};
    Measurement m;
    m.emotion = 1;
    m.uxN = 12;
    Reading sus;
    sus.value = 80;
    sus.n = 12;
    m.get(Metric::Sus) = sus;
    m.cxN = 50;
    Reading csat;
    csat.value = 70;
    csat.n = 50;
    m.get(Metric::Csat) = csat;
    a.sets.push_back(m);
    j.touchpoints.push_back(a);

    Touchpoint b;
    b.id = "call";
    b.name = "Call the help line";
    b.stage = 1;
    b.channel = 1;
    b.owner = "@support";
    b.quotes = {"Line one\nline two"};
    Measurement mb;
    Reading nps;
    nps.counts = {10, 5, 25};
    nps.value = -37.5;  // (10 - 25) / 40 * 100
    nps.n = 40;
    mb.get(Metric::Nps) = nps;
    b.sets.push_back(mb);
    j.touchpoints.push_back(b);
    return j;
}

}  // namespace

TEST_CASE("csv export: header, RFC 4180 quoting, formula guard, computed scores") {
    std::string csv = export_csv(two_touchpoints());
    REQUIRE(csv.substr(0, std::string(kHeader).size()) == kHeader);
    // Row 1. ux_score 80 (SUS 80 is already 0-100), cx_score 70 (CSAT 70 % top-2-box), gap
    // 80 - 70 = 10, both at or above the threshold 60: good UX and good CX.
    std::string row1 =
        "checkout,\"Check out, \"\"fast\"\"\",Buy,Website,true,\"'=HYPERLINK(\"\"http://evil\"\")\",-20,,1200,1,"
        "80,,,,,,,12,,,,,70,,50,80,70,10,good-ux-good-cx,";
    CHECK(csv.find("\r\n" + row1) != std::string::npos);
    // The list is joined with " | " first, then the whole cell is quoted for its comma.
    CHECK(csv.find(",\"Slow page | Coupon, lost\",,\r\n") != std::string::npos);
    // Row 2: offline channel, NPS counts, an @ guarded, a quote with a line break kept in quotes.
    // NPS -37.5 scores (−37.5 + 100) / 2 = 31.25; no UX reading: "cx-only".
    std::string row2 = "call,Call the help line,Get help,Phone,false,,'@support,,,,,,,,,,,,-37.5,10,5,25,,,40,,31.25,,cx-only,";
    CHECK(csv.find("\r\n" + row2) != std::string::npos);
    CHECK(csv.find(",,,\"Line one\nline two\"\r\n") != std::string::npos);
}

TEST_CASE("csv round trip keeps touchpoints, stages, channels and metric values") {
    LoadResult r = import_csv(export_csv(two_touchpoints()));
    REQUIRE(r.ok);
    const Journey& j = r.journey;
    REQUIRE(j.stages.size() == 2);
    CHECK(j.stages[0].name == "Buy");
    CHECK(j.stages[1].name == "Get help");
    REQUIRE(j.channels.size() == 2);
    CHECK(j.channels[0].name == "Website");
    CHECK(j.channels[0].digital);
    CHECK_FALSE(j.channels[1].digital);
    REQUIRE(j.touchpoints.size() == 2);

    const Touchpoint& a = j.touchpoints[0];
    CHECK(a.id == "checkout");
    CHECK(a.name == "Check out, \"fast\"");
    CHECK(a.description == "=HYPERLINK(\"http://evil\")");  // the guard comes off again
    CHECK(a.owner == "-20");
    CHECK(*a.volume == 1200);
    CHECK(a.stage == 0);
    CHECK(a.channel == 0);
    REQUIRE(a.sets.size() == 1);
    CHECK(a.sets[0].get(Metric::Sus)->value == 80);
    CHECK(*a.sets[0].get(Metric::Sus)->n == 12);
    CHECK(a.sets[0].get(Metric::Csat)->value == 70);
    CHECK(*a.sets[0].cxN == 50);
    CHECK(*a.sets[0].emotion == 1);
    CHECK(a.painPoints == std::vector<std::string>{"Slow page", "Coupon, lost"});

    const Touchpoint& b = j.touchpoints[1];
    CHECK(b.owner == "@support");
    CHECK(b.quotes == std::vector<std::string>{"Line one\nline two"});
    const auto& nps = b.sets[0].get(Metric::Nps);
    REQUIRE(nps);
    CHECK(nps->counts == std::vector<double>{10, 5, 25});
    CHECK(nps->value == doctest::Approx(-37.5));
    CHECK(*nps->n == 40);
    CHECK_FALSE(b.sets[0].get(Metric::Sus));
}

TEST_CASE("csv import: columns in any order, LF line ends, unknown columns warned") {
    LoadResult r = import_csv("name,sus,stage,colour\nSign up,72.5,Start,red\nPay,,Start,blue\n");
    REQUIRE(r.ok);
    REQUIRE(r.journey.touchpoints.size() == 2);
    CHECK(r.journey.touchpoints[0].id == "sign-up");  // no id column: a slug of the name
    CHECK(r.journey.touchpoints[0].sets[0].get(Metric::Sus)->value == 72.5);
    CHECK(r.journey.stages.size() == 1);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::Warning);
    CHECK(r.diagnostics[0].column == 16);  // "name,sus,stage," is 15 characters: `colour` starts at 16
}

TEST_CASE("csv import: errors with line and column") {
    SUBCASE("a number that is not one, after a multi-line field") {
        // Line 1 header; the record of line 2 spans lines 2-3 (quoted line break); line 4 has "7O"
        // (letter O) in the sus column, which starts after "b,Second," at column 10.
        LoadResult r = import_csv("id,description,sus\na,\"First\nhalf\",70\nb,Second,7O\n");
        CHECK_FALSE(r.ok);
        REQUIRE(r.diagnostics.size() == 1);  // a refused file is not validated further
        CHECK(r.diagnostics[0].line == 4);
        CHECK(r.diagnostics[0].column == 10);
        CHECK(r.diagnostics[0].row == 3);  // the record of lines 2-3 is one row
        CHECK(r.diagnostics[0].field == 3);
        CHECK(r.diagnostics[0].pointer == "/touchpoints/1/ux/sus");
    }
    SUBCASE("a value out of the metric's range is left out with a warning, as from JSON") {
        LoadResult r = import_csv("id,name,stage,seq\na,A,s,9\n");
        REQUIRE(r.ok);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].severity == Severity::Warning);
        CHECK(r.diagnostics[0].message == "\"seq\" is 9, outside the range from 1 to 7; the reading is left out (not clamped)");
        CHECK(r.diagnostics[0].pointer == "/touchpoints/0/ux/seq");
        CHECK(r.diagnostics[0].line == 2);
        CHECK(r.diagnostics[0].column == 7);
        CHECK(r.diagnostics[0].row == 2);
        CHECK(r.diagnostics[0].field == 4);
        CHECK_FALSE(r.journey.touchpoints[0].sets[0].get(Metric::Seq).has_value());
    }
    SUBCASE("a quote that never closes") {
        LoadResult r = import_csv("id,name\na,\"open\n");
        CHECK_FALSE(r.ok);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].line == 2);
        CHECK(r.diagnostics[0].column == 3);
    }
    SUBCASE("a duplicate id is renamed with a warning, as from JSON") {
        LoadResult r = import_csv("id,name,stage\na,A,s\na,B,s\n");
        REQUIRE(r.ok);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].message == "touchpoint id \"a\" is used twice; this one is renamed \"a-2\"");
        CHECK(r.diagnostics[0].line == 3);
        CHECK(r.diagnostics[0].row == 3);
        CHECK(r.diagnostics[0].field == 1);
        CHECK(r.journey.touchpoints[1].id == "a-2");
    }
    SUBCASE("no id or name column") {
        LoadResult r = import_csv("sus,seq\n70,5\n");
        CHECK_FALSE(r.ok);
    }
}

TEST_CASE("ranking CSV: the rows given, in the order given, with their rank and scores") {
    LoadResult r = load_journey(R"j({"title": "T", "stages": [{"id": "s1", "name": "Buy"}, {"id": "s2"}],
        "channels": [{"id": "w", "name": "Web"}],
        "touchpoints": [
          {"id": "a", "name": "=cmd()", "stage": "s1", "channel": "w", "ux": {"sus": 90}, "cx": {"csat": 90}},
          {"id": "b", "name": "Broken", "stage": "s2", "channel": "w", "ux": {"sus": 20}, "cx": {"csat": 30}},
          {"id": "c", "name": "Meh", "stage": "s1", "channel": "w", "ux": {"sus": 50}, "cx": {"csat": 70}}]})j");
    REQUIRE(r.ok);
    Analysis a = analyse(r.journey);
    // Priority order: b (shortfall 40), c (10), a (0). The table shows c then a (filtered
    // to stage Buy, sorted by name descending, say): the CSV has those two, in that order.
    std::string csv = export_ranking_csv(r.journey, a, {2, 0});
    CHECK(csv == "rank,id,name,stage,channel,ux_score,cx_score,gap,priority,ux_n,cx_n,insufficient,quadrant,"
                 "importance,importance_low,importance_high\r\n"
                 "2,c,Meh,Buy,Web,50,70,-20,10,,,false,poor-ux-good-cx,,,\r\n"
                 "3,a,'=cmd(),Buy,Web,90,90,0,0,,,false,good-ux-good-cx,,,\r\n");
    // A stage without a name is shown by its id.
    CHECK(export_ranking_csv(r.journey, a, {1}).find("1,b,Broken,s2,Web,") != std::string::npos);
}

TEST_CASE("ranking CSV: importance as % of R² with its interval when the journey has drivers") {
    LoadResult r = load_journey(R"j({"title": "T", "stages": [{"id": "s1"}], "channels": [{"id": "w"}],
        "touchpoints": [
          {"id": "a", "stage": "s1", "channel": "w", "cx": {"csat": 40}},
          {"id": "b", "stage": "s1", "channel": "w", "cx": {"csat": 50}}],
        "drivers": {"outcome": "overall", "method": "shapley", "n": 100, "r2": 0.5,
          "touchpoints": {"a": {"r": 0.6, "importance": 0.3, "share": 60, "sign": 1, "low": 0.2, "high": 0.4, "n": 100}}}})j");
    REQUIRE(r.ok);
    Analysis a = analyse(r.journey);
    // a: 20 short x importance 60 / 50 (two drivers... one in the block: average share 100) = 0.6 -> 12;
    // b: not in the block, average -> 10.
    const std::string csv = export_ranking_csv(r.journey, a, {0, 1});
    CHECK(csv.find("1,a,a,s1,w,,40,,12,,,false,cx-only,60,40,80\r\n") != std::string::npos);
    CHECK(csv.find("2,b,b,s1,w,,50,,10,,,false,cx-only,,,\r\n") != std::string::npos);
}
