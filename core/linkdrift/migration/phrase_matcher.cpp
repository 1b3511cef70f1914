#include "linkdrift/migration/phrase_matcher.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <unordered_map>

#include "linkdrift/base/text_util.h"
#include "linkdrift/migration/normalize.h"

namespace linkdrift::migration {
namespace {

// n (<= 4) bytes at p as a key.
std::uint32_t load(const char* p, std::size_t n) {
  std::uint32_t k = 0;
  std::memcpy(&k, p, n);
  return k;
}
std::uint32_t slot4(std::uint32_t k) { return (k * 0x9E3779B1u) >> 16; }
// The key table's bucket of a key (2- or 4-byte): kBuckets of them.
constexpr std::size_t kBuckets = 4096;
std::uint32_t bucket(std::uint32_t k) { return (k * 0x85EBCA77u) >> 20; }
void set(std::vector<std::uint64_t>& f, std::uint32_t bit) { f[bit >> 6] |= std::uint64_t{1} << (bit & 63); }

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool ascii_word_byte(unsigned char b) { return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_'; }

// Whether occurrences() probes a key at a byte `cur` that follows byte `prev`:
// at a non-ASCII character start, or at an ASCII word byte after anything but
// an ASCII word byte. So in ASCII runs only word starts are probed, and a key
// must not start at an ASCII non-word byte or at an ASCII byte right after an
// ASCII word byte (finish()).
bool probed(unsigned char prev, unsigned char cur) {
  return cur >= 0x80 ? (cur & 0xC0) != 0x80 : ascii_word_byte(cur) && !ascii_word_byte(prev);
}

constexpr std::array<std::pair<char32_t, char32_t>, 21> kNonWordRanges = {{{0xA0, 0xBF}, {0xD7, 0xD7},
    {0xF7, 0xF7}, {0x5BE, 0x5BE}, {0x5C0, 0x5C0}, {0x5C3, 0x5C3}, {0x5C6, 0x5C6}, {0x5F3, 0x5F4}, {0x60C, 0x60C},
    {0x61B, 0x61B}, {0x61F, 0x61F}, {0x66A, 0x66D}, {0x6D4, 0x6D4}, {0x2000, 0x2BFF}, {0x3000, 0x303F},
    {0xFE00, 0xFE0F}, {0xFE30, 0xFE4F}, {0xFF00, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFFFD, 0xFFFD},
    {0x1F000, 0x1FAFF}}};

// Arabic/Persian one-letter clitics; Hebrew ones come one or two at a time.
bool is_arabic_clitic(char32_t cp) { return cp == 0x648 || cp == 0x641 || cp == 0x628 || cp == 0x644; }
bool is_hebrew_clitic(char32_t cp) {
  return cp == 0x5D5 || cp == 0x5D4 || cp == 0x5D1 || cp == 0x5DC || cp == 0x5E9 || cp == 0x5DE || cp == 0x5DB;
}

// The code point ending right before t[i] (i > 0) and its start.
std::size_t previous(std::string_view t, std::size_t i, char32_t& cp) {
  const std::size_t start = text::utf8_prev(t, i);
  text::utf8_decode(t, start, cp);
  return start;
}

// Where the phrase's outer match starts when the phrase starts at b: after a
// non-word character (included) or the text's start, with an optional clitic
// between. npos when b is not at such an edge.
std::size_t left_edge(std::string_view t, std::size_t b) {
  const auto edge = [&](std::size_t at) -> std::size_t {
    if (at == 0) return 0;
    char32_t cp = 0;
    const std::size_t start = previous(t, at, cp);
    return is_non_word(cp) ? start : std::string_view::npos;
  };
  if (const std::size_t e = edge(b); e != std::string_view::npos) return e;
  if (b == 0) return std::string_view::npos;
  char32_t cp = 0;
  const std::size_t c1 = previous(t, b, cp);
  if (is_arabic_clitic(cp) || is_hebrew_clitic(cp))
    if (const std::size_t e = edge(c1); e != std::string_view::npos) return e;
  if (!is_hebrew_clitic(cp) || c1 == 0) return std::string_view::npos;
  const std::size_t c2 = previous(t, c1, cp);
  return is_hebrew_clitic(cp) ? edge(c2) : std::string_view::npos;
}

// Where the outer match ends when the phrase ends at e: after the non-word
// character there, or at the text's end; npos otherwise.
std::size_t right_edge(std::string_view t, std::size_t e) {
  if (e == t.size()) return e;
  char32_t cp = 0;
  const std::size_t len = text::utf8_decode(t, e, cp);
  return is_non_word(cp) ? e + len : std::string_view::npos;
}

// The outer match [ob, oe) of a phrase at [b, e): with its edges when it is
// bounded (false when they are missing), else the phrase itself.
bool outer_span(std::string_view t, bool bounded, std::size_t b, std::size_t e, std::size_t& ob, std::size_t& oe) {
  ob = bounded ? left_edge(t, b) : b;
  oe = bounded ? right_edge(t, e) : e;
  return ob != std::string_view::npos && oe != std::string_view::npos;
}

// The end of the run of stem letters from t[i], at most kMaxStemBytes long.
std::size_t stem_run(std::string_view t, std::size_t i) {
  const std::size_t cap = std::min(t.size(), i + kMaxStemBytes);
  while (i < cap) {
    char32_t cp = 0;
    const std::size_t len = text::utf8_decode(t, i, cp);
    if (!is_stem_letter(cp) || i + len > cap) break;
    i += len;
  }
  return i;
}

bool word_at(std::string_view t, std::size_t at, const std::string& w) {
  return at < t.size() && t[at] == w[0] && t.compare(at, w.size(), w) == 0;  // words are never empty
}

// Whether a word's first byte is probed whatever precedes it (an ASCII word
// byte or a non-ASCII character start): keys may start there.
bool first_byte_probed(const std::string& w) {
  const unsigned char b = static_cast<unsigned char>(w[0]);
  return b >= 0x80 ? (b & 0xC0) == 0xC0 : ascii_word_byte(b);
}

// The probed() positions among the 8 bytes at p (p[-1] readable) as bit 7 of each byte.
std::uint64_t probed_mask(const char* p) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  std::uint64_t cur = 0;
  std::memcpy(&cur, p, 8);
  // Bit 7 where the byte's low 7 bits are in [lo, hi] (no carry crosses a byte).
  const auto in_range = [](std::uint64_t heptets, unsigned lo, unsigned hi) {
    const std::uint64_t ge_lo = heptets + 0x0101010101010101ull * (0x80 - lo);
    const std::uint64_t gt_hi = heptets + 0x0101010101010101ull * (0x7F - hi);
    return ge_lo & ~gt_hi;
  };
  const std::uint64_t h = cur & ~kHigh;
  const std::uint64_t word = (in_range(h, 'a', 'z') | in_range(h, '0', '9') | in_range(h, '_', '_')) & ~cur;
  const std::uint64_t prev_word = (word << 8) | (ascii_word_byte(static_cast<unsigned char>(p[-1])) ? 0x80 : 0);
  const std::uint64_t lead = cur & (cur << 1);  // non-ASCII character start: bits 7 and 6 set
  return (lead | (word & ~prev_word)) & kHigh;
}

}  // namespace

bool is_stem_letter(char32_t cp) {
  for (const auto& [lo, hi] : kStemRanges)
    if (cp >= lo && cp <= hi) return true;
  return false;
}

bool is_non_word(char32_t cp) {
  if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '_');
  for (const auto& [lo, hi] : kNonWordRanges)
    if (cp >= lo && cp <= hi) return true;
  return false;
}

