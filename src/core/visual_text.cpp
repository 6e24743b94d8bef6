// visual_text.cpp: Arabic joining and the bidirectional algorithm for one line (visual_text.h).
// The types and rules are Unicode's (UAX #9, rules named as there; ArabicShaping.txt), reduced to
// what a name on a card needs: no explicit embeddings, one paragraph, one line.
#include "core/visual_text.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/text_clusters.h"
#include "core/utf8.h"

namespace uxcx {

namespace {

std::vector<uint32_t> decode(std::string_view s) {
    std::vector<uint32_t> out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) out.push_back(next_utf8(s, i));
    return out;
}

// ---- Arabic joining --------------------------------------------------------------------------------
// A letter's presentation forms: isolated, final, initial, medial. A right-joining letter (alef,
// dal, reh, waw...) has no initial or medial form; hamza joins neither way.
struct Forms {
    uint16_t letter, isolated, final, initial, medial;
};
constexpr Forms kForms[] = {
    {0x0621, 0xFE80, 0, 0, 0},                    // hamza
    {0x0622, 0xFE81, 0xFE82, 0, 0},               // alef with madda above
    {0x0623, 0xFE83, 0xFE84, 0, 0},               // alef with hamza above
    {0x0624, 0xFE85, 0xFE86, 0, 0},               // waw with hamza above
    {0x0625, 0xFE87, 0xFE88, 0, 0},               // alef with hamza below
    {0x0626, 0xFE89, 0xFE8A, 0xFE8B, 0xFE8C},     // yeh with hamza above
    {0x0627, 0xFE8D, 0xFE8E, 0, 0},               // alef
    {0x0628, 0xFE8F, 0xFE90, 0xFE91, 0xFE92},     // beh
    {0x0629, 0xFE93, 0xFE94, 0, 0},               // teh marbuta
    {0x062A, 0xFE95, 0xFE96, 0xFE97, 0xFE98},     // teh
    {0x062B, 0xFE99, 0xFE9A, 0xFE9B, 0xFE9C},     // theh
    {0x062C, 0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0},     // jeem
    {0x062D, 0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4},     // hah
    {0x062E, 0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8},     // khah
    {0x062F, 0xFEA9, 0xFEAA, 0, 0},               // dal
    {0x0630, 0xFEAB, 0xFEAC, 0, 0},               // thal
    {0x0631, 0xFEAD, 0xFEAE, 0, 0},               // reh
    {0x0632, 0xFEAF, 0xFEB0, 0, 0},               // zain
    {0x0633, 0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4},     // seen
    {0x0634, 0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},     // sheen
    {0x0635, 0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC},     // sad
    {0x0636, 0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},     // dad
    {0x0637, 0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4},     // tah
    {0x0638, 0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},     // zah
    {0x0639, 0xFEC9, 0xFECA, 0xFECB, 0xFECC},     // ain
    {0x063A, 0xFECD, 0xFECE, 0xFECF, 0xFED0},     // ghain
    {0x0641, 0xFED1, 0xFED2, 0xFED3, 0xFED4},     // feh
    {0x0642, 0xFED5, 0xFED6, 0xFED7, 0xFED8},     // qaf
    {0x0643, 0xFED9, 0xFEDA, 0xFEDB, 0xFEDC},     // kaf
    {0x0644, 0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0},     // lam
    {0x0645, 0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4},     // meem
    {0x0646, 0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8},     // noon
    {0x0647, 0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC},     // heh
    {0x0648, 0xFEED, 0xFEEE, 0, 0},               // waw
    {0x0649, 0xFEEF, 0xFEF0, 0, 0},               // alef maksura
    {0x064A, 0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},     // yeh
    {0x067E, 0xFB56, 0xFB57, 0xFB58, 0xFB59},     // peh (Persian, Urdu)
    {0x0686, 0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D},     // tcheh
    {0x0698, 0xFB8A, 0xFB8B, 0, 0},               // jeh
    {0x06A9, 0xFB8E, 0xFB8F, 0xFB90, 0xFB91},     // keheh
    {0x06AF, 0xFB92, 0xFB93, 0xFB94, 0xFB95},     // gaf
    {0x06CC, 0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF},     // farsi yeh
};

const Forms* forms_of(uint32_t c) {
    const auto it = std::lower_bound(std::begin(kForms), std::end(kForms), c,
                                     [](const Forms& f, uint32_t v) { return f.letter < v; });
    return it != std::end(kForms) && it->letter == c ? it : nullptr;
}

// Harakat and other combining marks of the Arabic block: they sit on a letter and do not break a join.
bool is_arabic_mark(uint32_t c) {
    return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06DC) ||
           (c >= 0x06DF && c <= 0x06E4) || c == 0x06E7 || c == 0x06E8 || (c >= 0x06EA && c <= 0x06ED);
}

