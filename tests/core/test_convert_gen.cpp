// test_convert_gen.cpp: the benchmark generator (bench/gen_journey.h) makes the journeys it
// promises: deterministic, valid, online and offline, the stated metric mix, Mermaid alike.
#include <doctest/doctest.h>

#include "../../bench/gen_journey.h"
#include "core/load.h"

using namespace uxcx;

TEST_CASE("generator: same seed, same bytes; another seed, another journey") {
    std::string a = save_journey_json(bench::generate_journey(300, 8, 7));
    std::string b = save_journey_json(bench::generate_journey(300, 8, 7));
    std::string c = save_journey_json(bench::generate_journey(300, 8, 8));
    CHECK(a == b);
    CHECK(a != c);
    // The first draws of PCG32 are fixed by its definition: pcg32 seeded with 42 on stream 54
    // starts 0xa15c02b7 (pcg-random.org's reference output).
    bench::Pcg32 rng(42, 54);
    CHECK(rng.next() == 0xa15c02b7u);
}

TEST_CASE("generator: a valid journey with the stated metric mix") {
    Journey g = bench::generate_journey(2000, 8, 1);
    LoadResult r = load_journey(bench::minify_json(save_journey_json(g)));
    for (const Diagnostic& d : r.diagnostics) MESSAGE(d.pointer << ": " << d.message);
    REQUIRE(r.ok);
    CHECK(r.diagnostics.empty());
    const Journey& j = r.journey;
    REQUIRE(j.touchpoints.size() == 2000);
    CHECK(j.stages.size() == 8);
    CHECK(j.stages[0].id == "awareness");
    CHECK(j.stages[7].id == "advocacy");
    REQUIRE(j.channels.size() == 6);
    int offline = 0, countsNps = 0, withText = 0;
    for (const Channel& c : j.channels) offline += !c.digital;
    CHECK(offline == 3);
    for (const Touchpoint& t : j.touchpoints) {
        REQUIRE(t.channel >= 0);
        const Measurement& m = t.sets[0];
        int ux = 0, cx = 0;
        for (int k = 0; k < kMetricCount; k++)
            if (m.metrics[k]) (is_ux_metric((Metric)k) ? ux : cx)++;
        if (j.channels[t.channel].digital) {
            CHECK(ux >= 2);
            CHECK(ux <= 4);
        } else {
            CHECK(ux == 0);  // offline: CX only
        }
        CHECK(cx >= 1);
        CHECK(cx <= 3);
        CHECK(t.volume.has_value());
        if (m.get(Metric::Nps) && !m.get(Metric::Nps)->counts.empty()) countsNps++;
        if (!t.painPoints.empty() || !t.quotes.empty()) withText++;
    }
    CHECK(countsNps > 0);
    CHECK(withText > 0);
    // Stages follow the journey: the first touchpoint is in awareness, the last in advocacy.
    CHECK(j.touchpoints.front().stage == 0);
    CHECK(j.touchpoints.back().stage == 7);
}

TEST_CASE("generator: the Mermaid text is the same journey") {
    Journey g = bench::generate_journey(500, 5, 3);
    LoadResult m = import_mermaid(export_mermaid(g));
    REQUIRE(m.ok);
    REQUIRE(m.journey.touchpoints.size() == 500);
    CHECK(m.journey.stages.size() == 5);
    // Touchpoints are written in stage order, which is file order here, so they line up.
    for (size_t i = 0; i < 500; i++) {
        CHECK(m.journey.touchpoints[i].name == g.touchpoints[i].name);
        CHECK(*m.journey.touchpoints[i].sets[0].emotion == *g.touchpoints[i].sets[0].emotion);
        CHECK(m.journey.touchpoints[i].stage == g.touchpoints[i].stage);
    }
}
