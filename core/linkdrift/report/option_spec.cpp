#include "linkdrift/report/option_spec.h"

#include <charconv>
#include <cstdlib>
#include <limits>
#include <sstream>

#include "linkdrift/base/calendar.h"
#include "linkdrift/report/buckets.h"

namespace linkdrift {

using Json = nlohmann::ordered_json;

namespace {

constexpr int kMaxUtcOffset = 14 * 60;
constexpr std::size_t kUsageColumn = 30, kUsageWidth = 96;

bool parse_integer(std::string_view s, long long& out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && p == end && !s.empty();
}

bool parse_number(const std::string& s, double& out) {
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return !s.empty() && end == s.c_str() + s.size();
}

std::string number_text(double x) {
  std::ostringstream s;
  s << x;
  return s.str();
}

bool in_bounds(const OptionInfo& info, double x) {
  return (info.min_exclusive ? x > info.min : x >= info.min) && x <= info.max;
}

std::string events_text(const std::vector<EventMarker>& events) {
  std::string out;
  for (const EventMarker& e : events) out += (out.empty() ? "" : ", ") + event_date(e);
  return events.empty() ? "none" : out;
}

// The default as the usage prints it; "" prints none (booleans, unbounded dates).
std::string default_text(const OptionInfo& info, OptionCref v) {
  switch (info.type) {
    case OptionType::boolean: return "";
    case OptionType::integer: return std::to_string(*std::get<const int*>(v));
    case OptionType::number: return number_text(*std::get<const double*>(v));
    case OptionType::utc_offset: {
      const int m = *std::get<const int*>(v);
      return m == 0 ? "UTC" : std::to_string(m);
    }
    case OptionType::bucket: return std::string(name(*std::get<const Bucket*>(v)));
    case OptionType::date: return "";
    case OptionType::events: return events_text(*std::get<const std::vector<EventMarker>*>(v));
  }
  return "";
}

// `head` (ending in a space) then the words of `text`, wrapped at kUsageWidth under kUsageColumn.
std::string wrapped(std::string head, std::string_view text) {
  std::string out = std::move(head);
  std::size_t line = out.size() - (out.rfind('\n') + 1);  // npos + 1 == 0
  bool fresh = true;  // no word on this line yet
  std::istringstream words{std::string(text)};
  for (std::string w; words >> w;) {
    if (!fresh && line + 1 + w.size() > kUsageWidth) {
      out += "\n" + std::string(kUsageColumn, ' ');
      line = kUsageColumn;
      fresh = true;
    }
    if (!fresh) {
      out += ' ';
      ++line;
    }
    out += w;
    line += w.size();
    fresh = false;
  }
  return out + "\n";
}

bool parse_events_json(const nlohmann::json& v, std::vector<EventMarker>& out, std::string& why) {
  if (!v.is_array() || v.size() > kMaxEvents) {
    why = "must be an array of at most " + std::to_string(kMaxEvents) + " events";
    return false;
  }
  std::vector<EventMarker> events;
  for (const auto& e : v) {
    EventMarker m;
    if (!e.is_object() || !e.contains("date") || !e["date"].is_string() ||
        !parse_event_date(e["date"].get<std::string>(), m.day)) {
      why = "needs objects {\"date\": \"YYYY-MM-DD\", \"label\": \"...\"}";
      return false;
    }
    if (e.contains("label")) {
      if (!e["label"].is_string()) {
        why = "labels must be strings";
        return false;
      }
      m.label = e["label"].get<std::string>();
    }
    events.push_back(std::move(m));
  }
  out = std::move(events);
  return true;
}

}  // namespace

std::string_view name(OptionType t) {
  switch (t) {
    case OptionType::boolean: return "boolean";
    case OptionType::integer: return "integer";
    case OptionType::number: return "number";
    case OptionType::utc_offset: return "utc_offset";
    case OptionType::bucket: return "bucket";
    case OptionType::date: return "date";
    case OptionType::events: return "events";
  }
  return "";
}

bool parse_event_date(const std::string& text, std::int64_t& day) {
  std::int64_t t = 0;
  if (text.size() != 10 || !parse_iso_utc(text, t)) return false;
  day = floor_div(t, 86400);
  return true;
}

std::string event_date(const EventMarker& e) { return bucket_label(e.day, Bucket::day); }

std::optional<int> parse_utc_offset(std::string_view text) {
  if (text == "UTC" || text == "Z" || text == "utc") return 0;
  long long minutes = 0;
  if (parse_integer(text, minutes)) {
    if (minutes < -kMaxUtcOffset || minutes > kMaxUtcOffset) return std::nullopt;
    return static_cast<int>(minutes);
  }
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') return std::nullopt;
  long long h = 0, m = 0;
  if (!parse_integer(text.substr(1, 2), h) || !parse_integer(text.substr(4, 2), m) || h > 14 || m > 59)
    return std::nullopt;
  const auto total = static_cast<int>(h * 60 + m);
  if (total > kMaxUtcOffset) return std::nullopt;
  return text[0] == '-' ? -total : total;
}

std::string option_requirement(const OptionInfo& info) {
  switch (info.type) {
    case OptionType::boolean: return "be true or false";
    case OptionType::integer:
      return "be an integer " + std::to_string(static_cast<long long>(info.min)) + " .. " +
             std::to_string(static_cast<long long>(info.max));
    case OptionType::number:
      return "be a number in " + std::string(info.min_exclusive ? "(" : "[") + number_text(info.min) + ", " +
             number_text(info.max) + "]";
    case OptionType::utc_offset: return "look like +03:00, -05:30, UTC or a number of minutes (-840 .. 840)";
    case OptionType::bucket: return "be month, week or day";
    case OptionType::date: return "be a date YYYY-MM-DD[THH:MM:SS] or null";
    case OptionType::events: return "be YYYY-MM-DD[=LABEL]";
  }
  return "";
}

Json option_value_json(const OptionInfo& info, OptionCref value, OptionCref fallback) {
  switch (info.type) {
    case OptionType::boolean: return *std::get<const bool*>(value);
    case OptionType::integer:
    case OptionType::utc_offset: return *std::get<const int*>(value);
    case OptionType::number: return *std::get<const double*>(value);
    case OptionType::bucket: return name(*std::get<const Bucket*>(value));
    case OptionType::date: {
      const std::int64_t t = *std::get<const std::int64_t*>(value);
      return t == *std::get<const std::int64_t*>(fallback) ? Json(nullptr) : Json(iso_utc(t));
    }
    case OptionType::events: {
      Json events = Json::array();
      for (const EventMarker& e : *std::get<const std::vector<EventMarker>*>(value))
        events.push_back(Json{{"date", event_date(e)}, {"label", e.label}});
      return events;
    }
  }
  return nullptr;
}

bool set_option_json(const OptionInfo& info, const nlohmann::json& v, OptionRef out, OptionCref fallback,
                     std::string& error) {
  std::string why = "must " + option_requirement(info);
  bool ok = false;
  switch (info.type) {
    case OptionType::boolean:
      if ((ok = v.is_boolean())) *std::get<bool*>(out) = v.get<bool>();
      break;
    case OptionType::integer:
    case OptionType::utc_offset: {
      const bool integer = info.type == OptionType::integer;
      const long long lo = integer ? static_cast<long long>(info.min) : -kMaxUtcOffset;
      const long long hi = integer ? static_cast<long long>(info.max) : kMaxUtcOffset;
      ok = v.is_number_integer() && v.get<long long>() >= lo && v.get<long long>() <= hi;
      if (ok) *std::get<int*>(out) = static_cast<int>(v.get<long long>());
      if (info.type == OptionType::utc_offset) why = "must be an integer -840 .. 840";
      break;
    }
    case OptionType::number:
      if ((ok = v.is_number() && in_bounds(info, v.get<double>()))) *std::get<double*>(out) = v.get<double>();
      break;
    case OptionType::bucket: {
      const auto b = v.is_string() ? parse_bucket(v.get<std::string>()) : std::nullopt;
      if ((ok = b.has_value())) *std::get<Bucket*>(out) = *b;
      break;
    }
    case OptionType::date: {
      std::int64_t t = *std::get<const std::int64_t*>(fallback);
      ok = v.is_null() || (v.is_string() && parse_iso_utc(v.get<std::string>(), t));
      if (ok) *std::get<std::int64_t*>(out) = t;
      break;
    }
    case OptionType::events:
      ok = parse_events_json(v, *std::get<std::vector<EventMarker>*>(out), why);
      break;
  }
  if (!ok) error = "option '" + std::string(info.key) + "' " + why;
  return ok;
}

bool option_flag_matches(const OptionInfo& info, std::string_view arg) {
  if (arg == info.flag) return true;
  return info.type == OptionType::boolean && info.flag.starts_with("--no-") && arg.size() > 2 &&
         arg.starts_with("--") && arg.substr(2) == info.flag.substr(5);
}

bool set_option_text(const OptionInfo& info, std::string_view given, const std::string& text, bool first,
                     OptionRef out, OptionCref fallback, std::string& error) {
  bool ok = false;
  switch (info.type) {
    case OptionType::boolean:
      // The table's flag turns the default around; the other spelling ("--x" for "--no-x") sets true.
      *std::get<bool*>(out) = given == info.flag ? !*std::get<const bool*>(fallback) : true;
      return true;
    case OptionType::integer: {
      long long n = 0;
      ok = parse_integer(text, n) && n >= static_cast<long long>(info.min) && n <= static_cast<long long>(info.max);
      if (ok) *std::get<int*>(out) = static_cast<int>(n);
      break;
    }
    case OptionType::number: {
      double x = 0;
      if ((ok = parse_number(text, x) && in_bounds(info, x))) *std::get<double*>(out) = x;
      break;
    }
    case OptionType::utc_offset: {
      const auto m = parse_utc_offset(text);
      if ((ok = m.has_value())) *std::get<int*>(out) = *m;
      break;
    }
    case OptionType::bucket: {
      const auto b = parse_bucket(text);
      if ((ok = b.has_value())) *std::get<Bucket*>(out) = *b;
      break;
    }
    case OptionType::date: {
      std::int64_t t = 0;
      if ((ok = parse_iso_utc(text, t))) *std::get<std::int64_t*>(out) = t;
      if (!ok) error = std::string(given) + " must be a date YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS";
      return ok;
    }
    case OptionType::events: {
      auto& events = *std::get<std::vector<EventMarker>*>(out);
      const std::size_t eq = text.find('=');
      EventMarker e;
      if ((ok = parse_event_date(text.substr(0, eq), e.day))) {
        e.label = eq == std::string::npos ? text : text.substr(eq + 1);
        if (first) events.clear();
        if (events.size() == kMaxEvents) {
          error = "at most " + std::to_string(kMaxEvents) + " " + std::string(given);
          return false;
        }
        events.push_back(std::move(e));
      }
      break;
    }
  }
  if (!ok) error = std::string(given) + " must " + option_requirement(info);
  return ok;
}

Json option_description(const OptionInfo& info, OptionCref fallback) {
  Json j{{"key", info.key}, {"flag", info.flag}, {"type", name(info.type)}};
  if (info.type == OptionType::integer || info.type == OptionType::number) {
    j["min"] = info.min;
    j["max"] = info.max;
    if (info.type == OptionType::number) j["exclusive_min"] = info.min_exclusive;
  }
  if (info.type == OptionType::utc_offset) {
    j["min"] = -kMaxUtcOffset;
    j["max"] = kMaxUtcOffset;
  }
  if (info.type == OptionType::bucket) j["values"] = {name(Bucket::month), name(Bucket::week), name(Bucket::day)};
  if (info.type == OptionType::events) j["max_items"] = kMaxEvents;
  j["default"] = option_value_json(info, fallback, fallback);
  j["help"] = info.help;
  return j;
}

std::string option_usage(const OptionInfo& info, OptionCref fallback) {
  std::string head = "  " + std::string(info.flag);
  if (!info.metavar.empty()) head += " " + std::string(info.metavar);
  if (head.size() < kUsageColumn) head.resize(kUsageColumn, ' ');
  else head += "\n" + std::string(kUsageColumn, ' ');  // a long flag: its help on the next line
  const std::string d = default_text(info, fallback);
  return wrapped(std::move(head), std::string(info.help) + (d.empty() ? "" : " (default " + d + ")"));
}

}  // namespace linkdrift
