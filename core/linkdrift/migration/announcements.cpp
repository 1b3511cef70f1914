#include "linkdrift/migration/announcements.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <vector>

#include "linkdrift/base/text_util.h"
#include "linkdrift/extract/extractor.h"
#include "linkdrift/migration/lexicon.h"
#include "linkdrift/migration/normalize.h"

namespace linkdrift {
namespace {

using migration::LexiconEntry;
using migration::PhraseRole;

// Tunables (documented in docs/announcements.md).
constexpr std::size_t kAfterChars = 200;    // phrase end → destination start, at most
constexpr std::size_t kBeforeChars = 100;   // destination before the phrase: same line, at most this far
constexpr std::size_t kReportChars = 120;   // reporting verb → phrase, same sentence, at most
constexpr std::size_t kTokenExtend = 4096;  // a window cut inside a token is extended to its end
constexpr std::size_t kMaxHits = 256;       // lexicon hits examined per message

// A character that is not part of a word, in folded text: ASCII non-alnum, and
// the non-letter blocks (Latin-1 punctuation, General Punctuation … Misc
// Symbols and Arrows, CJK punctuation, emoji, Arabic and Hebrew punctuation).
constexpr std::string_view kNonWord =
    R"((?:[^a-z0-9_\x{80}-\x{10FFFF}]|[\x{A0}-\x{BF}\x{D7}\x{F7}\x{2000}-\x{2BFF}\x{3000}-\x{303F})"
    R"(\x{FE00}-\x{FE0F}\x{FE30}-\x{FE4F}\x{FF00}-\x{FF0F}\x{FF1A}-\x{FF20}\x{1F000}-\x{1FAFF}\x{60C}\x{61B})"
    R"(\x{61F}\x{66A}-\x{66D}\x{6D4}\x{5BE}\x{5C0}\x{5C3}\x{5C6}\x{5F3}\x{5F4}\x{FFFD}]))";
// Letters a '*' word may continue with: Latin, Cyrillic, Hebrew, Arabic/Persian
// (stem_regex() in the phrase regexes, is_stem_letter() in the prefilter).
constexpr std::array<std::pair<char32_t, char32_t>, 7> kStemRanges = {{{'a', 'z'}, {0xDF, 0x24F}, {0x400, 0x52F},
    {0x5D0, 0x5EA}, {0x620, 0x64A}, {0x66E, 0x6D3}, {0x6FA, 0x6FF}}};

bool is_stem_letter(char32_t cp) {
  for (const auto& [lo, hi] : kStemRanges)
    if (cp >= lo && cp <= hi) return true;
  return false;
}

std::string stem_regex() {
  std::string re = "[";
  for (const auto& [lo, hi] : kStemRanges) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "\\x{%X}-\\x{%X}", static_cast<unsigned>(lo), static_cast<unsigned>(hi));
    re += buf;
  }
  return re + "]*";
}

// Optional one-letter (Arabic/Persian: و ف ب ل) or one/two-letter (Hebrew: ו ה ב ל ש מ כ) prefix.
constexpr std::string_view kClitic = "(?:[\u0648\u0641\u0628\u0644]|[\u05D5\u05D4\u05D1\u05DC\u05E9\u05DE\u05DB]{1,2})?";

bool unbounded_language(std::string_view lang) { return lang == "zh" || lang == "ja"; }

// The regex of one (folded) phrase: words joined by whitespace, '*' = stem.
std::string phrase_regex(std::string_view folded, std::string_view lang) {
  const std::string_view sep = lang == "fa" ? "[ \\t]*" : "[ \\t]+";
  std::string re;
  std::size_t i = 0;
  bool first = true;
  while (i < folded.size()) {
    while (i < folded.size() && (folded[i] == ' ' || folded[i] == '\t')) ++i;
    if (i >= folded.size()) break;
    std::size_t j = i;
    while (j < folded.size() && folded[j] != ' ' && folded[j] != '\t') ++j;
    std::string_view word = folded.substr(i, j - i);
    const bool stem = word.size() > 1 && word.back() == '*';
    if (stem) word.remove_suffix(1);
    if (!first) re += sep;
    re += RE2::QuoteMeta(re2::StringPiece(word.data(), word.size()));
    static const std::string stem_class = stem_regex();
    if (stem) re += stem_class;
    first = false;
    i = j;
  }
  return re;
}

