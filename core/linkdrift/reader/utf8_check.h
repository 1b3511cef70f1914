// Locating the first invalid UTF-8 byte (only used to report an exact offset
// after simdjson has rejected a message as invalid UTF-8).
#pragma once

#include <cstddef>

namespace linkdrift::reader {

// Index of the first byte of the first invalid UTF-8 sequence in p[0..n), or n if valid.
std::size_t find_invalid_utf8(const char* p, std::size_t n);

}  // namespace linkdrift::reader
