// Parallel readers (docs/parallel.md): a file cut anywhere into N segments,
// each read by its own Analyzer through begin_segment/next_read/feed and the
// results merged in order, gives byte for byte the sequential report (with
// announcements), links CSV and errors (same offsets) -- for every fixture and
// every real export, at every cut for small files and random cuts for big ones.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "support.h"

namespace {

using namespace linkdrift;
namespace fs = std::filesystem;

struct Result {
  std::string report, csv, errors;
};

AnalyzerOptions options() {
  AnalyzerOptions o;
  o.detect_announcements = true;
  return o;
}

Result result_of(const Analyzer& a) {
  RecordQuery all;
  all.limit = 0;
  Result r{a.report_json(), link_records_csv(a.corpus(), all, false), ""};
  for (const InputError& e : a.errors()) r.errors += e.file + ":" + std::to_string(e.offset) + ":" + e.message + "\n";
  return r;
}

// Analyzers are reused (clear()): constructing one compiles the extractor.
Analyzer& pooled(std::size_t i) {
  static std::vector<Analyzer> pool;
  pool.reserve(8);  // references stay valid (at most 7 segments + 1)
  REQUIRE(i < 8);
  while (pool.size() <= i) pool.emplace_back(options());
  pool[i].clear();
  return pool[i];
}

Result sequential(const std::string& name, std::string_view data) {
  Analyzer& a = pooled(0);
  a.begin_file(name);
  a.feed(data);
  a.end_file();
  return result_of(a);
}

// Answers the segment's reads from `data`, `chunk` bytes at a time at most.
void read_segment(Analyzer& a, const std::string& name, std::string_view data, std::uint64_t cut_begin,
                  std::uint64_t cut_end, std::size_t chunk) {
  a.begin_segment(name, data.size(), cut_begin, cut_end, chunk);
  while (const auto r = a.next_read()) {
    REQUIRE(r->offset <= data.size());
    // A copy of its own, so that ASan catches a reader keeping a pointer.
    const std::string bytes(data.substr(static_cast<std::size_t>(r->offset), r->length));
    a.feed(bytes);
  }
  a.end_segment();
}

struct Split {
  Result result;
  int nonempty = 0;     // segments that read messages of their own
  bool merged = true;   // false: a merge refused (segments did not line up)
  std::string refused;  // why
};

// cuts: 0 = a_0 < a_1 < ... < a_N = size. `serialized`: the segments travel
// as bytes (serialize / merge_serialized), as between web workers.
Split split(const std::string& name, std::string_view data, const std::vector<std::uint64_t>& cuts,
            std::size_t chunk, bool serialized = false) {
  Split s;
  Analyzer& merged = pooled(0);
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    Analyzer& part = k == 0 ? merged : pooled(k);
    read_segment(part, name, data, cuts[k], cuts[k + 1], chunk);
    const SegmentEdges& e = part.corpus().files().back().segment;
    if (e.start < e.end) ++s.nonempty;
    if (k > 0 && !(serialized ? merged.merge_serialized(part.serialize(), &s.refused)
                              : merged.merge(std::move(part), &s.refused))) {
      s.merged = false;
      return s;
    }
  }
  s.result = result_of(merged);
  return s;
}

void check_same(const Result& want, const Split& got) {
  REQUIRE(got.merged);
  CHECK(got.result.errors == want.errors);
  CHECK(got.result.csv == want.csv);
  CHECK(got.result.report == want.report);
}

std::vector<std::uint64_t> random_cuts(std::mt19937_64& rng, std::uint64_t size, int n) {
  std::vector<std::uint64_t> cuts{0, size};
  for (int i = 1; i < n && size > 1; ++i) cuts.push_back(1 + rng() % (size - 1));
  std::sort(cuts.begin(), cuts.end());
  return cuts;
}

// Only the first segment starts at 0 (tiny files are not split).
std::vector<std::uint64_t> equal_cuts(std::uint64_t size, int n) {
  if (size < static_cast<std::uint64_t>(n)) return {0, size};
  std::vector<std::uint64_t> cuts;
  for (int i = 0; i <= n; ++i) cuts.push_back(size * static_cast<std::uint64_t>(i) / static_cast<std::uint64_t>(n));
  return cuts;
}

