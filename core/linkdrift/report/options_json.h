// ReportOptions as a table (option_spec.h) and as JSON: the report's "options"
// section, options sent by the page (through the wasm binding) and the record
// query's filter keys. Every key is optional; `linkdrift options` prints the table
// (keys, types, bounds, defaults, help), docs/report-schema.md explains them.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "linkdrift/report/option_spec.h"
#include "linkdrift/report/report_options.h"

namespace linkdrift {

std::span<const OptionSpec<ReportOptions>> report_option_table();

nlohmann::ordered_json options_json(const ReportOptions& options);

// Parses `json` over the values in `options` (the defaults, usually), then checks
// from < to. Returns false with `error` naming the bad key; never throws.
bool report_options_from_json(std::string_view json, ReportOptions& options, std::string& error);
bool report_options_from_json(const nlohmann::json& json, ReportOptions& options, std::string& error);

}  // namespace linkdrift