RE2::Options regex_options() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_longest_match(true);
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  return o;
}

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// True if a paragraph break ("\n", optional blanks, "\n") starts at text[i] == '\n'.
bool paragraph_break_at(std::string_view t, std::size_t i) {
  std::size_t j = i + 1;
  while (j < t.size() && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r')) ++j;
  return j < t.size() && t[j] == '\n';
}

std::string lower_ascii(std::string_view s) { return text::to_lower(s); }

struct OwnHints {
  std::vector<std::string> names;  // lowercased usernames / numeric ids
  explicit OwnHints(std::string_view hint) {
    std::size_t i = 0;
    while (i < hint.size()) {
      while (i < hint.size() && (hint[i] == ' ' || hint[i] == ',' || hint[i] == ';' || hint[i] == '\t' ||
                                 hint[i] == '\n'))
        ++i;
      std::size_t j = i;
      while (j < hint.size() && !(hint[j] == ' ' || hint[j] == ',' || hint[j] == ';' || hint[j] == '\t' ||
                                  hint[j] == '\n'))
        ++j;
      std::string tok = lower_ascii(hint.substr(i, j - i));
      for (std::string_view p : {"https://", "http://", "www.", "t.me/", "telegram.me/", "@", "-100"})
        if (tok.rfind(p, 0) == 0) tok.erase(0, p.size());
      while (!tok.empty() && tok.back() == '/') tok.pop_back();
      if (!tok.empty()) names.push_back(std::move(tok));
      i = j;
    }
  }
  bool is_own(const Link& l) const {
    if (names.empty()) return false;
    const std::string t = lower_ascii(l.target);
    return std::find(names.begin(), names.end(), t) != names.end();
  }
};

// Whether `l` can be the destination of an announcement of `role`.
bool eligible(const Link& l, PhraseRole role, const OwnHints& own) {
  if (l.platform == Platform::telegram) {
    if (role == PhraseRole::contact_elsewhere) return false;  // Telegram is not "elsewhere"
    switch (l.kind) {
      case Kind::public_: case Kind::post: case Kind::private_post: case Kind::invite:
      case Kind::mention: case Kind::bot: case Kind::folder:
        return !own.is_own(l);
      default:
        return false;  // proxy, stickers, phone: not a chat to go to
    }
  }
  if (role == PhraseRole::contact_elsewhere) return l.platform != Platform::web;
  return l.platform != Platform::email;
}

// Names of messengers (folded), to let a phrase reach across a paragraph break
// to a link of a platform it names.
struct PlatformName {
  Platform platform;
  std::string_view name;
};
constexpr std::array<PlatformName, 27> kPlatformNames = {{
    {Platform::signal, "signal"},     {Platform::signal, "сигнал"},        {Platform::signal, "سيغنال"},
    {Platform::signal, "سيجنال"},     {Platform::signal, "سيگنال"},        {Platform::signal, "סיגנל"},
    {Platform::discord, "discord"},   {Platform::discord, "дискорд"},      {Platform::discord, "ديسكورد"},
    {Platform::discord, "דיסקורד"},   {Platform::matrix, "matrix"},        {Platform::matrix, "element"},
    {Platform::matrix, "матрикс"},    {Platform::simplex, "simplex"},      {Platform::simplex, "симплекс"},
    {Platform::session, "session"},   {Platform::session, "сешн"},         {Platform::tox, "tox"},
    {Platform::xmpp, "jabber"},       {Platform::xmpp, "xmpp"},            {Platform::xmpp, "жаббер"},
    {Platform::xmpp, "джаббер"},      {Platform::whatsapp, "whatsapp"},    {Platform::whatsapp, "ватсап"},
    {Platform::whatsapp, "واتساب"},   {Platform::threema, "threema"},      {Platform::onion, "onion"},
}};

// Bit set (1 << Platform) of the messengers named in `span`.
std::uint32_t platforms_named(std::string_view span) {
  const std::string folded = migration::fold(span);
  std::uint32_t bits = 0;
  for (const PlatformName& p : kPlatformNames)
    if (folded.find(p.name) != std::string::npos) bits |= 1u << static_cast<unsigned>(p.platform);
  return bits;
}

struct Hit {
  PhraseRole role;
  std::size_t entry;   // index into Impl::entries
  std::size_t ps, pe;  // phrase span in the original text
};

// may_announce()'s literal prefilter over a set of phrases: every phrase has a
// word that any match contains verbatim in the folded text (its key word: the
// least common one, '*' dropped). Words of >= 4 bytes are
// keyed by 4 of their bytes (finish()): a 64 Ki-bit filter, then an exact key table,
// then a compare. Words of 2-3 bytes are keyed by their first 2 bytes. A word
// of 1 byte disables the filter (none does today). At a key word's
// occurrence, the phrase's other words must sit next to it as the phrase
// regex requires (see fits()).
struct KeyWordFilter {
  struct Word {
    std::uint32_t key;
    std::vector<std::string> words;  // the phrase's words in order, '*' dropped
    std::vector<bool> stems;         // words[i] had a '*'
    std::size_t key_word = 0;        // index of the key word
    std::size_t key_offset = 0;      // where in the key word its 4-byte key starts (finish())
    std::size_t min_blanks = 1;      // blanks between words (fa: 0)
    bool contact = false;            // a contact_elsewhere phrase (needs a non-Telegram, non-web link)
    const std::string& text() const { return words[key_word]; }
  };
  std::vector<std::uint64_t> filter4 = std::vector<std::uint64_t>(1024, 0);
  std::vector<std::uint64_t> filter2 = std::vector<std::uint64_t>(1024, 0);
  std::array<bool, 256> short_first{};  // first bytes of the 2-3 byte keys
  std::vector<Word> words;         // sorted by key
  std::vector<std::uint32_t> keys; // words[i].key: a compact copy to search
  bool filter_all = false;

  static std::uint32_t load(const char* p, std::size_t n) {
    std::uint32_t k = 0;
    std::memcpy(&k, p, n);
    return k;
  }
  static std::uint32_t slot4(std::uint32_t k) { return (k * 0x9E3779B1u) >> 16; }
  static bool test(const std::vector<std::uint64_t>& f, std::uint32_t bit) { return (f[bit >> 6] >> (bit & 63)) & 1; }
  static void set(std::vector<std::uint64_t>& f, std::uint32_t bit) { f[bit >> 6] |= std::uint64_t{1} << (bit & 63); }

  void add(const std::string& folded_phrase, std::string_view language, PhraseRole role) {
    Word entry;
    entry.contact = role == PhraseRole::contact_elsewhere;
    std::size_t i = 0;
    while (i < folded_phrase.size()) {
      std::size_t j = folded_phrase.find_first_of(" \t", i);
      if (j == std::string::npos) j = folded_phrase.size();
      std::string word = folded_phrase.substr(i, j - i);
      const bool stem = word.size() > 1 && word.back() == '*';
      if (stem) word.pop_back();
      if (!word.empty()) {
        entry.words.push_back(std::move(word));
        entry.stems.push_back(stem);
      }
      i = j + 1;
    }
    // The key: the word least likely in ordinary posts. Words of < 4 bytes
    // ("us", "on") score lowest, then generic chat words, then by length.
    // Generic words, folded like the phrases (Arabic ة → ه, Persian ک → ك, …).
    static const std::vector<std::string> kGeneric = [] {
      std::vector<std::string> v;
      for (const char* g : {"channel", "channels", "group", "grup", "grupo", "canal", "kanal", "канал", "link", "join",
                            "chat", "new", "yeni", "novo", "nuevo", "nova", "nueva", "nosso", "our", "find", "home",
                            "case", "caso", "write", "talk", "reach", "vamos", "новый", "канала", "группа", "чат",
                            "القناة", "قناة", "قناتنا", "الرابط", "رابط", "کانال", "گروه", "لینک", "ערוץ", "הערוץ",
                            "קבוצה", "קישור", "saluran"})
        v.push_back(migration::fold(g));
      return v;
    }();
    const auto score = [](const std::string& w) -> std::size_t {
      if (w.size() < 4) return w.size();
      for (const std::string& g : kGeneric)
        if (w == g) return 4 + w.size();
      return 100 + w.size();
    };
    const std::vector<std::string>& all = entry.words;
    std::size_t b = 0;
    for (std::size_t w = 0; w < all.size(); ++w)
      if (score(all[w]) > score(all[b])) b = w;
    if (all.empty() || all[b].size() < 2) {
      filter_all = true;
      return;
    }
    entry.key_word = b;
    entry.min_blanks = language == "fa" ? 0 : 1;  // as phrase_regex()
    const std::string& best = all[b];
    if (best.size() < 4) {
      entry.key = load(best.data(), 2);
      set(filter2, entry.key);
      short_first[static_cast<unsigned char>(best[0])] = true;
    }  // else finish() picks its 4 bytes
    words.push_back(std::move(entry));
  }

  // Keys a key word of >= 4 bytes by its 4 bytes (from a character start) that the
  // set's words share least: "التيليجرام" not by its article "ال", which most Arabic
  // phrases have (and so does most Arabic text), "телеграм" not by "те".
  void finish() {
    const auto starts = [](const std::string& w) {
      std::vector<std::size_t> out;
      for (std::size_t o = 0; o + 4 <= w.size(); ++o)
        if ((static_cast<unsigned char>(w[o]) & 0xC0) != 0x80) out.push_back(o);
      return out;
    };
    std::unordered_map<std::uint32_t, int> shared;  // 4-byte window -> words having it
    for (const Word& w : words)
      for (const std::string& x : w.words)
        for (const std::size_t o : starts(x)) ++shared[load(x.data() + o, 4)];
    for (Word& w : words) {
      if (w.text().size() < 4) continue;
      int best = std::numeric_limits<int>::max();
      for (const std::size_t o : starts(w.text())) {
        const int n = shared[load(w.text().data() + o, 4)];
        if (n < best) {
          best = n;
          w.key_offset = o;
        }
      }
      w.key = load(w.text().data() + w.key_offset, 4);
      set(filter4, slot4(w.key));
    }
    std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.key < b.key; });
    for (const Word& w : words) keys.push_back(w.key);
  }

  // Words [from, w.words.size()) occur in order in text[pos, end of line).
  static bool loose_after(const Word& w, std::size_t from, std::string_view text, std::size_t pos) {
    const std::size_t line_end = std::min(text.find('\n', pos), text.size());
    for (std::size_t k = from; k < w.words.size(); ++k) {
      const std::size_t f = text.find(w.words[k], pos);
      if (f == std::string_view::npos || f + w.words[k].size() > line_end) return false;
      pos = f + w.words[k].size();
    }
    return true;
  }

  // Words [0, to] occur in order in text[start of line, pos).
  static bool loose_before(const Word& w, std::size_t to, std::string_view text, std::size_t pos) {
    const std::size_t nl = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
    const std::size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
    for (std::size_t k = to + 1; k-- > 0;) {
      const std::string& word = w.words[k];
      if (pos < line_start + word.size()) return false;
      const std::size_t f = text.rfind(word, pos - word.size());
      if (f == std::string_view::npos || f < line_start) return false;
      pos = f;
    }
    return true;
  }

  // Whether phrase w can match around its key word at text[at]: each other
  // word follows its neighbour after min_blanks or more blanks (and, after a
  // '*' word, its extra letters), as in phrase_regex(). Where a '*' word makes
  // the exact check ambiguous (its letters before a blank when looking back;
  // letters then zero blanks in fa), the remaining words need only occur in
  // order on the same line: a phrase never spans a line.
  static bool fits(const Word& w, std::string_view text, std::size_t at) {
    const std::size_t n = w.words.size();
    std::size_t pos = at + w.text().size();
    for (std::size_t j = w.key_word + 1; j < n; ++j) {
      if (w.stems[j - 1]) {
        if (w.min_blanks == 0) return loose_after(w, j, text, pos) && fits_before(w, text, at);
        for (char32_t cp = 0; pos < text.size();) {
          const std::size_t len = text::utf8_decode(text, pos, cp);
          if (!is_stem_letter(cp)) break;
          pos += len;
        }
      }
      const std::size_t start = pos;
      while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
      if (pos - start < w.min_blanks || text.compare(pos, w.words[j].size(), w.words[j]) != 0) return false;
      pos += w.words[j].size();
    }
    return fits_before(w, text, at);
  }

  static bool fits_before(const Word& w, std::string_view text, std::size_t at) {
    std::size_t pos = at;
    for (std::size_t j = w.key_word; j-- > 0;) {
      std::size_t q = pos;
      while (q > 0 && (text[q - 1] == ' ' || text[q - 1] == '\t')) --q;
      if (pos - q < w.min_blanks) return false;
      if (w.stems[j]) return loose_before(w, j, text, q);
      const std::string& word = w.words[j];
      if (q < word.size() || text.compare(q - word.size(), word.size(), word) != 0) return false;
      pos = q - word.size();
    }
    return true;
  }

  // Whether some phrase keyed `key` fits at text[at] (see fits()). `budget`
  // bounds the checks: when it runs out, the answer is a conservative true.
  bool phrase_at(std::uint32_t key, std::string_view text, std::size_t at, int& budget, bool contact_possible) const {
    for (auto k = std::lower_bound(keys.begin(), keys.end(), key); k != keys.end() && *k == key; ++k) {
      const Word& w = words[static_cast<std::size_t>(k - keys.begin())];
      if ((w.contact && !contact_possible) || at < w.key_offset) continue;
      const std::size_t start = at - w.key_offset;  // the key word's start
      if (text.compare(start, w.text().size(), w.text()) != 0) continue;
      if (--budget < 0) return true;
      if (fits(w, text, start)) return true;
    }
    return false;
  }

  // False when the folded text cannot match any of the phrases: none has all its
  // words in it (checked from its key word's occurrences).
  bool has_words(const char* p, std::size_t n, bool contact_possible) const {
    if (filter_all) return true;
    const std::string_view text(p, n);
    int budget = 16;  // keeps the check linear: then RE2 decides
    for (std::size_t i = 0; i + 2 <= n; ++i) {
      if (i + 4 <= n) {
        const std::uint32_t k = load(p + i, 4);
        if (test(filter4, slot4(k)) && phrase_at(k, text, i, budget, contact_possible)) return true;
      }
      if (!short_first[static_cast<unsigned char>(p[i])]) continue;
      const std::uint32_t k2 = load(p + i, 2);
      if (test(filter2, k2) && phrase_at(k2, text, i, budget, contact_possible)) return true;
    }
    return false;
  }
};

}  // namespace

