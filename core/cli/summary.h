// Renders a report as readable terminal tables (platforms, then buckets).
#pragma once

#include <cstdio>

#include "linkdrift/report/report_model.h"

namespace linkdrift::cli {

void print_summary(std::FILE* out, const Report& report);

}  // namespace linkdrift::cli
