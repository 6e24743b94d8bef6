// test_convert_robust.cpp: the importers on damaged input: truncated and mutated Mermaid, CSV and
// JSON never crash, and a failed import always says why and hands out no journey.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "core/convert.h"
#include "core/load.h"

using namespace uxcx;

namespace {

// xorshift64: a fixed sequence of damage, the same on every run.
struct Rng {
    uint64_t s = 0x9E3779B97F4A7C15ull;
    uint64_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
};

void check_result(const LoadResult& r) {
    bool errors = false;
    for (const Diagnostic& d : r.diagnostics) {
        if (d.severity == Severity::Error) errors = true;
        CHECK(d.line >= 0);
        CHECK(d.column >= 0);
    }
    CHECK(r.ok == !errors);
    if (!r.ok) CHECK(r.journey.touchpoints.empty());
    if (r.ok) {
        // Every reference an importer sets points inside the journey.
        for (const Touchpoint& t : r.journey.touchpoints) {
            CHECK(t.stage < (int)r.journey.stages.size());
            CHECK(t.channel < (int)r.journey.channels.size());
            CHECK(t.sets.size() == r.journey.sets.size());
        }
    }
}

const char* kMermaid =
    "---\ntitle: x\n---\n%% c\njourney\n  title T\n  section A#58; b\n    Make tea: 5: Me, Cat\n"
    "    Go: 3\n  section B\n    Sit: 1: Me\n";
const char* kCsv =
    "id,name,stage,channel,channel_digital,sus,nps_promoters,nps_passives,nps_detractors,pain_points\r\n"
    "a,\"Pay, now\",Buy,Web,true,72.5,10,5,25,\"x | y\"\r\nb,Call,Help,Phone,false,,,,,\"multi\nline\"\r\n";

}  // namespace

TEST_CASE("importers survive every truncation and thousands of byte mutations") {
    Rng rng;
    const char* sources[] = {kMermaid, kCsv};
    for (const char* src : sources) {
        std::string text = src;
        for (size_t cut = 0; cut <= text.size(); cut++) {
            std::string t = text.substr(0, cut);
            check_result(import_mermaid(t));
            check_result(import_csv(t));
            check_result(load_journey(t));
        }
        const char alphabet[] = ":,\"\n\r#;%-'= 0123456789journeysection\xC3\xA9\xFF";
        for (int i = 0; i < 1500; i++) {
            std::string t = text;
            int edits = 1 + (int)(rng.next() % 4);
            for (int e = 0; e < edits; e++) {
                size_t at = rng.next() % (t.size() + 1);
                char c = alphabet[rng.next() % (sizeof alphabet - 1)];
                switch (rng.next() % 3) {
                case 0: t.insert(t.begin() + (long)at, c); break;
                case 1: if (at < t.size()) t.erase(at, 1); break;
                default: if (at < t.size()) t[at] = c; break;
                }
            }
            check_result(import_mermaid(t));
            check_result(import_csv(t));
            check_result(load_journey(t));
        }
    }
}

TEST_CASE("a successful import saves to JSON that loads without errors") {
    // What an importer builds must be a journey the JSON loader accepts: ids, references, ranges.
    for (const LoadResult& r : {import_mermaid(kMermaid), import_csv(kCsv)}) {
        REQUIRE(r.ok);
        LoadResult back = load_journey_json(save_journey_json(r.journey));
        for (const Diagnostic& d : back.diagnostics)
            if (d.severity == Severity::Error) MESSAGE(d.pointer << ": " << d.message);
        CHECK(back.ok);
        CHECK(back.journey.touchpoints.size() == r.journey.touchpoints.size());
    }
}
