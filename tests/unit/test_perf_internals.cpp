// The hot-path helpers introduced for speed must agree with their simple
// reference definitions: the prefilter's long-hex-run probe, the interning
// tables (arena + open addressing), and the byte hash.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "linkdrift/base/text_util.h"
#include "linkdrift/extract/extractor.h"
#include "linkdrift/extract/prefilter.h"
#include "linkdrift/extract/scan_reference.h"
#include "linkdrift/store/corpus.h"
#include "linkdrift/store/intern_index.h"

namespace linkdrift::test {
namespace {

bool reference_long_hex_run(std::string_view s) {
  std::size_t run = 0;
  for (char c : s) {
    run = text::is_hex(c) ? run + 1 : 0;
    if (run >= 64) return true;
  }
  return false;
}

// Text with no other link trigger: only a hex run can make it a candidate.
std::string filler(std::size_t n, std::mt19937& rng) {
  static constexpr char kChars[] = "ghijkz GHZ-_!?\n";
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s.push_back(kChars[rng() % (sizeof(kChars) - 1)]);
  return s;
}

std::string hex(std::size_t n, std::mt19937& rng) {
  static constexpr char kHex[] = "0123456789abcdefABCDEF";
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s.push_back(kHex[rng() % (sizeof(kHex) - 1)]);
  return s;
}

}  // namespace

TEST_CASE("prefilter: long hex runs found at every offset and length, exactly like a full scan") {
  std::mt19937 rng(7);
  for (std::size_t before = 0; before < 140; before += 3) {
    for (std::size_t run : {std::size_t{1}, std::size_t{40}, std::size_t{63}, std::size_t{64}, std::size_t{65},
                            std::size_t{127}, std::size_t{128}, std::size_t{200}}) {
      for (std::size_t after : {std::size_t{0}, std::size_t{1}, std::size_t{70}}) {
        const std::string s = filler(before, rng) + hex(run, rng) + filler(after, rng);
        INFO("before=" << before << " run=" << run << " after=" << after);
        CHECK(extract::may_contain_link(s) == reference_long_hex_run(s));
        CHECK(extract::prefilter(s).link == reference_long_hex_run(s));
      }
    }
  }
  // Many short runs separated by one byte: never a candidate.
  std::string choppy;
  for (int i = 0; i < 50; ++i) choppy += hex(63, rng) + "g";
  CHECK_FALSE(extract::may_contain_link(choppy));
  CHECK_FALSE(reference_long_hex_run(choppy));
  // Random mixes agree with the reference.
  for (int k = 0; k < 2000; ++k) {
    std::string s;
    while (s.size() < 400) s += (rng() % 3 == 0) ? filler(rng() % 20, rng) : hex(rng() % 90, rng);
    CHECK(extract::may_contain_link(s) == reference_long_hex_run(s));
  }
}

TEST_CASE("StringTable: dense ids, equal strings share one, views stay valid across growth") {
  StringTable t;
  std::vector<std::string> keep;
  for (int i = 0; i < 50000; ++i) keep.push_back("https://t.me/channel_" + std::to_string(i * 7919 % 50000));
  keep.push_back("");
  keep.push_back(std::string(600000, 'x'));  // larger than an arena block share
  keep.push_back(std::string(600000, 'y'));
  std::vector<std::uint32_t> ids;
  for (const auto& s : keep) ids.push_back(t.intern(s));
  CHECK(t.size() == keep.size());
  for (std::size_t i = 0; i < keep.size(); ++i) {
    CHECK(ids[i] == i);
    CHECK(t[ids[i]] == keep[i]);
    CHECK(t.intern(keep[i]) == ids[i]);
  }
  CHECK(t.size() == keep.size());
  StringTable moved = std::move(t);
  CHECK(moved[3] == keep[3]);
}

TEST_CASE("TargetTable: the triple is the identity, the first url code is the example") {
  TargetTable t;
  const auto a = t.intern(Platform::telegram, Kind::public_, "durov", 11);
  const auto b = t.intern(Platform::telegram, Kind::mention, "durov", 12);
  const auto c = t.intern(Platform::signal, Kind::public_, "durov", 13);
  CHECK(a == 0);
  CHECK(b == 1);
  CHECK(c == 2);
  CHECK(t.intern(Platform::telegram, Kind::public_, "durov", 14) == a);
  CHECK(t[a].example_url == 11);
  CHECK(t[a].target == "durov");
  for (std::uint32_t i = 0; i < 30000; ++i) {
    const std::string target = "target" + std::to_string(i);
    CHECK(t.intern(Platform::web, Kind::link, target, i) == 3 + i);
  }
  for (std::uint32_t i = 0; i < 30000; i += 997) {
    const std::string target = "target" + std::to_string(i);
    CHECK(t.intern(Platform::web, Kind::link, target, 99999) == 3 + i);
    CHECK(t[3 + i].example_url == i);
    CHECK(t[3 + i].target == target);
  }
  CHECK(t.size() == 30003);
}

TEST_CASE("hash_bytes: every length and byte matters") {
  const std::string s = "0123456789abcdefghijklmnopqrstuvwxyz";
  for (std::size_t n = 0; n <= s.size(); ++n) {
    for (std::size_t m = n + 1; m <= s.size(); ++m) {
      CHECK(detail::hash_bytes(s.data(), n) != detail::hash_bytes(s.data(), m));
    }
    std::string t = s.substr(0, n);
    for (std::size_t k = 0; k < n; ++k) {
      std::string u = t;
      u[k] = static_cast<char>(u[k] ^ 1);
      CHECK(detail::hash_bytes(u.data(), n) != detail::hash_bytes(t.data(), n));
    }
  }
}

namespace {

std::string describe(const std::vector<Link>& links) {
  std::string r;
  for (const Link& l : links) {
    r += "[" + std::string(name(l.platform)) + "/" + std::string(name(l.kind)) + " " + l.target + " " + l.url + " " +
         std::string(name(l.source)) + (l.defanged ? " defanged" : "") + "]";
  }
  return r;
}

}  // namespace

TEST_CASE("LinkExtractor::scan (regex only over live token runs) equals the whole-text regex scan") {
  // Link-ish and plain tokens, glued with every kind of separator, so that
  // runs start/end mid-word, after candidates that return early (mentions
  // that fall back to hosts), at the text's ends, and across defanging.
  static const std::vector<std::string> kTokens = {
      "t.me/durov", "https://t.me/+AbCdEf123", "@durov", "@exploit.im", "user@example.org", "Matrix:@alice:example.org",
      "xmpp:jabber.ru/forum", "https:t.me/x", "hxxps://signal[.]group/#abc", "t[.]me/joinchat/AAAA", "example[.]com",
      "foo.-bar", "a.b", "the end.It", "asyncio.run(main())", "пример.рф", "канал.t.me/chan", "Hi...t.me/x",
      "05" + std::string(64, 'a'), std::string(70, 'F'), std::string(63, 'e'), "tox:" + std::string(76, 'A'),
      "mailto:", "tg:", "tg://resolve?domain=x", "discord.gg/abc", "word", "слово", "x", "(", ")", ",", "1.5",
      "@", ".", ":", "a:b", "w:", "http://[::1]:8080/p", "www.Example.COM/path?q=1#f", "simplex:/invitation#x",
      "sgnl://signal.me/#p/+123", "wa.me/123", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnop"};
  static const std::vector<std::string> kSeps = {" ", "  ", "\n", "\t", "\r\n", "", ",", " (", ") ", "\xc2\xa0", "."};
  const LinkExtractor x;
  std::mt19937 rng(11);
  for (int k = 0; k < 6000; ++k) {
    std::string text;
    const int parts = 1 + static_cast<int>(rng() % 9);
    for (int i = 0; i < parts; ++i) {
      if (rng() % 3 == 0) text += kSeps[rng() % kSeps.size()];
      text += kTokens[rng() % kTokens.size()];
      text += kSeps[rng() % kSeps.size()];
    }
    if (rng() % 2) text.erase(text.size() - 1);
    for (Source source : {Source::text, Source::mention, Source::entity}) {
      std::vector<Link> fast, reference;
      x.scan(text, source, fast);
      extract::scan_reference(text, source, reference);
      INFO("text: " << text);
      CHECK(describe(fast) == describe(reference));
    }
  }
}

}  // namespace linkdrift::test
