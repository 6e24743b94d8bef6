// test_scripts.cpp: which fallback fonts a text needs (core/scripts.h).
#include <doctest/doctest.h>

#include "core/load.h"
#include "core/scripts.h"

using namespace uxcx;

namespace {
unsigned bit(const char* file) {
    for (const FallbackFont& f : kFallbackFonts)
        if (std::string_view(f.file) == file) return f.bit;
    return 0;
}
}  // namespace

TEST_CASE("Latin, Greek, Cyrillic and the UI's symbols need no fallback font") {
    CHECK(fallback_fonts_for("Checkout – “Zahlung” ½ € ✓ Ωmega Привет ẞ") == 0);
    CHECK(fallback_fonts_for("") == 0);
    CHECK(fallback_fonts_for("\xEF\xBB\xBFtitle") == 0);  // a BOM is no Arabic
}

TEST_CASE("each script needs its font, and only it") {
    CHECK(fallback_fonts_for("お問い合わせ") == bit("cjk.ttf"));
    CHECK(fallback_fonts_for("购物车") == bit("cjk.ttf"));
    CHECK(fallback_fonts_for("（全角）") == bit("cjk.ttf"));
    CHECK(fallback_fonts_for("장바구니") == bit("hangul.ttf"));
    CHECK(fallback_fonts_for("سلة التسوق") == bit("arabic.ttf"));
    CHECK(fallback_fonts_for("עגלת קניות") == bit("hebrew.ttf"));
    CHECK(fallback_fonts_for("खरीदारी") == bit("devanagari.ttf"));
    CHECK(fallback_fonts_for("Cart 購物車 / 장바구니") == (bit("cjk.ttf") | bit("hangul.ttf")));
}

TEST_CASE("invalid UTF-8 needs nothing and does not read past the end") {
    CHECK(fallback_fonts_for(std::string_view("\xE3\x81", 2)) == 0);
    CHECK(fallback_fonts_for("\xFF\xFE\x80") == 0);
}

TEST_CASE("a journey's fonts come from every text a view shows") {
    const char* json = R"({"title": "Journey", "stages": [{"id": "a", "name": "購入"}],
        "channels": [{"id": "web", "name": "Web"}],
        "touchpoints": [{"id": "t1", "stage": "a", "channel": "web", "name": "Checkout",
                         "painPoints": ["עגלה"]}]})";
    LoadResult r = load_journey(json);
    REQUIRE(r.ok);
    CHECK(fallback_fonts_for(r.journey) == (bit("cjk.ttf") | bit("hebrew.ttf")));
}
