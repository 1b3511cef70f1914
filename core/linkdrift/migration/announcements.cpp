#include "linkdrift/migration/announcements.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <vector>

#include "linkdrift/base/text_util.h"
#include "linkdrift/migration/composition.h"
#include "linkdrift/migration/lexicon.h"
#include "linkdrift/migration/normalize.h"
#include "linkdrift/migration/phrase_matcher.h"

namespace linkdrift {
namespace {

using migration::Hit;
using migration::LexiconEntry;
using migration::PhraseForm;
using migration::PhraseRole;
using migration::place_bit;

// Tunables (documented in docs/announcements.md).
constexpr std::size_t kAfterChars = 200;    // phrase end → destination start, at most
constexpr std::size_t kBeforeChars = 100;   // destination before the phrase: same line, at most this far
constexpr std::size_t kReportChars = 120;   // reporting verb → phrase, same sentence, at most
constexpr std::size_t kTokenExtend = 4096;  // a window cut inside a token is extended to its end
constexpr std::size_t kMaxHits = 256;       // lexicon hits examined per message
// A composed phrase with no place named needs its destination next to it: at most this many words between.
constexpr std::size_t kNounNextToWords = 2;  // "new channel: t.me/x", "t.me/x — new channel"
constexpr std::size_t kActNextToWords = 4;   // "we moved to our new group: t.me/x"

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// True if a paragraph break ("\n", optional blanks, "\n") starts at text[i] == '\n'.
bool paragraph_break_at(std::string_view t, std::size_t i) {
  std::size_t j = i + 1;
  while (j < t.size() && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r')) ++j;
  return j < t.size() && t[j] == '\n';
}

// The chat's own usernames / numeric ids, parsed from detect()'s own_chat_hint.
struct OwnHints {
  std::string hint;                // what `names` was parsed from
  std::vector<std::string> names;  // lowercased usernames / numeric ids
  void parse(std::string_view h) {
    if (h == hint) return;  // a chat's messages share one hint
    hint.assign(h);
    names.clear();
    const auto separator = [](char c) { return c == ' ' || c == ',' || c == ';' || c == '\t' || c == '\n'; };
    std::size_t i = 0;
    while (i < h.size()) {
      while (i < h.size() && separator(h[i])) ++i;
      std::size_t j = i;
      while (j < h.size() && !separator(h[j])) ++j;
      std::string tok = text::to_lower(h.substr(i, j - i));
      for (std::string_view p : {"https://", "http://", "www.", "t.me/", "telegram.me/", "@", "-100"})
        if (tok.rfind(p, 0) == 0) tok.erase(0, p.size());
      while (!tok.empty() && tok.back() == '/') tok.pop_back();
      if (!tok.empty()) names.push_back(std::move(tok));
      i = j;
    }
  }
  bool is_own(const Link& l) const {
    return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return text::iequals(n, l.target); });
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

// The lexicon ready for matching, built once per process on first use and
// shared read-only by every detector and thread.
struct CompiledLexicon {
  std::vector<LexiconEntry> entries;
  std::vector<std::uint32_t> places;  // per entry: the platforms it names (composition.h)
  migration::PhraseMatcher matcher;

  CompiledLexicon() {
    entries = migration::parse_lexicon(migration::embedded_lexicon());
    std::unordered_map<std::string, std::size_t> seen;  // folded phrase → entry (duplicate check)
    std::vector<std::string> folded(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const LexiconEntry& e = entries[i];
      folded[i] = migration::fold(e.phrase);
      const auto [it, fresh] = seen.emplace(folded[i], i);
      const LexiconEntry& first = entries[it->second];
      if (!fresh && (first.role != e.role || first.form != e.form || first.place != e.place))
        throw migration::LexiconError("lexicon.tsv line " + std::to_string(e.line) + ": phrase '" + e.phrase +
                                      "' also listed with another type on line " + std::to_string(first.line));
      matcher.add(i, folded[i], e.language, e.role);
    }
    matcher.finish();
    // A phrase names the platforms whose where phrases it contains.
    std::array<std::vector<std::size_t>, 256> where_by_first_byte;  // ~3 M instructions instead of 24 M
    for (std::size_t w = 0; w < entries.size(); ++w)
      if (entries[w].role == PhraseRole::where && !entries[w].deictic)
        where_by_first_byte[static_cast<unsigned char>(folded[w][0])].push_back(w);
    places.assign(entries.size(), 0);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::string_view phrase = folded[i];
      for (std::size_t j = 0; j < phrase.size(); ++j)
        for (const std::size_t w : where_by_first_byte[static_cast<unsigned char>(phrase[j])])
          if (phrase.substr(j).starts_with(folded[w])) places[i] |= place_bit(entries[w].place);
    }
  }
};

// Throws LexiconError when the embedded lexicon is broken (then again on the next call).
const CompiledLexicon& compiled_lexicon() {
  static const CompiledLexicon lexicon;
  return lexicon;
}

// Per-thread buffers of may_announce() and detect(), reused from message to
// message so the hot path allocates nothing once they have grown. release()
// drops buffers grown past kKeepBytes (one huge message does not pin them).
struct Scratch {
  static constexpr std::size_t kKeepBytes = std::size_t{1} << 22;
  std::unique_ptr<char[]> folded;  // never zero-filled: fold_to() writes what it uses
  std::size_t capacity = 0;
  std::vector<migration::PhraseMatcher::Candidate> candidates;
  std::vector<migration::PhraseHit> phrases;
  std::vector<Hit> hits;
  std::vector<std::size_t> offsets;  // folded → source offsets of the hits
  std::vector<bool> quoted;
  std::vector<bool> in_link;  // per hit: inside a link's token (filled on first need)
  std::vector<char32_t> quotes;  // open quote characters
  OwnHints own;
  std::vector<const Link*> visible;      // the caller's visible links, by offset
  std::vector<const Link*> located;      // the caller's links among them

