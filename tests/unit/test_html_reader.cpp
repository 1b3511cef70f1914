// HtmlExportReader on the hand-written fixtures (tests/fixtures/html/ and, for
// the pages shared with the fixture set of test_fixtures.cpp, tests/fixtures/html_*.html;
// tdesktop's exact markup unless named hostile_/reserialised_/fail_): every event is
// asserted, and every fixture gives the same events in every chunking. Each page is
// read as "html/NAME" (NAME without the html_ prefix), wherever it lies: the chat ids
// and error texts below depend on that name.
// Generated hostile inputs check the limits, linear-time paths and offsets.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "test_html_util.h"

using html_test::Chunking;

namespace {

struct Case {
  const char* fixture;
  std::vector<std::string> events;
};

// Dates: the title's wall-clock time minus its UTC offset (computed apart,
// e.g. 05.03.2024 09:15:02 UTC+01:00 = 1709626502). Error offsets are the
// byte of the div (or tag) where the problem was seen.
const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = {
      {"joined_and_forwarded.html",
       {"begin 0 id=-8971566717667834 name=Relay Notes type=",
        "msg chat=0 id=1 date=0 service",
        "msg chat=0 id=2 date=1709626502 [text:Hello ] [text:world] [text:\nsecond line]",
        // joined: no from_name, nothing needed
        "msg chat=0 id=3 date=1709626840 [text:see ] [entity:https://example.org/a]",
        // the forwarded date (01.01.2020) and the reply link, signature are not read
        "msg chat=0 id=4 date=1709629200 fwd [text:read ] [text:the post] [text_link:https://t.me/origin_channel/7]",
        "msg chat=0 id=5 date=1709629201 fwd [text:and https://origin.example/5]",
        // summer time: +02:00 in the same page; the photo path and reactions are not read
        "msg chat=0 id=6 date=1711848600 [text:summer time]",
        "msg chat=0 id=7 date=1711848670",
        "msg chat=0 id=8 date=0 service",
        "end 0 id=-8971566717667834 name=Relay Notes type="}},
      {"old_dates_no_offset.html",
       {"begin 0 id=-8058071819923560 name=Old Group type=",
        "msg chat=0 id=5 date=0 service",
        "msg chat=0 id=6 date=1550188799 [text:before midnight https://old.example/1]",
        // an old poll: the question and the answers without "- " and the vote counts
        "msg chat=0 id=7 date=1550188805 [text:Best client https://poll.example/q?] [text:Desktop] [text:Web] "
        "[text:none]",
        "msg chat=0 id=8 date=1550188860 [text:joined, no sender]",
        "end 0 id=-8058071819923560 name=Old Group type="}},
      {"every_link_location.html",
       {"begin 0 id=-8753638292425650 name=Link Shelf type=",
        "msg chat=0 id=10 date=1717243200 [text:Site ] [entity:https://example.com/x?a=1&b=2] [text: mirror ] "
        "[text:backup] [text_link:https://t.me/+AbCdEfGh123] [text: ] [mention:@examplechat] [text: ] "
        "[entity:ops@example.org] [text: ] [text:+15551234567] [text: ] [text:#news] [text: ] [text:/start] "
        "[text: ] [text:$USD] [text: ] [text:Alice] [text: ] [text:\xF0\x9F\x98\x80] [text:\xF0\x9F\x99\x82] "
        "[text: ] [entity:signal.group/#CjQKIgog] [text: ] [text:open] [text_link:tg://resolve?domain=foo] "
        "[text: ] [entity:https://same.example/]",
        "msg chat=0 id=11 date=1717243500 [text:Vote on ] [mention:@pollchan] [entity:https://example.net] "
        "[text:plain answer] [text:no votes answer]",
        // a to-do list (media_poll + "To-do List") is not a poll: JSON's todo_list is not read
        "msg chat=0 id=12 date=1717243560 [text:tasks]",
        // url button (href), auth and web_view (onclick data); the callback button has no URL
        "msg chat=0 id=13 date=1717243620 [text:Join us] [button:https://t.me/examplechat] "
        "[button:https://login.example.com/auth?x=1&y=2] [button:https://webapp.example.com/app]",
        // location map URL, game link, vCard and file paths, reply link, signature: never read
        "msg chat=0 id=14 date=1717243680 [text:meet here]",
        "msg chat=0 id=15 date=1717243740",
        "msg chat=0 id=16 date=1717243800",
        "msg chat=0 id=17 date=1717243860",
        "end 0 id=-8753638292425650 name=Link Shelf type="}},
      {"entities_and_br.html",
       {"begin 0 id=-8944458115200748 name=Tom & Jerry's <club> type=",
        "msg chat=0 id=20 date=1735785000 [text:a & b <c> \"q\" 's' 'x' \xC3\xA9\xC3\xA9\xF0\x9F\x98\x80 "
        "x\xC2\xA0y \xC2\xABz\xC2\xBB]",
        "msg chat=0 id=21 date=1735785001 [text:&bogus; &#xD800; &#; &amp no semicolon &#1114112; &&; &#x41]",
        "msg chat=0 id=22 date=1735785002 [text:bold] [text:it] [text:c] [text:p\nq] [text:quote] [text:u] "
        "[text:s] [text:secret]",
        "msg chat=0 id=23 date=1735785003 [text:  indented tab\there\n]",
        // the JSON parts "https://t.me/" and bold "name" stay two fragments
        "msg chat=0 id=24 date=1735785004 [text:\nafter\n\nhttps://t.me/] [text:name]",
        "end 0 id=-8944458115200748 name=Tom & Jerry's <club> type="}},
      {"service_only.html",
       {"begin 0 id=-6745618161310498 name=Kryptonium Lounge type=",
        "msg chat=0 id=1 date=0 service",
        "msg chat=0 id=2 date=0 service",
        // id 3 is tdesktop's "not supported" placeholder, skipped like JSON's "unsupported"
        "msg chat=0 id=4 date=0 service",
        "msg chat=0 id=-999999990 date=0 service",  // migrated from the basic group
        // a call is drawn as div.message.default + media_call; JSON has a service message
        "msg chat=0 id=5 date=1520334000 service",
        "end 0 id=-6745618161310498 name=Kryptonium Lounge type="}},
      {"hostile_script_bidi.html",
       {"begin 0 id=-688702744249815 name=\xE2\x80\xAEgnp.exe\xE2\x80\xAC Lounge type=",
        // <script> content is text: its <div class='message default'> is no message
        "msg chat=0 id=30 date=1728554400 [text:before ] [text:var s = \"<div class='message default clearfix' "
        "id='message99'></div>\"; if (a < b && c > d) {}] [text: after]",
        "msg chat=0 id=31 date=1728554401 [text:<script>alert(\"x\")</script>  end]",
        "msg chat=0 id=32 date=1728554402 [text:\xE2\x80\xAE" "exe.lnk\xE2\x80\xAC ] "
        "[entity:https://bidi.example/\xE2\x80\xAEphp]",
        // javascript: hrefs are text, never hidden links
        "msg chat=0 id=33 date=1728554403 [text:https://safe.example] "
        "[text:javascript:fetch('https://evil.example/x')] [text: ] [text:x] [text: JavaScript:void(0)]",
        "msg chat=0 id=34 date=1728554404 [text:A\nB\nC\nD ] [entity:https://unquoted.example/x] "
        "[text: a < b 1 <2 <3]",
        "msg chat=0 id=35 date=1728554405 [text:x ] [text:deep] [text: y]",
        "msg chat=0 id=36 date=1728554406 [text:A bold ] [text_link:https://a.example] [text:two] "
        "[text_link:https://two.example] [text: tail ] [text:open] [text_link:https://open.example]",
        "msg chat=0 id=37 date=1728554407 [text:stray] [text: closes]",
        "end 0 id=-688702744249815 name=\xE2\x80\xAEgnp.exe\xE2\x80\xAC Lounge type="}},
      {"reserialised_whitespace.html",
       {"begin 0 id=-6787176487112867 name=Pump Group type=",
        "msg chat=0 id=1 date=0 service",
        "msg chat=0 id=3 date=1611868749 [text:Hello\nsee ] [entity:crypto.com] [text: ] [text:#XRP]",
        "msg chat=0 id=4 date=1611868800 [text:Hellooo]",
        "end 0 id=-6787176487112867 name=Pump Group type="}},
      {"fail_truncated.html",
       {"begin 0 id=-7843641640127 name=Cut Off type=",
        "msg chat=0 id=1 date=1725862149 [text:first https://first.example]",
        "msg chat=0 id=2 date=1725862200 [text:second]",
        "error html/fail_truncated.html@1512: unexpected end of file inside a message (truncated page?)"}},
      {"fail_not_telegram.html",
       {"error html/fail_not_telegram.html@160: not a Telegram Desktop HTML export: expected div.page_header "
        "and div.history"}},
      {"fail_list_page.html",
       {"error html/fail_list_page.html@598: not a chat's messages page: expected div.history after "
        "div.page_header"}},
      {"fail_bad_date.html",
       {"begin 0 id=-6410754874020924 name=Bad Dates type=",
        "msg chat=0 id=1 date=1677812583 [text:fine]",
        "error html/fail_bad_date.html@1188: expected a message date title \"DD.MM.YYYY HH:MM:SS\" or "
        "\"DD.MM.YYYY HH:MM:SS UTC+HH:MM\""}},
      {"fail_message_without_id.html",
       {"begin 0 id=-551677015325595 name=No Ids type=",
        "msg chat=0 id=1 date=1712203444 [text:fine]",
        "error html/fail_message_without_id.html@1088: expected id=\"messageN\" on a div.message"}},
      {"fail_invalid_utf8.html",
       {"begin 0 id=-7029794293416341 name=Bytes type=",
        "msg chat=0 id=1 date=1714885505 [text:fine]",
        "error html/fail_invalid_utf8.html@1307: invalid UTF-8"}},
  };
  return kCases;
}

