// Command-line parsing for the linkdrift CLI. Pure: no I/O besides errors text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "linkdrift/export/graph_export.h"
#include "linkdrift/report/report_options.h"

namespace linkdrift::cli {

enum class Command { report, links, summary, graph, help, version };
enum class LinksFormat { csv, jsonl };

struct CliOptions {
  Command command = Command::help;
  ReportOptions report;
  LinksFormat links_format = LinksFormat::csv;
  GraphFormat graph_format = GraphFormat::csv;
  bool excel_safe = false;         // links, graph csv: prefix cells that start with = + - @ by '
  bool compact = false;            // report: one-line JSON
  std::string out;                 // "" = stdout
  std::size_t chunk_size = 16u << 20;
  int jobs = 0;                    // 0: default_jobs() (cli/parallel.h)
  std::size_t max_message_bytes = std::size_t{256} << 20;
  std::optional<bool> announcements;  // unset: the analyzer's default (graph: on)
  int html_utc_offset_minutes = 0;    // --html-tz
  std::optional<bool> progress;    // unset: on for files > 50 MB when stderr is a terminal (summary: always)
  std::vector<std::string> inputs; // files and directories as given
};

// Parses argv; on a usage error returns nullopt and sets `error`.
std::optional<CliOptions> parse_args(const std::vector<std::string>& args, std::string& error);

// Parses "+03:00", "-05:30", "UTC", "180" (minutes) into minutes east of UTC.
std::optional<int> parse_tz_offset(const std::string& text);

extern const char* const kUsage;

}  // namespace linkdrift::cli
