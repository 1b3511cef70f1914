// Append-only storage in fixed-size blocks that never move: no doubling slack
// and no regrowth copy (a growing std::vector briefly holds old and new arrays,
// and a wasm heap never shrinks, so that transient peak is paid for good).
//
// CONTRACT
// - BlockVector<T>: T trivially copyable; elements live in blocks of
//   kPerBlock (a power of two, ~1 MB of T); push_back never moves an element.
//   Memory = size rounded up to a block, plus one pointer per block.
// - ByteArena: copies byte strings into 1 MB blocks (a string of >= 256 KB gets
//   its own block); the returned pointers stay valid for the arena's lifetime.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <type_traits>
#include <vector>

namespace linkdrift {

template <class T>
class BlockVector {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  static constexpr std::size_t kShift = [] {
    std::size_t s = 0;
    while ((std::size_t{2} << s) * sizeof(T) <= (std::size_t{1} << 20)) ++s;
    return s;
  }();
  static constexpr std::size_t kPerBlock = std::size_t{1} << kShift;

  void push_back(const T& v) {
    if ((size_ & (kPerBlock - 1)) == 0) blocks_.emplace_back(new T[kPerBlock]);
    blocks_.back()[size_ & (kPerBlock - 1)] = v;
    ++size_;
  }
  T& operator[](std::size_t i) { return blocks_[i >> kShift][i & (kPerBlock - 1)]; }
  const T& operator[](std::size_t i) const { return blocks_[i >> kShift][i & (kPerBlock - 1)]; }
  T& back() { return (*this)[size_ - 1]; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  std::vector<std::unique_ptr<T[]>> blocks_;
  std::size_t size_ = 0;
};

class ByteArena {
 public:
  // Copies `s`; the result stays valid (and unchanged) while the arena lives.
  std::string_view store(std::string_view s) {
    if (s.empty()) return {};
    if (s.size() > left_) {
      if (s.size() >= kBlock / 4) {  // a large string gets its own block; the current one stays active
        blocks_.emplace_back(new char[s.size()]);
        std::memcpy(blocks_.back().get(), s.data(), s.size());
        return {blocks_.back().get(), s.size()};
      }
      blocks_.emplace_back(new char[kBlock]);
      pos_ = blocks_.back().get();
      left_ = kBlock;
    }
    char* p = pos_;
    std::memcpy(p, s.data(), s.size());
    pos_ += s.size();
    left_ -= s.size();
    return {p, s.size()};
  }

 private:
  static constexpr std::size_t kBlock = std::size_t{1} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* pos_ = nullptr;
  std::size_t left_ = 0;
};

}  // namespace linkdrift
