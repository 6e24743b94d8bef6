// test_link.cpp: download names and the view-state query that shared links carry.
#include <doctest/doctest.h>

#include "core/link.h"

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
