// test_fonts.cpp: Dear ImGui 1.92's dynamic fonts in the real UI: every view of a Latin journey
// draws each character with its own glyph, a character no font has is counted
// (uxcx.state().missingGlyphs), and text is rasterised at the size it is drawn.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "core/utf8.h"
#include "core/visual_text.h"
#include "harness.h"
#include "journeys.h"
#include "imgui_internal.h"  // the atlas's baked sizes
#include "platform/native/platform_native.h"
#include "ui/fonts.h"
#include "ui/widgets.h"

using namespace uxcx;

TEST_CASE("every view of a Latin journey draws each character with its own glyph") {
    test::UiHarness ui;
    // With a left-to-right mark (kept by the loader) and a variation selector: drawn as nothing.
    REQUIRE(app_open(ui.app, test::generated_journey(24, "Café \u200E“Zürich” – Ωmega ½ €\uFE0F "), "latin.json").ok);
    REQUIRE(ui.app.doc.journey.touchpoints[0].name.find("\u200E") != std::string::npos);
    for (const char* view : kViewNames) {
        CAPTURE(view);
        REQUIRE(app_set_view(ui.app, view));
        ui.frames(3);
        CHECK(ui_missing_glyphs(ImGui::GetDrawData()) == 0);
    }
}

TEST_CASE("a character no UI font has is drawn as the fallback mark and counted") {
    test::UiHarness ui;
    // Thai: neither Inter nor Font Awesome has it. Three characters in each name.
    REQUIRE(app_open(ui.app, test::generated_journey(1, "\xE0\xB8\x81\xE0\xB8\x82\xE0\xB8\x83 "), "thai.json").ok);
    REQUIRE(app_set_view(ui.app, "ranking"));
    ui.frames(3);
    const int missing = ui_missing_glyphs(ImGui::GetDrawData());
    CHECK(missing >= 3);
    CHECK(missing % 3 == 0);  // each drawn name counts its three characters, none of the Latin ones
}

TEST_CASE("text is rasterised at the size it is drawn, with no atlas rebuild when the scale changes") {
    test::UiHarness ui;
    REQUIRE(app_open(ui.app, test::generated_journey(6), "six.json").ok);
    ui.frames(3);
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    const int fonts_before = ImGui::GetIO().Fonts->Fonts.Size;
    ui.app.dpi_scale = 2.0f;
    ui.rebuild_style();
    ui.frames(3);
    CHECK(ImGui::GetIO().Fonts->Fonts.Size == fonts_before);  // the same fonts, not added again
    // The last frame drew text at 32 px: a size baked for it and used in that frame.
    bool drew_at_32 = false;
    ImFontAtlasBuilder* builder = ImGui::GetIO().Fonts->Builder;
    for (int i = 0; i < builder->BakedPool.Size; i++)
        if (builder->BakedPool[i].Size == 32.0f && builder->BakedPool[i].LastUsedFrame >= ImGui::GetFrameCount() - 1) drew_at_32 = true;
    CHECK(drew_at_32);
    // The glyphs of the larger size were rasterised for it: 'M' is wider than at 16 px, not scaled.
    ImFontBaked* big = font->GetFontBaked(32.0f);
    ImFontBaked* small = font->GetFontBaked(16.0f);
    REQUIRE(big->IsGlyphLoaded('M'));
    const ImFontGlyph* g = big->FindGlyph('M');
    CHECK(g->X1 - g->X0 > 1.8f * (small->FindGlyph('M')->X1 - small->FindGlyph('M')->X0));
    CHECK((g->U1 - g->U0) * ImGui::GetIO().Fonts->TexData->Width >= g->X1 - g->X0 - 1);
}

namespace {
// Reads a font file into malloc'ed memory, as the page hands it over (ui_fonts_add owns it).
void* font_bytes(const char* path, int* size) {
    const std::string s = test::read_file(path);
    *size = (int)s.size();
    void* p = std::malloc(s.size() ? s.size() : 1);
    std::memcpy(p, s.data(), s.size());
    return p;
}
}  // namespace

