// Options that shape a report. Reports are computed from the stored corpus, so
// every option here can change without reading the files again.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace linkdrift {

enum class Bucket : std::uint8_t { month, week, day };
std::string_view name(Bucket b);
std::optional<Bucket> parse_bucket(std::string_view s);

struct ReportOptions {
  Bucket bucket = Bucket::month;
  int tz_offset_minutes = 0;        // reporting time zone, east of UTC (e.g. +180 for Moscow)
  bool include_forwarded = true;    // false: forwarded messages and their links are left out
  double signature_threshold = 0.5; // a target in >= this share of a chat's messages is its signature
  int top_targets = 20;             // top targets per platform (and per chat) to list
  std::int64_t from = INT64_MIN;    // inclusive unix-seconds range of messages counted
  std::int64_t to = INT64_MAX;      // exclusive
};

}  // namespace linkdrift
