// Test hook for LinkExtractor::scan(): the same extraction with the regex run
// over the whole text instead of only over the whitespace-delimited runs of
// tokens that can hold a match. Results must be identical (tests compare).
#pragma once

#include <string_view>
#include <vector>

#include "linkdrift/base/model.h"

namespace linkdrift::extract {

void scan_reference(std::string_view text, Source source, std::vector<Link>& out);

}  // namespace linkdrift::extract
