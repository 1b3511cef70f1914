// ExportReader: every error case, its text and its byte offset, under every chunking.
#include <doctest/doctest.h>

#include "linkdrift/reader/export_splitter.h"
#include "test_reader_util.h"

using reader_test::Chunking;
using reader_test::Recorder;

namespace {

// Runs `input` under all chunkings; expects exactly one error with this text
// and offset, and identical event streams. Returns the whole-file events.
std::vector<std::string> expect_error(const std::string& input, const std::string& message, std::uint64_t offset) {
  CAPTURE(input);
  Recorder rec;
  linkdrift::ExportReader reader(rec);
  reader_test::feed_file(reader, input, Chunking::whole, 1, "in.json");
  REQUIRE(rec.errors.size() == 1);
  CHECK(rec.errors[0].file == "in.json");
  CHECK(rec.errors[0].message == message);
  CHECK(rec.errors[0].offset == offset);
  for (const Chunking c : {Chunking::one_byte, Chunking::seven_bytes, Chunking::random}) {
    CAPTURE(reader_test::chunking_name(c));
    CHECK(reader_test::events_for(input, c) == reader_test::events_for(input, Chunking::whole));
  }
  return rec.events;
}

std::uint64_t at(const std::string& s, const std::string& needle) { return s.find(needle); }

}  // namespace

TEST_CASE("reader: error - empty file") {
  expect_error("", "empty file", 0);
  expect_error(" \n\t ", "empty file", 0);
  expect_error("\xEF\xBB\xBF", "empty file", 0);
}

TEST_CASE("reader: error - not a Telegram export") {
  expect_error("[1, 2]", "not a Telegram Desktop export: the top-level value is not an object", 0);
  expect_error("  \"text\"", "not a Telegram Desktop export: the top-level value is not an object", 2);
  const std::string no_keys = R"({"a": 1, "b": [1, {"messages": []}], "c": {"chats": 1}})";
  expect_error(no_keys, "not a Telegram Desktop export: no \"messages\" or \"chats\" key", no_keys.size() - 1);
  expect_error("\xEF\xBB{\"messages\":[]}", "invalid UTF-8", 0);  // a broken BOM
}

TEST_CASE("reader: error - malformed structure around messages") {
  std::string s = R"({"messages": [{"id":1,"text":"a"} {"id":2,"text":"b"}]})";
  auto events = expect_error(s, "expected ',' or ']' after a message", at(s, "{\"id\":2"));
  CHECK(events.size() == 3);  // begin, message 1, error: no on_chat_end for a partial chat
  CHECK(events[1] == "msg chat=0 id=1 date=0 [text:a]");

  s = R"({"messages": [{"id":1,"text":"a"},]})";
  expect_error(s, "expected a message after ','", at(s, "]}"));
  s = R"({"messages" []})";
  expect_error(s, "expected ':' after a key", at(s, "[]"));
  s = R"({"name": "x" "messages": []})";
  expect_error(s, "expected ',' or '}' after a value", at(s, "\"messages"));
  s = R"({"name": "x", })";
  expect_error(s, "expected a key after ','", at(s, "}"));
  s = R"({"about": :, "messages": []})";
  expect_error(s, "expected a value", at(s, ":,"));
  s = R"({"messages": []} x)";
  expect_error(s, "unexpected data after the end of the export", at(s, "x"));
  s = R"({"chats": {"list": [{"messages": []}]]})";
  expect_error(s, "expected ',' or '}' after a value", s.rfind("]"));
}

