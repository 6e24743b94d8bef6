// test_survey.cpp: raw answers -> journey readings. Every figure is worked by hand in the comments
// from the small CSV files written here (N/A codes, blanks, text in number columns, BOM, CRLF,
// semicolons, quoted fields, trailing spaces in headers, weights and Kish's effective n).
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "core/convert.h"
#include "core/csv_stream.h"
#include "core/load.h"
#include "core/survey.h"

using namespace uxcx;

namespace {

SurveyMapping mapping_of(const std::string& json) {
    SurveyMappingResult m = load_survey_mapping(json);
    for (auto& d : m.diagnostics) MESSAGE(d.line << ":" << d.column << " " << d.pointer << " " << d.message);
    REQUIRE(m.ok);
    return m.mapping;
}

const Reading& reading(const SurveyResult& r, const char* tp, Metric m, size_t set = 0) {
    for (const Touchpoint& t : r.journey.touchpoints)
        if (t.id == tp) {
            REQUIRE(set < t.sets.size());
            REQUIRE(t.sets[set].get(m).has_value());
            return *t.sets[set].get(m);
        }
    FAIL("no touchpoint " << tp);
    static Reading none;
    return none;
}

bool has_diag(const std::vector<Diagnostic>& ds, const std::string& part, int line = -1, int column = -1) {
    for (auto& d : ds)
        if (d.message.find(part) != std::string::npos && (line < 0 || d.line == line) && (column < 0 || d.column == column))
            return true;
    return false;
}

const char* kShop = R"({
  "title": "Shop survey", "na": [99, "N/A"],
  "stages": [{"id": "buy", "name": "Buy"}],
  "channels": [{"id": "web", "name": "Web", "digital": true}, {"id": "store", "name": "Store", "digital": false}],
  "touchpoints": [
    {"id": "checkout", "name": "Checkout", "stage": "buy", "channel": "web",
     "cx": {"csat": {"column": "sat"}, "nps": {"column": "rec", "na": [11]}},
     "ux": {"seq": {"column": "ease", "scale": [1, 5]}}},
    {"id": "till", "name": "Till", "stage": "buy", "channel": "store", "cx": {"ces": {"column": "effort"}}}
  ]
})";

// BOM, CRLF, semicolons, quoted fields holding the delimiter and doubled quotes, header spaces.
const char* kShopCsv =
    "\xEF\xBB\xBF\"sat \";rec;ease  ;effort;comment\r\n"
    "5;10;5;2;\"fine; thanks\"\r\n"
    "4;9;4;;\"said \"\"ok\"\"\"\r\n"
    "2;0;1;7;\r\n"
    "N/A;11;99;abc;x\r\n"
    "3;7;3;3;y\r\n";

}  // namespace

TEST_CASE("survey: NPS counts, top-2-box, rescaled SEQ and CES worked by hand") {
    SurveyResult r = aggregate_survey(mapping_of(kShop), kShopCsv);
    REQUIRE(r.ok);
    CHECK(r.stats.rows == 5);
    CHECK(r.stats.delimiter == ';');
    CHECK(r.journey.title == "Shop survey");
    REQUIRE(r.journey.sets.size() == 1);
    CHECK(r.journey.sets[0].id == "all");

    // sat: 5, 4, 2, N/A, 3 -> answers 1..5 counted [0, 1, 1, 1, 1]; top-2-box 2 of 4 = 50 %.
    const Reading& csat = reading(r, "checkout", Metric::Csat);
    CHECK(csat.counts == std::vector<double>{0, 1, 1, 1, 1});
    CHECK(csat.value == doctest::Approx(50));
    CHECK(*csat.n == 4);
    CHECK_FALSE(csat.unweightedN.has_value());

    // rec, own N/A list [11] (so the global 99 is an answer code no more): 10, 9, 0, 11, 7 ->
    // promoters 2, passives 1, detractors 1; NPS = 100 (2 - 1) / 4 = 25.
    const Reading& nps = reading(r, "checkout", Metric::Nps);
    CHECK(nps.counts == std::vector<double>{2, 1, 1});
    CHECK(nps.value == doctest::Approx(25));

    // ease 1-5 rescaled 1 + (x - 1) 1.5: 5, 4, 1, 99 (N/A), 3 -> 7, 5.5, 1, 4: mean 4.375,
    // squared deviations 6.890625 + 1.265625 + 11.390625 + 0.140625 = 19.6875, / 3 -> sd 2.5617.
    const Reading& seq = reading(r, "checkout", Metric::Seq);
    CHECK(seq.value == doctest::Approx(4.375));
    CHECK(*seq.sd == doctest::Approx(std::sqrt(6.5625)));
    CHECK(*seq.n == 4);

    // effort: 2, blank, 7, "abc" (invalid), 3 -> mean 4, sd sqrt(14 / 2).
    const Reading& ces = reading(r, "till", Metric::Ces);
    CHECK(ces.value == doctest::Approx(4));
    CHECK(*ces.sd == doctest::Approx(std::sqrt(7.0)));
    CHECK(*ces.n == 3);

    // The invalid cell is reported with its row, column name, line and character column.
    CHECK(r.stats.invalidCells == 1);
    CHECK(has_diag(r.diagnostics, "row 5, column `effort`: \"abc\" is neither an answer from 1 to 7", 5, 11));
    CHECK(r.stats.blankCells == 1);

    // Emotion follows the main (first) reading, csat: mean answer 3.5 on 1..5 -> +0.5.
    CHECK(*r.journey.touchpoints[0].sets[0].emotion == doctest::Approx(0.5));
}

