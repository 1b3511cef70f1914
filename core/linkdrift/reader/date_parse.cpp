#include "linkdrift/reader/date_parse.h"

#include "linkdrift/base/calendar.h"

namespace linkdrift::reader {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t count, unsigned& out) {
  unsigned v = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    const char c = s[i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  out = v;
  return true;
}

bool is_leap(unsigned y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

bool parse_unix_seconds(std::string_view s, std::int64_t& out) {
  bool negative = false;
  if (!s.empty() && s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 18) return false;  // 18 digits cannot overflow int64
  std::int64_t v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = negative ? -v : v;
  return true;
}

bool parse_iso_datetime_as_utc(std::string_view s, std::int64_t& out) {
  if (s.size() == 20 && s.back() == 'Z') s.remove_suffix(1);
  if (s.size() != 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' ||
      s[16] != ':') {
    return false;
  }
  unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits(s, 0, 4, year) || !digits(s, 5, 2, month) || !digits(s, 8, 2, day) || !digits(s, 11, 2, hour) ||
      !digits(s, 14, 2, minute) || !digits(s, 17, 2, second)) {
    return false;
  }
  static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const unsigned month_days = kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  if (day > month_days || hour > 23 || minute > 59 || second > 60) return false;
  out = days_from_civil(static_cast<int>(year), month, day) * 86400 + static_cast<std::int64_t>(hour) * 3600 +
        static_cast<std::int64_t>(minute) * 60 + static_cast<std::int64_t>(second);
  return true;
}

}  // namespace linkdrift::reader
