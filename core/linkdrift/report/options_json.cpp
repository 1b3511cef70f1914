#include "linkdrift/report/options_json.h"

#include <limits>

#include "linkdrift/base/calendar.h"
#include "linkdrift/report/buckets.h"

namespace linkdrift {

using Json = nlohmann::ordered_json;

std::vector<EventMarker> default_events() {
  return {{days_from_civil(2024, 8, 24), "Durov arrested"}, {days_from_civil(2024, 9, 23), "Telegram policy change"}};
}

bool parse_event_date(const std::string& text, std::int64_t& day) {
  std::int64_t t = 0;
  if (text.size() != 10 || !parse_iso_utc(text, t)) return false;
  day = floor_div(t, 86400);
  return true;
}

std::string event_date(const EventMarker& e) { return bucket_label(e.day, Bucket::day); }

Json options_json(const ReportOptions& o) {
  Json j{{"bucket", name(o.bucket)},
         {"tz_offset_minutes", o.tz_offset_minutes},
         {"include_forwarded", o.include_forwarded},
         {"signature_threshold", o.signature_threshold},
         {"signature_min_messages", o.signature_min_messages},
         {"exclude_signature", o.exclude_signature},
         {"top_targets", o.top_targets},
         {"outcome_stayed_ratio", o.outcome_stayed_ratio},
         {"outcome_pause_days", o.outcome_pause_days},
         {"outcome_pause_vs_before", o.outcome_pause_vs_before},
         {"outcome_silent_within_days", o.outcome_silent_within_days},
         {"outcome_silent_end_days", o.outcome_silent_end_days},
         {"successor_birth_days", o.successor_birth_days}};
  Json events = Json::array();
  for (const EventMarker& e : o.events) events.push_back(Json{{"date", event_date(e)}, {"label", e.label}});
  j["events"] = std::move(events);
  j["event_window_months"] = o.event_window_months;
  j["graph_min_links"] = o.graph_min_links;
  j["graph_max_edges"] = o.graph_max_edges;
  j["from"] = o.from == std::numeric_limits<std::int64_t>::min() ? Json(nullptr) : Json(iso_utc(o.from));
  j["to"] = o.to == std::numeric_limits<std::int64_t>::max() ? Json(nullptr) : Json(iso_utc(o.to));
  return j;
}

bool report_options_from_json(std::string_view text, ReportOptions& o, std::string& error) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    error = "options must be a JSON object";
    return false;
  }
  return report_options_from_json(j, o, error);
}

bool report_options_from_json(const nlohmann::json& j, ReportOptions& o, std::string& error) {
  auto fail = [&](const char* key, const char* what) {
    error = std::string("option '") + key + "' " + what;
    return false;
  };
  auto integer = [&](const char* key, long long lo, long long hi, auto& out) {
    if (!j.contains(key)) return true;
    if (!j[key].is_number_integer() || j[key].get<long long>() < lo || j[key].get<long long>() > hi)
      return fail(key, "is out of range");
    out = static_cast<std::remove_reference_t<decltype(out)>>(j[key].get<long long>());
    return true;
  };
  auto boolean = [&](const char* key, bool& out) {
    if (!j.contains(key)) return true;
    if (!j[key].is_boolean()) return fail(key, "must be true or false");
    out = j[key].get<bool>();
    return true;
  };
  auto ratio = [&](const char* key, double& out) {  // a number in [0, 100]
    if (!j.contains(key)) return true;
    if (!j[key].is_number() || !(j[key].get<double>() >= 0.0 && j[key].get<double>() <= 100.0))
      return fail(key, "must be a number in [0, 100]");
    out = j[key].get<double>();
    return true;
  };
  auto date = [&](const char* key, std::int64_t& out) {
    if (!j.contains(key) || j[key].is_null()) return true;
    if (!j[key].is_string() || !parse_iso_utc(j[key].get<std::string>(), out))
      return fail(key, "must be a date YYYY-MM-DD[THH:MM:SS] or null");
    return true;
  };
  if (!j.is_object()) {
    error = "options must be a JSON object";
    return false;
  }
  if (j.contains("bucket")) {
    const auto b = j["bucket"].is_string() ? parse_bucket(j["bucket"].get<std::string>()) : std::nullopt;
    if (!b) return fail("bucket", "must be month, week or day");
    o.bucket = *b;
  }
  if (j.contains("signature_threshold")) {
    const auto& v = j["signature_threshold"];
    if (!v.is_number() || !(v.get<double>() > 0.0 && v.get<double>() <= 1.0))
      return fail("signature_threshold", "must be a number in (0, 1]");
    o.signature_threshold = v.get<double>();
  }
  if (!ratio("outcome_stayed_ratio", o.outcome_stayed_ratio) ||
      !ratio("outcome_pause_vs_before", o.outcome_pause_vs_before))
    return false;
  if (j.contains("events")) {
    const auto& v = j["events"];
    if (!v.is_array() || v.size() > kMaxEvents) return fail("events", "must be an array of at most 50 events");
    std::vector<EventMarker> events;
    for (const auto& e : v) {
      EventMarker m;
      if (!e.is_object() || !e.contains("date") || !e["date"].is_string() ||
          !parse_event_date(e["date"].get<std::string>(), m.day))
        return fail("events", "needs objects {\"date\": \"YYYY-MM-DD\", \"label\": \"...\"}");
      if (e.contains("label")) {
        if (!e["label"].is_string()) return fail("events", "labels must be strings");
        m.label = e["label"].get<std::string>();
      }
      events.push_back(std::move(m));
    }
    o.events = std::move(events);
  }
  if (!integer("event_window_months", 1, 120, o.event_window_months) ||
      !integer("graph_min_links", 1, 1000000, o.graph_min_links) ||
      !integer("graph_max_edges", 0, 100000000, o.graph_max_edges) ||
      !integer("outcome_pause_days", 1, 36500, o.outcome_pause_days) ||
      !integer("outcome_silent_within_days", 0, 36500, o.outcome_silent_within_days) ||
      !integer("outcome_silent_end_days", 1, 36500, o.outcome_silent_end_days) ||
      !integer("successor_birth_days", 0, 36500, o.successor_birth_days))
    return false;
  return integer("tz_offset_minutes", -14 * 60, 14 * 60, o.tz_offset_minutes) &&
         integer("signature_min_messages", 1, std::numeric_limits<int>::max(), o.signature_min_messages) &&
         integer("top_targets", 0, 100000, o.top_targets) && boolean("include_forwarded", o.include_forwarded) &&
         boolean("exclude_signature", o.exclude_signature) && date("from", o.from) && date("to", o.to) &&
         (o.from < o.to || fail("from", "must be before 'to'"));
}

}  // namespace linkdrift
