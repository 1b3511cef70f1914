// The option tables (option_spec.h): each row's member fits its type, every key
// round-trips through JSON, every flag parses, and the CLI, the JSON parser and
// `linkdrift options` agree because they read the same rows.
#include <doctest/doctest.h>

#include <set>

#include "cli/options.h"
#include "linkdrift/analyzer_options.h"
#include "linkdrift/report/options_json.h"
#include "support.h"

namespace linkdrift::test {
namespace {

using cli::parse_args;

// The variant index each OptionType must use (OptionMember's order).
std::size_t member_index(OptionType t) {
  switch (t) {
    case OptionType::boolean: return 0;
    case OptionType::integer:
    case OptionType::utc_offset: return 1;
    case OptionType::number: return 2;
    case OptionType::bucket: return 3;
    case OptionType::date: return 4;
    case OptionType::events: return 5;
  }
  return 99;
}

template <class O>
void check_rows(std::span<const OptionSpec<O>> table, std::set<std::string_view>& keys, std::set<std::string_view>& flags) {
  for (const OptionSpec<O>& s : table) {
    INFO(s.info.key);
    CHECK(s.member.index() == member_index(s.info.type));
    CHECK(keys.insert(s.info.key).second);
    CHECK(flags.insert(s.info.flag).second);
    CHECK(s.info.flag.starts_with("--"));
    CHECK_FALSE(s.info.help.empty());
    CHECK(s.info.metavar.empty() == (s.info.type == OptionType::boolean));
  }
}

cli::CliOptions parsed(std::vector<std::string> args) {
  std::string error;
  auto o = parse_args(args, error);
  INFO(error);
  REQUIRE(o.has_value());
  return *o;
}

std::string usage_error(std::vector<std::string> args) {
  std::string error;
  CHECK_FALSE(parse_args(args, error).has_value());
  return error;
}

}  // namespace

TEST_CASE("option tables: every row fits its type; keys and flags are unique") {
  std::set<std::string_view> keys, flags;
  check_rows(report_option_table(), keys, flags);
  check_rows(analyzer_option_table(), keys, flags);
  CHECK(report_option_table().size() == 20);
  CHECK(analyzer_option_table().size() == 3);
  // The report echoes every report option, in table order.
  std::vector<std::string> echoed;
  const auto json = options_json(ReportOptions{});
  for (const auto& [k, v] : json.items()) echoed.push_back(k);
  REQUIRE(echoed.size() == report_option_table().size());
  for (std::size_t i = 0; i < echoed.size(); ++i) CHECK(echoed[i] == report_option_table()[i].info.key);
}

TEST_CASE("option tables: `linkdrift options` describes keys, bounds and defaults") {
  const auto j = option_tables_json();
  REQUIRE(j["report"].size() == 20);
  const auto row = [&](const char* group, const char* key) {
    for (const auto& r : j[group])
      if (r["key"] == key) return r;
    return nlohmann::ordered_json();
  };
  CHECK(row("report", "signature_threshold")["min"] == 0.0);
  CHECK(row("report", "signature_threshold")["max"] == 1.0);
  CHECK(row("report", "signature_threshold")["exclusive_min"] == true);
  CHECK(row("report", "signature_threshold")["default"] == 0.5);
  CHECK(row("report", "outcome_pause_days")["default"] == 21);
  CHECK(row("report", "outcome_pause_days")["flag"] == "--outcome-pause-days");
  CHECK(row("report", "from")["default"].is_null());
  CHECK(row("report", "bucket")["values"] == nlohmann::ordered_json::parse(R"(["month","week","day"])"));
  CHECK(row("report", "events")["default"][1]["date"] == "2024-09-23");
  CHECK(row("analyzer", "max_message_mb")["default"] == 256);
  CHECK(row("analyzer", "max_message_mb")["max"] == 4096);
  CHECK(row("analyzer", "html_utc_offset_minutes")["type"] == "utc_offset");
}

TEST_CASE("option tables: JSON errors name the key and what is valid") {
  ReportOptions o;
  std::string error;
  CHECK_FALSE(report_options_from_json(std::string_view(R"({"top_targets": 100001})"), o, error));
  CHECK(error == "option 'top_targets' must be an integer 0 .. 100000");
  CHECK_FALSE(report_options_from_json(std::string_view(R"({"signature_threshold": 0})"), o, error));
  CHECK(error == "option 'signature_threshold' must be a number in (0, 1]");
  CHECK_FALSE(report_options_from_json(std::string_view(R"({"tz_offset_minutes": 900})"), o, error));
  CHECK(error == "option 'tz_offset_minutes' must be an integer -840 .. 840");
  CHECK_FALSE(report_options_from_json(std::string_view(R"({"from": "2024-02-01", "to": "2024-01-01"})"), o, error));
  CHECK(error == "option 'from' must be before 'to'");
  CHECK(report_options_from_json(std::string_view(R"({"from": null, "bucket": "week", "unknown_key": 1})"), o, error));
  CHECK(o.bucket == Bucket::week);
  AnalyzerOptions a;
  CHECK_FALSE(analyzer_options_from_json(R"({"max_message_mb": 0})", a, error));
  CHECK(error == "option 'max_message_mb' must be an integer 1 .. 4096");
  CHECK(analyzer_options_from_json(R"({"max_message_mb": 8, "html_utc_offset_minutes": -300})", a, error));
  CHECK(a.max_message_mb == 8);
  CHECK(a.html_utc_offset_minutes == -300);
}

TEST_CASE("CLI: every table flag sets its option; errors name the flag and the bounds") {
  const auto o = parsed({"report", "--outcome-pause-days", "7", "--outcome-stayed-ratio", "0.25", "--signature-min-messages",
                         "3", "--successor-birth-days", "0", "--tz", "-05:30", "--html-tz", "+03:00", "--max-message-mb",
                         "2", "--bucket", "day", "--from", "2024-01-01", "--forwarded", "--no-forwarded", "x.json"});
  CHECK(o.report.outcome_pause_days == 7);
  CHECK(o.report.outcome_stayed_ratio == 0.25);
  CHECK(o.report.signature_min_messages == 3);
  CHECK(o.report.successor_birth_days == 0);
  CHECK(o.report.tz_offset_minutes == -330);
  CHECK(o.analyzer.html_utc_offset_minutes == 180);
  CHECK(o.analyzer.max_message_mb == 2);
  CHECK(o.report.bucket == Bucket::day);
  CHECK(o.report.from == 1704067200);
  CHECK_FALSE(o.report.include_forwarded);  // the last of --forwarded, --no-forwarded wins
  CHECK(o.inputs == std::vector<std::string>{"x.json"});

  CHECK(usage_error({"report", "--outcome-pause-days", "0", "x.json"}) == "--outcome-pause-days must be an integer 1 .. 36500");
  CHECK(usage_error({"report", "--signature-threshold", "1.5", "x.json"}) == "--signature-threshold must be a number in (0, 1]");
  CHECK(usage_error({"report", "--top"}) == "--top needs a value");
  CHECK(usage_error({"report", "--tz", "+15:00", "x.json"}).starts_with("--tz must look like +03:00"));
  CHECK(usage_error({"report", "--event", "2024-02-30", "x.json"}) == "--event must be YYYY-MM-DD[=LABEL]");
  CHECK(usage_error({"report", "--from", "2023-02-29", "x.json"}).starts_with("--from must be a date"));
  CHECK(parsed({"report", "--from", "2024-02-29", "x.json"}).report.from == 1709164800);  // a leap day is a date
}

TEST_CASE("CLI: --event replaces the default events from its first use; links detect no announcements unless asked") {
  const auto o = parsed({"report", "--event", "2024-10-01=Custom", "--event", "2024-07-15", "x.json"});
  REQUIRE(o.report.events.size() == 2);
  CHECK(o.report.events[0].label == "Custom");
  CHECK(o.report.events[1].label == "2024-07-15");
  CHECK(parsed({"report", "x.json"}).report.events.size() == 2);
  CHECK(parsed({"report", "x.json"}).analyzer.detect_announcements);
  CHECK_FALSE(parsed({"report", "--no-announcements", "x.json"}).analyzer.detect_announcements);
  CHECK_FALSE(parsed({"links", "x.json"}).analyzer.detect_announcements);
  CHECK(parsed({"links", "--announcements", "x.json"}).analyzer.detect_announcements);
}

TEST_CASE("CLI: --help lists every table flag with its default") {
  const std::string text = cli::usage();
  for (const auto& s : report_option_table()) CHECK(text.find(std::string(s.info.flag) + " ") != std::string::npos);
  for (const auto& s : analyzer_option_table()) CHECK(text.find(std::string(s.info.flag) + " ") != std::string::npos);
  CHECK(text.find("(default 21)") != std::string::npos);
  CHECK(text.find("(default 2024-08-24,") != std::string::npos);  // the line may wrap after the comma
}

}  // namespace linkdrift::test
