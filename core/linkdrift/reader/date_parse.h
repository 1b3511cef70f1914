// Timestamp parsing for export messages: `date_unixtime` (a string of digits)
// and `date` ("YYYY-MM-DDTHH:MM:SS", read as UTC).
#pragma once

#include <cstdint>
#include <string_view>

namespace linkdrift::reader {

// "1700000000" (optionally with a leading '-') -> seconds. False if not all digits or overflow.
bool parse_unix_seconds(std::string_view s, std::int64_t& out);

// "YYYY-MM-DDTHH:MM:SS" (an optional trailing 'Z' is accepted) -> unix seconds,
// treating the wall-clock time as UTC. False on any other shape or an out-of-range field.
bool parse_iso_datetime_as_utc(std::string_view s, std::int64_t& out);

}  // namespace linkdrift::reader
