#include "linkdrift/report/options_json.h"

#include <limits>

#include "linkdrift/base/calendar.h"

namespace linkdrift {

namespace {

using R = ReportOptions;
using T = OptionType;
constexpr double kIntMax = std::numeric_limits<int>::max();

// The order is the report's "options" order (the goldens pin it) and the usage's.
constexpr OptionSpec<R> kTable[] = {
    {{"bucket", "--bucket", "month|week|day", T::bucket, 0, 0, false, "time bucket; weeks start on Monday"}, &R::bucket},
    {{"tz_offset_minutes", "--tz", "OFFSET", T::utc_offset, 0, 0, false,
      "reporting time zone, east of UTC: +03:00, -05:30, UTC or minutes"},
     &R::tz_offset_minutes},
    {{"include_forwarded", "--no-forwarded", "", T::boolean, 0, 0, false,
      "leave forwarded messages and their links out"},
     &R::include_forwarded},
    {{"signature_threshold", "--signature-threshold", "X", T::number, 0, 1, true,
      "share of a chat's messages from which a target is the chat's signature (self-promotion) link"},
     &R::signature_threshold},
    {{"signature_min_messages", "--signature-min-messages", "N", T::integer, 1, kIntMax, false,
      "a chat needs this many counted messages to have a signature"},
     &R::signature_min_messages},
    {{"exclude_signature", "--exclude-signature", "", T::boolean, 0, 0, false,
      "leave signature links out of series, chats and top targets"},
     &R::exclude_signature},
    {{"top_targets", "--top", "N", T::integer, 0, 100000, false, "top targets to list per platform and chat"},
     &R::top_targets},
    {{"outcome_stayed_ratio", "--outcome-stayed-ratio", "X", T::number, 0, 100, false,
      "outcome 'stayed': messages in the 90 days after the first announcement are at least this share of those "
      "in the 90 days before"},
     &R::outcome_stayed_ratio},
    {{"outcome_pause_days", "--outcome-pause-days", "N", T::integer, 1, 36500, false,
      "outcome 'paused_then_resumed': a silence of at least N days after the announcement, then posting again"},
     &R::outcome_pause_days},
    {{"outcome_pause_vs_before", "--outcome-pause-vs-before", "X", T::number, 0, 100, false,
      "... and at least X times the chat's longest silence in the 365 days before it"},
     &R::outcome_pause_vs_before},
    {{"outcome_silent_within_days", "--outcome-silent-within-days", "N", T::integer, 0, 36500, false,
      "outcome 'went_silent': the last message is at most N days after the announcement, or ..."},
     &R::outcome_silent_within_days},
    {{"outcome_silent_end_days", "--outcome-silent-end-days", "N", T::integer, 1, 36500, false,
      "... at least N days before the loaded data ends"},
     &R::outcome_silent_end_days},
    {{"successor_birth_days", "--successor-birth-days", "N", T::integer, 0, 36500, false,
      "an announced Telegram name no loaded chat carries is continued by a chat that began within N days of the "
      "announcement and links the name itself (0: off)"},
     &R::successor_birth_days},
    {{"successor_window_days", "--successor-window-days", "N", T::integer, 0, 36500, false,
      "a chat that ended may be continued by a loaded chat whose first message is within N days of its last "
      "(its lifecycle's successors, ranked by evidence)"},
     &R::successor_window_days},
    {{"events", "--event", "DATE[=LABEL]", T::events, 0, 0, false,
      "an event for the report's before/after windows, DATE = YYYY-MM-DD (repeatable; replaces the defaults)"},
     &R::events},
    {{"event_window_months", "--event-window-months", "N", T::integer, 1, 120, false,
      "months before and after each event's month"},
     &R::event_window_months},
    {{"graph_min_links", "--graph-min-links", "N", T::integer, 1, 1000000, false,
      "messages linking one target that make a cross_link edge"},
     &R::graph_min_links},
    {{"graph_max_edges", "--graph-max-edges", "N", T::integer, 0, 100000000, false,
      "the report's graph: announced edges + heaviest cross_links, N in all (0: all; `graph` files always carry "
      "every edge)"},
     &R::graph_max_edges},
    {{"from", "--from", "DATE", T::date, 0, 0, false, "count messages from DATE = YYYY-MM-DD[THH:MM:SS] UTC on"},
     &R::from},
    {{"to", "--to", "DATE", T::date, 0, 0, false, "count messages before DATE"}, &R::to},
};

}  // namespace

std::vector<EventMarker> default_events() {
  return {{days_from_civil(2024, 8, 24), "Durov arrested"}, {days_from_civil(2024, 9, 23), "Telegram policy change"}};
}

std::span<const OptionSpec<ReportOptions>> report_option_table() { return kTable; }

nlohmann::ordered_json options_json(const ReportOptions& o) { return options_to_json(report_option_table(), o); }

bool report_options_from_json(std::string_view text, ReportOptions& o, std::string& error) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    error = "options must be a JSON object";
    return false;
  }
  return report_options_from_json(j, o, error);
}

bool report_options_from_json(const nlohmann::json& j, ReportOptions& o, std::string& error) {
  if (!options_from_json(report_option_table(), j, o, error)) return false;
  if (o.from < o.to) return true;
  error = "option 'from' must be before 'to'";
  return false;
}

}  // namespace linkdrift
