// load_text.h: text helpers of the journey loader: byte offsets to line/column, display-name
// sanitising, UTF-8 checks, "did you mean" hints, url schemes, and why a file is not JSON.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace uxcx {

// Line and column (1-based, column in code points) of each offset; `offsets` must be sorted.
// One pass over the text however many offsets, so diagnostics on a 30 MB file stay cheap.
std::vector<std::pair<int, int>> line_columns(std::string_view src, const std::vector<size_t>& offsets);

// Removes C0/C1 control characters and bidirectional formatting characters (U+200E/F, U+061C,
// U+202A-202E, U+2066-2069) from a name meant for display. Returns true when anything was removed.
bool sanitize_display_name(std::string& s);

// A user's text inside a diagnostic: quoted, hidden characters removed (a message must say what
// the text holds, not be turned by it), shortened to 60 characters with "...".
std::string quote_for_message(std::string_view s);
// Appends "/key" to a JSON pointer, escaping "~" and "/" (RFC 6901).
void append_pointer_segment(std::string& p, std::string_view key);

// Offset of the first byte that is not part of well-formed UTF-8; npos when all of it is.
size_t first_invalid_utf8(std::string_view s);

// Levenshtein distance (insert, delete, substitute: 1 each), case-insensitive for ASCII.
int edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word` when close enough to be a plausible typo, else "".
std::string_view did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

// For input that failed to parse: a plain-words explanation when it is recognisably something
// else (a web page, CSV, Latin-1 text), else "".
std::string explain_not_json(std::string_view src);

// Checks that do not need a parse: an explanation when the bytes cannot be a journey file
// (empty, gzip, UTF-16), else "".
std::string explain_unreadable(std::string_view src);

}  // namespace uxcx