  // Folds `text` into `folded`; returns the folded length.
  std::size_t fold(std::string_view text) {
    const std::size_t need = migration::fold_bound(text.size());
    if (need > capacity) {
      capacity = std::max(need, std::size_t{4096});
      folded.reset(new char[capacity]);
    }
    return migration::fold_to(text, folded.get());
  }
  void release() {
    if (capacity > kKeepBytes) {
      folded.reset();
      capacity = 0;
    }
  }
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

}  // namespace

struct AnnouncementDetector::Impl {
  const CompiledLexicon& lexicon = compiled_lexicon();

  // Lexicon hits of `text` in text order (at most kMaxHits), into s.hits.
  void find_hits(std::string_view text, Scratch& s) const {
    const std::size_t n = s.fold(text);
    lexicon.matcher.find(std::string_view(s.folded.get(), n), kMaxHits, s.candidates, s.phrases);
    s.offsets.clear();
    for (const migration::PhraseHit& p : s.phrases) {  // ascending: hits do not overlap
      s.offsets.push_back(p.begin);
      s.offsets.push_back(p.end);
    }
    migration::source_offsets(text, s.offsets);
    s.hits.clear();
    for (std::size_t h = 0; h < s.phrases.size(); ++h) {
      const std::size_t entry = s.phrases[h].entry;
      s.hits.push_back({lexicon.entries[entry].role, entry, s.offsets[2 * h], s.offsets[2 * h + 1]});
    }
  }
};

namespace {

// Per-call state of detect(); its buffers are the thread's Scratch.
class Search {
 public:
  Search(std::string_view text, std::span<const Link> links, const CompiledLexicon& lexicon, Scratch& s)
      : t_(text), links_(links), lexicon_(lexicon), hits_(s.hits), own_(s.own), s_(s), visible_(s.visible) {
    visible_.clear();
    for (const Link& l : links_)  // a visible link offset past the text is not in it (caller's bug, ignored)
      if (l.source != Source::text_link && l.source != Source::button && l.offset < t_.size()) visible_.push_back(&l);
    // By offset; equal offsets keep the caller's order.
    std::sort(visible_.begin(), visible_.end(),
              [](const Link* x, const Link* y) { return x->offset < y->offset || (x->offset == y->offset && x < y); });
  }

  // From `from`, kAfterChars code points (a token cut at the edge kept whole)
  // or up to a paragraph break.
  struct Window {
    std::size_t end = 0, counted = 0;  // counted: code points in it
    bool cut_by_break = false;
  };
  Window window_after(std::size_t from) const {
    Window w;
    w.end = from;
    while (w.end < t_.size()) {
      if (t_[w.end] == '\n' && paragraph_break_at(t_, w.end)) {
        w.cut_by_break = true;
        return w;
      }
      if (w.counted == kAfterChars) {
        w.end = extend_token(w.end);
        return w;
      }
      char32_t cp = 0;
      w.end += text::utf8_decode(t_, w.end, cp);
      ++w.counted;
    }
    return w;
  }

