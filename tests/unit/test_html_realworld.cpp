// HtmlExportReader on the real tdesktop pages of LINKDRIFT_REALWORLD_DIR
// (/work/shared/realworld, SOURCES.md items 10-17; CI has them, so they must
// be there): message counts, chunking, and parity with the JSON reader on the
// two chats exported in both formats.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>

#include "linkdrift/base/model.h"
#include "linkdrift/extract/extractor.h"
#include "test_html_util.h"

using html_test::Chunking;

namespace {

std::filesystem::path telegram_dir() { return std::filesystem::path(LINKDRIFT_REALWORLD_DIR) / "telegram"; }

std::string real_file(const std::string& relative) {
  std::string data;
  REQUIRE_MESSAGE(reader_test::read_file((telegram_dir() / relative).string(), data),
                  "missing real-world file " << (telegram_dir() / relative).string());
  return data;
}

// Runs LinkExtractor on every fragment: the link identities per message, as
// the analyzer stores them (deduplicated per message by platform, kind, target).
class LinkSink : public linkdrift::ReaderSink {
 public:
  void on_chat_begin(const linkdrift::ChatInfo&) override {}
  void on_chat_end(const linkdrift::ChatInfo&) override {}
  void on_error(const linkdrift::InputError& e) override { errors.push_back(e.message); }
  void on_message(int, const linkdrift::MessageView& m) override {
    if (m.is_service) {
      service.insert(m.id);
      return;
    }
    dates[m.id] = m.date;
    found_.clear();
    for (const auto& f : m.fragments) extractor_.scan(f.text, f.source, found_);
    auto& ids = links[m.id];
    auto& sourced = with_source[m.id];
    for (const auto& l : found_) {
      const std::string identity =
          std::string(linkdrift::name(l.platform)) + " " + std::string(linkdrift::name(l.kind)) + " " + l.target;
      ids.insert(identity);
      sourced.insert(identity + " " + std::string(linkdrift::name(l.source)));
    }
  }

  std::size_t records() const {
    std::size_t n = 0;
    for (const auto& [id, set] : links) n += set.size();
    return n;
  }

  std::map<std::int64_t, std::set<std::string>> links;        // (platform kind target) per message id
  std::map<std::int64_t, std::set<std::string>> with_source;  // the same with the link's source
  std::map<std::int64_t, std::int64_t> dates;                 // UTC, non-service messages
  std::set<std::int64_t> service;
  std::vector<std::string> errors;

