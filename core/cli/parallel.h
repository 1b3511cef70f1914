// Reading the inputs with several threads (`--jobs N`, docs/parallel.md).
//
// The inputs are laid end to end and cut into `jobs` equal byte ranges; each
// thread reads its range into its own Analyzer -- whole files and archives, and
// segments of JSON files that straddle a cut (Analyzer::begin_segment) -- and the analyzers are
// merged in order, which gives exactly the sequential result. Files under
// kMinSplitBytes are never split. If a merge refuses (segments that do not
// line up: not a tdesktop layout), everything is read again with one thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/input.h"
#include "linkdrift/analyzer.h"

namespace linkdrift::cli {

constexpr std::uint64_t kMinSplitBytes = std::uint64_t{4} << 20;

// One thread's work: a whole file (cut_begin = 0, cut_end = size, whole) or a segment.
struct Piece {
  std::size_t input = 0;  // index into the paths
  std::uint64_t cut_begin = 0, cut_end = 0;
  bool whole = true;
};

// The pieces of each of `jobs` threads, in input order (pure: sizes given).
// Only inputs marked `splittable` (JSON exports) may be cut into segments.
std::vector<std::vector<Piece>> plan_pieces(const std::vector<std::uint64_t>& sizes,
                                            const std::vector<bool>& splittable, int jobs);

// The default --jobs: the number of cores, at most 8.
int default_jobs();

// Reads `items` in order into `analyzer` with `jobs` threads (1: sequentially).
void read_inputs(Analyzer& analyzer, const AnalyzerOptions& options, const std::vector<InputItem>& items,
                 const ReadSettings& settings, int jobs);

}  // namespace linkdrift::cli
