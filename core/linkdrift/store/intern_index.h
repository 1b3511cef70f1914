// Internal helpers for interning: a fast byte hash and an open-addressing
// index of dense ids whose keys live elsewhere (the caller's table). One probe
// sequence per lookup, no allocation on hits, no per-entry nodes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace linkdrift::detail {

inline std::uint64_t mix64(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// 8 bytes per step; the result only shapes table layout (never output), so
// byte order does not matter.
inline std::uint64_t hash_bytes(const char* p, std::size_t n, std::uint64_t seed = 0) {
  std::uint64_t h = seed ^ (n * 0x9E3779B97F4A7C15ULL);
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n != 0) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
  }
  return mix64(h);
}

// Maps a 64-bit hash + caller-side equality to an id in [0, 2^32 - 1).
// Linear probing over 8-byte slots (32-bit hash tag, id), at most 3/4 full.
class InternIndex {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  // Returns the id whose key equals (per `eq(id)`) the probed key, or kNone.
  // `slot` receives where to insert() it when absent.
  template <class Eq>
  std::uint32_t find(std::uint64_t hash, Eq&& eq, std::size_t& slot) const {
    if (slots_.empty()) {
      slot = 0;
      return kNone;
    }
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    std::size_t i = static_cast<std::size_t>(hash) & mask_;
    for (;;) {
      const std::uint64_t s = slots_[i];
      if (s == 0) {
        slot = i;
        return kNone;
      }
      if (static_cast<std::uint32_t>(s >> 32) == tag) {
        const auto id = static_cast<std::uint32_t>(s) - 1;
        if (eq(id)) return id;
      }
      i = (i + 1) & mask_;
    }
  }

  // Adds `id` for `hash` at `slot` (from a find() that returned kNone just
  // before). `hash_of(id)` recomputes the hash of an existing id when the
  // index grows (amortized O(1) per insert; the index keeps 8 bytes a slot).
  template <class HashOf>
  void insert(std::uint64_t hash, std::uint32_t id, std::size_t slot, HashOf&& hash_of) {
    if ((count_ + 1) * 4 > slots_.size() * 3) {  // at most 3/4 full: the tags keep probes cheap
      grow(hash_of);
      slot = free_slot(hash);
    }
    slots_[slot] = entry(hash, id);
    ++count_;
  }

  std::size_t size() const { return count_; }

 private:
  static std::uint64_t entry(std::uint64_t hash, std::uint32_t id) {
    return (hash & 0xFFFFFFFF00000000ULL) | (static_cast<std::uint64_t>(id) + 1);
  }
  std::size_t free_slot(std::uint64_t hash) const {
    std::size_t i = static_cast<std::size_t>(hash) & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    return i;
  }
  template <class HashOf>
  void grow(HashOf&& hash_of) {
    const std::size_t cap = slots_.empty() ? 64 : slots_.size() * 2;
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(cap, 0);
    mask_ = cap - 1;
    for (const std::uint64_t s : old) {
      if (s == 0) continue;
      const auto id = static_cast<std::uint32_t>(s) - 1;
      slots_[free_slot(hash_of(id))] = s;
    }
  }

  std::vector<std::uint64_t> slots_;  // (hash >> 32) << 32 | (id + 1); 0 = empty
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

}  // namespace linkdrift::detail
