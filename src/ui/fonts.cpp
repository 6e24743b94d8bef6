// fonts.cpp: the fallback glyph as a mark, and counting it in a frame's draw data.
#include "ui/fonts.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/scripts.h"
#include "core/utf8.h"
#include "imgui_internal.h"  // ImFontAtlasBuilder::BakedPool: every size the fonts are baked at
#include "platform/platform.h"

namespace uxcx {

void ui_fonts_added(ImFont* font) {
    if (font && font->IsGlyphInFont(kMissingGlyphMark)) font->FallbackChar = kMissingGlyphMark;
}

bool ui_is_invisible_mark(unsigned c) {
    return c == 0x034F || c == 0x061C || (c >= 0x200C && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) ||
           (c >= 0xFE00 && c <= 0xFE0F);
}

namespace {
// A font loader with no font file: every glyph it has is empty and takes no room.
bool invisible_contains(ImFontAtlas*, ImFontConfig*, ImWchar c) { return ui_is_invisible_mark(c); }
bool invisible_load(ImFontAtlas*, ImFontConfig*, ImFontBaked*, void*, ImWchar c, ImFontGlyph* out, float* advance) {
    if (!ui_is_invisible_mark(c)) return false;
    if (advance) *advance = 0;
    if (out) {
        out->Codepoint = c;
        out->AdvanceX = 0;
        out->Visible = false;
    }
    return true;
}
const ImFontLoader& invisible_loader() {
    static const ImFontLoader loader = [] {
        ImFontLoader l;
        l.Name = "uxcx-invisible-marks";
        l.FontSrcContainsGlyph = invisible_contains;
        l.FontBakedLoadGlyph = invisible_load;
        return l;
    }();
    return loader;
}
}  // namespace

namespace {
// A font's line height (hhea ascender - descender) per em (head unitsPerEm), as stb_truetype sizes
// fonts by it; 0 when the tables cannot be read. Fonts for scripts with tall marks (Arabic, Hindi)
// have a line height of nearly two em, so the same pixel size would draw their letters much
// smaller than Inter's: fallback fonts are sized to Inter's em instead.
float line_height_per_em(const void* data, int size) {
    const auto* d = (const unsigned char*)data;
    auto u16 = [&](long o) { return o >= 0 && o + 2 <= size ? (unsigned)(d[o] << 8 | d[o + 1]) : 0u; };
    auto u32 = [&](long o) { return o >= 0 && o + 4 <= size ? (unsigned long)u16(o) << 16 | u16(o + 2) : 0ul; };
    if (!d || size < 12) return 0;
    long head = -1, hhea = -1;
    for (unsigned i = 0, n = u16(4); i < n; i++) {
        const long rec = 12 + 16 * (long)i;
        if (rec + 16 > size) return 0;
        if (std::memcmp(d + rec, "head", 4) == 0) head = (long)u32(rec + 8);
        if (std::memcmp(d + rec, "hhea", 4) == 0) hhea = (long)u32(rec + 8);
    }
    const unsigned upem = u16(head + 18);
    const int height = (int)(short)u16(hhea + 4) - (int)(short)u16(hhea + 6);
    return head < 0 || hhea < 0 || upem == 0 || height <= 0 ? 0.0f : (float)height / (float)upem;
}

// What the colour glyph source's config carries (copied by the atlas as its font data): the host's
// rasteriser and the table of clusters it is asked for. No global state.
struct ColorGlyphHost {
    ColorGlyphSource draw = nullptr;
    ClusterTable* clusters = nullptr;
};
ColorGlyphHost color_host(const ImFontConfig* src) {
    ColorGlyphHost h;
    if (src && src->FontData && src->FontDataSize == (int)sizeof h) std::memcpy(&h, src->FontData, sizeof h);
    return h;
}
const ClusterTable::Entry* cluster_of(const ImFontConfig* src, ImWchar c) {
    const ColorGlyphHost h = color_host(src);
    return h.clusters ? cluster_entry(*h.clusters, c) : nullptr;
}
bool color_contains(ImFontAtlas*, ImFontConfig* src, ImWchar c) { return is_emoji(c) || cluster_of(src, c); }
bool color_load(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar c, ImFontGlyph* out, float* advance) {
    std::string text;
    ClusterKind kind = ClusterKind::Emoji;
    if (const ClusterTable::Entry* e = cluster_of(src, c)) {
        text = e->text;
        kind = e->kind;
    } else if (is_emoji(c)) {
        append_utf8(text, c);
    } else {
        return false;
    }
    // Letters at the em the fallback fonts are drawn at (Inter's em at this size: ui_fonts_add).
    float size = baked->Size;
    if (kind == ClusterKind::Script && atlas->Sources.Size > 0) {
        const float ui_h = line_height_per_em(atlas->Sources[0].FontData, atlas->Sources[0].FontDataSize);
        if (ui_h > 0) size /= ui_h;
    }
    ColorGlyph g;
    if (!color_host(src).draw(text, kind, size, (float)(int)(baked->Ascent + 0.5f), g) || g.w <= 0 || g.h <= 0 ||
        g.rgba.size() != (size_t)g.w * (size_t)g.h * 4)
        return false;
    if (advance) {
        *advance = g.advance;
        return true;
    }
    const ImFontAtlasRectId id = ImFontAtlasPackAddRect(atlas, g.w, g.h);
    if (id == ImFontAtlasRectId_Invalid) return false;
    ImTextureRect* r = ImFontAtlasPackGetRect(atlas, id);
    out->Codepoint = c;
    out->AdvanceX = g.advance;
    out->X0 = g.x0;
    out->Y0 = g.y0;
    out->X1 = g.x0 + (float)g.w;
    out->Y1 = g.y0 + (float)g.h;
    out->Visible = true;
    // An emoji keeps its own colours (only the text's alpha applies); letters, drawn white, take
    // the text's colour like any glyph.
    out->Colored = kind == ClusterKind::Emoji;
    out->PackId = id;
    ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, out, r, g.rgba.data(), ImTextureFormat_RGBA32, g.w * 4);
    return true;
}
const ImFontLoader& color_loader() {
    static const ImFontLoader loader = [] {
        ImFontLoader l;
        l.Name = "uxcx-host-colour-glyphs";
        l.FontSrcContainsGlyph = color_contains;
        l.FontBakedLoadGlyph = color_load;
        return l;
    }();
    return loader;
}
}  // namespace