struct AnnouncementDetector::Impl {
  std::unique_ptr<LinkExtractor> own_extractor;
  const LinkExtractor* extractor = nullptr;
  std::vector<LexiconEntry> entries;
  std::unique_ptr<RE2> finder;      // finds the leftmost-longest phrase (group 1 or 2)
  std::unique_ptr<RE2::Set> which;  // tells which entries match exactly a found span
  std::vector<std::size_t> set_to_entry;

  KeyWordFilter any_words;      // every announcement phrase
  KeyWordFilter leaving_words;  // leaving phrases: all that a message without links can announce

  explicit Impl(const LinkExtractor* shared) {
    if (!shared) {
      own_extractor = std::make_unique<LinkExtractor>();
      shared = own_extractor.get();
    }
    extractor = shared;
    entries = migration::parse_lexicon(migration::embedded_lexicon());
    const RE2::Options opt = regex_options();
    which = std::make_unique<RE2::Set>(opt, RE2::ANCHOR_BOTH);
    std::string bounded, unbounded;
    std::unordered_map<std::string, std::size_t> seen;  // folded phrase → entry (duplicate check)
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const LexiconEntry& e = entries[i];
      const std::string folded = migration::fold(e.phrase);
      const auto [it, fresh] = seen.emplace(folded, i);
      if (!fresh && entries[it->second].role != e.role)
        throw migration::LexiconError("lexicon.tsv line " + std::to_string(e.line) + ": phrase '" + e.phrase +
                                      "' also listed with another type on line " +
                                      std::to_string(entries[it->second].line));
      if (e.role != PhraseRole::neutral && e.role != PhraseRole::report)
        any_words.add(folded, e.language, e.role);
      if (e.role == PhraseRole::leaving) leaving_words.add(folded, e.language, e.role);
      const std::string re = phrase_regex(folded, e.language);
      std::string err;
      if (which->Add(re, &err) < 0)
        throw migration::LexiconError("lexicon.tsv line " + std::to_string(e.line) + ": " + err);
      set_to_entry.push_back(i);
      std::string& group = unbounded_language(e.language) ? unbounded : bounded;
      if (!group.empty()) group += '|';
      group += re;
    }
    any_words.finish();
    leaving_words.finish();
    if (!which->Compile()) throw migration::LexiconError("lexicon: RE2::Set compile failed");
    std::string pattern = "(?:^|" + std::string(kNonWord) + ")" + std::string(kClitic) + "(" +
                          (bounded.empty() ? std::string("$^") : bounded) + ")(?:" + std::string(kNonWord) + "|$)";
    pattern += "|(" + (unbounded.empty() ? std::string("$^") : unbounded) + ")";
    finder = std::make_unique<RE2>(pattern, opt);
    if (!finder->ok()) throw migration::LexiconError("lexicon: regex compile failed: " + finder->error());
  }

  // Lexicon hits in text order (at most kMaxHits).
  std::vector<Hit> find_hits(std::string_view text) const {
    migration::Folded f;
    migration::fold(text, f);
    std::vector<Hit> hits;
    const re2::StringPiece folded(f.text.data(), f.text.size());
    std::array<re2::StringPiece, 3> sub;
    std::vector<int> ids;
    std::size_t pos = 0;
    while (pos <= f.text.size() && hits.size() < kMaxHits) {
      if (!finder->Match(folded, pos, f.text.size(), RE2::UNANCHORED, sub.data(), 3)) break;
      const re2::StringPiece& g = sub[1].data() ? sub[1] : sub[2];
      if (!g.data() || g.empty()) break;  // cannot happen: phrases are non-empty
      const auto fb = static_cast<std::size_t>(g.data() - f.text.data());
      const std::size_t fe = fb + g.size();
      ids.clear();
      if (which->Match(g, &ids) && !ids.empty()) {
        const std::size_t entry = set_to_entry[static_cast<std::size_t>(*std::min_element(ids.begin(), ids.end()))];
        hits.push_back({entries[entry].role, entry, f.source_begin(fb), f.source_end(fe)});
      }
      pos = std::max(fe, pos + 1);
    }
    return hits;
  }
};

