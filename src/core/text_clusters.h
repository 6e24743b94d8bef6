// text_clusters.h: the runs of characters that must be drawn as one glyph, for a renderer that
// draws one glyph per code point and does not shape (Dear ImGui).
//
// Two kinds:
// - Devanagari syllables with a conjunct: consonants joined by a virama (क्ष, स्थ, प्र, the reph of
//   र्क) with the vowel signs and marks that follow. The font forms them through its substitution
//   tables, which only a shaper reads; drawn from their parts they show a virama between letters.
// - Emoji sequences: people and things joined by ZWJ (👨‍👩‍👧), flags (two regional indicators, 🇯🇵;
//   tag sequences, 🏴 + tags), keycaps (1️⃣), skin tones (👍🏽), and an emoji asked for in colour
//   (❤️: U+2764 U+FE0F). Drawn from their parts they show as several emoji, or in black and white.
// Such a run is replaced by one code point of the Supplementary Private Use Area-A, which stands
// for the run's text in a ClusterTable; the host draws that text whole (the browser shapes and
// rasterises it: ui/fonts.h). Everything else stays as it is.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace uxcx {

enum class ClusterKind : uint8_t {
    Script,  // letters: drawn in the text's colour, in the script's font
    Emoji,   // drawn in the emoji's own colours
};

// The code points handed out for clusters, in order: Supplementary Private Use Area-A, which no
// font the app uses and no name in a journey is expected to hold.
inline constexpr uint32_t kFirstClusterCode = 0xF0000;
inline constexpr uint32_t kLastClusterCode = 0xFFFFD;

// Which text each cluster code stands for. Grows as new clusters are drawn; a code keeps its text
// for the table's life (the glyphs cached for it stay right).
struct ClusterTable {
    struct Entry {
        std::string text;  // UTF-8, logical order
        ClusterKind kind = ClusterKind::Script;
    };
    // Looked up by string_view without a copy: clusters are looked up every frame they are drawn.
    struct TextHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::vector<Entry> entries;  // entries[i] is code kFirstClusterCode + i
    std::unordered_map<std::string, uint32_t, TextHash, std::equal_to<>> codes;
};

// True for a pictograph that the emoji font draws: the ranges of emoji and symbols without a
// glyph in the UI font (Inter's own ★ ✓ ⚠ are drawn by Inter first).
bool is_emoji(uint32_t c);

// A Devanagari consonant (with the nukta forms and the additional consonants).
bool is_devanagari_consonant(uint32_t c);

// The end of the cluster that starts at cs[i] (one past its last code point), with its kind; i when
// no cluster needing a shaper starts there (single characters, syllables without a conjunct, an
// emoji alone or with the text presentation selector).
size_t cluster_end(const std::vector<uint32_t>& cs, size_t i, ClusterKind* kind);

// The code standing for `text` (added when new); 0 when the table is full: the text is then drawn
// from its parts.
uint32_t cluster_code(ClusterTable& table, std::string_view text, ClusterKind kind);

// The entry of `code`, or null when it is no cluster code of this table.
const ClusterTable::Entry* cluster_entry(const ClusterTable& table, uint32_t code);

// Every cluster of `cs` replaced by its code.
std::vector<uint32_t> replace_clusters(const std::vector<uint32_t>& cs, ClusterTable& table);

}  // namespace uxcx
