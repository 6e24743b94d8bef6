// link.cpp: download names and the view-state query of shared links (see link.h).
#include "core/link.h"

namespace uxcx {

std::string download_name(std::string_view title, std::string_view ext) {
    std::string out;
    bool gap = false;
    for (unsigned char c : title) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '_' || c >= 0x80;  // UTF-8 bytes: names in any script stay readable
        if (!keep) {
            gap = true;
            continue;
        }
        if (gap && !out.empty()) out += '-';
        gap = false;
        out += (char)c;
    }
    if (out.size() > 80) {
        size_t cut = 80;
        while (cut > 0 && ((unsigned char)out[cut] & 0xC0) == 0x80) cut--;  // not inside a UTF-8 character
        out.resize(cut);
    }
    if (out.empty()) out = "journey";
    return out + std::string(ext);
}

std::string percent_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += (char)c;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string link_view_query(std::string_view view, std::string_view selected_id) {
    std::string q = "view=" + percent_encode(view);
    if (!selected_id.empty()) q += "&sel=" + percent_encode(selected_id);
    return q;
}

}  // namespace uxcx
