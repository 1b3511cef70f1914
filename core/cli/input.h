// Finding input files and streaming them into an Analyzer in chunks.
#pragma once

#include <chrono>
#include <memory>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "linkdrift/analyzer.h"

namespace linkdrift::cli {

// Expands directories (recursively, *.json, sorted by path) and keeps files
// in the order given. Paths that do not exist are kept: reading them fails
// with a clear error later, like any other unreadable input.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs);

struct ReadSettings {
  std::size_t chunk_size = 16u << 20;
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

}  // namespace linkdrift::cli
