#include "linkdrift/extract/prefilter.h"

#include <array>
#include <cstdint>

#include "linkdrift/base/text_util.h"

namespace linkdrift::extract {

using namespace text;  // the byte/UTF-8 helpers (base/text_util.h)
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

constexpr std::array<bool, 256> make_hex_table() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[static_cast<std::size_t>(c)] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  return t;
}
constexpr std::array<bool, 256> kHex = make_hex_table();

// A run of >= 64 hex digits covers some index i with i % 64 == 63: only those
// indexes are probed, and from a hex one the run is measured both ways. Plain
// text has short hex runs ("deaf", "2024"), so this reads ~1/64 of the bytes
// (previously a full second pass).
bool long_hex_run(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t covered = 0;  // bytes [0, covered) already belong to a measured run
  for (std::size_t i = 63; i < n; i += 64) {
    if (i < covered || !kHex[p[i]]) continue;
    std::size_t b = i;
    while (b > covered && kHex[p[b - 1]]) --b;
    std::size_t e = i + 1;
    while (e < n && kHex[p[e]] && e - b < 64) ++e;
    if (e - b >= 64) return true;
    covered = e;
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
