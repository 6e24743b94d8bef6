// link.cpp: download names and the view-state query of shared links (see link.h).
#include "core/link.h"

#include <algorithm>
#include <vector>

#include "core/analysis.h"

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

std::string percent_decode(std::string_view s) {
    auto hex = [](char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    };
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); i++) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += (char)(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

static const char* const kHeatIds[3] = {"ux", "cx", "gap"};

// An index's id for the link: "-" for the unassigned group (-1).
template <class T>
static std::string group_id(const std::vector<T>& v, int i) {
    return i >= 0 && i < (int)v.size() ? v[(size_t)i].id : std::string("-");
}

// An id's index, or `missing` when no element has it. Real ids win over "-".
template <class T>
static int index_of(const std::vector<T>& v, std::string_view id, int missing) {
    for (size_t i = 0; i < v.size(); i++)
        if (v[i].id == id) return (int)i;
    return missing;
}

std::string link_query(const Journey& j, const LinkState& s) {
    const std::string sel =
        s.selected >= 0 && s.selected < (int)j.touchpoints.size() ? j.touchpoints[(size_t)s.selected].id : "";
    std::string q = link_view_query(s.view, sel);
    const ViewFilters& f = s.filters;
    if (!f.text.empty()) q += "&q=" + percent_encode(f.text);
    if (f.quadrant >= 0 && f.quadrant <= (int)Quadrant::NoData) q += std::string("&quad=") + quadrant_id((Quadrant)f.quadrant);
    if (f.stage != kAllGroups) q += "&stage=" + percent_encode(group_id(j.stages, f.stage));
    if (f.channel != kAllGroups) q += "&ch=" + percent_encode(group_id(j.channels, f.channel));
    if (f.heat != HeatCx && f.heat >= 0 && f.heat < 3) q += std::string("&heat=") + kHeatIds[f.heat];
    const int n = (int)j.sets.size();
    const bool default_sets = s.compare_a == 0 && s.compare_b == (n > 1 ? 1 : 0);
    if (!default_sets && s.compare_a >= 0 && s.compare_a < n && s.compare_b >= 0 && s.compare_b < n)
        q += "&sets=" + percent_encode(j.sets[(size_t)s.compare_a].id) + "," + percent_encode(j.sets[(size_t)s.compare_b].id);
    if (s.set > 0 && s.set < n) q += "&set=" + percent_encode(j.sets[(size_t)s.set].id);
    std::string overlay;
    for (int o : s.overlay)
        if (o >= 0 && o < n) overlay += (overlay.empty() ? "" : ",") + percent_encode(j.sets[(size_t)o].id);
    if (!overlay.empty()) q += "&overlay=" + overlay;
    return q;
}

LinkState parse_link_query(const Journey& j, std::string_view query, LinkState s) {
    s.filters = ViewFilters{};
    s.set = 0;
    s.overlay.clear();
    size_t pos = 0;
    while (pos <= query.size()) {
        size_t amp = query.find('&', pos);
        if (amp == std::string_view::npos) amp = query.size();
        const std::string_view pair = query.substr(pos, amp - pos);
        pos = amp + 1;
        const size_t eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        const std::string_view key = pair.substr(0, eq), raw = pair.substr(eq + 1);
        if (key == "sets") {
            // Split before decoding: a ',' inside an id arrives as %2C.
            const size_t comma = raw.find(',');
            if (comma == std::string_view::npos) continue;
            const int a = index_of(j.sets, percent_decode(raw.substr(0, comma)), -1);
            const int b = index_of(j.sets, percent_decode(raw.substr(comma + 1)), -1);
            if (a >= 0 && b >= 0) s.compare_a = a, s.compare_b = b;
            continue;
        }
        if (key == "overlay") {
            // Ids split before decoding (a ',' inside an id arrives as %2C); unknown ids and repeats are
            // dropped, at most kMaxOverlaySets kept.
            s.overlay.clear();
            size_t from = 0;
            while (from <= raw.size() && (int)s.overlay.size() < kMaxOverlaySets) {
                size_t comma = raw.find(',', from);
                if (comma == std::string_view::npos) comma = raw.size();
                const int o = index_of(j.sets, percent_decode(raw.substr(from, comma - from)), -1);
                if (o >= 0 && std::find(s.overlay.begin(), s.overlay.end(), o) == s.overlay.end()) s.overlay.push_back(o);
                from = comma + 1;
            }
            continue;
        }
        const std::string v = percent_decode(raw);
        if (key == "view") {
            if (!v.empty() && v.size() <= 32) s.view = v;
        } else if (key == "set") {
            const int set = index_of(j.sets, v, -1);
            if (set >= 0) s.set = set;
        } else if (key == "sel") {
            const int t = index_of(j.touchpoints, v, -1);
            if (t >= 0) s.selected = t;
        } else if (key == "q") {
            size_t cut = std::min(v.size(), kMaxFilterText);
            while (cut > 0 && cut < v.size() && ((unsigned char)v[cut] & 0xC0) == 0x80) cut--;  // whole characters
            s.filters.text = v.substr(0, cut);
        } else if (key == "quad") {
            for (int qd = 0; qd <= (int)Quadrant::NoData; qd++)
                if (v == quadrant_id((Quadrant)qd)) s.filters.quadrant = qd;
        } else if (key == "stage") {
            s.filters.stage = index_of(j.stages, v, v == "-" ? -1 : kAllGroups);
        } else if (key == "ch") {
            s.filters.channel = index_of(j.channels, v, v == "-" ? -1 : kAllGroups);
        } else if (key == "heat") {
            for (int h = 0; h < 3; h++)
                if (v == kHeatIds[h]) s.filters.heat = h;
        }
    }
    return s;
}

}  // namespace uxcx
