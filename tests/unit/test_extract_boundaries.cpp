// Link boundaries in real text: punctuation, quotes, brackets, emoji and
// letters of other scripts directly adjacent to a link; order; one link per
// occurrence; defanged forms.
#include "test_extract_util.h"

using namespace ldtest;

TEST_CASE("extract boundaries: trailing punctuation, quotes and brackets") {
  const std::vector<Row> rows = {
      {"Join t.me/foo_bar.", Platform::telegram, Kind::public_, "foo_bar", "t.me/foo_bar"},
      {"Join t.me/foo_bar!!!", Platform::telegram, Kind::public_, "foo_bar", "t.me/foo_bar"},
      {"is it t.me/foo_bar?", Platform::telegram, Kind::public_, "foo_bar", "t.me/foo_bar"},
      {"links: t.me/foo_bar, t.me", Platform::telegram, Kind::public_, "foo_bar", "t.me/foo_bar"},
      {"\"https://t.me/foo_bar\"", Platform::telegram, Kind::public_, "foo_bar", "https://t.me/foo_bar"},
      {"'t.me/foo_bar'", Platform::telegram, Kind::public_, "foo_bar", "t.me/foo_bar"},
      {"(see t.me/foo_bar)", Platform::telegram, Kind::public_, "foo_bar", "t.me/foo_bar"},
      {"[t.me/foo_bar]", Platform::telegram, Kind::public_, "foo_bar", "t.me/foo_bar"},
      {"(see https://example.com/a_(b))", Platform::web, Kind::link, "example.com", "https://example.com/a_(b)"},
      {"(https://example.com/a_(b)).", Platform::web, Kind::link, "example.com", "https://example.com/a_(b)"},
      {"«t.me/foo_bar»", Platform::telegram, Kind::public_, "foo_bar", "t.me/foo_bar"},
      {"“https://t.me/foo_bar”", Platform::telegram, Kind::public_, "foo_bar", "https://t.me/foo_bar"},
      {"‘t.me/foo_bar’", Platform::telegram, Kind::public_, "foo_bar", "t.me/foo_bar"},
      {"**t.me/bold_chan**", Platform::telegram, Kind::public_, "bold_chan", "t.me/bold_chan"},
      {"t.me/foo_bar's channel", Platform::telegram, Kind::public_, "foo_bar", "t.me/foo_bar"},
      {"write to admin@example.com.", Platform::email, Kind::address, "admin@example.com", "admin@example.com"},
      {"ping @channel_name!", Platform::telegram, Kind::mention, "channel_name", "@channel_name"},
      {"ping @channel_name.", Platform::telegram, Kind::mention, "channel_name", "@channel_name"},
      {"[text](https://example.com/x)", Platform::web, Kind::link, "example.com", "https://example.com/x"},
  };
  for (const Row& r : rows) check_row(r);
}

TEST_CASE("extract boundaries: RU / AR / HE / ZH text and emoji") {
  const std::vector<Row> rows = {
      {"канал:t.me/foo。", Platform::telegram, Kind::public_, "foo", "t.me/foo"},
      {"t.me/fooСсылка", Platform::telegram, Kind::public_, "foo", "t.me/foo"},
      {"переходитеt.me/foo_bar", Platform::telegram, Kind::public_, "foo_bar", "t.me/foo_bar"},
      {"Подписывайтесь на наш канал: https://t.me/ru_chan — там всё.", Platform::telegram, Kind::public_, "ru_chan",
       "https://t.me/ru_chan"},
      {"подписывайтесь на @channel_name!", Platform::telegram, Kind::mention, "channel_name", "@channel_name"},
      {"сайт:example.com, почта ниже", Platform::web, Kind::link, "example.com", "example.com"},
      {"https://ru.wikipedia.org/wiki/Телеграм", Platform::web, Kind::link, "ru.wikipedia.org",
       "https://ru.wikipedia.org/wiki/Телеграм"},
      {"انضم إلى t.me/arab_chan، الآن", Platform::telegram, Kind::public_, "arab_chan", "t.me/arab_chan"},
      {"رابط القناة:t.me/arab_chanالآن", Platform::telegram, Kind::public_, "arab_chan", "t.me/arab_chan"},
      {"הצטרפו: https://t.me/heb_chan.", Platform::telegram, Kind::public_, "heb_chan", "https://t.me/heb_chan"},
      {"ערוץ t.me/heb_chanעכשיו", Platform::telegram, Kind::public_, "heb_chan", "t.me/heb_chan"},
      {"加入频道t.me/zh_chan，谢谢", Platform::telegram, Kind::public_, "zh_chan", "t.me/zh_chan"},
      {"链接：https://example.com/abc。", Platform::web, Kind::link, "example.com", "https://example.com/abc"},
      {"频道https://t.me/zh_chan获取更多", Platform::telegram, Kind::public_, "zh_chan", "https://t.me/zh_chan"},
      {"「t.me/zh_chan」", Platform::telegram, Kind::public_, "zh_chan", "t.me/zh_chan"},
      {"【https://t.me/zh_chan】", Platform::telegram, Kind::public_, "zh_chan", "https://t.me/zh_chan"},
      {"（t.me/zh_chan）", Platform::telegram, Kind::public_, "zh_chan", "t.me/zh_chan"},
      {"🔥t.me/fire_chan🔥", Platform::telegram, Kind::public_, "fire_chan", "t.me/fire_chan"},
      {"👉@emoji_chan👈", Platform::telegram, Kind::mention, "emoji_chan", "@emoji_chan"},
      {"➡️https://discord.gg/Ab3dEf9⬅️", Platform::discord, Kind::invite, "Ab3dEf9", "https://discord.gg/Ab3dEf9"},
      {"пример.рф", Platform::web, Kind::link, "пример.рф", "пример.рф"},
      {"сайт https://пример.рф/путь, заходите", Platform::web, Kind::link, "пример.рф", "https://пример.рф/путь"},
      {"Jabber：seller@exploit.im", Platform::xmpp, Kind::jid, "seller@exploit.im", "seller@exploit.im"},
  };
  for (const Row& r : rows) check_row(r);
}

