// visual_text.h: a name as it is seen, for renderers that draw one glyph per code point, left to
// right (Dear ImGui, and the whole-map export that uses it). Names stay in files as written, in
// logical order with the direction marks they need; only what is drawn goes through here.
//
// Two steps, both for one line of text:
// 1. Arabic letters take their joined forms (initial, medial, final, isolated; lam-alef as one
//    ligature) from Unicode's Arabic Presentation Forms, which the Arabic fallback font has. Arabic,
//    and the Persian and Urdu letters peh, tcheh, jeh, keheh, gaf and farsi yeh.
// 2. The Unicode Bidirectional Algorithm (UAX #9) for one paragraph without explicit embeddings
//    (the loader refuses overrides, embeddings and isolates: validate.h): the paragraph's direction
//    from its first strong letter, weak and neutral types resolved (numbers stay left to right
//    inside right-to-left text), runs reordered, brackets mirrored in right-to-left runs. Direction
//    marks (LRM, RLM, ALM) steer the result and are then left out.
// Before both, with a ClusterTable: the runs only a shaper can draw (Devanagari conjuncts, emoji
// sequences: core/text_clusters.h) become one cluster code each, which the host draws whole; they
// move with the text as one character. And Devanagari's vowel sign i (ि), stored after its
// consonant, moves in front of it, where it is written (inside a cluster, the shaper places it).
#pragma once

#include <string>
#include <string_view>

#include "core/text_clusters.h"

namespace uxcx {

// Whether `utf8` has anything visual_text() changes: Hebrew or Arabic (letters, presentation
// forms), a direction mark, Devanagari's vowel sign i or virama, or what makes an emoji sequence
// (ZWJ, keycap, regional indicators, skin tones, tags). A quick scan of the bytes; false for most
// names.
bool needs_visual_text(std::string_view utf8);

// True when `utf8` reads right to left: its first strong letter is Hebrew or Arabic (or an RLM/ALM
// comes first), as HTML's dir="auto" decides.
bool reads_right_to_left(std::string_view utf8);

// `utf8` in the order and forms to draw it left to right. Invalid UTF-8 becomes U+FFFD. Returns
// the text unchanged when needs_visual_text() is false. With `clusters` (a host that can draw
// them), shaped runs become cluster codes, added to the table when new; without, they are drawn
// from their parts.
std::string visual_text(std::string_view utf8, ClusterTable* clusters = nullptr);

}  // namespace uxcx
