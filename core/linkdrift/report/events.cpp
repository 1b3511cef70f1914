#include "linkdrift/report/events.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "linkdrift/base/calendar.h"
#include "linkdrift/report/buckets.h"
#include "linkdrift/report/counting.h"

namespace linkdrift {
namespace {

struct MonthCounts {
  std::uint64_t messages = 0;
  std::array<std::uint64_t, kPlatformCount> records{};
};

// Counts for the month ordinals [lo, lo + months.size()) and the first/last
// month with a counted message (first > last: none).
struct Months {
  std::vector<MonthCounts> months;
  std::int64_t first = std::numeric_limits<std::int64_t>::max();
  std::int64_t last = std::numeric_limits<std::int64_t>::min();
};

// (after/months_after - before/months_before) / (before/months_before) in %,
// one decimal; none without a "before" rate to compare with.
std::optional<double> change_pct(std::uint64_t before, std::uint64_t after, int months_before, int months_after) {
  if (before == 0 || months_before == 0 || months_after == 0) return std::nullopt;
  const double rate_before = static_cast<double>(before) / months_before;
  const double rate_after = static_cast<double>(after) / months_after;
  return std::round((rate_after - rate_before) / rate_before * 1000.0) / 10.0;
}

class EventsPass {
 public:
  EventsPass(const Corpus& corpus, const ReportOptions& o, const std::vector<std::unordered_set<std::uint32_t>>& signatures,
             const std::vector<std::map<std::int64_t, std::uint64_t>>* month_messages)
      : corpus_(corpus), o_(o), signatures_(signatures), month_messages_(month_messages) {
    month_options_ = o;
    month_options_.bucket = Bucket::month;
    for (const EventMarker& e : o.events) {
      const std::int64_t m = event_month(e);
      lo_ = std::min(lo_, m - o.event_window_months);
      hi_ = std::max(hi_, m + o.event_window_months);
    }
  }

  std::vector<EventReport> run() {
    std::vector<EventReport> out;
    if (o_.events.empty()) return out;
    std::vector<Months> chats;
    Months overall;
    overall.months.resize(static_cast<std::size_t>(hi_ - lo_ + 1));
    for (std::size_t i = 0; i < corpus_.chats().size(); ++i) {
      chats.push_back(chat_months(i));
      const Months& c = chats.back();
      overall.first = std::min(overall.first, c.first);
      overall.last = std::max(overall.last, c.last);
      for (std::size_t m = 0; m < c.months.size(); ++m) {
        overall.months[m].messages += c.months[m].messages;
        for (std::size_t p = 0; p < kPlatformCount; ++p) overall.months[m].records[p] += c.months[m].records[p];
      }
    }
    for (const EventMarker& e : o_.events) {
      const std::int64_t m = event_month(e);
      EventReport& r = out.emplace_back(EventReport{e, m, *window(overall, m, true), {}});
      for (std::size_t i = 0; i < chats.size(); ++i) {
        std::optional<EventWindow> w = window(chats[i], m, false);
        if (!w) continue;
        const ChatData& chat = corpus_.chats()[i];
        r.chats.push_back(EventReport::ChatWindow{{i, chat.info.id, chat.info.name}, std::move(*w)});
      }
    }
    return out;
  }

 private:
  static std::int64_t event_month(const EventMarker& e) { return bucket_ordinal(e.day * 86400, 0, Bucket::month); }

  // Unix seconds at which month ordinal m begins in the report time zone.
  std::int64_t month_start(std::int64_t m) const {
    const std::int64_t year = floor_div(m, 12);
    const auto month = static_cast<unsigned>(m - year * 12 + 1);
    return days_from_civil(static_cast<int>(year), month, 1) * 86400 - std::int64_t{o_.tz_offset_minutes} * 60;
  }

