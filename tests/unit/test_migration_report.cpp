// Issue 5, first slice: announcements wired into the analyzer and the report
// ("announcements", "outcomes"). Fixture: tests/fixtures/migration_outcomes.json
// (six chats around 2024-10-01T12:00Z; see its .expected.json description).
#include <doctest/doctest.h>

#include "linkdrift/base/calendar.h"
#include "linkdrift/report/options_json.h"
#include "support.h"

namespace linkdrift::test {
namespace {

using nlohmann::json;

std::vector<std::string> outcomes(const json& r) {
  std::vector<std::string> v;
  for (const json& o : r["outcomes"]) v.push_back(o["chat_name"].get<std::string>() + ":" + o["outcome"].get<std::string>());
  return v;
}

std::int64_t at(const char* iso) {
  std::int64_t t = 0;
  REQUIRE(parse_iso_utc(iso, t));
  return t;
}

}  // namespace

TEST_CASE("migration report: each outcome, the sections' place, and the negatives") {
  const json r = report_of({"migration_outcomes.json"});
  std::vector<std::string> keys;
  const auto ordered = nlohmann::ordered_json::parse(run_files({fixtures_dir() + "/migration_outcomes.json"}, Chunking::whole).report);
  for (const auto& [k, v] : ordered.items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"linkdrift_report", "options", "files", "totals", "platforms", "buckets",
                                         "top_targets", "announcements", "outcomes", "events", "graph", "chats",
                                         "errors"});
  CHECK(outcomes(r) == std::vector<std::string>{"Stayed Hub:stayed", "Paused Hub:paused_then_resumed",
                                                "Silent Hub:went_silent", "Old Market:continued_elsewhere"});
  // News Digest (chat 5): a reported move and a forwarded one are no announcements.
  for (const json& a : r["announcements"]) CHECK(a["chat"] != 5);
  CHECK(r["announcements"].size() == 4);
  CHECK(r["outcomes"][3]["continued_in"] == 4);
  CHECK(r["options"]["outcome_pause_days"] == 21);
  CHECK(r["options"]["outcome_stayed_ratio"] == 0.5);
  CHECK(r["options"]["outcome_silent_within_days"] == 14);
  CHECK(r["options"]["outcome_silent_end_days"] == 30);
}

TEST_CASE("migration report: announcements and events name their bucket, in the report's zone and unit") {
  ReportOptions o;  // the announcements are at 2024-10-01T12:00Z (a Tuesday)
  json r = report_of({"migration_outcomes.json"}, o);
  CHECK(r["announcements"][0]["bucket"] == "2024-10");
  CHECK(r["events"][0]["bucket"] == "2024-08");
  o.bucket = Bucket::week;
  r = report_of({"migration_outcomes.json"}, o);
  CHECK(r["announcements"][0]["bucket"] == "2024-09-30");  // the Monday
  CHECK(r["events"][0]["bucket"] == "2024-08-19");         // 2024-08-24 is a Saturday
  CHECK(r["events"][1]["bucket"] == "2024-09-23");         // a Monday is its own week
  o.bucket = Bucket::day;
  o.tz_offset_minutes = -13 * 60;  // 2024-10-01T12:00Z is 2024-09-30 23:00 there
  r = report_of({"migration_outcomes.json"}, o);
  CHECK(r["announcements"][0]["bucket"] == "2024-09-30");
  CHECK(r["events"][0]["bucket"] == "2024-08-24");  // an event is a calendar date: no zone shift
}

