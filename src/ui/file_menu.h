// file_menu.h: the File menu's items (open, samples, recent maps, downloads, copy link).
#pragma once

#include "ui/app.h"

namespace uxcx {

// Draws the items inside an open "File" menu.
void draw_file_menu(App& app);

}  // namespace uxcx