// Every byte as the cut of 2 segments (up to `every_byte_limit` bytes; then
// every 13th), equal and random cuts into 2, 3 and 7 segments, with chunk
// sizes that cut patterns apart.
int check_file(const std::string& path, std::size_t every_byte_limit, int random_runs) {
  const std::string data = test::read_bytes(path);
  const std::string name = fs::path(path).filename().string();
  CAPTURE(path);
  const Result want = sequential(name, data);
  std::mt19937_64 rng(data.size());
  const std::size_t chunks[] = {7, 64, 4096, std::size_t{1} << 20, data.size() < 4096 ? std::size_t{1} : std::size_t{7}};
  int nonempty = 0;
  if (data.size() <= 4 * every_byte_limit) {
    const std::uint64_t step = data.size() <= every_byte_limit ? 1 : 13;
    for (std::uint64_t c = 1; c < data.size(); c += step) {
      CAPTURE(c);
      const Split s = split(name, data, {0, c, data.size()}, chunks[c % 5]);
      check_same(want, s);
      nonempty += s.nonempty > 1;
    }
  }
  for (const int n : {2, 3, 7}) {
    CAPTURE(n);
    check_same(want, split(name, data, equal_cuts(data.size(), n), chunks[4]));
    for (int run = 0; run < random_runs; ++run) {
      const std::vector<std::uint64_t> cuts = random_cuts(rng, data.size(), n);
      CAPTURE(run);
      const Split s = split(name, data, cuts, chunks[rng() % 5], run % 2 == 1);
      check_same(want, s);
      nonempty += s.nonempty > 1;
    }
  }
  return nonempty;
}

std::vector<std::string> json_files(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string p = it->path().string();
    if (it->is_regular_file() && it->path().extension() == ".json" && p.find(".expected.") == std::string::npos)
      out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("parallel: boundaries are tdesktop's message starts") {
  const std::string single = "{\n \"messages\": [\n  {\n   \"id\": 1\n  },\n  {\n   \"id\": 2\n  }\n ]\n}";
  const auto first = find_boundary(single, 0, 0);
  REQUIRE(first);
  CHECK(first->offset == single.find("{\n   \"id\": 1"));
  CHECK(first->indent == 2);
  const auto second = find_boundary(single, 0, first->offset + 1);
  REQUIRE(second);
  CHECK(second->offset == single.find("{\n   \"id\": 2"));
  // Offsets are the file's: the same bytes seen from offset 1000.
  CHECK(find_boundary(single, 1000, 1000 + first->offset + 1)->offset == 1000 + second->offset);
  CHECK_FALSE(find_boundary(single, 0, second->offset + 1));
  const std::string account = "\n     {\n      \"id\": 7";
  CHECK(find_boundary(account, 0, 0)->indent == 5);
  // Minified, or another key first: no boundary (the file is read by one segment).
  CHECK_FALSE(find_boundary("{\"messages\":[{\"id\":1},{\"id\":2}]}", 0, 0));
  CHECK_FALSE(find_boundary("\n  {\n   \"type\": \"message\",\n   \"id\": 2", 0, 0));
}

TEST_CASE("parallel: every fixture, split anywhere, merges to the sequential result") {
  int nonempty = 0;
  for (const std::string& path : json_files(test::fixtures_dir())) nonempty += check_file(path, 4096, 20);
  // The cuts really split files (a test that never splits could not fail).
  CHECK(nonempty > 1000);
}

TEST_CASE("parallel: real exports split at random cuts merge to the sequential result") {
  const fs::path root = fs::path(LINKDRIFT_REALWORLD_DIR) / "telegram";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    MESSAGE("real-world exports not found at " << root.string() << ": skipped");
    return;
  }
  for (const std::string& path : json_files(root)) check_file(path, 4096, 8);
}

TEST_CASE("parallel: an error stops the file where it stops sequentially") {
  const std::string path = test::fixtures_dir() + "/fail_malformed.json";
  const std::string data = test::read_bytes(path);
  const Result want = sequential("fail_malformed.json", data);
  REQUIRE_FALSE(want.errors.empty());
  // A cut after the error: the later segment parses fine, yet it is dropped.
  const Split s = split("fail_malformed.json", data, {0, data.size() - 40, data.size()}, 64);
  check_same(want, s);
}