TEST_CASE("migration report: thresholds are options") {
  ReportOptions o;
  o.outcome_pause_days = 30;  // Paused Hub's silence is 29 days 22 hours: no pause; 61 >= 0.5 * 89 after/before
  CHECK(outcomes(report_of({"migration_outcomes.json"}, o))[1] == "Paused Hub:stayed");
  o.outcome_stayed_ratio = 0.7;  // 61 < 0.7 * 89: still posting, below the rate
  CHECK(outcomes(report_of({"migration_outcomes.json"}, o))[1] == "Paused Hub:declined");
  ReportOptions silent;
  silent.outcome_silent_within_days = 2;  // Silent Hub posts until D0 + 3 days; the corpus ends 97 days later
  CHECK(outcomes(report_of({"migration_outcomes.json"}, silent))[2] == "Silent Hub:went_silent");
  silent.outcome_silent_end_days = 98;
  CHECK(outcomes(report_of({"migration_outcomes.json"}, silent))[2] == "Silent Hub:declined");

  ReportOptions parsed;
  std::string error;
  CHECK(report_options_from_json(std::string_view(R"({"outcome_pause_days": 7, "outcome_stayed_ratio": 0.25,
      "outcome_silent_within_days": 3, "outcome_silent_end_days": 60})"), parsed, error));
  CHECK(parsed.outcome_pause_days == 7);
  CHECK(parsed.outcome_stayed_ratio == 0.25);
  CHECK(parsed.outcome_silent_within_days == 3);
  CHECK(parsed.outcome_silent_end_days == 60);
  CHECK_FALSE(report_options_from_json(std::string_view(R"({"outcome_pause_days": 0})"), parsed, error));
  CHECK_FALSE(report_options_from_json(std::string_view(R"({"outcome_stayed_ratio": "x"})"), parsed, error));
}

TEST_CASE("migration report: successors born with the announcement, and pauses against the chat's own cadence") {
  // tests/fixtures/migration_successors.json (its .expected.json holds the whole sections).
  const json r = report_of({"migration_successors.json"});
  CHECK(outcomes(r) == std::vector<std::string>{"Daily Intel:continued_elsewhere", "Weekly Digest:stayed"});
  CHECK(r["outcomes"][0]["continued_in"] == 1);
  CHECK(r["outcomes"][0]["continued_by"] == "born_with_announcement");
  CHECK(r["options"]["successor_birth_days"] == 14);
  CHECK(r["options"]["outcome_pause_vs_before"] == 1.5);

  ReportOptions off;
  off.successor_birth_days = 0;  // rule off: nothing names dailyintel_es, Daily Intel simply stopped
  const json without = report_of({"migration_successors.json"}, off);
  CHECK(outcomes(without)[0] == "Daily Intel:went_silent");
  CHECK(without["outcomes"][0]["continued_in"].is_null());
  ReportOptions hours;
  hours.successor_birth_days = 1;  // Inteligencia Diaria began 2 hours before the announcement
  CHECK(report_of({"migration_successors.json"}, hours)["outcomes"][0]["continued_in"] == 1);

  ReportOptions absolute;
  absolute.outcome_pause_vs_before = 1.0;  // 28 days >= 21 days and >= 1.0 x its 21-day gap before
  CHECK(outcomes(report_of({"migration_successors.json"}, absolute))[1] == "Weekly Digest:paused_then_resumed");

  ReportOptions parsed;
  std::string error;
  CHECK(report_options_from_json(std::string_view(R"({"successor_birth_days": 0, "outcome_pause_vs_before": 2})"),
                                 parsed, error));
  CHECK(parsed.successor_birth_days == 0);
  CHECK(parsed.outcome_pause_vs_before == 2.0);
  CHECK_FALSE(report_options_from_json(std::string_view(R"({"successor_birth_days": -1})"), parsed, error));
  CHECK_FALSE(report_options_from_json(std::string_view(R"({"outcome_pause_vs_before": 101})"), parsed, error));
}

TEST_CASE("migration report: from/to select announcements; forwarded filter keeps them") {
  ReportOptions o;
  o.from = at("2024-10-02");
  const json later = report_of({"migration_outcomes.json"}, o);
  CHECK(later["announcements"].empty());
  CHECK(later["outcomes"].empty());
  ReportOptions no_fwd;
  no_fwd.include_forwarded = false;
  const json r = report_of({"migration_outcomes.json"}, no_fwd);
  CHECK(r["announcements"].size() == 4);
  CHECK(outcomes(r).size() == 4);
}

TEST_CASE("migration report: merge keeps announcements and remaps their targets") {
  const std::string a = fixtures_dir() + "/account_2chats_1left.json";
  const std::string b = fixtures_dir() + "/migration_outcomes.json";
  AnalyzerOptions detect;
  detect.detect_announcements = true;
  Analyzer whole(detect);
  for (const std::string& p : {a, b}) {
    whole.begin_file(p.substr(p.find_last_of('/') + 1));
    whole.feed(read_bytes(p));
    whole.end_file();
  }
  Analyzer first(detect), second(detect);
  first.begin_file("account_2chats_1left.json");
  first.feed(read_bytes(a));
  first.end_file();
  second.begin_file("migration_outcomes.json");
  second.feed(read_bytes(b));
  second.end_file();
  first.merge(std::move(second));
  CHECK(first.report_json() == whole.report_json());
  const json r = json::parse(whole.report_json());
  CHECK(r["announcements"].size() >= 4);
}

TEST_CASE("migration report: detection is on by default and can be turned off") {
  CHECK(AnalyzerOptions{}.detect_announcements);
  AnalyzerOptions off;
  off.detect_announcements = false;
  Analyzer plain(off);
  plain.begin_file("migration_outcomes.json");
  plain.feed(read_bytes(fixtures_dir() + "/migration_outcomes.json"));
  plain.end_file();
  const json r = json::parse(plain.report_json());
  CHECK(r["announcements"].empty());
  CHECK(r["outcomes"].empty());
  AnalyzerOptions o;
  std::string error;
  CHECK(analyzer_options_from_json(R"({"announcements": false})", o, error));
  CHECK_FALSE(o.detect_announcements);
  CHECK_FALSE(analyzer_options_from_json(R"({"announcements": 1})", o, error));
}

TEST_CASE("migration report: the phrase is capped at 200 bytes on a UTF-8 boundary; chunking does not matter") {
  const std::string path = fixtures_dir() + "/migration_outcomes.json";
  const std::string whole = run_files({path}, Chunking::whole).report;
  for (const Chunking c : {Chunking::seven_bytes, Chunking::random})
    CHECK(run_files({path}, c).report == whole);
  const json parsed = json::parse(whole);
  for (const json& a : parsed["announcements"]) CHECK(a["phrase"].get<std::string>().size() <= 200);
}

}  // namespace linkdrift::test

