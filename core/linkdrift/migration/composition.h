// Composed announcements (issue 12): a verb or noun phrase of the lexicon
// (act.TYPE, act1.TYPE, noun.TYPE) announces only when the words of its
// sentence support it: who speaks, a place (a platform named, "here", a link),
// no denial, hedge or how-to, not a question. See docs/announcements.md
// "Composition".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "linkdrift/migration/lexicon.h"

namespace linkdrift::migration {

// One lexicon hit in the original text.
struct Hit {
  PhraseRole role;
  std::size_t entry;   // index into the lexicon's entries
  std::size_t ps, pe;  // phrase span in the original text
};

// Whether a sentence ends after code point cp of t (`next`: the byte after
// it): a line break, 。！？ ؟ ۔ । ॥, or . ! ? before a blank or the text's end.
bool ends_sentence(std::string_view t, char32_t cp, std::size_t next);

// The sentence around [ps, pe): from the previous sentence end or line break
// to the next. `question`: it ends with ? ？ ؟.
struct Sentence {
  std::size_t begin = 0, end = 0;
  bool question = false;
};
Sentence sentence_around(std::string_view text, std::size_t ps, std::size_t pe);
// The clause around [ps, pe): the sentence cut at , ; ، ， 、 – —. A denial or
// how-to counts in the act's clause only ("we moved here, nothing more will be posted there").
Sentence clause_around(std::string_view text, std::size_t ps, std::size_t pe);

// What the other hits of a span (a sentence, a clause, a window) say.
struct SentenceWords {
  bool who = false, deny = false, howto = false, join = false, deictic = false;
  std::uint32_t places = 0;  // bit 1 << Platform of each platform named
};
// Hits with in_link[k] (inside a link's token) and hits[self] say nothing.
// places[i]: the platforms lexicon entry i names (where.P: P; any other entry:
// the where phrases its own words contain, e.g. "moving to signal").
SentenceWords sentence_words(const std::vector<Hit>& hits, const std::vector<bool>& in_link,
                             const std::vector<LexiconEntry>& entries, const std::vector<std::uint32_t>& places,
                             Sentence s, std::size_t self);

// Whether text[b, e) holds at most max_words words (runs of word characters); stops at the next one.
bool at_most_words(std::string_view text, std::size_t b, std::size_t e, std::size_t max_words);

constexpr std::uint32_t place_bit(Platform p) { return 1u << static_cast<unsigned>(p); }

}  // namespace linkdrift::migration
