// Text folding for phrase matching: case-, diacritic- and letter-variant-
// insensitive, with a map back to the original bytes (so a matched phrase can be
// reported as written). A small fixed table, no locale (see docs/announcements.md).
//
// CONTRACT
// - Accepts any bytes. Invalid UTF-8 bytes become U+FFFD (one per byte); the
//   output is always valid UTF-8.
// - Linear time and memory (the origin map holds one offset per output byte).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace linkdrift::migration {

// The folded form of one code point: the replacement, or 0 when the code point
// is dropped (combining marks, Arabic harakat/tatweel, Hebrew points,
// zero-width characters, soft hyphen).
char32_t fold_code_point(char32_t cp);

struct Folded {
  std::string text;                 // folded UTF-8
  std::vector<std::size_t> origin;  // origin[i]: offset in the input of the character that produced
                                    // text[i]; origin[text.size()] == input size
  // Offset in the input where the folded byte range [b, e) starts / ends.
  std::size_t source_begin(std::size_t b) const { return origin[b]; }
  std::size_t source_end(std::size_t e) const { return origin[e]; }
};

void fold(std::string_view in, Folded& out);
std::string fold(std::string_view in);  // the folded text only
// The folded text only, into `out` (cleared first; its capacity is reused):
// no origin map, for cheap prefilters.
void fold_text(std::string_view in, std::string& out);
// Folding never lengthens a character except an invalid byte (1 -> 3 bytes).
inline std::size_t fold_bound(std::size_t in_size) { return in_size * 3 + 8; }
// The folded text into `out` (at least fold_bound(in.size()) bytes); returns its length.
std::size_t fold_to(std::string_view in, char* out);

}  // namespace linkdrift::migration