namespace {

// Per-call state of detect().
class Search {
 public:
  Search(const LinkExtractor& ex, std::string_view text, std::span<const Link> links, const std::vector<Hit>& hits,
         const OwnHints& own)
      : ex_(ex), t_(text), links_(links), hits_(hits), own_(own) {}

  // The destination of the announcement hit hits_[h], or null.
  const Link* destination(std::size_t h) {
    const Hit& hit = hits_[h];
    // After the phrase: up to kAfterChars, not across a paragraph break or a neutral phrase.
    std::size_t limit = hit.pe;
    bool cut_by_count = false;
    bool cut_by_break = false;
    std::size_t counted = 0;
    {
      while (limit < t_.size()) {
        if (t_[limit] == '\n' && paragraph_break_at(t_, limit)) {
          cut_by_break = true;
          break;
        }
        if (counted == kAfterChars) {
          cut_by_count = true;
          break;
        }
        char32_t cp = 0;
        limit += text::utf8_decode(t_, limit, cp);
        ++counted;
      }
      if (cut_by_count) limit = extend_token(limit);
    }
    std::size_t barrier = t_.size();
    for (std::size_t k = h + 1; k < hits_.size(); ++k)
      if (hits_[k].role == PhraseRole::neutral && hits_[k].ps >= hit.pe) {
        barrier = hits_[k].ps;
        break;
      }
    if (barrier < limit) {
      limit = barrier;
      cut_by_break = false;
    }
    const Link* web = nullptr;
    for (const Link* l : located(hit.ps, limit)) {
      if (!eligible(*l, hit.role, own_)) continue;
      if (l->platform != Platform::web) return l;
      if (!web) web = l;
    }
    // Hidden links (text_link hrefs, buttons) sit at the end of the text.
    std::size_t rest = limit;
    while (rest < t_.size() && is_space_byte(t_[rest])) ++rest;
    if (rest == t_.size()) {
      for (const Link& l : links_) {
        if (l.source != Source::text_link && l.source != Source::button) continue;
        if (!eligible(l, hit.role, own_)) continue;
        if (l.platform != Platform::web) return &l;
        if (!web) web = &l;
      }
    }
    if (web) return web;
    // Across paragraph breaks, still within kAfterChars, only to a link of a
    // platform named after the phrase in its own paragraph ("we are moving to
    // Signal. …\n\nJoin: signal.group/…").
    if (cut_by_break) {
      const std::uint32_t named = platforms_named(t_.substr(hit.ps, limit - hit.ps));
      if (named != 0) {
        std::size_t far = limit;
        bool cut = false;
        while (far < t_.size() && far < barrier) {
          if (counted == kAfterChars) {
            cut = true;
            break;
          }
          char32_t cp = 0;
          far += text::utf8_decode(t_, far, cp);
          ++counted;
        }
        if (cut) far = std::min(extend_token(far), barrier);
        for (const Link* l : located(limit, far))
          if ((named >> static_cast<unsigned>(l->platform)) & 1u && eligible(*l, hit.role, own_)) return l;
      }
    }
    // Before the phrase, on the same line ("t.me/x — our new channel").
    std::size_t begin = hit.ps;
    {
      std::size_t n = 0;
      bool cut = false;
      while (begin > 0) {
        const std::size_t prev = text::utf8_prev(t_, begin);
        if (t_[prev] == '\n') break;
        if (n == kBeforeChars) {
          cut = true;
          break;
        }
        begin = prev;
        ++n;
      }
      if (cut) {
        const std::size_t floor = begin > kTokenExtend ? begin - kTokenExtend : 0;
        while (begin > floor && !is_space_byte(t_[begin - 1])) --begin;
      }
    }
    for (std::size_t k = h; k-- > 0;)
      if (hits_[k].role == PhraseRole::neutral && hits_[k].pe <= hit.ps) {
        begin = std::max(begin, hits_[k].pe);
        break;
      }
    const Link* best = nullptr;
    for (const Link* l : located(begin, hit.ps)) {
      if (!eligible(*l, hit.role, own_)) continue;
      if (l->platform != Platform::web || !best || best->platform == Platform::web) best = l;
    }
    return best;
  }