void PhraseMatcher::add(std::size_t entry, const std::string& folded_phrase, std::string_view language,
                        PhraseRole role) {
  Phrase p;
  p.entry = entry;
  const bool announcing = announces(role);
  p.scopes = static_cast<std::uint8_t>(1u | (announcing ? 2u : 0u) |
                                       (announcing && role != PhraseRole::contact_elsewhere ? 4u : 0u) |
                                       (role == PhraseRole::leaving ? 8u : 0u));
  p.min_blanks = language == "fa" ? 0 : 1;
  p.bounded = !(language == "zh" || language == "ja");
  std::size_t i = 0;
  while (i < folded_phrase.size()) {
    std::size_t j = folded_phrase.find_first_of(" \t", i);
    if (j == std::string::npos) j = folded_phrase.size();
    std::string word = folded_phrase.substr(i, j - i);
    const bool stem = word.size() > 1 && word.back() == '*';
    if (stem) word.pop_back();
    if (!word.empty()) {
      p.words.push_back(std::move(word));
      p.stems.push_back(stem);
    }
    i = j + 1;
  }
  if (p.words.empty()) throw LexiconError("lexicon: an empty phrase");
  // The key: the word least likely in ordinary posts. Words of < 4 bytes
  // ("us", "on") score lowest, then generic chat words (and "telegram",
  // "signal": common in any Telegram chat), then by length.
  // Generic words, folded like the phrases (Arabic ة → ه, Persian ک → ك, …).
  static const std::vector<std::string> kGeneric = [] {
    std::vector<std::string> v;
    for (const char* g : {"channel", "channels", "group", "grup", "grupo", "canal", "kanal", "канал", "link", "join",
                          "chat", "new", "yeni", "novo", "nuevo", "nova", "nueva", "nosso", "our", "find", "home",
                          "case", "caso", "write", "talk", "reach", "vamos", "новый", "канала", "группа", "чат",
                          "القناة", "قناة", "قناتنا", "الرابط", "رابط", "کانال", "گروه", "لینک", "ערוץ", "הערוץ",
                          "קבוצה", "קישור", "saluran", "this", "only", "main", "back", "live", "here", "now", "today",
                          "updated", "telegram", "signal", "جديد", "جديده", "الجديد", "الجديده"})
      v.push_back(fold(g));
    return v;
  }();
  const auto score = [](const std::string& w) -> std::size_t {
    if (w.size() < 4) return w.size();
    for (const std::string& g : kGeneric)
      if (w == g) return 4 + w.size();
    return 100 + w.size();
  };
  for (std::size_t w = 0; w < p.words.size(); ++w)
    if (score(p.words[w]) > score(p.words[p.key_word])) p.key_word = w;
  if (p.key_text().size() < 2)
    throw LexiconError("lexicon: phrase '" + folded_phrase + "' has no word of 2 bytes or more");
  if (p.key_text().size() < 4) p.key = load(p.key_text().data(), 2);  // else finish() picks its 4 bytes
  phrases_.push_back(std::move(p));
}

