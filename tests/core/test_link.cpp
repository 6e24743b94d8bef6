// test_link.cpp: download names and the view-state query that shared links carry.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/analysis.h"
#include "core/link.h"
#include "core/load.h"

using namespace uxcx;

TEST_CASE("download_name keeps readable titles and drops what file systems refuse") {
    // "Live chat: support / Q1 2026" -> spaces, ':' and '/' are gaps; each run becomes one '-'.
    CHECK(download_name("Live chat: support / Q1 2026", ".json") == "Live-chat-support-Q1-2026.json");
    // Leading and trailing punctuation leaves no dangling '-'.
    CHECK(download_name("  ..Checkout!  ", ".csv") == "Checkout.csv");
    // UTF-8 letters survive: "Café" is C a f 0xC3 0xA9.
    CHECK(download_name("Café journey", ".mmd") == "Café-journey.mmd");
    // Nothing usable left: a name is still needed.
    CHECK(download_name("///", ".json") == "journey.json");
    CHECK(download_name("", ".json") == "journey.json");
}

TEST_CASE("download_name caps at 80 bytes without cutting a UTF-8 character") {
    // 79 'a' then "é" (2 bytes) = 81 bytes: byte 80 is the continuation byte, so the cut moves to
    // 79 and the 'é' goes whole.
    std::string title(79, 'a');
    title += "\xC3\xA9";
    CHECK(download_name(title, ".json") == std::string(79, 'a') + ".json");
    CHECK(download_name(std::string(200, 'b'), "") == std::string(80, 'b'));
}

TEST_CASE("link_view_query encodes the view and the selected touchpoint") {
    CHECK(link_view_query("quadrant", "T3") == "view=quadrant&sel=T3");
    CHECK(link_view_query("map", "") == "view=map");
    // ' ' is 0x20, '&' is 0x26, '=' is 0x3D, 'é' is C3 A9: none may break the query apart.
    CHECK(link_view_query("map", "a b&c=é") == "view=map&sel=a%20b%26c%3D%C3%A9");
    CHECK(percent_encode("-_.~") == "-_.~");
}

namespace {

// Three sets, two stages (one id with a ',' and a space), two channels, three touchpoints.
Journey link_journey() {
    LoadResult r = load_journey(R"({"title": "Links",
      "sets": [{"id": "now", "name": "Now"}, {"id": "later", "name": "Later"}, {"id": "a,b", "name": "Comma"}],
      "stages": [{"id": "buy", "name": "Buy"}, {"id": "help me", "name": "Help"}],
      "channels": [{"id": "web", "name": "Web"}, {"id": "phone", "name": "Phone", "digital": false}],
      "touchpoints": [{"id": "t1", "stage": "buy", "channel": "web", "name": "Pay"},
                      {"id": "t2", "stage": "help me", "channel": "phone", "name": "Call"},
                      {"id": "t3", "name": "Loose"}]})");
    REQUIRE(r.ok);
    return r.journey;
}

}  // namespace

TEST_CASE("link_query carries the filters as ids and leaves defaults out") {
    const Journey j = link_journey();
    LinkState s;
    s.view = "ranking";
    s.selected = 1;
    s.compare_a = 0, s.compare_b = 1;  // what app_open() picks for a journey with several sets
    CHECK(link_query(j, s) == "view=ranking&sel=t2");  // default filters, default sets (0,1): nothing more
    s.filters.text = "email, -phone";                  // ' ' -> %20, ',' -> %2C
    s.filters.quadrant = (int)Quadrant::GoodUxPoorCx;
    s.filters.stage = 1;    // "help me"
    s.filters.channel = -1;  // unassigned: "-"
    s.filters.heat = HeatGap;
    s.compare_a = 2;  // "a,b": the ',' inside an id is encoded, the separator is not
    s.compare_b = 0;
    CHECK(link_query(j, s) ==
          "view=ranking&sel=t2&q=email%2C%20-phone&quad=good-ux-poor-cx&stage=help%20me&ch=-&heat=gap&sets=a%2Cb,now");
}

TEST_CASE("parse_link_query round-trips what link_query wrote") {
    const Journey j = link_journey();
    LinkState s;
    s.view = "heatmap";
    s.selected = 2;
    s.filters = {"caf\xC3\xA9 & co=1", (int)Quadrant::CxOnly, -1, 1, HeatUx};
    s.compare_a = 1, s.compare_b = 2;
    const LinkState back = parse_link_query(j, link_query(j, s), LinkState{});
    CHECK(back.view == "heatmap");
    CHECK(back.selected == 2);
    CHECK(back.filters == s.filters);
    CHECK(back.compare_a == 1);
    CHECK(back.compare_b == 2);
}

