// PhraseMatcher (core/linkdrift/migration/phrase_matcher.h) on a small
// hand-written lexicon: the phrase grammar (blanks, stems, fa's optional
// blanks, clitics, edges, zh anywhere) and leftmost-longest hits.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "linkdrift/migration/normalize.h"
#include "linkdrift/migration/phrase_matcher.h"

namespace {

using linkdrift::migration::PhraseMatcher;
using linkdrift::migration::PhraseRole;
using linkdrift::migration::PhraseScope;

struct Entry {
  const char* phrase;
  const char* language;
  PhraseRole role;
};

// Entries 0..: the index is the hit's entry.
const Entry kEntries[] = {
    {"we are moving", "en", PhraseRole::move},          // 0
    {"backup channel", "en", PhraseRole::backup},       // 1
    {"backup", "en", PhraseRole::neutral},              // 2: shorter, same start
    {"переезжа* в", "ru", PhraseRole::move},            // 3: a stem
    {"منتقل می شویم", "fa", PhraseRole::move},          // 4: fa, blanks optional
    {"القناة الجديدة", "ar", PhraseRole::new_channel},   // 5: may carry a clitic
    {"备用频道", "zh", PhraseRole::backup},              // 6: matches anywhere
    {"dm me on", "en", PhraseRole::contact_elsewhere},  // 7: only short words
    {"we are leaving", "en", PhraseRole::leaving},      // 8
};

const PhraseMatcher& matcher() {
  static const PhraseMatcher m = [] {
    PhraseMatcher x;
    std::size_t i = 0;
    for (const Entry& e : kEntries) x.add(i++, linkdrift::migration::fold(e.phrase), e.language, e.role);
    x.finish();
    return x;
  }();
  return m;
}

// "entry@begin-end" for each hit in the folded text.
std::string hits(const std::string& text) {
  const std::string folded = linkdrift::migration::fold(text);
  std::vector<PhraseMatcher::Candidate> scratch;
  std::vector<linkdrift::migration::PhraseHit> out;
  matcher().find(folded, 256, scratch, out);
  std::string s;
  for (const auto& h : out) {
    if (!s.empty()) s += ' ';
    s += std::to_string(h.entry) + "@" + std::to_string(h.begin) + "-" + std::to_string(h.end);
  }
  return s;
}

}  // namespace

TEST_CASE("phrase matcher: words, blanks and edges") {
  CHECK(hits("We are moving!") == "0@0-13");
  CHECK(hits("so we  are\tmoving") == "0@3-17");  // any blanks between words
  CHECK(hits("we are\nmoving") == "");             // not across a line
  CHECK(hits("xwe are moving") == "");             // a word character before
  CHECK(hits("we are movingx") == "");             // and after
  CHECK(hits("(we are moving)") == "0@1-14");
  CHECK(hits("«we are moving»") == "0@2-15");      // non-ASCII edges
}

TEST_CASE("phrase matcher: leftmost-longest, lowest entry, no overlap") {
  CHECK(hits("our backup channel") == "1@4-18");   // the longer phrase at the same start
  CHECK(hits("backup backup channel") == "2@0-6 1@7-21");
  CHECK(hits("dm me on signal") == "7@0-8");
}

TEST_CASE("phrase matcher: stems, Persian blanks, clitics, Chinese") {
  CHECK(hits("Мы переезжаем в Signal") == "3@5-28");      // stem letters, folded Cyrillic
  CHECK(hits("мы переезжать") == "");                      // the stem's next word is missing
  const std::string fa_spaced = "ما منتقل می شویم";
  const std::string fa_glued = "ما منتقل میشویم";
  CHECK(hits(fa_spaced) == "4@5-" + std::to_string(fa_spaced.size()));
  CHECK(hits(fa_glued) == "4@5-" + std::to_string(fa_glued.size()));
  CHECK(hits("والقناة الجديدة") == "5@2-29");             // و + the phrase
  CHECK(hits("TG备用频道") == "6@2-14");                   // zh: no edges needed
}

TEST_CASE("phrase matcher: any() by scope") {
  const auto any = [](const char* text, PhraseScope scope) {
    return matcher().any(linkdrift::migration::fold(text), scope);
  };
  CHECK(any("we are moving", PhraseScope::announcing));
  CHECK_FALSE(any("we are moving", PhraseScope::leaving));
  CHECK(any("We are leaving", PhraseScope::leaving));
  CHECK_FALSE(any("a backup", PhraseScope::announcing));  // neutral only
  CHECK(any("dm me on x", PhraseScope::announcing));
  CHECK_FALSE(any("dm me on x", PhraseScope::announcing_no_contact));
  CHECK_FALSE(any("", PhraseScope::announcing));
}
