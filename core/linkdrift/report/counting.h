// The counting rules every view of the corpus shares (report, record queries):
// which messages and link rows count under ReportOptions, and which targets
// are a chat's signature (self-promotion) links.
#pragma once

#include <cstdint>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "linkdrift/report/report_options.h"
#include "linkdrift/store/corpus.h"

namespace linkdrift {

inline bool in_range(std::int64_t t, const ReportOptions& o) { return t >= o.from && t < o.to; }

// A row counts when its message is in range and not an excluded forward.
inline bool row_counted(const LinkRow& row, const ReportOptions& o) {
  return in_range(row.date(), o) && (o.include_forwarded || !(row.flags & LinkRow::kForwarded));
}

// Counted (non-service) messages of a chat per bucket ordinal; no empty entries.
std::map<std::int64_t, std::uint64_t> messages_per_bucket(const ChatData& chat, const ReportOptions& o);

// Counted (non-service) messages of a chat per minute (UTC minutes since the epoch); no empty entries.
std::map<std::int64_t, std::int64_t> counted_minutes(const ChatData& chat, const ReportOptions& o);

// The chat's announcements in [from, to), in message order. Forwarded messages
// are never examined for announcements, so include_forwarded does not apply.
std::vector<const AnnouncementRow*> counted_announcements(const ChatData& chat, const ReportOptions& o);

struct ChatSignature {
  std::uint64_t counted_messages = 0;
  std::unordered_map<std::uint32_t, std::uint64_t> target_messages;  // counted messages per target
  std::unordered_set<std::uint32_t> signature;                       // target ids
};

// Targets in >= signature_threshold of the chat's `counted_messages` (chats
// with >= signature_min_messages only).
ChatSignature chat_signature(const Corpus& corpus, const ChatData& chat, std::uint64_t counted_messages,
                             const ReportOptions& o);

}  // namespace linkdrift
