// UTF-8 validation of a byte stream fed in chunks split anywhere, with the
// exact file offset of the first invalid sequence (the same offset whatever
// the chunking). The JSON reader rejects invalid UTF-8 too; tdesktop never
// writes it.
//
// CONTRACT: feed() the chunks in order with their file offsets; after a false
// return the stream is done (feed nothing more). The caller should process only
// the bytes before `bad` (they are valid) and then report the error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace linkdrift::html {

class Utf8Stream {
 public:
  void reset() { pending_n_ = 0; }
  // False: `bad` is the file offset of the first byte of the first invalid sequence.
  bool feed(std::string_view chunk, std::uint64_t base, std::uint64_t& bad);
  // At the end of the stream: false if it ends inside a sequence.
  bool finish(std::uint64_t& bad) const;

 private:
  char pending_[4] = {};           // a sequence cut by the last chunk end
  std::size_t pending_n_ = 0;
  std::uint64_t pending_at_ = 0;
};

}  // namespace linkdrift::html
