// How the inputs of one run are shared among `parts` readers (the CLI's --jobs
// threads, the page's pool workers). One policy for both (docs/parallel.md):
// the inputs are laid end to end and cut into `parts` equal byte ranges; a file
// that straddles a cut is read as segments (Analyzer::begin_segment, cut at
// message boundaries by the core) if it is splittable (a JSON export) and at
// least kMinSplitBytes, otherwise whole by the part its first byte falls in.
// Merging the parts' corpora in piece order gives exactly the sequential result.
#pragma once

#include <cstdint>
#include <vector>

namespace linkdrift {

inline constexpr std::uint64_t kMinSplitBytes = std::uint64_t{4} << 20;

// A whole input (begin = 0, end = size, whole) or a segment [begin, end) of one.
struct Piece {
  std::size_t input = 0;  // index into the sizes
  std::uint64_t begin = 0, end = 0;
  bool whole = true;
  std::size_t part = 0;   // the reader the byte-balanced plan gives it (0 .. parts - 1)
};

// Every piece, in input order and, within an input, in byte order. Pure.
// `splittable[i]`: input i may be cut into segments (JSON exports only).
std::vector<Piece> plan_pieces(const std::vector<std::uint64_t>& sizes, const std::vector<bool>& splittable, int parts);

}  // namespace linkdrift