  // The destination of the announcement hit hits_[h], or null.
  const Link* destination(std::size_t h) {
    const Hit& hit = hits_[h];
    // After the phrase: up to kAfterChars, not across a paragraph break or a neutral phrase.
    const Window w = window_after(hit.pe);
    std::size_t limit = w.end;
    bool cut_by_break = w.cut_by_break;
    std::size_t counted = w.counted;
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
    if (at_text_end(limit)) {
      for (const Link& l : links_) {
        if (l.source != Source::text_link && l.source != Source::button) continue;
        if (!eligible(l, hit.role, own_)) continue;
        if (l.platform != Platform::web) return &l;
        if (!web) web = &l;
      }
    }
    if (web) return web;
    // Across paragraph breaks, still within kAfterChars, only to a link of a
    // platform named in the phrase's sentence or after it in its paragraph
    // ("we are moving to Signal. …\n\nJoin: signal.group/…").
    if (cut_by_break) {
      const std::uint32_t named =
          platforms_named(migration::sentence_around(t_, hit.ps, hit.pe).begin, limit);
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
    if (const Link* best = last_eligible(begin, hit.ps, hit.role)) return best;
    // The line before, when it holds only links ("t.me/+x\n☝️ we moved here").
    if (begin == 0 || t_[begin - 1] != '\n' || begin - 1 == 0 || t_[begin - 2] == '\n') return nullptr;
    const std::size_t line_end = begin - 1;
    std::size_t line_begin = t_.rfind('\n', line_end - 1);
    line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
    if (line_end - line_begin > kBeforeChars * 4 || !only_links(line_begin, line_end)) return nullptr;
    return last_eligible(line_begin, line_end, hit.role);
  }

  // Is `dest` (found for hits_[h]) next to the phrase: the first link on its
  // side of the phrase, at most `max_words` words between them, not across a
  // paragraph break? A hidden `dest`: when at most that many words and no
  // visible link follow the phrase.
  // Whether some link may be next_to() hit h: the first visible one from the
  // phrase's start, the last before it, or a hidden one (any other has a link
  // between). A necessary condition of next_to(h, destination(h)), far cheaper.
  bool link_next_to(std::size_t h, std::size_t max_words) {
    const auto first = std::lower_bound(visible_.begin(), visible_.end(), hits_[h].ps,
                                        [](const Link* l, std::size_t at) { return l->offset < at; });
    if (first != visible_.end() && next_to(h, **first, max_words)) return true;
    if (first != visible_.begin() && next_to(h, **(first - 1), max_words)) return true;
    for (const Link& l : links_)
      if (l.source == Source::text_link || l.source == Source::button) return next_to(h, l, max_words);
    return false;
  }

  bool next_to(std::size_t h, const Link& dest, std::size_t max_words) {
    const Hit& hit = hits_[h];
    if (dest.source == Source::text_link || dest.source == Source::button)
      return located(hit.pe, t_.size()).empty() && migration::at_most_words(t_, hit.pe, t_.size(), max_words);
    std::size_t b = hit.pe, e = dest.offset;
    if (dest.offset < hit.ps) {  // before the phrase: from the end of the link's token
      b = token_end(dest.offset);
      e = hit.ps;
    }
    for (const Link* l : located(b, e))
      if (l != &dest) return false;
    return !paragraph_break_in(b, e) && migration::at_most_words(t_, b, e, max_words);
  }

  // Does text[i] lie inside the token (run of non-blanks) of a visible link?
  bool inside_link(std::size_t i) {
    const std::size_t floor = i > kTokenExtend ? i - kTokenExtend : 0;
    for (const Link* l : located(floor, i + 1))
      if (i < token_end(l->offset)) return true;
    return false;
  }

  // Marks the hits that lie inside a link's token (s.in_link): the words of
  // "simplex.chat/contact#…" or "telegram.dog/x" say nothing.
  void mark_hits_in_links(std::vector<bool>& in_link) {
    in_link.assign(hits_.size(), false);
    for (std::size_t k = 0; k < hits_.size(); ++k) in_link[k] = inside_link(hits_[k].ps);
  }

 private:
  bool at_text_end(std::size_t i) const {
    while (i < t_.size() && is_space_byte(t_[i])) ++i;
    return i == t_.size();
  }
  bool paragraph_break_in(std::size_t b, std::size_t e) const {
    for (std::size_t i = b; i < e; ++i)
      if (t_[i] == '\n' && paragraph_break_at(t_, i)) return true;
    return false;
  }

  // Bit set (place_bit) of the platforms the hits in text[b, e) name.
  std::uint32_t platforms_named(std::size_t b, std::size_t e) const {
    std::uint32_t bits = 0;
    for (const Hit& h : hits_)
      if (h.ps >= b && h.pe <= e) bits |= lexicon_.places[h.entry];
    return bits;
  }

  // The last eligible link for `role` starting in text[b, e), a non-web one
  // before a web one; null if none.
  const Link* last_eligible(std::size_t b, std::size_t e, PhraseRole role) {
    const Link* best = nullptr;
    for (const Link* l : located(b, e)) {
      if (!eligible(*l, role, own_)) continue;
      if (l->platform != Platform::web || !best || best->platform == Platform::web) best = l;
    }
    return best;
  }

  // Does text[b, e) hold links and no word outside their tokens?
  bool only_links(std::size_t b, std::size_t e) {
    for (const Link* l : located(b, e)) {
      if (l->offset < b) continue;  // inside the previous link's token
      if (!migration::at_most_words(t_, b, l->offset, 0)) return false;
      b = std::min(token_end(l->offset), e);
    }
    return migration::at_most_words(t_, b, e, 0);
  }

  // The end of the token (run of non-blanks) starting at i.
  std::size_t token_end(std::size_t i) const {
    while (i < t_.size() && !is_space_byte(t_[i])) ++i;
    return i;
  }

  // Extends a window end that falls inside a token to the token's end.
  std::size_t extend_token(std::size_t e) const {
    const std::size_t cap = std::min(t_.size(), e + kTokenExtend);
    while (e < cap && !is_space_byte(t_[e])) ++e;
    return e;
  }

  // The caller's visible links that start in text[b, e), in text order. The
  // result is valid until the next call.
  const std::vector<const Link*>& located(std::size_t b, std::size_t e) {
    s_.located.clear();
    const auto first = std::lower_bound(visible_.begin(), visible_.end(), b,
                                        [](const Link* l, std::size_t at) { return l->offset < at; });
    for (auto it = first; it != visible_.end() && (*it)->offset < e; ++it) s_.located.push_back(*it);
    return s_.located;
  }

  std::string_view t_;
  std::span<const Link> links_;
  const CompiledLexicon& lexicon_;
  const std::vector<Hit>& hits_;
  const OwnHints& own_;
  Scratch& s_;
  std::vector<const Link*>& visible_;
};

// For each hit: is its start inside quotation marks (« » “ ” „ “ " 「 」 『 』)?
// One pass; the state resets at paragraph breaks.
// Fills s.quoted for s.hits.
void quoted_flags(std::string_view t, Scratch& s) {
  const std::vector<Hit>& hits = s.hits;
  std::vector<bool>& quoted = s.quoted;
  quoted.assign(hits.size(), false);
  std::vector<char32_t>& stack = s.quotes;  // open quote characters
  stack.clear();
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
      if (migration::ends_sentence(t, cp, i + len)) return false;
      i += len;
    }
    return true;  // only the nearest reporting phrase counts
  }
  return false;
}

// Does the sentence name a place the act of `role` can go to? A leaving act
// needs a place (Telegram, which it leaves, or any other); the others a place
// that is not Telegram, or "here" pointing at a link; contact_elsewhere a
// messenger (not Telegram, not the web).
bool has_place(PhraseRole role, const migration::SentenceWords& w) {
  const std::uint32_t telegram = place_bit(Platform::telegram), web = place_bit(Platform::web);
  switch (role) {
    case PhraseRole::leaving: return w.places != 0;
    case PhraseRole::contact_elsewhere: return (w.places & ~(telegram | web)) != 0;
    default: return (w.places & ~telegram) != 0 || w.deictic;
  }
}

}  // namespace

AnnouncementDetector::AnnouncementDetector() : impl_(std::make_unique<Impl>()) {}
AnnouncementDetector::~AnnouncementDetector() = default;
AnnouncementDetector::AnnouncementDetector(AnnouncementDetector&&) noexcept = default;
AnnouncementDetector& AnnouncementDetector::operator=(AnnouncementDetector&&) noexcept = default;

bool AnnouncementDetector::may_announce(std::string_view text, bool contact_possible, bool has_links) const {
  if (text.empty()) return false;
  Scratch& s = scratch();
  const std::size_t n = s.fold(text);
  using migration::PhraseScope;
  const PhraseScope scope = !has_links          ? PhraseScope::leaving
                            : contact_possible ? PhraseScope::announcing
                                               : PhraseScope::announcing_no_contact;
  const bool hit = impl_->lexicon.matcher.any(std::string_view(s.folded.get(), n), scope);
  s.release();
  return hit;
}

std::size_t AnnouncementDetector::lexicon_size() const { return impl_->lexicon.entries.size(); }

std::optional<Announcement> AnnouncementDetector::detect(std::string_view text, std::span<const Link> links,
                                                         std::string_view own_chat_hint) const {
  if (text.empty()) return std::nullopt;
  Scratch& s = scratch();
  impl_->find_hits(text, s);
  const std::vector<Hit>& hits = s.hits;
  const bool any = std::any_of(hits.begin(), hits.end(), [](const Hit& h) { return migration::announces(h.role); });
  if (!any) {
    s.release();
    return std::nullopt;
  }
  s.own.parse(own_chat_hint);
  bool quotes_known = false;  // quoted_flags(), once a hit gets that far
  s.in_link.clear();
  const CompiledLexicon& lexicon = impl_->lexicon;
  Search search(text, links, lexicon, s);
  const auto announcement = [&](const Hit& hit, AnnouncementType type, const Link* dest) {
    Announcement a;
    a.type = type;
    a.destination = dest;
    a.phrase = std::string(text.substr(hit.ps, hit.pe - hit.ps));
    a.language = lexicon.entries[hit.entry].language;
    a.phrase_offset = hit.ps;
    return a;
  };
  // The first phrase with a destination wins; else the first departure without one.
  std::optional<Announcement> result;
  for (std::size_t h = 0; h < hits.size(); ++h) {
    const Hit& hit = hits[h];
    if (!migration::announces(hit.role)) continue;
    if (reported(text, hits, h)) continue;
    const PhraseForm form = lexicon.entries[hit.entry].form;
    bool supported = true;  // a composed phrase: by the words of its sentence (or by a destination next to it)
    if (form != PhraseForm::flat) {
      if (s.in_link.empty()) search.mark_hits_in_links(s.in_link);
      if (s.in_link[h]) continue;
      const auto words_in = [&](migration::Sentence span) {
        return migration::sentence_words(hits, s.in_link, lexicon.entries, lexicon.places, span, h);
      };
      const migration::Sentence sn = migration::sentence_around(text, hit.ps, hit.pe);
      const migration::SentenceWords clause = words_in(migration::clause_around(text, hit.ps, hit.pe));
      if (sn.question || clause.deny || clause.howto) continue;
      const migration::SentenceWords words = words_in(sn);
      if (form == PhraseForm::act && !words.who) continue;
      supported = form == PhraseForm::noun ? words.who || words.join : has_place(hit.role, words);
      // A verb that ends its sentence ("Друзі, ми переїжджаємо!") finds its place after it, in its paragraph.
      if (!supported && (hit.role == PhraseRole::move || hit.role == PhraseRole::leaving) &&
          migration::at_most_words(text, hit.pe, sn.end, 1))
        supported = has_place(hit.role, words_in({hit.pe, search.window_after(hit.pe).end, false}));
    }
    // Unsupported, it announces only with its destination next to it.
    const std::size_t near_words = form == PhraseForm::noun ? kNounNextToWords : kActNextToWords;
    if (!supported && (links.empty() || !search.link_next_to(h, near_words))) continue;
    if (!quotes_known) {
      quoted_flags(text, s);
      quotes_known = true;
    }
    if (s.quoted[h]) continue;
    const Link* dest = links.empty() ? nullptr : search.destination(h);
    if (dest && !supported && !search.next_to(h, *dest, near_words)) dest = nullptr;
    if (!dest && !supported) continue;
    if (dest) {
      // A departure that points somewhere is a move.
      const AnnouncementType type =
          hit.role == PhraseRole::leaving ? AnnouncementType::move : static_cast<AnnouncementType>(hit.role);
      result = announcement(hit, type, dest);
      break;
    }
    if (hit.role == PhraseRole::leaving && !result) result = announcement(hit, AnnouncementType::leaving, nullptr);
  }
  s.release();
  return result;
}

}  // namespace linkdrift
