// Record queries (the page's record table and CSV export) over the stored
// corpus: filters, paging and the export format. Expected rows from the
// fixtures' hand-written answers.
#include <doctest/doctest.h>

#include "linkdrift/export/record_query.h"
#include "support.h"

namespace linkdrift::test {
namespace {

Analyzer analyzed(const std::vector<std::string>& names) {
  Analyzer a;
  for (const auto& n : names) {
    a.begin_file(n);
    a.feed(read_bytes(fixtures_dir() + "/" + n));
    a.end_file();
  }
  return a;
}

RecordQuery query(const std::string& json) {
  RecordQuery q;
  std::string error;
  REQUIRE_MESSAGE(record_query_from_json(json, q, error), error);
  return q;
}

}  // namespace

TEST_CASE("record query: filter by platform, page, total") {
  const Analyzer a = analyzed({"every_platform_row.json", "hidden_links_buttons_polls.json"});
  const auto page = link_records_page(a.corpus(), query(R"({"platform": "signal", "offset": 1, "limit": 2})"));
  CHECK(page["total"] == 4);  // 3 in every_platform_row, 1 in hidden_links
  REQUIRE(page["rows"].size() == 2);
  CHECK(page["rows"][0]["kind"] == "contact");
  CHECK(page["rows"][0]["message_id"] == 13);
  CHECK(page["rows"][0]["url"] == "https://signal.me/#p/+14155550123");
  CHECK(page["rows"][1]["kind"] == "stickers");
  const auto hidden = link_records_page(a.corpus(), query(R"({"chat": 1, "limit": 0})"));
  CHECK(hidden["total"] == 9);
  CHECK(hidden["rows"].size() == 9);
  CHECK(hidden["rows"][2]["source"] == "button");
}

TEST_CASE("record query: signature and forwarded filters follow the report's rules") {
  const Analyzer a = analyzed({"signature_and_forwarded.json"});
  CHECK(link_records_page(a.corpus(), query("{}"))["total"] == 8);
  CHECK(link_records_page(a.corpus(), query(R"({"exclude_signature": true})"))["total"] == 2);
  CHECK(link_records_page(a.corpus(), query(R"({"include_forwarded": false})"))["total"] == 7);
  // Posts 3..7: post 3 has two links, 4-6 the signature, 7 other_chan.
  CHECK(link_records_page(a.corpus(), query(R"({"from": "2024-03-01", "to": "2024-08-01"})"))["total"] == 6);
}

TEST_CASE("record query: a public chat's rows carry the permalink its signature link names") {
  // signature_and_forwarded: public_channel "Promo Channel", signature @promo_channel (6 of 10 posts).
  const Analyzer a = analyzed({"signature_and_forwarded.json", "every_platform_row.json"});
  const auto page = link_records_page(a.corpus(), query(R"({"chat": 0, "limit": 1})"));
  REQUIRE(page["rows"].size() == 1);
  CHECK(page["rows"][0]["permalink"] ==
        "https://t.me/promo_channel/" + std::to_string(page["rows"][0]["message_id"].get<std::int64_t>()));
  // Below the signature threshold there is no signature link, so no name to guess.
  CHECK(link_records_page(a.corpus(), query(R"({"chat": 0, "limit": 1, "signature_threshold": 0.7})"))["rows"][0]["permalink"].is_null());
  // every_platform_row's chat has no Telegram signature link.
  CHECK(link_records_page(a.corpus(), query(R"({"chat": 1, "limit": 1})"))["rows"][0]["permalink"].is_null());
}

TEST_CASE("record query: CSV export equals the CLI's links format") {
  const Analyzer a = analyzed({"every_platform_row.json"});
  CHECK(link_records_csv(a.corpus(), query(R"({"limit": 0})"), false) ==
        read_bytes(fixtures_dir() + "/../cli/golden/every_platform_row.links.csv"));
}

TEST_CASE("record query: bad queries are errors, not exceptions") {
  RecordQuery q;
  std::string error;
  CHECK_FALSE(record_query_from_json("[1]", q, error));
  CHECK_FALSE(record_query_from_json(R"({"platform": "myspace"})", q, error));
  CHECK(error == "query 'platform' is not a platform name");
  CHECK_FALSE(record_query_from_json(R"({"limit": -1})", q, error));
  CHECK_FALSE(record_query_from_json(R"({"bucket": "year"})", q, error));
  CHECK(error == "option 'bucket' must be month, week or day");
  CHECK_FALSE(record_query_from_json(R"({"from": "2024-02-01", "to": "2024-01-01"})", q, error));
  CHECK_FALSE(record_query_from_json("{not json", q, error));
}

}  // namespace linkdrift::test