// Keys a key word of >= 4 bytes by its 4 bytes (from a character start) that
// the lexicon's words share least: "التيليجرام" not by its article "ال", which
// most Arabic phrases have (and so does most Arabic text), "телеграм" not by "те".
void PhraseMatcher::finish() {
  for (Filter& f : filter4_) f.assign(1024, 0);
  for (Filter& f : filter2_) f.assign(1024, 0);
  short_below_ = {};
  // Where a 4-byte key may start in word w: where occurrences() probes (see
  // probed(); a word starts after a blank, an edge or a clitic, or is glued
  // to the word before it only in fa or zh/ja, whose first letters are
  // non-ASCII in today's lexicon).
  const auto starts = [](const std::string& w) {
    std::vector<std::size_t> out;
    for (std::size_t o = 0; o + 4 <= w.size(); ++o)
      if (o == 0 ? first_byte_probed(w) : probed(static_cast<unsigned char>(w[o - 1]), static_cast<unsigned char>(w[o])))
        out.push_back(o);
    return out;
  };
  std::unordered_map<std::uint32_t, int> shared;  // 4-byte window -> words having it
  for (const Phrase& p : phrases_)
    for (const std::string& x : p.words)
      for (const std::size_t o : starts(x)) ++shared[load(x.data() + o, 4)];
  for (Phrase& p : phrases_) {
    const auto in_scope = [&p](std::size_t s) { return (p.scopes >> s) & 1u; };
    if (!first_byte_probed(p.key_text()))  // never so in today's lexicon: occurrences() would not find it
      throw LexiconError("lexicon: key word '" + p.key_text() + "' starts with a character that is not a letter");
    if (p.key_text().size() < 4) {
      for (std::size_t s = 0; s < 4; ++s)
        if (in_scope(s)) {
          set(filter2_[s], p.key);
          short_below_[s] = std::max(short_below_[s], static_cast<unsigned char>(p.key) < 0x80 ? 0x80u : 0x100u);
        }
      continue;
    }
    int best = std::numeric_limits<int>::max();
    for (const std::size_t o : starts(p.key_text())) {
      const int n = shared[load(p.key_text().data() + o, 4)];
      if (n < best) {
        best = n;
        p.key_offset = o;
      }
    }
    p.key = load(p.key_text().data() + p.key_offset, 4);
    for (std::size_t s = 0; s < 4; ++s)
      if (in_scope(s)) set(filter4_[s], slot4(p.key));
  }
  // By bucket, then key (add() order kept among equal keys): a key's phrases are one run in its bucket.
  std::stable_sort(phrases_.begin(), phrases_.end(), [](const Phrase& a, const Phrase& b) {
    return bucket(a.key) != bucket(b.key) ? bucket(a.key) < bucket(b.key) : a.key < b.key;
  });
  for (std::size_t s = 0; s < 4; ++s) {
    KeyTable& table = tables_[s];
    table = {};
    table.bucket_start.assign(kBuckets + 1, 0);
    for (std::uint32_t i = 0; i < phrases_.size(); ++i) {
      if (!((phrases_[i].scopes >> s) & 1u)) continue;
      table.keys.push_back(phrases_[i].key);
      table.phrase.push_back(i);
      ++table.bucket_start[bucket(phrases_[i].key) + 1];
    }
    for (std::size_t b = 0; b < kBuckets; ++b) table.bucket_start[b + 1] += table.bucket_start[b];
  }
}

