// The report's distinct (bucket, target) pairs stay exact when buckets x
// targets exceed 32 bits (the set then switches to 64-bit keys): 49,674 day
// buckets (1902-01-01 .. 2037-12-31) x 90,000 targets.
#include <doctest/doctest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "linkdrift/analyzer.h"
#include "linkdrift/base/calendar.h"

namespace linkdrift::test {
namespace {

void add_message(std::string& out, int& id, std::int64_t date, const std::string& text) {
  std::string iso = iso_utc(date);
  iso.pop_back();  // exports write local time without the 'Z'
  out += (id == 1 ? "\n" : ",\n");
  out += "{\"id\":" + std::to_string(id++) + ",\"type\":\"message\",\"date\":\"" + iso +
         "\",\"date_unixtime\":" + std::to_string(date) + ",\"text\":\"" + text + "\"}";
}

}  // namespace

TEST_CASE("report: distinct targets per bucket are exact with more than 2^32 (bucket, target) pairs") {
  // Target i is posted on day d = i % 1000 after `base` (its first bucket),
  // on day d + 1 (a later bucket: kept in the pair set), and, for i >= 77296,
  // on day (i - 77296) % 1000 + 1 + 47721: that pair's key is the key of
  // (day (i - 77296) % 1000 + 1, target i - 77296) plus 2^32, so 32-bit keys
  // would wrongly find it seen.
  constexpr int kTargets = 90000;
  constexpr int kShift = 77296;  // 2^32 = 47721 * 90000 + 77296
  constexpr std::int64_t kDay = 86400;
  const std::int64_t first = days_from_civil(1902, 1, 1) * kDay;
  const std::int64_t base = first + kDay;  // bucket 1
  std::string json = "{\"name\":\"Wide\",\"type\":\"public_channel\",\"id\":1,\"messages\":[";
  int id = 1;
  add_message(json, id, first, "first");
  char target[16];
  for (int i = 0; i < kTargets; ++i) {
    std::snprintf(target, sizeof target, "tgt%06d", i);
    const std::string link = std::string("t.me/") + target;
    const std::int64_t day = i % 1000;
    add_message(json, id, base + day * kDay, link);
    add_message(json, id, base + (day + 1) * kDay + 43200, link);
    if (day == 5) add_message(json, id, base + 6 * kDay + 46800, link);  // the same pair again
    if (i >= kShift) add_message(json, id, base + ((i - kShift) % 1000 + 1 + 47721) * kDay, link);
  }
  add_message(json, id, days_from_civil(2037, 12, 31) * kDay, "last");
  json += "\n]}\n";

  Analyzer a;
  a.begin_file("wide.json");
  a.feed(json);
  a.end_file();
  ReportOptions o;
  o.bucket = Bucket::day;
  const nlohmann::json r = nlohmann::json::parse(a.report_json(o));
  const auto& keys = r["buckets"]["keys"];
  REQUIRE(keys.size() == 49674);  // 1902-01-01 .. 2037-12-31
  REQUIRE(keys[1] == "1902-01-02");
  const auto& targets = r["buckets"]["platforms"]["telegram"]["targets"];
  const auto& records = r["buckets"]["platforms"]["telegram"]["link_records"];
  CHECK(targets[1] == 90);         // first buckets of i % 1000 == 0
  CHECK(targets[2] == 180);        // first buckets of i % 1000 == 1, later ones of i % 1000 == 0
  CHECK(targets[7] == 180);        // the repeated pairs count once as targets ...
  CHECK(records[7] == 270);        // ... but as records (90 + 90 + 90 repeats)
  CHECK(targets[1001] == 90);      // later buckets of i % 1000 == 999
  CHECK(targets[1002] == 0);
  CHECK(targets[1 + 1 + 47721] == 13);        // 12,704 late pairs: 13 a day for days 0..703
  CHECK(targets[1 + 1 + 47721 + 703] == 13);
  CHECK(targets[1 + 1 + 47721 + 704] == 12);  // then 12
  CHECK(targets[1 + 1 + 47721 + 999] == 12);
  CHECK(r["totals"]["link_records"] == 2 * kTargets + 90 + (kTargets - kShift));
  CHECK(r["platforms"][0]["targets"] == kTargets);
}

}  // namespace linkdrift::test
