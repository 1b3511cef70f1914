// What a chat did after its first announcement A (report "outcomes";
// docs/report-schema.md "Announcements and outcomes" states the rules).
//
// CONTRACT
// - Times are whole minutes (UTC); `minutes` maps a minute to the chat's counted
//   messages in it (entries <= 0 are ignored). Messages in A's own minute count
//   in neither window.
// - classify_outcome reads the chat's own activity first (the first rule that
//   holds: went_silent, paused_then_resumed, stayed, else declined); a chat that
//   went silent or declined and is continued by another loaded chat is
//   continued_elsewhere.
#pragma once

#include <cstdint>
#include <map>
#include <string_view>

#include "linkdrift/base/outcome_kind.h"

namespace linkdrift::migration {

// The thresholds, from the report options of the same names (report_options.h).
struct OutcomeThresholds {
  double stayed_ratio = 0.5;
  int pause_days = 21;
  double pause_vs_before = 1.5;
  int silent_within_days = 14;
  int silent_end_days = 30;
};

// A chat's activity around A.
struct ActivityAround {
  std::uint64_t before_30d = 0, after_30d = 0;  // messages in [A-30d, A) and (A, A+30d]
  std::uint64_t before_90d = 0, after_90d = 0;
  std::int64_t longest_gap = 0;         // minutes: longest silence from A that begins within 90 days of A
  std::int64_t longest_gap_before = 0;  // minutes: longest silence in the 365 days up to A
  std::int64_t last_minute = 0;         // the chat's last message (A when it has none after)
};

ActivityAround activity_around(const std::map<std::int64_t, std::int64_t>& minutes, std::int64_t a_minute);

// `corpus_end_minute`: the corpus' last message; `continued`: another loaded chat continues this one.
Outcome classify_outcome(const ActivityAround& activity, std::int64_t a_minute, std::int64_t corpus_end_minute,
                         const OutcomeThresholds& thresholds, bool continued);

}  // namespace linkdrift::migration
