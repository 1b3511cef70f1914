// Helpers for the ZIP reader tests: a sink that records every event and checks
// the ArchiveSink protocol, and a driver that answers next_read() from an
// archive held in memory (or a SparseZip), checking every request.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "linkdrift/archive/zip_reader.h"
#include "zip_writer.h"

namespace zip_test {

using linkdrift::ArchiveEntry;

constexpr std::size_t kMiB = std::size_t{1} << 20;
constexpr std::size_t kDefaultChunk = std::size_t{16} << 20;
// The request sizes every well-formed archive is read with.
inline const std::vector<std::size_t> kChunks = {kDefaultChunk, 1000, 7, 1};

struct EntryRead {
  std::string path;
  std::string data;
  std::size_t pieces = 0, max_piece = 0;
  bool ended = false;  // on_entry_end
  std::optional<std::uint64_t> error_offset;
  std::string error;
};

using Chooser = std::function<std::vector<std::size_t>(const std::vector<ArchiveEntry>&)>;

class RecordingSink : public linkdrift::ArchiveSink {
 public:
  Chooser choose;  // default: every entry, in directory order
  bool listed = false;
  std::vector<ArchiveEntry> listing;
  std::vector<EntryRead> reads;
  std::optional<std::pair<std::uint64_t, std::string>> archive_error;
  std::vector<std::string> protocol;  // violations of the ArchiveSink contract

  std::vector<std::size_t> on_listing(const std::vector<ArchiveEntry>& entries) override {
    if (listed || archive_error) protocol.push_back("second listing or listing after an archive error");
    listed = true;
    listing = entries;
    for (std::size_t i = 0; i < entries.size(); ++i)
      if (entries[i].index != i) protocol.push_back("index " + std::to_string(i) + " mismatch");
    if (choose) return choose(entries);
    std::vector<std::size_t> all(entries.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    return all;
  }
  void on_entry_begin(const ArchiveEntry& entry) override {
    if (open_) protocol.push_back("begin inside an entry");
    open_ = true;
    reads.push_back({entry.path, {}, 0, 0, false, std::nullopt, {}});
  }
  void on_entry_data(std::string_view bytes) override {
    if (!open_) protocol.push_back("data outside an entry");
    if (bytes.empty()) protocol.push_back("empty data piece");
    if (bytes.size() > kMiB) protocol.push_back("data piece above 1 MiB");
    if (reads.empty()) return;
    EntryRead& r = reads.back();
    r.data.append(bytes);
    ++r.pieces;
    r.max_piece = std::max(r.max_piece, bytes.size());
  }
  void on_entry_end() override {
    if (!open_) protocol.push_back("end outside an entry");
    open_ = false;
    if (!reads.empty()) reads.back().ended = true;
  }
  void on_entry_error(std::uint64_t offset, std::string message) override {
    if (!open_) protocol.push_back("entry error outside an entry: " + message);
    open_ = false;
    if (reads.empty()) return;
    reads.back().error_offset = offset;
    reads.back().error = std::move(message);
  }
  void on_archive_error(std::uint64_t offset, std::string message) override {
    if (listed || archive_error) protocol.push_back("archive error after the listing: " + message);
    archive_error = {offset, std::move(message)};
  }
  bool open() const { return open_; }

 private:
  bool open_ = false;
};

struct Stats {
  std::size_t requests = 0;
  std::uint64_t requested_bytes = 0;
  std::uint64_t bytes_total = 0;  // the reader's at the end
  std::vector<linkdrift::ReadRequest> log;  // the first requests
};

using ReadFn = std::function<std::string(std::uint64_t at, std::size_t length)>;

struct Drive {
  std::size_t chunk = kDefaultChunk;
  Chooser choose;
  // Bytes [missing_from, missing_to) cannot be read: a read stops at the first
  // of them (fewer bytes, or an empty feed), as for a file that shrank or changed.
  std::uint64_t missing_from = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t missing_to = std::numeric_limits<std::uint64_t>::max();
  linkdrift::ZipLimits limits;
};

struct Outcome {
  RecordingSink sink;
  Stats stats;
};

// Reads an archive of `size` bytes through ZipReader, checking each request
// (non-empty, <= chunk, inside the archive), progress and the sink protocol.
inline Outcome drive(std::uint64_t size, const ReadFn& read, const Drive& d = {}) {
  Outcome out;
  out.sink.choose = d.choose;
  linkdrift::ZipReader reader(out.sink, d.limits);
  reader.begin(size, d.chunk);
  std::uint64_t done = 0;
  while (const auto r = reader.next_read()) {
    REQUIRE(r->length > 0);
    REQUIRE(r->length <= d.chunk);
    REQUIRE(r->offset <= size);
    REQUIRE(r->length <= size - r->offset);
    if (out.stats.log.size() < 64) out.stats.log.push_back(*r);
    ++out.stats.requests;
    out.stats.requested_bytes += r->length;
    REQUIRE(out.stats.requests < 50'000'000);
    std::string bytes;  // a fresh allocation per read: ASan sees a reader that keeps pointers
    std::uint64_t n = r->length;
    if (r->offset >= d.missing_from && r->offset < d.missing_to) n = 0;
    else if (r->offset < d.missing_from) n = std::min(n, d.missing_from - r->offset);
    if (n > 0) bytes = read(r->offset, static_cast<std::size_t>(n));
    reader.feed(bytes);
    CHECK(reader.bytes_done() >= done);
    CHECK(reader.bytes_done() <= reader.bytes_total());
    done = reader.bytes_done();
  }
  CHECK_FALSE(reader.active());
  CHECK_FALSE(out.sink.open());
  CHECK(out.sink.protocol == std::vector<std::string>{});
  CHECK(out.sink.listed != out.sink.archive_error.has_value());
  if (!out.sink.archive_error) CHECK(reader.bytes_done() == reader.bytes_total());
  out.stats.bytes_total = reader.bytes_total();
  return out;
}

inline Outcome drive(const std::string& zip, const Drive& d = {}) {
  return drive(zip.size(), [&zip](std::uint64_t at, std::size_t n) { return zip.substr(static_cast<std::size_t>(at), n); },
               d);
}

inline Outcome drive(const linkdrift::test::SparseZip& zip, const Drive& d = {}) {
  return drive(zip.size(), [&zip](std::uint64_t at, std::size_t n) { return zip.read(at, n); }, d);
}

inline Drive with_chunk(std::size_t chunk) {
  Drive d;
  d.chunk = chunk;
  return d;
}

inline Chooser choose(std::vector<std::size_t> indexes) {
  return [indexes](const std::vector<ArchiveEntry>&) { return indexes; };
}

// Deterministic incompressible bytes.
inline std::string noise(std::size_t n, std::uint32_t seed = 1) {
  std::string s(n, '\0');
  std::uint32_t x = seed * 2654435761u + 1;
  for (char& c : s) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    c = static_cast<char>(x & 0xFF);
  }
  return s;
}

// Compressible JSON-like text of about n bytes.
inline std::string json_text(std::size_t n) {
  std::string s = "{\n \"name\": \"chat\",\n \"messages\": [\n";
  for (int i = 1; s.size() < n; ++i)
    s += "  {\n   \"id\": " + std::to_string(i) + ",\n   \"text\": \"https://t.me/c" + std::to_string(i % 97) +
         "\"\n  },\n";
  s += " ]\n}\n";
  return s;
}

}  // namespace zip_test
