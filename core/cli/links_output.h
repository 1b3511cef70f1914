// Writes the stored link records matching a query to a file, in the export
// format of linkdrift/export/link_rows.h (CSV or JSON lines) — the same rows,
// through the same code, as the page's CSV export.
#pragma once

#include <cstdio>

#include "cli/options.h"
#include "linkdrift/export/record_query.h"

namespace linkdrift::cli {

void write_links(std::FILE* out, const Corpus& corpus, const RecordQuery& query, LinksFormat format, bool excel_safe);

}  // namespace linkdrift::cli
