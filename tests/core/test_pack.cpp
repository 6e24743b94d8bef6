// test_pack.cpp: pack_load_result/unpack_load_result: what the worker loads is what the page
// shows (same canonical JSON as loading on the main thread), and a damaged pack is refused.
#include <doctest/doctest.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../../bench/gen_journey.h"
#include "core/convert.h"
#include "core/load.h"
#include "core/pack.h"

using namespace uxcx;

namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Round trip: the unpacked result saves to the same JSON, with the same verdict and diagnostics.
void check_round_trip(const LoadResult& a, const std::string& what) {
    LoadResult b;
    REQUIRE_MESSAGE(unpack_load_result(pack_load_result(a), b), what);
    CHECK_MESSAGE(b.ok == a.ok, what);
    CHECK_MESSAGE(save_journey_json(b.journey) == save_journey_json(a.journey), what);
    REQUIRE_MESSAGE(b.diagnostics.size() == a.diagnostics.size(), what);
    for (size_t i = 0; i < a.diagnostics.size(); i++) {
        CHECK(b.diagnostics[i].severity == a.diagnostics[i].severity);
        CHECK(b.diagnostics[i].message == a.diagnostics[i].message);
        CHECK(b.diagnostics[i].pointer == a.diagnostics[i].pointer);
        CHECK(b.diagnostics[i].line == a.diagnostics[i].line);
        CHECK(b.diagnostics[i].column == a.diagnostics[i].column);
    }
}

}  // namespace

TEST_CASE("pack: every bundled sample survives pack -> unpack unchanged") {
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(std::string(UXCX_SOURCE_DIR) + "/assets/samples")) {
        if (e.path().extension() != ".json" || e.path().filename() == "index.json") continue;
        LoadResult a = load_journey(slurp(e.path()));
        CHECK_MESSAGE(a.ok, e.path().string());
        check_round_trip(a, e.path().string());
        n++;
    }
    CHECK(n >= 3);  // the gallery has several samples; an empty folder would test nothing
}

TEST_CASE("pack: a refused file keeps its verdict and located errors, and warnings survive") {
    // No stages (an error at 1:1), and on line 2 ` "touchpoints": 5` a number where a list belongs:
    // the 5 is character 17 of that line. Both must keep pointer, line and column through the pack.
    LoadResult bad = load_journey("{\"title\": \"T\",\n \"touchpoints\": 5}");
    REQUIRE_FALSE(bad.ok);
    REQUIRE(bad.diagnostics.size() == 2);
    CHECK(bad.diagnostics[1].pointer == "/touchpoints");
    CHECK(bad.diagnostics[1].line == 2);
    CHECK(bad.diagnostics[1].column == 17);
    check_round_trip(bad, "refused file");
    LoadResult cut = load_journey("{\"title\": \"T\", \"touchpoints\": [");
    REQUIRE_FALSE(cut.ok);
    check_round_trip(cut, "truncated JSON");
}

TEST_CASE("pack: a generated big journey round-trips, and unpacking is far cheaper than loading") {
    const std::string json = save_journey_json(bench::generate_journey(20000, 8, 5));
    auto t0 = std::chrono::steady_clock::now();
    LoadResult a = load_journey(json);
    auto t1 = std::chrono::steady_clock::now();
    REQUIRE(a.ok);
    const std::string pack = pack_load_result(a);
    LoadResult b;
    auto t2 = std::chrono::steady_clock::now();
    REQUIRE(unpack_load_result(pack, b));
    auto t3 = std::chrono::steady_clock::now();
    CHECK(save_journey_json(b.journey) == json);
    const double load_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    const double unpack_ms = std::chrono::duration<double, std::milli>(t3 - t2).count();
    MESSAGE("20k touchpoints: load " << load_ms << " ms, unpack " << unpack_ms << " ms, pack " << pack.size()
                                     << " bytes vs JSON " << json.size());
    // The point of the worker: the main thread's share (unpack) must be a small part of loading.
    CHECK(unpack_ms < load_ms / 2);
}

TEST_CASE("pack: every truncation and a damaged header are refused without crashing") {
    LoadResult a = load_journey(slurp(std::string(UXCX_SOURCE_DIR) + "/assets/samples/laptop.json"));
    REQUIRE(a.ok);
    const std::string pack = pack_load_result(a);
    REQUIRE(pack.size() > 100);
    for (size_t len = 0; len < pack.size(); len++) {
        LoadResult b;
        CHECK_MESSAGE(!unpack_load_result(std::string_view(pack).substr(0, len), b), "truncated to " << len);
    }
    LoadResult b;
    CHECK_FALSE(unpack_load_result(pack + "x", b));  // trailing bytes: not what the writer wrote
    std::string wrong_magic = pack;
    wrong_magic[0] ^= 0x55;
    CHECK_FALSE(unpack_load_result(wrong_magic, b));
    // A count blown up to 0xFFFFFFFF at each position: refused or decoded, never a crash or a huge
    // allocation (the reader caps counts by the bytes left).
    for (size_t at = 4; at + 4 <= pack.size(); at += 7) {
        std::string bad = pack;
        std::memset(&bad[at], 0xFF, 4);
        LoadResult c;
        (void)unpack_load_result(bad, c);
    }
}

// The page unpacks a big map a slice at a time (unpack_step): any slicing gives what one go gives,
// and a damaged pack is refused whichever slice it is found in.
TEST_CASE("pack: unpacking in slices of any size is unpacking in one go") {
    LoadResult a = load_journey(save_journey_json(bench::generate_journey(300, 8, 5)));
    REQUIRE(a.ok);
    const std::string pack = pack_load_result(a);
    for (size_t slice : {size_t(1), size_t(7), size_t(299), size_t(300), size_t(100000)}) {
        CAPTURE(slice);
        Unpacking u;
        unpack_begin(u, pack);
        int steps = 1;
        while (!unpack_step(u, slice)) steps++;
        CHECK(steps == (int)((300 + slice - 1) / slice));
        CHECK(u.ok);
        CHECK(unpack_step(u, slice));  // finished stays finished
        CHECK(save_journey_json(u.result.journey) == save_journey_json(a.journey));
    }
    for (size_t len : {size_t(0), pack.size() / 3, pack.size() / 2, pack.size() - 1}) {
        CAPTURE(len);
        Unpacking u;
        unpack_begin(u, std::string_view(pack).substr(0, len));
        while (!unpack_step(u, 10)) {}
        CHECK_FALSE(u.ok);
    }
}
