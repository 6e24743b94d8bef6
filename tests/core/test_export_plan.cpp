// test_export_plan.cpp: the whole-map export's page: sizes of the presets, the limits, and the
// map cut into bands of whole stages at the largest scale the page allows.
#include <doctest/doctest.h>

#include <set>

#include "../../bench/gen_journey.h"
#include "core/export_plan.h"
#include "core/layout.h"

using namespace uxcx;
using uxcx::bench::generate_journey;

TEST_CASE("export pages: slides by width, paper landscape by dpi, with their PDF sizes") {
    ExportPage p;
    REQUIRE(export_page("slide", 1920, 0, p).empty());
    CHECK(p.width_px == 1920);
    CHECK(p.height_px == 1080);
    CHECK(p.width_pt == 960);
    CHECK(p.height_pt == 540);
    CHECK(p.dpi == doctest::Approx(144));
    REQUIRE(export_page("slide", 3840, 0, p).empty());
    CHECK(p.height_px == 2160);
    REQUIRE(export_page("a3", 0, 300, p).empty());
    CHECK(p.width_px == 4961);  // 420 x 297 mm at 300 dpi
    CHECK(p.height_px == 3508);
    CHECK(p.width_pt == doctest::Approx(1190.55).epsilon(0.001));
    CHECK(p.height_pt == doctest::Approx(841.89).epsilon(0.001));
    REQUIRE(export_page("a4", 0, 150, p).empty());
    CHECK(p.width_px == 1754);
    CHECK(p.height_px == 1240);
}

TEST_CASE("export pages: what is refused says why") {
    ExportPage p;
    CHECK(export_page("letter", 0, 150, p).find("\"slide\", \"a4\" or \"a3\"") != std::string::npos);
    CHECK(export_page("a4", 0, 20, p).find("72 to 600") != std::string::npos);
    CHECK(export_page("slide", 100, 0, p).find("640") != std::string::npos);
    const std::string big = export_page("a3", 0, 600, p);  // 9921 x 7016: 70 million pixels
    CHECK(big.find("9921 x 7016") != std::string::npos);
    CHECK(big.find("lower resolution") != std::string::npos);
}

TEST_CASE("export plan: a 40-stage journey in bands of whole stages, every stage once, in order") {
    const Journey j = generate_journey(120, 40, 7);
    const MapLayout l = layout_map(j);
    ExportPage page;
    REQUIRE(export_page("a3", 0, 300, page).empty());
    const ExportPlan plan = plan_export(l, page);
    REQUIRE(plan.bands.size() > 1);  // one row of 40 stages would be unreadably small
    int next = 0;
    for (const ExportBand& b : plan.bands) {
        CHECK(b.first == next);
        CHECK(b.end > b.first);
        next = b.end;
        // Inside the map area, which is inside the page, clear of title and legend.
        CHECK(b.rect.x >= plan.map.x - 0.5f);
        CHECK(b.rect.right() <= plan.map.right() + 0.5f);
        CHECK(b.rect.y >= plan.title.bottom());
        CHECK(b.rect.bottom() <= plan.legend.y + 0.5f);
        CHECK(b.rect.h == doctest::Approx((l.height + kHeaderH * (plan.text_px / plan.em - 1)) * plan.em));
    }
    CHECK(next == (int)l.columns.size());
    // Compact cards: full ones would carry text under 6 pt; theirs is larger than the scale.
    CHECK_FALSE(plan.full);
    CHECK(plan.text_px == doctest::Approx(plan.em * kCompactText));
    const float t = kCompactText;
    // The best split: no other number of bands gives a larger scale.
    for (size_t k = 1; k <= l.columns.size(); k++) {
        const int per = (int)((l.columns.size() + k - 1) / k);
        const int n = ((int)l.columns.size() + per - 1) / per;
        float widest = 0;
        for (int f = 0; f < (int)l.columns.size(); f += per) {
            const int last = std::min((int)l.columns.size(), f + per) - 1;
            widest = std::max(widest, l.columns[(size_t)last].right() - l.columns[(size_t)f].x);
        }
        const float em = std::min(plan.map.w / (kLaneLabelW * t + widest), plan.map.h / (n * (l.height + kHeaderH * (t - 1)) + (n - 1) * 1.5f));
        CHECK(em <= plan.em * 1.001f);
    }
    CHECK(plan.text_pt == doctest::Approx(plan.text_px / 300 * 72));
    CHECK(plan.legible);  // 6 pt or more on A3 at 300 dpi
    CHECK(plan.legible == (plan.text_pt >= kLegiblePt));
}

TEST_CASE("export plan: a small journey is one band, larger than on a slide of the same page") {
    const Journey j = generate_journey(12, 4, 1);
    const MapLayout l = layout_map(j);
    ExportPage slide, big;
    REQUIRE(export_page("slide", 1920, 0, slide).empty());
    REQUIRE(export_page("slide", 3840, 0, big).empty());
    const ExportPlan a = plan_export(l, slide), b = plan_export(l, big);
    CHECK(a.bands.size() == 1);
    CHECK(a.legible);
    CHECK(a.full);  // few stages: the cards as the view draws them
    CHECK(b.em == doctest::Approx(a.em * 2).epsilon(0.01));
    CHECK(b.text_pt == doctest::Approx(a.text_pt).epsilon(0.01));  // same page, twice the pixels
}

TEST_CASE("export plan: a journey with no stages still has a page") {
    Journey j;
    j.title = "Empty";
    const MapLayout l = layout_map(j);
    ExportPage page;
    REQUIRE(export_page("a4", 0, 150, page).empty());
    const ExportPlan plan = plan_export(l, page);
    REQUIRE(plan.bands.size() == 1);
    CHECK(plan.bands[0].first == 0);
    CHECK(plan.bands[0].end == 0);
    CHECK(plan.em > 0);
}
