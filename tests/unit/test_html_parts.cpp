// The HTML reader's parts: character references, date titles, attribute
// lookup, the tokenizer's split-anywhere contract, the <a> -> Source rules and
// the HTML chat identity.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "linkdrift/reader/html/html_attrs.h"
#include "linkdrift/reader/html/html_date.h"
#include "linkdrift/reader/html/html_entities.h"
#include "linkdrift/reader/html/html_export_reader.h"
#include "linkdrift/reader/html/html_links.h"
#include "linkdrift/reader/html/html_tokenizer.h"

namespace {

std::string decoded(std::string_view raw) {
  std::string out;
  linkdrift::html::append_decoded(out, raw);
  return out;
}

// Tokens as "T:text" / "S:name|attrs" (+"/" when self-closing, then "{name=value}" for each of
// kLookedUp that find_attribute(Token) finds) / "E:name", adjacent text merged.
std::vector<std::string> tokens(std::string_view input, const std::vector<std::size_t>& cuts) {
  linkdrift::html::Tokenizer t;
  t.reset(1 << 20);
  std::vector<std::string> out;
  std::size_t pos = 0;
  const auto drain = [&] {
    linkdrift::html::Token tok;
    while (t.next(tok)) {
      using linkdrift::html::TokenKind;
      if (tok.kind == TokenKind::text || tok.kind == TokenKind::raw_text) {
        const std::string piece = decoded(tok.text);
        if (!out.empty() && out.back().rfind("T:", 0) == 0) {
          out.back() += piece;
        } else {
          out.push_back("T:" + piece);
        }
      } else if (tok.kind == TokenKind::start_tag) {
        std::string s = "S:" + std::string(tok.text) + "|" + std::string(tok.attrs) + (tok.self_closing ? "/" : "");
        for (const std::string_view name : {"class", "id", "title", "href", "data", "disabled"}) {
          std::string_view value;
          if (linkdrift::html::find_attribute(tok, name, value)) s += "{" + std::string(name) + "=" + std::string(value) + "}";
        }
        out.push_back(s);
      } else {
        out.push_back("E:" + std::string(tok.text));
      }
    }
  };
  for (const std::size_t cut : cuts) {
    const std::string chunk(input.substr(pos, cut - pos));
    t.push(chunk);
    drain();
    pos = cut;
  }
  const std::string rest(input.substr(pos));
  t.push(rest);
  drain();
  t.finish();
  drain();
  return out;
}

// The tokens of `input` cut once at every byte equal `expected`.
void require_every_single_cut(std::string_view input, const std::vector<std::string>& expected) {
  for (std::size_t cut = 1; cut < input.size(); ++cut) {
    CAPTURE(cut);
    REQUIRE(tokens(input, {cut}) == expected);
  }
}

}  // namespace

TEST_CASE("html parts: character references") {
  CHECK(decoded("a &amp; b &lt;&gt; &quot;&apos;&#39;") == "a & b <> \"''");
  CHECK(decoded("&#233;&#xE9;&#XE9;&#x1F600;&#0065;") == "\xC3\xA9\xC3\xA9\xC3\xA9\xF0\x9F\x98\x80" "A");
  CHECK(decoded("&nbsp;&laquo;&raquo;&hellip;") == "\xC2\xA0\xC2\xAB\xC2\xBB\xE2\x80\xA6");
  CHECK(decoded("&#x00;&#x09;") == std::string("\0\t", 2));  // tdesktop's control characters
  // Invalid: kept literally.
  CHECK(decoded("&bogus; &#xD800; &#x110000; &#; &#x; &amp &") == "&bogus; &#xD800; &#x110000; &#; &#x; &amp &");
  CHECK(decoded("&&amp;;") == "&&;");
  CHECK(decoded("&" + std::string(31, 'a') + ";") == "&" + std::string(31, 'a') + ";");
}