TEST_CASE("a journey in other scripts asks for its fonts once; with them every view draws every character") {
    test::UiHarness ui;
    platform::g_native_calls.fonts.clear();
    const std::string names = "お問い合わせ 购物车 장바구니 ";
    REQUIRE(app_open(ui.app, test::generated_journey(12, names), "cjk.json").ok);
    ui.frames(2);
    CHECK(platform::g_native_calls.fonts == std::vector<std::string>{"cjk.ttf", "hangul.ttf"});
    REQUIRE(app_set_view(ui.app, "ranking"));
    ui.frames(3);
    CHECK(ui_missing_glyphs(ImGui::GetDrawData()) > 0);  // not arrived yet: white squares, counted

    int n = 0;
    void* cjk = font_bytes(UXCX_FALLBACK_CJK, &n);
    CHECK(ui_fonts_add(ui.app, "cjk.ttf", cjk, n));
    void* hangul = font_bytes(UXCX_FALLBACK_HANGUL, &n);
    CHECK(ui_fonts_add(ui.app, "hangul.ttf", hangul, n));
    CHECK(ui_fonts_added_names(ui.app) == std::vector<std::string>{"cjk.ttf", "hangul.ttf"});
    void* again = font_bytes(UXCX_FALLBACK_CJK, &n);
    CHECK_FALSE(ui_fonts_add(ui.app, "cjk.ttf", again, n));  // once is enough (and freed)
    void* junk = std::malloc(16);
    std::memset(junk, 7, 16);
    CHECK_FALSE(ui_fonts_add(ui.app, "arabic.ttf", junk, 16));  // not a font: refused, nothing breaks
    for (const char* view : kViewNames) {
        CAPTURE(view);
        REQUIRE(app_set_view(ui.app, view));
        ui.frames(3);
        CHECK(ui_missing_glyphs(ImGui::GetDrawData()) == 0);
    }
    // An edit or another open does not ask again for what was asked.
    REQUIRE(app_open(ui.app, test::generated_journey(3, "又 "), "again.json").ok);
    ui.frames(2);
    CHECK(platform::g_native_calls.fonts.size() == 2);
}

TEST_CASE("Arabic and Hebrew names are drawn joined and right to left, every glyph from the fallback fonts") {
    test::UiHarness ui;
    // "سلام " (salaam) and "תשלום " (payment) before each number: cards read "سلام 3" and "תשלום 4".
    const std::string arabic = "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85 ", hebrew = "\xd7\xaa\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d ";
    REQUIRE(app_open(ui.app, test::generated_journey(4, arabic), "ar.json").ok);
    ui.frames(1);
    int n = 0;
    void* arabic_font = font_bytes(UXCX_FALLBACK_ARABIC, &n);
    CHECK(ui_fonts_add(ui.app, "arabic.ttf", arabic_font, n));
    ui.app.map.fit = false;  // 100 %: full cards, whole names
    ui.app.map.zoom = 1.2f;
    ui.app.map.x = ui.app.map.y = 0;
    ui.frames(4);
    const Journey& j = ui.app.doc.journey;
    const VisibleItem* card = test::item_for(ui.app, 0);
    REQUIRE(card);
    // What is drawn: the number, then the word in its joined forms, right to left (meem, lam-alef,
    // seen), never the letters as stored.
    CHECK(card->label == visual_text(j.touchpoints[0].name));
    CHECK(card->label.find("\xef\xbb\xbc") != std::string::npos);  // U+FEFC, lam-alef joined to the seen
    CHECK(card->label.find(arabic) == std::string::npos);
    CHECK(ui_missing_glyphs(ImGui::GetDrawData()) == 0);

    REQUIRE(app_open(ui.app, test::generated_journey(4, hebrew), "he.json").ok);
    void* hebrew_font = font_bytes(UXCX_FALLBACK_HEBREW, &n);
    CHECK(ui_fonts_add(ui.app, "hebrew.ttf", hebrew_font, n));
    for (const char* view : kViewNames) {
        CAPTURE(view);
        REQUIRE(app_set_view(ui.app, view));
        ui.frames(3);
        CHECK(ui_missing_glyphs(ImGui::GetDrawData()) == 0);
    }
    REQUIRE(app_set_view(ui.app, "map"));
    ui.app.map.fit = false;
    ui.app.map.zoom = 1.2f;
    ui.app.map.x = ui.app.map.y = 0;
    ui.frames(4);
    card = test::item_for(ui.app, 0);
    REQUIRE(card);
    CHECK(card->label == "0 \xd7\x9d\xd7\x95\xd7\x9c\xd7\xa9\xd7\xaa");  // "0", then תשלום read right to left
}

