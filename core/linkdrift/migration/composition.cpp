#include "linkdrift/migration/composition.h"

#include <algorithm>

#include "linkdrift/base/text_util.h"
#include "linkdrift/migration/phrase_matcher.h"

namespace linkdrift::migration {
namespace {

bool blank_or_end(std::string_view t, std::size_t i) {
  return i >= t.size() || t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r' || t[i] == '\f' || t[i] == '\v';
}

}  // namespace

bool ends_sentence(std::string_view t, char32_t cp, std::size_t next) {
  switch (cp) {
    case '\n':
    case 0x3002: case 0xFF01: case 0xFF1F:  // 。！？
    case 0x61F: case 0x6D4:                 // ؟ ۔
    case 0x964: case 0x965:                 // । ॥
      return true;
    case '.': case '!': case '?':
      return blank_or_end(t, next);
    default:
      return false;
  }
}

namespace {

// A clause ends after this character (or where its sentence ends).
bool ends_clause(std::string_view t, char32_t cp, std::size_t next) {
  switch (cp) {
    case ',': case ';':
    case 0x60C: case 0x61B:                 // ، ؛
    case 0xFF0C: case 0x3001: case 0xFF1B:  // ， 、 ；
    case 0x2013: case 0x2014:               // – —
      return true;
    default:
      return ends_sentence(t, cp, next);
  }
}

bool is_question_mark(char32_t cp) { return cp == '?' || cp == 0xFF1F || cp == 0x61F; }

template <class Ends>
Sentence span_around(std::string_view t, std::size_t ps, std::size_t pe, Ends ends) {
  Sentence s;
  s.begin = ps;
  while (s.begin > 0) {
    const std::size_t prev = text::utf8_prev(t, s.begin);
    char32_t cp = 0;
    text::utf8_decode(t, prev, cp);
    if (ends(t, cp, s.begin)) break;
    s.begin = prev;
  }
  s.end = pe;
  while (s.end < t.size()) {
    char32_t cp = 0;
    const std::size_t len = text::utf8_decode(t, s.end, cp);
    if (ends(t, cp, s.end + len)) {
      s.question = is_question_mark(cp);
      break;
    }
    s.end += len;
  }
  return s;
}

}  // namespace

Sentence sentence_around(std::string_view t, std::size_t ps, std::size_t pe) {
  return span_around(t, ps, pe, ends_sentence);
}

Sentence clause_around(std::string_view t, std::size_t ps, std::size_t pe) {
  return span_around(t, ps, pe, ends_clause);
}

SentenceWords sentence_words(const std::vector<Hit>& hits, const std::vector<bool>& in_link,
                             const std::vector<LexiconEntry>& entries, const std::vector<std::uint32_t>& places,
                             Sentence s, std::size_t self) {
  SentenceWords w;
  for (std::size_t k = 0; k < hits.size(); ++k) {
    const Hit& h = hits[k];
    if (h.pe <= s.begin || h.ps >= s.end || in_link[k]) continue;
    w.places |= places[h.entry];
    if (k == self) continue;
    switch (h.role) {
      case PhraseRole::who: w.who = true; break;
      case PhraseRole::deny: w.deny = true; break;
      case PhraseRole::howto: w.howto = true; break;
      case PhraseRole::join: w.join = true; break;
      case PhraseRole::where: w.deictic |= entries[h.entry].deictic; break;
      default: break;
    }
  }
  return w;
}

bool at_most_words(std::string_view t, std::size_t b, std::size_t e, std::size_t max_words) {
  std::size_t n = 0;
  bool in_word = false;
  e = std::min(e, t.size());
  while (b < e) {
    char32_t cp = 0;
    b += text::utf8_decode(t, b, cp);
    const bool word = !is_non_word(cp < 0x80 && cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    if (word && !in_word && ++n > max_words) return false;
    in_word = word;
  }
  return true;
}

}  // namespace linkdrift::migration
