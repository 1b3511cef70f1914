// ZIP records (PKWARE APPNOTE 6.3) parsed from byte spans: the end-of-central-
// directory record (EOCD), the ZIP64 locator and record, central directory
// records and local headers. Pure functions; zip_reader.h decides what to read.
//
// CONTRACT
// - Every read is bounds-checked: a span too short or with a wrong signature
//   gives nullopt / 0, never undefined behaviour. Fields are little-endian.
// - TRAP: 0xFFFFFFFF in a 32-bit size/offset field means "see the ZIP64 extra
//   field (0x0001)" only when that field holds the value; without it the
//   value is taken literally (a wrong size then fails the CRC/size check).
// - TRAP: the ZIP64 extra field holds ONLY the values whose fixed field is
//   saturated, in the order size, compressed size, local header offset (central
//   directory); a local header's holds size and compressed size.
// - TRAP: a local header's name/extra lengths can differ from the central
//   directory's: an entry's data starts after the LOCAL ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "linkdrift/archive/archive_entry.h"

namespace linkdrift::zip {

inline constexpr std::size_t kEocdSize = 22;                        // without its comment
inline constexpr std::size_t kMaxEocdSearch = kEocdSize + 0xFFFF;   // 65,557: the longest comment
inline constexpr std::size_t kZip64LocatorSize = 20;
inline constexpr std::size_t kZip64EocdSize = 56;                   // without extensible data
inline constexpr std::size_t kCentralHeaderSize = 46;               // without name, extra, comment
inline constexpr std::size_t kLocalHeaderSize = 30;                 // without name, extra
inline constexpr std::uint16_t kFlagEncrypted = 1u << 0;
inline constexpr std::uint16_t kFlagDataDescriptor = 1u << 3;       // sizes/CRC follow the data
inline constexpr std::uint16_t kMethodAes = 99;                     // WinZip AES: encrypted

// What an EOCD or ZIP64 EOCD record says about the central directory.
struct EndRecord {
  std::uint32_t disk = 0, cd_disk = 0;  // this disk's number, the central directory's disk
  std::uint64_t disk_entries = 0, entries = 0, cd_size = 0, cd_offset = 0;
};

struct EocdMatch {
  std::size_t at = 0;  // position of the record in the searched bytes
  EndRecord record;
};
// The EOCD in the last bytes of an archive: searching backwards, the first
// signature whose comment ends exactly at the end of `tail`; failing that, the
// first whose comment fits (bytes appended after the archive are ignored).
std::optional<EocdMatch> find_eocd(std::string_view tail);

// The ZIP64 EOCD locator (the 20 bytes before the EOCD): the archive offset of
// the ZIP64 EOCD record; nullopt if `bytes` is not a locator.
std::optional<std::uint64_t> parse_zip64_locator(std::string_view bytes);

// The ZIP64 EOCD record from its first 56 bytes; nullopt if it is not one.
std::optional<EndRecord> parse_zip64_eocd(std::string_view bytes);

// The size of the central directory record starting `head` (46 + name + extra
// + comment) from its first 46 bytes; 0 if `head` is shorter or not a central
// directory record.
std::size_t central_record_size(std::string_view head);

// A whole central directory record (central_record_size(record) ==
// record.size() != 0) as an entry; `index` is left 0.
ArchiveEntry parse_central_record(std::string_view record);

struct LocalHeader {
  std::uint16_t flags = 0, method = 0;
  std::uint32_t crc32 = 0;
  std::uint64_t compressed_size = 0, size = 0;
  std::uint16_t name_length = 0, extra_length = 0;
  // Sizes saturated (0xFFFFFFFF): apply_local_zip64() with the extra field resolves them.
  bool needs_zip64() const { return compressed_size == 0xFFFFFFFF || size == 0xFFFFFFFF; }
};
// A local header from its first 30 bytes; nullopt if it is not one.
std::optional<LocalHeader> parse_local_header(std::string_view fixed);
// Replaces the saturated sizes of `header` by those of the ZIP64 extra field in
// `extra` (the header's extra bytes); sizes it does not hold stay as they are.
void apply_local_zip64(std::string_view extra, LocalHeader& header);

}  // namespace linkdrift::zip
