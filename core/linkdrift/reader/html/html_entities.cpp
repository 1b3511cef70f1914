#include "linkdrift/reader/html/html_entities.h"

#include <cstdint>
#include <cstring>

namespace linkdrift::html {

namespace {

struct Named {
  std::string_view name;
  std::string_view utf8;
};

// The five tdesktop writes (SerializeString, service texts) first, then the
// ones common in hand-written or re-serialised HTML.
constexpr Named kNamed[] = {
    {"amp", "&"},           {"lt", "<"},           {"gt", ">"},           {"quot", "\""},
    {"apos", "'"},          {"laquo", "\u00AB"},   {"raquo", "\u00BB"},   {"nbsp", "\u00A0"},
    {"hellip", "\u2026"},   {"mdash", "\u2014"},   {"ndash", "\u2013"},   {"lsquo", "\u2018"},
    {"rsquo", "\u2019"},    {"ldquo", "\u201C"},   {"rdquo", "\u201D"},   {"bull", "\u2022"},
    {"middot", "\u00B7"},   {"copy", "\u00A9"},    {"reg", "\u00AE"},     {"trade", "\u2122"},
    {"deg", "\u00B0"},      {"plusmn", "\u00B1"},  {"times", "\u00D7"},   {"divide", "\u00F7"},
    {"euro", "\u20AC"},     {"pound", "\u00A3"},   {"yen", "\u00A5"},     {"cent", "\u00A2"},
    {"sect", "\u00A7"},     {"para", "\u00B6"},    {"shy", "\u00AD"},     {"zwj", "\u200D"},
    {"zwnj", "\u200C"},     {"lrm", "\u200E"},     {"rlm", "\u200F"},     {"ensp", "\u2002"},
    {"emsp", "\u2003"},     {"thinsp", "\u2009"},  {"iexcl", "\u00A1"},   {"iquest", "\u00BF"},
};

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

int digit_value(char c, bool hex) {
  if (c >= '0' && c <= '9') return c - '0';
  if (!hex) return -1;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `body` is the text between '&' and ';'. True (and appended) if it is a reference.
bool decode_one(std::string& out, std::string_view body) {
  if (body[0] != '#') {
    for (const Named& n : kNamed) {
      if (n.name == body) {
        out.append(n.utf8);
        return true;
      }
    }
    return false;
  }
  const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
  const std::size_t first = hex ? 2 : 1;
  if (first >= body.size()) return false;
  std::uint32_t cp = 0;
  for (std::size_t i = first; i < body.size(); ++i) {
    const int d = digit_value(body[i], hex);
    if (d < 0) return false;
    cp = cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(d);
    if (cp > 0x10FFFF) return false;
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  append_utf8(out, cp);
  return true;
}

}  // namespace

void append_decoded(std::string& out, std::string_view raw) {
  const char* p = raw.data();
  const char* const end = p + raw.size();
  while (p < end) {
    const void* hit = std::memchr(p, '&', static_cast<std::size_t>(end - p));
    if (hit == nullptr) {
      out.append(p, static_cast<std::size_t>(end - p));
      return;
    }
    const char* amp = static_cast<const char*>(hit);
    out.append(p, static_cast<std::size_t>(amp - p));
    const char* q = amp + 1;
    while (q < end && static_cast<std::size_t>(q - amp - 1) < kMaxEntityName && is_entity_char(*q)) ++q;
    const std::string_view body(amp + 1, static_cast<std::size_t>(q - amp - 1));
    if (q < end && *q == ';' && !body.empty() && decode_one(out, body)) {
      p = q + 1;
    } else {
      out.push_back('&');
      p = amp + 1;
    }
  }
}

}  // namespace linkdrift::html