std::vector<std::string> fixture_events(const std::string& name, Chunking c, std::uint64_t seed = 1,
                                        linkdrift::HtmlReaderOptions options = {}) {
  const std::string data = html_test::fixture(name);
  REQUIRE(!data.empty());
  return html_test::events_for(data, c, seed, "html/" + name, options);
}

// A minimal page around `history` (the div.history content).
std::string page(const std::string& history) {
  return "<!DOCTYPE html>\n<html><body><div class=\"page_wrap\"><div class=\"page_header\"><div class=\"content\">"
         "<div class=\"text bold\">Gen</div></div></div><div class=\"page_body chat_page\"><div class=\"history\">" +
         history + "</div></div></div></body></html>";
}

std::string message(int id, const std::string& text_html) {
  return "<div class=\"message default clearfix\" id=\"message" + std::to_string(id) +
         "\"><div class=\"body\"><div class=\"pull_right date details\" title=\"01.01.2024 00:00:00 UTC+00:00\">"
         "00:00</div><div class=\"text\">" + text_html + "</div></div></div>";
}

}  // namespace

TEST_CASE("html reader: fixtures give exactly the expected events") {
  for (const Case& c : cases()) {
    CAPTURE(c.fixture);
    CHECK(fixture_events(c.fixture, Chunking::whole) == c.events);
  }
}

