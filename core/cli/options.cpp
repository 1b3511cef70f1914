#include "cli/options.h"

#include <charconv>
#include <cstdlib>

#include "linkdrift/base/calendar.h"
#include "linkdrift/report/options_json.h"

namespace linkdrift::cli {

const char* const kUsage = R"(linkdrift — where do Telegram channels send their audience, month by month?

Usage:
  linkdrift report  [options] FILE|DIR...   JSON report (docs/report-schema.md)
  linkdrift links   [options] FILE|DIR...   one row per link record (CSV or JSON lines)
  linkdrift summary [options] FILE|DIR...   readable tables for the terminal
  linkdrift graph   [options] FILE|DIR...   successor/backup graph: --format csv|gexf|graphml
  linkdrift --help | --version

Inputs are Telegram Desktop exports: JSON (result.json, single chat or whole
account), HTML (messages.html, messages2.html, ...: the pages of one export are
one chat) and ZIP archives of export folders. The format is read from the
bytes. Directories (and archives) are walked recursively for *.json, *.html and
*.zip, pages in page order; a folder holding both formats of a chat is read
from its result.json. Media files are never read.

Options:
  --bucket month|week|day     time bucket (default month; weeks start on Monday)
  --tz OFFSET                 reporting time zone: +03:00, -05:30, UTC or minutes (default UTC)
  --html-tz OFFSET            zone of HTML export dates written without a UTC offset (exports
                              before 2023 wrote the exporting computer's local time; same
                              forms as --tz; default UTC). The report names such files.
  --from DATE, --to DATE      count messages in [from, to), DATE = YYYY-MM-DD[THH:MM:SS] UTC
  --no-forwarded              leave forwarded messages and their links out
  --signature-threshold X     share of a chat's messages (0..1] above which a target is the
                              chat's signature (self-promotion) link (default 0.5)
  --exclude-signature         leave signature links out of series, chats and top targets
  --top N                     top targets to list per platform and chat (default 20)
  --format FORMAT             links: csv|jsonl; graph: csv|gexf|graphml (default csv)
  --excel-safe                links, graph csv: prefix cells starting with = + - @ with '
                              (spreadsheet safety)
  --compact                   report: JSON on one line
  --out FILE                  write to FILE instead of standard output
  --progress / --no-progress  progress on stderr (default: files over 50 MB, on a terminal)
  --chunk-size BYTES          read size (default 16 MiB)
  --jobs N                    threads reading the inputs, large files split among them
                              (default: the number of cores, at most 8; 1 = one thread)
  --max-message-mb N          a single message larger than N MB fails its file (default 256)
  --no-announcements          do not detect move/backup announcements (report sections
                              "announcements" and "outcomes" stay empty, the graph has
                              cross_link edges only; about 15% faster). Default: detect,
                              except in `links`
  --announcements             detect them (the default)
  --event DATE[=LABEL]        an event for the report's before/after windows, DATE = YYYY-MM-DD
                              (repeatable; replaces the defaults 2024-08-24, 2024-09-23)
  --event-window-months N     months before and after each event's month (default 3)
  --graph-min-links N         messages linking one target that make a cross_link edge (default 3)
  --graph-max-edges N         the report's graph: announced edges + heaviest cross_links, N in all
                              (default 1000; 0 = all; `graph` files always carry every edge)

Exit status: 0 all inputs read, 1 some input failed (output still covers the rest), 2 usage error.
)";

namespace {

bool parse_int(const std::string& s, long long& out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && p == end;
}

}  // namespace

