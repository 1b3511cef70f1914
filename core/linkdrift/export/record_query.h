// Queries over the stored link records: the page's record table (paged) and
// its CSV/JSON export. Rows come in corpus order (file, chat, message).
//
// Query JSON keys (all optional): the filter keys of options_json.h (from, to,
// include_forwarded, exclude_signature, signature_threshold,
// signature_min_messages), plus platform, kind, chat (index in the report's
// "chats"), target, offset (default 0), limit (default 100; 0 = no limit).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "linkdrift/export/link_rows.h"
#include "linkdrift/report/report_options.h"
#include "linkdrift/store/corpus.h"

namespace linkdrift {

struct RecordQuery {
  ReportOptions filter;
  std::optional<Platform> platform;
  std::optional<Kind> kind;
  std::optional<std::uint32_t> chat;
  std::optional<std::string> target;
  std::uint64_t offset = 0;
  std::uint64_t limit = 100;  // 0: no limit
};

// Returns false with `error` naming the bad key; never throws.
bool record_query_from_json(std::string_view json, RecordQuery& query, std::string& error);

// Calls `emit` for the matching records from `offset`, at most `limit` of
// them; returns how many records match in all.
std::uint64_t for_each_link_record(const Corpus& corpus, const RecordQuery& query,
                                   const std::function<void(const LinkRecordRow&)>& emit);

// The Telegram username a post of `chat` is probably reachable under
// (t.me/<name>/<message id>): the chat's type starts with "public_" and, of
// its signature targets under `filter` (counting.h), the Telegram public or
// mention target in the most counted messages (ties: public first, then by
// target) is a valid username (TDLib's rules). A guess, labelled as one.
std::optional<std::string> permalink_name(const Corpus& corpus, const ChatData& chat, const ReportOptions& filter);

// {"total": N, "offset": o, "rows": [{file, chat_id, …, forwarded, permalink}, …]}
// with permalink "https://t.me/<permalink_name>/<message_id>" or null.
nlohmann::ordered_json link_records_page(const Corpus& corpus, const RecordQuery& query);
// Header line + one CSV line per matching record (see link_rows.h).
std::string link_records_csv(const Corpus& corpus, const RecordQuery& query, bool excel_safe);

}  // namespace linkdrift