TEST_CASE("survey: the same answers fed in one-byte chunks give the same journey") {
    SurveyMapping m = mapping_of(kShop);
    SurveyAggregator agg(m);
    std::string csv = kShopCsv;
    for (char c : csv) REQUIRE(agg.feed(std::string_view(&c, 1)));
    SurveyResult a = agg.finish();
    SurveyResult b = aggregate_survey(m, csv);
    REQUIRE(a.ok);
    CHECK(save_journey_json(a.journey) == save_journey_json(b.journey));
    CHECK(a.diagnostics.size() == b.diagnostics.size());
}

TEST_CASE("survey: weights give weighted shares and means on Kish's effective n") {
    SurveyMapping m = mapping_of(R"({"title": "W", "weight": "w ", "na": ["N/A"],
      "stages": [{"id": "s", "name": "S"}], "channels": [{"id": "c", "name": "C"}],
      "touchpoints": [{"id": "t", "name": "T", "stage": "s", "channel": "c",
        "cx": {"csat": {"column": "sat"}, "ces": {"column": "e"}}}]})");
    // Weights 1, 1, 2 on answered rows; -1 is not a weight (row skipped); 0.5 on an N/A row.
    SurveyResult r = aggregate_survey(m,
                                      "w,sat,e\n"
                                      "1,5,7\n"
                                      "1,4,5\n"
                                      "2,1,1\n"
                                      "0.5,N/A,\n"
                                      "-1,5,7\n");
    REQUIRE(r.ok);
    CHECK(r.stats.rowsSkipped == 1);
    CHECK(has_diag(r.diagnostics, "row 6, column `w`: \"-1\" is neither a weight"));
    // Σw = 4, Σw² = 6, Kish n = 16 / 6 = 2.667. Weighted top-2-box: (1 + 1) / 4 = 50 %.
    const double neff = 16.0 / 6.0;
    const Reading& csat = reading(r, "t", Metric::Csat);
    CHECK(csat.value == doctest::Approx(50));
    CHECK(*csat.n == doctest::Approx(neff));
    CHECK(*csat.unweightedN == 3);
    // Counts are the weighted shares of the effective n: 1 answered 1 with weight 2 -> 2/4 of n.
    REQUIRE(csat.counts.size() == 5);
    CHECK(csat.counts[0] == doctest::Approx(0.5 * neff));
    CHECK(csat.counts[3] == doctest::Approx(0.25 * neff));
    CHECK(csat.counts[4] == doctest::Approx(0.25 * neff));
    // e: weighted mean (7 + 5 + 2·1) / 4 = 3.5; Σw·y²/Σw = 76 / 4 = 19; 19 - 3.5² = 6.75,
    // times n/(n - 1) = 1.6 -> variance 10.8.
    const Reading& ces = reading(r, "t", Metric::Ces);
    CHECK(ces.value == doctest::Approx(3.5));
    CHECK(*ces.sd == doctest::Approx(std::sqrt(10.8)));
    CHECK(*ces.n == doctest::Approx(neff));
}

