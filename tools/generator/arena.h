// linkdrift-gen: bump allocator for the strings of one message (or of the
// roster). Views handed out stay valid until reset(); it never reallocates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>

#include "decimal.h"

namespace gen {

class Arena {
 public:
  explicit Arena(std::size_t capacity) : buf_(new char[capacity]), cap_(capacity) {}
  Arena(const Arena &) = delete;
  Arena &operator=(const Arena &) = delete;

  void reset() { pos_ = 0; }

  // Starts a string; append with add(), finish with done().
  Arena &begin() {
    mark_ = pos_;
    return *this;
  }
  Arena &add(std::string_view s) {
    need(s.size());
    std::memcpy(buf_.get() + pos_, s.data(), s.size());
    pos_ += s.size();
    return *this;
  }
  Arena &add(char c) {
    need(1);
    buf_[pos_++] = c;
    return *this;
  }
  Arena &num(uint64_t v) { return add(Decimal(v).view()); }
  std::string_view done() const { return {buf_.get() + mark_, pos_ - mark_}; }
  std::string_view copy(std::string_view s) { return begin().add(s).done(); }

  // Position of the next byte (lets callers extend the previous string when
  // nothing was allocated in between).
  const char *cursor() const { return buf_.get() + pos_; }

 private:
  void need(std::size_t n) {
    if (pos_ + n > cap_) {
      std::fputs("linkdrift-gen: internal error: arena overflow\n", stderr);
      std::abort();
    }
  }
  std::unique_ptr<char[]> buf_;
  std::size_t cap_;
  std::size_t pos_ = 0;
  std::size_t mark_ = 0;
};

}  // namespace gen
