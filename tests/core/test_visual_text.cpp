// test_visual_text.cpp: names in the order and forms they are drawn (core/visual_text.h). Expected
// strings are written as code points, visual order, left to right, as a reader sees them.
#include <doctest/doctest.h>

#include <cstdint>
#include <initializer_list>
#include <string>

#include "core/utf8.h"
#include "core/visual_text.h"

namespace {

using namespace uxcx;

std::string utf8(std::initializer_list<uint32_t> cps) {
    std::string s;
    for (uint32_t c : cps) append_utf8(s, c);
    return s;
}

}  // namespace

TEST_CASE("left-to-right names are drawn as written") {
    for (const char* s : {"Checkout", "Pay (card)", "Café 2024: 85%", "予約する", "भुगतान", "खरीदारी सूची", "Zahlung – 3 Tage", ""}) {
        CHECK_FALSE(needs_visual_text(s));
        CHECK(visual_text(s) == s);
    }
}

TEST_CASE("Hebrew runs right to left; numbers inside stay left to right") {
    // תשלום (payment), logical order tav shin lamed vav final-mem: read right to left.
    const std::string payment = utf8({0x05EA, 0x05E9, 0x05DC, 0x05D5, 0x05DD});
    CHECK(needs_visual_text(payment));
    CHECK(visual_text(payment) == utf8({0x05DD, 0x05D5, 0x05DC, 0x05E9, 0x05EA}));
    // "שלב 12": a right-to-left name; the number keeps its digits' order and goes to the left.
    CHECK(visual_text(utf8({0x05E9, 0x05DC, 0x05D1, ' ', '1', '2'})) == utf8({'1', '2', ' ', 0x05D1, 0x05DC, 0x05E9}));
    // In a left-to-right name the Hebrew word alone turns round.
    CHECK(visual_text("Pay - " + payment) == "Pay - " + utf8({0x05DD, 0x05D5, 0x05DC, 0x05E9, 0x05EA}));
    // Brackets mirror inside right-to-left text: "(תשלום)" still reads as a word in brackets.
    CHECK(visual_text("(" + payment + ")") == "(" + utf8({0x05DD, 0x05D5, 0x05DC, 0x05E9, 0x05EA}) + ")");
    // A point (niqqud) stays after its letter, where a renderer drawing left to right puts it over it.
    CHECK(visual_text(utf8({0x05E9, 0x05B8, 0x05DC})) == utf8({0x05DC, 0x05E9, 0x05B8}));
}

TEST_CASE("Arabic letters join and run right to left") {
    // محمد: meem hah meem dal -> initial, medial, medial, final (dal joins only to the right).
    CHECK(visual_text(utf8({0x0645, 0x062D, 0x0645, 0x062F})) == utf8({0xFEAA, 0xFEE4, 0xFEA4, 0xFEE3}));
    // سلام: seen (initial), lam + alef as one ligature (final), meem alone after alef (isolated).
    CHECK(visual_text(utf8({0x0633, 0x0644, 0x0627, 0x0645})) == utf8({0xFEE1, 0xFEFC, 0xFEB3}));
    // لا alone: the isolated ligature.
    CHECK(visual_text(utf8({0x0644, 0x0627})) == utf8({0xFEFB}));
    // Right-joining letters join nothing after them: in دار (dal alef reh) all three stand alone.
    CHECK(visual_text(utf8({0x062F, 0x0627, 0x0631})) == utf8({0xFEAD, 0xFE8D, 0xFEA9}));
    // Harakat do not break a join: بِسم (beh kasra seen meem), the kasra after its beh.
    CHECK(visual_text(utf8({0x0628, 0x0650, 0x0633, 0x0645})) == utf8({0xFEE2, 0xFEB4, 0xFE91, 0x0650}));
    // Persian: پرداخت (payment): peh initial, reh final; dal and alef alone; khah initial, teh final.
    CHECK(visual_text(utf8({0x067E, 0x0631, 0x062F, 0x0627, 0x062E, 0x062A})) ==
          utf8({0xFE96, 0xFEA7, 0xFE8D, 0xFEA9, 0xFEAE, 0xFB58}));
    // Tatweel joins on both sides.
    CHECK(visual_text(utf8({0x0628, 0x0640, 0x0628})) == utf8({0xFE90, 0x0640, 0xFE91}));
}