namespace linkdrift::test {

TEST_CASE("events and graph options: JSON round trip, validation, and their effect") {
  ReportOptions o;
  o.events = {{days_from_civil(2024, 10, 1), "Custom \"quoted\" ☂"}, {days_from_civil(2023, 2, 28), ""}};
  o.event_window_months = 2;
  o.graph_min_links = 7;
  ReportOptions back;
  std::string error;
  REQUIRE(report_options_from_json(std::string_view(options_json(o).dump()), back, error));
  CHECK(back.events.size() == 2);
  CHECK(back.events[0].day == o.events[0].day);
  CHECK(back.events[0].label == o.events[0].label);
  CHECK(back.events[1].day == o.events[1].day);
  CHECK(back.event_window_months == 2);
  CHECK(back.graph_min_links == 7);
  CHECK(options_json(back) == options_json(o));
  CHECK(options_json(ReportOptions{})["events"] ==
        nlohmann::ordered_json::parse(R"([{"date":"2024-08-24","label":"Durov arrested"},)"
                                      R"({"date":"2024-09-23","label":"Telegram policy change"}])"));

  for (const char* bad : {R"({"events": [{"date": "2024-13-01"}]})", R"({"events": [{"date": "2024-09-23T10:00:00"}]})",
                          R"({"events": [{"label": "x"}]})", R"({"events": {"date": "2024-09-23"}})",
                          R"({"events": [{"date": "2024-09-23", "label": 5}]})", R"({"event_window_months": 0})",
                          R"({"event_window_months": 121})", R"({"graph_min_links": 0})"}) {
    ReportOptions x;
    INFO(bad);
    CHECK_FALSE(report_options_from_json(std::string_view(bad), x, error));
  }
  std::string many = R"({"events": [)";
  for (int i = 0; i < 51; ++i) many += std::string(i ? "," : "") + R"({"date": "2024-01-01"})";
  ReportOptions x;
  CHECK_FALSE(report_options_from_json(std::string_view(many + "]}"), x, error));

  // No events: an empty section. graph_min_links 4: only Alpha's 4-message Discord edge is a cross_link.
  ReportOptions none;
  none.events.clear();
  none.graph_min_links = 4;
  const json r = report_of({"migration_graph_events.json"}, none);
  CHECK(r["events"].empty());
  std::vector<std::string> cross;
  for (const json& e : r["graph"]["edges"])
    if (e["relation"] == "cross_link") cross.push_back(r["graph"]["nodes"][e["to"].get<std::size_t>()]["label"]);
  CHECK(cross == std::vector<std::string>{"discord invite alphaCord"});
  // Without forwarded messages Alpha's Discord edge has 3 messages (the forward is left out): gone at 4.
  none.include_forwarded = false;
  const json nf = report_of({"migration_graph_events.json"}, none);
  for (const json& e : nf["graph"]["edges"]) CHECK(e["relation"] == "announced");
}

TEST_CASE("graph_max_edges keeps every announced edge and the heaviest cross_links") {
  ReportOptions o;
  o.graph_max_edges = 4;  // the fixture has 3 announced + 4 cross_link edges (weights 4, 4, 3, 3)
  const json r = report_of({"migration_graph_events.json"}, o);
  CHECK(r["graph"]["edges_total"] == 7);
  REQUIRE(r["graph"]["edges"].size() == 4);
  std::vector<std::string> kept;
  for (const json& e : r["graph"]["edges"])
    kept.push_back(e["relation"].get<std::string>() + ":" + r["graph"]["nodes"][e["to"].get<std::size_t>()]["label"].get<std::string>());
  // Of the two weight-4 cross_links, Alpha -> Beta_Chat links first (2024-07-05 vs 2024-10-03).
  CHECK(kept == std::vector<std::string>{"cross_link:Beta_Chat", "announced:signal group CjQKIAzzzzzzzz1111",
                                         "announced:telegram public beta_backup", "announced:telegram public gamma_new"});
  o.graph_max_edges = 2;  // fewer than the announced edges: those are still all kept
  CHECK(report_of({"migration_graph_events.json"}, o)["graph"]["edges"].size() == 3);

  ReportOptions back;
  std::string error;
  REQUIRE(report_options_from_json(std::string_view(R"({"graph_max_edges": 0})"), back, error));
  CHECK(back.graph_max_edges == 0);
  CHECK_FALSE(report_options_from_json(std::string_view(R"({"graph_max_edges": -1})"), back, error));
}

}  // namespace linkdrift::test
