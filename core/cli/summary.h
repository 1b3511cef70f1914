// Renders a report as readable terminal tables (platforms, then buckets).
#pragma once

#include <cstdio>

#include <nlohmann/json.hpp>

namespace linkdrift::cli {

void print_summary(std::FILE* out, const nlohmann::ordered_json& report);

}  // namespace linkdrift::cli