TEST_CASE("numbers in Arabic text: European digits after Arabic letters stay in their order") {
    // رقم 123 (number 123): the digits keep 1-2-3 and stand left of the word.
    CHECK(visual_text(utf8({0x0631, 0x0642, 0x0645, ' ', '1', '2', '3'})) ==
          utf8({'1', '2', '3', ' ', 0xFEE2, 0xFED7, 0xFEAD}));
    // Arabic-Indic digits the same: ١٢ stays ١ then ٢.
    CHECK(visual_text(utf8({0x0628, ' ', 0x0661, 0x0662})) == utf8({0x0661, 0x0662, ' ', 0xFE8F}));
    // A percentage in a right-to-left name: 85% stays "85%".
    CHECK(visual_text(utf8({0x05D0, ' ', '8', '5', '%'})) == utf8({'8', '5', '%', ' ', 0x05D0}));
}

TEST_CASE("direction marks steer and are not drawn; bad bytes become U+FFFD") {
    // An RLM first makes the paragraph right to left: the Latin word keeps its order, right of the Hebrew.
    CHECK(visual_text(utf8({0x200F, 'a', 'b', ' ', 0x05D0})) == utf8({0x05D0, ' ', 'a', 'b'}));
    // An LRM after a Hebrew word ends it: the "!" stays to its right in left-to-right text.
    CHECK(visual_text(utf8({'x', ' ', 0x05D0, 0x05D1, 0x200E, '!'})) == utf8({'x', ' ', 0x05D1, 0x05D0, '!'}));
    CHECK(visual_text(std::string("\xD7\x90\xFF")) == utf8({0xFFFD, 0x05D0}));
}

TEST_CASE("Devanagari's vowel sign i is drawn before its consonant or conjunct") {
    // हिंदी (Hindi): ha, i, anusvara, da, ii -> i, ha, anusvara, da, ii.
    CHECK(visual_text(utf8({0x0939, 0x093F, 0x0902, 0x0926, 0x0940})) == utf8({0x093F, 0x0939, 0x0902, 0x0926, 0x0940}));
    // स्थिति (situation): the i goes before the conjunct sa-virama-tha, and before ta.
    CHECK(visual_text(utf8({0x0938, 0x094D, 0x0925, 0x093F, 0x0924, 0x093F})) ==
          utf8({0x093F, 0x0938, 0x094D, 0x0925, 0x093F, 0x0924}));
    // With a nukta: ड़ि -> i, dda, nukta.
    CHECK(visual_text(utf8({0x0921, 0x093C, 0x093F})) == utf8({0x093F, 0x0921, 0x093C}));
    // Alone (no consonant before it) it stays.
    CHECK(visual_text(utf8({'x', 0x093F})) == utf8({'x', 0x093F}));
}