TEST_CASE("parallel: a segment whose chat header cannot be found is refused, never guessed") {
  // An account-layout message pattern without the chat lines around it: the
  // second segment finds a boundary but no "messages" line before it.
  const std::string data =
      "{\"chats\":{\"list\":[{\"name\":\"a\",\"id\":1,\"messages\":[\n     {\n      \"id\": 1, \"type\": \"message\", "
      "\"date\": \"2024-01-01T00:00:00\", \"text\": \"https://example.com/a\"},\n     {\n      \"id\": 2, \"type\": "
      "\"message\", \"date\": \"2024-01-01T00:00:00\", \"text\": \"https://example.com/b\"}]}]}}";
  const Result want = sequential("x.json", data);
  const std::uint64_t cut = data.find("\"id\": 2") - 10;
  Analyzer second(options());
  read_segment(second, "x.json", data, cut, data.size(), 64);
  CHECK(second.corpus().files().front().segment.context_missing);
  CHECK(second.corpus().chats().empty());
  const Split s = split("x.json", data, {0, cut, data.size()}, 64);
  CHECK_FALSE(s.merged);
  CHECK(s.refused == "the segments of x.json do not line up at byte " +
                         std::to_string(data.find("{\n      \"id\": 2")) + " (not a tdesktop layout?)");
  // The caller then reads the file sequentially; with no second segment the
  // first one reads on to the end and gives the sequential answer.
  check_same(want, split("x.json", data, {0, data.size()}, 64));
}

TEST_CASE("parallel: a pattern that is not a message start makes the segment read on") {
  // Single-chat indentation of a message-like object inside a message: the
  // first segment meets it mid-message, so it reads to the end of the file and
  // the merge drops the second segment, which it covered.
  const std::string data =
      "{\n \"name\": \"c\",\n \"type\": \"public_channel\",\n \"id\": 5,\n \"messages\": [\n  {\n   \"id\": 1,\n"
      "   \"type\": \"message\",\n   \"date\": \"2024-01-01T00:00:00\",\n   \"text\": \"https://example.com/a\",\n"
      "   \"x\": [\n  {\n   \"id\": 9\n  }\n   ]\n  },\n  {\n   \"id\": 2,\n   \"type\": \"message\",\n"
      "   \"date\": \"2024-01-02T00:00:00\",\n   \"text\": \"https://example.com/b\"\n  }\n ]\n}\n";
  const Result want = sequential("y.json", data);
  const std::uint64_t cut = data.find("\"x\": [") + 3;
  Analyzer first(options());
  read_segment(first, "y.json", data, 0, cut, 64);
  CHECK(first.corpus().files().front().segment.end == data.size());
  CHECK_FALSE(first.corpus().files().front().segment.open_end);
  check_same(want, split("y.json", data, {0, cut, data.size()}, 64));
}

TEST_CASE("parallel: serialized corpora round-trip, and bad bytes are refused, never trusted") {
  const std::string path = test::fixtures_dir() + "/migration_outcomes.json";
  const std::string data = test::read_bytes(path);
  Analyzer whole(options());
  whole.begin_file("m.json");
  whole.feed(data);
  whole.end_file();
  const std::string bytes = whole.serialize();
  Analyzer copy(options());
  REQUIRE(copy.merge_serialized(bytes));
  CHECK(copy.report_json() == whole.report_json());
  CHECK(copy.serialize() == bytes);

  std::string error;
  Analyzer target(options());
  CHECK_FALSE(target.merge_serialized("", &error));
  CHECK(error == "not a serialized linkdrift corpus");
  CHECK_FALSE(target.merge_serialized(bytes + "x", &error));
  CHECK(error == "corrupt serialized corpus: trailing bytes");
  // Every truncation is refused; flipped bytes are refused or decode to
  // something the report can still be built from (ASan/UBSan watch this).
  for (std::size_t n = 0; n < bytes.size(); n += 1 + n / 64) {
    Analyzer a(options());
    CHECK_FALSE(a.merge_serialized(std::string_view(bytes).substr(0, n)));
    CHECK(a.corpus().files().empty());
  }
  std::mt19937_64 rng(7);
  int refused = 0;
  for (int i = 0; i < 300; ++i) {
    std::string bad = bytes;
    for (int k = 0; k < 3; ++k) bad[rng() % bad.size()] = static_cast<char>(rng());
    Analyzer a(options());
    if (!a.merge_serialized(bad)) {
      ++refused;
      continue;
    }
    CHECK_FALSE(a.report_json().empty());
  }
  CHECK(refused > 0);
}
