// text_clusters.cpp: finding the runs a shaper must draw (text_clusters.h). The sequences are
// Unicode's: Devanagari syllable structure (the Indic shaping model's consonant clusters) and the
// emoji sequences of UTS #51 (ZWJ, modifier, flag, tag and keycap sequences).
#include "core/text_clusters.h"

#include "core/utf8.h"

namespace uxcx {

bool is_emoji(uint32_t c) {
    return (c >= 0x2300 && c <= 0x23FF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF) ||
           (c >= 0x1F000 && c <= 0x1FAFF);
}

bool is_devanagari_consonant(uint32_t c) {
    return (c >= 0x0915 && c <= 0x0939) || (c >= 0x0958 && c <= 0x095F) || (c >= 0x0978 && c <= 0x097F);
}

namespace {

constexpr uint32_t kZwj = 0x200D, kZwnj = 0x200C, kVirama = 0x094D, kNukta = 0x093C;

// What follows a Devanagari syllable's consonants and belongs to it: dependent vowel signs,
// candrabindu, anusvara, visarga, stress and accent marks.
bool is_devanagari_sign(uint32_t c) {
    return (c >= 0x0900 && c <= 0x0903) || (c >= 0x093A && c <= 0x094C) || c == 0x094E || c == 0x094F ||
           (c >= 0x0951 && c <= 0x0957) || c == 0x0962 || c == 0x0963;
}

bool is_regional_indicator(uint32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }
bool is_skin_tone(uint32_t c) { return c >= 0x1F3FB && c <= 0x1F3FF; }
bool is_tag(uint32_t c) { return c >= 0xE0020 && c <= 0xE007F; }
bool is_variation_selector(uint32_t c) { return c == 0xFE0E || c == 0xFE0F; }

// Consonant (nukta) (virama [ZWJ|ZWNJ] consonant (nukta))* [virama [ZWJ|ZWNJ]] signs*: a cluster
// when a virama joins two consonants or asks for a half form (virama + ZWJ).
size_t devanagari_end(const std::vector<uint32_t>& cs, size_t i) {
    const size_t n = cs.size();
    size_t j = i + 1;
    bool joined = false;
    auto skip_nukta = [&] {
        if (j < n && cs[j] == kNukta) j++;
    };
    skip_nukta();
    while (j < n && cs[j] == kVirama) {
        size_t k = j + 1;
        const bool zw = k < n && (cs[k] == kZwj || cs[k] == kZwnj);
        if (zw) k++;
        if (k < n && is_devanagari_consonant(cs[k])) {
            j = k + 1;
            joined = true;
            skip_nukta();
            continue;
        }
        j = k;  // a dead consonant ends the syllable: with ZWJ it is a half form
        joined = joined || (zw && cs[k - 1] == kZwj);
        break;
    }
    while (j < n && is_devanagari_sign(cs[j])) j++;
    return joined ? j : i;
}

// An emoji with its variation selector, skin tone and tags; then more joined with ZWJ. An emoji
// presentation selector (U+FE0F) alone makes it a cluster too: the UI font has some of these
// characters in black and white (❤, ☎), and the selector asks for the colour emoji.
size_t emoji_end(const std::vector<uint32_t>& cs, size_t i) {
    const size_t n = cs.size();
    size_t j = i + 1;
    bool sequence = false;
    for (;;) {
        while (j < n && (is_variation_selector(cs[j]) || is_skin_tone(cs[j]) || is_tag(cs[j]))) {
            sequence = sequence || cs[j] != 0xFE0E;
            j++;
        }
        if (j + 1 < n && cs[j] == kZwj && is_emoji(cs[j + 1])) {
            j += 2;
            sequence = true;
            continue;
        }
        break;
    }
    return sequence ? j : i;
}

}  // namespace

size_t cluster_end(const std::vector<uint32_t>& cs, size_t i, ClusterKind* kind) {
    const size_t n = cs.size();
    if (i >= n) return i;
    const uint32_t c = cs[i];
    size_t end = i;
    ClusterKind k = ClusterKind::Emoji;
    if (is_devanagari_consonant(c)) {
        end = devanagari_end(cs, i);
        k = ClusterKind::Script;
    } else if (is_regional_indicator(c)) {
        end = i + 1 < n && is_regional_indicator(cs[i + 1]) ? i + 2 : i;
    } else if ((c >= '0' && c <= '9') || c == '#' || c == '*') {
        size_t j = i + 1;
        if (j < n && cs[j] == 0xFE0F) j++;
        end = j < n && cs[j] == 0x20E3 ? j + 1 : i;
    } else if (is_emoji(c)) {
        end = emoji_end(cs, i);
    }
    if (end > i && kind) *kind = k;
    return end;
}

uint32_t cluster_code(ClusterTable& table, std::string_view text, ClusterKind kind) {
    if (const auto it = table.codes.find(text); it != table.codes.end()) return it->second;
    if (table.entries.size() > (size_t)(kLastClusterCode - kFirstClusterCode)) return 0;
    const uint32_t code = kFirstClusterCode + (uint32_t)table.entries.size();
    table.entries.push_back({std::string(text), kind});
    table.codes.emplace(std::string(text), code);
    return code;
}

const ClusterTable::Entry* cluster_entry(const ClusterTable& table, uint32_t code) {
    if (code < kFirstClusterCode || code - kFirstClusterCode >= table.entries.size()) return nullptr;
    return &table.entries[code - kFirstClusterCode];
}

std::vector<uint32_t> replace_clusters(const std::vector<uint32_t>& cs, ClusterTable& table) {
    std::vector<uint32_t> out;
    out.reserve(cs.size());
    std::string text;
    for (size_t i = 0; i < cs.size();) {
        ClusterKind kind = ClusterKind::Script;
        const size_t end = cluster_end(cs, i, &kind);
        if (end > i) {
            text.clear();
            for (size_t k = i; k < end; k++) append_utf8(text, cs[k]);
            if (const uint32_t code = cluster_code(table, text, kind)) {
                out.push_back(code);
                i = end;
                continue;
            }
        }
        out.push_back(cs[i++]);
    }
    return out;
}

}  // namespace uxcx
