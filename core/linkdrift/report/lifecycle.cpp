#include "linkdrift/report/lifecycle.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <cstdlib>
#include <limits>
#include <string>

#include "linkdrift/base/calendar.h"
#include "linkdrift/base/text_util.h"
#include "linkdrift/migration/normalize.h"
#include "linkdrift/migration/phrase_matcher.h"
#include "linkdrift/report/counting.h"

namespace linkdrift {
namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kCloseDays = 7;  // a successor beginning this close earns a point

// Cyrillic (folded: lowercase, ё → е) to Latin, for comparing names.
std::string_view latin(char32_t cp) {
  static constexpr std::array<std::string_view, 32> kRu = {
      "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
      "r", "s", "t", "u", "f", "h", "c", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya"};
  if (cp >= 0x430 && cp <= 0x44F) return kRu[cp - 0x430];
  switch (cp) {
    case 0x456: return "i";   // і
    case 0x457: return "yi";  // ї
    case 0x454: return "ye";  // є
    case 0x491: return "g";   // ґ
    default: return {};
  }
}

// Words that say what a chat is, not whose (folded, transliterated).
bool generic_word(std::string_view w) {
  static constexpr std::string_view kGeneric[] = {
      "official", "officiel", "oficial", "channel", "chanel", "chat", "group", "grupo", "groupe", "canal", "kanal",
      "new", "novo", "nuevo", "nouveau", "yeni", "baru", "backup", "reserve", "mirror", "the", "tg", "telegram",
      "reborn", "oficialnyy", "novyy", "novyi", "rezervnyy", "zapasnoy", "gruppa", "قناه", "القناه", "الرسميه",
      "كانال", "ערוץ", "הערוץ", "频道", "官方", "頻道"};
  return std::find(std::begin(kGeneric), std::end(kGeneric), w) != std::end(kGeneric);
}

// The name's words, folded and transliterated, generic ones dropped; sorted, unique.
std::vector<std::string> name_words(std::string_view name) {
  const std::string folded = migration::fold(name);
  std::vector<std::string> words;
  std::string w;
  const auto flush = [&] {
    if (!w.empty() && !generic_word(w)) words.push_back(w);
    w.clear();
  };
  for (std::size_t i = 0; i < folded.size();) {
    char32_t cp = 0;
    const std::size_t len = text::utf8_decode(folded, i, cp);
    if (migration::is_non_word(cp)) {
      flush();
    } else if (const std::string_view l = latin(cp); !l.empty() || (cp >= 0x430 && cp <= 0x44F)) {
      w += l;
    } else {
      w.append(folded, i, len);
    }
    i += len;
  }
  flush();
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

// Whether two names' name_words() match loosely (names_match_loosely()).
bool words_match_loosely(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const std::vector<std::string>& x = a.size() <= b.size() ? a : b;
  const std::vector<std::string>& y = a.size() <= b.size() ? b : a;
  if (x.empty() || !std::includes(y.begin(), y.end(), x.begin(), x.end())) return false;
  return std::any_of(x.begin(), x.end(), [](const std::string& w) { return w.size() >= 3; });
}

// Per chat, computed on first need: the loaded chats its counted link rows name.
class NamedChats {
 public:
  NamedChats(const Corpus& corpus, const ReportOptions& o, const ChatDirectory& directory)
      : corpus_(corpus), o_(o), directory_(directory), of_chat_(corpus.chats().size()),
        done_(corpus.chats().size(), false) {}

  bool names(std::uint32_t from, std::uint32_t to) {
    const std::vector<std::uint32_t>& v = of(from);
    return std::binary_search(v.begin(), v.end(), to);
  }

 private:
  const std::vector<std::uint32_t>& of(std::uint32_t c) {
    std::vector<std::uint32_t>& out = of_chat_[c];
    if (done_[c]) return out;
    done_[c] = true;
    for (const LinkRow& row : corpus_.links(corpus_.chats()[c])) {
      if (!row_counted(row, o_)) continue;
      const TargetEntry& t = corpus_.targets()[row.target];
      if (t.platform != Platform::telegram) continue;
      for (const std::uint32_t j : directory_.chats_named_by(t))
        if (!directory_.same_chat(c, j)) out.push_back(j);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  const Corpus& corpus_;
  const ReportOptions& o_;
  const ChatDirectory& directory_;
  std::vector<std::vector<std::uint32_t>> of_chat_;
  std::vector<bool> done_;
};

// A chat's counted activity.
struct Activity {
  bool any = false;
  std::int64_t first = 0, last = 0;  // seconds (minute precision, the exact extremes when they agree)
  std::int64_t longest_gap = 0, gap_from = 0;
};

Activity activity_of(const ChatData& chat, const ReportOptions& o) {
  Activity a;
  const std::map<std::int64_t, std::int64_t> minutes = counted_minutes(chat, o);
  if (minutes.empty()) return a;
  a.any = true;
  std::int64_t prev = minutes.begin()->first;
  for (const auto& [m, n] : minutes) {
    if (m - prev > a.longest_gap) {
      a.longest_gap = m - prev;
      a.gap_from = prev;
    }
    prev = m;
  }
  const auto exact = [](std::int64_t minute, std::int64_t date) { return floor_div(date, 60) == minute ? date : minute * 60; };
  a.first = exact(minutes.begin()->first, chat.first_date);
  a.last = exact(minutes.rbegin()->first, chat.last_date);
  a.longest_gap *= 60;
  a.gap_from *= 60;
  return a;
}

}  // namespace

bool names_match_loosely(std::string_view a, std::string_view b) {
  return words_match_loosely(name_words(a), name_words(b));
}

std::vector<std::optional<ChatLifecycle>> chat_lifecycles(const Corpus& corpus, const ReportOptions& o,
                                                          const ChatDirectory& directory) {
  const std::vector<ChatData>& chats = corpus.chats();
  std::vector<Activity> act;
  act.reserve(chats.size());
  std::int64_t corpus_end = std::numeric_limits<std::int64_t>::min();
  for (const ChatData& c : chats) {
    act.push_back(activity_of(c, o));
    if (act.back().any) corpus_end = std::max(corpus_end, act.back().last);
  }
  NamedChats named(corpus, o, directory);
  std::vector<std::vector<std::string>> words;  // per chat: name_words() of its name
  words.reserve(chats.size());
  for (const ChatData& c : chats) words.push_back(name_words(c.info.name));
  std::vector<std::uint32_t> by_first;  // chats with counted messages, by first message
  for (std::uint32_t j = 0; j < chats.size(); ++j)
    if (act[j].any) by_first.push_back(j);
  std::stable_sort(by_first.begin(), by_first.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return act[x].first < act[y].first; });
  std::vector<std::optional<ChatLifecycle>> out(chats.size());
  for (std::uint32_t i = 0; i < chats.size(); ++i) {
    const Activity& a = act[i];
    if (!a.any) continue;
    ChatLifecycle& l = out[i].emplace();
    l.active_days = (a.last - a.first) / kDay;
    l.longest_silence_days = a.longest_gap / kDay;
    if (a.longest_gap > 0) l.longest_silence_from = a.gap_from;
    l.days_to_corpus_end = (corpus_end - a.last) / kDay;
    l.ended = l.days_to_corpus_end >= o.outcome_silent_end_days;

    const std::vector<const AnnouncementRow*> announced = counted_announcements(chats[i], o);
    const auto announced_names = [&](std::uint32_t j) {
      for (const AnnouncementRow* r : announced) {
        if (!r->has_destination()) continue;
        const std::vector<std::uint32_t>& v = directory.chats_named_by(corpus.targets()[r->target]);
        if (std::find(v.begin(), v.end(), j) != v.end()) return true;
      }
      return false;
    };
    for (const AnnouncementRow* r : announced) {
      if (r->type != AnnouncementType::backup || !r->has_destination()) continue;
      const TargetEntry& t = corpus.targets()[r->target];
      if (t.platform != Platform::telegram) continue;
      if (std::any_of(l.backups.begin(), l.backups.end(), [&](const BackupChannel& b) { return b.target == t.target; }))
        continue;
      BackupChannel& b = l.backups.emplace_back();
      b.kind = t.kind;
      b.target = std::string(t.target);
      for (const std::uint32_t j : directory.chats_named_by(t))
        if (!directory.same_chat(i, j)) {
          b.chat = j;
          break;
        }
      b.posting_moved = l.ended && b.chat && act[*b.chat].any && act[*b.chat].last > a.last;
    }
    if (!l.ended) continue;
    const std::int64_t window = static_cast<std::int64_t>(o.successor_window_days) * kDay;
    const auto from = std::lower_bound(by_first.begin(), by_first.end(), a.last - window,
                                       [&](std::uint32_t j, std::int64_t t) { return act[j].first < t; });
    for (auto it = from; it != by_first.end() && act[*it].first <= a.last + window; ++it) {
      const std::uint32_t j = *it;
      const Activity& b = act[j];
      if (j == i || directory.same_chat(i, j) || b.last <= a.last) continue;
      const std::int64_t gap = b.first - a.last;
      SuccessorCandidate c;
      c.chat = j;
      c.gap_days = gap / kDay;
      if (announced_names(j)) {
        c.evidence.push_back(SuccessorEvidence::announced);
        c.score += 4;
      }
      if (words_match_loosely(words[i], words[j])) {
        c.evidence.push_back(SuccessorEvidence::name);
        c.score += 3;
      }
      if (named.names(j, i) || named.names(i, j)) {
        c.evidence.push_back(SuccessorEvidence::cross_link);
        c.score += 2;
      }
      if (c.evidence.empty()) continue;
      if (std::llabs(gap) <= kCloseDays * kDay) ++c.score;
      l.successors.push_back(std::move(c));
    }
    std::sort(l.successors.begin(), l.successors.end(), [&](const SuccessorCandidate& x, const SuccessorCandidate& y) {
      if (x.score != y.score) return x.score > y.score;
      if (std::llabs(x.gap_days) != std::llabs(y.gap_days)) return std::llabs(x.gap_days) < std::llabs(y.gap_days);
      return x.chat < y.chat;
    });
    if (l.successors.size() > kMaxSuccessors) l.successors.resize(kMaxSuccessors);
  }
  return out;
}

}  // namespace linkdrift
