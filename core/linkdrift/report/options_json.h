// ReportOptions <-> JSON: the report's "options" section, and options sent by
// the page (through the wasm binding) as JSON.
//
// JSON keys (all optional): bucket ("month"|"week"|"day"), tz_offset_minutes
// (-840..840), include_forwarded, exclude_signature, signature_threshold
// ((0,1]), signature_min_messages (>=1), top_targets (0..100000), from, to
// ("YYYY-MM-DD[THH:MM:SS]" UTC or null), outcome_stayed_ratio ([0,100]),
// outcome_pause_days (1..36500), outcome_pause_vs_before ([0,100]),
// outcome_silent_within_days (0..36500), outcome_silent_end_days (1..36500),
// successor_birth_days (0..36500; 0 = off), events ([{"date": "YYYY-MM-DD", "label":
// "…"}], at most 50; replaces the defaults; [] for none), event_window_months
// (1..120), graph_min_links (1..1000000),
// graph_max_edges (0..100000000; 0 = all).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "linkdrift/report/report_options.h"

namespace linkdrift {

inline constexpr std::size_t kMaxEvents = 50;

nlohmann::ordered_json options_json(const ReportOptions& options);

// An event date "YYYY-MM-DD" <-> days since 1970-01-01 (false if malformed).
bool parse_event_date(const std::string& text, std::int64_t& day);
std::string event_date(const EventMarker& event);

// Parses `json` over the defaults. Returns false with `error` naming the bad
// key; never throws.
bool report_options_from_json(std::string_view json, ReportOptions& options, std::string& error);
bool report_options_from_json(const nlohmann::json& json, ReportOptions& options, std::string& error);

}  // namespace linkdrift
