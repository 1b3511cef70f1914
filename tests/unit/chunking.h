// How an input's bytes are cut into feed() calls; shared by the fixture tests
// (support.h) and the reader tests (test_reader_util.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace linkdrift::test {

enum class Chunking { whole, one_byte, seven_bytes, random };

inline const char* chunking_name(Chunking c) {
  switch (c) {
    case Chunking::whole: return "whole";
    case Chunking::one_byte: return "1-byte";
    case Chunking::seven_bytes: return "7-byte";
    case Chunking::random: return "random";
  }
  return "?";
}

// Calls feed(std::string_view) with consecutive chunks of `data` cut as
// `chunking` says (`seed` picks the random sizes; `whole` feeds once, even an
// empty input). Each chunk is copied into its own allocation (or a stack
// byte), so a reader that kept a pointer into a chunk is caught by ASan.
template <typename Feed>
void feed_chunks(std::string_view data, Chunking chunking, std::uint64_t seed, Feed&& feed) {
  switch (chunking) {
    case Chunking::whole: {
      const std::string copy(data);
      feed(std::string_view(copy));
      break;
    }
    case Chunking::one_byte:
      for (const char c : data) {
        const char byte = c;
        feed(std::string_view(&byte, 1));
      }
      break;
    case Chunking::seven_bytes:
    case Chunking::random: {
      std::mt19937_64 rng(seed);
      std::size_t pos = 0;
      while (pos < data.size()) {
        std::size_t size = 7;
        if (chunking == Chunking::random) {
          const auto r = rng();
          size = (r % 3 == 0) ? 1 + (r >> 8) % 8 : (r % 3 == 1) ? 1 + (r >> 8) % 512 : 1 + (r >> 8) % 70000;
        }
        if (size > data.size() - pos) size = data.size() - pos;
        const std::string chunk(data.substr(pos, size));
        feed(std::string_view(chunk));
        pos += size;
      }
      break;
    }
  }
}

}  // namespace linkdrift::test
