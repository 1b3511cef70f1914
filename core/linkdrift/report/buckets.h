// Report time buckets (month, ISO week, day) on unix seconds.
#pragma once

#include <cstdint>
#include <string>

#include "linkdrift/report/report_options.h"

namespace linkdrift {

// The bucket (month, ISO week starting Monday, or day) that `unix_seconds`
// falls in after shifting by `tz_offset_minutes`, as an ordinal that is dense
// and increasing: consecutive buckets differ by 1.
std::int64_t bucket_ordinal(std::int64_t unix_seconds, int tz_offset_minutes, Bucket bucket);
// "2024-09" for months; "2024-09-23" (the Monday) for weeks; "2024-09-23" for days.
std::string bucket_label(std::int64_t ordinal, Bucket bucket);

}  // namespace linkdrift
