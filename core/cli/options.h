// Command-line parsing for the linkdrift CLI. Pure: no I/O besides errors text.
// The report's and the analyzer's options come from their tables (option_spec.h):
// a flag, its bounds and its usage line are written there once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "linkdrift/analyzer_options.h"
#include "linkdrift/base/read_chunk.h"
#include "linkdrift/export/graph_export.h"
#include "linkdrift/report/report_options.h"

namespace linkdrift::cli {

enum class Command { report, links, summary, graph, options, help, version };
enum class LinksFormat { csv, jsonl };

struct CliOptions {
  Command command = Command::help;
  ReportOptions report;
  AnalyzerOptions analyzer;        // `links` detects no announcements unless --announcements is given
  LinksFormat links_format = LinksFormat::csv;
  GraphFormat graph_format = GraphFormat::csv;
  bool excel_safe = false;         // links, graph csv: prefix cells that start with = + - @ by '
  bool compact = false;            // report: one-line JSON
  std::string out;                 // "" = stdout
  std::size_t chunk_size = kReadChunkBytes;
  int jobs = 0;                    // 0: default_jobs() (cli/parallel.h)
  std::optional<bool> progress;    // unset: on for files > 50 MB when stderr is a terminal (summary: always)
  std::vector<std::string> inputs; // files and directories as given
};

// Parses argv; on a usage error returns nullopt and sets `error`.
std::optional<CliOptions> parse_args(const std::vector<std::string>& args, std::string& error);

// The --help text: commands, then every option (the tables' usage lines, the CLI's own).
std::string usage();

}  // namespace linkdrift::cli
