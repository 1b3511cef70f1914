// Finding input files and streaming them into an Analyzer in chunks.
#pragma once

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

// Feeds `path` to `analyzer` as one input; I/O errors become the file's error.
void read_file_into(Analyzer& analyzer, const std::string& path, const ReadSettings& settings);

}  // namespace linkdrift::cli
