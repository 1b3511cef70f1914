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
  std::vector<std::size_t> shifts;  // shifts[k]: input offset - text offset after marks[k]'s replacement
                                    // (input bytes removed so far; replacements never lengthen)

  // True if a replacement happened inside text[b, e).
  bool defanged_in(std::size_t b, std::size_t e) const;
  // The input offset of text[b] (a replacement starting at b maps to its marker's start).
  std::size_t input_offset(std::size_t b) const;
};

// Replaces every defang marker in `in`. Returns false (and leaves `out.text`
// empty) when nothing needed replacing, so callers can scan `in` directly.
bool refang(std::string_view in, Refanged& out);

}  // namespace linkdrift::extract
