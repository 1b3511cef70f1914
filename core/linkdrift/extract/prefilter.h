// Cheap byte-level checks run before any regex: most message text holds no
// link, and these let scan() return after one pass over the bytes.
#pragma once

#include <string_view>

namespace linkdrift::extract {

struct Prefilter {
  bool link = false;    // some link form may be present (run the regex)
  bool defang = false;  // some defang marker may be present (run refang first)
};

// link: '.' before a letter/digit/non-ASCII byte, '@' before a word char,
// ':' after a letter, or a run of >= 64 hex digits.
// defang: '[' '(' '{' before . : / @ d a (any case), or "hxxp".
Prefilter prefilter(std::string_view text);

// The `link` half only (used after refanging).
bool may_contain_link(std::string_view text);

}  // namespace linkdrift::extract
