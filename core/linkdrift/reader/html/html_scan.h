// Byte-level helpers shared by the HTML reader's scanners (internal).
// ASCII only: HTML's markup characters are all ASCII, so UTF-8 text passes
// through untouched.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace linkdrift::html {

inline bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// `a` equals the lower-case ASCII `lower_b`, ignoring ASCII case.
inline bool iequals(std::string_view a, std::string_view lower_b) {
  if (a.size() != lower_b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower_b[i]) return false;
  }
  return true;
}

inline std::string_view trim_ws(std::string_view s) {
  while (!s.empty() && is_ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ws(s.back())) s.remove_suffix(1);
  return s;
}

// The bytes markup scanners stop at.
enum CharClass : unsigned char { kPlain = 0, kGt, kEq, kWs, kDquote, kSquote, kSlash };

struct CharTable {
  unsigned char cls[256] = {};
  constexpr CharTable() {
    cls[static_cast<unsigned char>('>')] = kGt;
    cls[static_cast<unsigned char>('=')] = kEq;
    cls[static_cast<unsigned char>('"')] = kDquote;
    cls[static_cast<unsigned char>('\'')] = kSquote;
    cls[static_cast<unsigned char>('/')] = kSlash;
    for (const char c : {' ', '\t', '\n', '\r', '\f'}) cls[static_cast<unsigned char>(c)] = kWs;
  }
};
inline constexpr CharTable kCharTable;

inline unsigned char class_of(char c) { return kCharTable.cls[static_cast<unsigned char>(c)]; }

// memchr without its call overhead on the short spans of HTML (text between
// tags, attribute values): the first 64 bytes 16 at a time with SSE2 (x86-64) or
// eight at a time (SWAR, other little-endian targets such as wasm), then memchr.
inline const char* find_byte(const char* p, std::size_t n, char c) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i pattern = _mm_set1_epi8(c);
  for (; i + 16 <= n && i < 64; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const unsigned hits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, pattern)));
    if (hits != 0) return p + i + std::countr_zero(hits);
  }
#else
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    constexpr std::uint64_t kHighs = 0x8080808080808080ull;
    const std::uint64_t pattern = kOnes * static_cast<unsigned char>(c);
    for (; i + 8 <= n && i < 64; i += 8) {
      std::uint64_t v;
      std::memcpy(&v, p + i, 8);
      v ^= pattern;
      const std::uint64_t zero = (v - kOnes) & ~v & kHighs;  // exact up to the first zero byte
      if (zero != 0) return p + i + (std::countr_zero(zero) >> 3);
    }
  }
#endif
  if (n - i > 16) return static_cast<const char*>(std::memchr(p + i, c, n - i));
  for (; i < n; ++i) {
    if (p[i] == c) return p + i;
  }
  return nullptr;
}

}  // namespace linkdrift::html
