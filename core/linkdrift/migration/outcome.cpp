#include "linkdrift/migration/outcome.h"

#include <algorithm>
#include <limits>

namespace linkdrift::migration {

namespace {
constexpr std::int64_t kDay = 1440;  // minutes
}  // namespace

ActivityAround activity_around(const std::map<std::int64_t, std::int64_t>& minutes, std::int64_t am) {
  constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min();
  ActivityAround a;
  std::int64_t prev = am, prev_before = kNone, last = kNone;
  for (const auto& [m, n] : minutes) {
    if (n <= 0) continue;
    const auto count = static_cast<std::uint64_t>(n);
    if (m < am && m >= am - 30 * kDay) a.before_30d += count;
    if (m < am && m >= am - 90 * kDay) a.before_90d += count;
    if (m > am && m <= am + 30 * kDay) a.after_30d += count;
    if (m > am && m <= am + 90 * kDay) a.after_90d += count;
    if (m <= am && m >= am - 365 * kDay) {  // gaps between messages of the year up to A
      if (prev_before != kNone) a.longest_gap_before = std::max(a.longest_gap_before, m - prev_before);
      prev_before = m;
    }
    if (m > am) {  // silences that begin in the 90 days after A (a later one is not about A)
      if (prev <= am + 90 * kDay) a.longest_gap = std::max(a.longest_gap, m - prev);
      prev = m;
    }
    last = m;
  }
  a.last_minute = last == kNone ? am : last;
  return a;
}

Outcome classify_outcome(const ActivityAround& a, std::int64_t am, std::int64_t end_minute,
                         const OutcomeThresholds& t, bool continued) {
  Outcome own = Outcome::declined;
  if (a.last_minute <= am + t.silent_within_days * kDay || end_minute - a.last_minute >= t.silent_end_days * kDay) {
    own = Outcome::went_silent;
  } else if (a.longest_gap >= t.pause_days * kDay &&
             static_cast<double>(a.longest_gap) >= t.pause_vs_before * static_cast<double>(a.longest_gap_before)) {
    own = Outcome::paused_then_resumed;
  } else if (a.after_90d > 0 &&
             static_cast<double>(a.after_90d) >= t.stayed_ratio * static_cast<double>(a.before_90d)) {
    own = Outcome::stayed;
  }
  const bool left = own == Outcome::went_silent || own == Outcome::declined;
  return continued && left ? Outcome::continued_elsewhere : own;
}

}  // namespace linkdrift::migration
