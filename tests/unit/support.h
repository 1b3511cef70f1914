// Helpers shared by the fixture-driven tests.
#pragma once

#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "linkdrift/analyzer.h"

namespace linkdrift::test {

inline std::string fixtures_dir() { return LINKDRIFT_FIXTURES_DIR; }

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// How a file's bytes are cut into feed() calls.
enum class Chunking { whole, one_byte, seven_bytes, random_sizes };
inline const char* name(Chunking c) {
  switch (c) {
    case Chunking::whole: return "whole";
    case Chunking::one_byte: return "1-byte";
    case Chunking::seven_bytes: return "7-byte";
    case Chunking::random_sizes: return "random";
  }
  return "?";
}

inline void feed_chunked(Analyzer& a, const std::string& bytes, Chunking c, std::uint32_t seed = 42) {
  std::mt19937 rng(seed);
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    std::size_t n = bytes.size();
    if (c == Chunking::one_byte) n = 1;
    if (c == Chunking::seven_bytes) n = 7;
    if (c == Chunking::random_sizes) n = 1 + rng() % 4096;
    n = std::min(n, bytes.size() - pos);
    a.feed(std::string_view(bytes).substr(pos, n));
    pos += n;
  }
}

// One fixture run: the link records as [message_id, platform, kind, target,
// source] rows and the report JSON.
struct Run {
  nlohmann::json links = nlohmann::json::array();
  std::string report;
};

inline Run run_files(const std::vector<std::string>& paths, Chunking c, const ReportOptions& options = {}) {
  Analyzer a;
  Run run;
  a.on_link_record([&](const LinkRecord& r) {
    run.links.push_back({r.message_id, name(r.link->platform), name(r.link->kind), r.link->target, name(r.link->source)});
  });
  for (const std::string& path : paths) {
    a.begin_file(path.substr(path.find_last_of('/') + 1));
    feed_chunked(a, read_bytes(path), c);
    a.end_file();
  }
  run.report = a.report_json(options);
  return run;
}

}  // namespace linkdrift::test
