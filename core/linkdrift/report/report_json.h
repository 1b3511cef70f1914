// report_json: the one serialiser of a Report (report_model.h) as the JSON of
// docs/report-schema.md (validated by docs/report.schema.json). Keys in fixed
// order, so equal reports give byte-identical text.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "linkdrift/report/report_model.h"

namespace linkdrift {

inline constexpr int kReportSchemaVersion = 1;

nlohmann::ordered_json report_json(const Report& report);

// The report as text: indented by `indent` spaces per level, or on one line
// when indent < 0. Invalid UTF-8 (names from hostile files) becomes U+FFFD:
// never throws.
std::string report_text(const Report& report, int indent = 1);

}  // namespace linkdrift