void ui_fonts_add_color_glyphs(ColorGlyphSource source, ClusterTable* clusters) {
    if (!source) return;
    const ColorGlyphHost host{source, clusters};
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.FontLoader = &color_loader();
    cfg.FontData = (void*)&host;  // copied by the atlas
    cfg.FontDataSize = (int)sizeof host;
    cfg.FontDataOwnedByAtlas = false;
    cfg.SizePixels = kUiFontSize;
    std::snprintf(cfg.Name, sizeof cfg.Name, "%s", "colour glyphs (host)");
    ImGui::GetIO().Fonts->AddFont(&cfg);
}

ClusterTable* ui_fonts_clusters() {
    if (!ImGui::GetCurrentContext()) return nullptr;
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    for (const ImFontConfig& src : atlas->Sources)
        if (src.FontLoader == &color_loader()) return color_host(&src).clusters;
    return nullptr;
}

void ui_fonts_add_invisible_marks() {
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.FontLoader = &invisible_loader();
    cfg.SizePixels = kUiFontSize;
    std::snprintf(cfg.Name, sizeof cfg.Name, "%s", "invisible marks");
    ImGui::GetIO().Fonts->AddFont(&cfg);
}

void ui_fonts_request(App& app) {
    if (app.fonts.generation == app.generation) return;
    app.fonts.generation = app.generation;
    unsigned need = app.has_document ? fallback_fonts_for(app.doc.journey) : 0;
    if (app.other) need |= fallback_fonts_for(app.other->journey);
    for (const FallbackFont& f : kFallbackFonts)
        if ((need & f.bit) && !(app.fonts.requested & f.bit)) {
            app.fonts.requested |= f.bit;
            platform::load_font(f.file);
        }
}

