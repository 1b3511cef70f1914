#include "linkdrift/inputs/piece_plan.h"

#include <algorithm>

namespace linkdrift {

std::vector<Piece> plan_pieces(const std::vector<std::uint64_t>& sizes, const std::vector<bool>& splittable, int parts) {
  const auto n = static_cast<std::uint64_t>(std::max(parts, 1));
  std::uint64_t total = 0;
  for (const std::uint64_t s : sizes) total += s;
  // Part t reads the bytes [t * total / n, (t + 1) * total / n) of the inputs laid end to end.
  const auto part_at = [&](std::uint64_t pos) { return total == 0 ? 0 : std::min(n - 1, pos * n / total); };
  const auto cut = [&](std::uint64_t t) { return total * t / n; };
  std::vector<Piece> plan;
  std::uint64_t begin = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    const std::uint64_t end = begin + sizes[i];
    const std::uint64_t first = part_at(begin);
    const std::uint64_t last = sizes[i] == 0 ? first : part_at(end - 1);
    if (sizes[i] < kMinSplitBytes || !splittable[i] || last == first) {
      plan.push_back({i, 0, sizes[i], true, static_cast<std::size_t>(first)});
    } else {
      for (std::uint64_t t = first; t <= last; ++t) {
        const std::uint64_t from = std::max(cut(t), begin) - begin;
        const std::uint64_t to = std::min(cut(t + 1), end) - begin;
        if (from < to) plan.push_back({i, from, to, false, static_cast<std::size_t>(t)});
      }
    }
    begin = end;
  }
  return plan;
}

}  // namespace linkdrift