TEST_CASE("extract boundaries: several links in text order") {
  const auto links = scan("a t.me/first_chan b @second_chan c https://example.com/x d admin@example.org");
  INFO(describe(links));
  REQUIRE(links.size() == 4);
  CHECK(links[0].target == "first_chan");
  CHECK(links[1].target == "second_chan");
  CHECK(links[1].kind == Kind::mention);
  CHECK(links[2].target == "example.com");
  CHECK(links[3].platform == Platform::email);

  const auto two = scan("t.me/aaaa_chan\nt.me/bbbb_chan");
  REQUIRE(two.size() == 2);
  CHECK(two[0].target == "aaaa_chan");
  CHECK(two[1].target == "bbbb_chan");

  // Duplicates within one call are kept (the caller dedups per message).
  CHECK(scan("t.me/dup_chan t.me/dup_chan").size() == 2);
}

TEST_CASE("extract boundaries: one occurrence yields one link") {
  for (const char* text : {"https://t.me/foo_bar", "admin@example.com", "https://x.com/@someone", "t.me/foo_bar/12",
                           "https://www.example.com/a@b", "jabber: darkvendor@exploit.im", "@example_news",
                           "https://matrix.to/#/@alice:example.org", "xmpp:support@xmpp.jp?message",
                           "https://discord.com/invite/example-server"}) {
    INFO(text, " got: ", describe(scan(text)));
    CHECK(scan(text).size() == 1);
  }
}

TEST_CASE("extract boundaries: defanged forms") {
  const std::vector<Row> rows = {
      {"hxxps://evil[.]com/path", Platform::web, Kind::link, "evil.com", "https://evil.com/path"},
      {"hXXp[:]//bad[.]example[.]net", Platform::web, Kind::link, "bad.example.net", "http://bad.example.net"},
      {"t[.]me/defanged_chan", Platform::telegram, Kind::public_, "defanged_chan", "t.me/defanged_chan"},
      {"t(.)me/defanged_chan", Platform::telegram, Kind::public_, "defanged_chan", "t.me/defanged_chan"},
      {"t{.}me/defanged_chan", Platform::telegram, Kind::public_, "defanged_chan", "t.me/defanged_chan"},
      {"example[dot]com", Platform::web, Kind::link, "example.com", "example.com"},
      {"example(DOT)com", Platform::web, Kind::link, "example.com", "example.com"},
      {"user[@]example[.]org", Platform::email, Kind::address, "user@example.org", "user@example.org"},
      {"https[:]//t.me/x_chan", Platform::telegram, Kind::public_, "x_chan", "https://t.me/x_chan"},
      {"https://t.me[/]x_chan", Platform::telegram, Kind::public_, "x_chan", "https://t.me/x_chan"},
      {"discord[.]gg/Ab3dEf9", Platform::discord, Kind::invite, "Ab3dEf9", "discord.gg/Ab3dEf9"},
  };
  for (const Row& r : rows) {
    check_row(r);
    const auto links = scan(r.text);
    if (links.size() == 1) {
      INFO(r.text);
      CHECK(links[0].defanged);
    }
  }
  // Plain links are not defanged, even next to a defanged one.
  const auto mixed = scan("t.me/plain_chan and t[.]me/fanged_chan");
  REQUIRE(mixed.size() == 2);
  CHECK_FALSE(mixed[0].defanged);
  CHECK(mixed[1].defanged);
  // Prose with brackets is left alone.
  CHECK(scan("(and eggs). [a] (b) {c} [.] (dot)").empty());
  CHECK(scan("hxxp is not a link").empty());
}

TEST_CASE("extract boundaries: invalid UTF-8 and control bytes") {
  const std::string text = std::string("\xff\xfe t.me/foo_bar \xc3") + std::string(1, '\0') + "@name_two\x80";
  const auto links = scan(text);
  INFO(describe(links));
  REQUIRE(links.size() == 2);
  CHECK(links[0].target == "foo_bar");
  CHECK(links[1].target == "name_two");
  CHECK(scan(std::string("t.me/abc\xe2\x82")).size() == 1);  // truncated sequence at end
  CHECK(scan(std::string("\xf0\x9f")).empty());
}

// Regression: host labels hold no '_', so the scheme-less scan used to match
// "soft_vip.t.me/5" from "vip" and count the wrong channel.
TEST_CASE("extract boundaries: a host glued to a word by '_' names nothing") {
  CHECK(scan("soft_vip.t.me/5").empty());
  CHECK(scan("see soft_vip.t.me now").empty());
  CHECK(scan("https://soft_vip.t.me", Source::text_link).empty());
  const auto ok = scan("my_file vip.t.me/5");
  REQUIRE(ok.size() == 1);
  CHECK(ok[0].target == "vip");
}
