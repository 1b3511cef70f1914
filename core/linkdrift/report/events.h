// event_reports: the report's "events" section (docs/report-schema.md, "Events").
// For each of ReportOptions::events, the counted messages and link records per
// platform in the event_window_months whole calendar months (report time zone)
// before the event's month and the same number after it; the event's own month
// is in neither window. Overall (all 13 platforms) and per chat (chats with
// messages or links in a window; platforms with links in a window). Honours
// from/to, include_forwarded and exclude_signature like the "buckets" section.
#pragma once

#include <cstdint>
#include <map>
#include <unordered_set>
#include <vector>

#include "linkdrift/report/report_model.h"
#include "linkdrift/report/report_options.h"
#include "linkdrift/store/corpus.h"

namespace linkdrift {

// signatures[i]: chat i's signature target ids (counting.h chat_signature()).
// month_messages: when not null, messages_per_bucket() of every chat with
// bucket month (the report's own, when its bucket is month), else computed here.
std::vector<EventReport> event_reports(const Corpus& corpus, const ReportOptions& options,
                                       const std::vector<std::unordered_set<std::uint32_t>>& signatures,
                                       const std::vector<std::map<std::int64_t, std::uint64_t>>* month_messages);

}  // namespace linkdrift
