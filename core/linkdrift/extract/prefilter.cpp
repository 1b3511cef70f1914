#include "linkdrift/extract/prefilter.h"

#include <array>
#include <cstdint>

#include "linkdrift/extract/text_util.h"

namespace linkdrift::extract {
namespace {

constexpr std::uint8_t kDot = 1, kAt = 2, kColon = 3, kOpen = 4, kX = 5;

constexpr std::array<std::uint8_t, 256> make_table() {
  std::array<std::uint8_t, 256> t{};
  t['.'] = kDot;
  t['@'] = kAt;
  t[':'] = kColon;
  t['['] = kOpen;
  t['('] = kOpen;
  t['{'] = kOpen;
  t['x'] = kX;
  t['X'] = kX;
  return t;
}
constexpr std::array<std::uint8_t, 256> kTable = make_table();

bool long_hex_run(std::string_view s) {
  std::size_t run = 0;
  for (char c : s) {
    run = is_hex(c) ? run + 1 : 0;
    if (run >= 64) return true;
  }
  return false;
}

Prefilter run(std::string_view s, bool want_defang) {
  Prefilter r;
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t k = kTable[static_cast<unsigned char>(s[i])];
    if (k == 0) continue;
    const char next = i + 1 < n ? s[i + 1] : ' ';
    switch (k) {
      case kDot:
        if (is_alnum(next) || static_cast<unsigned char>(next) >= 0x80) r.link = true;
        break;
      case kAt:
        if (is_word(next)) r.link = true;
        break;
      case kColon:
        if (i > 0 && is_alpha(s[i - 1]) && next != ' ' && next != '\n') r.link = true;
        break;
      case kOpen: {
        const char l = lower(next);
        if (l == '.' || l == ':' || l == '/' || l == '@' || l == 'd' || l == 'a') r.defang = true;
        break;
      }
      case kX:
        if (i > 0 && lower(s[i - 1]) == 'h' && lower(next) == 'x' && i + 2 < n && lower(s[i + 2]) == 'p')
          r.defang = true;
        break;
      default:
        break;
    }
    if (r.link && (r.defang || !want_defang)) return r;
  }
  if (!r.link) r.link = long_hex_run(s);
  return r;
}

}  // namespace

Prefilter prefilter(std::string_view text) { return run(text, true); }

bool may_contain_link(std::string_view text) { return run(text, false).link; }

}  // namespace linkdrift::extract