std::optional<int> parse_tz_offset(const std::string& text) {
  if (text == "UTC" || text == "Z" || text == "utc") return 0;
  long long minutes = 0;
  if (parse_int(text, minutes)) {
    if (minutes < -14 * 60 || minutes > 14 * 60) return std::nullopt;
    return static_cast<int>(minutes);
  }
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') return std::nullopt;
  long long h = 0, m = 0;
  if (!parse_int(text.substr(1, 2), h) || !parse_int(text.substr(4, 2), m) || h > 14 || m > 59)
    return std::nullopt;
  const auto total = static_cast<int>(h * 60 + m);
  return text[0] == '-' ? -total : total;
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
  else if (cmd == "-h" || cmd == "--help" || cmd == "help") { o.command = Command::help; return o; }
  else if (cmd == "--version" || cmd == "version") { o.command = Command::version; return o; }
  else {
    error = "unknown command '" + cmd + "'";
    return std::nullopt;
  }

  bool default_events = true;
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
      error = a + " must be " + std::to_string(lo) + " .. " + std::to_string(hi);
      return false;
    };
    if (a == "-h" || a == "--help") { o.command = Command::help; return o; }
    else if (a == "--bucket") {
      if (!value(v)) return std::nullopt;
      const auto b = parse_bucket(v);
      if (!b) { error = "--bucket must be month, week or day"; return std::nullopt; }
      o.report.bucket = *b;
    } else if (a == "--tz" || a == "--html-tz") {
      if (!value(v)) return std::nullopt;
      const auto tz = parse_tz_offset(v);
      if (!tz) { error = a + " must look like +03:00, -05:30, UTC or a number of minutes"; return std::nullopt; }
      (a == "--tz" ? o.report.tz_offset_minutes : o.html_utc_offset_minutes) = *tz;
    } else if (a == "--from" || a == "--to") {
      if (!value(v)) return std::nullopt;
      std::int64_t t = 0;
      if (!parse_iso_utc(v, t)) { error = a + " must be a date YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS"; return std::nullopt; }
      (a == "--from" ? o.report.from : o.report.to) = t;
    } else if (a == "--no-forwarded") {
      o.report.include_forwarded = false;
    } else if (a == "--signature-threshold") {
      if (!value(v)) return std::nullopt;
      char* end = nullptr;
      const double x = std::strtod(v.c_str(), &end);
      if (end != v.c_str() + v.size() || !(x > 0.0 && x <= 1.0)) {
        error = "--signature-threshold must be a number in (0, 1]";
        return std::nullopt;
      }
      o.report.signature_threshold = x;
    } else if (a == "--exclude-signature") {
      o.report.exclude_signature = true;
    } else if (a == "--top") {
      if (!value(v)) return std::nullopt;
      if (!parse_int(v, n) || n < 0 || n > 100000) { error = "--top must be a number from 0 to 100000"; return std::nullopt; }
      o.report.top_targets = static_cast<int>(n);
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
    } else if (a == "--progress") {
      o.progress = true;
    } else if (a == "--no-progress") {
      o.progress = false;
    } else if (a == "--announcements" || a == "--no-announcements") {
      o.announcements = a == "--announcements";
    } else if (a == "--event") {
      if (!value(v)) return std::nullopt;
      const std::size_t eq = v.find('=');
      EventMarker e;
      if (!parse_event_date(v.substr(0, eq), e.day)) { error = "--event must be YYYY-MM-DD[=LABEL]"; return std::nullopt; }
      e.label = eq == std::string::npos ? v : v.substr(eq + 1);
      if (default_events) o.report.events.clear();
      default_events = false;
      if (o.report.events.size() == kMaxEvents) { error = "at most 50 --event"; return std::nullopt; }
      o.report.events.push_back(std::move(e));
    } else if (a == "--event-window-months") {
      if (!bounded(1, 120)) return std::nullopt;
      o.report.event_window_months = static_cast<int>(n);
    } else if (a == "--graph-min-links") {
      if (!bounded(1, 1000000)) return std::nullopt;
      o.report.graph_min_links = static_cast<int>(n);
    } else if (a == "--graph-max-edges") {
      if (!bounded(0, 100000000)) return std::nullopt;
      o.report.graph_max_edges = static_cast<int>(n);
    } else if (a == "--max-message-mb") {
      if (!bounded(1, 4096)) return std::nullopt;
      o.max_message_bytes = static_cast<std::size_t>(n) << 20;
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
