// Options of an Analyzer: they act while reading, so changing them means reading
// the files again (report options, report_options.h, do not). A table like the
// report's (option_spec.h): `linkdrift options` and Module.optionTable() print it.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "linkdrift/report/option_spec.h"

namespace linkdrift {

struct AnalyzerOptions {
  // A single message (or HTML tag) larger than this many MiB fails its file
  // instead of growing memory without bound.
  int max_message_mb = 256;
  // Fills the report's "announcements", "outcomes" and the graph's "announced"
  // edges (docs/announcements.md). Costs ~15% more instructions
  // (docs/announcements.md, "Cost"); false for link extraction only.
  bool detect_announcements = true;
  // The zone of HTML export dates written without a UTC offset (tdesktop before
  // 3.7.6 wrote local time): minutes east of UTC. Such files are flagged in the
  // report (FileData::assumed_zone).
  int html_utc_offset_minutes = 0;
};

std::span<const OptionSpec<AnalyzerOptions>> analyzer_option_table();

// Parses {"max_message_mb", "announcements", "html_utc_offset_minutes"} ('' = {})
// over the values in `options`. Returns false with `error` naming the bad key; never throws.
bool analyzer_options_from_json(std::string_view json, AnalyzerOptions& options, std::string& error);

// Both tables as {"report": [rows], "analyzer": [rows]} (option_table_json).
nlohmann::ordered_json option_tables_json();

}  // namespace linkdrift
