// linkdrift-gen: decimal formatting shared by Arena::num and Buffer::uint.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gen {

// The decimal digits of an unsigned integer, in a small inline buffer
// (uint64_t has at most 20 digits). view() stays valid while the object lives.
class Decimal {
 public:
  explicit Decimal(uint64_t v) {
    do {
      buf_[--start_] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v);
  }
  std::string_view view() const { return {buf_ + start_, sizeof buf_ - start_}; }

 private:
  char buf_[20];
  std::size_t start_ = sizeof buf_;
};

}  // namespace gen
