#include "linkdrift/analyzer_options.h"

#include "linkdrift/report/options_json.h"

namespace linkdrift {

namespace {

using A = AnalyzerOptions;
using T = OptionType;

constexpr OptionSpec<A> kTable[] = {
    {{"max_message_mb", "--max-message-mb", "N", T::integer, 1, 4096, false,
      "a single message larger than N MB fails its file"},
     &A::max_message_mb},
    {{"announcements", "--no-announcements", "", T::boolean, 0, 0, false,
      "do not detect move/backup announcements: the report's \"announcements\" and \"outcomes\" stay empty, the "
      "graph has cross_link edges only (about 15% faster). The CLI detects them except in `links`; "
      "--announcements turns them on there"},
     &A::detect_announcements},
    {{"html_utc_offset_minutes", "--html-tz", "OFFSET", T::utc_offset, 0, 0, false,
      "zone of HTML export dates written without a UTC offset (exports before 2023 wrote the exporting "
      "computer's local time; same forms as --tz). The report names such files"},
     &A::html_utc_offset_minutes},
};

}  // namespace

std::span<const OptionSpec<AnalyzerOptions>> analyzer_option_table() { return kTable; }

bool analyzer_options_from_json(std::string_view text, AnalyzerOptions& options, std::string& error) {
  const nlohmann::json j = text.empty() ? nlohmann::json::object() : nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    error = "analyzer options must be a JSON object";
    return false;
  }
  return options_from_json(analyzer_option_table(), j, options, error);
}

nlohmann::ordered_json option_tables_json() {
  return {{"report", option_table_json(report_option_table())}, {"analyzer", option_table_json(analyzer_option_table())}};
}

}  // namespace linkdrift
