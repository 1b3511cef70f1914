// Migration outcomes (migration/outcome.h): the activity counts around A and each
// rule of docs/report-schema.md, on hand-made minute series.
#include <doctest/doctest.h>

#include <map>

#include "linkdrift/migration/outcome.h"

namespace {

using linkdrift::migration::activity_around;
using linkdrift::migration::classify_outcome;
using linkdrift::Outcome;
using linkdrift::migration::OutcomeThresholds;

constexpr std::int64_t kDay = 1440;
constexpr std::int64_t kA = 1000 * kDay;  // the first announcement's minute

// One message a day from `from` to `to` days relative to A (inclusive), skipping day 0.
std::map<std::int64_t, std::int64_t> daily(int from, int to) {
  std::map<std::int64_t, std::int64_t> m;
  for (int d = from; d <= to; ++d)
    if (d != 0) m[kA + d * kDay] = 1;
  return m;
}

Outcome classify(const std::map<std::int64_t, std::int64_t>& m, std::int64_t end, bool continued = false) {
  return classify_outcome(activity_around(m, kA), kA, end, OutcomeThresholds{}, continued);
}

}  // namespace

TEST_CASE("outcome: activity around A") {
  std::map<std::int64_t, std::int64_t> m = daily(-100, 100);
  m[kA] = 5;                 // A's own minute: in neither window
  m[kA - 2 * kDay] = -1;     // a forwarded message taken out: ignored
  const auto a = activity_around(m, kA);
  CHECK(a.before_30d == 30 - 1);
  CHECK(a.after_30d == 30);
  CHECK(a.before_90d == 90 - 1);
  CHECK(a.after_90d == 90);
  CHECK(a.longest_gap == kDay);
  CHECK(a.longest_gap_before == 2 * kDay);  // the day taken out leaves a two-day gap
  CHECK(a.last_minute == kA + 100 * kDay);
  CHECK(activity_around({}, kA).last_minute == kA);
}

TEST_CASE("outcome: each rule, in order") {
  const std::int64_t end = kA + 200 * kDay;
  CHECK(classify(daily(-90, 10), kA + 10 * kDay) == Outcome::went_silent);        // last message within 14 days
  CHECK(classify(daily(-90, 150), end) == Outcome::went_silent);                  // 50 days before the corpus end
  std::map<std::int64_t, std::int64_t> pause = daily(-90, 0);
  for (const auto& [m, n] : daily(40, 200)) pause[m] = n;                         // 40 days silent, then back
  CHECK(classify(pause, end) == Outcome::paused_then_resumed);
  CHECK(classify(daily(-90, 200), end) == Outcome::stayed);
  std::map<std::int64_t, std::int64_t> fewer = daily(-90, 0);
  for (int d = 5; d <= 200; d += 5) fewer[kA + d * kDay] = 1;                     // a fifth of the rate
  CHECK(classify(fewer, end) == Outcome::declined);
  // A continuation explains only a chat that went silent or declined.
  CHECK(classify(fewer, end, true) == Outcome::continued_elsewhere);
  CHECK(classify(daily(-90, 10), kA + 10 * kDay, true) == Outcome::continued_elsewhere);
  CHECK(classify(daily(-90, 200), end, true) == Outcome::stayed);
  CHECK(linkdrift::name(Outcome::paused_then_resumed) == "paused_then_resumed");
}
