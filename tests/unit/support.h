// Helpers shared by the fixture-driven tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "chunking.h"
#include "linkdrift/analyzer.h"
#include "linkdrift/export/record_query.h"

namespace linkdrift::test {

inline std::string fixtures_dir() { return LINKDRIFT_FIXTURES_DIR; }

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// One fixture run: the link records as [message_id, platform, kind, target,
// source] rows and the report JSON.
struct Run {
  nlohmann::json links = nlohmann::json::array();
  std::string report;
};

// Announcement detection on: the fixtures' expected values include it.
inline Run run_files(const std::vector<std::string>& paths, Chunking c, const ReportOptions& options = {}) {
  AnalyzerOptions analyzer_options;
  analyzer_options.detect_announcements = true;
  Analyzer a(analyzer_options);
  Run run;
  for (const std::string& path : paths) {
    a.begin_file(path.substr(path.find_last_of('/') + 1));
    feed_chunks(read_bytes(path), c, 42, [&](std::string_view chunk) { a.feed(chunk); });
    a.end_file();
  }
  RecordQuery all;  // the stored records under the same options, as the page lists them
  all.filter = options;
  all.limit = 0;
  for_each_link_record(a.corpus(), all, [&](const LinkRecordRow& r) {
    run.links.push_back({r.message_id, name(r.platform), name(r.kind), r.target, name(r.source)});
  });
  run.report = a.report_json(options);
  return run;
}

// The report (whole-file feeding) of fixtures named relative to the fixture dir.
inline nlohmann::json report_of(const std::vector<std::string>& names, const ReportOptions& options = {}) {
  std::vector<std::string> paths;
  for (const auto& n : names) paths.push_back(fixtures_dir() + "/" + n);
  return nlohmann::json::parse(run_files(paths, Chunking::whole, options).report);
}

}  // namespace linkdrift::test
