// ExportReader on real Telegram Desktop exports (LINKDRIFT_REALWORLD_DIR):
// message counts, service/forward counts, fragments per source, and checksums
// computed independently (Python json) from the same files.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "test_reader_util.h"

namespace {

struct Expected {
  const char* path;
  std::size_t messages;
  std::size_t service;
  std::size_t forwarded;
  std::int64_t date_sum;
  std::size_t fragment_bytes;
  std::map<std::string, std::size_t> per_source;
  bool has_name;
};

}  // namespace

TEST_CASE("reader: real-world exports") {
  const std::filesystem::path root = std::filesystem::path(LINKDRIFT_REALWORLD_DIR) / "telegram";
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) {
    MESSAGE("real-world exports not found at " << root.string() << ": skipped");
    return;
  }
  const std::vector<Expected> expected = {
      {"mlomb-chat-analytics/DM_2A_7M.json", 8, 2, 0, 13077832387, 49, {{"entity", 1}, {"text", 4}}, true},
      {"pachumarchive/result.json", 3719, 2, 291, 6459938767965, 233699,
       {{"entity", 54}, {"text", 7784}, {"text_link", 1129}}, true},
      {"pytopia-cs-stack/CS-Stack.json", 10451, 38, 138, 17015466566776, 1560159,
       {{"entity", 555}, {"mention", 237}, {"text", 11623}, {"text_link", 301}}, true},
      {"pytopia-offline/offline.json", 1997, 12, 57, 3260570303126, 288305,
       {{"entity", 84}, {"mention", 19}, {"text", 2249}, {"text_link", 13}}, true},
      {"tg-chat-parser/private_channel.json", 7, 2, 0, 11315033439, 108, {{"text", 10}}, true},
      {"tg-chat-parser/public_supergroup.json", 4, 3, 0, 6465018835, 5, {{"text", 1}}, true},
      {"tg-chat-parser/saved.json", 21, 1, 6, 33736373000, 814,
       {{"entity", 3}, {"mention", 2}, {"text", 40}, {"text_link", 1}}, false},
      {"trantor-library/result.json", 924, 16, 0, 1574484999990, 814567,
       {{"entity", 31}, {"text", 19622}, {"text_link", 3337}}, true},
      {"upon-path-salaf/result.json", 213, 5, 27, 377784170726, 231742,
       {{"entity", 38}, {"mention", 1}, {"text", 1358}, {"text_link", 128}}, true},
  };
  for (const auto& e : expected) {
    CAPTURE(e.path);
    std::string data;
    if (!reader_test::read_file((root / e.path).string(), data)) {
      MESSAGE("missing " << e.path << ": skipped");
      continue;
    }
    reader_test::Recorder rec;
    linkdrift::ExportReader reader(rec);
    reader_test::feed_file(reader, data, reader_test::Chunking::random, 7, e.path);
    REQUIRE(rec.errors.empty());
    REQUIRE(rec.begins.size() == 1);
    REQUIRE(rec.ends.size() == 1);
    CHECK(rec.begins[0].name.empty() != e.has_name);
    CHECK(rec.messages.size() == e.messages);
    std::size_t service = 0, forwarded = 0, bytes = 0, zero_dates = 0;
    std::int64_t date_sum = 0;
    std::map<std::string, std::size_t> per_source;
    for (const auto& m : rec.messages) {
      service += m.service ? 1 : 0;
      forwarded += m.forwarded ? 1 : 0;
      date_sum += m.date;
      zero_dates += m.date == 0 ? 1 : 0;
      for (const auto& [source, text] : m.fragments) {
        ++per_source[source];
        bytes += text.size();
      }
    }
    CHECK(service == e.service);
    CHECK(forwarded == e.forwarded);
    CHECK(date_sum == e.date_sum);
    CHECK(zero_dates == 0);
    CHECK(bytes == e.fragment_bytes);
    CHECK(per_source == e.per_source);
  }
}
