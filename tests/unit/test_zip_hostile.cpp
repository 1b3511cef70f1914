// ZipReader on broken and hostile archives: every error with its archive
// offset and message; reading goes on with the next entry where it can.
#include <doctest/doctest.h>

#include "linkdrift/archive/zip_format.h"
#include "zip_test_util.h"

using linkdrift::test::put_le16;
using linkdrift::test::put_le32;
using linkdrift::test::put_le64;
using linkdrift::test::ZipEntrySpec;
using linkdrift::test::ZipLayout;
using linkdrift::test::ZipWriter;
using linkdrift::test::zip_crc32;
using namespace zip_test;

namespace {

const std::string kNotZip = "not a ZIP archive: no end-of-central-directory record";

struct Built {
  std::string zip;
  ZipLayout layout;
};

Built build(const std::vector<ZipEntrySpec>& specs, linkdrift::test::ZipOptions options = {}) {
  ZipWriter w(std::move(options));
  for (const ZipEntrySpec& s : specs) w.add(s);
  Built b;
  b.zip = w.finish();
  b.layout = w.layout();
  return b;
}

// Three entries: a.json (deflate), b.txt (stored), c.json (deflate).
Built three(linkdrift::test::ZipOptions options = {}) {
  return build({{.name = "a.json", .data = json_text(2000)},
                {.name = "b.txt", .data = "plain text", .method = 0},
                {.name = "c.json", .data = json_text(1500)}},
               std::move(options));
}

std::size_t at(std::uint64_t offset) { return static_cast<std::size_t>(offset); }

void check_archive_error(const Outcome& o, std::uint64_t offset, const std::string& message) {
  REQUIRE(o.sink.archive_error.has_value());
  CHECK(o.sink.archive_error->first == offset);
  CHECK(o.sink.archive_error->second == message);
  CHECK(o.sink.listing.empty());
  CHECK(o.sink.reads.empty());
}

void check_entry_error(const EntryRead& r, std::uint64_t offset, const std::string& message) {
  CHECK_FALSE(r.ended);
  CHECK(r.error_offset == offset);
  CHECK(r.error == message);
}

void check_archive_error_all_chunks(const std::string& zip, std::uint64_t offset, const std::string& message) {
  for (const std::size_t chunk : {kDefaultChunk, std::size_t{7}}) {
    CAPTURE(chunk);
    check_archive_error(drive(zip, with_chunk(chunk)), offset, message);
  }
}

}  // namespace