TEST_CASE("survey: segments, one set per answer of each column, labels merge answers") {
    const char* map = R"({"title": "Seg", "segments": [
        {"column": "trip", "labels": {"1": "Business", "2": "Leisure"}},
        {"column": "class", "labels": {"Eco": "Economy", "Eco Plus": "Economy", "Business": "Business class"}}],
      "stages": [{"id": "s", "name": "S"}], "channels": [{"id": "c", "name": "C"}],
      "touchpoints": [{"id": "t", "name": "T", "stage": "s", "channel": "c", "cx": {"nps": {"column": "rec"}}}]})";
    const char* csv =
        "trip,class,rec\n"
        "1,Eco,10\n"
        "1,Business,9\n"
        "2,Eco Plus,0\n"
        "2,Eco,8\n"
        "3,Eco,10\n";  // trip 3 has no label: All and its class only
    SurveyResult r = aggregate_survey(mapping_of(map), csv);
    REQUIRE(r.ok);
    REQUIRE(r.journey.sets.size() == 5);
    CHECK(r.journey.sets[1].name == "Business");
    CHECK(r.journey.sets[2].name == "Leisure");
    CHECK(r.journey.sets[3].name == "Economy");
    CHECK(r.journey.sets[4].name == "Business class");
    CHECK(r.journey.sets[4].id == "business-class");
    CHECK(reading(r, "t", Metric::Nps, 0).counts == std::vector<double>{3, 1, 1});
    CHECK(reading(r, "t", Metric::Nps, 1).counts == std::vector<double>{2, 0, 0});  // Business: 10, 9
    CHECK(reading(r, "t", Metric::Nps, 2).counts == std::vector<double>{0, 1, 1});  // Leisure: 0, 8
    CHECK(reading(r, "t", Metric::Nps, 3).counts == std::vector<double>{2, 1, 1});  // Economy: 10, 0, 8, 10
    CHECK(reading(r, "t", Metric::Nps, 3).value == doctest::Approx(100.0 * (2 - 1) / 4));
    CHECK(r.stats.unsegmented == 1);

    // "cross": one set per combination.
    std::string cross = map;
    cross.insert(1, "\"segmentSets\": \"cross\", ");
    SurveyResult c = aggregate_survey(mapping_of(cross), csv);
    REQUIRE(c.ok);
    std::vector<std::string> names;
    for (auto& s : c.journey.sets) names.push_back(s.name);
    CHECK(names == std::vector<std::string>{"All respondents", "Business · Economy", "Business · Business class",
                                            "Leisure · Economy"});
    CHECK(reading(c, "t", Metric::Nps, 3).counts == std::vector<double>{0, 1, 1});
}

TEST_CASE("survey: SUS, UMUX-Lite, task success and time on task scored per respondent") {
    SurveyMapping m = mapping_of(R"({"title": "UX",
      "stages": [{"id": "s", "name": "S"}], "channels": [{"id": "c", "name": "C"}],
      "touchpoints": [{"id": "t", "name": "T", "stage": "s", "channel": "c",
        "ux": {"sus": {"columns": ["s1","s2","s3","s4","s5","s6","s7","s8","s9","s10"]},
               "umuxLite": {"columns": ["u1", "u2"]},
               "taskSuccess": {"column": "done"}, "timeOnTask": {"column": "secs"}}}]})");
    SurveyResult r = aggregate_survey(m,
                                      "s1,s2,s3,s4,s5,s6,s7,s8,s9,s10,u1,u2,done,secs\n"
                                      "5,1,5,1,5,1,5,1,5,1,7,7,1,10\n"   // SUS 100, UMUX-Lite 100
                                      "3,3,3,3,3,3,3,3,3,3,4,4,0,40\n"   // SUS 50, UMUX-Lite 50
                                      "3,3,3,,3,3,3,3,3,3,4,,1,0\n");    // incomplete; 0 s is no time
    REQUIRE(r.ok);
    CHECK(reading(r, "t", Metric::Sus).value == doctest::Approx(75));
    CHECK(*reading(r, "t", Metric::Sus).n == 2);
    CHECK(reading(r, "t", Metric::UmuxLite).value == doctest::Approx(75));
    CHECK(reading(r, "t", Metric::TaskSuccess).counts == std::vector<double>{2, 3});
    // Geometric mean of 10 and 40 s is 20 s; SD of ln(s): |ln 10 - ln 40| / sqrt 2.
    const Reading& t = reading(r, "t", Metric::TimeOnTask);
    CHECK(t.value == doctest::Approx(20));
    CHECK(*t.sd == doctest::Approx(std::log(4.0) / std::sqrt(2.0)));
    CHECK(r.stats.incomplete == 2);
    CHECK(has_diag(r.diagnostics, "column `secs`: \"0\" is neither a time in seconds"));
}