TEST_CASE("html reader: fixtures give identical events in 1-byte, 7-byte and random chunks") {
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(fs::path(LINKDRIFT_FIXTURES_DIR) / "html"))
    if (e.path().extension() == ".html") names.push_back(e.path().filename().string());
  for (const auto& e : fs::directory_iterator(fs::path(LINKDRIFT_FIXTURES_DIR))) {
    const std::string file = e.path().filename().string();
    if (e.path().extension() == ".html" && file.starts_with("html_")) names.push_back(file.substr(5));
  }
  std::size_t n = 0;
  for (const std::string& name : names) {
    CAPTURE(name);
    const auto whole = fixture_events(name, Chunking::whole);
    CHECK(fixture_events(name, Chunking::one_byte) == whole);
    CHECK(fixture_events(name, Chunking::seven_bytes) == whole);
    for (std::uint64_t seed = 1; seed <= 5; ++seed) CHECK(fixture_events(name, Chunking::random, seed) == whole);
    ++n;
  }
  CHECK(n == cases().size());  // every fixture has its expected events above
}

TEST_CASE("html reader: a page with CRLF line ends gives the same events") {
  for (const Case& c : cases()) {
    if (std::string_view(c.fixture).starts_with("fail_")) continue;  // their offsets move
    CAPTURE(c.fixture);
    std::string crlf;
    for (const char ch : html_test::fixture(c.fixture)) {
      if (ch == '\n') crlf += '\r';
      crlf += ch;
    }
    const auto events = html_test::events_for(crlf, Chunking::whole, 1, std::string("html/") + c.fixture);
    CHECK(events == c.events);
    CHECK(html_test::events_for(crlf, Chunking::one_byte, 1, std::string("html/") + c.fixture) == events);
  }
}

