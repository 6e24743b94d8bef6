// fonts.cpp: the fallback glyph as a mark, and counting it in a frame's draw data.
#include "ui/fonts.h"

#include <vector>

#include "imgui_internal.h"  // ImFontAtlasBuilder::BakedPool: every size the fonts are baked at

namespace uxcx {

void ui_fonts_added(ImFont* font) {
    if (font && font->IsGlyphInFont(kMissingGlyphMark)) font->FallbackChar = kMissingGlyphMark;
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
