// ZipReader on well-formed archives: stored/deflate, folders, ZIP64 (forced,
// > 65,535 entries, a sparse > 4 GiB archive), data descriptors, comments,
// the sink's selection, request sizes. Broken archives: test_zip_hostile.cpp.
#include <doctest/doctest.h>

#include "linkdrift/archive/zip_format.h"
#include "zip_test_util.h"

using linkdrift::ArchiveEntry;
using linkdrift::test::ZipEntrySpec;
using linkdrift::test::ZipLayout;
using linkdrift::test::ZipWriter;
using linkdrift::test::zip_crc32;
using namespace zip_test;

namespace {

const std::string kBigComment(65535, 'c');  // the tail then holds only the EOCD and its comment

struct Sample {
  std::string zip;
  ZipLayout layout;
  std::vector<ZipEntrySpec> specs;
};

// A small export-like archive: a folder, deflated JSON/HTML, a stored photo, empty files.
Sample sample(linkdrift::test::ZipOptions options = {}, bool data_descriptors = false) {
  Sample s;
  s.specs = {
      {.name = "export/", .data = "", .method = 0},
      {.name = "export/result.json", .data = json_text(40'000)},
      {.name = "export/chats/chat_01/messages.html", .data = "<html><body>" + json_text(9000) + "</body></html>"},
      {.name = "export/photos/photo_1.jpg", .data = noise(5000), .method = 0},
      {.name = "export/empty.txt", .data = "", .method = 0},
      {.name = "export/empty-deflated.txt", .data = ""},
  };
  ZipWriter w(std::move(options));
  for (ZipEntrySpec& spec : s.specs) {
    spec.data_descriptor = data_descriptors;
    w.add(spec);
  }
  s.zip = w.finish();
  s.layout = w.layout();
  return s;
}

// Every entry listed as written and read back whole.
void check_all_read(const Sample& s, const Outcome& o) {
  REQUIRE(o.sink.archive_error == std::nullopt);
  REQUIRE(o.sink.listing.size() == s.specs.size());
  REQUIRE(o.sink.reads.size() == s.specs.size());
  for (std::size_t i = 0; i < s.specs.size(); ++i) {
    CAPTURE(i);
    const ZipEntrySpec& spec = s.specs[i];
    const ArchiveEntry& e = o.sink.listing[i];
    CHECK(e.index == i);
    CHECK(e.path == spec.name);
    CHECK(e.size == spec.data.size());
    CHECK(e.compressed_size == s.layout.entries[i].compressed_size);
    CHECK(e.local_header_offset == s.layout.entries[i].local_header_offset);
    CHECK(e.crc32 == zip_crc32(spec.data));
    CHECK(e.method == spec.method);
    CHECK_FALSE(e.encrypted);
    CHECK(e.is_directory == (spec.name.back() == '/'));
    const EntryRead& r = o.sink.reads[i];
    CHECK(r.path == spec.name);
    CHECK(r.ended);
    CHECK(r.error == "");
    CHECK(r.data == spec.data);
  }
}

}  // namespace

TEST_CASE("zip: stored and deflate entries in nested folders, read with requests of 16 MiB, 1000, 7 and 1 bytes") {
  for (const std::string& comment : {std::string(), kBigComment}) {
    const Sample s = sample({.comment = comment});
    for (const std::size_t chunk : kChunks) {
      CAPTURE(comment.size());
      CAPTURE(chunk);
      check_all_read(s, drive(s.zip, with_chunk(chunk)));
    }
  }
}

TEST_CASE("zip: an archive of at most 64 KiB takes one read; a larger one only the bytes of chosen entries") {
  const Sample small = sample();
  REQUIRE(small.zip.size() < linkdrift::zip::kMaxEocdSearch);
  const Outcome one = drive(small.zip);
  check_all_read(small, one);
  CHECK(one.stats.requests == 1);
  CHECK(one.stats.requested_bytes == small.zip.size());

  // a.json at the start, 300 KB of stored noise between it and the tail.
  ZipWriter w;
  const std::string a = json_text(20'000);
  w.add({.name = "a.json", .data = a});
  w.add({.name = "big.bin", .data = noise(300'000), .method = 0});
  w.add({.name = "b.json", .data = json_text(500)});
  const std::string zip = w.finish();
  const ZipLayout& l = w.layout();
  const Outcome o = drive(zip, {.choose = choose({0})});
  REQUIRE(o.sink.reads.size() == 1);
  CHECK(o.sink.reads[0].data == a);
  CHECK(o.sink.listing.size() == 3);
  REQUIRE(o.stats.log.size() == 3);  // the tail, a.json's local header, its data
  CHECK(o.stats.log[0].offset == zip.size() - linkdrift::zip::kMaxEocdSearch);
  CHECK(o.stats.log[0].length == linkdrift::zip::kMaxEocdSearch);
  CHECK(o.stats.log[1].offset == 0);
  CHECK(o.stats.log[1].length == linkdrift::zip::kLocalHeaderSize);
  CHECK(o.stats.log[2].offset == l.entries[0].data_offset);
  CHECK(o.stats.log[2].length == l.entries[0].compressed_size);
}

TEST_CASE("zip: the sink chooses entries and their order; bytes_total is their compressed size") {
  const Sample s = sample();
  for (const std::size_t chunk : {kDefaultChunk, std::size_t{7}}) {
    Drive d = with_chunk(chunk);
    d.choose = choose({3, 1, 99});  // 99: no such entry, ignored
    const Outcome o = drive(s.zip, d);
    REQUIRE(o.sink.reads.size() == 2);
    CHECK(o.sink.reads[0].path == "export/photos/photo_1.jpg");
    CHECK(o.sink.reads[0].data == s.specs[3].data);
    CHECK(o.sink.reads[1].path == "export/result.json");
    CHECK(o.sink.reads[1].data == s.specs[1].data);
    CHECK(o.stats.bytes_total == s.layout.entries[3].compressed_size + s.layout.entries[1].compressed_size);
  }
  const Outcome none = drive(s.zip, {.choose = choose({})});
  CHECK(none.sink.listing.size() == 6);
  CHECK(none.sink.reads.empty());
  CHECK(none.stats.bytes_total == 0);
}

TEST_CASE("zip: ZIP64 forced: extra fields and the ZIP64 end record even for small sizes") {
  for (const std::string& comment : {std::string(), kBigComment}) {
    const Sample s = sample({.zip64 = true, .comment = comment});
    REQUIRE(s.layout.zip64_eocd_offset.has_value());
    // The 32-bit fields are saturated: only the ZIP64 values give the right answers.
    CHECK(s.zip.substr(static_cast<std::size_t>(s.layout.eocd_offset) + 8, 12) ==
          std::string("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 12));
    CHECK(s.zip.substr(static_cast<std::size_t>(s.layout.entries[1].central_offset) + 20, 8) ==
          std::string(8, '\xff'));
    for (const std::size_t chunk : kChunks) {
      CAPTURE(comment.size());
      CAPTURE(chunk);
      const Outcome o = drive(s.zip, with_chunk(chunk));
      check_all_read(s, o);
      if (chunk == kDefaultChunk && comment.empty()) CHECK(o.stats.requests == 1);
      // Beyond the tail: the locator, the ZIP64 record and the directory are asked for.
      if (chunk == kDefaultChunk && !comment.empty()) {
        REQUIRE(o.stats.log.size() >= 4);
        CHECK(o.stats.log[1].offset == *s.layout.zip64_locator_offset);
        CHECK(o.stats.log[1].length == linkdrift::zip::kZip64LocatorSize);
        CHECK(o.stats.log[2].offset == *s.layout.zip64_eocd_offset);
        CHECK(o.stats.log[3].offset == s.layout.cd_offset);
        CHECK(o.stats.log[3].length == s.layout.cd_size);
      }
    }
  }
}

TEST_CASE("zip: data descriptors (flag bit 3): sizes and CRC come from the central directory") {
  for (const bool zip64 : {false, true}) {
    const Sample s = sample({.zip64 = zip64}, true);
    for (const std::size_t chunk : {kDefaultChunk, std::size_t{7}}) {
      CAPTURE(zip64);
      CAPTURE(chunk);
      check_all_read(s, drive(s.zip, with_chunk(chunk)));
    }
  }
}

TEST_CASE("zip: archive comments, a fake end record inside one, bytes appended after the archive") {
  // A fake EOCD (comment length 0) in the middle of the comment does not end the tail: skipped.
  std::string fake = std::string("PK\x05\x06", 4) + std::string(18, '\0');
  for (const std::string& comment : {std::string("x"), std::string(100, 'y'), "a " + fake + " b", kBigComment}) {
    CAPTURE(comment.size());
    const Sample s = sample({.comment = comment});
    check_all_read(s, drive(s.zip));
    check_all_read(s, drive(s.zip, with_chunk(1000)));
  }
  Sample s = sample({.comment = "comment"});
  s.zip += "appended garbage\n";
  check_all_read(s, drive(s.zip));
}

TEST_CASE("zip: entry data comes in pieces of at most 1 MiB, whatever the request size") {
  ZipWriter w;
  const std::string stored = noise(3 * kMiB + 12345), deflated = json_text(5 * kMiB);
  w.add({.name = "stored.bin", .data = stored, .method = 0});
  w.add({.name = "deflated.json", .data = deflated});
  const std::string zip = w.finish();
  for (const std::size_t chunk : {kDefaultChunk, 3 * kMiB, std::size_t{65536}}) {
    CAPTURE(chunk);
    const Outcome o = drive(zip, with_chunk(chunk));  // the sink checks <= 1 MiB
    REQUIRE(o.sink.reads.size() == 2);
    CHECK(o.sink.reads[0].data == stored);
    CHECK(o.sink.reads[1].data == deflated);
    CHECK(o.sink.reads[1].max_piece <= kMiB);
    if (chunk == kDefaultChunk) {
      CHECK(o.sink.reads[0].max_piece == kMiB);
      CHECK(o.sink.reads[0].pieces == 4);
      CHECK(o.sink.reads[1].max_piece == kMiB);
    }
  }
}

TEST_CASE("zip: more than 65,535 entries (ZIP64 end record), directory read in bounded requests") {
  ZipWriter w;
  constexpr std::size_t kCount = 70'000;
  auto name = [](std::size_t i) { return "f/" + std::to_string(100000 + i) + ".txt"; };
  for (std::size_t i = 0; i < kCount; ++i) w.add({.name = name(i), .data = std::to_string(i), .method = 0});
  const std::string zip = w.finish();
  REQUIRE(w.layout().zip64_eocd_offset.has_value());
  REQUIRE(w.layout().cd_size > 16 * 65536);
  for (const std::size_t chunk : {kDefaultChunk, std::size_t{65536}, std::size_t{1000}}) {
    CAPTURE(chunk);
    Drive d = with_chunk(chunk);
    d.choose = choose({69'999, 0, 35'000});
    const Outcome o = drive(zip, d);
    REQUIRE(o.sink.listing.size() == kCount);
    CHECK(o.sink.listing[65'536].path == name(65'536));
    CHECK(o.sink.listing[69'999].local_header_offset == w.layout().entries[69'999].local_header_offset);
    REQUIRE(o.sink.reads.size() == 3);
    CHECK(o.sink.reads[0].data == "69999");
    CHECK(o.sink.reads[1].data == "0");
    CHECK(o.sink.reads[2].data == "35000");
    CHECK(o.sink.reads[2].ended);
  }
}

TEST_CASE("zip: a sparse archive above 4 GiB: 64-bit sizes and offsets, only the chosen bytes are read") {
  constexpr std::uint64_t kBig = (std::uint64_t{5} << 30) + 7;  // 5 GiB + 7 zero bytes, never held
  ZipWriter w;
  w.add({.name = "small-before.txt", .data = "before", .method = 0});
  w.add_hole("videos/huge.mp4", kBig);
  const std::string json = json_text(30'000);
  w.add({.name = "export/result.json", .data = json});
  w.add({.name = "export/note.txt", .data = "after 5 GiB", .method = 0});
  const linkdrift::test::SparseZip zip = w.finish_sparse();
  const ZipLayout& l = w.layout();
  REQUIRE(zip.size() > kBig);
  REQUIRE(l.entries[2].local_header_offset > (std::uint64_t{1} << 32));
  for (const std::size_t chunk : {kDefaultChunk, std::size_t{1000}}) {
    CAPTURE(chunk);
    Drive d = with_chunk(chunk);
    d.choose = choose({3, 0, 2});
    const Outcome o = drive(zip, d);
    REQUIRE(o.sink.listing.size() == 4);
    const ArchiveEntry& huge = o.sink.listing[1];
    CHECK(huge.path == "videos/huge.mp4");
    CHECK(huge.size == kBig);
    CHECK(huge.compressed_size == kBig);
    CHECK(huge.method == 0);
    CHECK(o.sink.listing[3].local_header_offset == l.entries[3].local_header_offset);
    REQUIRE(o.sink.reads.size() == 3);
    CHECK(o.sink.reads[0].data == "after 5 GiB");
    CHECK(o.sink.reads[1].data == "before");
    CHECK(o.sink.reads[2].data == json);
    CHECK(o.sink.reads[2].ended);
    CHECK(o.stats.requested_bytes < 200'000);
  }
}

TEST_CASE("zip: the local header's name and extra lengths differ from the central directory's") {
  ZipWriter w;
  const std::string data = json_text(3000);
  // An unknown extra subfield (id 0xCAFE) of 300 bytes and a longer local name.
  const std::string pad = std::string("\xfe\xca\x2c\x01", 4) + std::string(300, 'p');
  w.add({.name = "a.json", .data = data, .local_name = "a-longer-local-name.json", .local_extra = pad});
  w.add({.name = "b.json", .data = data, .method = 0, .local_extra = pad});
  const std::string zip = w.finish();
  for (const std::size_t chunk : {kDefaultChunk, std::size_t{7}}) {
    const Outcome o = drive(zip, with_chunk(chunk));
    REQUIRE(o.sink.reads.size() == 2);
    CHECK(o.sink.reads[0].data == data);
    CHECK(o.sink.reads[1].data == data);
    CHECK(o.sink.reads[1].ended);
  }
}

TEST_CASE("zip: names are data: '..', absolute paths, backslashes, bytes that are not UTF-8") {
  ZipWriter w;
  const std::vector<std::string> names = {"../../evil.json", "/abs/result.json", "C:\\Users\\me\\result.json",
                                          "caf\xe9/\xff\xfe.html"};
  for (const std::string& n : names) w.add({.name = n, .data = "data of " + n});
  const Outcome o = drive(w.finish());
  REQUIRE(o.sink.listing.size() == 4);
  CHECK(o.sink.listing[0].path == "../../evil.json");
  CHECK(o.sink.listing[1].path == "/abs/result.json");
  CHECK(o.sink.listing[2].path == "C:/Users/me/result.json");
  CHECK(o.sink.listing[3].path == "caf\xe9/\xff\xfe.html");
  REQUIRE(o.sink.reads.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) CHECK(o.sink.reads[i].data == "data of " + names[i]);
}

TEST_CASE("zip: begin() starts over: one reader, several archives, also after an error") {
  const Sample a = sample(), b = sample({.zip64 = true, .comment = kBigComment});
  RecordingSink sink;
  linkdrift::ZipReader reader(sink);
  auto run = [&](const std::string& zip, std::size_t chunk) {
    sink = RecordingSink();
    reader.begin(zip.size(), chunk);
    while (const auto r = reader.next_read()) reader.feed(zip.substr(static_cast<std::size_t>(r->offset), r->length));
  };
  run(a.zip, 7);
  check_all_read(a, {sink, {}});
  run("not a zip archive at all, but long enough", 1000);
  CHECK(sink.archive_error.has_value());
  // Abandoned half-way (inside an entry's data): the next begin() forgets it.
  sink = RecordingSink();
  reader.begin(b.zip.size(), 7);
  while (reader.bytes_done() == 0 && reader.next_read()) {
    const auto r = *reader.next_read();
    reader.feed(b.zip.substr(static_cast<std::size_t>(r.offset), r.length));
  }
  REQUIRE(reader.active());
  REQUIRE(sink.reads.size() == 2);
  run(b.zip, kDefaultChunk);
  check_all_read(b, {sink, {}});
  CHECK_FALSE(reader.next_read().has_value());
  reader.feed("ignored when done");
  CHECK_FALSE(reader.active());
}

TEST_CASE("zip format: EOCD search, ZIP64 extra fields, central and local records") {
  namespace zip = linkdrift::zip;
  CHECK_FALSE(zip::find_eocd("").has_value());
  CHECK_FALSE(zip::find_eocd(std::string(21, '\0')).has_value());
  std::string eocd = std::string("PK\x05\x06", 4) + std::string(18, '\0');
  linkdrift::test::put_le16(eocd, 10, 3);
  linkdrift::test::put_le32(eocd, 12, 138);
  linkdrift::test::put_le32(eocd, 16, 1000);
  auto m = zip::find_eocd("junk" + eocd);
  REQUIRE(m.has_value());
  CHECK(m->at == 4);
  CHECK(m->record.entries == 3);
  CHECK(m->record.cd_size == 138);
  CHECK(m->record.cd_offset == 1000);
  // The comment length must fit; an exact fit wins over a later record whose comment overruns.
  std::string with_comment = eocd;
  linkdrift::test::put_le16(with_comment, 20, 26);
  std::string inner = eocd;
  linkdrift::test::put_le16(inner, 20, 9);  // would need 9 more bytes
  m = zip::find_eocd(with_comment + "ab" + inner + "cd");
  REQUIRE(m.has_value());
  CHECK(m->at == 0);
  // No exact fit: the last whose comment fits (bytes appended after the archive).
  m = zip::find_eocd(eocd + "trailing");
  REQUIRE(m.has_value());
  CHECK(m->at == 0);
  linkdrift::test::put_le16(eocd, 20, 100);
  CHECK_FALSE(zip::find_eocd(eocd).has_value());

  // A central record whose only saturated field is the local header offset: the
  // ZIP64 field holds that one value; an unknown subfield before it is skipped.
  std::string rec(46, '\0');
  linkdrift::test::put_le32(rec, 0, 0x02014b50);
  linkdrift::test::put_le16(rec, 10, 8);
  linkdrift::test::put_le32(rec, 20, 10);
  linkdrift::test::put_le32(rec, 24, 20);
  linkdrift::test::put_le32(rec, 42, 0xFFFFFFFF);
  const std::string name = "dir\\a.json";
  std::string extra = std::string("\x55\x54\x05\x00", 4) + std::string(5, 't') + std::string("\x01\x00\x08\x00", 4);
  extra += std::string("\x00\x00\x00\x00\x01\x00\x00\x00", 8);  // 2^32
  linkdrift::test::put_le16(rec, 28, name.size());
  linkdrift::test::put_le16(rec, 30, extra.size());
  linkdrift::test::put_le16(rec, 32, 3);
  rec += name + extra + "cmt";
  REQUIRE(zip::central_record_size(rec) == rec.size());
  ArchiveEntry e = zip::parse_central_record(rec);
  CHECK(e.path == "dir/a.json");
  CHECK(e.compressed_size == 10);
  CHECK(e.size == 20);
  CHECK(e.local_header_offset == (std::uint64_t{1} << 32));
  CHECK(e.method == 8);
  // A ZIP64 field too short for the saturated values: they stay literal.
  std::string short_rec = rec;
  linkdrift::test::put_le32(short_rec, 20, 0xFFFFFFFF);  // now compressed size comes first: 8 bytes for 2 values
  e = zip::parse_central_record(short_rec);
  CHECK(e.compressed_size == (std::uint64_t{1} << 32));
  CHECK(e.local_header_offset == 0xFFFFFFFF);
  // A subfield that overruns the extra field ends the scan.
  std::string overrun = rec;
  linkdrift::test::put_le16(overrun, 46 + name.size() + 2, 200);
  CHECK(zip::parse_central_record(overrun).local_header_offset == 0xFFFFFFFF);
  CHECK(zip::central_record_size(rec.substr(0, 45)) == 0);
  std::string not_central = rec;
  not_central[2] = 3;
  CHECK(zip::central_record_size(not_central) == 0);

  // Local header: ZIP64 sizes both in the extra field.
  std::string local(30, '\0');
  linkdrift::test::put_le32(local, 0, 0x04034b50);
  linkdrift::test::put_le32(local, 18, 0xFFFFFFFF);
  linkdrift::test::put_le32(local, 22, 0xFFFFFFFF);
  auto h = zip::parse_local_header(local);
  REQUIRE(h.has_value());
  CHECK(h->needs_zip64());
  std::string z = std::string("\x01\x00\x10\x00", 4) + std::string(16, '\0');
  linkdrift::test::put_le64(z, 4, 5000);
  linkdrift::test::put_le64(z, 12, 4000);
  zip::apply_local_zip64(z, *h);
  CHECK(h->size == 5000);
  CHECK(h->compressed_size == 4000);
  CHECK_FALSE(zip::parse_local_header(local.substr(0, 29)).has_value());
  CHECK_FALSE(zip::parse_zip64_locator(std::string(20, 'x')).has_value());
  CHECK_FALSE(zip::parse_zip64_eocd(std::string(56, 'x')).has_value());
}
