// file_menu.h: the File menu's items (open, samples, recent maps, downloads, copy link).
#pragma once

#include <string_view>

#include "ui/app.h"

namespace uxcx {

// Draws the items inside an open "File" menu.
void draw_file_menu(App& app);

// What the menu items do, also called by the automation hook (window.uxcx.copyLink/download).
// Copy link: the hosted-map link when the map came from a URL, otherwise the map in the link;
// both carry the view and the selection.
void copy_link(const App& app);
// Downloads the open journey as "json", "mermaid" or "csv", named after its title. A JSON
// download counts as saving: the document is no longer dirty. Returns false for an unknown kind.
bool download_document(App& app, std::string_view kind);

}  // namespace uxcx
