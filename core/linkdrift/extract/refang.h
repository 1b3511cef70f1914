// Refanging: turns defanged indicators ("hxxps://evil[.]com", "t(dot)me/x",
// "user[@]host[.]org") back into plain links before candidate search.
// Only exact bracketed markers between link characters are replaced, so prose
// such as "(and eggs)." is left alone (ioc-fanger's restraint).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace linkdrift::extract {

struct Refanged {
  std::string text;                 // the refanged copy of the input
  std::vector<std::size_t> marks;   // sorted offsets in `text` of replaced markers

  // True if a replacement happened inside text[b, e).
  bool defanged_in(std::size_t b, std::size_t e) const;
};

// Replaces every defang marker in `in`. Returns false (and leaves `out.text`
// empty) when nothing needed replacing, so callers can scan `in` directly.
bool refang(std::string_view in, Refanged& out);

}  // namespace linkdrift::extract