enum class Join { None, Right, Dual, Causing, Transparent };

Join joining(uint32_t c) {
    if (c == 0x0640 || c == 0x200D) return Join::Causing;  // tatweel, zero width joiner
    if (is_arabic_mark(c)) return Join::Transparent;
    if (const Forms* f = forms_of(c)) return f->initial ? Join::Dual : f->final ? Join::Right : Join::None;
    return Join::None;
}

// Each Arabic letter in the form its neighbours give it (logical order, before reordering).
std::vector<uint32_t> join_arabic(const std::vector<uint32_t>& in) {
    const size_t n = in.size();
    std::vector<uint32_t> out;
    out.reserve(n);
    auto before_joins = [&](size_t i) {  // the letter before i (marks skipped) joins towards i
        for (size_t k = i; k-- > 0;) {
            const Join j = joining(in[k]);
            if (j != Join::Transparent) return j == Join::Dual || j == Join::Causing;
        }
        return false;
    };
    auto after_joins = [&](size_t i) {  // the letter after i (marks skipped) joins towards i
        for (size_t k = i + 1; k < n; k++) {
            const Join j = joining(in[k]);
            if (j != Join::Transparent) return j == Join::Right || j == Join::Dual || j == Join::Causing;
        }
        return false;
    };
    for (size_t i = 0; i < n; i++) {
        const uint32_t c = in[i];
        const Forms* f = forms_of(c);
        if (!f) {
            out.push_back(c);
            continue;
        }
        const Join self = joining(c);
        const bool joined_before = self != Join::None && before_joins(i);
        // Lam followed by alef is one ligature, isolated or final (it joins nothing after it).
        if (c == 0x0644 && i + 1 < n) {
            const uint32_t a = in[i + 1];
            const uint32_t lig = a == 0x0622 ? 0xFEF5 : a == 0x0623 ? 0xFEF7 : a == 0x0625 ? 0xFEF9 : a == 0x0627 ? 0xFEFB : 0;
            if (lig) {
                out.push_back(joined_before ? lig + 1 : lig);
                i++;
                continue;
            }
        }
        const bool joined_after = self == Join::Dual && after_joins(i);
        const uint16_t form = joined_before && joined_after ? f->medial
                              : joined_before               ? f->final
                              : joined_after                ? f->initial
                                                            : f->isolated;
        out.push_back(form ? form : c);
    }
    return out;
}

// ---- Devanagari: the vowel sign i before its consonants ----------------------------------------
// ि (U+093F) is typed after the consonant (or conjunct) it belongs to and written before it. A
// renderer without a shaper draws it where it is stored, so "हिंदी" would read "हइंदी": it moves in
// front of its consonant cluster (consonants joined by virama, each with an optional nukta). With a
// cluster table, a syllable with a conjunct is one cluster code by now and the host's shaper places
// its ि; this is for the rest, and for renderers without one.

void reorder_devanagari_i(std::vector<uint32_t>& cs) {
    for (size_t i = 1; i < cs.size(); i++) {
        if (cs[i] != 0x093F) continue;
        size_t start = i;
        size_t k = i - 1;
        if (cs[k] == 0x093C && k > 0) k--;  // nukta
        if (!is_devanagari_consonant(cs[k])) continue;
        start = k;
        // Back over "consonant (nukta) virama" links of a conjunct: क्ष, स्त्र.
        while (start >= 2 && cs[start - 1] == 0x094D) {
            size_t c = start - 2;
            if (cs[c] == 0x093C && c > 0) c--;
            if (!is_devanagari_consonant(cs[c])) break;
            start = c;
        }
        std::rotate(cs.begin() + (long)start, cs.begin() + (long)i, cs.begin() + (long)i + 1);
    }
}

// ---- the bidirectional algorithm ------------------------------------------------------------------
// Bidi_Class values (UAX #9, table 4) that occur without explicit embeddings.
enum Bidi : uint8_t { L, R, AL, EN, ES, ET, AN, CS, NSM, BN, B, S, WS, ON };

