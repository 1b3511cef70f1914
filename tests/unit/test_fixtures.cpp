// Every tests/fixtures/NAME.json (or NAME.html: an HTML export page) with a
// NAME.expected.json beside it: the analyzer's report and link records must
// equal the hand-written answers, for every way of cutting the file into chunks.
#include <doctest/doctest.h>

#include <filesystem>

#include "support.h"

namespace linkdrift::test {
namespace {

using nlohmann::json;

std::vector<std::string> expected_files() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(fixtures_dir())) {
    const std::string p = e.path().string();
    if (p.size() > 14 && p.ends_with(".expected.json")) out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

ReportOptions options_from(const json& expected) {
  ReportOptions o;
  if (!expected.contains("options")) return o;
  const json& j = expected["options"];
  if (j.contains("include_forwarded")) o.include_forwarded = j["include_forwarded"];
  if (j.contains("exclude_signature")) o.exclude_signature = j["exclude_signature"];
  if (j.contains("tz_offset_minutes")) o.tz_offset_minutes = j["tz_offset_minutes"];
  if (j.contains("bucket")) o.bucket = *parse_bucket(j["bucket"].get<std::string>());
  return o;
}

void check_against(const json& expected, const json& report, const json& links) {
  for (const auto& [key, value] : expected["totals"].items()) {
    INFO("totals." << key);
    CHECK(report["totals"][key] == value);
  }
  const json platforms = expected.value("platforms", json::object());
  for (const json& p : report["platforms"]) {
    const std::string platform = p["platform"];
    INFO("platform " << platform);
    const json want = platforms.value(platform, json::array({0, 0, 0}));
    CHECK(json::array({p["link_records"], p["messages"], p["targets"]}) == want);
  }
  if (expected.contains("buckets")) {
    const json& b = report["buckets"];
    for (const auto& [label, want] : expected["buckets"].items()) {
      INFO("bucket " << label);
      const auto it = std::find(b["keys"].begin(), b["keys"].end(), label);
      REQUIRE(it != b["keys"].end());
      const auto i = static_cast<std::size_t>(it - b["keys"].begin());
      CHECK(b["messages"][i] == want["messages"]);
      for (const auto& [platform, series] : b["platforms"].items())
        CHECK_MESSAGE(series["link_records"][i] == want.value(platform, 0), platform);
    }
  }
  REQUIRE(report["chats"].size() == expected["chats"].size());
  for (std::size_t i = 0; i < expected["chats"].size(); ++i)
    for (const auto& [key, value] : expected["chats"][i].items()) {
      INFO("chats[" << i << "]." << key);
      CHECK(report["chats"][i][key] == value);
    }
  if (expected.contains("signature_targets")) {
    json got = json::array();
    for (const json& chat : report["chats"])
      for (const json& t : chat["signature_targets"]) got.push_back({t["platform"], t["kind"], t["target"]});
    CHECK(got == expected["signature_targets"]);
  }
  // Migration sections (issue 5): compared whole when listed.
  for (const char* key : {"announcements", "outcomes", "events", "graph"})
    if (expected.contains(key)) {
      INFO(key);
      CHECK(report[key] == expected[key]);
    }
  CHECK(links == expected["links"]);
  json errors = json::array();
  for (const json& e : report["errors"]) errors.push_back({{"offset", e["offset"]}, {"message", e["message"]}});
  CHECK(errors == expected["errors"]);
}

}  // namespace

TEST_CASE("fixtures: report and link records equal the hand-written expected values, for every chunking") {
  const auto files = expected_files();
  REQUIRE(files.size() >= 5);
  for (const std::string& expected_path : files) {
    const std::string stem = expected_path.substr(0, expected_path.size() - 14);
    const std::string fixture = std::filesystem::exists(stem + ".json") ? stem + ".json" : stem + ".html";
    const json expected = json::parse(read_bytes(expected_path));
    const ReportOptions options = options_from(expected);
    SUBCASE(fixture.c_str()) {
      const Run whole = run_files({fixture}, Chunking::whole, options);
      check_against(expected, json::parse(whole.report), whole.links);
      for (Chunking c : {Chunking::one_byte, Chunking::seven_bytes, Chunking::random}) {
        INFO("chunking " << chunking_name(c));
        const Run other = run_files({fixture}, c, options);
        CHECK(other.report == whole.report);
        CHECK(other.links == whole.links);
      }
    }
  }
}

}  // namespace linkdrift::test