 private:
  linkdrift::LinkExtractor extractor_;
  std::vector<linkdrift::Link> found_;
};

// Messages whose sets differ, as "id: json-only | html-only".
std::vector<std::string> differences(const std::map<std::int64_t, std::set<std::string>>& json,
                                     const std::map<std::int64_t, std::set<std::string>>& html) {
  std::vector<std::string> out;
  std::set<std::int64_t> ids;
  for (const auto& [id, s] : json) ids.insert(id);
  for (const auto& [id, s] : html) ids.insert(id);
  static const std::set<std::string> kNone;
  for (const std::int64_t id : ids) {
    const auto j = json.find(id);
    const auto h = html.find(id);
    const auto& js = j == json.end() ? kNone : j->second;
    const auto& hs = h == html.end() ? kNone : h->second;
    if (js == hs) continue;
    std::string line = std::to_string(id) + ":";
    for (const auto& x : js) {
      if (!hs.count(x)) line += " json[" + x + "]";
    }
    for (const auto& x : hs) {
      if (!js.count(x)) line += " html[" + x + "]";
    }
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("html realworld: every page reads without error, with SOURCES.md's message counts") {
  struct Expected {
    const char* path;
    std::size_t messages;  // div.message.default (SOURCES.md)
    std::size_t service;   // div.message.service with a positive id (date separators are not messages)
    std::size_t forwarded;
    bool assumed_zone;     // old pages: titles without "UTC+HH:MM"
  };
  const std::vector<Expected> expected = {
      {"trantor-library/messages.html", 908, 16, 0, false},
      {"upon-path-salaf/messages.html", 208, 5, 27, false},
      {"devcomputaria-cybersec/index.html", 999, 1, 0, true},  // the first page, renamed
      {"devcomputaria-cybersec/messages2.html", 1000, 0, 0, true},
      {"sapienza-xrp-pump/messages1.html", 206, 794, 0, true},  // re-serialised by an HTML library
      {"sapienza-xrp-pump/messages2.html", 4, 996, 0, true},
      {"quoxent-records/messages.html", 0, 1000, 0, false},     // service only
      {"quoxent-records/messages23.html", 421, 1, 0, true},
  };
  std::error_code ec;
  REQUIRE_MESSAGE(std::filesystem::is_directory(telegram_dir(), ec), "missing " << telegram_dir().string());
  std::size_t pages = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(telegram_dir())) {
    pages += entry.path().extension() == ".html" ? 1 : 0;
  }
  CHECK(pages == expected.size());  // a new page in the corpus needs its row here
  for (const auto& e : expected) {
    CAPTURE(e.path);
    const std::string data = real_file(e.path);
    reader_test::Recorder rec;
    linkdrift::HtmlExportReader reader(rec);
    html_test::feed_file(reader, data, Chunking::random, 7, e.path);
    REQUIRE(rec.errors.empty());
    REQUIRE(rec.begins.size() == 1);
    CHECK(rec.ends.size() == 1);
    CHECK(!rec.begins[0].name.empty());
    CHECK(rec.begins[0].id < 0);
    std::size_t messages = 0, service = 0, forwarded = 0;
    for (const auto& m : rec.messages) {
      (m.service ? service : messages) += 1;
      forwarded += m.forwarded ? 1 : 0;
      if (!m.service) CHECK(m.date > 1500000000);
    }
    CHECK(messages == e.messages);
    CHECK(service == e.service);
    CHECK(forwarded == e.forwarded);
    CHECK(reader.used_assumed_zone() == e.assumed_zone);
  }
}

TEST_CASE("html realworld: pages of one export share the chat id") {
  reader_test::Recorder rec;
  linkdrift::HtmlExportReader reader(rec);
  for (const char* page : {"devcomputaria-cybersec/index.html", "devcomputaria-cybersec/messages2.html"}) {
    html_test::feed_file(reader, real_file(page), Chunking::whole, 1, page);
  }
  REQUIRE(rec.begins.size() == 2);
  CHECK(rec.begins[0].id == rec.begins[1].id);
  CHECK(rec.begins[0].name == "\xF0\x9F\x9B\xA1 Cybersecurity & Privacy news \xF0\x9F\x9B\xA1");
}

TEST_CASE("html realworld: identical events in 1-byte, 7-byte and random chunks") {
  for (const char* page : {"upon-path-salaf/messages.html", "sapienza-xrp-pump/messages1.html",
                           "quoxent-records/messages.html", "trantor-library/messages.html"}) {
    CAPTURE(page);
    const std::string data = real_file(page);
    const auto whole = html_test::events_for(data, Chunking::whole, 1, page);
    CHECK(html_test::events_for(data, Chunking::one_byte, 1, page) == whole);
    CHECK(html_test::events_for(data, Chunking::seven_bytes, 1, page) == whole);
    CHECK(html_test::events_for(data, Chunking::random, 13, page) == whole);
  }
}

// The same chat read from result.json and from messages.html gives the same
// link records and dates. Remaining differences are listed (and explained)
// here; today there are none.
TEST_CASE("html realworld: parity with the JSON reader (trantor-library, upon-path-salaf)") {
  struct Pair {
    const char* folder;
    std::size_t records;   // (message id, platform, kind, target) from either format
    std::size_t messages;  // non-service
    std::size_t service;
  };
  for (const Pair& p : {Pair{"trantor-library", 2435, 908, 16}, Pair{"upon-path-salaf", 77, 208, 5}}) {
    const std::string folder = p.folder;
    CAPTURE(folder);
    LinkSink json, html;
    linkdrift::ExportReader json_reader(json);
    reader_test::feed_file(json_reader, real_file(std::string(p.folder) + "/result.json"), Chunking::random, 3,
                           "result.json");
    linkdrift::HtmlExportReader html_reader(html);
    html_test::feed_file(html_reader, real_file(std::string(p.folder) + "/messages.html"), Chunking::random, 3,
                         "messages.html");
    REQUIRE(json.errors.empty());
    REQUIRE(html.errors.empty());
    CHECK(json.dates.size() == p.messages);
    CHECK(html.dates.size() == p.messages);
    CHECK(json.service == html.service);
    // HTML titles carry the exporter's offset; read back, they equal JSON's date_unixtime.
    CHECK(json.dates == html.dates);
    MESSAGE(folder << ": " << json.records() << " JSON records, " << html.records() << " HTML records");
    CHECK(json.records() == p.records);
    CHECK(html.records() == p.records);
    CHECK(differences(json.links, html.links) == std::vector<std::string>{});
    // Stricter: the same sources too.
    CHECK(differences(json.with_source, html.with_source) == std::vector<std::string>{});
  }
}
