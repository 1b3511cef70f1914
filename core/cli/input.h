// Finding input files and streaming them into an Analyzer in chunks.
#pragma once

#include <chrono>
#include <memory>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "linkdrift/analyzer.h"
#include "linkdrift/base/read_chunk.h"
#include "linkdrift/reader/format_sniff.h"

namespace linkdrift::cli {

// One input after expansion: a file to read, a file listed as skipped, or a
// folder that failed (nothing readable in it).
struct InputItem {
  enum class Action : std::uint8_t { read, skip, fail };
  std::string path;
  Action action = Action::read;
  std::string reason;  // skip / fail: why
};

// Expands directories (recursively, planned by linkdrift::plan_folder: JSON,
// HTML pages and ZIP archives in page order, media ignored) and keeps files in
// the order given. Paths that do not exist are kept: reading them fails with a
// clear error later, like any other unreadable input.
std::vector<InputItem> expand_inputs(const std::vector<std::string>& inputs);

// The format of the file at `path` from its first bytes (undecided: unreadable).
FileFormat sniff_file(const std::string& path);

struct ReadSettings {
  std::size_t chunk_size = kReadChunkBytes;
  int progress = -1;  // -1: auto (files > 50 MB when stderr is a terminal), 0 off, 1 on (files > 50 MB)
};

// Prints "name  43%  512/1190 MB  812 MB/s  ETA 1s" on stderr, at most ~4x a
// second (every 5 s when stderr is not a terminal). add() is thread-safe.
class Progress {
 public:
  Progress(std::string label, std::uint64_t total, bool tty);
  void add(std::uint64_t bytes);
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  void print(bool final);
  std::mutex mutex_;
  std::string label_;
  std::uint64_t total_, done_ = 0;
  bool tty_;
  Clock::time_point start_, last_;
};

// A Progress for `total` bytes if the settings ask for one (nullptr if not).
std::unique_ptr<Progress> make_progress(const std::string& label, std::uint64_t total, const ReadSettings& settings);

// Feeds `path` to `analyzer` as one input; I/O errors become the file's error.
// Progress goes to `progress` if given, else to a Progress of its own.
void read_file_into(Analyzer& analyzer, const std::string& path, const ReadSettings& settings,
                    Progress* progress = nullptr);

// Reads the segment [cut_begin, cut_end) of `path` (`size` bytes) into
// `analyzer` (Analyzer::begin_segment), answering the core's reads.
void read_segment_into(Analyzer& analyzer, const std::string& path, std::uint64_t size, std::uint64_t cut_begin,
                       std::uint64_t cut_end, const ReadSettings& settings, Progress* progress);

// Reads the ZIP archive `path` (`size` bytes) into `analyzer` (Analyzer::begin_archive).
void read_archive_into(Analyzer& analyzer, const std::string& path, std::uint64_t size, const ReadSettings& settings,
                       Progress* progress);

// Does what `item` says with `analyzer`: reads it (as an archive when its bytes
// are a ZIP), lists it as skipped, or records the folder's error.
void read_item_into(Analyzer& analyzer, const InputItem& item, const ReadSettings& settings, Progress* progress);

}  // namespace linkdrift::cli