TEST_CASE("html reader: old dates are read in the assumed zone; used_assumed_zone") {
  const std::string data = html_test::fixture("old_dates_no_offset.html");
  reader_test::Recorder rec;
  linkdrift::HtmlExportReader reader(rec, {.assumed_utc_offset_minutes = 180});
  html_test::feed_file(reader, data, Chunking::whole, 1, "old/messages.html");
  CHECK(reader.used_assumed_zone());
  REQUIRE(rec.messages.size() == 4);
  CHECK(rec.messages[1].date == 1550188799 - 3 * 3600);  // 14.02.2019 23:59:59 at UTC+03:00

  // set_options takes effect at the next begin_file only.
  reader.set_options({.assumed_utc_offset_minutes = -90});
  reader.feed("");
  CHECK(reader.offset() == 0);
  html_test::feed_file(reader, data, Chunking::whole, 1, "old/messages.html");
  CHECK(rec.messages[5].date == 1550188799 + 90 * 60);

  // A page with offsets never uses the assumed zone.
  html_test::feed_file(reader, html_test::fixture("joined_and_forwarded.html"), Chunking::whole, 1, "x.html");
  CHECK(!reader.used_assumed_zone());
  CHECK(rec.errors.empty());
}

TEST_CASE("html reader: offset, failed, empty file, feed without begin_file") {
  reader_test::Recorder rec;
  linkdrift::HtmlExportReader reader(rec);
  reader.begin_file("empty.html");
  reader.end_file();
  REQUIRE(rec.errors.size() == 1);
  CHECK(rec.errors[0].offset == 0);
  CHECK(rec.errors[0].message == "empty file");
  CHECK(reader.failed());

  const std::string data = html_test::fixture("fail_truncated.html");
  reader.begin_file("t.html");
  CHECK(!reader.failed());
  reader.feed(std::string_view(data).substr(0, 100));
  reader.feed(std::string_view(data).substr(100));
  CHECK(reader.offset() == data.size());
  reader.end_file();
  CHECK(reader.failed());
  reader.end_file();  // a second end_file does nothing
  CHECK(rec.errors.size() == 2);

  reader.feed(html_test::fixture("service_only.html"));  // after end_file: a new file named ""
  reader.end_file();
  CHECK(rec.errors.size() == 2);
  CHECK(rec.ends.size() == 1);
}

TEST_CASE("html reader: a message or tag over max_message_bytes fails the file") {
  const std::string big(2 << 20, 'a');
  linkdrift::HtmlReaderOptions small;
  small.max_message_bytes = std::size_t{1} << 20;

  const std::string text_page = page(message(1, "ok") + message(2, big) + message(3, "never"));
  const std::size_t m2 = text_page.find("<div class=\"message default clearfix\" id=\"message2\"");
  for (const Chunking c : {Chunking::whole, Chunking::seven_bytes, Chunking::random}) {
    const auto events = html_test::events_for(text_page, c, 3, "big.html", small);
    REQUIRE(events.size() == 3);
    CHECK(events[2] == "error big.html@" + std::to_string(m2) + ": message larger than 1 MB (the limit per message)");
  }
  // The default limit reads it.
  CHECK(html_test::events_for(text_page, Chunking::random).size() == 5);

  // A 10 MB attribute: fine by default; one tag over the limit otherwise.
  const std::string attr_page = page(message(1, "<span title=\"" + std::string(10 << 20, 'x') + "\">v</span>"));
  CHECK(html_test::events_for(attr_page, Chunking::whole).size() == 3);
  CHECK(html_test::events_for(attr_page, Chunking::random, 9).size() == 3);
  const std::size_t span = attr_page.find("<span");
  for (const Chunking c : {Chunking::whole, Chunking::random}) {
    const auto events = html_test::events_for(attr_page, c, 5, "attr.html", small);
    REQUIRE(events.size() == 2);
    CHECK(events[1] == "error attr.html@" + std::to_string(span) + ": tag larger than 1 MB (the limit per message)");
  }
}