 private:
  // Extends a window end that falls inside a token to the token's end.
  std::size_t extend_token(std::size_t e) const {
    const std::size_t cap = std::min(t_.size(), e + kTokenExtend);
    while (e < cap && !is_space_byte(t_[e])) ++e;
    return e;
  }

  // The caller's links found in text[b, e), in text order.
  std::vector<const Link*> located(std::size_t b, std::size_t e) {
    std::vector<const Link*> out;
    if (e <= b) return out;
    if (by_identity_.empty()) {
      for (const Link& l : links_) by_identity_.emplace(key(l), &l);
    }
    found_.clear();
    ex_.scan(t_.substr(b, e - b), Source::text, found_);
    for (const Link& l : found_) {
      const auto it = by_identity_.find(key(l));
      if (it != by_identity_.end()) out.push_back(it->second);
    }
    return out;
  }

  static std::string key(const Link& l) {
    std::string k;
    k += static_cast<char>(l.platform);
    k += static_cast<char>(l.kind);
    k += l.target;
    return k;
  }

  const LinkExtractor& ex_;
  std::string_view t_;
  std::span<const Link> links_;
  const std::vector<Hit>& hits_;
  const OwnHints& own_;
  std::unordered_map<std::string, const Link*> by_identity_;
  std::vector<Link> found_;
};

// For each hit: is its start inside quotation marks (« » “ ” „ “ " 「 」 『 』)?
// One pass; the state resets at paragraph breaks.
std::vector<bool> quoted_flags(std::string_view t, const std::vector<Hit>& hits) {
  std::vector<bool> quoted(hits.size(), false);
  std::vector<char32_t> stack;  // open quote characters
  std::size_t i = 0;
  for (std::size_t h = 0; h < hits.size(); ++h) {
    while (i < hits[h].ps && i < t.size()) {
      char32_t cp = 0;
      const std::size_t len = text::utf8_decode(t, i, cp);
      const auto top = [&] { return stack.empty() ? char32_t{0} : stack.back(); };
      switch (cp) {
        case '\n':
          if (paragraph_break_at(t, i)) stack.clear();
          break;
        case '"': {
          // A straight quote between two letters/digits is an acronym mark (צה"ל), not a quote.
          const bool left_word = i > 0 && !is_space_byte(t[i - 1]) && t[i - 1] != '(' && t[i - 1] != ':';
          const bool right_word = i + 1 < t.size() && !is_space_byte(t[i + 1]) &&
                                  !(t[i + 1] == '.' || t[i + 1] == ',' || t[i + 1] == ':' || t[i + 1] == ';' ||
                                    t[i + 1] == ')' || t[i + 1] == '!' || t[i + 1] == '?');
          if (left_word && right_word) break;
          if (top() == '"') stack.pop_back();
          else stack.push_back('"');
          break;
        }
        case 0xAB: case 0x201E: case 0x300C: case 0x300E:  // « „ 「 『
          stack.push_back(cp);
          break;
        case 0xBB:  // »
          if (top() == 0xAB) stack.pop_back();
          break;
        case 0x201C:  // “ closes „, else opens
          if (top() == 0x201E) stack.pop_back();
          else stack.push_back(cp);
          break;
        case 0x201D:  // ”
          if (top() == 0x201C || top() == 0x201E) stack.pop_back();
          break;
        case 0x300D:  // 」
          if (top() == 0x300C) stack.pop_back();
          break;
        case 0x300F:  // 』
          if (top() == 0x300E) stack.pop_back();
          break;
        default:
          break;
      }
      i += len;
    }
    quoted[h] = !stack.empty();
  }
  return quoted;
}

// Is there a reporting phrase before hits[h] in the same sentence, close enough?
bool reported(std::string_view t, const std::vector<Hit>& hits, std::size_t h) {
  for (std::size_t k = h; k-- > 0;) {
    if (hits[k].role != PhraseRole::report) continue;
    if (hits[k].pe > hits[h].ps) continue;
    std::size_t i = hits[k].pe, n = 0;
    while (i < hits[h].ps) {
      if (++n > kReportChars) return false;
      char32_t cp = 0;
      const std::size_t len = text::utf8_decode(t, i, cp);
      const bool next_blank = i + len >= t.size() || is_space_byte(t[i + len]);
      if (cp == '\n' || ((cp == '.' || cp == '!' || cp == '?') && next_blank) || cp == 0x3002 || cp == 0xFF01 ||
          cp == 0xFF1F || cp == 0x61F || cp == 0x6D4)
        return false;
      i += len;
    }
    return true;  // only the nearest reporting phrase counts
  }
  return false;
}

}  // namespace

