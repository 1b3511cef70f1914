// linkdrift-gen: drives the whole export — layout, per-chat byte budgets,
// the day-by-day posting process and the hard size cap.
//
// Size contract: the output never exceeds Options::size bytes; it stops at a
// message boundary and always closes the JSON. Budgets are re-balanced after
// every chat so the result lands within ~1% below the target.
#pragma once

#include <cstdint>
#include <string>

namespace gen {

struct Options {
  uint64_t size = 5ull << 20;
  uint64_t seed = 1;
  bool account = true;
  int channels = 0;        // 0 = scale with size
  std::string out = "-";
  bool quiet = false;
};

struct Stats {
  uint64_t bytes = 0, messages = 0, chats = 0;
  double seconds = 0;
};

// Returns 0 on success; prints the error and returns non-zero on I/O failure.
int runExport(const Options &o, Stats &stats);

int defaultChannelCount(uint64_t size);

}  // namespace gen