TEST_CASE("survey: Qualtrics' three header rows; columns found by question text too") {
    SurveyMapping m = mapping_of(R"({"title": "Q",
      "stages": [{"id": "s", "name": "S"}], "channels": [{"id": "c", "name": "C"}],
      "touchpoints": [{"id": "t", "name": "T", "stage": "s", "channel": "c",
        "cx": {"nps": {"column": "Q1"}, "csat": {"column": "How satisfied were you?"}}}]})");
    SurveyResult r = aggregate_survey(m,
                                      "ResponseId,Q1,Q2\n"
                                      "Response ID,How likely are you to recommend us?,How satisfied were you?\n"
                                      "{\"ImportId\":\"_recordId\"},{\"ImportId\":\"QID1\"},{\"ImportId\":\"QID2\"}\n"
                                      "R_1,10,5\n"
                                      "R_2,3,4\n");
    REQUIRE(r.ok);
    CHECK(r.stats.qualtrics);
    CHECK(r.stats.rows == 2);
    CHECK(r.stats.invalidCells == 0);
    CHECK(reading(r, "t", Metric::Nps).counts == std::vector<double>{1, 0, 1});
    CHECK(reading(r, "t", Metric::Csat).counts == std::vector<double>{0, 0, 0, 1, 1});
}

TEST_CASE("survey: key drivers from the same pass, pairwise-complete, stored as the drivers block") {
    SurveyMapping m = mapping_of(R"({"title": "D", "outcome": {"column": "overall", "codes": {"yes": 1, "no": 0}},
      "stages": [{"id": "s", "name": "S"}], "channels": [{"id": "c", "name": "C"}],
      "touchpoints": [
        {"id": "a", "name": "A", "stage": "s", "channel": "c", "cx": {"csat": {"column": "x"}, "nps": {"column": "z"}}},
        {"id": "b", "name": "B", "stage": "s", "channel": "c", "cx": {"csat": {"column": "y"}}}]})");
    const char* csv =
        "x,y,z,overall\n"
        "1,2,0,no\n"
        "2,1,0,no\n"
        "3,3,0,yes\n"
        "4,5,0,yes\n"
        "5,4,0,yes\n"
        ",3,0,no\n"
        "5,5,0,\n";  // no outcome: not in the driver sums
    SurveyResult r = aggregate_survey(m, csv);
    REQUIRE(r.ok);
    const SurveyDrivers& d = r.drivers;
    CHECK(d.touchpoints == std::vector<std::string>{"a", "b"});  // a's main reading is its first, csat
    CHECK(d.pairwise.at(0, 1).n == 5);  // outcome and x
    CHECK(d.pairwise.at(0, 2).n == 6);  // outcome and y
    CHECK(d.listwise.at(0, 2).n == 5);
    REQUIRE(r.journey.drivers.has_value());
    const DriversBlock& b = *r.journey.drivers;
    CHECK(b.outcome == "overall");
    REQUIRE(b.touchpoints.size() == 2);
    // x = 1..5 against 0, 0, 1, 1, 1: r = 3 / sqrt(10 × 1.2) = 0.866.
    CHECK(b.touchpoints[0].touchpoint == "a");
    CHECK(b.touchpoints[0].r == doctest::Approx(3 / std::sqrt(12.0)));
    // y = 2, 1, 3, 5, 4, 3 against 0, 0, 1, 1, 1, 0 (pairwise: six rows): r = 3 / sqrt(10 × 1.5).
    CHECK(b.touchpoints[1].r == doctest::Approx(3 / std::sqrt(15.0)));
    CHECK(b.touchpoints[0].importance + b.touchpoints[1].importance == doctest::Approx(b.r2));
    CHECK(b.touchpoints[0].share + b.touchpoints[1].share == doctest::Approx(100));

    // A bootstrap keeps the driver values for resampling and gives intervals, the same each run.
    SurveyOptions o;
    o.drivers.bootstrap = 50;
    o.drivers.seed = 7;
    SurveyResult x = aggregate_survey(m, csv, o), y = aggregate_survey(m, csv, o);
    REQUIRE(x.journey.drivers);
    REQUIRE(x.journey.drivers->touchpoints[0].low);
    CHECK(*x.journey.drivers->touchpoints[0].low == *y.journey.drivers->touchpoints[0].low);
    CHECK(x.journey.drivers->touchpoints[0].r == doctest::Approx(3 / std::sqrt(12.0)));
}

