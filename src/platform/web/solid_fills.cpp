// solid_fills.cpp: solid fills drawn without sampling the font atlas.
//
// Dear ImGui draws everything with one shader, colour times a texel of the font atlas: solid fills
// (backgrounds, cards, chips, bars, the anti-aliased fringes of shapes) sample the atlas's one
// white pixel. Without a GPU (SwiftShader in Chromium, and the software renderers of many meeting
// room laptops) that filtered sample is most of a pixel's cost: a screen of textured, blended fill
// took 8-11 ms a frame more than the same fill without the sample, on a 2-core Xeon (bench/README.md).
// So the fragment shader samples only when the vertex's texture coordinate is not negative, and
// each frame the white pixel's coordinates are replaced by (-1, -1). Glyphs, anti-aliased lines
// (ImGui's line texture) and images keep theirs and are sampled as before: the pixels are the same.
#include "platform/web/solid_fills.h"

#include <GLES3/gl3.h>
#include <emscripten.h>

#include <string>

#include "imgui.h"

namespace {

// The statement of ImGui's fragment shader this changes, and what it becomes. If a later ImGui
// writes it otherwise, the shader is left alone and mark_solid_fills does nothing.
constexpr const char* kSampleAlways = "Out_Color = Frag_Color * texture(Texture, Frag_UV.st);";
constexpr const char* kSampleTextured = "Out_Color = Frag_Color; if (Frag_UV.x >= 0.0) Out_Color *= texture(Texture, Frag_UV.st);";

struct SolidFills {
    bool shader_reads_mark = false;  // ImGui's shader was built with kSampleTextured
    bool on = true;                  // marking; off only to compare the pixels (uxcx_set_solid_fills)
};
SolidFills g_fills;

}  // namespace

// The backend's glShaderSource (imgui_backend.cpp defines it to this name).
extern "C" void uxcx_gl_shader_source(GLuint shader, GLsizei count, const GLchar* const* strings, const GLint* lengths) {
    std::string source;
    for (GLsizei i = 0; i < count; i++)
        source.append(strings[i], lengths && lengths[i] >= 0 ? (size_t)lengths[i] : std::char_traits<char>::length(strings[i]));
    const size_t at = source.find(kSampleAlways);
    if (at != std::string::npos) {
        source.replace(at, std::char_traits<char>::length(kSampleAlways), kSampleTextured);
        g_fills.shader_reads_mark = true;
    }
    const GLchar* one = source.c_str();
    glShaderSource(shader, 1, &one, nullptr);
}

namespace uxcx {

void mark_solid_fills(ImDrawData* dd) {
    if (!g_fills.shader_reads_mark || !g_fills.on || !dd) return;
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const ImVec2 white = atlas->TexUvWhitePixel;  // of the atlas's current texture
    for (ImDrawList* dl : dd->CmdLists)
        for (const ImDrawCmd& cmd : dl->CmdBuffer) {
            if (cmd.UserCallback || cmd.TexRef._TexData != atlas->TexData) continue;  // another texture: its own coordinates
            ImDrawVert* v = dl->VtxBuffer.Data + cmd.VtxOffset;
            const ImDrawIdx* idx = dl->IdxBuffer.Data + cmd.IdxOffset;
            for (unsigned i = 0; i < cmd.ElemCount; i++) {
                ImDrawVert& vert = v[idx[i]];
                if (vert.uv.x == white.x && vert.uv.y == white.y) vert.uv = ImVec2(-1, -1);
            }
        }
}

}  // namespace uxcx

// For the end-to-end test that the marked fills draw the same pixels as sampled ones: turns the
// marking off (0) or on (1). Returns 1 when ImGui's shader reads the mark (else marking does nothing).
extern "C" EMSCRIPTEN_KEEPALIVE int uxcx_set_solid_fills(int on) {
    g_fills.on = on != 0;
    return g_fills.shader_reads_mark ? 1 : 0;
}
