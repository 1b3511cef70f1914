// Civil-calendar arithmetic on unix seconds, without <chrono> time zones
// (not available in every standard library we build with, e.g. wasm).
#pragma once

#include <cstdint>
#include <string>

namespace linkdrift {

struct CivilDate {
  int year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t days_from_civil(int year, unsigned month, unsigned day);
CivilDate civil_from_days(std::int64_t days);

// Floor division that is correct for negative numerators.
inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// "2024-09-23T12:00:00Z"
std::string iso_utc(std::int64_t unix_seconds);
// A UTC offset in minutes east as "+03:00" / "-05:30" / "+00:00".
std::string utc_offset_text(int minutes);
// Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" (Z optional) as UTC; false if malformed.
bool parse_iso_utc(const std::string& text, std::int64_t& unix_seconds);

}  // namespace linkdrift