AnnouncementDetector::AnnouncementDetector() : impl_(std::make_unique<Impl>(nullptr)) {}
AnnouncementDetector::AnnouncementDetector(const LinkExtractor& extractor)
    : impl_(std::make_unique<Impl>(&extractor)) {}
AnnouncementDetector::~AnnouncementDetector() = default;
AnnouncementDetector::AnnouncementDetector(AnnouncementDetector&&) noexcept = default;
AnnouncementDetector& AnnouncementDetector::operator=(AnnouncementDetector&&) noexcept = default;

bool AnnouncementDetector::may_announce(std::string_view text, bool contact_possible, bool has_links) const {
  if (text.empty()) return false;
  // A per-thread scratch buffer, never zero-filled (fold_to writes what it uses).
  thread_local std::unique_ptr<char[]> buffer;
  thread_local std::size_t capacity = 0;
  const std::size_t need = migration::fold_bound(text.size());
  if (need > capacity) {
    capacity = std::max(need, std::size_t{4096});
    buffer.reset(new char[capacity]);
  }
  const std::size_t n = migration::fold_to(text, buffer.get());
  const KeyWordFilter& words = has_links ? impl_->any_words : impl_->leaving_words;
  const bool hit = words.has_words(buffer.get(), n, contact_possible) &&
                   impl_->finder->Match(re2::StringPiece(buffer.get(), n), 0, n, RE2::UNANCHORED, nullptr, 0);
  if (capacity > (std::size_t{1} << 22)) {  // do not pin a huge buffer
    buffer.reset();
    capacity = 0;
  }
  return hit;
}

