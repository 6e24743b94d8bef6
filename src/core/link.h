// link.h: pure helpers for the ways out of the app: file names for downloads and the view state
// that a shared link carries (`view=ranking&sel=T3&q=email`). No browser here; the page does the rest.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/journey.h"
#include "core/view_filters.h"

namespace uxcx {

// A download name from a journey title: letters, digits, '-' and '_' kept (UTF-8 letters too),
// runs of anything else become one '-', at most 80 bytes, never empty ("journey"), plus `ext`.
std::string download_name(std::string_view title, std::string_view ext);

// Percent-encodes everything except A-Z a-z 0-9 - _ . ~ (RFC 3986 unreserved), byte by byte.
std::string percent_encode(std::string_view s);

// The query a link carries so the receiver sees what the sender saw: "view=NAME" and, when a
// touchpoint is selected, "&sel=ID" (percent-encoded).
std::string link_view_query(std::string_view view, std::string_view selected_id);

// Decodes %XX (bad sequences stay as written) and '+' as a space, as URLSearchParams does.
std::string percent_decode(std::string_view s);

// What a shared link (and a recent-map entry) carries, as indices into one journey.
struct LinkState {
    std::string view;   // a view name; empty: not given (the UI refuses unknown names)
    int selected = -1;  // touchpoint index; -1: none
    ViewFilters filters;
    int compare_a = 0, compare_b = 0;  // measurement sets compared
    int set = 0;                       // the measurement set every view shows (0: the first)
    std::vector<int> overlay;          // sets whose curves the map overlays, at most kMaxOverlaySets
};

// The map overlays the emotion and score curves of at most this many measurement sets.
constexpr int kMaxOverlaySets = 5;

// "view=ranking&sel=T3&q=email&quad=good-ux-poor-cx&stage=support&ch=phone&heat=gap&sets=q1,q2
// &set=business&overlay=business,leisure" (set: the set shown; overlay: the map's extra curves).
// Ids, not indices, so a link survives reordering; "-" is the unassigned stage or channel.
// Filters at their defaults and the default sets (first two) are left out to keep links short.
std::string link_query(const Journey& j, const LinkState& s);

// Reads such a query into `base`: filters the query leaves out go back to their defaults (the
// receiver sees the sender's filters, not its own; so do `set`, back to the first set, and
// `overlay`, back to none); view, sel and sets change only when given and known. Unknown keys and ids are ignored, `q` is cut to kMaxFilterText bytes (whole characters).
LinkState parse_link_query(const Journey& j, std::string_view query, LinkState base);

}  // namespace uxcx