TEST_CASE("with a cluster table, conjuncts and emoji sequences become one code each, drawn whole") {
    ClusterTable table;
    const uint32_t A = kFirstClusterCode;
    // स्थिति: the syllable sa-virama-tha-i is one cluster (its shaper places the i); ti stays as parts
    // and its i moves in front of ta.
    CHECK(visual_text(utf8({0x0938, 0x094D, 0x0925, 0x093F, 0x0924, 0x093F}), &table) == utf8({A, 0x093F, 0x0924}));
    REQUIRE(table.entries.size() == 1);
    CHECK(table.entries[0].text == utf8({0x0938, 0x094D, 0x0925, 0x093F}));
    CHECK(table.entries[0].kind == ClusterKind::Script);
    // The same syllable again has the same code; क्षमा (ksha + maa) adds one; a word-final virama
    // (a dead consonant, drawn with its virama) and a syllable without one stay as they are.
    CHECK(visual_text(utf8({0x0938, 0x094D, 0x0925, 0x093F}), &table) == utf8({A}));
    CHECK(visual_text(utf8({0x0915, 0x094D, 0x0937, 0x092E, 0x093E}), &table) == utf8({A + 1, 0x092E, 0x093E}));
    CHECK(visual_text(utf8({0x0915, 0x094D}), &table) == utf8({0x0915, 0x094D}));
    // The reph: ra-virama-ka-aa (र्का) with its anusvara.
    CHECK(visual_text(utf8({0x0930, 0x094D, 0x0915, 0x093E, 0x0902}), &table) == utf8({A + 2}));
    // An explicit half form, ka-virama-ZWJ, is a cluster too.
    CHECK(visual_text(utf8({0x0915, 0x094D, 0x200D, ' '}), &table) == utf8({A + 3, ' '}));
    REQUIRE(table.entries.size() == 4);

    // Emoji: a family joined by ZWJ, a flag, a keycap, a thumb with a skin tone, a heart asked for
    // in colour (the UI font has a black one); with the text selector it stays as it is.
    const std::string family = utf8({0x1F468, 0x200D, 0x1F469, 0x200D, 0x1F467});
    const std::string flag = utf8({0x1F1EF, 0x1F1F5}), keycap = utf8({'1', 0xFE0F, 0x20E3}), thumb = utf8({0x1F44D, 0x1F3FD});
    CHECK(needs_visual_text(family));
    CHECK(needs_visual_text(flag));
    CHECK(needs_visual_text(keycap));
    CHECK(needs_visual_text(thumb));
    CHECK(visual_text(family + " " + flag + " " + keycap + " " + thumb + " " + utf8({0x2764, 0xFE0F}), &table) ==
          utf8({A + 4, ' ', A + 5, ' ', A + 6, ' ', A + 7, ' ', A + 8}));
    CHECK(visual_text(utf8({0x2764, 0xFE0E, 0x1F6D2}), &table) == utf8({0x2764, 0xFE0E, 0x1F6D2}));
    CHECK(table.entries[4].text == family);
    CHECK(table.entries[4].kind == ClusterKind::Emoji);
    CHECK(table.entries[5].text == flag);
    CHECK(table.entries[6].text == keycap);
    CHECK(table.entries[7].text == thumb);
    // A plain digit, and three regional indicators: one flag and one left alone.
    CHECK(visual_text(utf8({'1', 0x1F1EF, 0x1F1F5, 0x1F1EB}), &table) == utf8({'1', A + 5, 0x1F1EB}));
    // A subdivision flag: black flag, tags, cancel tag.
    CHECK(cluster_end(std::vector<uint32_t>{0x1F3F4, 0xE0067, 0xE0062, 0xE0073, 0xE0063, 0xE0074, 0xE007F, 'x'}, 0, nullptr) == 7);

    // In right-to-left text a cluster moves as one character, in the place its first letter gives it:
    // "שלום 👨‍👩‍👧" reads the family at the left, after the Hebrew word.
    CHECK(visual_text(utf8({0x05E9, 0x05DC, 0x05D5, 0x05DD, ' '}) + family, &table) ==
          utf8({A + 4, ' ', 0x05DD, 0x05D5, 0x05DC, 0x05E9}));

    // Without a table (a renderer that cannot draw them) the parts are drawn, the joiners left out.
    CHECK(visual_text(family) == utf8({0x1F468, 0x1F469, 0x1F467}));
    CHECK(cluster_entry(table, A + 9) == nullptr);
    CHECK(cluster_entry(table, 'a') == nullptr);
}
