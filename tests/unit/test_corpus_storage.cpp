// The corpus' compact storage gives back exactly what went in: url forms
// rebuild the url byte for byte, block vectors keep every element in place,
// coded minute histograms yield the runs that were added.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "linkdrift/store/block_storage.h"
#include "linkdrift/store/corpus.h"
#include "linkdrift/store/url_forms.h"

namespace linkdrift::test {

TEST_CASE("url forms: standard shapes get a code and rebuild exactly; others get none") {
  struct Case {
    const char* url;
    const char* target;
    bool form;
  };
  const Case cases[] = {
      {"https://t.me/durov", "durov", true},
      {"t.me/durov", "durov", true},
      {"@durov", "durov", true},
      {"durov.t.me", "durov", true},
      {"https://t.me/+AbCdEf123", "AbCdEf123", true},
      {"tg://resolve?domain=durov", "durov", true},
      {"https://example.com/", "example.com", true},
      {"user@example.org", "user@example.org", true},
      {"https://t.me/durov/12", "durov", true},       // a post number
      {"https://t.me/c/1674553350/0", "1674553350", true},
      {"https://t.me/x_bot?start=ref_601471", "x_bot", true},
      {"https://t.me/x_bot?start=8388606", "x_bot", true},   // the largest number a form holds
      {"https://t.me/x_bot?start=8388607", "x_bot", false},
      {"https://t.me/durov/012", "durov", false},     // a leading zero would not round-trip
      {"https://t.me/durov/12345678", "durov", false},  // 8 digits
      {"https://t.me/Durov", "durov", false},         // case differs: the url is kept as found
      {"https://t.me/durov/12/x", "durov", false},    // a path after the target
      {"hxxps://t.me/durov", "durov", false},         // no such prefix
      {"https://www.example.com/a/b", "example.com", false},
      {"", "", true},
      {"x", "", false},
  };
  for (const Case& c : cases) {
    INFO(c.url << " / " << c.target);
    const auto form = url_form(c.url, c.target);
    CHECK(form.has_value() == c.form);
    if (!form) continue;
    CHECK(*form < (1u << 31));
    std::string out = "keep:";
    append_url_form(out, *form, c.target);
    CHECK(out == std::string("keep:") + c.url);
  }
}

TEST_CASE("Corpus::url: a form is rebuilt from the target, any other url comes back as interned") {
  Corpus corpus;
  const std::uint32_t a = corpus.url_code("https://t.me/durov", "durov");
  const std::uint32_t b = corpus.url_code("https://t.me/s/durov?before=5", "durov");
  CHECK((a & Corpus::kUrlForm) != 0);
  CHECK(b == 0);  // the first stored url
  CHECK(corpus.urls().size() == 1);
  std::string scratch;
  CHECK(corpus.url(a, "durov", scratch) == "https://t.me/durov");
  CHECK(corpus.url(b, "durov", scratch) == "https://t.me/s/durov?before=5");
}

TEST_CASE("LinkRow: 16 bytes; target id, source and flags share a word without touching each other") {
  const LinkRow a(-2147483648LL, -1000000000, 0xFFFFFFFFu, TargetTable::kMaxTargets - 1, Source::mention,
                  LinkRow::kFirstOfMessage | LinkRow::kForwarded);
  CHECK(a.date() == -2147483648LL);
  CHECK(a.message_id == -1000000000);
  CHECK(a.url == 0xFFFFFFFFu);
  CHECK(a.target == 134217726u);
  CHECK(a.source == Source::mention);
  CHECK(a.flags == 3);
  LinkRow b(2147483647LL, 7, 0, 0, Source::text, 0);
  b.target = 5;
  const LinkRow& c = b;
  CHECK(c.date() == 2147483647LL);
  CHECK(c.target == 5);
  CHECK(c.source == Source::text);
  CHECK(c.flags == 0);
}

TEST_CASE("TargetTable: a full table still finds its targets and answers kFull for a new one") {
  TargetTable t(2);
  CHECK(t.intern(Platform::telegram, Kind::public_, "a", 1) == 0);
  CHECK(t.intern(Platform::telegram, Kind::public_, "b", 2) == 1);
  CHECK(t.intern(Platform::telegram, Kind::public_, "c", 3) == TargetTable::kFull);
  CHECK(t.intern(Platform::telegram, Kind::public_, "b", 4) == 1);
  CHECK(t.size() == 2);
}

TEST_CASE("BlockVector: elements stay in place across blocks") {
  BlockVector<std::uint64_t> v;
  const std::uint64_t* first = nullptr;
  const std::size_t n = 3 * BlockVector<std::uint64_t>::kPerBlock + 5;
  for (std::size_t i = 0; i < n; ++i) {
    v.push_back(i * 3);
    if (i == 0) first = &v[0];
  }
  CHECK(v.size() == n);
  CHECK(&v[0] == first);
  for (std::size_t i = 0; i < n; i += 997) CHECK(v[i] == i * 3);
  CHECK(v.back() == (n - 1) * 3);
}

TEST_CASE("MinuteHistogram: the runs come back in order, merged within a minute") {
  MinuteHistogram h;
  // minutes: 10, 10, 11, 5 (out of order), pre-1970 -3, far 1e7, 10 again
  for (std::int64_t t : {600, 659, 660, 300, -121, 600000000, 630}) h.add(t);
  std::vector<std::pair<std::int64_t, std::uint32_t>> runs;
  h.for_each_run([&](std::int64_t m, std::uint32_t n) { runs.emplace_back(m, n); });
  const std::vector<std::pair<std::int64_t, std::uint32_t>> want = {
      {10, 2}, {11, 1}, {5, 1}, {-3, 1}, {10000000, 1}, {10, 1}};
  CHECK(runs == want);

  MinuteHistogram g;
  g.add(630);  // minute 10: merges into the last run of h when appended after it
  g.add(0);
  MinuteHistogram both = h;
  both.append(g);
  runs.clear();
  both.for_each_run([&](std::int64_t m, std::uint32_t n) { runs.emplace_back(m, n); });
  const std::vector<std::pair<std::int64_t, std::uint32_t>> want_both = {
      {10, 2}, {11, 1}, {5, 1}, {-3, 1}, {10000000, 1}, {10, 2}, {0, 1}};
  CHECK(runs == want_both);
}

}  // namespace linkdrift::test