TEST_CASE("survey mapping: errors and warnings carry pointer, line and column") {
    SurveyMappingResult r = load_survey_mapping(R"({
  "title": "Bad",
  "segmnets": [],
  "stages": [{"id": "s", "name": "S"}], "channels": [{"id": "c", "name": "C"}],
  "touchpoints": [{"id": "t", "name": "T", "stage": "s", "channel": "c",
    "cx": {"nps": {"column": "rec", "scale": [1, 5]},
           "csat": {"colum": "sat"}}}]
})");
    CHECK_FALSE(r.ok);
    auto find = [&](const std::string& part) -> const Diagnostic* {
        for (auto& d : r.diagnostics)
            if (d.message.find(part) != std::string::npos) return &d;
        return nullptr;
    };
    const Diagnostic* seg = find("did you mean \"segments\"");
    REQUIRE(seg);
    CHECK(seg->severity == Severity::Warning);
    CHECK(seg->line == 3);
    const Diagnostic* scale = find("the scale of a \"nps\" reading is [0, 10]");
    REQUIRE(scale);
    CHECK(scale->pointer == "/touchpoints/0/cx/nps/scale");
    CHECK(scale->line == 6);
    CHECK(scale->column == 46);
    const Diagnostic* col = find("names no \"column\"");
    REQUIRE(col);
    CHECK(col->pointer == "/touchpoints/0/cx/csat");
    CHECK(col->line == 7);
    CHECK(find("did you mean \"column\""));

    // A journey-level mistake is reported by the journey loader, at the mapping's own position.
    SurveyMappingResult j = load_survey_mapping(R"({"title": "J", "stages": [{"id": "s", "name": "S"}],
  "channels": [{"id": "c", "name": "C"}],
  "touchpoints": [{"id": "t", "name": "T", "stage": "s", "channel": "c", "cx": {"csat": {"column": "a"}}, "emotion": 9}]})");
    bool located = false;
    for (auto& d : j.diagnostics)
        if (d.pointer == "/touchpoints/0/emotion" && d.line == 3 && d.column == 118) located = true;
    CHECK(located);
}

TEST_CASE("survey: a mapped column missing from the CSV is an error with a suggestion") {
    SurveyMapping m = mapping_of(kShop);
    SurveyResult r = aggregate_survey(m, "sat,recc,ease,effort\n5,10,5,2\n");
    CHECK_FALSE(r.ok);
    CHECK(has_diag(r.diagnostics, "the CSV has no column `rec` (the mapping's reading at /touchpoints/0/cx/nps/column); did you mean `recc`?"));
    // An unclosed quote is located where the field starts.
    SurveyResult q = aggregate_survey(m, "sat,rec,ease,effort\n5,10,5,2\n4,\"9,4,3\n");
    CHECK_FALSE(q.ok);
    CHECK(has_diag(q.diagnostics, "quoted field is never closed", 3, 3));
}

TEST_CASE("csv stream: delimiter sniffing, CR line ends, a last record without a line break") {
    std::vector<std::vector<std::string>> rows;
    std::vector<int> lines;
    CsvStream s([&](const CsvRecord& r) {
        rows.emplace_back(r.fields.begin(), r.fields.end());
        lines.push_back(r.line);
        return true;
    });
    REQUIRE(s.feed("a\tb\rc\t\"d\r\ne\"\r\n\r\nf\tg"));
    REQUIRE(s.finish());
    CHECK(s.delimiter() == '\t');
    REQUIRE(rows.size() == 3);
    CHECK(rows[1] == std::vector<std::string>{"c", "d\r\ne"});
    CHECK(rows[2] == std::vector<std::string>{"f", "g"});
    CHECK(lines == std::vector<int>{1, 2, 5});
}