std::size_t AnnouncementDetector::lexicon_size() const { return impl_->entries.size(); }

std::optional<Announcement> AnnouncementDetector::detect(std::string_view text, std::span<const Link> links,
                                                         std::string_view own_chat_hint) const {
  if (text.empty()) return std::nullopt;
  const std::vector<Hit> hits = impl_->find_hits(text);
  const bool any = std::any_of(hits.begin(), hits.end(), [](const Hit& h) {
    return h.role != PhraseRole::neutral && h.role != PhraseRole::report;
  });
  if (!any) return std::nullopt;
  const OwnHints own(own_chat_hint);
  const std::vector<bool> quoted = quoted_flags(text, hits);
  Search search(*impl_->extractor, text, links, hits, own);
  const auto announcement = [&](const Hit& hit, AnnouncementType type, const Link* dest) {
    Announcement a;
    a.type = type;
    a.destination = dest;
    a.phrase = std::string(text.substr(hit.ps, hit.pe - hit.ps));
    a.language = impl_->entries[hit.entry].language;
    a.phrase_offset = hit.ps;
    return a;
  };
  // The first phrase with a destination wins; else the first departure without one.
  std::optional<Announcement> leaving;
  for (std::size_t h = 0; h < hits.size(); ++h) {
    const Hit& hit = hits[h];
    if (hit.role == PhraseRole::neutral || hit.role == PhraseRole::report) continue;
    if (quoted[h] || reported(text, hits, h)) continue;
    const Link* dest = links.empty() ? nullptr : search.destination(h);
    if (dest) {
      // A departure that points somewhere is a move.
      return announcement(hit, hit.role == PhraseRole::leaving ? AnnouncementType::move : static_cast<AnnouncementType>(hit.role), dest);
    }
    if (hit.role == PhraseRole::leaving && !leaving) leaving = announcement(hit, AnnouncementType::leaving, nullptr);
  }
  return leaving;
}

}  // namespace linkdrift
