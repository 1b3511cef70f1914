#include "linkdrift/migration/normalize.h"

#include <cstdint>
#include <cstring>

#include <algorithm>
#include <array>
#include <bit>
#include <string>

#include "linkdrift/base/text_util.h"

namespace linkdrift::migration {
namespace {

// U+00C0..U+00FF and U+0100..U+017F: the ASCII base letter, or '.' = keep.
constexpr std::string_view kLatin1 =
    "aaaaaa.ceeeeiiiidnooooo.ouuuuy.."   // C0-DF
    "aaaaaa.ceeeeiiiidnooooo.ouuuuy.y";  // E0-FF
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkklllllllllln"  // 0100-0143
    "nnnnnnnnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";         // 0144-017F

// Writes cp (0: nothing) as UTF-8 at o; returns the end.
char* write_utf8(char* o, char32_t cp) {
  if (cp == 0) return o;
  if (cp < 0x80) {
    *o++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *o++ = static_cast<char>(0xC0 | (cp >> 6));
    *o++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *o++ = static_cast<char>(0xE0 | (cp >> 12));
    *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *o++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *o++ = static_cast<char>(0xF0 | (cp >> 18));
    *o++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *o++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return o;
}

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The length of the valid 3- or 4-byte UTF-8 sequence at p (n bytes left)
// when fold_code_point() leaves its code point as it is (U+0800..U+1FFF,
// U+4000..U+CFFF, U+E000..U+EFFF, U+10000..U+10FFFF); else 0.
std::size_t unchanged_sequence(const char* p, std::size_t n) {
  const unsigned char b = static_cast<unsigned char>(p[0]);
  if (b >= 0xE0 && b <= 0xEE && b != 0xE2 && b != 0xE3 && b != 0xED && n >= 3 && continuation(p[1]) &&
      continuation(p[2]) && (b != 0xE0 || static_cast<unsigned char>(p[1]) >= 0xA0))
    return 3;
  if (b >= 0xF0 && b <= 0xF4 && n >= 4 && continuation(p[1]) && continuation(p[2]) && continuation(p[3]) &&
      (b != 0xF0 || static_cast<unsigned char>(p[1]) >= 0x90) && (b != 0xF4 || static_cast<unsigned char>(p[1]) < 0x90))
    return 4;
  return 0;
}

bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

}  // namespace

namespace {

// fold_code_point() of every 2-byte code point (U+0080..U+07FF: Latin-1 and
// Extended, Cyrillic, Hebrew, Arabic), UTF-8 encoded (today such a fold is
// empty, ASCII or again 2 bytes; size 3 would mean "not in the table").
struct TwoByteFold {
  std::uint8_t size = 0;
  char bytes[2] = {0, 0};
};

const std::array<TwoByteFold, 0x800>& two_byte_folds() {
  static const std::array<TwoByteFold, 0x800> table = [] {
    std::array<TwoByteFold, 0x800> t{};
    for (char32_t cp = 0x80; cp < 0x800; ++cp) {
      char s[4];
      const std::size_t size = static_cast<std::size_t>(write_utf8(s, fold_code_point(cp)) - s);
      t[cp].size = static_cast<std::uint8_t>(std::min<std::size_t>(size, 3));
      if (size <= 2) std::memcpy(t[cp].bytes, s, size);
    }
    return t;
  }();
  return table;
}

}  // namespace

char32_t fold_code_point(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 0x20 : cp;
  // Spaces and zero-width characters.
  if (cp == 0xA0 || in(cp, 0x2000, 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000) return ' ';
  if (cp == 0x200C) return ' ';  // ZWNJ (Persian half-space) reads as a word gap
  if (cp == 0xAD || cp == 0x200B || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF) return 0;
  if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) return '\'';
  // Latin.
  if (in(cp, 0xC0, 0xFF)) {
    const char c = kLatin1[cp - 0xC0];
    if (c != '.') return static_cast<char32_t>(c);
    return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ? cp + 0x20 : cp;  // Æ Þ → æ þ
  }
  if (in(cp, 0x100, 0x17F)) {
    const char c = kLatinExtA[cp - 0x100];
    if (c != '.') return static_cast<char32_t>(c);
    return (cp % 2 == 0) ? cp + 1 : cp;  // Ĳ Œ → ĳ œ
  }
  if (in(cp, 0x218, 0x219)) return 's';  // Romanian ș
  if (in(cp, 0x21A, 0x21B)) return 't';  // ț
  if (in(cp, 0x300, 0x36F)) return 0;    // combining diacritics (decomposed input)
  // Cyrillic.
  if (in(cp, 0x410, 0x42F)) return cp + 0x20;
  if (in(cp, 0x400, 0x40F)) cp += 0x50;
  if (cp == 0x451) return 0x435;  // ё → е
  if ((in(cp, 0x460, 0x481) || in(cp, 0x48A, 0x4BF) || in(cp, 0x4D0, 0x52F)) && cp % 2 == 0) return cp + 1;
  // Hebrew points and cantillation (maqaf, paseq, sof pasuq, nun hafukha kept).
  if (in(cp, 0x591, 0x5BD) || cp == 0x5BF || cp == 0x5C1 || cp == 0x5C2 || cp == 0x5C4 || cp == 0x5C5 ||
      cp == 0x5C7)
    return 0;
  // Arabic: harakat, Quranic marks, tatweel dropped; letter variants folded.
  if (in(cp, 0x610, 0x61A) || in(cp, 0x64B, 0x65F) || cp == 0x670 || cp == 0x640 || in(cp, 0x6D6, 0x6DC) ||
      in(cp, 0x6DF, 0x6E4) || in(cp, 0x6E7, 0x6E8) || in(cp, 0x6EA, 0x6ED))
    return 0;
  switch (cp) {
    case 0x622: case 0x623: case 0x625: case 0x671: return 0x627;  // آ أ إ ٱ → ا
    case 0x649: case 0x6CC: case 0x626: return 0x64A;              // ى ی ئ → ي
    case 0x6A9: return 0x643;                                       // ک → ك
    case 0x629: case 0x6C0: return 0x647;                           // ة ۀ → ه
    case 0x624: return 0x648;                                       // ؤ → و
    default: break;
  }
  // Full-width ASCII.
  if (in(cp, 0xFF01, 0xFF5E)) return fold_code_point(cp - 0xFF01 + 0x21);
  return cp;
}

namespace {

// The number of bytes fold_to() writes for non-ASCII code point cp (0 when dropped).
std::size_t folded_length(char32_t cp) {
  const char32_t f = fold_code_point(cp);
  return f == 0 ? 0 : f < 0x80 ? 1 : f < 0x800 ? 2 : f < 0x10000 ? 3 : 4;
}

}  // namespace

void source_offsets(std::string_view in_text, std::span<std::size_t> offsets) {
  const std::array<TwoByteFold, 0x800>& two_byte = two_byte_folds();
  const char* p = in_text.data();
  const std::size_t n = in_text.size();
  std::size_t next = 0;    // the first offset not yet mapped
  std::size_t folded = 0;  // folded bytes produced before in_text[i]
  std::size_t i = 0;
  while (i < n && next < offsets.size()) {
    const unsigned char b = static_cast<unsigned char>(p[i]);
    if (b < 0x80) {  // a run of ASCII bytes folds byte for byte, NUL included
      std::size_t run = 1;
      while (i + run < n && static_cast<unsigned char>(p[i + run]) < 0x80) ++run;
      for (; next < offsets.size() && offsets[next] < folded + run; ++next) offsets[next] = i + (offsets[next] - folded);
      folded += run;
      i += run;
      continue;
    }
    std::size_t len = unchanged_sequence(p + i, n - i), out = len;
    if (len == 0 && b >= 0xC2 && b <= 0xDF && i + 1 < n && continuation(p[i + 1])) {
      const TwoByteFold& f = two_byte[((b & 0x1Fu) << 6) | (static_cast<unsigned char>(p[i + 1]) & 0x3Fu)];
      if (f.size <= 2) len = 2, out = f.size;
    }
    if (len == 0) {
      char32_t cp = 0;
      len = text::utf8_decode(in_text, i, cp);
      out = folded_length(cp);
    }
    folded += out;
    while (next < offsets.size() && offsets[next] < folded) offsets[next++] = i;
    i += len;
  }
  for (; next < offsets.size(); ++next) offsets[next] = n;
}

void fold_text(std::string_view in_text, std::string& out) {
  out.resize(fold_bound(in_text.size()));
  out.resize(fold_to(in_text, out.data()));
}

std::size_t fold_to(std::string_view in_text, char* const out) {
  const std::array<TwoByteFold, 0x800>& two_byte = two_byte_folds();
  char* o = out;
  const char* p = in_text.data();
  const std::size_t n = in_text.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {  // 8 bytes at a time: lowercase A-Z, keep the ASCII bytes before the first other one
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      const std::uint64_t high = w & 0x8080808080808080ull;
      const std::size_t ascii = high == 0 ? 8 : static_cast<std::size_t>(std::countr_zero(high)) / 8;  // little-endian
      if (ascii > 0) {
        const std::uint64_t heptets = w & 0x7F7F7F7F7F7F7F7Full;
        const std::uint64_t ge_a = heptets + 0x3F3F3F3F3F3F3F3Full;  // bit 7 set where byte >= 'A'
        const std::uint64_t gt_z = heptets + 0x2525252525252525ull;  // bit 7 set where byte > 'Z'
        const std::uint64_t upper = ge_a & ~gt_z & ~high & 0x8080808080808080ull;
        w |= upper >> 2;  // +0x20
        std::memcpy(o, &w, 8);  // o + 8 <= 3 * i + 8 <= fold_bound(n); bytes past `ascii` are overwritten next
        o += ascii;
        i += ascii;
        continue;
      }
    }
    if (static_cast<unsigned char>(p[i]) < 0x80) {  // the last 7 bytes
      const unsigned char b = static_cast<unsigned char>(p[i++]);
      *o++ = static_cast<char>((b >= 'A' && b <= 'Z') ? b + 0x20 : b);
      continue;
    }
    // A run of non-ASCII characters.
    while (i < n && static_cast<unsigned char>(p[i]) >= 0x80) {
      const unsigned char b = static_cast<unsigned char>(p[i]);
      if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (static_cast<unsigned char>(p[i + 1]) & 0xC0) == 0x80) {
        const TwoByteFold& f = two_byte[((b & 0x1Fu) << 6) | (static_cast<unsigned char>(p[i + 1]) & 0x3Fu)];
        if (f.size <= 2) {
          std::memcpy(o, f.bytes, 2);  // fold_bound() leaves room
          o += f.size;
          i += 2;
          continue;
        }
      }
      if (const std::size_t len = unchanged_sequence(p + i, n - i); len != 0) {  // CJK, Indic, emoji, …
        std::memcpy(o, p + i, len);
        o += len;
        i += len;
        continue;
      }
      char32_t cp = 0;
      const std::size_t len = text::utf8_decode(in_text, i, cp);
      o = write_utf8(o, fold_code_point(cp));
      i += len;
    }
  }
  return static_cast<std::size_t>(o - out);
}

std::string fold(std::string_view in_text) {
  std::string out;
  fold_text(in_text, out);
  return out;
}

}  // namespace linkdrift::migration
