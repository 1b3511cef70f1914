// Hostile input: megabytes without a space, random bytes, adversarial
// repetitions. scan() must finish quickly (linear time) and never crash.
#include <chrono>
#include <random>
#include <string>

#include "test_extract_util.h"

using namespace ldtest;

namespace {

double seconds_to_scan(const std::string& text, std::size_t* count = nullptr) {
  const auto t0 = std::chrono::steady_clock::now();
  const auto links = scan(text);
  const auto t1 = std::chrono::steady_clock::now();
  if (count) *count = links.size();
  return std::chrono::duration<double>(t1 - t0).count();
}

std::string repeat(std::string_view unit, std::size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s.append(unit);
  return s;
}

// Generous bound: Debug and sanitizer builds are slow; a quadratic blow-up on
// 1 MB would take minutes, not seconds.
constexpr double kLimit = 10.0;

}  // namespace

TEST_CASE("extract hostile: 1 MB strings without spaces finish fast") {
  constexpr std::size_t kMB = 1 << 20;
  for (std::string_view unit :
       {"a", "a.", "@a", "0123456789abcdef", "t.me/", "a.ru/aЯ", "Hi...", "x@y.", "https://", "[.]", "hxxp[:]//",
        "@a.b:", "(((", ")))", "a.com/)", "tox:", "matrix:", "переходитеt.me/", "05", "._-", "é.", "a-", "..a"}) {
    const std::string text = repeat(unit, kMB);
    std::size_t n = 0;
    const double s = seconds_to_scan(text, &n);
    INFO("unit '", unit, "' took ", s, " s, links ", n);
    CHECK(s < kLimit);
  }
}

TEST_CASE("extract hostile: random bytes") {
  std::mt19937_64 rng(12345);
  std::string text(1 << 20, '\0');
  for (char& c : text) c = static_cast<char>(rng());
  CHECK(seconds_to_scan(text) < kLimit);
  // Random bytes biased to link characters.
  const std::string_view alphabet = "t.me/@:abcdef0123456789[]()_-#?=&%+xХ汉\xff";
  for (char& c : text) c = alphabet[rng() % alphabet.size()];
  CHECK(seconds_to_scan(text) < kLimit);
  // Many short random messages.
  for (int i = 0; i < 2000; ++i) {
    std::string m(rng() % 64, '\0');
    for (char& c : m) c = alphabet[rng() % alphabet.size()];
    scan(m);
  }
}

TEST_CASE("extract hostile: text without links returns nothing") {
  CHECK(scan("").empty());
  CHECK(scan(repeat("Lorem ipsum dolor sit amet. ", 1 << 16)).empty());
  CHECK(scan(repeat("Привет, мир! Как дела? ", 1 << 14)).empty());
}
