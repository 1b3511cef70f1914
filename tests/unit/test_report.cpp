// Report options act on the stored corpus: time zone, buckets, ranges,
// forwarded and signature filters, merging. Expected values worked out by hand
// from the fixtures' dates (see tests/fixtures/*.json).
#include <doctest/doctest.h>

#include "linkdrift/base/calendar.h"
#include "linkdrift/report/buckets.h"
#include "support.h"

namespace linkdrift::test {
namespace {

using nlohmann::json;

// label -> counted messages
std::map<std::string, std::uint64_t> month_messages(const json& r) {
  std::map<std::string, std::uint64_t> m;
  for (std::size_t i = 0; i < r["buckets"]["keys"].size(); ++i)
    if (r["buckets"]["messages"][i] != 0) m[r["buckets"]["keys"][i]] = r["buckets"]["messages"][i];
  return m;
}

}  // namespace

TEST_CASE("report: the time zone moves messages across a month boundary") {
  // Carding Talk posts at 2024-09-30T23:30Z and 2024-10-01T00:30Z.
  using M = std::map<std::string, std::uint64_t>;
  CHECK(month_messages(report_of({"account_2chats_1left.json"})) == M{{"2023-05", 1}, {"2024-09", 1}, {"2024-10", 3}});
  ReportOptions east;
  east.tz_offset_minutes = 60;
  CHECK(month_messages(report_of({"account_2chats_1left.json"}, east)) == M{{"2023-05", 1}, {"2024-10", 4}});
  ReportOptions west;
  west.tz_offset_minutes = -60;
  CHECK(month_messages(report_of({"account_2chats_1left.json"}, west)) == M{{"2023-05", 1}, {"2024-09", 2}, {"2024-10", 2}});
}

TEST_CASE("report: buckets are dense from the first to the last counted message") {
  const json r = report_of({"account_2chats_1left.json"});
  CHECK(r["buckets"]["keys"].size() == 18);  // 2023-05 .. 2024-10
  CHECK(r["buckets"]["keys"][0] == "2023-05");
  CHECK(r["buckets"]["keys"][17] == "2024-10");
  CHECK(r["buckets"]["platforms"]["signal"]["link_records"][16] == 1);  // 2024-09
}

TEST_CASE("report: from/to count only messages in [from, to)") {
  ReportOptions o;
  REQUIRE(parse_iso_utc("2024-10-01", o.from));
  const json r = report_of({"account_2chats_1left.json"}, o);
  CHECK(r["totals"]["messages"] == 3);
  CHECK(r["totals"]["link_records"] == 2);  // t.me/carding_talk, leaks.example.cc
  CHECK(r["totals"]["first_date"] == "2024-10-01T00:30:00Z");
  CHECK(r["options"]["from"] == "2024-10-01T00:00:00Z");
}

TEST_CASE("report: excluding forwarded posts recomputes counts and signatures") {
  ReportOptions o;
  o.include_forwarded = false;
  const json below_min = report_of({"signature_and_forwarded.json"}, o);
  CHECK(below_min["totals"]["link_records_without_signature"] == 7);  // 8 posts < signature_min_messages
  o.signature_min_messages = 8;
  const json r = report_of({"signature_and_forwarded.json"}, o);
  CHECK(r["totals"]["messages"] == 8);
  CHECK(r["totals"]["link_records"] == 7);  // post 4 (forwarded) carried the signature
  CHECK(r["totals"]["link_records_without_signature"] == 2);  // promo in 5 of 8 posts: still a signature
  REQUIRE(r["chats"][0]["signature_targets"].size() == 1);
  CHECK(r["chats"][0]["signature_targets"][0]["share"] == 0.625);
}

TEST_CASE("report: the signature threshold is an option") {
  ReportOptions o;
  o.signature_threshold = 0.7;  // promo is in 6 of 10 posts
  const json r = report_of({"signature_and_forwarded.json"}, o);
  CHECK(r["chats"][0]["signature_targets"].empty());
  CHECK(r["totals"]["link_records_without_signature"] == 8);
  o.signature_threshold = 0.5;
  o.exclude_signature = true;
  const json x = report_of({"signature_and_forwarded.json"}, o);
  CHECK(x["buckets"]["platforms"]["telegram"]["link_records"].get<std::vector<int>>() ==
        std::vector<int>{0, 0, 1, 0, 0, 0, 1, 0, 0});  // only t.me/other_chan, in March and July
  CHECK(x["top_targets"]["telegram"].size() == 1);
  CHECK(x["top_targets"]["telegram"][0]["target"] == "other_chan");
}

TEST_CASE("report: chats with fewer than signature_min_messages have no signature") {
  const json r = report_of({"walk/export_a/result.json"});
  CHECK(r["chats"][0]["signature_targets"].empty());
}

TEST_CASE("merge: two analyzers' corpora give the report of one analyzer fed everything") {
  const std::vector<std::string> names = {"every_platform_row.json", "account_2chats_1left.json",
                                          "signature_and_forwarded.json", "fail_truncated.json",
                                          "hidden_links_buttons_polls.json"};
  Analyzer all, first, second;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string bytes = read_bytes(fixtures_dir() + "/" + names[i]);
    for (Analyzer* a : {&all, i < 2 ? &first : &second}) {
      a->begin_file(names[i]);
      a->feed(bytes);
      a->end_file();
    }
  }
  first.merge(std::move(second));
  CHECK(first.report_json() == all.report_json());
  CHECK(first.errors().size() == 1);
}

TEST_CASE("report: deterministic for the same corpus and options") {
  const auto a = run_files({fixtures_dir() + "/every_platform_row.json"}, Chunking::whole);
  const auto b = run_files({fixtures_dir() + "/every_platform_row.json"}, Chunking::whole);
  CHECK(a.report == b.report);
}

TEST_CASE("calendar: buckets, labels and ISO dates") {
  std::int64_t t = 0;
  REQUIRE(parse_iso_utc("2024-09-23T10:00:00Z", t));
  CHECK(t == 1727085600);
  CHECK(iso_utc(t) == "2024-09-23T10:00:00Z");
  CHECK(bucket_label(bucket_ordinal(t, 0, Bucket::month), Bucket::month) == "2024-09");
  CHECK(bucket_label(bucket_ordinal(t, 0, Bucket::week), Bucket::week) == "2024-09-23");  // a Monday
  CHECK(bucket_label(bucket_ordinal(t + 6 * 86400, 0, Bucket::week), Bucket::week) == "2024-09-23");  // Sunday
  CHECK(bucket_label(bucket_ordinal(t + 7 * 86400, 0, Bucket::week), Bucket::week) == "2024-09-30");
  CHECK(bucket_label(bucket_ordinal(t, -660, Bucket::day), Bucket::day) == "2024-09-22");
  CHECK(bucket_label(bucket_ordinal(-1, 0, Bucket::day), Bucket::day) == "1969-12-31");
  CHECK(iso_utc(0) == "1970-01-01T00:00:00Z");
  CHECK_FALSE(parse_iso_utc("2024-13-01", t));
  CHECK_FALSE(parse_iso_utc("2024-09-23T10:00", t));
  CHECK_FALSE(parse_iso_utc("yesterday", t));
}

}  // namespace linkdrift::test