namespace {
std::string read_all(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}
}  // namespace

// The airline sample is built by `uxcx survey` through the committed mapping. The raw answers are
// not shipped: when they are next to the repository, rebuild the sample and compare.
TEST_CASE("survey: the committed airline mapping loads; with the raw answers it rebuilds the sample") {
    SurveyMapping m = mapping_of(read_all(std::string(UXCX_SOURCE_DIR) + "/assets/survey/airline.mapping.json"));
    CHECK(m.readings.size() == 14);
    CHECK(m.segments.size() == 3);
    REQUIRE(m.outcome);
    std::ifstream raw(std::string(UXCX_SHARED_DIR) + "/data/airline/airline_passenger_satisfaction_kaggle_test_25976.csv",
                      std::ios::binary);
    if (!raw) {
        MESSAGE("raw airline survey not found; skipping the rebuild");
        return;
    }
#ifdef UXCX_SANITIZED
    // 16,384 Shapley subsets for each of 201 samples: 3 s optimised, 80-100 s under ASan+UBSan at
    // -O1, a ninth of CI's 15 minutes. What it checks is the data, not memory: the optimised build
    // (scripts/test --quick) runs it; the sanitizers see Shapley and the bootstrap in test_drivers.
    MESSAGE("sanitizer build: the rebuild runs in the optimised suites");
    return;
#endif
    SurveyOptions o;
    o.drivers.bootstrap = 200;
    o.drivers.seed = 1;
    SurveyAggregator agg(m, o);
    std::vector<char> chunk(1 << 16);
    while (raw.read(chunk.data(), chunk.size()) || raw.gcount() > 0) agg.feed(std::string_view(chunk.data(), raw.gcount()));
    SurveyResult r = agg.finish();
    REQUIRE(r.ok);
    CHECK(r.stats.rows == 25976);
    CHECK(r.stats.invalidCells == 0);
    LoadResult sample = load_journey_json(read_all(std::string(UXCX_SOURCE_DIR) + "/assets/samples/airline.json"));
    REQUIRE(sample.ok);
    CHECK(save_journey_json(r.journey) == save_journey_json(sample.journey));
}

TEST_CASE("survey: weighted readings and 1-7 CSAT survive save and load (weighted: {n}, fractional counts)") {
    SurveyMapping m = mapping_of(R"({"title": "W", "weight": "w",
      "stages": [{"id": "s", "name": "S"}], "channels": [{"id": "c", "name": "C"}],
      "touchpoints": [{"id": "t", "name": "T", "stage": "s", "channel": "c",
        "cx": {"csat": {"column": "sat", "scale": [1, 7]}, "nps": {"column": "rec"}, "ces": {"column": "e"}}}]})");
    SurveyResult r = aggregate_survey(m, "w,sat,rec,e\n1,7,10,6\n1,6,9,5\n2,2,3,1\n");
    REQUIRE(r.ok);
    // 1-7 CSAT: answers 6 and 7 are the top two boxes: (1 + 1) / 4 weighted = 50 %.
    CHECK(reading(r, "t", Metric::Csat).value == doctest::Approx(50));
    CHECK(reading(r, "t", Metric::Csat).counts.size() == 7);
    std::string text = save_journey_json(r.journey);
    CHECK(text.find("\"weighted\": {") != std::string::npos);
    LoadResult back = load_journey_json(text);
    for (auto& d : back.diagnostics) MESSAGE(d.pointer << " " << d.message);
    REQUIRE(back.ok);
    CHECK(back.diagnostics.empty());
    const Touchpoint& t = back.journey.touchpoints[0];
    for (Metric x : {Metric::Csat, Metric::Nps, Metric::Ces}) {
        REQUIRE(t.sets[0].get(x));
        const Reading &a = *t.sets[0].get(x), &b = reading(r, "t", x);
        CHECK(a.value == doctest::Approx(b.value));
        CHECK(*a.n == doctest::Approx(16.0 / 6));  // Kish: 4² / 6
        CHECK(a.unweightedN == 3);
        CHECK(a.counts == b.counts);
    }
    CHECK(save_journey_json(back.journey) == text);
}
