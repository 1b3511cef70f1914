// ExportReader: the event stream must not depend on how the input is chunked.
// Every fixture (hand-written, failing ones, real-world exports) is fed whole,
// in 1-byte and 7-byte chunks, and in seeded random chunk sizes.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "test_reader_util.h"

using reader_test::Chunking;

namespace {

std::vector<std::string> all_inputs() {
  std::vector<std::string> paths;
  namespace fs = std::filesystem;
  const fs::path fixtures = fs::path(LINKDRIFT_FIXTURES_DIR) / "reader";
  for (const auto& e : fs::directory_iterator(fixtures)) paths.push_back(e.path().string());
  const fs::path real = fs::path(LINKDRIFT_REALWORLD_DIR) / "telegram";
  std::error_code ec;
  if (fs::is_directory(real, ec)) {
    for (const auto& dir : fs::directory_iterator(real)) {
      if (!dir.is_directory()) continue;
      for (const auto& e : fs::directory_iterator(dir.path())) {
        if (e.path().extension() == ".json") paths.push_back(e.path().string());
      }
    }
  } else {
    MESSAGE("real-world exports not found at " << real.string() << ": chunking checked on fixtures only");
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

TEST_CASE("reader: identical events for whole, 1-byte, 7-byte and random chunkings") {
  const auto paths = all_inputs();
  REQUIRE(paths.size() >= 10);
  for (const auto& path : paths) {
    CAPTURE(path);
    std::string data;
    REQUIRE(reader_test::read_file(path, data));
    const auto whole = reader_test::events_for(data, Chunking::whole);
    REQUIRE(!whole.empty());
    // Fixtures named fail_* must produce exactly one error, the others none.
    const bool expect_error = path.find("/fail_") != std::string::npos;
    std::size_t errors = 0;
    for (const auto& e : whole) errors += e.rfind("error ", 0) == 0 ? 1 : 0;
    CHECK(errors == (expect_error ? 1u : 0u));
    if (expect_error) CHECK(whole.back().rfind("error ", 0) == 0);

    CHECK(reader_test::events_for(data, Chunking::one_byte) == whole);
    CHECK(reader_test::events_for(data, Chunking::seven_bytes) == whole);
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      CAPTURE(seed);
      CHECK(reader_test::events_for(data, Chunking::random, seed) == whole);
    }
  }
}