namespace {
// A host that draws each glyph it is asked for as a solid block, 0.6 em wide per code point of the
// text, and records what it was asked for (a plain function pointer, as the web host's: hence
// the file-level record).
std::vector<std::pair<std::string, ClusterKind>> g_host_asked;
bool block_glyphs(std::string_view utf8, ClusterKind kind, float size, float, ColorGlyph& out) {
    g_host_asked.emplace_back(std::string(utf8), kind);
    size_t n = 0;
    for (size_t i = 0; i < utf8.size(); n++) next_utf8(utf8, i);
    out.w = std::max(1, (int)(size * 0.6f));
    out.h = std::max(1, (int)size);
    out.advance = (float)out.w + 1;
    out.rgba.assign((size_t)out.w * (size_t)out.h * 4, 255);
    return n > 0;
}
bool host_asked(const std::string& text, ClusterKind kind) {
    for (const auto& [t, k] : g_host_asked)
        if (t == text && k == kind) return true;
    return false;
}
}  // namespace

TEST_CASE("with a host that draws clusters, a conjunct and an emoji sequence are each one glyph from it") {
    g_host_asked.clear();
    test::UiHarness ui(1600, 1000, block_glyphs);
    const std::string ksha = "\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7";  // क्ष: ka, virama, ssa
    const std::string family = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7";  // 👨‍👩‍👧
    REQUIRE(app_open(ui.app, test::generated_journey(3, ksha + " " + family + " "), "clusters.json").ok);
    int n = 0;
    void* devanagari_font = font_bytes(UXCX_FALLBACK_DEVANAGARI, &n);
    REQUIRE(ui_fonts_add(ui.app, "devanagari.ttf", devanagari_font, n));
    ui.app.map.fit = false;
    ui.app.map.zoom = 1.2f;
    ui.app.map.x = ui.app.map.y = 0;
    ui.frames(4);
    // The host was asked for each whole run, with its kind: letters for the conjunct, an emoji
    // for the family. (The details panel's Name field asks for the parts too: a text field shows
    // what is typed, as stored.)
    CHECK(host_asked(ksha, ClusterKind::Script));
    CHECK(host_asked(family, ClusterKind::Emoji));
    // The card draws two cluster codes where the name has 3 + 5 code points.
    const VisibleItem* card = test::item_for(ui.app, 0);
    REQUIRE(card);
    const ClusterTable& table = ui.app.fonts.clusters;
    std::vector<std::string> drawn;
    for (size_t i = 0; i < card->label.size();)
        if (const ClusterTable::Entry* e = cluster_entry(table, next_utf8(card->label, i))) drawn.push_back(e->text);
    CHECK(drawn == std::vector<std::string>{ksha, family});
    CHECK(ui_missing_glyphs(ImGui::GetDrawData()) == 0);
    // Letters take the text's colour (the host drew them white); the emoji keeps its own.
    ImFontBaked* baked = ImGui::GetIO().Fonts->Fonts[0]->GetFontBaked(kUiFontSize);
    const ImFontGlyph* letters = baked->FindGlyphNoFallback((ImWchar)table.codes.at(ksha));
    const ImFontGlyph* emoji = baked->FindGlyphNoFallback((ImWchar)table.codes.at(family));
    REQUIRE(letters);
    REQUIRE(emoji);
    CHECK_FALSE(letters->Colored);
    CHECK(emoji->Colored);
    // Shortening measures a cluster as the glyph it is drawn as: four families fit in the room of
    // four glyphs (and a little), although their twelve parts would not.
    ImGui::NewFrame();
    const std::string four = family + family + family + family;
    const float one = ImGui::GetFont()->GetFontBaked(16.0f)->GetCharAdvance((ImWchar)table.codes.at(family));
    CHECK(ellipsize(four, 16.0f, one * 4.5f) == four);
    CHECK(ellipsize(four + four, 16.0f, one * 4.5f) == family + family + family + "\xe2\x80\xa6");
    ImGui::EndFrame();
}

