// build_report: the report (docs/report-schema.md) as a pure function of a
// corpus and options. Deterministic: equal corpora and options give an equal
// JSON value (keys in fixed order; ties broken by content, never by ids).
#pragma once

#include <nlohmann/json.hpp>

#include "linkdrift/report/report_options.h"
#include "linkdrift/store/corpus.h"

namespace linkdrift {

inline constexpr int kReportSchemaVersion = 1;

nlohmann::ordered_json build_report(const Corpus& corpus, const ReportOptions& options);

}  // namespace linkdrift
