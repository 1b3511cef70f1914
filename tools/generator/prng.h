// linkdrift-gen: the only source of randomness in the generator.
//
// Contract: every value the generator writes derives from Rng streams seeded
// from --seed, so the same options give byte-identical output on every
// platform. Do NOT use std::uniform_*_distribution or std::shuffle here: their
// algorithms are implementation-defined and differ across standard libraries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace gen {

// SplitMix64 step: used to seed xoshiro and to derive independent substreams.
inline uint64_t splitmix64(uint64_t &state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Mixes a stream key into a seed (e.g. seed + chat id -> that chat's stream).
inline uint64_t mixSeed(uint64_t seed, uint64_t key) {
  uint64_t s = seed ^ (key * 0xD1B54A32D192ED03ull);
  splitmix64(s);
  return splitmix64(s);
}

// xoshiro256** 1.0 (Blackman & Vigna), public domain algorithm.
class Rng {
 public:
  explicit Rng(uint64_t seed = 1) {
    uint64_t sm = seed;
    for (auto &w : s_) w = splitmix64(sm);
  }

  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n) by multiply-shift (bias < 2^-32, irrelevant here). n > 0.
  uint32_t below(uint32_t n) {
    return static_cast<uint32_t>(((next() >> 32) * static_cast<uint64_t>(n)) >> 32);
  }
  // Uniform in [lo, hi], inclusive.
  int64_t range(int64_t lo, int64_t hi) {
    const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
    return lo + static_cast<int64_t>(next() % span);
  }
  // Uniform double in [0, 1) with 53 random bits (IEEE arithmetic: portable).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return uniform() < p; }

  template <class T>
  const T &pick(std::span<const T> items) {
    return items[below(static_cast<uint32_t>(items.size()))];
  }
  template <class T, std::size_t N>
  const T &pick(const T (&items)[N]) {
    return items[below(static_cast<uint32_t>(N))];
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace gen