TEST_CASE("zip hostile: not a ZIP archive: empty, tiny, JSON, a ZIP cut short") {
  check_archive_error(drive(std::string()), 0, kNotZip);
  check_archive_error(drive(std::string(21, '\0')), 0, kNotZip);
  check_archive_error_all_chunks(json_text(100'000), 0, kNotZip);
  const Built b = three();
  check_archive_error_all_chunks(b.zip.substr(0, b.zip.size() / 2), 0, kNotZip);
  check_archive_error(drive(b.zip.substr(0, b.zip.size() - 1)), 0, kNotZip);
}

TEST_CASE("zip hostile: the archive ends before its announced size (short and empty feeds)") {
  // a.bin (200 KB stored) lies before the tail: its bytes are asked for.
  const std::string a = noise(200'000);
  const Built b = build({{.name = "a.bin", .data = a, .method = 0}, {.name = "b.json", .data = json_text(3000)}});
  const std::uint64_t size = b.zip.size(), tail_at = size - linkdrift::zip::kMaxEocdSearch;
  auto message = [&](std::uint64_t end) {
    return "the archive ends at offset " + std::to_string(end) + ", before its announced size of " +
           std::to_string(size) + " bytes";
  };
  // In the tail: an archive error, from a short feed or an empty one.
  for (const std::size_t chunk : {kDefaultChunk, std::size_t{1000}}) {
    Drive d = with_chunk(chunk);
    d.missing_from = size - 10;
    check_archive_error(drive(b.zip, d), size - 10, message(size - 10));
    d.missing_from = 1000;
    check_archive_error(drive(b.zip, d), tail_at, message(tail_at));
  }
  // In a.bin's data: its error; b.json is not read (no more data), though the tail holds it.
  for (const std::size_t chunk : {kDefaultChunk, std::size_t{7}, std::size_t{1000}}) {
    CAPTURE(chunk);
    Drive d = with_chunk(chunk);
    d.missing_from = 50'000;
    d.missing_to = 60'000;
    const Outcome o = drive(b.zip, d);
    REQUIRE(o.sink.reads.size() == 2);
    check_entry_error(o.sink.reads[0], 50'000, message(50'000));
    CHECK(o.sink.reads[0].data == a.substr(0, 50'000 - at(b.layout.entries[0].data_offset)));
    check_entry_error(o.sink.reads[1], 50'000, message(50'000));
    CHECK(o.sink.reads[1].pieces == 0);
  }
  // In a.bin's local header.
  Drive d;
  d.missing_from = 10;
  d.missing_to = 20;
  const Outcome o = drive(b.zip, d);
  REQUIRE(o.sink.reads.size() == 2);
  check_entry_error(o.sink.reads[0], 10, message(10));
  CHECK(o.sink.reads[0].pieces == 0);
  check_entry_error(o.sink.reads[1], 10, message(10));
}

TEST_CASE("zip hostile: feed({}) ends an active reader at once, in every phase") {
  const Built b = build({{.name = "a.json", .data = json_text(3000)},
                         {.name = "b.txt", .data = "b", .method = 0},
                         {.name = "c.json", .data = json_text(100)}},
                        {.zip64 = true, .comment = std::string(65535, 'c')});
  // Stop after each number of reads: the reader must be done after one empty feed.
  for (std::size_t stop = 0;; ++stop) {
    CAPTURE(stop);
    RecordingSink sink;
    linkdrift::ZipReader reader(sink);
    reader.begin(b.zip.size(), 1000);
    std::size_t n = 0;
    for (; n < stop && reader.next_read(); ++n) {
      const auto r = *reader.next_read();
      reader.feed(b.zip.substr(at(r.offset), r.length));
    }
    if (!reader.active()) break;  // stopped after the last read: all done
    const std::uint64_t end = reader.next_read()->offset;
    reader.feed({});
    CHECK_FALSE(reader.active());
    CHECK_FALSE(reader.next_read().has_value());
    CHECK_FALSE(sink.open());
    CHECK(sink.protocol.empty());
    const std::string want = "the archive ends at offset " + std::to_string(end) + ", before its announced size of " +
                             std::to_string(b.zip.size()) + " bytes";
    if (!sink.listed) {
      REQUIRE(sink.archive_error.has_value());
      CHECK(sink.archive_error->second == want);
      continue;
    }
    REQUIRE(sink.reads.size() == 3);  // every chosen entry was begun and ended or failed
    CHECK(sink.reads.back().error == want);
  }
}

TEST_CASE("zip hostile: encrypted entries (flag bit 0, AES method 99) and unknown methods fail, the rest is read") {
  const std::string c = json_text(1000);
  const Built b = build({{.name = "secret.json", .data = "x", .raw = noise(40), .flags = 1},
                         {.name = "aes.json", .data = "x", .method = 99, .raw = noise(40)},
                         {.name = "bzip2.json", .data = "x", .method = 12, .raw = "BZh91AY&SY" + noise(30)},
                         {.name = "ok.json", .data = c}});
  for (const std::size_t chunk : {kDefaultChunk, std::size_t{7}}) {
    const Outcome o = drive(b.zip, with_chunk(chunk));
    REQUIRE(o.sink.listing.size() == 4);
    CHECK(o.sink.listing[0].encrypted);
    CHECK(o.sink.listing[1].encrypted);
    CHECK(o.sink.listing[1].method == 99);
    CHECK_FALSE(o.sink.listing[2].encrypted);
    REQUIRE(o.sink.reads.size() == 4);
    const std::string encrypted = "encrypted (password-protected) entries are not supported";
    check_entry_error(o.sink.reads[0], 0, encrypted);
    check_entry_error(o.sink.reads[1], b.layout.entries[1].local_header_offset, encrypted);
    check_entry_error(o.sink.reads[2], b.layout.entries[2].local_header_offset,
                      "compression method 12 is not supported (only stored and deflate)");
    for (int i = 0; i < 3; ++i) CHECK(o.sink.reads[static_cast<std::size_t>(i)].pieces == 0);
    CHECK(o.sink.reads[3].ended);
    CHECK(o.sink.reads[3].data == c);
  }
}

TEST_CASE("zip hostile: corrupt and truncated deflate data") {
  const std::string good = json_text(20'000);
  const std::string stream = linkdrift::test::raw_deflate(good);
  // 0x07: a final block of the reserved type 3.
  const Built b = build({{.name = "bad-block.json", .data = good, .raw = "\x07" + noise(100)},
                         {.name = "cut.json", .data = good, .raw = stream.substr(0, stream.size() / 2)},
                         {.name = "ok.json", .data = good}});
  for (const std::size_t chunk : {kDefaultChunk, std::size_t{7}, std::size_t{1}}) {
    CAPTURE(chunk);
    const Outcome o = drive(b.zip, with_chunk(chunk));
    REQUIRE(o.sink.reads.size() == 3);
    check_entry_error(o.sink.reads[0], b.layout.entries[0].data_offset + 1, "corrupt deflate data (invalid block type)");
    const auto& cut = b.layout.entries[1];
    check_entry_error(o.sink.reads[1], cut.data_offset + cut.compressed_size,
                      "the deflate data ends early: the stream is incomplete after the entry's " +
                          std::to_string(cut.compressed_size) + " compressed bytes");
    CHECK(o.sink.reads[1].data.size() < good.size());
    CHECK(good.compare(0, o.sink.reads[1].data.size(), o.sink.reads[1].data) == 0);  // delivered stays delivered
    CHECK(o.sink.reads[2].ended);
  }
}

TEST_CASE("zip hostile: CRC-32 and size mismatches are found at the end, after the data") {
  const std::string data = json_text(5000);
  const std::uint32_t crc = zip_crc32(data);
  const Built b = build({{.name = "crc.json", .data = data, .crc32 = crc ^ 1},
                         {.name = "crc-stored.txt", .data = "stored", .method = 0, .crc32 = 0},
                         {.name = "short.json", .data = data, .size = data.size() + 10},
                         {.name = "ok.txt", .data = "fine", .method = 0}});
  char deflated_crc[80], stored_crc[80];
  std::snprintf(deflated_crc, sizeof deflated_crc, "CRC-32 mismatch: the data has 0x%08x, the archive says 0x%08x", crc,
                crc ^ 1);
  std::snprintf(stored_crc, sizeof stored_crc, "CRC-32 mismatch: the data has 0x%08x, the archive says 0x00000000",
                zip_crc32("stored"));
  for (const std::size_t chunk : {kDefaultChunk, std::size_t{7}}) {
    const Outcome o = drive(b.zip, with_chunk(chunk));
    REQUIRE(o.sink.reads.size() == 4);
    check_entry_error(o.sink.reads[0], b.layout.entries[0].data_offset, deflated_crc);
    CHECK(o.sink.reads[0].data == data);  // delivered before the check
    check_entry_error(o.sink.reads[1], b.layout.entries[1].data_offset, stored_crc);
    check_entry_error(o.sink.reads[2], b.layout.entries[2].data_offset,
                      "the data inflates to " + std::to_string(data.size()) + " bytes, the declared size is " +
                          std::to_string(data.size() + 10));
    CHECK(o.sink.reads[2].data == data);
    CHECK(o.sink.reads[3].ended);
  }
}

TEST_CASE("zip hostile: a deflate bomb stops at the declared size") {
  const std::string zeros(16 * kMiB, '\0');  // deflates to ~16 KB
  const std::string stream = linkdrift::test::raw_deflate(zeros);
  const Built b = build({{.name = "bomb.json", .data = zeros, .raw = stream, .size = 1000},
                         {.name = "zero.json", .data = zeros, .raw = stream, .size = 0},
                         {.name = "bomb-3m.json", .data = zeros, .raw = stream, .size = 3 * kMiB},
                         {.name = "stored.txt", .data = "12345", .method = 0, .size = 3},
                         {.name = "ok.txt", .data = "fine", .method = 0}});
  for (const std::size_t chunk : {kDefaultChunk, std::size_t{1000}}) {
    CAPTURE(chunk);
    const Outcome o = drive(b.zip, with_chunk(chunk));
    REQUIRE(o.sink.reads.size() == 5);
    const EntryRead& bomb = o.sink.reads[0];
    CHECK(bomb.data == std::string(1000, '\0'));
    CHECK(bomb.error == "the deflate data inflates to more than the declared size of 1000 bytes");
    CHECK(*bomb.error_offset > b.layout.entries[0].data_offset);
    CHECK(*bomb.error_offset < b.layout.entries[0].data_offset + 100);  // at once, not after 16 MiB
    CHECK(o.sink.reads[1].data.empty());
    CHECK(o.sink.reads[1].error == "the deflate data inflates to more than the declared size of 0 bytes");
    CHECK(o.sink.reads[2].data.size() == 3 * kMiB);
    CHECK(o.sink.reads[2].error == "the deflate data inflates to more than the declared size of 3145728 bytes");
    check_entry_error(o.sink.reads[3], b.layout.entries[3].local_header_offset,
                      "stored entry with a compressed size (5) other than its size (3)");
    CHECK(o.sink.reads[4].ended);
  }
}

TEST_CASE("zip hostile: overlapping entries (the same bytes listed twice, an entry inside another)") {
  Built b = three();
  // c.json's central record points at a.json's local header (same method, similar size).
  const auto& l = b.layout;
  put_le32(b.zip, at(l.entries[2].central_offset) + 42, l.entries[0].local_header_offset);
  const std::string overlap_a = "the entry overlaps entry 'a.json' (archive bytes 0 to " +
                                std::to_string(l.entries[0].data_offset + l.entries[0].compressed_size) +
                                "); overlapping entries are not read";
  for (const std::size_t chunk : {kDefaultChunk, std::size_t{7}}) {
    const Outcome o = drive(b.zip, with_chunk(chunk));
    REQUIRE(o.sink.reads.size() == 3);
    CHECK(o.sink.reads[0].ended);
    CHECK(o.sink.reads[1].ended);
    check_entry_error(o.sink.reads[2], 0, overlap_a);
  }
  // One entry chosen twice.
  const Built fine = three();
  const Outcome twice = drive(fine.zip, {.choose = choose({0, 0})});
  REQUIRE(twice.sink.reads.size() == 2);
  CHECK(twice.sink.reads[0].ended);
  check_entry_error(twice.sink.reads[1], 0, overlap_a);

  // An entry whose local header and data lie inside another's (stored) data: the
  // overlapping-file bomb's construction. Whichever comes second fails.
  ZipWriter inner;
  const std::string kernel_data = json_text(4000);
  inner.add({.name = "kernel.json", .data = kernel_data});
  const std::string kernel = inner.finish().substr(0, at(inner.layout().cd_offset));
  ZipWriter w;
  w.add({.name = "outer.bin", .data = kernel, .method = 0});
  w.add({.name = "kernel.json", .data = kernel_data});
  std::string zip = w.finish();
  const std::uint64_t inner_at = w.layout().entries[0].data_offset;
  put_le32(zip, at(w.layout().entries[1].central_offset) + 42, inner_at);
  const Outcome outer_first = drive(zip);
  REQUIRE(outer_first.sink.reads.size() == 2);
  CHECK(outer_first.sink.reads[0].ended);
  check_entry_error(outer_first.sink.reads[1], inner_at,
                    "the entry overlaps entry 'outer.bin' (archive bytes 0 to " +
                        std::to_string(inner_at + kernel.size()) + "); overlapping entries are not read");
  const Outcome kernel_first = drive(zip, {.choose = choose({1, 0})});
  REQUIRE(kernel_first.sink.reads.size() == 2);
  CHECK(kernel_first.sink.reads[0].data == kernel_data);
  CHECK(kernel_first.sink.reads[0].ended);
  CHECK(kernel_first.sink.reads[1].error.rfind("the entry overlaps entry 'kernel.json'", 0) == 0);
}

TEST_CASE("zip hostile: local headers: wrong signature, other method, sizes or CRC than the central directory") {
  for (const bool zip64 : {false, true}) {
    CAPTURE(zip64);
    const Built fine = three({.zip64 = zip64});
    const auto& l = fine.layout;
    const std::uint64_t a = l.entries[0].local_header_offset, b = l.entries[1].local_header_offset,
                        c = l.entries[2].local_header_offset;
    Built broken = fine;
    put_le32(broken.zip, at(a), 0x12345678);            // a.json: signature
    put_le16(broken.zip, at(b) + 8, 8);                 // b.txt: deflate instead of stored
    put_le32(broken.zip, at(c) + 14, 0xDEADBEEF);       // c.json: CRC
    for (const std::size_t chunk : {kDefaultChunk, std::size_t{7}}) {
      const Outcome o = drive(broken.zip, with_chunk(chunk));
      REQUIRE(o.sink.reads.size() == 3);
      check_entry_error(o.sink.reads[0], a, "no local header at offset 0 (wrong signature)");
      check_entry_error(o.sink.reads[1], b, "the local header says compression method 8, the central directory 0");
      char want[128];
      std::snprintf(want, sizeof want,
                    "the local header disagrees with the central directory: CRC-32 0xdeadbeef vs 0x%08x",
                    o.sink.listing[2].crc32);
      check_entry_error(o.sink.reads[2], c, want);
    }
    // Compressed size: in the fixed field, or (ZIP64) in the local extra field.
    Built sizes = fine;
    const std::size_t csize_at = zip64 ? at(a) + 30 + 6 + 4 + 8 : at(a) + 18;  // name "a.json", extra header, size
    if (zip64) put_le64(sizes.zip, csize_at, l.entries[0].compressed_size + 1);
    else put_le32(sizes.zip, csize_at, l.entries[0].compressed_size + 1);
    const Outcome o = drive(sizes.zip);
    check_entry_error(o.sink.reads[0], a,
                      "the local header disagrees with the central directory: compressed size " +
                          std::to_string(l.entries[0].compressed_size + 1) + " vs " +
                          std::to_string(l.entries[0].compressed_size));
    CHECK(o.sink.reads[1].ended);
  }
}

TEST_CASE("zip hostile: entry offsets and sizes beyond the archive's entries") {
  Built b = three();
  const auto& l = b.layout;
  put_le32(b.zip, at(l.entries[0].central_offset) + 42, l.cd_offset);            // a.json: header at the directory
  put_le32(b.zip, at(l.entries[1].central_offset) + 42, 0xFFFFFFF0);             // b.txt: far beyond the end
  put_le32(b.zip, at(l.entries[2].central_offset) + 20, 0x7FFFFFFF);             // c.json: data runs past
  const std::string end = std::to_string(l.cd_offset);
  for (const std::size_t chunk : {kDefaultChunk, std::size_t{7}}) {
    const Outcome o = drive(b.zip, with_chunk(chunk));
    REQUIRE(o.sink.reads.size() == 3);
    check_entry_error(o.sink.reads[0], l.cd_offset,
                      "the local header offset " + end + " lies outside the archive's entries (they end at offset " +
                          end + ")");
    check_entry_error(o.sink.reads[1], 0xFFFFFFF0,
                      "the local header offset 4294967280 lies outside the archive's entries (they end at offset " +
                          end + ")");
    check_entry_error(o.sink.reads[2], l.entries[2].local_header_offset,
                      "the entry's data (2147483647 bytes at offset " + std::to_string(l.entries[2].data_offset) +
                          ") runs past the archive's entries (they end at offset " + end + ")");
  }
}

TEST_CASE("zip hostile: inconsistent end records and central directories are archive errors") {
  const Built fine = three();
  const auto& l = fine.layout;
  const std::size_t eocd = at(l.eocd_offset);
  const std::string e = std::to_string(l.eocd_offset), cd = std::to_string(l.cd_offset),
                    cd_size = std::to_string(l.cd_size);
  auto patched = [&](std::size_t offset, std::uint64_t value, int bytes) {
    std::string z = fine.zip;
    linkdrift::test::put_le(z, offset, value, bytes);
    return z;
  };
  SUBCASE("directory offset beyond the archive") {
    check_archive_error_all_chunks(patched(eocd + 16, fine.zip.size() + 100, 4), l.eocd_offset,
                                   "the central directory (" + cd_size + " bytes at offset " +
                                       std::to_string(fine.zip.size() + 100) +
                                       ") lies outside the archive: its end record is at offset " + e);
  }
  SUBCASE("directory size beyond its end record") {
    check_archive_error_all_chunks(patched(eocd + 12, l.cd_size + 1, 4), l.eocd_offset,
                                   "the central directory (" + std::to_string(l.cd_size + 1) + " bytes at offset " +
                                       cd + ") lies outside the archive: its end record is at offset " + e);
  }
  SUBCASE("more entries declared than the directory holds") {
    // Names long enough for the directory's size to allow 4 records.
    Built named = build({{.name = std::string(40, 'a')}, {.name = std::string(40, 'b')}, {.name = std::string(40, 'c')}});
    const std::size_t end_at = at(named.layout.eocd_offset);
    put_le16(named.zip, end_at + 8, 4);
    put_le16(named.zip, end_at + 10, 4);
    check_archive_error_all_chunks(named.zip, named.layout.eocd_offset,
                                   "the central directory holds 3 entries, its end record declares 4");
  }
  SUBCASE("fewer entries declared than the directory holds") {
    std::string z = patched(eocd + 8, 2, 2);
    put_le16(z, eocd + 10, 2);
    check_archive_error_all_chunks(z, l.entries[2].central_offset,
                                   "the central directory holds more entries than the 2 its end record declares");
  }
  SUBCASE("entries that cannot fit the directory's size") {
    std::string z = patched(eocd + 8, 1000, 2);
    put_le16(z, eocd + 10, 1000);
    check_archive_error_all_chunks(z, l.eocd_offset,
                                   "the central directory (" + cd_size + " bytes) is too small for the 1000 entries "
                                   "its end record declares");
  }
  SUBCASE("a record with a wrong signature") {
    check_archive_error_all_chunks(patched(at(l.entries[1].central_offset), 0x02014b51, 4), l.entries[1].central_offset,
                                   "no central directory record at offset " +
                                       std::to_string(l.entries[1].central_offset) + " (wrong signature)");
  }
  SUBCASE("a record running past the directory's end") {
    // Directory 10 bytes shorter (ends inside c.json's record), EOCD moved nowhere: its comment grows instead.
    std::string z = patched(eocd + 12, l.cd_size - 10, 4);
    check_archive_error_all_chunks(z, l.entries[2].central_offset,
                                   "the central directory record at offset " +
                                       std::to_string(l.entries[2].central_offset) +
                                       " runs past the end of the central directory (offset " +
                                       std::to_string(l.cd_offset + l.cd_size - 10) + ")");
  }
  SUBCASE("a name length running past the directory's end") {
    check_archive_error_all_chunks(patched(at(l.entries[2].central_offset) + 28, 60000, 2), l.entries[2].central_offset,
                                   "the central directory record at offset " +
                                       std::to_string(l.entries[2].central_offset) +
                                       " runs past the end of the central directory (offset " + e + ")");
  }
  SUBCASE("split archives") {
    check_archive_error_all_chunks(patched(eocd + 4, 1, 2), l.eocd_offset,
                                   "split (multi-disk) ZIP archives are not supported");
  }
}

TEST_CASE("zip hostile: broken ZIP64 end records") {
  const Built fine = three({.zip64 = true});
  const auto& l = fine.layout;
  const std::size_t locator = at(*l.zip64_locator_offset), record = at(*l.zip64_eocd_offset);
  std::string z = fine.zip;
  put_le64(z, locator + 8, *l.zip64_locator_offset - 10);  // the record would overlap its locator
  check_archive_error_all_chunks(z, *l.zip64_locator_offset,
                                 "the ZIP64 end-of-central-directory locator points outside the archive (offset " +
                                     std::to_string(*l.zip64_locator_offset - 10) + ")");
  z = fine.zip;
  put_le64(z, locator + 8, 0);  // points at a local header
  check_archive_error_all_chunks(z, 0, "no ZIP64 end-of-central-directory record at offset 0, where its locator points");
  z = fine.zip;
  put_le64(z, record + 48, l.cd_offset + 1);  // the directory would overlap the ZIP64 record
  check_archive_error_all_chunks(z, *l.zip64_eocd_offset,
                                 "the central directory (" + std::to_string(l.cd_size) + " bytes at offset " +
                                     std::to_string(l.cd_offset + 1) +
                                     ") lies outside the archive: its end record is at offset " +
                                     std::to_string(*l.zip64_eocd_offset));
  z = fine.zip;
  put_le64(z, record + 32, 4);
  check_archive_error_all_chunks(z, *l.zip64_eocd_offset, "split (multi-disk) ZIP archives are not supported");
  put_le64(z, record + 24, 4);
  check_archive_error_all_chunks(z, l.cd_offset + l.cd_size,
                                 "the central directory holds 3 entries, its end record declares 4");
}

TEST_CASE("zip hostile: limits on what the central directory may make the reader hold") {
  const Built b = three();
  Drive d;
  d.limits.max_entries = 2;
  check_archive_error(drive(b.zip, d), b.layout.eocd_offset, "the archive lists 3 entries; at most 2 are supported");
  d.limits = {};
  d.limits.max_path_bytes = 10;  // "a.json" + "b.txt" = 11
  check_archive_error(drive(b.zip, d), b.layout.entries[1].central_offset,
                      "the central directory's entry names exceed 10 bytes in all");
  d.limits.max_path_bytes = 17;
  CHECK(drive(b.zip, d).sink.reads.size() == 3);
}

// Every byte changed, every length cut: no crash, no protocol violation (checked
// by drive), no entry beyond its declared size, an entry that ends has its bytes.
TEST_CASE("zip hostile: every single-byte mutation and every truncation of small archives") {
  for (const bool zip64 : {false, true}) {
    CAPTURE(zip64);
    const Built b = build({{.name = "d/a.json", .data = "{\"a\": [1, 2, 3, 1, 2, 3, 1, 2, 3]}"},
                           {.name = "d/b.txt", .data = "stored bytes", .method = 0},
                           {.name = "c.json", .data = "{}", .data_descriptor = true}},
                          {.zip64 = zip64, .comment = "zc"});
    auto check = [](const Outcome& o) {
      for (const EntryRead& r : o.sink.reads) {
        const linkdrift::ArchiveEntry* e = nullptr;
        for (const auto& x : o.sink.listing)
          if (x.path == r.path) e = &x;
        REQUIRE(e != nullptr);
        CHECK(r.data.size() <= e->size);
        if (r.ended) CHECK(zip_crc32(r.data) == e->crc32);
        if (r.ended) CHECK(r.data.size() == e->size);
      }
    };
    for (std::size_t i = 0; i < b.zip.size(); ++i) {
      CAPTURE(i);
      for (const unsigned char v : {0x00, 0xFF, 0x01}) {
        std::string z = b.zip;
        z[i] = static_cast<char>(v == 0x01 ? z[i] ^ 0x01 : v);
        check(drive(z));
        if (i % 7 == 0) check(drive(z, with_chunk(7)));
      }
    }
    for (std::size_t n = 0; n < b.zip.size(); ++n) check(drive(b.zip.substr(0, n)));
  }
}
