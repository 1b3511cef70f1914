// Helpers shared by the extractor tests (test_classify.cpp, test_extract_*.cpp).
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "linkdrift/base/model.h"
#include "linkdrift/extract/extractor.h"

namespace ldtest {

using linkdrift::Kind;
using linkdrift::Link;
using linkdrift::Platform;
using linkdrift::Source;

inline const linkdrift::LinkExtractor& extractor() {
  static const linkdrift::LinkExtractor x;
  return x;
}

inline std::vector<Link> scan(std::string_view text, Source s = Source::text) {
  std::vector<Link> out;
  extractor().scan(text, s, out);
  return out;
}

inline std::string describe(const std::vector<Link>& links) {
  std::string r;
  for (const Link& l : links) {
    r += "[";
    r += linkdrift::name(l.platform);
    r += "/";
    r += linkdrift::name(l.kind);
    r += " target=" + l.target + " url=" + l.url + (l.defanged ? " defanged" : "") + "] ";
  }
  return r.empty() ? "(none)" : r;
}

// One expected classification. An empty `url` is not checked.
struct Row {
  std::string text;
  Platform platform;
  Kind kind;
  std::string target;
  std::string url = {};
};

// The text must yield exactly one link, equal to the row.
inline void check_row(const Row& row, Source s = Source::text) {
  const auto links = scan(row.text, s);
  INFO("text: ", row.text, "  got: ", describe(links));
  CHECK(links.size() == 1);
  if (links.size() != 1) return;
  CHECK(links[0].platform == row.platform);
  CHECK(links[0].kind == row.kind);
  CHECK(links[0].target == row.target);
  if (!row.url.empty()) CHECK(links[0].url == row.url);
  CHECK(links[0].source == s);
}

inline bool has(const std::vector<Link>& links, Platform p) {
  for (const Link& l : links)
    if (l.platform == p) return true;
  return false;
}

inline bool has(const std::vector<Link>& links, Platform p, Kind k) {
  for (const Link& l : links)
    if (l.platform == p && l.kind == k) return true;
  return false;
}

}  // namespace ldtest
