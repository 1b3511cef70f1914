// Text folding for phrase matching: case-, diacritic- and letter-variant-
// insensitive, with a map back to the original bytes (so a matched phrase can be
// reported as written). A small fixed table, no locale (see docs/announcements.md).
//
// CONTRACT
// - Accepts any bytes. Invalid UTF-8 bytes become U+FFFD (one per byte); the
//   output is always valid UTF-8.
// - Linear time; source_offsets() maps folded offsets back without a per-byte map.
#pragma once

#include <cstddef>
#include <string>
#include <span>
#include <string_view>

namespace linkdrift::migration {

// The folded form of one code point: the replacement, or 0 when the code point
// is dropped (combining marks, Arabic harakat/tatweel, Hebrew points,
// zero-width characters, soft hyphen).
char32_t fold_code_point(char32_t cp);

std::string fold(std::string_view in);  // the folded text only
// The folded text only, into `out` (cleared first; its capacity is reused).
void fold_text(std::string_view in, std::string& out);
// Folding never lengthens a character except an invalid byte (1 -> 3 bytes).
inline std::size_t fold_bound(std::size_t in_size) { return in_size * 3 + 8; }
// The folded text into `out` (at least fold_bound(in.size()) bytes); returns its length.
std::size_t fold_to(std::string_view in, char* out);
// Maps offsets into fold(in) back to `in`, in place: each becomes the offset of
// the input character that produced that folded byte (the folded size maps to
// in.size()). `offsets` must be ascending; one pass over `in`.
void source_offsets(std::string_view in, std::span<std::size_t> offsets);

}  // namespace linkdrift::migration
