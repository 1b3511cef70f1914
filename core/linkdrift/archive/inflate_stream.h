// InflateStream: zlib's raw inflate (windowBits -15: deflate data without a
// zlib/gzip header, as ZIP method 8 stores it), driven in bounded steps.
//
// CONTRACT
// - restart() before each stream; the first one allocates zlib's state (about
//   7 KB, plus a 32 KB window on first output). false: zlib could not (out of memory).
// - step() writes at most `capacity` bytes and keeps no pointer into `in` or
//   `out` after it returns. It stops when the input is used up, the output is
//   full, the stream ends (the bytes after its end are not consumed) or the
//   data is corrupt (error() says why). After `end` or `error`: restart().
// - TRAP: the output space being full is not the end: call step() again
//   (zlib may hold output back) until it produces less than `capacity`.
// - zlib.h stays out of this header. Not copyable; movable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace linkdrift {

class InflateStream {
 public:
  enum class Status : std::uint8_t { more, end, error };  // more: wants input or output space
  struct Step {
    std::size_t consumed = 0, produced = 0;
    Status status = Status::more;
  };

  InflateStream();
  ~InflateStream();
  InflateStream(InflateStream&&) noexcept;
  InflateStream& operator=(InflateStream&&) noexcept;
  InflateStream(const InflateStream&) = delete;
  InflateStream& operator=(const InflateStream&) = delete;

  bool restart();
  Step step(std::string_view in, char* out, std::size_t capacity);
  // Why the last step() failed (zlib's message, e.g. "invalid block type").
  const std::string& error() const { return error_; }

 private:
  struct Zlib;
  std::unique_ptr<Zlib> z_;
  std::string error_;
};

}  // namespace linkdrift