TEST_CASE("html parts: date titles") {
  using linkdrift::html::HtmlDate;
  using linkdrift::html::parse_html_date;
  HtmlDate d;
  REQUIRE(parse_html_date("05.03.2024 09:15:02 UTC+01:00", 0, d));
  CHECK(d.utc == 1709626502);
  CHECK(!d.assumed_zone);
  REQUIRE(parse_html_date(" 05.03.2024 23:30:00 UTC-05:00\n", 0, d));
  CHECK(d.utc == 1709699400);
  REQUIRE(parse_html_date("01.01.2024 00:00:00 UTC+05:30", 0, d));
  CHECK(d.utc == 1704067200 - 330 * 60);
  REQUIRE(parse_html_date("01.01.2024 00:00:00 UTC", 120, d));  // "UTC" alone is +00:00
  CHECK(d.utc == 1704067200);
  REQUIRE(parse_html_date("01.01.2024 00:00:00 UTC-3", 0, d));
  CHECK(d.utc == 1704067200 + 3 * 3600);
  REQUIRE(parse_html_date("29.02.2024 12:00:00", 180, d));  // old form: the assumed zone
  CHECK(d.utc == 1709208000 - 3 * 3600);
  CHECK(d.assumed_zone);
  for (const char* bad : {"", "2024-03-05T09:15:02", "5.3.2024 09:15:02", "30.02.2024 00:00:00",
                          "01.13.2024 00:00:00", "01.01.2024 24:00:00", "01.01.2024 00:00:00 GMT+01:00",
                          "01.01.2024 00:00:00 UTC+24:00", "01.01.2024 00:00:00 UTC+01:0", "01.01.2024 00:00:00x"}) {
    CAPTURE(bad);
    CHECK(!parse_html_date(bad, 0, d));
  }
}

