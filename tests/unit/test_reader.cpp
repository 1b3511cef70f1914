// ExportReader: exact events for the hand-written fixtures in tests/fixtures/reader/.
#include <doctest/doctest.h>

#include "test_reader_util.h"

using reader_test::Chunking;
using reader_test::Recorder;
using Frags = std::vector<std::pair<std::string, std::string>>;

namespace {

Recorder read_fixture(const std::string& name) {
  const std::string data = reader_test::fixture(name);
  REQUIRE_MESSAGE(!data.empty(), "missing fixture " << name);
  Recorder rec;
  linkdrift::ExportReader reader(rec);
  reader_test::feed_file(reader, data, Chunking::whole, 1, name);
  CHECK(reader.offset() == data.size());
  return rec;
}

}  // namespace

TEST_CASE("reader: single chat, every text form, buttons, poll, service, unsupported") {
  const Recorder rec = read_fixture("single_chat_text_forms.json");
  REQUIRE(rec.errors.empty());
  REQUIRE(rec.begins.size() == 1);
  REQUIRE(rec.ends.size() == 1);
  CHECK(rec.begins[0].index == 0);
  CHECK(rec.begins[0].id == 1987654321);
  CHECK(rec.begins[0].name == "Link Hub");
  CHECK(rec.begins[0].type == "public_channel");
  CHECK(rec.ends[0].name == "Link Hub");
  // The "unsupported" message (id 6) is skipped.
  REQUIRE(rec.messages.size() == 6);

  const auto& service = rec.messages[0];
  CHECK(service.id == 1);
  CHECK(service.service);
  CHECK(service.date == 1709388000);
  CHECK(service.fragments.empty());  // "" is not a fragment

  const auto& plain = rec.messages[1];
  CHECK(plain.id == 2);
  CHECK_FALSE(plain.service);
  CHECK_FALSE(plain.forwarded);
  CHECK(plain.date == 1709384709);  // date_unixtime wins over `date`
  CHECK(plain.fragments == Frags{{"text", "plain https://example.com/a"}});  // text_entities ignored

  const auto& parts = rec.messages[2];
  CHECK(parts.id == 3);
  CHECK(parts.forwarded);  // forwarded_from: null
  CHECK(parts.fragments == Frags{{"text", "Backup: "},
                                 {"text", "mirror"},
                                 {"text_link", "https://t.me/+AbCdEfGh123"},
                                 {"text", " or "},
                                 {"entity", "signal.group/#CjQKI"},
                                 {"entity", "a@b.example"},
                                 {"mention", "@examplechat"},
                                 {"text", "see t.me/boldlink"},
                                 {"text", "Bob"},
                                 {"text", "#tag"},
                                 {"text", "\n"}});

  const auto& buttons = rec.messages[3];
  CHECK(buttons.id == 4);
  CHECK(buttons.forwarded);
  CHECK(buttons.fragments == Frags{{"button", "https://t.me/examplechat"},
                                   {"button", "https://login.example/auth"},
                                   {"button", "https://app.example/wv"},
                                   {"button", "https://app.example/simple"}});

  const auto& poll = rec.messages[4];
  CHECK(poll.id == 5);
  CHECK(poll.fragments == Frags{{"text", "Which? t.me/q"},
                                {"text", "one t.me/a1"},
                                {"text", "two "},
                                {"entity", "t.me/a2"}});

  const auto& escapes = rec.messages[5];
  CHECK(escapes.id == 7);
  CHECK(escapes.date == 1709384999);  // date_unixtime before `date`
  CHECK(escapes.fragments == Frags{{"text", "esc: \"q\" \\ back \xC3\xA9 \xF0\x9F\x98\x80 tab\t// end"}});
}

TEST_CASE("reader: old format (no date_unixtime, integer and shifted from_id, negative ids)") {
  const Recorder rec = read_fixture("old_format_int_from_id.json");
  REQUIRE(rec.errors.empty());
  REQUIRE(rec.messages.size() == 3);
  CHECK(rec.begins[0].id == 9888888888);
  CHECK(rec.messages[0].id == -999678450);
  CHECK(rec.messages[0].service);
  CHECK(rec.messages[0].date == 1584544824);  // 2020-03-18T15:20:24 read as UTC
  CHECK(rec.messages[1].id == -999678449);
  CHECK(rec.messages[1].date == 1584544837);
  CHECK(rec.messages[1].fragments == Frags{{"text", "see https://old.example"}});
  CHECK(rec.messages[2].id == 17);
  CHECK(rec.messages[2].date == 1456790399);  // 2016-02-29T23:59:59
  CHECK(rec.messages[2].fragments == Frags{{"text", "old "}, {"text", "there"}, {"text_link", "http://t.me/oldlink"}});
}

TEST_CASE("reader: chat keys after messages reach on_chat_end; null name") {
  const Recorder rec = read_fixture("keys_after_messages_name_null.json");
  REQUIRE(rec.errors.empty());
  REQUIRE(rec.begins.size() == 1);
  CHECK(rec.begins[0].id == 0);
  CHECK(rec.begins[0].type.empty());
  REQUIRE(rec.ends.size() == 1);
  CHECK(rec.ends[0].index == 0);
  CHECK(rec.ends[0].id == 42);
  CHECK(rec.ends[0].name.empty());
  CHECK(rec.ends[0].type == "personal_chat");
  REQUIRE(rec.messages.size() == 1);
  CHECK(rec.messages[0].date == 946684800);
}