template <class Emit>
void PhraseMatcher::spans_at(const Phrase& p, std::string_view t, std::size_t at, Emit&& emit) {
  const std::size_t n = p.words.size();
  int budget = 64;  // spans tried per occurrence: only fa's blank-less stems branch
  // Phrase ends: words [j, n) matched from pos (right after word j - 1's letters).
  std::array<std::size_t, 64> ends;  // [0, end_count) set
  std::size_t end_count = 0;
  const auto forward = [&](const auto& self, std::size_t j, std::size_t pos) -> void {
    if (--budget < 0) return;
    if (j == n) {
      // A final stem takes all its letters: a shorter one would stand before a letter.
      if (p.stems[j - 1]) pos = stem_run(t, pos);
      if (end_count < ends.size()) ends[end_count++] = pos;
      return;
    }
    const auto next_word = [&](std::size_t from) {
      std::size_t q = from;
      while (q < t.size() && is_blank(t[q])) ++q;
      if (q - from >= p.min_blanks && word_at(t, q, p.words[j])) self(self, j + 1, q + p.words[j].size());
    };
    if (!p.stems[j - 1]) return next_word(pos);
    const std::size_t run_end = stem_run(t, pos);
    if (p.min_blanks > 0) return next_word(run_end);  // blanks follow all the letters
    for (std::size_t s = run_end;; s = text::utf8_prev(t, s)) {  // fa: the next word may start inside them
      next_word(s);
      if (s == pos) break;
    }
  };
  forward(forward, p.key_word + 1, at + p.key_text().size());
  if (end_count == 0) return;
  // Phrase starts: words [0, j] matched back from pos (where word j + 1 starts).
  const auto backward = [&](const auto& self, std::size_t j, std::size_t pos) -> void {
    if (--budget < 0) return;
    std::size_t q = pos;
    while (q > 0 && is_blank(t[q - 1])) --q;
    if (pos - q < p.min_blanks) return;
    const std::string& w = p.words[j];
    const auto matched = [&](std::size_t word_end) {
      if (word_end < w.size() || t.compare(word_end - w.size(), w.size(), w) != 0) return;
      const std::size_t start = word_end - w.size();
      if (j == 0) {
        for (std::size_t e = 0; e < end_count; ++e) emit(start, ends[e]);
      } else {
        self(self, j - 1, start);
      }
    };
    if (!p.stems[j]) return matched(q);
    // The word's letters, then stem letters up to q: try every split, nearest first.
    std::size_t s = q;
    for (std::size_t taken = 0; taken <= kMaxStemBytes; ) {
      matched(s);
      if (s == 0) break;
      char32_t cp = 0;
      const std::size_t prev = previous(t, s, cp);
      if (!is_stem_letter(cp)) break;
      taken += s - prev;
      s = prev;
    }
  };
  if (p.key_word == 0) {
    for (std::size_t e = 0; e < end_count; ++e) emit(at, ends[e]);
  } else {
    backward(backward, p.key_word - 1, at);
  }
}

