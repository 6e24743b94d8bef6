// load_text.cpp: text helpers of the journey loader (positions, sanitising, hints).
#include "core/load_text.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace uxcx {

namespace {

bool has_utf8_bom(std::string_view s) {
    return s.size() >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF;
}

size_t skip_bom_and_space(std::string_view s) {
    size_t i = has_utf8_bom(s) ? 3 : 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    return i;
}

// Decodes the code point at s[i] (s is well-formed or this returns the byte itself, length 1).
unsigned decode(std::string_view s, size_t i, size_t* len) {
    unsigned char c = (unsigned char)s[i];
    int n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + n > s.size()) n = 1;
    unsigned cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n; k++) cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3F);
    *len = (size_t)n;
    return cp;
}

bool is_hidden_char(unsigned cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x200E || cp == 0x200F || cp == 0x061C ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c; }

}  // namespace

std::vector<std::pair<int, int>> line_columns(std::string_view src, const std::vector<size_t>& offsets) {
    std::vector<std::pair<int, int>> out;
    out.reserve(offsets.size());
    size_t i = has_utf8_bom(src) ? 3 : 0;  // editors do not show the BOM: it is no column
    int line = 1, col = 0;                  // col: code points since the line's start
    for (size_t target : offsets) {
        target = std::min(target, src.size());
        for (; i < target; i++) {
            unsigned char c = (unsigned char)src[i];
            if (c == '\n') {
                line++;
                col = 0;
            } else if ((c & 0xC0) != 0x80) {
                col++;  // UTF-8 continuation bytes are part of the previous character
            }
        }
        out.push_back({line, col + 1});
    }
    return out;
}

bool sanitize_display_name(std::string& s) {
    bool changed = false;
    std::string out;
    for (size_t i = 0; i < s.size();) {
        size_t len = 1;
        unsigned cp = decode(s, i, &len);
        if (is_hidden_char(cp)) changed = true;
        else out.append(s, i, len);
        i += len;
    }
    if (changed) s = std::move(out);
    return changed;
}

size_t first_invalid_utf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        int n;
        unsigned cp, min;
        if ((c >> 5) == 0x6) n = 2, cp = c & 0x1F, min = 0x80;
        else if ((c >> 4) == 0xE) n = 3, cp = c & 0x0F, min = 0x800;
        else if ((c >> 3) == 0x1E) n = 4, cp = c & 0x07, min = 0x10000;
        else return i;
        if (i + n > s.size()) return i;
        for (int k = 1; k < n; k++) {
            unsigned char d = (unsigned char)s[i + k];
            if ((d & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (d & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += n;
    }
    return std::string_view::npos;
}

int edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: a swap of neighbours ("nsp" for "nps") counts as one edit.
    const size_t kMax = 64;  // names longer than this are not typo candidates anyway
    if (a.size() > kMax || b.size() > kMax) return 1 << 20;
    size_t n = a.size(), m = b.size();
    std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (size_t j = 0; j <= m; j++) prev[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

std::string_view did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
    // Allowed edits grow with the word: 1 for "nsp", 2 for "purchse", 3 for longer names.
    int limit = word.size() <= 4 ? 1 : word.size() <= 8 ? 2 : 3;
    std::string_view best;
    int bestD = limit + 1;
    size_t tried = 0;
    for (std::string_view c : candidates) {
        if (++tried > 2000) break;  // hostile files with huge id lists: stay fast
        size_t diff = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
        if ((int)diff >= bestD) continue;
        int d = edit_distance(word, c);
        if (d < bestD) bestD = d, best = c;
    }
    return best;
}

std::string explain_unreadable(std::string_view src) {
    if (skip_bom_and_space(src) == src.size())
        return "The file is empty: there is no journey in it. Was it saved completely?";
    if (src.size() >= 2 && (unsigned char)src[0] == 0x1F && (unsigned char)src[1] == 0x8B)
        return "The file is compressed (gzip), not a journey file: unpack it first (for example with gunzip) "
               "and open the .json file inside.";
    if (src.size() >= 4 && src.substr(0, 4) == std::string_view("PK\x03\x04", 4))
        return "The file is a zip archive (or an Excel workbook), not a journey file: unpack it, or save the "
               "sheet as CSV with uxcx's columns (a header row starting with `id` or `name`) and open that with "
               "File > Open...";
    bool bom16 = src.size() >= 2 && (((unsigned char)src[0] == 0xFF && (unsigned char)src[1] == 0xFE) ||
                                     ((unsigned char)src[0] == 0xFE && (unsigned char)src[1] == 0xFF));
    // UTF-16 without a BOM: ASCII text with a zero byte before or after every character.
    bool interleaved = false;
    if (!bom16 && src.size() >= 4) {
        size_t n = std::min<size_t>(src.size() & ~(size_t)1, 64);
        for (int zeroAt = 0; zeroAt < 2 && !interleaved; zeroAt++) {
            bool all = true;
            for (size_t i = 0; i < n && all; i += 2)
                all = src[i + zeroAt] == 0 && src[i + 1 - zeroAt] != 0;
            interleaved = all;
        }
    }
    if (bom16 || interleaved)
        return "The file is saved as UTF-16 (\"Unicode\" in some editors), not UTF-8: save it again as "
               "UTF-8 and open it again.";
    return "";
}

std::string explain_not_json(std::string_view src) {
    size_t i = skip_bom_and_space(src);
    if (i < src.size() && src[i] == '<')
        return "This is a web page (HTML), not a journey file: was the link to the raw file? "
               "(On GitHub, use the \"Raw\" button.)";
    if (i < src.size() && src[i] != '{' && src[i] != '[') {
        std::string_view first = src.substr(i, src.find('\n', i) == std::string_view::npos ? std::string_view::npos
                                                                                           : src.find('\n', i) - i);
        bool separated = first.find(',') != std::string_view::npos || first.find(';') != std::string_view::npos ||
                         first.find('\t') != std::string_view::npos;
        if (separated && first.find('{') == std::string_view::npos && first.find('[') == std::string_view::npos)
            return "This looks like CSV (a spreadsheet export), but not with uxcx's columns: File > Open... reads "
                   "CSV whose header row starts with `id` or `name` (docs/journey-format.md, \"CSV\"), and "
                   "`uxcx convert` converts it on the command line.";
    }
    return "";
}

// A user's text inside a message: quoted, hidden characters removed, long text shortened.
std::string quote_for_message(std::string_view s) {
    std::string t(s.substr(0, 240));
    sanitize_display_name(t);
    size_t cps = 0, cut = t.size();
    for (size_t i = 0; i < t.size(); i++)
        if (((unsigned char)t[i] & 0xC0) != 0x80 && ++cps > 60) {
            cut = i;
            break;
        }
    return "\"" + t.substr(0, cut) + (cut < t.size() || s.size() > 240 ? "...\"" : "\"");
}

void append_pointer_segment(std::string& p, std::string_view key) {
    p += '/';
    for (char c : key) {
        if (c == '~') p += "~0";
        else if (c == '/') p += "~1";
        else p += c;
    }
}

}  // namespace uxcx