TEST_CASE("reader: error - unexpected shapes are fatal") {
  std::string s = R"({"name":"n","messages": 5})";
  expect_error(s, "expected an array for \"messages\"", at(s, "5"));
  s = R"({"messages": [{"id":1}, 5, {"id":2}]})";
  auto events = expect_error(s, "expected a message object", at(s, "5"));
  CHECK(events.size() == 3);
  s = R"({"messages": [{"id":1}, {"type":"message","text":"no id"}]})";
  expect_error(s, "message has no \"id\"", at(s, "{\"type"));
  s = R"({"messages": [{"id":1.5}]})";
  expect_error(s, "message \"id\" is not an integer", at(s, "{\"id"));
  s = R"({"guild": {"id": "0"}, "messages": [{"id":"1064990775659729017"}]})";  // DiscordChatExporter's shape
  expect_error(s, "message \"id\" is a string, not an integer: not a Telegram Desktop export "
                  "(a Discord export from DiscordChatExporter looks like this)", at(s, "{\"id\":\"1064"));
  s = R"({"messages": [{"id":1,"text":5}]})";
  expect_error(s, "message \"text\" is not a string or an array", at(s, "{\"id"));
  s = R"({"messages": [{"id":1,"text":["a", 5]}]})";
  expect_error(s, "message \"text\" holds something other than strings and objects", at(s, "{\"id"));
  s = R"({"messages": [{"id":1,"date":"yesterday"}]})";
  expect_error(s, "message \"date\" is not \"YYYY-MM-DDTHH:MM:SS\"", at(s, "{\"id"));
  s = R"({"messages": [{"id":1,"date_unixtime":"12a"}]})";
  expect_error(s, "message \"date_unixtime\" is not a string of digits", at(s, "{\"id"));
  s = R"({"messages": [{"id":1,"inline_bot_buttons":[{"type":"url"}]}]})";
  expect_error(s, "message \"inline_bot_buttons\" is not an array of rows of buttons", at(s, "{\"id"));
  s = R"({"messages": [{"id":1,"poll":[]}]})";
  expect_error(s, "message \"poll\" is not an object", at(s, "{\"id"));
  s = R"({"chats": []})";
  expect_error(s, "expected an object for \"chats\"", at(s, "[]"));
  s = R"({"chats": {"list": {}}})";
  expect_error(s, "expected an array for \"list\"", at(s, "{}}"));
  s = R"({"chats": {"list": [5]}})";
  expect_error(s, "expected a chat object", at(s, "5"));
  s = R"({"id": "abc", "messages": []})";
  expect_error(s, "chat \"id\" is not an integer", at(s, "\"abc"));
  s = R"({"name": 12, "messages": []})";
  expect_error(s, "chat \"name\" is not a string", at(s, "12"));
}

TEST_CASE("reader: error - malformed JSON inside a message") {
  std::string s = R"({"messages": [{"id":1,"text":"ok"}, {"id":2,"text":"a" "b"}]})";
  expect_error(s, "malformed JSON in a message", at(s, "{\"id\":2"));
  s = R"({"messages": [{"id":1,"text":"bad \xZZ escape"}]})";
  expect_error(s, "malformed JSON in a message: invalid escape in a string", at(s, "{\"id"));
  s = R"({"messages": [{"id":1,"text":"bad \q escape"}]})";
  expect_error(s, "malformed JSON in a message: invalid escape in a string", at(s, "{\"id"));
  s = "{\"messages\": [{\"id\":1,\"text\":\"raw \x01 control\"}]}";
  expect_error(s, "malformed JSON in a message: unescaped control character in a string", at(s, "{\"id"));
  s = R"({"messages": [{"id":1,"text":"x","other":[1}]})";
  expect_error(s, "malformed JSON in a message", at(s, "{\"id"));
}

TEST_CASE("reader: error - invalid UTF-8 reports the byte") {
  std::string s = "{\"messages\": [{\"id\":1,\"text\":\"ok \xC3\xA9 then \xFF bad\"}]}";
  expect_error(s, "invalid UTF-8", at(s, "\xFF"));
  s = "{\"messages\": [{\"id\":1,\"text\":\"\\x01 with defect and \xED\xA0\x80 surrogate\"}]}";
  expect_error(s, "invalid UTF-8", at(s, "\xED"));
  s = "{\"name\": \"bad \xC0\xAF name\", \"messages\": []}";
  expect_error(s, "invalid UTF-8", at(s, "\xC0"));
}

