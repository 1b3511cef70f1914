// Helpers for the HTML reader tests: feeding an HtmlExportReader in the
// chunkings of chunking.h, and the hand-written fixtures (tests/fixtures/html/,
// and tests/fixtures/html_*.html: the pages that are also in the shared fixture
// set, with an html_NAME.expected.json beside them).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "linkdrift/reader/html/html_export_reader.h"
#include "test_reader_util.h"

namespace html_test {

using reader_test::Chunking;

inline void feed_file(linkdrift::HtmlExportReader& reader, std::string_view data, Chunking chunking,
                      std::uint64_t seed, const std::string& name) {
  reader.begin_file(name);
  linkdrift::test::feed_chunks(data, chunking, seed, [&](std::string_view chunk) { reader.feed(chunk); });
  reader.end_file();
}

// The Recorder's events for one file (see test_reader_util.h for their format).
inline std::vector<std::string> events_for(std::string_view data, Chunking chunking, std::uint64_t seed = 1,
                                           const std::string& name = "html/page.html",
                                           linkdrift::HtmlReaderOptions options = {}) {
  reader_test::Recorder rec;
  linkdrift::HtmlExportReader reader(rec, options);
  feed_file(reader, data, chunking, seed, name);
  return rec.events;
}

// NAME is the page's name without the html_ prefix: tests/fixtures/html/NAME, or
// else tests/fixtures/html_NAME (one copy of each page).
inline std::string fixture_path(const std::string& name) {
  const std::string own = std::string(LINKDRIFT_FIXTURES_DIR) + "/html/" + name;
  if (std::filesystem::exists(own)) return own;
  return std::string(LINKDRIFT_FIXTURES_DIR) + "/html_" + name;
}

inline std::string fixture(const std::string& name) {
  std::string data;
  reader_test::read_file(fixture_path(name), data);
  return data;
}

}  // namespace html_test
