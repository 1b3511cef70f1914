#include "linkdrift/report/report_json.h"

#include <string>

#include "linkdrift/base/calendar.h"
#include "linkdrift/report/buckets.h"
#include "linkdrift/report/options_json.h"

namespace linkdrift {
namespace {

using Json = nlohmann::ordered_json;

Json date_or_null(const std::optional<std::int64_t>& date) { return date ? Json(iso_utc(*date)) : Json(nullptr); }

Json number_or_null(const std::optional<double>& x) { return x ? Json(*x) : Json(nullptr); }

Json counts_json(const Counts& c) {
  return Json{{"link_records", c.link_records}, {"messages", c.messages}, {"targets", c.targets}};
}

Json per_bucket_json(const BucketCounts& counts, Bucket unit) {
  Json out = Json::object();
  for (const auto& [ordinal, n] : counts) out[bucket_label(ordinal, unit)] = n;
  return out;
}

Json file_json(const FileReport& f) {
  Json j{{"name", f.name}, {"format", name(f.format)}, {"bytes", f.bytes}, {"chats", f.chats},
         {"messages", f.messages}, {"status", f.error ? "error" : !f.skipped.empty() ? "skipped" : "ok"}};
  if (f.error) j["error"] = Json{{"offset", f.error->offset}, {"message", f.error->message}};
  if (!f.skipped.empty()) j["skipped"] = f.skipped;
  if (f.continues_chat) j["continues_chat"] = true;
  if (f.assumed_utc_offset_minutes) j["assumed_utc_offset"] = utc_offset_text(*f.assumed_utc_offset_minutes);
  return j;
}

Json totals_json(const Totals& t) {
  return Json{{"files", t.files},
              {"files_with_errors", t.files_with_errors},
              {"files_skipped", t.files_skipped},
              {"chats", t.chats},
              {"messages", t.messages},
              {"service_messages", t.service_messages},
              {"forwarded_messages", t.forwarded_messages},
              {"messages_with_links", t.messages_with_links},
              {"link_records", t.link_records},
              {"link_records_without_signature", t.link_records_without_signature},
              {"first_date", date_or_null(t.first_date)},
              {"last_date", date_or_null(t.last_date)}};
}

Json platform_json(const PlatformReport& p) {
  Json j{{"platform", name(p.platform)}};
  j.update(counts_json(p.all));
  j["without_signature"] = counts_json(p.without_signature);
  Json kinds = Json::array();
  for (const auto& [kind, counts] : p.kinds) {
    Json kj{{"kind", name(kind)}};
    kj.update(counts_json(counts));
    kinds.push_back(std::move(kj));
  }
  j["kinds"] = std::move(kinds);
  return j;
}

Json buckets_json(const SeriesReport& s, Bucket unit) {
  Json keys = Json::array();
  for (std::size_t b = 0; b < s.messages.size(); ++b)
    keys.push_back(bucket_label(s.first_bucket + static_cast<std::int64_t>(b), unit));
  Json platforms = Json::object();
  for (std::size_t p = 0; p < kPlatformCount; ++p) {
    Json records = Json::array(), messages = Json::array(), targets = Json::array();
    for (const auto& row : s.platforms) {
      records.push_back(row[p].link_records);
      messages.push_back(row[p].messages);
      targets.push_back(row[p].targets);
    }
    platforms[std::string(name(static_cast<Platform>(p)))] =
        Json{{"link_records", std::move(records)}, {"messages", std::move(messages)}, {"targets", std::move(targets)}};
  }
  return Json{{"unit", name(unit)}, {"keys", std::move(keys)}, {"messages", s.messages}, {"platforms", std::move(platforms)}};
}

Json top_targets_json(const std::array<std::vector<TopTarget>, kPlatformCount>& top) {
  Json out = Json::object();
  for (std::size_t p = 0; p < kPlatformCount; ++p) {
    Json list = Json::array();
    for (const TopTarget& t : top[p])
      list.push_back(Json{{"kind", name(t.kind)}, {"target", t.target}, {"url", t.url}, {"link_records", t.link_records},
                          {"chats", t.chats}, {"signature_chats", t.signature_chats},
                          {"first_seen", iso_utc(t.first_seen)}, {"last_seen", iso_utc(t.last_seen)}});
    out[std::string(name(static_cast<Platform>(p)))] = std::move(list);
  }
  return out;
}

// An entry that starts with its chat's keys, then `rest`.
// An object that starts with the chat's keys, filled by `fill(out)` with
// out.emplace(key, value): nlohmann's initializer lists cost ~17 K instructions
// an object, which hundreds of thousands of announcements would feel.
template <class Fill>
Json with_chat(const ChatRef& c, Fill&& fill) {
  Json j = Json::object();
  Json::object_t& out = j.get_ref<Json::object_t&>();
  out.emplace("chat", c.chat);
  out.emplace("chat_id", c.chat_id);
  out.emplace("chat_name", c.chat_name);
  fill(out);
  return j;
}

// The label of the report's bucket that `unix_seconds` falls in (the series' keys).
std::string bucket_key(std::int64_t unix_seconds, const ReportOptions& o) {
  return bucket_label(bucket_ordinal(unix_seconds, o.tz_offset_minutes, o.bucket), o.bucket);
}

Json announcement_json(const AnnouncementReport& a, const ReportOptions& o) {
  return with_chat(a.chat, [&](Json::object_t& out) {
    out.emplace("message_id", a.message_id);
    out.emplace("date", iso_utc(a.date));
    out.emplace("bucket", bucket_key(a.date, o));
    out.emplace("type", name(a.type));
    out.emplace("platform", a.destination ? Json(name(a.destination->platform)) : Json(nullptr));
    out.emplace("kind", a.destination ? Json(name(a.destination->kind)) : Json(nullptr));
    out.emplace("target", a.destination ? Json(a.destination->target) : Json(nullptr));
    out.emplace("phrase", a.phrase);
    out.emplace("language", a.language);
  });
}

Json outcome_json(const OutcomeReport& o) {
  return with_chat(o.chat, [&](Json::object_t& out) {
    out.emplace("announcements", o.announcements);
    out.emplace("first_announcement", iso_utc(o.first_announcement));
    out.emplace("messages_before_30d", o.messages_before_30d);
    out.emplace("messages_after_30d", o.messages_after_30d);
    out.emplace("messages_before_90d", o.messages_before_90d);
    out.emplace("messages_after_90d", o.messages_after_90d);
    out.emplace("longest_silence_days", o.longest_silence_days);
    out.emplace("longest_silence_before_days", o.longest_silence_before_days);
    out.emplace("last_date", iso_utc(o.last_date));
    out.emplace("days_to_corpus_end", o.days_to_corpus_end);
    out.emplace("outcome", name(o.outcome));
    out.emplace("continued_in", o.continued_in ? Json(*o.continued_in) : Json(nullptr));
    out.emplace("continued_by", o.continued_in ? Json(name(o.continued_by)) : Json(nullptr));
  });
}

Json window_json(const EventWindow& w) {
  Json j;
  j["months_before_covered"] = w.months_before_covered;
  j["months_after_covered"] = w.months_after_covered;
  j["messages_before"] = w.messages_before;
  j["messages_after"] = w.messages_after;
  j["messages_change_pct"] = number_or_null(w.messages_change_pct);
  Json platforms = Json::array();
  for (const EventWindow::PlatformChange& p : w.platforms)
    platforms.push_back(Json{{"platform", name(p.platform)}, {"link_records_before", p.link_records_before},
                             {"link_records_after", p.link_records_after}, {"change_pct", number_or_null(p.change_pct)}});
  j["platforms"] = std::move(platforms);
  return j;
}

Json event_json(const EventReport& e, const ReportOptions& o) {
  const int window_months = o.event_window_months;
  Json before = Json::array(), after = Json::array();
  for (std::int64_t k = 1; k <= window_months; ++k) {
    before.push_back(bucket_label(e.month - window_months - 1 + k, Bucket::month));
    after.push_back(bucket_label(e.month + k, Bucket::month));
  }
  Json chats = Json::array();
  for (const EventReport::ChatWindow& c : e.chats)
    chats.push_back(with_chat(c.chat, [&](Json::object_t& out) {
      Json window = window_json(c.window);
      for (auto& [key, value] : window.get_ref<Json::object_t&>()) out.emplace(key, std::move(value));
    }));
  // An event is a calendar date: its bucket is that of the date's start in the report's own zone.
  const std::int64_t local_midnight = e.event.day * 86400 - std::int64_t{o.tz_offset_minutes} * 60;
  return Json{{"date", event_date(e.event)}, {"label", e.event.label}, {"bucket", bucket_key(local_midnight, o)},
              {"months_before", std::move(before)},
              {"months_after", std::move(after)}, {"overall", window_json(e.overall)}, {"chats", std::move(chats)}};
}

Json graph_json(const GraphReport& g) {
  Json nodes = Json::array();
  for (std::size_t k = 0; k < g.nodes.size(); ++k) {
    const GraphReport::Node& n = g.nodes[k];
    if (n.chat)
      nodes.push_back(Json{{"id", k}, {"type", "chat"}, {"chat", *n.chat}, {"label", n.label}});
    else
      nodes.push_back(Json{{"id", k}, {"type", "target"}, {"platform", name(n.platform)}, {"kind", name(n.kind)},
                           {"target", n.target}, {"url", n.url}, {"label", n.label}});
  }
  Json edges = Json::array();
  for (const GraphReport::Edge& e : g.edges) {
    Json types = Json::array();
    for (unsigned t = 0; t < kAnnouncementTypeCount; ++t)
      if (e.announcement_types & (1u << t)) types.push_back(name(static_cast<AnnouncementType>(t)));
    edges.push_back(Json{{"from", e.from}, {"to", e.to}, {"relation", name(e.relation)}, {"weight", e.weight},
                         {"first", iso_utc(e.first)}, {"last", iso_utc(e.last)}, {"announcement_types", std::move(types)}});
  }
  return Json{{"nodes", std::move(nodes)}, {"edges", std::move(edges)}, {"edges_total", g.edges_total}};
}

Json target_list_json(const std::vector<TargetCount>& list) {
  Json out = Json::array();
  for (const TargetCount& t : list) {
    Json j{{"platform", name(t.platform)}, {"kind", name(t.kind)}, {"target", t.target}, {"link_records", t.link_records}};
    if (t.share) j["share"] = *t.share;
    out.push_back(std::move(j));
  }
  return out;
}

Json lifecycle_json(const ChatLifecycle& l, const std::vector<ChatReport>& chats) {
  Json::object_t out;
  out.emplace("active_days", l.active_days);
  out.emplace("longest_silence_days", l.longest_silence_days);
  out.emplace("longest_silence_from", date_or_null(l.longest_silence_from));
  out.emplace("days_to_corpus_end", l.days_to_corpus_end);
  out.emplace("ended", l.ended);
  Json successors = Json::array();
  for (const SuccessorCandidate& c : l.successors) {
    Json evidence = Json::array();
    for (const SuccessorEvidence e : c.evidence) evidence.push_back(name(e));
    const ChatReport& to = chats[c.chat];
    successors.push_back(Json{{"chat", c.chat}, {"chat_id", to.id}, {"chat_name", to.name}, {"score", c.score},
                              {"gap_days", c.gap_days}, {"evidence", std::move(evidence)}});
  }
  out.emplace("successors", std::move(successors));
  Json backups = Json::array();
  for (const BackupChannel& b : l.backups)
    backups.push_back(Json{{"kind", name(b.kind)}, {"target", b.target},
                           {"chat", b.chat ? Json(*b.chat) : Json(nullptr)}, {"posting_moved", b.posting_moved}});
  out.emplace("backups", std::move(backups));
  return out;
}

Json chat_json(const ChatReport& c, Bucket unit, const std::vector<ChatReport>& chats) {
  Json j;
  j["file"] = c.file;
  j["index"] = c.index;
  j["id"] = c.id;
  j["name"] = c.name;
  j["type"] = c.type;
  j["partial"] = c.partial;
  j["messages"] = c.messages;
  j["service_messages"] = c.service_messages;
  j["first_date"] = date_or_null(c.first_date);
  j["last_date"] = date_or_null(c.last_date);
  j["messages_per_bucket"] = per_bucket_json(c.messages_per_bucket, unit);
  Json links = Json::object(), links_per_bucket = Json::object();
  for (std::size_t p = 0; p < kPlatformCount; ++p) {
    if (c.link_records[p] == 0) continue;
    const std::string pname(name(static_cast<Platform>(p)));
    links[pname] = c.link_records[p];
    links_per_bucket[pname] = per_bucket_json(c.link_records_per_bucket[p], unit);
  }
  j["link_records"] = std::move(links);
  j["link_records_per_bucket"] = std::move(links_per_bucket);
  j["signature_targets"] = target_list_json(c.signature_targets);
  j["top_targets"] = target_list_json(c.top_targets);
  j["lifecycle"] = c.lifecycle ? lifecycle_json(*c.lifecycle, chats) : Json(nullptr);
  return j;
}

template <class Range, class Fn>
Json array_of(const Range& items, Fn&& to_json) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(to_json(item));
  return out;
}

}  // namespace

