// build_report: the report (report_model.h; docs/report-schema.md) as a pure
// function of a corpus and options. Deterministic: equal corpora and options
// give an equal report (lists in fixed order; ties broken by content, never by
// ids). report_json.h writes it as JSON.
#pragma once

#include "linkdrift/report/report_model.h"
#include "linkdrift/report/report_options.h"
#include "linkdrift/store/corpus.h"

namespace linkdrift {

Report build_report(const Corpus& corpus, const ReportOptions& options);

}  // namespace linkdrift
