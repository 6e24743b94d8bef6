// file_menu.cpp: the File menu. Ways in and out of the app start here.
#include "ui/file_menu.h"

#include "imgui.h"
#include "platform/platform.h"

namespace uxcx {

void draw_file_menu(App& app) {
    if (ImGui::MenuItem("Open...", "Ctrl+O")) platform::open_file_dialog();
}

}  // namespace uxcx
