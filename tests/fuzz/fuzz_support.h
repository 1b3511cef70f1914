// Shared by the libFuzzer targets: how an input is cut into feed() chunks.
//
// The first two bytes of a fuzz input pick the chunk sizes (an LCG seed), the
// rest is the file. Each chunk is copied into its own allocation, so a reader
// that keeps a pointer into a chunk after feed() returns is caught by ASan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace linkdrift::fuzz {

struct Input {
  std::uint32_t seed = 0;
  std::string_view file;
};

inline Input split_input(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return {1, std::string_view(reinterpret_cast<const char*>(data), size)};
  return {static_cast<std::uint32_t>(data[0] | data[1] << 8) + 1,
          std::string_view(reinterpret_cast<const char*>(data) + 2, size - 2)};
}

// Calls feed(chunk) with consecutive chunks of `file`, 1 .. 4096 bytes each.
template <typename Feed>
void feed_chunks(std::string_view file, std::uint32_t seed, Feed&& feed) {
  std::uint32_t state = seed;
  for (std::size_t pos = 0; pos < file.size();) {
    state = state * 1664525u + 1013904223u;
    const std::size_t want = (state >> 16) % 4096 + 1;
    const std::size_t n = want < file.size() - pos ? want : file.size() - pos;
    const std::vector<char> copy(file.begin() + static_cast<std::ptrdiff_t>(pos),
                                 file.begin() + static_cast<std::ptrdiff_t>(pos + n));
    feed(std::string_view(copy.data(), copy.size()));
    pos += n;
  }
}

}  // namespace linkdrift::fuzz