TEST_CASE("reader: full account export, 2 chats + 1 left chat after other sections") {
  const Recorder rec = read_fixture("full_account_two_chats_one_left.json");
  REQUIRE(rec.errors.empty());
  CHECK(rec.events == std::vector<std::string>{
                          "begin 0 id=5 name=Alice type=personal_chat",
                          "msg chat=0 id=100 date=1620208800 [text:hi https://alice.example]",
                          "msg chat=0 id=101 date=1620208860 [text:bye]",
                          "end 0 id=5 name=Alice type=personal_chat",
                          "begin 1 id=100 name= type=saved_messages",
                          "end 1 id=100 name= type=saved_messages",
                          "begin 2 id=1500000000 name=Gone Channel type=private_channel",
                          "msg chat=2 id=7 date=1546300800 fwd [entity:https://gone.example]",
                          "end 2 id=1500000000 name=Gone Channel type=private_channel",
                      });
}

TEST_CASE("reader: \\xHH defect repaired (in text, in text_entities, in the chat name)") {
  const Recorder rec = read_fixture("defect_hex_escape.json");
  REQUIRE(rec.errors.empty());
  CHECK(rec.begins[0].name == std::string("Hex\x01name"));
  REQUIRE(rec.messages.size() == 3);
  CHECK(rec.messages[0].fragments == Frags{{"text", "bell\x07 esc\x1b[0m done"}});
  // An escaped backslash before "x41" is not a defect; "\\\\\x1f" is two backslashes + 0x1F.
  CHECK(rec.messages[1].fragments == Frags{{"text", "not a defect: \\x41 stays \\\\\x1f"}});
  CHECK(rec.messages[2].fragments == Frags{{"text", "only in entities"}});
}

TEST_CASE("reader: unquoted custom_emoji document_id repaired") {
  const Recorder rec = read_fixture("defect_unquoted_document_id.json");
  REQUIRE(rec.errors.empty());
  REQUIRE(rec.messages.size() == 3);
  CHECK(rec.messages[0].fragments == Frags{{"text", "\xF0\x9F\x94\xA5"}, {"text", " hot https://fire.example"}});
  CHECK(rec.messages[1].fragments == Frags{{"text", "\xF0\x9F\x91\x8D"}, {"entity", "https://ok.example"}});
  CHECK(rec.messages[2].fragments == Frags{{"text", "\xF0\x9F\x98\x80"}, {"text", " t.me/smile"}});
}

TEST_CASE("reader: UTF-8 BOM accepted") {
  const Recorder rec = read_fixture("bom_single_chat.json");
  REQUIRE(rec.errors.empty());
  CHECK(rec.events == std::vector<std::string>{"begin 0 id=9 name=Bom type=bot_chat",
                                               "msg chat=0 id=1 date=1 [text:hi t.me/bom]",
                                               "end 0 id=9 name=Bom type=bot_chat"});
}

TEST_CASE("reader: files in sequence; feed() without begin_file()") {
  Recorder rec;
  linkdrift::ExportReader reader(rec);
  reader.feed(R"({"messages":[{"id":1,"text":"a"}]})");
  reader.end_file();
  CHECK(reader.offset() == 34);
  reader.begin_file("b.json");
  reader.feed(R"({"id":3,"messages":[{"id":2,"text":"b"}]})");
  CHECK(reader.offset() == 41);
  reader.end_file();
  CHECK(rec.errors.empty());
  CHECK(rec.events == std::vector<std::string>{"begin 0 id=0 name= type=", "msg chat=0 id=1 date=0 [text:a]",
                                               "end 0 id=0 name= type=", "begin 0 id=3 name= type=",
                                               "msg chat=0 id=2 date=0 [text:b]", "end 0 id=3 name= type="});
}

TEST_CASE("reader: a message split across many chunks, with \\x right at a chunk boundary") {
  // Chunk boundaries between '\\' and 'x', inside a UTF-8 sequence, inside "\\u00e9".
  const std::string data = "{\"messages\":[{\"id\":1,\"text\":\"a\\x01\xC3\xA9\\u00e9\"}]}";
  for (std::size_t cut = 1; cut < data.size(); ++cut) {
    for (std::size_t cut2 = cut; cut2 < data.size(); cut2 += 3) {
      Recorder rec;
      linkdrift::ExportReader reader(rec);
      reader.begin_file("x");
      reader.feed(std::string(data.substr(0, cut)));
      reader.feed(std::string(data.substr(cut, cut2 - cut)));
      reader.feed(std::string(data.substr(cut2)));
      reader.end_file();
      REQUIRE(rec.errors.empty());
      REQUIRE(rec.messages.size() == 1);
      CHECK(rec.messages[0].fragments == Frags{{"text", "a\x01\xC3\xA9\xC3\xA9"}});
    }
  }
}
