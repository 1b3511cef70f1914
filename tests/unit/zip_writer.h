// ZipWriter (tests and fixture generation only): builds ZIP archives in memory,
// well-formed or deliberately broken. Self-contained: the standard library and
// zlib (deflate, crc32) only; no linkdrift header.
//
//   ZipWriter w;                                   // ZipWriter w({.zip64 = true, .comment = "c"});
//   w.add({.name = "export/result.json", .data = json});             // deflate
//   w.add({.name = "photo.jpg", .data = jpg, .method = 0});          // stored
//   std::string zip = w.finish();                  // w.layout(): where everything went
//
// - ZIP64 fields are written where a value does not fit 32 bits (or 16 bits for
//   the entry count), and everywhere with `zip64` (extra fields with every
//   size/offset saturated, ZIP64 end record + locator) even for small archives.
// - add_hole() appends a stored entry of N zero bytes that are NOT held in
//   memory; finish_sparse() then gives a SparseZip that answers reads: archives
//   beyond 4 GiB at no cost. finish() refuses archives with holes.
// - Broken archives: the overrides of ZipEntrySpec, or patching bytes of the
//   result at layout() offsets with put_le16/put_le32/put_le64.
// Deterministic: fixed DOS date/time, no randomness. Throws std::runtime_error on misuse.
#pragma once

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace linkdrift::test {

inline void put_le(std::string& s, std::size_t at, std::uint64_t v, int bytes) {
  if (at + static_cast<std::size_t>(bytes) > s.size()) throw std::runtime_error("put_le: out of range");
  for (int i = 0; i < bytes; ++i) s[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
inline void put_le16(std::string& s, std::size_t at, std::uint64_t v) { put_le(s, at, v, 2); }
inline void put_le32(std::string& s, std::size_t at, std::uint64_t v) { put_le(s, at, v, 4); }
inline void put_le64(std::string& s, std::size_t at, std::uint64_t v) { put_le(s, at, v, 8); }

inline std::uint32_t zip_crc32(std::string_view data, std::uint32_t crc = 0) {
  while (!data.empty()) {
    const std::size_t n = data.size() < (std::size_t{1} << 30) ? data.size() : std::size_t{1} << 30;
    crc = static_cast<std::uint32_t>(crc32(crc, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(n)));
    data.remove_prefix(n);
  }
  return crc;
}

// Raw deflate (no zlib header), as ZIP method 8 stores it.
inline std::string raw_deflate(std::string_view data, int level = Z_DEFAULT_COMPRESSION) {
  z_stream s{};
  if (deflateInit2(&s, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out;
  char buf[1 << 16];
  int rc = Z_OK;
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  s.avail_in = static_cast<uInt>(data.size());
  if (data.size() != s.avail_in) throw std::runtime_error("raw_deflate: input too large");
  while (rc != Z_STREAM_END) {
    s.next_out = reinterpret_cast<Bytef*>(buf);
    s.avail_out = sizeof buf;
    rc = deflate(&s, Z_FINISH);
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
      deflateEnd(&s);
      throw std::runtime_error("deflate failed");
    }
    out.append(buf, sizeof buf - s.avail_out);
  }
  deflateEnd(&s);
  return out;
}

struct ZipEntrySpec {
  std::string name;
  std::string data;                           // the uncompressed bytes
  std::uint16_t method = 8;                   // 0 stored, 8 deflate (done here), others: see `raw`
  std::optional<std::string> raw;             // the bytes written as the entry's data (default: data stored/deflated)
  bool data_descriptor = false;               // flag bit 3: local CRC/sizes 0, a descriptor after the data
  std::uint16_t flags = 0;                    // ORed into the flags (bit 0: "encrypted")
  std::optional<std::uint32_t> crc32;         // declared CRC-32 (default: of `data`), in both headers
  std::optional<std::uint64_t> size;          // declared size (default: data.size()), in both headers
  std::string local_name;                     // the local header's name (default: `name`)
  std::string local_extra, central_extra;     // extra-field bytes written after the ZIP64 field, if any
  std::string comment;                        // the entry's central directory comment
};

struct ZipEntryLayout {
  std::uint64_t local_header_offset = 0, data_offset = 0, compressed_size = 0;
  std::uint64_t central_offset = 0;  // its central directory record
};
struct ZipLayout {
  std::vector<ZipEntryLayout> entries;
  std::uint64_t cd_offset = 0, cd_size = 0;
  std::optional<std::uint64_t> zip64_eocd_offset, zip64_locator_offset;
  std::uint64_t eocd_offset = 0, size = 0;
};

struct ZipOptions {
  bool zip64 = false;   // ZIP64 everywhere, even where the values fit
  std::string comment;  // the archive comment (<= 65535 bytes)
};

// An archive whose holes (runs of zero bytes) are not held in memory.
class SparseZip {
 public:
  struct Hole {
    std::uint64_t at = 0, length = 0;  // archive offsets, increasing
  };
  SparseZip(std::string bytes, const std::vector<Hole>& holes) : bytes_(std::move(bytes)) {
    std::uint64_t logical = 0, physical = 0;
    for (const Hole& h : holes) {
      runs_.push_back({logical, h.at - logical, physical});
      physical += h.at - logical;
      runs_.push_back({h.at, h.length, std::nullopt});
      logical = h.at + h.length;
    }
    runs_.push_back({logical, bytes_.size() - physical, physical});
    size_ = logical + (bytes_.size() - physical);
  }
  std::uint64_t size() const { return size_; }
  // The archive's bytes [at, at + length), cut at its end.
  std::string read(std::uint64_t at, std::size_t length) const {
    std::string out;
    const std::uint64_t end = std::min<std::uint64_t>(size_, at + length);
    for (const Run& r : runs_) {
      const std::uint64_t from = std::max(at, r.at), to = std::min(end, r.at + r.length);
      if (from >= to) continue;
      const auto n = static_cast<std::size_t>(to - from);
      if (r.physical) out.append(bytes_, static_cast<std::size_t>(*r.physical + (from - r.at)), n);
      else out.append(n, '\0');
    }
    return out;
  }

 private:
  struct Run {
    std::uint64_t at = 0, length = 0;
    std::optional<std::uint64_t> physical;  // where in bytes_; none: a hole
  };
  std::string bytes_;
  std::vector<Run> runs_;
  std::uint64_t size_ = 0;
};

class ZipWriter {
 public:
  explicit ZipWriter(ZipOptions options = {}) : options_(std::move(options)) {}

  const ZipEntryLayout& add(const ZipEntrySpec& spec) {
    std::string data = spec.raw ? *spec.raw
                       : spec.method == 8 ? raw_deflate(spec.data)
                       : spec.data;
    Entry e{spec, {}, spec.crc32 ? *spec.crc32 : zip_crc32(spec.data), spec.size ? *spec.size : spec.data.size(),
            data.size()};
    write_local(e);
    out_ += data;
    write_descriptor(e);
    entries_.push_back(std::move(e));
    return entries_.back().layout;
  }

  // A stored entry of `size` zero bytes, not held in memory (see SparseZip).
  const ZipEntryLayout& add_hole(std::string name, std::uint64_t size) {
    ZipEntrySpec spec;
    spec.name = std::move(name);
    spec.method = 0;
    Entry e{spec, {}, zero_crc(size), size, size};
    write_local(e);
    holes_.push_back({offset(), size});
    hole_bytes_ += size;
    entries_.push_back(std::move(e));
    return entries_.back().layout;
  }

  std::string finish() {
    if (!holes_.empty()) throw std::runtime_error("ZipWriter: an archive with holes needs finish_sparse()");
    write_end();
    return std::move(out_);
  }
  SparseZip finish_sparse() {
    write_end();
    return SparseZip(std::move(out_), holes_);
  }
  const ZipLayout& layout() const { return layout_; }

 private:
  struct Entry {
    ZipEntrySpec spec;
    ZipEntryLayout layout;
    std::uint32_t crc = 0;
    std::uint64_t size = 0, compressed_size = 0;
  };
  static constexpr std::uint64_t kMax32 = 0xFFFFFFFF;
  static constexpr std::uint16_t kTime = 0x6000, kDate = 0x5A21;  // 2025-01-01 12:00:00

  std::uint64_t offset() const { return out_.size() + hole_bytes_; }
  bool big(std::uint64_t v) const { return options_.zip64 || v >= kMax32; }
  void le(std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  static std::string le_string(std::uint64_t v, int bytes) {
    std::string s;
    for (int i = 0; i < bytes; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    return s;
  }
  static std::string zip64_extra(const std::vector<std::uint64_t>& values) {
    std::string s = le_string(0x0001, 2) + le_string(values.size() * 8, 2);
    for (const std::uint64_t v : values) s += le_string(v, 8);
    return s;
  }
  static std::uint32_t zero_crc(std::uint64_t n) {
    const std::string block(std::size_t{1} << 20, '\0');
    const std::uint32_t block_crc = zip_crc32(block);
    std::uint32_t crc = 0;
    for (; n >= block.size(); n -= block.size())
      crc = static_cast<std::uint32_t>(crc32_combine(crc, block_crc, static_cast<z_off_t>(block.size())));
    return zip_crc32(std::string_view(block).substr(0, static_cast<std::size_t>(n)), crc);
  }
  std::uint16_t flags(const Entry& e) const {
    return static_cast<std::uint16_t>(e.spec.flags | (e.spec.data_descriptor ? 8 : 0));
  }

  void write_local(Entry& e) {
    e.layout.local_header_offset = offset();
    e.layout.compressed_size = e.compressed_size;
    const bool zip64 = big(e.size) || big(e.compressed_size);
    const bool dd = e.spec.data_descriptor;
    std::string extra;
    if (zip64) extra = zip64_extra({dd ? 0 : e.size, dd ? 0 : e.compressed_size});
    extra += e.spec.local_extra;
    const std::string& name = e.spec.local_name.empty() ? e.spec.name : e.spec.local_name;
    le(0x04034b50, 4);
    le(zip64 ? 45 : 20, 2);
    le(flags(e), 2);
    le(e.spec.method, 2);
    le(kTime, 2);
    le(kDate, 2);
    le(dd ? 0 : e.crc, 4);
    le(dd ? 0 : zip64 ? kMax32 : e.compressed_size, 4);
    le(dd ? 0 : zip64 ? kMax32 : e.size, 4);
    le(name.size(), 2);
    le(extra.size(), 2);
    out_ += name;
    out_ += extra;
    e.layout.data_offset = offset();
  }

  void write_descriptor(const Entry& e) {
    if (!e.spec.data_descriptor) return;
    const int n = big(e.size) || big(e.compressed_size) ? 8 : 4;
    le(0x08074b50, 4);
    le(e.crc, 4);
    le(e.compressed_size, n);
    le(e.size, n);
  }

  void write_central(Entry& e) {
    e.layout.central_offset = offset();
    std::vector<std::uint64_t> z;
    if (big(e.size)) z.push_back(e.size);
    if (big(e.compressed_size)) z.push_back(e.compressed_size);
    if (big(e.layout.local_header_offset)) z.push_back(e.layout.local_header_offset);
    std::string extra = z.empty() ? std::string() : zip64_extra(z);
    extra += e.spec.central_extra;
    const bool dir = !e.spec.name.empty() && e.spec.name.back() == '/';
    le(0x02014b50, 4);
    le(0x0300 | 45, 2);  // made by: Unix, 4.5
    le(z.empty() ? 20 : 45, 2);
    le(flags(e), 2);
    le(e.spec.method, 2);
    le(kTime, 2);
    le(kDate, 2);
    le(e.crc, 4);
    le(big(e.compressed_size) ? kMax32 : e.compressed_size, 4);
    le(big(e.size) ? kMax32 : e.size, 4);
    le(e.spec.name.size(), 2);
    le(extra.size(), 2);
    le(e.spec.comment.size(), 2);
    le(0, 2);                                               // disk
    le(0, 2);                                               // internal attributes
    le(dir ? (040755u << 16) | 0x10 : 0100644u << 16, 4);  // external: Unix mode, DOS directory bit
    le(big(e.layout.local_header_offset) ? kMax32 : e.layout.local_header_offset, 4);
    out_ += e.spec.name;
    out_ += extra;
    out_ += e.spec.comment;
  }

  void write_end() {
    layout_.cd_offset = offset();
    for (Entry& e : entries_) write_central(e);
    layout_.cd_size = offset() - layout_.cd_offset;
    const std::uint64_t n = entries_.size();
    const bool zip64 = options_.zip64 || n >= 0xFFFF || layout_.cd_size >= kMax32 || layout_.cd_offset >= kMax32;
    if (zip64) {
      layout_.zip64_eocd_offset = offset();
      le(0x06064b50, 4);
      le(44, 8);
      le(0x0300 | 45, 2);
      le(45, 2);
      le(0, 4);
      le(0, 4);
      le(n, 8);
      le(n, 8);
      le(layout_.cd_size, 8);
      le(layout_.cd_offset, 8);
      layout_.zip64_locator_offset = offset();
      le(0x07064b50, 4);
      le(0, 4);
      le(*layout_.zip64_eocd_offset, 8);
      le(1, 4);
    }
    if (options_.comment.size() > 0xFFFF) throw std::runtime_error("ZipWriter: comment too long");
    layout_.eocd_offset = offset();
    le(0x06054b50, 4);
    le(0, 2);
    le(0, 2);
    le(zip64 ? 0xFFFF : n, 2);
    le(zip64 ? 0xFFFF : n, 2);
    le(zip64 ? kMax32 : layout_.cd_size, 4);
    le(zip64 ? kMax32 : layout_.cd_offset, 4);
    le(options_.comment.size(), 2);
    out_ += options_.comment;
    layout_.size = offset();
    for (const Entry& e : entries_) layout_.entries.push_back(e.layout);
  }

  ZipOptions options_;
  std::vector<Entry> entries_;
  std::string out_;
  std::vector<SparseZip::Hole> holes_;
  std::uint64_t hole_bytes_ = 0;
  ZipLayout layout_;
};

}  // namespace linkdrift::test
