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

enum class Format : uint8_t { Json, Html };

// The content mix (docs/demo-data.md): the default, or phrase-dense: most posts
// also carry a line that uses migration-announcement words without announcing.
enum class Profile : uint8_t { Default, PhraseDense };

struct Options {
  uint64_t size = 5ull << 20;
  uint64_t seed = 1;
  bool account = true;
  int channels = 0;        // 0 = scale with size
  std::string out = "-";
  bool quiet = false;
  Profile profile = Profile::Default;
  // HTML mode (html_writer.h): the messages of the JSON export of `jsonSize`
  // bytes (0: derived from `size` so that the folder lands near it), written as
  // tdesktop's HTML pages; `size` caps the folder when `sizeGiven`.
  Format format = Format::Json;
  uint64_t jsonSize = 0;
  bool sizeGiven = false;
  int htmlTzMinutes = 180;  // the exporting computer's zone (UTC+03:00)
  bool htmlOldDates = false;
};

struct Stats {
  uint64_t bytes = 0, messages = 0, chats = 0;
  double seconds = 0;
  uint64_t jsonSize = 0;  // HTML mode: --size of the JSON export with the same messages
  uint64_t pages = 0;     // HTML mode: messages*.html files
  bool htmlCapped = false;  // HTML mode: stopped at --size before the JSON export's end
};

// HTML bytes per JSON byte of the same messages, used to turn --size into the
// JSON-equivalent size (measured: docs/demo-data.md "HTML mode").
double htmlPerJsonByte(bool account, uint64_t jsonSize);

// Returns 0 on success; prints the error and returns non-zero on I/O failure.
int runExport(const Options &o, Stats &stats);

int defaultChannelCount(uint64_t size);

}  // namespace gen
