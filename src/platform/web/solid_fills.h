// solid_fills.h: solid fills drawn without sampling the font atlas (see solid_fills.cpp).
#pragma once

struct ImDrawData;

namespace uxcx {

// Marks this frame's solid fills (vertices at the atlas's white pixel) for the fragment shader to
// draw without sampling the atlas; once the backend's shader was changed to read the mark, else a
// no-op. Before ImGui_ImplOpenGL3_RenderDrawData.
void mark_solid_fills(ImDrawData* dd);

}  // namespace uxcx
