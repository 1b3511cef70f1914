#include "linkdrift/reader/html/html_links.h"

#include "linkdrift/reader/html/html_scan.h"

namespace linkdrift::html {

namespace {

// "scheme:" per RFC 3986 before any '/', '?' or '#'.
bool has_scheme(std::string_view h) {
  if (h.empty() || !is_alpha(h[0])) return false;
  for (std::size_t i = 1; i < h.size(); ++i) {
    const char c = h[i];
    if (c == ':') return true;
    if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

// A browser ignores leading spaces and control characters before the scheme.
bool is_javascript(std::string_view h) {
  std::size_t i = 0;
  while (i < h.size() && static_cast<unsigned char>(h[i]) <= 0x20) ++i;
  constexpr std::string_view kScheme = "javascript:";
  if (h.size() - i < kScheme.size()) return false;
  for (std::size_t k = 0; k < kScheme.size(); ++k) {
    if (lower(h[i + k]) != kScheme[k]) return false;
  }
  return true;
}

bool is_prefix_plus(std::string_view whole, std::string_view prefix, std::string_view rest) {
  return whole.size() == prefix.size() + rest.size() && whole.starts_with(prefix) && whole.ends_with(rest);
}

}  // namespace

AnchorParts classify_anchor(std::string_view href, std::string_view label) {
  AnchorParts parts;
  if (href.empty() || label.empty()) return parts;
  if (href == label || is_prefix_plus(href, "mailto:", label)) {
    parts.label = Source::entity;
  } else if (is_prefix_plus(href, "tel:", label)) {
    parts.label = Source::text;
  } else if (label.size() > 1 && label[0] == '@' && is_prefix_plus(href, "https://t.me/", label.substr(1))) {
    parts.label = Source::mention;
  } else if (is_javascript(href)) {
    parts.href_fragment = true;
    parts.href = Source::text;
  } else if (has_scheme(href)) {
    parts.href_fragment = true;
  }
  return parts;
}

bool button_url_from_onclick(std::string_view onclick, std::string& url) {
  constexpr std::string_view kOpen = "return ShowTextCopied('";
  constexpr std::string_view kClose = "');";
  if (!onclick.starts_with(kOpen) || !onclick.ends_with(kClose) || onclick.size() < kOpen.size() + kClose.size()) {
    return false;
  }
  // The JavaScript string: tdesktop escapes '\' and '\''.
  std::string content;
  const std::string_view js = onclick.substr(kOpen.size(), onclick.size() - kOpen.size() - kClose.size());
  for (std::size_t i = 0; i < js.size(); ++i) {
    if (js[i] == '\\' && i + 1 < js.size()) ++i;
    content.push_back(js[i]);
  }
  constexpr std::string_view kType = "Type: ";
  const std::size_t type_at = content.rfind(kType);
  if (type_at == std::string::npos) return false;
  const std::string_view type = std::string_view(content).substr(type_at + kType.size());
  if (type != "auth" && type != "web_view" && type != "simple_web_view") return false;
  constexpr std::string_view kData = "Data: ";
  constexpr std::string_view kSeparator = " | ";
  if (!content.starts_with(kData) || type_at < kData.size() + kSeparator.size()) return false;
  std::size_t end = content.find(" | Forward text: ", kData.size());
  if (end == std::string::npos || end > type_at - kSeparator.size()) end = type_at - kSeparator.size();
  url.assign(content, kData.size(), end - kData.size());
  return !url.empty();
}

Source button_source(std::string_view href) { return is_javascript(href) ? Source::text : Source::button; }

}  // namespace linkdrift::html