Json report_json(const Report& r) {
  const Bucket unit = r.options.bucket;
  Json j;
  j["linkdrift_report"] = kReportSchemaVersion;
  j["options"] = options_json(r.options);
  j["files"] = array_of(r.files, file_json);
  j["totals"] = totals_json(r.totals);
  j["platforms"] = array_of(r.platforms, platform_json);
  j["buckets"] = buckets_json(r.buckets, unit);
  j["top_targets"] = top_targets_json(r.top_targets);
  j["announcements"] = array_of(r.announcements, [&](const AnnouncementReport& a) { return announcement_json(a, r.options); });
  j["outcomes"] = array_of(r.outcomes, outcome_json);
  j["events"] = array_of(r.events, [&](const EventReport& e) { return event_json(e, r.options); });
  j["graph"] = graph_json(r.graph);
  j["chats"] = array_of(r.chats, [&](const ChatReport& c) { return chat_json(c, unit, r.chats); });
  Json errors = Json::array();
  for (const FileReport& f : r.files)
    if (f.error) errors.push_back(Json{{"file", f.name}, {"offset", f.error->offset}, {"message", f.error->message}});
  j["errors"] = std::move(errors);
  return j;
}

std::string report_text(const Report& report, int indent) {
  return report_json(report).dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace linkdrift