template <class Visit>
void PhraseMatcher::occurrences(std::string_view t, std::size_t scope, Visit&& visit) const {
  const std::uint64_t* f4 = filter4_[scope].data();
  const char* p = t.data();
  const std::size_t n = t.size();
  const KeyTable& table = tables_[scope];
  const auto phrases_keyed = [&](std::uint32_t key, std::size_t i) {
    const std::uint32_t b = bucket(key);
    for (std::uint32_t k = table.bucket_start[b], end = table.bucket_start[b + 1]; k < end; ++k) {
      if (table.keys[k] != key) continue;
      const Phrase& ph = phrases_[table.phrase[k]];
      if (i < ph.key_offset) continue;
      const std::size_t at = i - ph.key_offset;  // the key word's start
      if (word_at(t, at, ph.key_text()) && !visit(ph, at)) return false;
    }
    return true;
  };
  const std::uint64_t* f2 = filter2_[scope].data();
  const unsigned short_below = short_below_[scope];
  // At each probed position (probed()): its 4-byte window, hashed into the
  // scope's filter; its 2-byte window when the scope has 2-byte keys starting with such a byte.
  const auto at = [&](std::size_t i) {
    if (i + 4 <= n) {
      const std::uint32_t k = load(p + i, 4);
      const std::uint32_t bit = slot4(k);
      if (((f4[bit >> 6] >> (bit & 63)) & 1) && !phrases_keyed(k, i)) return false;
    }
    if (static_cast<unsigned char>(p[i]) < short_below && i + 2 <= n) {
      const std::uint32_t k2 = load(p + i, 2);
      if (((f2[k2 >> 6] >> (k2 & 63)) & 1) && !phrases_keyed(k2, i)) return false;
    }
    return true;
  };
  if (n < 2 || !at(0)) return;
  std::size_t i = 1;
  for (; i + 8 <= n; i += 8)  // 8 positions at a time
    for (std::uint64_t m = probed_mask(p + i); m != 0; m &= m - 1)
      if (!at(i + static_cast<std::size_t>(std::countr_zero(m)) / 8)) return;  // little-endian
  if (i < n) {  // the last 1-7 positions, zero-padded (a zero byte is never probed)
    char tail[9] = {};
    std::memcpy(tail, p + i - 1, n - i + 1);
    for (std::uint64_t m = probed_mask(tail + 1); m != 0; m &= m - 1)
      if (!at(i + static_cast<std::size_t>(std::countr_zero(m)) / 8)) return;
  }
}

void PhraseMatcher::find(std::string_view t, std::size_t max_hits, std::vector<Candidate>& found,
                         std::vector<PhraseHit>& out) const {
  found.clear();
  out.clear();
  occurrences(t, 0, [&](const Phrase& ph, std::size_t at) {
    spans_at(ph, t, at, [&](std::size_t b, std::size_t e) {
      std::size_t ob = 0, oe = 0;
      if (outer_span(t, ph.bounded, b, e, ob, oe) && found.size() < kMaxCandidates)
        found.push_back({ob, oe, b, e, ph.entry});
    });
    return found.size() < kMaxCandidates;
  });
  // Leftmost outer start, then longest outer end, then the longest phrase, then the lowest entry.
  std::sort(found.begin(), found.end(), [](const Candidate& x, const Candidate& y) {
    if (x.outer_begin != y.outer_begin) return x.outer_begin < y.outer_begin;
    if (x.outer_end != y.outer_end) return x.outer_end > y.outer_end;
    if (x.begin != y.begin) return x.begin < y.begin;
    if (x.end != y.end) return x.end > y.end;
    return x.entry < y.entry;
  });
  std::size_t pos = 0;
  for (const Candidate& c : found) {
    if (out.size() >= max_hits) break;
    if (c.outer_begin < pos) continue;
    out.push_back({c.entry, c.begin, c.end});
    pos = std::max(c.end, pos + 1);
  }
}

bool PhraseMatcher::any(std::string_view t, PhraseScope scope) const {
  const std::size_t s = 1 + static_cast<std::size_t>(scope);
  bool hit = false;
  occurrences(t, s, [&](const Phrase& ph, std::size_t at) {
    spans_at(ph, t, at, [&](std::size_t b, std::size_t e) {
      std::size_t ob = 0, oe = 0;
      hit = hit || outer_span(t, ph.bounded, b, e, ob, oe);
    });
    return !hit;
  });
  return hit;
}

}  // namespace linkdrift::migration