// True when the bytes start like a font file (TrueType, OpenType/CFF or a collection): anything else
// (an error page served as fonts/X, a truncated download) is refused before Dear ImGui sees it, as
// its loader asserts on data it cannot read.
static bool looks_like_font(const void* data, int size) {
    if (!data || size < 12) return false;
    const unsigned char* b = static_cast<const unsigned char*>(data);
    const std::string_view tag(reinterpret_cast<const char*>(b), 4);
    return (b[0] == 0 && b[1] == 1 && b[2] == 0 && b[3] == 0) || tag == "OTTO" || tag == "true" || tag == "ttcf";
}

bool ui_fonts_add(App& app, std::string_view file, void* data, int size) {
    const FallbackFont* which = nullptr;
    for (const FallbackFont& f : kFallbackFonts)
        if (file == f.file) which = &f;
    ImFontAtlas* atlas = ImGui::GetCurrentContext() ? ImGui::GetIO().Fonts : nullptr;
    if (!which || (app.fonts.added & which->bit) || !atlas || atlas->Fonts.Size == 0 || !looks_like_font(data, size)) {
        std::free(data);
        return false;
    }
    ImFont* font = atlas->Fonts[0];
    // Each size the font is baked at keeps data per source: with one source more, the bakes are
    // rebuilt (glyphs are rasterised again as they are drawn; no character stays "not found").
    font->ClearOutputData();
    const ImFontConfig* ui = font->Sources.Size > 0 ? font->Sources[0] : nullptr;
    const float ui_h = ui ? line_height_per_em(ui->FontData, ui->FontDataSize) : 0.0f;
    const float h = line_height_per_em(data, size);
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.DstFont = font;
    cfg.FontDataOwnedByAtlas = true;
    // Merged sources are scaled by SizePixels over the UI font's: this ratio gives both one em.
    cfg.SizePixels = ui_h > 0 && h > 0 ? kUiFontSize * h / ui_h : kUiFontSize;
    cfg.Flags |= ImFontFlags_NoLoadError;  // bytes that are no font: refused, not an assertion
    std::snprintf(cfg.Name, sizeof cfg.Name, "%s", which->file);
    const bool ok = atlas->AddFontFromMemoryTTF(data, size, cfg.SizePixels, &cfg) != nullptr;  // frees data on failure
    ui_fonts_added(font);
    if (ok) app.fonts.added |= which->bit;
    return ok;
}

std::vector<std::string> ui_fonts_added_names(const App& app) {
    std::vector<std::string> names;
    for (const FallbackFont& f : kFallbackFonts)
        if (app.fonts.added & f.bit) names.emplace_back(f.file);
    return names;
}

int ui_missing_glyphs(const ImDrawData* dd) {
    if (!dd) return 0;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (!atlas || !atlas->Builder) return 0;
    // Each size the font is baked at has its own fallback glyph, somewhere in the texture: a glyph
    // quad is written as 4 vertices (top-left, top-right, bottom-right, bottom-left), so one that
    // starts at the fallback's top-left UV and reaches its bottom-right UV two vertices on is one.
    struct Mark { ImVec2 uv0, uv1; };
    std::vector<Mark> marks;
    for (int i = 0; i < atlas->Builder->BakedPool.Size; i++) {
        const ImFontBaked& b = atlas->Builder->BakedPool[i];
        if (b.WantDestroy || b.FallbackGlyphIndex < 0 || b.FallbackGlyphIndex >= b.Glyphs.Size) continue;
        const ImFontGlyph& g = b.Glyphs[b.FallbackGlyphIndex];
        if (g.Visible) marks.push_back({ImVec2(g.U0, g.V0), ImVec2(g.U1, g.V1)});
    }
    if (marks.empty()) return 0;
    int n = 0;
    for (int l = 0; l < dd->CmdListsCount; l++) {
        const ImVector<ImDrawVert>& v = dd->CmdLists[l]->VtxBuffer;
        for (int i = 0; i + 3 < v.Size; i++)
            for (const Mark& m : marks)
                if (v[i].uv.x == m.uv0.x && v[i].uv.y == m.uv0.y && v[i + 2].uv.x == m.uv1.x && v[i + 2].uv.y == m.uv1.y) {
                    n++;
                    i += 3;
                    break;
                }
    }
    return n;
}

}  // namespace uxcx
