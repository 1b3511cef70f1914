#include "linkdrift/reader/html/html_attrs.h"

#include "linkdrift/reader/html/html_entities.h"
#include "linkdrift/reader/html/html_scan.h"

namespace linkdrift::html {

namespace {

std::uint32_t bit_of(std::string_view c) {
  switch (c.size()) {
    case 4:
      if (c == "text") return kText;
      if (c == "body") return kBody;
      if (c == "date") return kDate;
      return 0;
    case 6: return c == "answer" ? kAnswer : 0;
    case 7:
      if (c == "message") return kMessage;
      if (c == "default") return kDefault;
      if (c == "service") return kService;
      if (c == "details") return kDetails;
      if (c == "history") return kHistory;
      return 0;
    case 8: return c == "question" ? kQuestion : 0;
    case 9: return c == "forwarded" ? kForwarded : 0;
    case 10:
      if (c == "pull_right") return kPullRight;
      if (c == "media_wrap") return kMediaWrap;
      if (c == "media_poll") return kMediaPoll;
      if (c == "media_call") return kMediaCall;
      return 0;
    case 11: return c == "page_header" ? kPageHeader : 0;
    case 17: return c == "bot_buttons_table" ? kBotButtonsTable : 0;
    default: return 0;
  }
}

std::uint32_t bits_of_class_value(std::string_view cls, std::string& scratch) {
  if (find_byte(cls.data(), cls.size(), '&') != nullptr) {
    scratch.clear();
    append_decoded(scratch, cls);
    cls = scratch;
  }
  std::uint32_t bits = 0;
  std::size_t i = 0;
  while (i < cls.size()) {
    while (i < cls.size() && class_of(cls[i]) == kWs) ++i;
    const std::size_t start = i;
    while (i < cls.size() && class_of(cls[i]) != kWs) ++i;
    if (i > start) bits |= bit_of(cls.substr(start, i - start));
  }
  return bits;
}

}  // namespace

bool find_attribute(std::string_view a, std::string_view lower_name, std::string_view& value) {
  const char* const p = a.data();
  const std::size_t n = a.size();
  std::size_t i = 0;
  for (;;) {
    while (i < n && (class_of(p[i]) == kWs || p[i] == '/')) ++i;
    if (i >= n) return false;
    const std::size_t name_start = i;
    while (i < n && (class_of(p[i]) == kPlain || class_of(p[i]) == kDquote || class_of(p[i]) == kSquote ||
                     class_of(p[i]) == kGt)) {
      ++i;
    }
    const std::string_view name(p + name_start, i - name_start);
    std::string_view v;
    std::size_t j = i;
    while (j < n && class_of(p[j]) == kWs) ++j;
    if (j < n && p[j] == '=') {
      ++j;
      while (j < n && class_of(p[j]) == kWs) ++j;
      if (j < n && (p[j] == '"' || p[j] == '\'')) {
        const char* close = find_byte(p + j + 1, n - j - 1, p[j]);
        const std::size_t end = close == nullptr ? n : static_cast<std::size_t>(close - p);
        v = std::string_view(p + j + 1, end - j - 1);
        i = close == nullptr ? n : end + 1;
      } else {
        const std::size_t start = j;
        while (j < n && class_of(p[j]) != kWs) ++j;
        v = std::string_view(p + start, j - start);
        i = j;
      }
    }
    if (!name.empty() && iequals(name, lower_name)) {
      value = v;
      return true;
    }
  }
}

bool find_attribute(const Token& t, std::string_view lower_name, std::string_view& value) {
  if (!t.attributes_listed) return find_attribute(t.attrs, lower_name, value);
  for (std::size_t k = 0; k < t.attribute_count; ++k) {
    if (iequals(t.attributes[k].name, lower_name)) {
      value = t.attributes[k].value;
      return true;
    }
  }
  return false;
}

std::uint32_t class_bits(const Token& t, std::string& scratch) {
  std::string_view cls;
  return find_attribute(t, "class", cls) ? bits_of_class_value(cls, scratch) : 0;
}

}  // namespace linkdrift::html