TEST_CASE("a right-to-left paragraph wraps in reading order: its first words on the first line, right-aligned") {
    test::UiHarness ui;
    int n = 0;
    void* hebrew_font = font_bytes(UXCX_FALLBACK_HEBREW, &n);
    REQUIRE(ui_fonts_add(ui.app, "hebrew.ttf", hebrew_font, n));
    // Six Hebrew words: "payment by card within two days" and so on; each line holds a few.
    const std::string words[] = {"\xd7\xaa\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", "\xd7\x91\xd7\x9b\xd7\xa8\xd7\x98\xd7\x99\xd7\xa1",
                                 "\xd7\x90\xd7\xa9\xd7\xa8\xd7\x90\xd7\x99", "\xd7\xaa\xd7\x95\xd7\x9a", "\xd7\xa9\xd7\xa0\xd7\x99",
                                 "\xd7\x99\xd7\x9e\xd7\x99\xd7\x9d"};
    std::string para;
    for (const std::string& w : words) para += (para.empty() ? "" : " ") + w;
    ui.frames(1);
    ImGui::NewFrame();
    ImGui::Begin("wrap");
    const float width = ImGui::CalcTextSize((words[0] + " " + words[1] + " " + words[2] + "  ").c_str()).x;
    const std::vector<ShownLine> lines = shown_lines(para, width);
    const std::vector<ShownLine> latin = shown_lines("Pay by card within two days, or by invoice", ImGui::CalcTextSize("Pay by card within").x);
    ImGui::End();
    ImGui::EndFrame();
    REQUIRE(lines.size() == 2);
    // The first line holds the first three words (as read), reordered on their own.
    CHECK(lines[0].text == visual_text(words[0] + " " + words[1] + " " + words[2]));
    CHECK(lines[1].text == visual_text(words[3] + " " + words[4] + " " + words[5]));
    // Right-aligned: the ends of the lines meet the right edge, where Hebrew is read from.
    CHECK(lines[0].indent > 0);
    CHECK(lines[0].indent + ImGui::CalcTextSize(lines[0].text.c_str()).x == doctest::Approx(width).epsilon(0.01));
    CHECK(lines[1].indent + ImGui::CalcTextSize(lines[1].text.c_str()).x == doctest::Approx(width).epsilon(0.01));
    // Left-to-right text starts at the left edge.
    REQUIRE(latin.size() >= 2);
    CHECK(latin[0].text == "Pay by card within");
    CHECK(latin[0].indent == 0);
}

TEST_CASE("a Latin journey asks for no font") {
    test::UiHarness ui;
    platform::g_native_calls.fonts.clear();
    REQUIRE(app_open(ui.app, test::generated_journey(40), "latin.json").ok);
    ui.frames(2);
    CHECK(platform::g_native_calls.fonts.empty());
}
