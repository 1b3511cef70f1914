// HTML character references: `&amp; &lt; &gt; &quot; &apos; &#39; &#NNN; &#xHH;`
// and the common named ones (&nbsp; &laquo; &raquo; &hellip; ...).
//
// CONTRACT
// - A reference is '&', 1..kMaxEntityName bytes of [A-Za-z0-9#], then ';'.
//   Anything else (no ';', unknown name, a code point that is a surrogate or
//   above U+10FFFF, too many digits) is copied LITERALLY, byte for byte.
//   `&#0;` decodes to a NUL byte: tdesktop writes control characters as
//   `&#x00;`..`&#x1F;`, and the JSON export of the same text holds them raw.
// - TRAP for streaming callers: decoding a piece of text is only equal to
//   decoding the whole when no reference straddles the cut. The tokenizer
//   (html_tokenizer.h) guarantees that for its text tokens.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace linkdrift::html {

// Longest [A-Za-z0-9#] run between '&' and ';' that can be a reference.
inline constexpr std::size_t kMaxEntityName = 30;

inline bool is_entity_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
}

// Appends `raw` to `out` with every valid reference decoded (UTF-8).
void append_decoded(std::string& out, std::string_view raw);

}  // namespace linkdrift::html
