// ReportOptions <-> JSON: the report's "options" section, and options sent by
// the page (through the wasm binding) as JSON.
//
// JSON keys (all optional): bucket ("month"|"week"|"day"), tz_offset_minutes
// (-840..840), include_forwarded, exclude_signature, signature_threshold
// ((0,1]), signature_min_messages (>=1), top_targets (0..100000), from, to
// ("YYYY-MM-DD[THH:MM:SS]" UTC or null), outcome_stayed_ratio ([0,100]),
// outcome_pause_days (1..36500), outcome_silent_within_days (0..36500),
// outcome_silent_end_days (1..36500).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "linkdrift/aggregate/report_options.h"

namespace linkdrift {

nlohmann::ordered_json options_json(const ReportOptions& options);

// Parses `json` over the defaults. Returns false with `error` naming the bad
// key; never throws.
bool report_options_from_json(std::string_view json, ReportOptions& options, std::string& error);
bool report_options_from_json(const nlohmann::json& json, ReportOptions& options, std::string& error);

}  // namespace linkdrift
