#include "linkdrift/extract/refang.h"

#include <algorithm>

#include "linkdrift/base/text_util.h"

namespace linkdrift::extract {

using namespace text;  // the byte/UTF-8 helpers (base/text_util.h)
namespace {

// A character that may sit next to a '.' or '@' inside a host or address.
bool link_char(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  const char c = s[i];
  return is_alnum(c) || c == '-' || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

struct Marker {
  std::string_view text;  // lowercase form; matched case-insensitively
  std::string_view repl;
  enum { kDot, kSep } rule;  // kDot: link chars both sides; kSep: non-space before
};

constexpr Marker kMarkers[] = {
    {"[.]", ".", Marker::kDot},     {"(.)", ".", Marker::kDot},     {"{.}", ".", Marker::kDot},
    {"[dot]", ".", Marker::kDot},   {"(dot)", ".", Marker::kDot},   {"{dot}", ".", Marker::kDot},
    {"[@]", "@", Marker::kDot},     {"(@)", "@", Marker::kDot},     {"{@}", "@", Marker::kDot},
    {"[at]", "@", Marker::kDot},    {"(at)", "@", Marker::kDot},    {"[://]", "://", Marker::kSep},
    {"[:]", ":", Marker::kSep},     {"[/]", "/", Marker::kSep},
};

// Length of the marker at in[i] (0 if none) and its replacement.
std::size_t match_marker(std::string_view in, std::size_t i, std::string_view& repl) {
  for (const Marker& m : kMarkers) {
    if (!istarts_with(in.substr(i), m.text)) continue;
    const std::size_t end = i + m.text.size();
    if (i == 0) continue;
    if (m.rule == Marker::kDot) {
      if (!link_char(in, i - 1) || !link_char(in, end)) continue;
    } else {
      const char p = in[i - 1];
      if (p == ' ' || p == '\t' || p == '\n' || p == '\r') continue;
      if (end >= in.size() || in[end] == ' ' || in[end] == '\n') continue;
    }
    repl = m.repl;
    return m.text.size();
  }
  return 0;
}

// "hxxp" / "hxxps" (any case) at a word start, followed by ':' or "[:".
bool is_hxxp(std::string_view in, std::size_t i) {
  if (i > 0 && is_alnum(in[i - 1])) return false;
  if (!istarts_with(in.substr(i), "hxxp")) return false;
  std::size_t j = i + 4;
  if (j < in.size() && lower(in[j]) == 's') ++j;
  return j < in.size() && (in[j] == ':' || in[j] == '[');
}

}  // namespace

bool Refanged::defanged_in(std::size_t b, std::size_t e) const {
  auto it = std::lower_bound(marks.begin(), marks.end(), b);
  return it != marks.end() && *it < e;
}

std::size_t Refanged::input_offset(std::size_t b) const {
  const auto after = std::lower_bound(marks.begin(), marks.end(), b);  // marks before b are behind it
  return after == marks.begin() ? b : b + shifts[static_cast<std::size_t>(after - marks.begin()) - 1];
}

bool refang(std::string_view in, Refanged& out) {
  out.text.clear();
  out.marks.clear();
  out.shifts.clear();
  bool any = false;
  std::size_t copied = 0;  // in[0, copied) has been appended to out.text
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c != '[' && c != '(' && c != '{' && c != 'h' && c != 'H') continue;
    std::string_view repl;
    std::size_t len = 0;
    if (c == 'h' || c == 'H') {
      if (!is_hxxp(in, i)) continue;
    } else {
      len = match_marker(in, i, repl);
      if (len == 0) continue;
    }
    if (!any) {
      out.text.reserve(in.size());
      any = true;
    }
    out.text.append(in.substr(copied, i - copied));
    out.marks.push_back(out.text.size());
    if (len == 0) {  // hxxp (any case) -> http
      out.text.append("http");
      len = 4;
    } else {
      out.text.append(repl);
    }
    copied = i + len;
    out.shifts.push_back(copied - out.text.size());
    i = copied - 1;
  }
  if (!any) return false;
  out.text.append(in.substr(copied));
  return true;
}

}  // namespace linkdrift::extract
