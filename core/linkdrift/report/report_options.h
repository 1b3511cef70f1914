// Options that shape a report. Reports are computed from the stored corpus, so
// every option here can change without reading the files again.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace linkdrift {

enum class Bucket : std::uint8_t { month, week, day };

// A dated event for the report's before/after windows ("events").
struct EventMarker {
  std::int64_t day = 0;  // days since 1970-01-01 of the event's calendar date
  std::string label;
};
// 2024-08-24 "Durov arrested", 2024-09-23 "Telegram policy change" (the page's defaults).
std::vector<EventMarker> default_events();
std::string_view name(Bucket b);
std::optional<Bucket> parse_bucket(std::string_view s);

struct ReportOptions {
  Bucket bucket = Bucket::month;
  int tz_offset_minutes = 0;        // reporting time zone, east of UTC (e.g. +180 for Moscow)
  bool include_forwarded = true;    // false: forwarded messages and their links are left out
  // A target in >= this share of a chat's (counted) messages is that chat's
  // signature (self-promotion), if the chat has >= signature_min_messages.
  double signature_threshold = 0.5;
  int signature_min_messages = 10;
  bool exclude_signature = false;   // true: series, chats and top targets leave signature links out
  int top_targets = 20;             // top targets per platform (and per chat) to list
  // Migration outcomes (report "outcomes", docs/report-schema.md; rules in migration/outcome.h), relative
  // to a chat's first announcement A:
  // stayed: messages in the 90 days after A >= this share of those in the 90 days before.
  double outcome_stayed_ratio = 0.5;
  // paused_then_resumed: a silence of >= this many days after A, then posting again, ...
  int outcome_pause_days = 21;
  // ... which is also >= this many times the chat's longest silence in the 365 days
  // before A (its own cadence: a weekly channel's 3-week gap is no pause).
  double outcome_pause_vs_before = 1.5;
  // went_silent: the last message is at most this many days after A, or ...
  int outcome_silent_within_days = 14;
  // ... the chat's last message is >= this many days before the corpus' last message.
  int outcome_silent_end_days = 30;
  // An announced Telegram destination that names no loaded chat by name or signature
  // names a chat that began within this many days of the announcement and links the
  // destination itself (chat_directory.h, "born with the announcement"); 0: off.
  int successor_birth_days = 14;
  // Lifecycle successors (lifecycle.h): a chat that ended may be continued by a chat whose
  // first message is within this many days of its last (before or after).
  int successor_window_days = 60;
  // Report "events": whole calendar months (report time zone) before and after each
  // event's month, which itself counts in neither window.
  std::vector<EventMarker> events = default_events();
  int event_window_months = 3;
  // Report "graph": a cross_link edge needs links to one target in >= this many messages.
  int graph_min_links = 3;
  // Report "graph": every announced edge plus the heaviest cross_link edges, at most
  // this many edges in all (0: all). Bounds the report (and the heap building it) on
  // big corpora; the graph files (graph_export.h graph_file) always carry every edge.
  int graph_max_edges = 1000;
  // Unix-seconds range [from, to) of the messages counted. Message counts use
  // minute resolution, so bounds are effectively rounded down to the minute.
  std::int64_t from = std::numeric_limits<std::int64_t>::min();
  std::int64_t to = std::numeric_limits<std::int64_t>::max();
};

}  // namespace linkdrift
