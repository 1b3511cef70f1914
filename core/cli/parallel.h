// Reading the inputs with several threads (`--jobs N`, docs/parallel.md).
//
// The core's plan_pieces (inputs/piece_plan.h, the page's pool uses it too) gives
// each of `jobs` threads its pieces -- whole files and archives, and segments of
// JSON files that straddle a cut; each thread reads its pieces into its own
// Analyzer and the analyzers are merged in order, which gives exactly the
// sequential result. If a merge refuses (segments that do not line up: not a
// tdesktop layout), everything is read again with one thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/input.h"
#include "linkdrift/inputs/piece_plan.h"
#include "linkdrift/analyzer.h"

namespace linkdrift::cli {

// The default --jobs: the number of cores, at most 8.
int default_jobs();

// Reads `items` in order into `analyzer` with `jobs` threads (1: sequentially).
void read_inputs(Analyzer& analyzer, const AnalyzerOptions& options, const std::vector<InputItem>& items,
                 const ReadSettings& settings, int jobs);

}  // namespace linkdrift::cli
