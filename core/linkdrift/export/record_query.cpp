#include "linkdrift/export/record_query.h"

#include <map>
#include <tuple>

#include "linkdrift/extract/classify.h"
#include "linkdrift/report/counting.h"
#include "linkdrift/report/options_json.h"

namespace linkdrift {

bool record_query_from_json(std::string_view text, RecordQuery& q, std::string& error) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    error = "query must be a JSON object";
    return false;
  }
  if (!report_options_from_json(j, q.filter, error)) return false;
  auto text_key = [&](const char* key) -> std::optional<std::string> {
    if (!j.contains(key) || j[key].is_null()) return std::nullopt;
    if (!j[key].is_string()) return std::string("\x01");  // marks a type error
    return j[key].get<std::string>();
  };
  auto fail = [&](const char* key, const char* what) {
    error = std::string("query '") + key + "' " + what;
    return false;
  };
  if (const auto p = text_key("platform")) {
    q.platform = parse_platform(*p);
    if (!q.platform) return fail("platform", "is not a platform name");
  }
  if (const auto k = text_key("kind")) {
    q.kind = parse_kind(*k);
    if (!q.kind) return fail("kind", "is not a kind name");
  }
  if (const auto t = text_key("target")) {
    if (*t == "\x01") return fail("target", "must be a string");
    q.target = *t;
  }
  for (const char* key : {"chat", "offset", "limit"}) {
    if (!j.contains(key) || j[key].is_null()) continue;
    if (!j[key].is_number_unsigned()) return fail(key, "must be a non-negative integer");
    const std::uint64_t v = j[key].get<std::uint64_t>();
    if (std::string_view(key) == "chat") q.chat = static_cast<std::uint32_t>(v);
    else if (std::string_view(key) == "offset") q.offset = v;
    else q.limit = v;
  }
  return true;
}

std::uint64_t for_each_link_record(const Corpus& corpus, const RecordQuery& q,
                                   const std::function<void(const LinkRecordRow&)>& emit) {
  std::uint64_t matched = 0;
  const std::uint64_t end = q.limit == 0 ? UINT64_MAX : q.offset + q.limit;
  const auto& chats = corpus.chats();
  std::string url;  // scratch for urls rebuilt from their form
  for (std::uint32_t c = 0; c < chats.size(); ++c) {
    if (q.chat && *q.chat != c) continue;
    const ChatData& chat = chats[c];
    ChatSignature sig;
    if (q.filter.exclude_signature) {
      std::uint64_t counted = 0;
      for (const auto& [ord, n] : messages_per_bucket(chat, q.filter)) counted += n;
      sig = chat_signature(corpus, chat, counted, q.filter);
    }
    for (const LinkRow& row : corpus.links(chat)) {
      if (!row_counted(row, q.filter)) continue;
      const TargetEntry& t = corpus.targets()[row.target];
      if ((q.platform && t.platform != *q.platform) || (q.kind && t.kind != *q.kind) ||
          (q.target && t.target != *q.target) || sig.signature.count(row.target))
        continue;
      if (matched >= q.offset && matched < end)
        emit({corpus.files()[chat.file].name, chat.info.id, chat.info.name, row.message_id, row.date(), t.platform,
              t.kind, t.target, corpus.url(row.url, t.target, url), row.source, (row.flags & LinkRow::kForwarded) != 0, c});
      ++matched;
    }
  }
  return matched;
}

std::optional<std::string> permalink_name(const Corpus& corpus, const ChatData& chat, const ReportOptions& filter) {
  if (!chat.info.type.starts_with("public_")) return std::nullopt;
  std::uint64_t counted = 0;
  for (const auto& [ord, n] : messages_per_bucket(chat, filter)) counted += n;
  const ChatSignature sig = chat_signature(corpus, chat, counted, filter);
  const TargetEntry* best = nullptr;
  std::uint64_t best_messages = 0;
  for (const std::uint32_t id : sig.signature) {
    const TargetEntry& t = corpus.targets()[id];
    if (t.platform != Platform::telegram || (t.kind != Kind::public_ && t.kind != Kind::mention)) continue;
    const std::uint64_t n = sig.target_messages.at(id);
    if (!best || n > best_messages ||
        (n == best_messages && std::tie(t.kind, t.target) < std::tie(best->kind, best->target))) {
      best = &t;
      best_messages = n;
    }
  }
  if (!best || !extract::is_valid_username(best->target, 3)) return std::nullopt;
  return std::string(best->target);
}

nlohmann::ordered_json link_records_page(const Corpus& corpus, const RecordQuery& q) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  std::map<std::uint32_t, std::optional<std::string>> names;  // per chat on the page
  const std::uint64_t total = for_each_link_record(corpus, q, [&](const LinkRecordRow& r) {
    auto it = names.find(r.chat);
    if (it == names.end()) it = names.emplace(r.chat, permalink_name(corpus, corpus.chats()[r.chat], q.filter)).first;
    nlohmann::ordered_json row = link_row_json(r);
    row["permalink"] = it->second ? nlohmann::ordered_json("https://t.me/" + *it->second + "/" + std::to_string(r.message_id))
                                  : nlohmann::ordered_json(nullptr);
    rows.push_back(std::move(row));
  });
  return {{"total", total}, {"offset", q.offset}, {"rows", std::move(rows)}};
}

std::string link_records_csv(const Corpus& corpus, const RecordQuery& q, bool excel_safe) {
  std::string out(link_csv_header());
  for_each_link_record(corpus, q, [&](const LinkRecordRow& r) { append_link_csv(out, r, excel_safe); });
  return out;
}

}  // namespace linkdrift