TEST_CASE("html reader: deep nesting, unterminated markup and pathological runs stay linear and chunk-proof") {
  const int kDepth = 200000;
  std::string nested;
  for (int i = 0; i < kDepth; ++i) nested += "<div>";
  nested += "x";
  for (int i = 0; i < kDepth; ++i) nested += "</div>";
  const std::string deep = page(nested + message(1, "a" + nested + "b"));
  const auto whole = html_test::events_for(deep, Chunking::whole);
  REQUIRE(whole.size() == 3);
  CHECK(whole[1] == "msg chat=0 id=1 date=1704067200 [text:a] [text:x] [text:b]");
  CHECK(html_test::events_for(deep, Chunking::random, 2) == whole);

  // Unterminated tag / comment / attribute value: the rest of the input is swallowed, then
  // end_file reports the truncation where the message or the markup began.
  const std::string head = page(message(1, "ok"));
  const std::string open = head.substr(0, head.rfind("</div></div></div></body>"));
  const std::string tail(3 << 20, 'z');
  for (const std::string& cut : {std::string("<a href=\""), std::string("<!--"), std::string("<div class='")}) {
    const std::string data = open + cut + tail;
    CAPTURE(cut);
    const auto events = html_test::events_for(data, Chunking::whole, 1, "u.html");
    REQUIRE(events.size() == 3);
    CHECK(events[2] == "error u.html@" + std::to_string(open.size()) +
                           ": unexpected end of file before the end of div.history (truncated page?)");
    CHECK(html_test::events_for(data, Chunking::random, 4, "u.html") == events);
  }

  // Runs of almost-markup inside a message's text.
  for (const std::string unit : {"&amp", "&#", "&", "<", "</", "<!", "<!-", "-->", "\"", "<scrip", "a<b ", "<br"}) {
    std::string run;
    while (run.size() < (1 << 20)) run += unit;
    const std::string data = page(message(7, run) + message(8, "after"));
    CAPTURE(unit);
    const auto expected = html_test::events_for(data, Chunking::whole);
    CHECK(html_test::events_for(data, Chunking::seven_bytes) == expected);
    CHECK(html_test::events_for(data, Chunking::random, 11) == expected);
  }
}

TEST_CASE("html reader: invalid UTF-8 anywhere fails at its exact offset in every chunking") {
  const std::string good = page(message(1, "caf\xC3\xA9 \xF0\x9F\x98\x80") + message(2, "two"));
  CHECK(html_test::events_for(good, Chunking::one_byte).size() == 4);
  for (const std::string bad : {"\xC3", "\xE2\x82", "\xF0\x9F\x98", "\xFF", "\x80", "\xED\xA0\x80", "\xC0\xAF"}) {
    std::string data = good;
    const std::size_t at = data.find("two");
    data.insert(at, bad);
    CAPTURE(at);
    const auto events = html_test::events_for(data, Chunking::whole, 1, "b.html");
    REQUIRE(events.size() == 3);
    CHECK(events[2] == "error b.html@" + std::to_string(at) + ": invalid UTF-8");
    CHECK(html_test::events_for(data, Chunking::one_byte, 1, "b.html") == events);
    CHECK(html_test::events_for(data, Chunking::random, 6, "b.html") == events);
  }
  // A sequence cut by the end of the file.
  const std::string cut = good + "\xE2\x82";
  const auto events = html_test::events_for(cut, Chunking::one_byte, 1, "c.html");
  REQUIRE(!events.empty());
  CHECK(events.back() == "error c.html@" + std::to_string(good.size()) + ": invalid UTF-8");
}