Bidi bidi_type(uint32_t c) {
    if (c < 0x80) {
        if (c >= '0' && c <= '9') return EN;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return L;
        if (c == '+' || c == '-') return ES;
        if (c == '#' || c == '$' || c == '%') return ET;
        if (c == ',' || c == '.' || c == '/' || c == ':') return CS;
        if (c == ' ') return WS;
        if (c == '\t' || c == 0x0B || c == 0x1F) return S;
        if (c == '\n' || c == '\r' || (c >= 0x1C && c <= 0x1E)) return B;
        if (c < 0x20 || c == 0x7F) return BN;
        return ON;
    }
    if (c == 0x200E) return L;   // LRM
    if (c == 0x200F) return R;   // RLM
    if (c == 0x061C) return AL;  // ALM (Bidi_Class AL: it only steers)
    if ((c >= 0x200B && c <= 0x200D) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || c == 0x00AD) return BN;
    if (c == 0x00A0 || c == 0x202F) return CS;
    if ((c >= 0x00A2 && c <= 0x00A5) || c == 0x00B0 || c == 0x00B1 || (c >= 0x2030 && c <= 0x2034) || (c >= 0x20A0 && c <= 0x20CF))
        return ET;
    if (c == 0x00B2 || c == 0x00B3 || c == 0x00B9 || (c >= 0x2070 && c <= 0x2079) || (c >= 0x2080 && c <= 0x2089) ||
        (c >= 0xFF10 && c <= 0xFF19))
        return EN;
    if (c >= 0x0300 && c <= 0x036F) return NSM;
    if (c >= 0xFE00 && c <= 0xFE0F) return NSM;  // variation selectors
    if (c >= 0x0590 && c <= 0x05FF)
        return (c >= 0x0591 && c <= 0x05BD) || c == 0x05BF || c == 0x05C1 || c == 0x05C2 || c == 0x05C4 || c == 0x05C5 || c == 0x05C7
                   ? NSM : R;
    if (c >= 0xFB1D && c <= 0xFB4F) return c == 0xFB1E ? NSM : R;
    if (c >= 0x0600 && c <= 0x06FF) {
        if ((c >= 0x0600 && c <= 0x0605) || (c >= 0x0660 && c <= 0x0669) || c == 0x066B || c == 0x066C || c == 0x06DD) return AN;
        if (c >= 0x06F0 && c <= 0x06F9) return EN;
        if (c == 0x060C) return CS;  // Arabic comma
        if (c == 0x066A) return ET;  // Arabic percent sign
        if (is_arabic_mark(c)) return NSM;
        return AL;
    }
    if (c >= 0x07C0 && c <= 0x085F) return R;  // NKo, Samaritan, Mandaic
    if ((c >= 0x0700 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE)) return AL;
    if ((c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x205F || c == 0x3000) return WS;
    if (c == 0x2029) return B;
    // Punctuation and symbols that carry no direction: Latin-1's, general punctuation, arrows,
    // mathematical and technical signs, box drawing, shapes, dingbats, CJK brackets, emoji.
    if ((c >= 0x00A1 && c <= 0x00BF && c != 0x00AA && c != 0x00B5 && c != 0x00BA) || c == 0x00D7 || c == 0x00F7 ||
        (c >= 0x2010 && c <= 0x2027) || (c >= 0x2035 && c <= 0x205E) || (c >= 0x2100 && c <= 0x2101) ||
        (c >= 0x2190 && c <= 0x2BFF) || (c >= 0x3001 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3020) ||
        (c >= 0xFE50 && c <= 0xFE6F) || (c >= 0xFF01 && c <= 0xFF0F) || c == 0xFFFD || (c >= 0x1F000 && c <= 0x1FAFF))
        return ON;
    return L;  // letters of every other script, CJK ideographs, kana...
}

// Pairs of mirrored brackets (Bidi_Mirroring_Glyph), for characters in right-to-left runs (L4).
uint32_t mirrored(uint32_t c) {
    static constexpr uint32_t kPairs[][2] = {{'(', ')'}, {'[', ']'}, {'{', '}'}, {'<', '>'}, {0x00AB, 0x00BB}, {0x2039, 0x203A},
                                             {0x2045, 0x2046}, {0x207D, 0x207E}, {0x2264, 0x2265}, {0x300C, 0x300D}};
    for (const auto& p : kPairs) {
        if (c == p[0]) return p[1];
        if (c == p[1]) return p[0];
    }
    return c;
}

bool is_neutral(Bidi t) { return t == B || t == S || t == WS || t == ON; }

// The direction a neighbour gives neutrals (N1): numbers count as right to left.
Bidi strong_for_neutrals(Bidi t) { return t == L ? L : (t == R || t == EN || t == AN) ? R : ON; }

// P2, P3: a paragraph's direction is its first strong letter's (left to right when none). The
// level a letter gives it: 0 left to right, 1 right to left, -1 not a strong letter.
int strong_level(Bidi t) { return t == L ? 0 : (t == R || t == AL) ? 1 : -1; }

int paragraph_level(const std::vector<Bidi>& types) {
    for (Bidi x : types)
        if (const int level = strong_level(x); level >= 0) return level;
    return 0;
}

// Text in visual order, left to right (UAX #9 for one paragraph, one line, no explicit embeddings).
// A cluster code has the type of its first character: an emoji sequence is neutral, a Devanagari
// syllable left to right.
std::vector<uint32_t> reorder(const std::vector<uint32_t>& logical, const ClusterTable* clusters) {
    auto type = [&](uint32_t c) {
        const ClusterTable::Entry* e = clusters ? cluster_entry(*clusters, c) : nullptr;
        size_t at = 0;
        return bidi_type(e && !e->text.empty() ? next_utf8(e->text, at) : c);
    };
    std::vector<uint32_t> cs;
    cs.reserve(logical.size());
    for (uint32_t c : logical)
        if (type(c) != BN) cs.push_back(c);  // X9: invisible format characters take no part
    const size_t n = cs.size();
    std::vector<Bidi> t(n);
    for (size_t i = 0; i < n; i++) t[i] = type(cs[i]);
    const std::vector<Bidi> original = t;

    const int para = paragraph_level(t);
    const Bidi sor = para ? R : L;  // also eor: one paragraph, one level run

    for (size_t i = 0; i < n; i++)  // W1: a mark takes the type of what it sits on
        if (t[i] == NSM) t[i] = i == 0 ? sor : t[i - 1];
    Bidi last = sor;
    for (size_t i = 0; i < n; i++) {  // W2: European digits after Arabic letters are Arabic numbers
        if (t[i] == L || t[i] == R || t[i] == AL) last = t[i];
        else if (t[i] == EN && last == AL) t[i] = AN;
    }
    for (Bidi& x : t)  // W3
        if (x == AL) x = R;
    for (size_t i = 1; i + 1 < n; i++) {  // W4: one separator between two numbers of a kind
        if (t[i] == ES && t[i - 1] == EN && t[i + 1] == EN) t[i] = EN;
        else if (t[i] == CS && t[i - 1] == EN && t[i + 1] == EN) t[i] = EN;
        else if (t[i] == CS && t[i - 1] == AN && t[i + 1] == AN) t[i] = AN;
    }
    for (size_t i = 0; i < n;) {  // W5: terminators (% $ °) next to European digits
        if (t[i] != ET) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && t[j] == ET) j++;
        if ((i > 0 && t[i - 1] == EN) || (j < n && t[j] == EN)) std::fill(t.begin() + (long)i, t.begin() + (long)j, EN);
        i = j;
    }
    for (Bidi& x : t)  // W6
        if (x == ES || x == ET || x == CS) x = ON;
    last = sor;
    for (size_t i = 0; i < n; i++) {  // W7: European digits in left-to-right text are left to right
        if (t[i] == L || t[i] == R) last = t[i];
        else if (t[i] == EN && last == L) t[i] = L;
    }
    for (size_t i = 0; i < n;) {  // N1, N2: neutrals between two of a direction take it, else the paragraph's
        if (!is_neutral(t[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && is_neutral(t[j])) j++;
        const Bidi before = i == 0 ? sor : strong_for_neutrals(t[i - 1]);
        const Bidi after = j == n ? sor : strong_for_neutrals(t[j]);
        std::fill(t.begin() + (long)i, t.begin() + (long)j, before == after && before != ON ? before : sor);
        i = j;
    }
    std::vector<int> level(n);
    for (size_t i = 0; i < n; i++) {  // I1, I2
        if (para == 0) level[i] = t[i] == R ? 1 : (t[i] == AN || t[i] == EN) ? 2 : 0;
        else level[i] = t[i] == R ? 1 : 2;
    }
    for (size_t i = n; i-- > 0 && (original[i] == WS || original[i] == S || original[i] == B);)  // L1: trailing spaces
        level[i] = para;

    // L2: from the highest level to the lowest odd one, reverse every run at that level or above.
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; i++) order[i] = i;
    const int highest = n ? *std::max_element(level.begin(), level.end()) : 0;
    for (int lv = highest; lv >= 1; lv--)
        for (size_t i = 0; i < n;) {
            if (level[order[i]] < lv) {
                i++;
                continue;
            }
            size_t j = i;
            while (j < n && level[order[j]] >= lv) j++;
            std::reverse(order.begin() + (long)i, order.begin() + (long)j);
            i = j;
        }
    std::vector<uint32_t> out;
    out.reserve(n);
    auto put = [&](size_t i) {
        if (cs[i] == 0x200E || cs[i] == 0x200F || cs[i] == 0x061C) return;  // the marks have steered: not drawn
        out.push_back(level[i] % 2 ? mirrored(cs[i]) : cs[i]);               // L4
    };
    for (size_t k = 0; k < n; k++) {
        // L3: reversed, a right-to-left letter's combining marks come before it; a renderer that
        // draws left to right puts a mark over the glyph drawn just before it, so the letter goes first.
        size_t m = k;
        while (m < n && original[order[m]] == NSM && level[order[m]] % 2) m++;
        if (m > k && m < n) {
            put(order[m]);
            for (size_t q = k; q < m; q++) put(order[q]);
            k = m;
            continue;
        }
        put(order[k]);
    }
    return out;
}

}  // namespace