  Months chat_months(std::size_t i) const {
    const ChatData& chat = corpus_.chats()[i];
    Months out;
    out.months.resize(static_cast<std::size_t>(hi_ - lo_ + 1));
    std::map<std::int64_t, std::uint64_t> computed;
    if (!month_messages_) computed = messages_per_bucket(chat, month_options_);
    const std::map<std::int64_t, std::uint64_t>& messages = month_messages_ ? (*month_messages_)[i] : computed;
    if (!messages.empty()) {
      out.first = messages.begin()->first;
      out.last = messages.rbegin()->first;
    }
    for (const auto& [m, n] : messages)
      if (m >= lo_ && m <= hi_) out.months[static_cast<std::size_t>(m - lo_)].messages = n;
    const std::unordered_set<std::uint32_t>* signature = i < signatures_.size() ? &signatures_[i] : nullptr;
    std::int64_t month = 0, month_begin = 1, month_end = 0;  // [begin, end): unix seconds of `month`
    for (const LinkRow& row : corpus_.links(chat)) {
      if (!row_counted(row, o_)) continue;
      if ((row.flags & LinkRow::kFirstOfMessage) && (row.date() < month_begin || row.date() >= month_end)) {
        month = bucket_ordinal(row.date(), o_.tz_offset_minutes, Bucket::month);
        month_begin = month_start(month);
        month_end = month_start(month + 1);
      }
      if (month < lo_ || month > hi_) continue;
      if (o_.exclude_signature && signature && signature->count(row.target)) continue;
      ++out.months[static_cast<std::size_t>(month - lo_)].records[static_cast<std::size_t>(corpus_.targets()[row.target].platform)];
    }
    return out;
  }

  // The windows around event month m; none for a chat (!all_platforms) with
  // nothing counted in either window.
  std::optional<EventWindow> window(const Months& c, std::int64_t m, bool all_platforms) const {
    const int n = o_.event_window_months;
    int covered_before = 0, covered_after = 0;
    MonthCounts before, after;
    auto add = [&](std::int64_t month, MonthCounts& sum, int& covered) {
      if (month >= c.first && month <= c.last) ++covered;
      const MonthCounts& mc = c.months[static_cast<std::size_t>(month - lo_)];
      sum.messages += mc.messages;
      for (std::size_t p = 0; p < kPlatformCount; ++p) sum.records[p] += mc.records[p];
    };
    for (int k = 1; k <= n; ++k) {
      add(m - k, before, covered_before);
      add(m + k, after, covered_after);
    }
    EventWindow w;
    bool any = before.messages > 0 || after.messages > 0;
    for (std::size_t p = 0; p < kPlatformCount; ++p) {
      if (!all_platforms && before.records[p] == 0 && after.records[p] == 0) continue;
      any = true;
      w.platforms.push_back({static_cast<Platform>(p), before.records[p], after.records[p],
                             change_pct(before.records[p], after.records[p], covered_before, covered_after)});
    }
    if (!any && !all_platforms) return std::nullopt;
    w.months_before_covered = covered_before;
    w.months_after_covered = covered_after;
    w.messages_before = before.messages;
    w.messages_after = after.messages;
    w.messages_change_pct = change_pct(before.messages, after.messages, covered_before, covered_after);
    return w;
  }

  const Corpus& corpus_;
  const ReportOptions& o_;
  const std::vector<std::unordered_set<std::uint32_t>>& signatures_;
  const std::vector<std::map<std::int64_t, std::uint64_t>>* month_messages_;
  ReportOptions month_options_;
  std::int64_t lo_ = std::numeric_limits<std::int64_t>::max();
  std::int64_t hi_ = std::numeric_limits<std::int64_t>::min();
};

}  // namespace

std::vector<EventReport> event_reports(const Corpus& corpus, const ReportOptions& options,
                                       const std::vector<std::unordered_set<std::uint32_t>>& signatures,
                                       const std::vector<std::map<std::int64_t, std::uint64_t>>* month_messages) {
  return EventsPass(corpus, options, signatures, month_messages).run();
}

}  // namespace linkdrift
