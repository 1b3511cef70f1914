// The `title` of a message's `div.pull_right.date.details` -> UTC unix seconds.
//
//   new (tdesktop v3.7.6+): "DD.MM.YYYY HH:MM:SS UTC+HH:MM"  (the exporter's offset at that moment)
//   old:                    "DD.MM.YYYY HH:MM:SS"            (the exporter's local time, zone unknown)
//
// The old form is read in `assumed_offset_minutes` (minutes east of UTC):
// 0 reads it as UTC, exactly like the JSON reader reads a `date` without
// `date_unixtime`. The offset part also accepts "UTC" alone (+00:00), one-digit
// hours and no minutes ("UTC-3"). Leading/trailing ASCII whitespace is ignored.
#pragma once

#include <cstdint>
#include <string_view>

namespace linkdrift::html {

struct HtmlDate {
  std::int64_t utc = 0;
  bool assumed_zone = false;  // the title had no "UTC..." part
};

// False if `title` has any other shape or an out-of-range field.
bool parse_html_date(std::string_view title, int assumed_offset_minutes, HtmlDate& out);

}  // namespace linkdrift::html