TEST_CASE("parse_link_query ignores unknown ids and keys and resets filters it is not given") {
    const Journey j = link_journey();
    LinkState base;
    base.view = "map";
    base.selected = 0;
    base.filters = {"old", 2, 0, 0, HeatGap};  // the receiver's own filters must not survive the link
    base.compare_a = 0, base.compare_b = 1;
    const LinkState s = parse_link_query(
        j, "map=https%3A%2F%2Fx&view=ranking&sel=nope&stage=nope&ch=phone&quad=great&heat=rainbow&sets=now,nope&zzz=1&novalue&=x&q",
        base);
    CHECK(s.view == "ranking");
    CHECK(s.selected == 0);                   // "nope" is no touchpoint: the selection stays
    CHECK(s.filters.stage == kAllGroups);     // unknown stage: every stage
    CHECK(s.filters.channel == 1);            // phone
    CHECK(s.filters.quadrant == -1);          // "great" is no quadrant
    CHECK(s.filters.heat == HeatCx);          // default measure
    CHECK(s.filters.text.empty());            // "q" without '=' is no value
    CHECK(s.compare_a == 0);                  // one unknown set id: both stay
    CHECK(s.compare_b == 1);
    // "+" is a space (URLSearchParams writes one), bad %-sequences stay as written.
    CHECK(parse_link_query(j, "q=live+chat%2", base).filters.text == "live chat%2");
    CHECK(parse_link_query(j, "q=%zz%41", base).filters.text == "%zzA");
    CHECK(parse_link_query(j, "stage=-", base).filters.stage == -1);
}

TEST_CASE("parse_link_query caps a hostile filter at whole characters") {
    const Journey j = link_journey();
    // 254 'a' then "é" as %C3%A9: 256 bytes; byte 255 would split the 'é', so the cut is 254.
    std::string q = "q=" + std::string(254, 'a') + "%C3%A9";
    CHECK(parse_link_query(j, q, {}).filters.text == std::string(254, 'a'));
    // A megabyte of filter text and 10,000 keys: bounded, no crash.
    std::string huge = "q=" + std::string(1 << 20, 'x');
    for (int i = 0; i < 10000; i++) huge += "&k" + std::to_string(i) + "=%";
    const LinkState s = parse_link_query(j, huge, {});
    CHECK(s.filters.text == std::string(kMaxFilterText, 'x'));
    CHECK(parse_link_query(j, "", {}).view.empty());
    CHECK(parse_link_query(j, "&&&==&", {}).view.empty());
}

TEST_CASE("the shown set and the overlaid sets travel by id; defaults are left out") {
    const Journey j = link_journey();
    const int n = (int)j.sets.size();
    REQUIRE(n >= 3);
    LinkState s;
    s.view = "ranking";
    CHECK(link_query(j, s).find("set=") == std::string::npos);  // the first set, no overlay: nothing
    s.set = 2;
    s.overlay = {0, 2};
    const std::string q = link_query(j, s);
    CHECK(q.find("&set=" + percent_encode(j.sets[2].id)) != std::string::npos);
    CHECK(q.find("&overlay=" + percent_encode(j.sets[0].id) + "," + percent_encode(j.sets[2].id)) != std::string::npos);
    const LinkState back = parse_link_query(j, q, LinkState{});
    CHECK(back.set == 2);
    CHECK(back.overlay == std::vector<int>{0, 2});

    // A link without them shows the first set and no overlay, whatever the receiver had.
    LinkState mine;
    mine.set = 1;
    mine.overlay = {1};
    const LinkState plain = parse_link_query(j, "view=map", mine);
    CHECK(plain.set == 0);
    CHECK(plain.overlay.empty());
    // Unknown ids are ignored, repeats dropped, at most five kept.
    CHECK(parse_link_query(j, "set=nope", mine).set == 0);
    const std::string id0 = percent_encode(j.sets[0].id), id1 = percent_encode(j.sets[1].id);
    CHECK(parse_link_query(j, "overlay=nope," + id1 + "," + id1 + "," + id0, mine).overlay == std::vector<int>{1, 0});
    std::string many = "overlay=";
    for (int k = 0; k < 8; k++) many += (k ? "," : "") + percent_encode(j.sets[(size_t)(k % n)].id);
    CHECK(parse_link_query(j, many, mine).overlay.size() == (size_t)std::min(n, kMaxOverlaySets));
}
