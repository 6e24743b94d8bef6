// imgui_backend.cpp: Dear ImGui's OpenGL 3 renderer (from the package, unchanged), compiled with its
// fragment shader's source passed through solid_fills.cpp, which lets solid fills skip the atlas.
// Only the app's build does this: the benchmark's bare page compiles the backend as it comes.
#define glShaderSource uxcx_gl_shader_source
#include "imgui_impl_opengl3.cpp"