TEST_CASE("reader: error - truncated file") {
  std::string s = R"({"name":"t","messages": [{"id":1,"text":"a"}, {"id":2,"text":"abc)";
  auto events = expect_error(s, "unexpected end of file inside a message (truncated export?)", at(s, "{\"id\":2"));
  CHECK(events.size() == 3);
  s = R"({"name":"t","messages": [{"id":1,"text":"a"},)";
  expect_error(s, "unexpected end of file (truncated export?)", s.size());
  s = R"({"name":"t)";
  expect_error(s, "unexpected end of file (truncated export?)", s.size());
  s = "{";
  expect_error(s, "unexpected end of file (truncated export?)", 1);
}

TEST_CASE("reader: after an error the rest of the file is ignored, the next file is read") {
  Recorder rec;
  linkdrift::ExportReader reader(rec);
  reader.begin_file("bad.json");
  reader.feed(R"({"messages": [{"id":1}, 5, {"id":2}, )");
  reader.feed(R"({"id":3}]} garbage ]]]] {{{ "unterminated)");
  reader.end_file();
  reader.begin_file("good.json");
  reader.feed(R"({"messages": [{"id":4}]})");
  reader.end_file();
  REQUIRE(rec.errors.size() == 1);
  CHECK(rec.errors[0].file == "bad.json");
  REQUIRE(rec.messages.size() == 2);
  CHECK(rec.messages[0].id == 1);
  CHECK(rec.messages[1].id == 4);
  CHECK(rec.ends.size() == 1);
}

TEST_CASE("reader: fixture fail_* files report the expected errors") {
  struct Case {
    const char* file;
    const char* message;
    std::uint64_t offset;
  };
  const Case cases[] = {
      {"fail_truncated_mid_message.json", "unexpected end of file inside a message (truncated export?)", 368},
      {"fail_invalid_utf8.json", "invalid UTF-8", 131},
      {"fail_missing_comma_between_messages.json", "expected ',' or ']' after a message", 98},
      {"fail_message_without_id.json", "message has no \"id\"", 95},
      {"fail_not_telegram_export.json", "not a Telegram Desktop export: no \"messages\" or \"chats\" key", 64},
  };
  for (const auto& c : cases) {
    CAPTURE(c.file);
    const std::string data = reader_test::fixture(c.file);
    REQUIRE(!data.empty());
    expect_error(data, c.message, c.offset);
  }
}

namespace {

struct SplitterRecorder final : linkdrift::reader::SplitterEvents {
  void chat_begin(const linkdrift::ChatInfo&) override {}
  bool message(int, const char*, std::size_t len, std::size_t capacity, std::uint64_t, bool) override {
    CHECK(capacity >= len + simdjson::SIMDJSON_PADDING);
    sizes.push_back(len);
    return true;
  }
  void chat_end(const linkdrift::ChatInfo&) override {}
  void error(std::uint64_t offset, std::string message) override { errors.emplace_back(offset, std::move(message)); }
  std::vector<std::size_t> sizes;
  std::vector<std::pair<std::uint64_t, std::string>> errors;
};

}  // namespace

TEST_CASE("reader: a message over the size limit is an error, not unbounded memory") {
  // The real limit is 256 MB ("message larger than 256 MB"); the splitter's
  // test hook lowers it so the behaviour can be checked cheaply.
  CHECK(linkdrift::ReaderLimits{}.max_message_bytes == std::size_t{256} << 20);
  const std::string small = R"({"id":1,"text":"0123456789"})";  // 28 bytes
  for (const std::size_t limit : {std::size_t{28}, std::size_t{27}}) {
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{5}, std::size_t{1000}}) {
      SplitterRecorder events;
      linkdrift::reader::ExportSplitter splitter(events);
      splitter.set_max_message_bytes(limit);
      const std::string file = "{\"messages\":[" + small + "," + small + "]}";
      for (std::size_t pos = 0; pos < file.size(); pos += chunk) {
        splitter.feed(file.data() + pos, std::min(chunk, file.size() - pos));
      }
      splitter.finish();
      if (limit == 28) {
        CHECK(events.errors.empty());
        CHECK(events.sizes == std::vector<std::size_t>{28, 28});
      } else {
        REQUIRE(events.errors.size() == 1);
        CHECK(events.errors[0] == std::pair<std::uint64_t, std::string>{13, "message larger than " + std::to_string(limit) + " bytes (the limit per message)"});
        CHECK(events.sizes.empty());
      }
    }
  }
}
