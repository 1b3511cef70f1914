// Small byte/UTF-8 helpers (ASCII classes and case, UTF-8 stepping, URL pieces),
// first written for the extractor, shared by every layer.
// All functions accept arbitrary bytes (invalid UTF-8 included) and never read
// outside the given view.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace linkdrift::text {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
inline bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
inline bool is_word(char c) { return is_alnum(c) || c == '_'; }
inline bool is_b64url(char c) { return is_alnum(c) || c == '-' || c == '_'; }
inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
inline char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string to_lower(std::string_view s);  // ASCII only; other bytes kept
std::string to_upper(std::string_view s);  // ASCII only
bool iequals(std::string_view a, std::string_view b);  // ASCII case-insensitive
bool istarts_with(std::string_view s, std::string_view prefix);
bool iends_with(std::string_view s, std::string_view suffix);
bool all_of_digits(std::string_view s);
bool all_of_b64url(std::string_view s);

// utf8_decode() and utf8_prev() of a non-ASCII byte (inline below: ASCII is the hot case).
std::size_t utf8_decode_non_ascii(std::string_view s, std::size_t i, char32_t& cp);
std::size_t utf8_prev_non_ascii(std::string_view s, std::size_t i);

// Decodes the code point at s[i]; returns its byte length (>= 1). Invalid or
// truncated sequences decode as U+FFFD with length 1.
inline std::size_t utf8_decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b >= 0x80) return utf8_decode_non_ascii(s, i, cp);
  cp = b;
  return 1;
}
// Start of the code point that ends right before s[i] (i > 0).
inline std::size_t utf8_prev(std::string_view s, std::size_t i) {
  return static_cast<unsigned char>(s[i - 1]) < 0x80 ? i - 1 : utf8_prev_non_ascii(s, i);
}

// "Non-Latin" = a code point from Greek (U+0370) upwards: Cyrillic, Arabic,
// Hebrew, CJK, … A switch between ASCII and such a script ends a link.
inline bool is_non_latin(char32_t cp) { return cp >= 0x370 && cp != 0xFFFD; }

// Drops trailing punctuation that ends a sentence rather than a URL:
// . , ; : ! ? ' " * and an unbalanced ) or ]. Returns the new length.
std::size_t trim_trailing(std::string_view span);

// Returns the length of `span` up to the first place where an ASCII letter or
// digit is directly followed by a non-Latin letter (e.g. "t.me/fooСсылка").
std::size_t cut_at_script_change(std::string_view span);

// Value of `key` in an a=1&b=2 query (also ';'-separated); empty if absent.
std::string_view query_param(std::string_view query, std::string_view key);

// The idx-th non-empty '/'-separated segment of a URL path ("" if none). If
// `off` is given and the segment exists, *off is set to its offset in `path`.
std::string_view path_segment(std::string_view path, std::size_t idx, std::size_t* off = nullptr);

// Percent-decodes %XX (ASCII hex); malformed escapes are kept verbatim.
std::string percent_decode(std::string_view s);

}  // namespace linkdrift::text
