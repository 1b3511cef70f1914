#include "linkdrift/report/counting.h"

#include <algorithm>

#include "linkdrift/report/buckets.h"

namespace linkdrift {

std::map<std::int64_t, std::uint64_t> messages_per_bucket(const ChatData& chat, const ReportOptions& o) {
  std::map<std::int64_t, std::uint64_t> out;
  auto add = [&](const MinuteHistogram& h, bool subtract) {
    h.for_each_run([&](std::int64_t minute, std::uint32_t count) {
      const std::int64_t t = minute * 60;
      if (!in_range(t, o)) return;
      auto& slot = out[bucket_ordinal(t, o.tz_offset_minutes, o.bucket)];
      slot = subtract ? slot - count : slot + count;
    });
  };
  add(chat.message_times, false);
  if (!o.include_forwarded) add(chat.forwarded_times, true);
  for (auto it = out.begin(); it != out.end();) it = it->second == 0 ? out.erase(it) : std::next(it);
  return out;
}

std::map<std::int64_t, std::int64_t> counted_minutes(const ChatData& chat, const ReportOptions& o) {
  std::map<std::int64_t, std::int64_t> out;
  auto add = [&](const MinuteHistogram& h, std::int64_t sign) {
    h.for_each_run([&](std::int64_t minute, std::uint32_t count) {
      if (in_range(minute * 60, o)) out[minute] += sign * count;
    });
  };
  add(chat.message_times, 1);
  if (!o.include_forwarded) add(chat.forwarded_times, -1);
  for (auto it = out.begin(); it != out.end();) it = it->second <= 0 ? out.erase(it) : std::next(it);
  return out;
}

std::vector<const AnnouncementRow*> counted_announcements(const ChatData& chat, const ReportOptions& o) {
  std::vector<const AnnouncementRow*> out;
  for (const AnnouncementRow& a : chat.announcements)
    if (in_range(a.date, o)) out.push_back(&a);
  return out;
}

ChatSignature chat_signature(const Corpus& corpus, const ChatData& chat, std::uint64_t counted_messages,
                             const ReportOptions& o) {
  ChatSignature s;
  s.counted_messages = counted_messages;
  for (const LinkRow& row : corpus.links(chat))
    if (row_counted(row, o)) ++s.target_messages[row.target];
  if (counted_messages < static_cast<std::uint64_t>(std::max(o.signature_min_messages, 1))) return s;
  for (const auto& [target, n] : s.target_messages)
    if (static_cast<double>(n) >= o.signature_threshold * static_cast<double>(counted_messages))
      s.signature.insert(target);
  return s;
}

}  // namespace linkdrift
