#include "linkdrift/report/buckets.h"

#include <cstdio>

#include "linkdrift/base/calendar.h"

namespace linkdrift {

std::int64_t bucket_ordinal(std::int64_t unix_seconds, int tz_offset_minutes, Bucket bucket) {
  const std::int64_t days = floor_div(unix_seconds + std::int64_t{tz_offset_minutes} * 60, 86400);
  switch (bucket) {
    case Bucket::day:
      return days;
    case Bucket::week:
      // 1970-01-01 was a Thursday; shift so that weeks start on Monday.
      return floor_div(days + 3, 7);
    case Bucket::month: {
      const CivilDate d = civil_from_days(days);
      return std::int64_t{d.year} * 12 + (d.month - 1);
    }
  }
  return days;
}

std::string bucket_label(std::int64_t ordinal, Bucket bucket) {
  char buf[32];
  if (bucket == Bucket::month) {
    const std::int64_t year = floor_div(ordinal, 12);
    std::snprintf(buf, sizeof buf, "%04lld-%02lld", static_cast<long long>(year),
                  static_cast<long long>(ordinal - year * 12 + 1));
    return buf;
  }
  const std::int64_t days = bucket == Bucket::week ? ordinal * 7 - 3 : ordinal;
  const CivilDate d = civil_from_days(days);
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buf;
}

std::string_view name(Bucket b) {
  switch (b) {
    case Bucket::week: return "week";
    case Bucket::day: return "day";
    case Bucket::month: break;
  }
  return "month";
}

std::optional<Bucket> parse_bucket(std::string_view s) {
  if (s == "month") return Bucket::month;
  if (s == "week") return Bucket::week;
  if (s == "day") return Bucket::day;
  return std::nullopt;
}

}  // namespace linkdrift
