// link.h: pure helpers for the ways out of the app: file names for downloads and the view state
// that a shared link carries (`view=quadrant&sel=T3`). No browser here; the page does the rest.
#pragma once

#include <string>
#include <string_view>

namespace uxcx {

// A download name from a journey title: letters, digits, '-' and '_' kept (UTF-8 letters too),
// runs of anything else become one '-', at most 80 bytes, never empty ("journey"), plus `ext`.
std::string download_name(std::string_view title, std::string_view ext);

// Percent-encodes everything except A-Z a-z 0-9 - _ . ~ (RFC 3986 unreserved), byte by byte.
std::string percent_encode(std::string_view s);

// The query a link carries so the receiver sees what the sender saw: "view=NAME" and, when a
// touchpoint is selected, "&sel=ID" (percent-encoded).
std::string link_view_query(std::string_view view, std::string_view selected_id);

}  // namespace uxcx
