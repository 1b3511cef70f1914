#include "cli/options.h"

#include <charconv>
#include <set>

#include "linkdrift/report/options_json.h"

namespace linkdrift::cli {

namespace {

constexpr const char* kHead = R"(linkdrift — where do Telegram channels send their audience, month by month?

Usage:
  linkdrift report  [options] FILE|DIR...   JSON report (docs/report-schema.md)
  linkdrift links   [options] FILE|DIR...   one row per link record (CSV or JSON lines)
  linkdrift summary [options] FILE|DIR...   readable tables for the terminal
  linkdrift graph   [options] FILE|DIR...   successor/backup graph: --format csv|gexf|graphml
  linkdrift options                         every report and reading option as JSON (key, flag,
                                            type, bounds, default, help)
  linkdrift --help | --version

Inputs are Telegram Desktop exports: JSON (result.json, single chat or whole
account), HTML (messages.html, messages2.html, ...: the pages of one export are
one chat) and ZIP archives of export folders. The format is read from the
bytes. Directories (and archives) are walked recursively for *.json, *.html and
*.zip, pages in page order; a folder holding both formats of a chat is read
from its result.json. Media files are never read.

Report options (the page's controls and JSON keys: `linkdrift options`):
)";

constexpr const char* kOutputOptions = R"(
Output and run options:
  --format FORMAT             links: csv|jsonl; graph: csv|gexf|graphml (default csv)
  --excel-safe                links, graph csv: prefix cells starting with = + - @ with '
                              (spreadsheet safety)
  --compact                   report: JSON on one line
  --out FILE                  write to FILE instead of standard output
  --progress / --no-progress  progress on stderr (default: files over 50 MB, on a terminal)
  --chunk-size BYTES          read size (default 16 MiB)
  --jobs N                    threads reading the inputs, large files split among them
                              (default: the number of cores, at most 8; 1 = one thread)

Exit status: 0 all inputs read, 1 some input failed (output still covers the rest), 2 usage error.
)";

bool parse_int(const std::string& s, long long& out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && p == end;
}

// A table's flag at args[i] (its value, if any, at args[i + 1]): true when it was one.
// `given` collects the keys set, so repeatable options know their first use.
template <class O>
bool table_flag(std::span<const OptionSpec<O>> table, O& options, const std::vector<std::string>& args, std::size_t& i,
                std::set<std::string_view>& given, std::string& error, bool& ok) {
  const OptionSpec<O>* spec = find_option_flag(table, args[i]);
  if (!spec) return false;
  const std::string& flag = args[i];
  std::string value;
  if (spec->info.type != OptionType::boolean) {
    if (i + 1 >= args.size()) {
      error = flag + " needs a value";
      ok = false;
      return true;
    }
    value = args[++i];
  }
  const O defaults{};
  const bool first = given.insert(spec->info.key).second;
  ok = set_option_text(spec->info, flag, value, first, option_ref(*spec, options), option_cref(*spec, defaults), error);
  return true;
}

}  // namespace

std::string usage() {
  return kHead + options_usage(report_option_table()) + "\nReading options (a change re-reads the files in the page):\n" +
         options_usage(analyzer_option_table()) + kOutputOptions;
}

std::optional<CliOptions> parse_args(const std::vector<std::string>& args, std::string& error) {
  CliOptions o;
  if (args.empty()) {
    error = "missing command";
    return std::nullopt;
  }
  const std::string& cmd = args[0];
  if (cmd == "report") o.command = Command::report;
  else if (cmd == "links") o.command = Command::links;
  else if (cmd == "summary") o.command = Command::summary;
  else if (cmd == "graph") o.command = Command::graph;
  else if (cmd == "options") { o.command = Command::options; return o; }
  else if (cmd == "-h" || cmd == "--help" || cmd == "help") { o.command = Command::help; return o; }
  else if (cmd == "--version" || cmd == "version") { o.command = Command::version; return o; }
  else {
    error = "unknown command '" + cmd + "'";
    return std::nullopt;
  }

  std::set<std::string_view> given;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& v) {
      if (i + 1 >= args.size()) {
        error = a + " needs a value";
        return false;
      }
      v = args[++i];
      return true;
    };
    std::string v;
    long long n = 0;
    // The option's value as an integer in [lo, hi] into n; else "OPTION must be lo .. hi".
    auto bounded = [&](long long lo, long long hi) {
      if (!value(v)) return false;
      if (parse_int(v, n) && n >= lo && n <= hi) return true;
      error = a + " must be an integer " + std::to_string(lo) + " .. " + std::to_string(hi);
      return false;
    };
    bool ok = true;
    if (table_flag(report_option_table(), o.report, args, i, given, error, ok) ||
        table_flag(analyzer_option_table(), o.analyzer, args, i, given, error, ok)) {
      if (!ok) return std::nullopt;
    } else if (a == "-h" || a == "--help") {
      o.command = Command::help;
      return o;
    } else if (a == "--format" && o.command == Command::graph) {
      if (!value(v)) return std::nullopt;
      const auto f = parse_graph_format(v);
      if (!f) { error = "graph --format must be csv, gexf or graphml"; return std::nullopt; }
      o.graph_format = *f;
    } else if (a == "--format") {
      if (!value(v)) return std::nullopt;
      if (v == "csv") o.links_format = LinksFormat::csv;
      else if (v == "jsonl") o.links_format = LinksFormat::jsonl;
      else { error = "--format must be csv or jsonl"; return std::nullopt; }
    } else if (a == "--excel-safe") {
      o.excel_safe = true;
    } else if (a == "--compact") {
      o.compact = true;
    } else if (a == "--out") {
      if (!value(o.out)) return std::nullopt;
    } else if (a == "--progress" || a == "--no-progress") {
      o.progress = a == "--progress";
    } else if (a == "--jobs") {
      if (!bounded(1, 64)) return std::nullopt;
      o.jobs = static_cast<int>(n);
    } else if (a == "--chunk-size") {
      if (!bounded(1, 1ll << 30)) return std::nullopt;
      o.chunk_size = static_cast<std::size_t>(n);
    } else if (a == "--") {
      o.inputs.insert(o.inputs.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    } else if (a.size() > 1 && a[0] == '-') {
      error = "unknown option '" + a + "'";
      return std::nullopt;
    } else {
      o.inputs.push_back(a);
    }
  }
  // `links` rows do not use announcements: off there unless asked for.
  if (o.command == Command::links && !given.contains("announcements")) o.analyzer.detect_announcements = false;
  if (o.inputs.empty()) {
    error = "no input files";
    return std::nullopt;
  }
  if (o.report.from >= o.report.to) {
    error = "--from must be before --to";
    return std::nullopt;
  }
  return o;
}

}  // namespace linkdrift::cli
