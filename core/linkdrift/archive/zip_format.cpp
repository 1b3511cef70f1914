#include "linkdrift/archive/zip_format.h"

#include <algorithm>

namespace linkdrift::zip {
namespace {

constexpr std::uint32_t kEocdSignature = 0x06054b50;         // PK\5\6
constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;  // PK\6\7
constexpr std::uint32_t kZip64EocdSignature = 0x06064b50;     // PK\6\6
constexpr std::uint32_t kCentralSignature = 0x02014b50;       // PK\1\2
constexpr std::uint32_t kLocalSignature = 0x04034b50;         // PK\3\4
constexpr std::uint16_t kZip64ExtraId = 0x0001;
constexpr std::uint32_t kSaturated32 = 0xFFFFFFFF;

// Little-endian reads; the caller has checked `at + N <= bytes.size()`.
std::uint64_t le(std::string_view bytes, std::size_t at, std::size_t n) {
  std::uint64_t v = 0;
  for (std::size_t i = n; i-- > 0;) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
  return v;
}
std::uint16_t le16(std::string_view b, std::size_t at) { return static_cast<std::uint16_t>(le(b, at, 2)); }
std::uint32_t le32(std::string_view b, std::size_t at) { return static_cast<std::uint32_t>(le(b, at, 4)); }
std::uint64_t le64(std::string_view b, std::size_t at) { return le(b, at, 8); }

EndRecord parse_eocd_at(std::string_view b, std::size_t at) {
  EndRecord r;
  r.disk = le16(b, at + 4);
  r.cd_disk = le16(b, at + 6);
  r.disk_entries = le16(b, at + 8);
  r.entries = le16(b, at + 10);
  r.cd_size = le32(b, at + 12);
  r.cd_offset = le32(b, at + 16);
  return r;
}

// The data of the first extra subfield `id` in `extra` (a sequence of
// {id: 2, size: 2, data: size}); empty if none. A subfield that overruns ends the scan.
std::string_view find_extra(std::string_view extra, std::uint16_t id) {
  std::size_t at = 0;
  while (extra.size() - at >= 4) {
    const std::uint16_t field = le16(extra, at);
    const std::size_t size = le16(extra, at + 2);
    if (size > extra.size() - at - 4) break;
    if (field == id) return extra.substr(at + 4, size);
    at += 4 + size;
  }
  return {};
}

}  // namespace

std::optional<EocdMatch> find_eocd(std::string_view tail) {
  if (tail.size() < kEocdSize) return std::nullopt;
  std::optional<std::size_t> fitting;
  for (std::size_t at = tail.size() - kEocdSize + 1; at-- > 0;) {
    if (le32(tail, at) != kEocdSignature) continue;
    const std::size_t end = at + kEocdSize + le16(tail, at + 20);
    if (end == tail.size()) return EocdMatch{at, parse_eocd_at(tail, at)};
    if (end < tail.size() && !fitting) fitting = at;
  }
  if (!fitting) return std::nullopt;
  return EocdMatch{*fitting, parse_eocd_at(tail, *fitting)};
}

std::optional<std::uint64_t> parse_zip64_locator(std::string_view b) {
  if (b.size() < kZip64LocatorSize || le32(b, 0) != kZip64LocatorSignature) return std::nullopt;
  return le64(b, 8);
}

std::optional<EndRecord> parse_zip64_eocd(std::string_view b) {
  // The record's own size field counts the bytes after it: at least 44.
  if (b.size() < kZip64EocdSize || le32(b, 0) != kZip64EocdSignature || le64(b, 4) < 44) return std::nullopt;
  EndRecord r;
  r.disk = le32(b, 16);
  r.cd_disk = le32(b, 20);
  r.disk_entries = le64(b, 24);
  r.entries = le64(b, 32);
  r.cd_size = le64(b, 40);
  r.cd_offset = le64(b, 48);
  return r;
}

std::size_t central_record_size(std::string_view head) {
  if (head.size() < kCentralHeaderSize || le32(head, 0) != kCentralSignature) return 0;
  return kCentralHeaderSize + std::size_t{le16(head, 28)} + le16(head, 30) + le16(head, 32);
}

ArchiveEntry parse_central_record(std::string_view rec) {
  ArchiveEntry e;
  const std::uint16_t flags = le16(rec, 8);
  e.method = le16(rec, 10);
  e.crc32 = le32(rec, 16);
  e.compressed_size = le32(rec, 20);
  e.size = le32(rec, 24);
  const std::size_t name_length = le16(rec, 28), extra_length = le16(rec, 30);
  e.local_header_offset = le32(rec, 42);
  e.path.assign(rec.substr(kCentralHeaderSize, name_length));
  std::replace(e.path.begin(), e.path.end(), '\\', '/');
  e.is_directory = !e.path.empty() && e.path.back() == '/';
  e.encrypted = (flags & kFlagEncrypted) != 0 || e.method == kMethodAes;

  // ZIP64: 8-byte values for the saturated fields only, in this order.
  const std::string_view z = find_extra(rec.substr(kCentralHeaderSize + name_length, extra_length), kZip64ExtraId);
  std::size_t at = 0;
  for (std::uint64_t* field : {&e.size, &e.compressed_size, &e.local_header_offset}) {
    if (*field != kSaturated32) continue;
    if (z.size() - at < 8) break;
    *field = le64(z, at);
    at += 8;
  }
  return e;
}

std::optional<LocalHeader> parse_local_header(std::string_view b) {
  if (b.size() < kLocalHeaderSize || le32(b, 0) != kLocalSignature) return std::nullopt;
  LocalHeader h;
  h.flags = le16(b, 6);
  h.method = le16(b, 8);
  h.crc32 = le32(b, 14);
  h.compressed_size = le32(b, 18);
  h.size = le32(b, 22);
  h.name_length = le16(b, 26);
  h.extra_length = le16(b, 28);
  return h;
}

void apply_local_zip64(std::string_view extra, LocalHeader& h) {
  // A local header's ZIP64 field holds both sizes (APPNOTE 4.5.3).
  const std::string_view z = find_extra(extra, kZip64ExtraId);
  if (z.size() < 16) return;
  if (h.size == kSaturated32) h.size = le64(z, 0);
  if (h.compressed_size == kSaturated32) h.compressed_size = le64(z, 8);
}

}  // namespace linkdrift::zip
