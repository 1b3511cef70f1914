#include "linkdrift/base/text_util.h"

namespace linkdrift::text {

std::string to_lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = lower(c);
  return r;
}

std::string to_upper(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = upper(c);
  return r;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

bool all_of_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

bool all_of_b64url(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_b64url(c)) return false;
  return true;
}

std::size_t utf8_decode_non_ascii(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  cp = 0xFFFD;
  std::size_t n = 0;
  char32_t v = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
    v = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    v = b0 & 0x0Fu;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    v = b0 & 0x07u;
  } else {
    return 1;
  }
  if (i + n > s.size()) return 1;
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 1;
    v = (v << 6) | (b & 0x3Fu);
  }
  cp = v;
  return n;
}

std::size_t utf8_prev_non_ascii(std::string_view s, std::size_t i) {
  std::size_t j = i - 1;
  // Step back over at most 3 continuation bytes.
  for (int k = 0; k < 3 && j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80; ++k) --j;
  char32_t cp = 0;
  if (j + utf8_decode(s, j, cp) != i) return i - 1;  // not a clean sequence
  return j;
}

std::size_t trim_trailing(std::string_view span) {
  // Balance of ( ) and [ ] over the span, updated as characters are dropped.
  long paren = 0, bracket = 0;
  for (char c : span) {
    if (c == '(') ++paren;
    else if (c == ')') --paren;
    else if (c == '[') ++bracket;
    else if (c == ']') --bracket;
  }
  std::size_t n = span.size();
  while (n > 0) {
    const char c = span[n - 1];
    bool drop = false;
    switch (c) {
      case '.': case ',': case ';': case ':': case '!': case '?':
      case '\'': case '"': case '*':
        drop = true;
        break;
      case '(': drop = true; --paren; break;
      case '[': drop = true; --bracket; break;
      case ')': drop = paren < 0; if (drop) ++paren; break;
      case ']': drop = bracket < 0; if (drop) ++bracket; break;
      default: break;
    }
    if (!drop) break;
    --n;
  }
  return n;
}

std::size_t cut_at_script_change(std::string_view span) {
  for (std::size_t i = 1; i < span.size(); ++i) {
    if (static_cast<unsigned char>(span[i]) < 0x80 || !is_alnum(span[i - 1])) continue;
    char32_t cp = 0;
    utf8_decode(span, i, cp);
    if (is_non_latin(cp)) return i;
  }
  return span.size();
}

std::string_view query_param(std::string_view query, std::string_view key) {
  std::size_t i = 0;
  while (i <= query.size()) {
    std::size_t end = query.find_first_of("&;", i);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(i, end - i);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && iequals(pair.substr(0, eq), key)) return pair.substr(eq + 1);
    i = end + 1;
  }
  return {};
}

std::string_view path_segment(std::string_view path, std::size_t idx, std::size_t* off) {
  std::size_t i = 0;
  for (std::size_t k = 0;; ++k) {
    while (i < path.size() && path[i] == '/') ++i;
    if (i >= path.size()) return {};
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (k == idx) {
      if (off) *off = i;
      return path.substr(i, j - i);
    }
    i = j;
  }
}

std::string percent_decode(std::string_view s) {
  auto hexval = [](char c) -> int {
    if (is_digit(c)) return c - '0';
    return lower(c) - 'a' + 10;
  };
  std::string r;
  r.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && is_hex(s[i + 1]) && is_hex(s[i + 2])) {
      r.push_back(static_cast<char>(hexval(s[i + 1]) * 16 + hexval(s[i + 2])));
      i += 2;
    } else {
      r.push_back(s[i]);
    }
  }
  return r;
}

}  // namespace linkdrift::text