bool reads_right_to_left(std::string_view s) {
    if (!needs_visual_text(s)) return false;
    // As paragraph_level, without a vector: called per paragraph of wrapped text in every frame.
    for (size_t i = 0; i < s.size();)
        if (const int level = strong_level(bidi_type(next_utf8(s, i))); level >= 0) return level == 1;
    return false;
}

bool needs_visual_text(std::string_view s) {
    for (size_t i = 0; i < s.size(); i++) {
        const unsigned char b = (unsigned char)s[i];
        if (b < 0xD6) continue;
        if (b <= 0xDF) return true;  // U+0580..U+07FF: Hebrew, Arabic, Syriac, Thaana, NKo
        const unsigned char b1 = i + 1 < s.size() ? (unsigned char)s[i + 1] : 0;
        const unsigned char b2 = i + 2 < s.size() ? (unsigned char)s[i + 2] : 0;
        if (b == 0xE0 && b1 >= 0xA0 && b1 <= 0xA3) return true;             // U+0800..U+08FF
        if (b == 0xE0 && b1 == 0xA4 && b2 == 0xBF) return true;            // U+093F, Devanagari vowel sign i
        if (b == 0xE0 && b1 == 0xA5 && b2 == 0x8D) return true;            // U+094D, virama: a conjunct
        if (b == 0xE2 && b1 == 0x80 && b2 == 0x8D) return true;            // ZWJ: an emoji sequence
        if (b == 0xE2 && b1 == 0x83 && b2 == 0xA3) return true;            // U+20E3, keycap
        if (b == 0xF0 && b1 == 0x9F && ((b2 == 0x87 && s.size() > i + 3 && (unsigned char)s[i + 3] >= 0xA6) ||
                                        (b2 == 0x8F && s.size() > i + 3 && (unsigned char)s[i + 3] >= 0xBB)))
            return true;                                                    // regional indicators, skin tones
        if (b == 0xF3 && b1 == 0xA0) return true;                          // U+E0000..: tags
        if (b == 0xEF && b1 >= 0xAC && b1 <= 0xBB) return true;             // U+FB00..U+FEFF: presentation forms
        if (b == 0xE2 && b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F)) return true;  // LRM, RLM
    }
    return false;
}

std::string visual_text(std::string_view s, ClusterTable* clusters) {
    if (!needs_visual_text(s)) return std::string(s);
    std::string out;
    out.reserve(s.size() + 8);
    std::vector<uint32_t> cs = decode(s);
    if (clusters) cs = replace_clusters(cs, *clusters);
    cs = join_arabic(cs);
    reorder_devanagari_i(cs);
    for (uint32_t c : reorder(cs, clusters)) append_utf8(out, c);
    return out;
}

}  // namespace uxcx
