// PhraseMatcher: finds lexicon phrases in folded text (issue 12), without a
// regex: compiling the lexicon as RE2 programs cost ~350 M instructions per
// process, more than detection itself on a 100 MB export.
//
// A phrase is words separated by blanks (fa: blanks optional); a word written
// with a trailing '*' (a stem) continues with any stem letters (kStemRanges),
// at most kMaxStemBytes of them. Outside zh and ja a phrase needs a non-word
// character (is_non_word) or the text's edge on both sides; in ar, fa and he a
// one- or two-letter clitic (و ف ب ل / ו ה ב ל ש מ כ) may sit between the
// left edge and the phrase.
//
// Finding: every phrase has a key word, the word least likely in ordinary posts.
// Words of >= 4 bytes are keyed by the 4 of their bytes (from a character
// start) that the lexicon's words share least, words of 2-3 bytes by their
// first 2 bytes: a 64 Ki-bit filter per scope, then the scope's exact key
// table. Keys are probed at non-ASCII character starts and at ASCII word
// starts, 8 bytes at a time (a SWAR mask). At a key word's occurrence the
// phrase's other words are matched around it.
//
// CONTRACT
// - find() gives what an RE2 alternation of all phrases with leftmost-longest
//   semantics gives when searched repeatedly from the end of the previous
//   phrase: non-overlapping hits in text order, each with the lowest entry that
//   matches its span exactly. any() is true iff some phrase of the scope matches.
// - Linear time in the text for any bytes; no allocation beyond `out` (and
//   `candidates`, both reused by the caller). At most kMaxCandidates phrase
//   occurrences per text are considered (hostile text only).
// - Build with add() for each phrase, then finish() once; read-only after.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linkdrift/migration/lexicon.h"

namespace linkdrift::migration {

// Letters a '*' word may continue with: Latin, Cyrillic, Hebrew, Arabic/Persian.
inline constexpr std::array<std::pair<char32_t, char32_t>, 7> kStemRanges = {{{'a', 'z'}, {0xDF, 0x24F},
    {0x400, 0x52F}, {0x5D0, 0x5EA}, {0x620, 0x64A}, {0x66E, 0x6D3}, {0x6FA, 0x6FF}}};
inline constexpr std::size_t kMaxStemBytes = 64;
inline constexpr std::size_t kMaxCandidates = 4096;

bool is_stem_letter(char32_t cp);
// A character that is not part of a word, in folded text: ASCII other than
// a-z 0-9 _, and the non-letter blocks (Latin-1 punctuation, General
// Punctuation … Misc Symbols and Arrows, CJK punctuation, emoji, Arabic and
// Hebrew punctuation, U+FFFD).
bool is_non_word(char32_t cp);

// Which phrases any() considers.
enum class PhraseScope : std::uint8_t {
  announcing,          // the announcement roles (not neutral, not report)
  announcing_no_contact,  // the same without contact_elsewhere
  leaving,             // leaving phrases only
};

struct PhraseHit {
  std::size_t entry;       // the caller's entry index given to add()
  std::size_t begin, end;  // the phrase in the folded text
};

class PhraseMatcher {
 public:
  // One phrase: entry is the caller's index (lower = preferred on equal spans).
  void add(std::size_t entry, const std::string& folded_phrase, std::string_view language, PhraseRole role);
  void finish();

  // One phrase occurrence with its edges (see find()); public for the caller's scratch vector.
  struct Candidate {
    std::size_t outer_begin, outer_end;  // with the edge characters and clitic
    std::size_t begin, end;
    std::size_t entry;
  };
  // Hits in text order, at most max_hits, into `out` (cleared first).
  void find(std::string_view folded, std::size_t max_hits, std::vector<Candidate>& candidates,
            std::vector<PhraseHit>& out) const;
  bool any(std::string_view folded, PhraseScope scope) const;

 private:
  struct Phrase {
    std::uint32_t key = 0;
    std::vector<std::string> words;  // in order, '*' dropped
    std::vector<bool> stems;         // words[i] had a '*'
    std::size_t key_word = 0;        // index of the key word
    std::size_t key_offset = 0;      // where in the key word its key starts
    std::size_t min_blanks = 1;      // blanks between words (fa: 0)
    bool bounded = true;             // needs edges (not zh, ja)
    std::size_t entry = 0;
    std::uint8_t scopes = 0;         // bit s: in scope s (0: every phrase, 1 + PhraseScope)
    const std::string& key_text() const { return words[key_word]; }
  };
  using Filter = std::vector<std::uint64_t>;  // 64 Ki bits

  // Calls emit(begin, end) for each span of phrase p around its key word at `at`.
  template <class Emit>
  static void spans_at(const Phrase& p, std::string_view text, std::size_t at, Emit&& emit);
  // Calls visit(phrase, key word start) at each occurrence of a key word of
  // the scope (0: every phrase, 1 + PhraseScope) until it returns false.
  template <class Visit>
  void occurrences(std::string_view text, std::size_t scope, Visit&& visit) const;

  // Per scope (0: every phrase; 1 + PhraseScope):
  std::array<Filter, 4> filter4_;    // 4-byte keys, hashed
  std::array<Filter, 4> filter2_;    // 2-byte keys
  std::array<unsigned, 4> short_below_{};  // the scope's 2-byte keys start with bytes below this (0: none)
  // One scope's phrases by the bucket of their key: bucket b is [bucket_start[b], bucket_start[b + 1]).
  struct KeyTable {
    std::vector<std::uint32_t> keys;          // the phrases' keys, a compact copy to search
    std::vector<std::uint32_t> phrase;        // their index in phrases_
    std::vector<std::uint32_t> bucket_start;  // kBuckets + 1
  };
  std::vector<Phrase> phrases_;    // sorted by bucket(key), then key
  std::array<KeyTable, 4> tables_;  // per scope
};

}  // namespace linkdrift::migration
