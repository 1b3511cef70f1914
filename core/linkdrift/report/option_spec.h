// Options described once. Each option of an options struct (ReportOptions,
// AnalyzerOptions) is one row of a table: JSON key, CLI flag, type, bounds, help.
// Its default is the struct's member initialiser (O{}), written once as well.
// Everything else is derived from the rows: the JSON parser and the report's echoed
// "options" (options_json.h), the CLI's flags and usage (cli/options.cpp),
// `linkdrift options` and the wasm's Module.optionTable(), from which
// web/scripts/gen-options.mjs writes the page's TypeScript types and defaults.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "linkdrift/report/report_options.h"

namespace linkdrift {

enum class OptionType : std::uint8_t {
  boolean,     // true/false. The CLI flag sets the opposite of the default; "--no-x" also has "--x"
  integer,     // an integer in [min, max]
  number,      // a number in [min, max], or (min, max] when min_exclusive
  utc_offset,  // minutes east of UTC, -840..840; the CLI also takes "+03:00", "-05:30", "UTC"
  bucket,      // "month" | "week" | "day"
  date,        // "YYYY-MM-DD[THH:MM:SS]" UTC, stored as Unix seconds; null: unbounded (the default)
  events,      // [{"date": "YYYY-MM-DD", "label": "…"}], at most kMaxEvents. CLI: repeatable
               // DATE[=LABEL], the first one replaces the defaults
};
std::string_view name(OptionType t);

inline constexpr std::size_t kMaxEvents = 50;
// An event date "YYYY-MM-DD" <-> days since 1970-01-01 (false if malformed).
bool parse_event_date(const std::string& text, std::int64_t& day);
std::string event_date(const EventMarker& event);

// The row without its member: what parsing, printing and describing need.
struct OptionInfo {
  std::string_view key;      // JSON key
  std::string_view flag;     // CLI flag
  std::string_view metavar;  // the flag's value in the usage ("" for booleans)
  OptionType type = OptionType::integer;
  double min = 0, max = 0;   // integer, number
  bool min_exclusive = false;
  std::string_view help;     // one sentence for the usage and the page's docs; no default in it
};

template <class O>
using OptionMember =
    std::variant<bool O::*, int O::*, double O::*, Bucket O::*, std::int64_t O::*, std::vector<EventMarker> O::*>;

// A row. The member's C++ type must fit `info.type` (tests/unit/test_options.cpp checks every table).
template <class O>
struct OptionSpec {
  OptionInfo info;
  OptionMember<O> member;
};

// Where a row's value lives in one options object.
using OptionRef = std::variant<bool*, int*, double*, Bucket*, std::int64_t*, std::vector<EventMarker>*>;
using OptionCref =
    std::variant<const bool*, const int*, const double*, const Bucket*, const std::int64_t*, const std::vector<EventMarker>*>;

template <class O>
OptionRef option_ref(const OptionSpec<O>& s, O& o) {
  return std::visit([&](auto m) -> OptionRef { return &(o.*m); }, s.member);
}
template <class O>
OptionCref option_cref(const OptionSpec<O>& s, const O& o) {
  return std::visit([&](auto m) -> OptionCref { return &(o.*m); }, s.member);
}

// What a valid value looks like, after "must": "be an integer 1 .. 120", "look like +03:00, …".
std::string option_requirement(const OptionInfo& info);
// The value as JSON (a date equal to its default: null).
nlohmann::ordered_json option_value_json(const OptionInfo& info, OptionCref value, OptionCref fallback);
// Sets the value from JSON; false with error "option 'KEY' must …". `fallback`: what null restores (dates).
bool set_option_json(const OptionInfo& info, const nlohmann::json& v, OptionRef out, OptionCref fallback,
                     std::string& error);
// Sets the value from a CLI argument (booleans: `given` is the flag as typed, `text` unused);
// false with error "--FLAG must …". `first`: the flag's first use (events replace the defaults).
bool set_option_text(const OptionInfo& info, std::string_view given, const std::string& text, bool first,
                     OptionRef out, OptionCref fallback, std::string& error);
// True when `arg` is this row's flag (a "--no-x" boolean also answers to "--x").
bool option_flag_matches(const OptionInfo& info, std::string_view arg);
// {"key","flag","type","min","max","exclusive_min","values","default","help"} (bounds for numbers only).
nlohmann::ordered_json option_description(const OptionInfo& info, OptionCref fallback);
// The usage lines of one row: "  --flag METAVAR   help (default: …)", wrapped.
std::string option_usage(const OptionInfo& info, OptionCref fallback);
// Parses "+03:00", "-05:30", "UTC", "180" (minutes) into minutes east of UTC, -840..840.
std::optional<int> parse_utc_offset(std::string_view text);

// ------------------------------------------------------------------ a whole table

template <class O>
nlohmann::ordered_json options_to_json(std::span<const OptionSpec<O>> table, const O& o) {
  const O defaults{};
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const OptionSpec<O>& s : table) j[std::string(s.info.key)] = option_value_json(s.info, option_cref(s, o), option_cref(s, defaults));
  return j;
}

// Keys absent from `j` keep their value in `o`; keys not in the table are ignored
// (a record query carries its own keys beside the report's).
template <class O>
bool options_from_json(std::span<const OptionSpec<O>> table, const nlohmann::json& j, O& o, std::string& error) {
  if (!j.is_object()) {
    error = "options must be a JSON object";
    return false;
  }
  const O defaults{};
  for (const OptionSpec<O>& s : table) {
    const auto it = j.find(s.info.key);
    if (it != j.end() && !set_option_json(s.info, *it, option_ref(s, o), option_cref(s, defaults), error)) return false;
  }
  return true;
}

template <class O>
nlohmann::ordered_json option_table_json(std::span<const OptionSpec<O>> table) {
  const O defaults{};
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const OptionSpec<O>& s : table) rows.push_back(option_description(s.info, option_cref(s, defaults)));
  return rows;
}

template <class O>
std::string options_usage(std::span<const OptionSpec<O>> table) {
  const O defaults{};
  std::string out;
  for (const OptionSpec<O>& s : table) out += option_usage(s.info, option_cref(s, defaults));
  return out;
}

template <class O>
const OptionSpec<O>* find_option_flag(std::span<const OptionSpec<O>> table, std::string_view arg) {
  for (const OptionSpec<O>& s : table)
    if (option_flag_matches(s.info, arg)) return &s;
  return nullptr;
}

}  // namespace linkdrift
