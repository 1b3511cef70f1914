#include "linkdrift/report/report_builder.h"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "linkdrift/base/calendar.h"
#include "linkdrift/base/text_util.h"
#include "linkdrift/migration/outcome.h"
#include "linkdrift/report/buckets.h"
#include "linkdrift/report/chat_directory.h"
#include "linkdrift/report/counting.h"
#include "linkdrift/report/events.h"
#include "linkdrift/report/graph.h"
#include "linkdrift/report/lifecycle.h"
#include "linkdrift/store/intern_index.h"

namespace linkdrift {
namespace {

// Distinct keys below the largest Key (e.g. bucket * targets + target id):
// open addressing, linear probing, at most 3/4 full, no per-key nodes.
template <class Key>
class SeenSet {
 public:
  bool insert(Key key) {
    if ((count_ + 1) * 4 > slots_.size() * 3) grow();
    const Key stored = key + 1;  // 0 marks an empty slot
    std::size_t i = static_cast<std::size_t>(detail::mix64(key)) & mask_;
    for (;;) {
      const Key s = slots_[i];
      if (s == stored) return false;
      if (s == 0) {
        slots_[i] = stored;
        ++count_;
        return true;
      }
      i = (i + 1) & mask_;
    }
  }

 private:
  void grow() {
    std::vector<Key> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    mask_ = slots_.size() - 1;
    for (const Key s : old) {
      if (s == 0) continue;
      std::size_t i = static_cast<std::size_t>(detail::mix64(s - 1)) & mask_;
      while (slots_[i] != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Key> slots_;
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

// Distinct (bucket, target id) pairs: 32-bit keys while buckets x targets fit.
class PairSet {
 public:
  explicit PairSet(std::size_t buckets = 0, std::size_t targets = 0)
      : targets_(targets), narrow_(static_cast<std::uint64_t>(buckets) * targets < std::numeric_limits<std::uint32_t>::max()) {}
  bool insert(std::size_t bucket, std::uint32_t target) {
    const std::uint64_t key = static_cast<std::uint64_t>(bucket) * targets_ + target;
    return narrow_ ? narrow_set_.insert(static_cast<std::uint32_t>(key)) : wide_set_.insert(key);
  }

 private:
  std::uint64_t targets_;
  bool narrow_;
  SeenSet<std::uint32_t> narrow_set_;
  SeenSet<std::uint64_t> wide_set_;
};

// A top target's details, from a second pass over the rows.
struct TargetDetail {
  std::int64_t first_seen = 0;
  std::int64_t last_seen = 0;
  std::uint64_t chats = 0;
  std::int64_t last_chat = -1;
};

// Accumulates everything in one pass over the corpus' rows.
class ReportPass {
 public:
  ReportPass(const Corpus& corpus, const ReportOptions& options)
      : corpus_(corpus), o_(options), target_records_(corpus.targets().size()),
        first_bucket_(corpus.targets().size()),
        seen_all_(corpus.targets().size()), seen_nosig_(corpus.targets().size()),
        kind_targets_(corpus.targets().size()) {}

  Report run() {
    Report report;
    for (const ChatData& chat : corpus_.chats()) any_announcements_ = any_announcements_ || !chat.announcements.empty();
    signatures_.resize(corpus_.chats().size());
    for (const ChatData& chat : corpus_.chats()) {
      chat_buckets_.push_back(messages_per_bucket(chat, o_));
      if (!chat_buckets_.back().empty()) {
        min_bucket_ = std::min(min_bucket_, chat_buckets_.back().begin()->first);
        max_bucket_ = std::max(max_bucket_, chat_buckets_.back().rbegin()->first);
      }
    }
    const std::size_t nbuckets = max_bucket_ >= min_bucket_ ? static_cast<std::size_t>(max_bucket_ - min_bucket_ + 1) : 0;
    bucket_messages_.assign(nbuckets, 0);
    series_.assign(nbuckets, {});
    series_targets_ = PairSet(nbuckets, corpus_.targets().size());
    for (std::size_t i = 0; i < corpus_.chats().size(); ++i)
      report.chats.push_back(chat_pass(static_cast<std::int64_t>(i), chat_buckets_[i]));

    const ChatDirectory directory(corpus_, signatures_, o_.successor_birth_days);
    directory_ = &directory;
    report.options = o_;
    report.files = files();
    report.totals = totals();
    report.platforms = platforms();
    report.buckets = SeriesReport{min_bucket_, std::move(bucket_messages_), std::move(series_)};
    report.top_targets = top_targets();
    std::vector<std::optional<ChatLifecycle>> lifecycles = chat_lifecycles(corpus_, o_, directory);
    for (std::size_t i = 0; i < lifecycles.size(); ++i) report.chats[i].lifecycle = std::move(lifecycles[i]);
    report.announcements = announcements();
    report.outcomes = outcomes(report.chats);
    report.events = event_reports(corpus_, o_, signatures_, o_.bucket == Bucket::month ? &chat_buckets_ : nullptr);
    report.graph = graph_report(corpus_, o_, signatures_, directory);
    return report;
  }

 private:
  struct PerChat : ChatSignature {
    std::array<std::map<std::int64_t, std::uint64_t>, kPlatformCount> records_per_bucket;
    std::array<std::uint64_t, kPlatformCount> records{};
  };

  ChatReport chat_pass(std::int64_t chat_index, const std::map<std::int64_t, std::uint64_t>& buckets) {
    const ChatData& chat = corpus_.chats()[static_cast<std::size_t>(chat_index)];
    std::uint64_t counted = 0;
    for (const auto& [ord, n] : buckets) {
      counted += n;
      bucket_messages_[static_cast<std::size_t>(ord - min_bucket_)] += n;
    }
    messages_ += counted;
    PerChat pc;
    static_cast<ChatSignature&>(pc) = chat_signature(corpus_, chat, counted, o_);
    for (std::uint32_t t : pc.signature) ++signature_chats_[t];
    signatures_[static_cast<std::size_t>(chat_index)] = pc.signature;

    const RowRange rows = corpus_.links(chat);
    for (std::size_t begin = 0; begin < rows.size();) {
      std::size_t end = begin + 1;
      while (end < rows.size() && !(rows[end].flags & LinkRow::kFirstOfMessage)) ++end;
      message_pass(pc, rows, begin, end);
      begin = end;
    }
    return chat_report(chat, pc, buckets);
  }

  // One message's rows [first, last) of `rows`.
  void message_pass(PerChat& pc, const RowRange& rows, std::size_t first, std::size_t last) {
    if (!row_counted(rows[first], o_)) return;  // all rows of a message share date and flags
    const std::int64_t date = rows[first].date();
    // Rows come from counted messages, whose buckets span [min_bucket_, max_bucket_];
    // a row outside (a corpus breaking that contract) is skipped, never indexed.
    const std::int64_t ordinal = bucket_ordinal(date, o_.tz_offset_minutes, o_.bucket);
    if (ordinal < min_bucket_ || ordinal > max_bucket_) return;
    const auto b = static_cast<std::size_t>(ordinal - min_bucket_);
    std::uint32_t plat_all = 0, plat_nosig = 0, plat_series = 0;
    std::vector<std::uint32_t>& kinds_seen = kinds_seen_;
    kinds_seen.clear();
    ++messages_with_links_;
    for (std::size_t i = first; i != last; ++i) {
      const LinkRow* row = &rows[i];
      const TargetEntry& t = corpus_.targets()[row->target];
      const auto p = static_cast<std::size_t>(t.platform);
      const std::uint32_t pbit = 1u << p;
      const bool sig = pc.signature.count(row->target) != 0;
      const std::uint32_t kind_key = static_cast<std::uint32_t>(p) * kKindCount + static_cast<std::uint32_t>(t.kind);

      count(all_[p], plat_all, pbit, seen_all_, row->target);
      Counts& kc = kinds_[kind_key];
      ++kc.link_records;
      if (std::find(kinds_seen.begin(), kinds_seen.end(), kind_key) == kinds_seen.end()) {
        kinds_seen.push_back(kind_key);
        ++kc.messages;
      }
      if (!kind_targets_[row->target]) {  // a target has one kind: distinct per kind = distinct overall
        kind_targets_[row->target] = true;
        ++kc.targets;
      }
      if (!sig) count(nosig_[p], plat_nosig, pbit, seen_nosig_, row->target);
      if (sig && o_.exclude_signature) continue;

      Counts& sc = series_[b][p];
      ++sc.link_records;
      if (!(plat_series & pbit)) { plat_series |= pbit; ++sc.messages; }
      // Distinct (bucket, target) pairs: a target's first bucket is kept per
      // target, so the set holds only the pairs of later buckets.
      std::uint32_t& first_bucket = first_bucket_[row->target];
      if (first_bucket == 0) {
        first_bucket = static_cast<std::uint32_t>(b) + 1;
        ++sc.targets;
      } else if (first_bucket != b + 1 && series_targets_.insert(b, row->target)) {
        ++sc.targets;
      }
      ++pc.records[p];
      ++pc.records_per_bucket[p][static_cast<std::int64_t>(b) + min_bucket_];
      ++target_records_[row->target];
    }
  }

  // Rows counted in series and top targets (a signature row is left out when
  // excluded; signatures_ holds each chat's).
  template <class Fn>
  void for_each_top_row(Fn&& fn) const {
    for (std::size_t i = 0; i < corpus_.chats().size(); ++i)
      for (const LinkRow& row : corpus_.links(corpus_.chats()[i]))
        if (row_counted(row, o_) && !(o_.exclude_signature && signatures_[i].count(row.target))) fn(i, row);
  }

  static void count(Counts& c, std::uint32_t& message_platforms, std::uint32_t pbit,
                    std::vector<bool>& seen, std::uint32_t target) {
    ++c.link_records;
    if (!(message_platforms & pbit)) { message_platforms |= pbit; ++c.messages; }
    if (!seen[target]) { seen[target] = true; ++c.targets; }
  }

  ChatReport chat_report(const ChatData& chat, const PerChat& pc, const std::map<std::int64_t, std::uint64_t>& buckets) const {
    ChatReport r;
    r.file = corpus_.files()[chat.file].name;
    r.index = chat.info.index;
    r.id = chat.info.id;
    r.name = chat.info.name;
    r.type = chat.info.type;
    r.partial = chat.partial;
    r.messages = pc.counted_messages;
    r.service_messages = chat.service_messages;
    if (!buckets.empty()) {
      r.first_date = first_date(chat);
      r.last_date = last_date(chat);
    }
    r.messages_per_bucket = buckets;
    r.link_records = pc.records;
    r.link_records_per_bucket = pc.records_per_bucket;

    std::vector<std::pair<std::uint32_t, std::uint64_t>> ranked, signature;
    for (const auto& [t, n] : pc.target_messages)
      if (!(o_.exclude_signature && pc.signature.count(t))) ranked.emplace_back(t, n);
    for (std::uint32_t t : pc.signature) signature.emplace_back(t, pc.target_messages.at(t));
    r.signature_targets = target_list(sorted_targets(std::move(signature)), pc.counted_messages);
    r.top_targets = target_list(sorted_targets(std::move(ranked)), 0);
    return r;
  }

  // Sorted by count desc, then platform, kind, target; cut to top_targets.
  std::vector<std::pair<std::uint32_t, std::uint64_t>> sorted_targets(
      std::vector<std::pair<std::uint32_t, std::uint64_t>> v) const {
    const TargetTable& tt = corpus_.targets();
    const auto before = [&](const auto& a, const auto& b) {
      if (a.second != b.second) return a.second > b.second;
      const TargetEntry& x = tt[a.first];
      const TargetEntry& y = tt[b.first];
      if (x.platform != y.platform) return x.platform < y.platform;
      if (x.kind != y.kind) return x.kind < y.kind;
      return x.target < y.target;
    };
    // A strict total order (target triples are distinct), so the top N of a
    // partial sort are exactly the first N of a full sort.
    const auto keep = static_cast<std::size_t>(std::max(o_.top_targets, 0));
    if (v.size() > keep) {
      std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(keep), v.end(), before);
      v.resize(keep);
    } else {
      std::sort(v.begin(), v.end(), before);
    }
    return v;
  }

  // With share_of > 0, each entry also gets its share of share_of messages.
  std::vector<TargetCount> target_list(const std::vector<std::pair<std::uint32_t, std::uint64_t>>& v, std::uint64_t share_of) const {
    std::vector<TargetCount> out;
    for (const auto& [t, n] : v) {
      const TargetEntry& e = corpus_.targets()[t];
      TargetCount& c = out.emplace_back(TargetCount{e.platform, e.kind, std::string(e.target), n, std::nullopt});
      if (share_of > 0)
        c.share = static_cast<double>(static_cast<std::uint64_t>(static_cast<double>(n) * 10000.0 / static_cast<double>(share_of) + 0.5)) / 10000.0;
    }
    return out;
  }

  // The first/last counted message date: exact when the chat's extreme
  // message is counted, else at minute resolution (histogram). Chat must
  // have a counted message.
  std::int64_t first_date(const ChatData& chat) const {
    std::int64_t m = std::numeric_limits<std::int64_t>::max();
    chat.message_times.for_each_run([&](std::int64_t minute, std::uint32_t) {
      if (in_range(minute * 60, o_)) m = std::min(m, minute);
    });
    return m == floor_div(chat.first_date, 60) ? chat.first_date : m * 60;
  }
  std::int64_t last_date(const ChatData& chat) const {
    std::int64_t m = std::numeric_limits<std::int64_t>::min();
    chat.message_times.for_each_run([&](std::int64_t minute, std::uint32_t) {
      if (in_range(minute * 60, o_)) m = std::max(m, minute);
    });
    return m == floor_div(chat.last_date, 60) ? chat.last_date : m * 60;
  }

  std::vector<FileReport> files() const {
    std::vector<FileReport> out;
    for (std::size_t f = 0; f < corpus_.files().size(); ++f) {
      const FileData& file = corpus_.files()[f];
      FileReport& r = out.emplace_back();
      r.name = file.name;
      r.format = file.format;
      r.bytes = file.bytes;
      r.chats = file.continues_chat ? 1 : 0;  // a later HTML page: the chat of the page before
      for (const ChatData& c : corpus_.chats()) r.chats += c.file == f;
      r.messages = file.messages;
      if (file.has_error) r.error = FileReport::Error{file.error_offset, file.error_message};
      r.skipped = file.skipped;
      r.continues_chat = file.continues_chat;
      if (file.assumed_zone) r.assumed_utc_offset_minutes = file.assumed_utc_offset_minutes;
    }
    return out;
  }

  Totals totals() const {
    std::uint64_t service = 0, forwarded = 0;
    std::int64_t first = std::numeric_limits<std::int64_t>::max(), last = std::numeric_limits<std::int64_t>::min();
    for (std::size_t i = 0; i < corpus_.chats().size(); ++i) {
      const ChatData& c = corpus_.chats()[i];
      service += c.service_messages;
      c.forwarded_times.for_each_run([&](std::int64_t minute, std::uint32_t n) {
        if (in_range(minute * 60, o_)) forwarded += n;
      });
      if (!chat_buckets_[i].empty()) {
        first = std::min(first, first_date(c));
        last = std::max(last, last_date(c));
      }
    }
    std::uint64_t records = 0, records_nosig = 0;
    for (std::size_t p = 0; p < kPlatformCount; ++p) {
      records += all_[p].link_records;
      records_nosig += nosig_[p].link_records;
    }
    Totals t;
    t.files = corpus_.files().size();
    for (const FileData& f : corpus_.files()) {
      t.files_with_errors += f.has_error;
      t.files_skipped += !f.skipped.empty();
    }
    t.chats = corpus_.chats().size();
    t.messages = messages_;
    t.service_messages = service;
    t.forwarded_messages = forwarded;
    t.messages_with_links = messages_with_links_;
    t.link_records = records;
    t.link_records_without_signature = records_nosig;
    if (first <= last && messages_ > 0) {
      t.first_date = first;
      t.last_date = last;
    }
    return t;
  }

  std::array<PlatformReport, kPlatformCount> platforms() const {
    std::array<PlatformReport, kPlatformCount> out;
    for (std::size_t p = 0; p < kPlatformCount; ++p) {
      out[p] = PlatformReport{static_cast<Platform>(p), all_[p], nosig_[p], {}};
      for (std::size_t k = 0; k < kKindCount; ++k) {
        const auto it = kinds_.find(static_cast<std::uint32_t>(p * kKindCount + k));
        if (it != kinds_.end()) out[p].kinds.emplace_back(static_cast<Kind>(k), it->second);
      }
    }
    return out;
  }

  std::array<std::vector<TopTarget>, kPlatformCount> top_targets() const {
    // Each platform's candidates are cut back to the top N whenever they reach
    // 2N + 64: memory stays O(N) however many targets there are.
    const std::size_t cut_at = 2 * static_cast<std::size_t>(std::max(o_.top_targets, 0)) + 64;
    std::array<std::vector<std::pair<std::uint32_t, std::uint64_t>>, kPlatformCount> per_platform;
    for (std::uint32_t t = 0; t < target_records_.size(); ++t) {
      if (target_records_[t] == 0) continue;
      auto& v = per_platform[static_cast<std::size_t>(corpus_.targets()[t].platform)];
      v.emplace_back(t, target_records_[t]);
      if (v.size() >= cut_at) v = sorted_targets(std::move(v));
    }
    // The details of the listed targets only: a second pass over the rows.
    std::unordered_map<std::uint32_t, TargetDetail> details;
    for (auto& v : per_platform) {
      v = sorted_targets(std::move(v));
      for (const auto& entry : v) details[entry.first];
    }
    for_each_top_row([&](std::size_t chat, const LinkRow& row) {
      const auto it = details.find(row.target);
      if (it == details.end()) return;
      TargetDetail& d = it->second;
      const bool first = d.last_chat < 0;
      if (first || row.date() < d.first_seen) d.first_seen = row.date();
      if (first || row.date() > d.last_seen) d.last_seen = row.date();
      if (d.last_chat != static_cast<std::int64_t>(chat)) { d.last_chat = static_cast<std::int64_t>(chat); ++d.chats; }
    });
    std::array<std::vector<TopTarget>, kPlatformCount> out;
    std::string url;  // scratch for urls rebuilt from their form
    for (std::size_t p = 0; p < kPlatformCount; ++p) {
      for (const auto& [t, n] : per_platform[p]) {
        const TargetEntry& e = corpus_.targets()[t];
        const TargetDetail& d = details.at(t);
        const auto sig = signature_chats_.find(t);
        out[p].push_back(TopTarget{e.kind, std::string(e.target), std::string(corpus_.url(e.example_url, e.target, url)),
                                   n, d.chats, sig == signature_chats_.end() ? 0 : sig->second,
                                   d.first_seen, d.last_seen});
      }
    }
    return out;
  }

  std::vector<AnnouncementReport> announcements() const {
    std::vector<AnnouncementReport> out;
    for (std::size_t i = 0; i < corpus_.chats().size(); ++i) {
      const ChatData& chat = corpus_.chats()[i];
      for (const AnnouncementRow* a : counted_announcements(chat, o_)) {
        std::optional<AnnouncedTarget> destination;
        if (a->has_destination()) {
          const TargetEntry& t = corpus_.targets()[a->target];
          destination = AnnouncedTarget{t.platform, t.kind, std::string(t.target)};
        }
        out.push_back(AnnouncementReport{{i, chat.info.id, chat.info.name}, a->message_id, a->date, a->type,
                                         std::move(destination), a->phrase, a->language});
      }
    }
    return out;
  }

  struct Continuation {
    std::int64_t chat = -1;  // -1: none
    ContinuedBy rule = ContinuedBy::destination;
  };

  // The first other chat that continues chat `i` after its announcements `as`
  // (first at `first`): a chat a Telegram destination names (ChatDirectory, its
  // "born with the announcement" rule told apart), or a chat with messages after
  // `first` whose name contains chat i's name; else the best successor of
  // chat i's lifecycle (it ended: lifecycle.h).
  Continuation continued_in(std::size_t i, const std::vector<const AnnouncementRow*>& as, std::int64_t first,
                            const std::optional<ChatLifecycle>& lifecycle) const {
    const auto self = static_cast<std::uint32_t>(i);
    Continuation found;
    auto consider = [&](std::uint32_t j, ContinuedBy rule) {
      if (!directory_->same_chat(self, j) && (found.chat < 0 || j < found.chat)) found = {j, rule};
    };
    for (const AnnouncementRow* a : as) {
      if (!a->has_destination()) continue;
      const TargetEntry& t = corpus_.targets()[a->target];
      const ContinuedBy rule = directory_->born_with_announcement(t) ? ContinuedBy::born_with_announcement : ContinuedBy::destination;
      for (const std::uint32_t j : directory_->chats_named_by(t)) consider(j, rule);
    }
    const std::string old_name = text::to_lower(corpus_.chats()[i].info.name);
    for (std::uint32_t j = 0; j < corpus_.chats().size(); ++j) {
      const ChatData& c = corpus_.chats()[j];
      const std::string cname = text::to_lower(c.info.name);
      if (!old_name.empty() && cname.size() > old_name.size() && cname.find(old_name) != std::string::npos &&
          c.messages > 0 && c.last_date > first)
        consider(j, ContinuedBy::same_name);
    }
    if (found.chat < 0 && lifecycle && !lifecycle->successors.empty())
      found = {lifecycle->successors.front().chat, ContinuedBy::successor};
    return found;
  }

  // A: the first move/backup/new_channel/leaving announcement; the first contact_elsewhere
  // only if the chat has nothing else (a contact line recurs in ordinary posts and
  // would date a later move too early).
  static std::int64_t first_announcement(const std::vector<const AnnouncementRow*>& as) {
    std::int64_t first = std::numeric_limits<std::int64_t>::max(), first_contact = first;
    for (const AnnouncementRow* a : as) {
      std::int64_t& slot = a->type == AnnouncementType::contact_elsewhere ? first_contact : first;
      slot = std::min(slot, a->date);
    }
    return first != std::numeric_limits<std::int64_t>::max() ? first : first_contact;
  }

  // chats: the report's, with their lifecycles.
  std::vector<OutcomeReport> outcomes(const std::vector<ChatReport>& chats) const {
    std::vector<OutcomeReport> out;
    if (!any_announcements_) return out;
    std::int64_t corpus_end = std::numeric_limits<std::int64_t>::min();  // the corpus' last message
    for (const ChatData& c : corpus_.chats())
      if (c.messages > 0) corpus_end = std::max(corpus_end, c.last_date);
    const std::int64_t end_minute = floor_div(corpus_end, 60);
    constexpr std::int64_t kDay = 1440;  // minutes
    const migration::OutcomeThresholds thresholds{o_.outcome_stayed_ratio, o_.outcome_pause_days,
                                                  o_.outcome_pause_vs_before, o_.outcome_silent_within_days,
                                                  o_.outcome_silent_end_days};
    for (std::size_t i = 0; i < corpus_.chats().size(); ++i) {
      const ChatData& chat = corpus_.chats()[i];
      const std::vector<const AnnouncementRow*> as = counted_announcements(chat, o_);
      if (as.empty()) continue;
      const std::int64_t first = first_announcement(as);
      const std::int64_t am = floor_div(first, 60);

      // The chat's messages per minute (forwarded ones left out when excluded), sorted.
      std::map<std::int64_t, std::int64_t> minutes;
      chat.message_times.for_each_run([&](std::int64_t m, std::uint32_t n) { minutes[m] += n; });
      if (!o_.include_forwarded)
        chat.forwarded_times.for_each_run([&](std::int64_t m, std::uint32_t n) { minutes[m] -= n; });
      const migration::ActivityAround a = migration::activity_around(minutes, am);
      const std::int64_t last_date = a.last_minute == floor_div(chat.last_date, 60) ? chat.last_date : a.last_minute * 60;
      const Continuation cont = continued_in(i, as, first, chats[i].lifecycle);
      OutcomeReport& r = out.emplace_back();
      r.chat = {i, chat.info.id, chat.info.name};
      r.announcements = as.size();
      r.first_announcement = first;
      r.messages_before_30d = a.before_30d;
      r.messages_after_30d = a.after_30d;
      r.messages_before_90d = a.before_90d;
      r.messages_after_90d = a.after_90d;
      r.longest_silence_days = a.longest_gap / kDay;
      r.longest_silence_before_days = a.longest_gap_before / kDay;
      r.last_date = last_date;
      r.days_to_corpus_end = (end_minute - a.last_minute) / kDay;
      r.outcome = migration::classify_outcome(a, am, end_minute, thresholds, cont.chat >= 0);
      if (cont.chat >= 0) {
        r.continued_in = static_cast<std::uint32_t>(cont.chat);
        r.continued_by = cont.rule;
      }
    }
    return out;
  }

  const Corpus& corpus_;
  const ReportOptions& o_;
  bool any_announcements_ = false;
  std::vector<std::unordered_set<std::uint32_t>> signatures_;  // per chat
  const ChatDirectory* directory_ = nullptr;                    // during run()
  std::vector<std::map<std::int64_t, std::uint64_t>> chat_buckets_;  // counted messages per bucket, per chat
  // Per target, 12 bytes: counted records (series/top) and the first series
  // bucket it was counted in + 1 (0: none); signature chats for the few
  // signature targets.
  std::vector<std::uint64_t> target_records_;
  std::vector<std::uint32_t> first_bucket_;
  std::unordered_map<std::uint32_t, std::uint32_t> signature_chats_;
  std::vector<bool> seen_all_, seen_nosig_;
  std::array<Counts, kPlatformCount> all_{}, nosig_{};
  std::map<std::uint32_t, Counts> kinds_;  // key: platform * kKindCount + kind
  std::vector<bool> kind_targets_;
  std::vector<std::uint32_t> kinds_seen_;  // scratch for message_pass
  std::vector<std::array<Counts, kPlatformCount>> series_;
  PairSet series_targets_;
  std::vector<std::uint64_t> bucket_messages_;
  std::int64_t min_bucket_ = std::numeric_limits<std::int64_t>::max();
  std::int64_t max_bucket_ = std::numeric_limits<std::int64_t>::min();
  std::uint64_t messages_ = 0;
  std::uint64_t messages_with_links_ = 0;
};

}  // namespace

Report build_report(const Corpus& corpus, const ReportOptions& options) {
  return ReportPass(corpus, options).run();
}

}  // namespace linkdrift