TEST_CASE("html parts: attribute lookup and tdesktop classes") {
  using linkdrift::html::find_attribute;
  std::string_view v;
  CHECK((find_attribute(R"( ="" href="https://t.me/x")", "href", v) && v == "https://t.me/x"));  // nameless =""
  CHECK((find_attribute(R"( href = "stickers/a b.webp")", "href", v) && v == "stickers/a b.webp"));
  CHECK((find_attribute(R"( onclick='return ShowHashtag("XRP")')", "onclick", v) && v == R"(return ShowHashtag("XRP"))"));
  CHECK((find_attribute(" HREF=https://u.example/x title=t", "href", v) && v == "https://u.example/x"));
  CHECK((find_attribute(" disabled href", "href", v) && v.empty()));
  CHECK(!find_attribute(" data-href=\"x\" hre=\"y\"", "href", v));
  CHECK(!find_attribute(" title=\"href=x\"", "href", v));
  std::string scratch;
  using namespace linkdrift::html;
  const auto raw_tag = [](std::string_view attrs) {  // a start tag the state machine read: attrs not listed
    Token t;
    t.kind = TokenKind::start_tag;
    t.attrs = attrs;
    return t;
  };
  CHECK(class_bits(raw_tag(R"( class="message default clearfix joined" id="message3")"), scratch) ==
        (kMessage | kDefault));
  CHECK(class_bits(raw_tag(R"( class="total details&#x09;")"), scratch) == kDetails);
  CHECK(class_bits(raw_tag(R"( class=pull_right&#x20;date&#x20;details)"), scratch) == (kPullRight | kDate | kDetails));
  CHECK(class_bits(raw_tag(R"( id="text")"), scratch) == 0);
}

TEST_CASE("html parts: tokenizer gives the same tokens for every split") {
  const std::string input =
      "<!DOCTYPE html><!-- <div class=\"x\"> --><div class=\"a b\" title='x > y' data=z>"
      "caf\xC3\xA9 &amp;&#x1F600;&lt; a < b<br/><BR >&amp</div></a ><script>if (a<b) \"</div>\"</scrip></script x>"
      "<p>&nbsp;<?xml ?><!--->after<!-- - -- --->\xE2\x80\xAE<a =\"\" href=\"u\">t</a>&#x41";
  const auto expected = tokens(input, {});
  CHECK(expected == std::vector<std::string>{
                        "S:div| class=\"a b\" title='x > y' data=z{class=a b}{title=x > y}{data=z}",
                        "T:caf\xC3\xA9 &\xF0\x9F\x98\x80< a < b",
                        "S:br|/",
                        "S:BR| ",
                        "T:&amp",
                        "E:div",
                        "E:a",
                        "S:script|",
                        "T:if (a<b) \"</div>\"</scrip>",
                        "E:script",
                        "S:p|",
                        "T:\xC2\xA0" "after\xE2\x80\xAE",
                        "S:a| =\"\" href=\"u\"{href=u}",
                        "T:t",
                        "E:a",
                        "T:&#x41",
                    });
  // Every single cut, then random multi-cuts.
  require_every_single_cut(input, expected);
  std::mt19937_64 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::vector<std::size_t> cuts;
    for (std::size_t pos = 1 + rng() % 5; pos < input.size(); pos += 1 + rng() % 9) cuts.push_back(pos);
    REQUIRE(tokens(input, cuts) == expected);
  }
}

TEST_CASE("html parts: tags of the tokenizer's fast form and its near misses, in every split") {
  // Whole in one chunk, the first six take the fast path (attributes listed), the rest
  // the state machine; cut anywhere, all take the state machine: same tokens either way.
  const std::string input =
      "<div CLASS=\"message default\" id='message7'>x</div ><br /><a href=\"h\"/>"
      "<span disabled title=\"t\">y</span><i a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\" f=\"6\" g=\"7\" id=\"8\"/>"
      "<b a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\" f=\"6\" g=\"7\" h=\"8\" id=\"9\">"
      "<p class = \"c\" id=u/><q id=\"a\"\"b\" title=\"z\"></a x=\"1\"><u class=\"c\"id=\"d\"></i/>";
  const auto expected = tokens(input, {});
  CHECK(expected == std::vector<std::string>{
                        "S:div| CLASS=\"message default\" id='message7'{class=message default}{id=message7}",
                        "T:x",
                        "E:div",
                        "S:br| /",
                        "S:a| href=\"h\"/{href=h}",
                        "S:span| disabled title=\"t\"{title=t}{disabled=}",
                        "T:y",
                        "E:span",
                        "S:i| a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\" f=\"6\" g=\"7\" id=\"8\"/{id=8}",
                        "S:b| a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\" f=\"6\" g=\"7\" h=\"8\" id=\"9\"{id=9}",
                        "S:p| class = \"c\" id=u/{class=c}{id=u/}",
                        "S:q| id=\"a\"\"b\" title=\"z\"{id=a}{title=z}",
                        "E:a",
                        "S:u| class=\"c\"id=\"d\"{class=c}{id=d}",
                        "E:i",
                    });
  require_every_single_cut(input, expected);
}

TEST_CASE("html parts: <a> and button markup -> the JSON reader's sources") {
  using linkdrift::Source;
  using linkdrift::html::classify_anchor;
  const auto label = [](std::string_view h, std::string_view t) { return classify_anchor(h, t).label; };
  CHECK(label("https://x.example", "https://x.example") == Source::entity);
  CHECK(label("mailto:a@b.example", "a@b.example") == Source::entity);
  CHECK(label("tel:+1555", "+1555") == Source::text);
  CHECK(label("https://t.me/name", "@name") == Source::mention);
  CHECK(label("https://example.com/name", "@name") == Source::text);
  CHECK(classify_anchor("https://x.example", "label").href_fragment);
  CHECK(classify_anchor("https://x.example", "label").href == Source::text_link);
  CHECK(!classify_anchor("stickers/sticker (1).webp", "\xF0\x9F\x98\x80").href_fragment);  // a local path
  CHECK(!classify_anchor("../../photos/p.jpg", "p").href_fragment);
  CHECK(!classify_anchor("", "#tag").href_fragment);
  CHECK(classify_anchor(" JAVASCRIPT:alert(1)", "x").href == Source::text);
  CHECK(linkdrift::html::button_source("javascript:x") == Source::text);
  CHECK(linkdrift::html::button_source("https://x") == Source::button);

  std::string url;
  using linkdrift::html::button_url_from_onclick;
  CHECK((button_url_from_onclick("return ShowTextCopied('Data: https://a.example/x | Type: auth');", url) &&
         url == "https://a.example/x"));
  CHECK((button_url_from_onclick(
             "return ShowTextCopied('Data: https://a.example/it\\'s | Forward text: go | Type: simple_web_view');",
             url) &&
         url == "https://a.example/it's"));
  CHECK(!button_url_from_onclick("return ShowTextCopied('Data: cb | Type: callback');", url));
  CHECK(!button_url_from_onclick("return ShowTextCopied('Type: web_view');", url));
  CHECK(!button_url_from_onclick("alert(1)", url));
}

TEST_CASE("html parts: html_chat_id") {
  using linkdrift::html_chat_id;
  // -(FNV-1a-64(folder + '\n' + name) & (2^53-1)), computed apart.
  CHECK(html_chat_id("html/joined_and_forwarded.html", "Relay Notes") == -8971566717667834);
  CHECK(html_chat_id("/exports/ChatExport_2024-01-05/messages2.html", "Relay Notes") == -2523376369475672);
  CHECK(html_chat_id("C:\\exports\\ChatExport_2024-01-05\\index.html", "Relay Notes") == -2523376369475672);
  CHECK(html_chat_id("messages.html", "Relay Notes") == -3749644864569643);  // no folder: ""
  CHECK(html_chat_id("x/ChatExport_2024-01-05/messages.html", "Relay Notes") !=
        html_chat_id("x/ChatExport_2024-01-05/messages.html", "Relay Notes 2"));
  CHECK(html_chat_id("a/b/messages.html", "n") != html_chat_id("a/c/messages.html", "n"));
  for (const char* name : {"", "a", "Relay Notes", "\xE5\xB7\x9D"}) CHECK(html_chat_id("f/p.html", name) < 0);
}
