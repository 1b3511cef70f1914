// ArchiveEntry: one file of an archive as its central directory describes it.
// Plain data; the path is the archive's bytes (not validated as UTF-8, '..' and
// absolute paths kept as they are: the core never writes files).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace linkdrift {

struct ArchiveEntry {
  std::size_t index = 0;            // position in the central directory
  std::string path;                 // as stored ('\\' normalised to '/'); not validated as UTF-8 here
  std::uint64_t compressed_size = 0, size = 0, local_header_offset = 0;
  std::uint32_t crc32 = 0;
  std::uint16_t method = 0;         // 0 stored, 8 deflate, others unsupported
  bool encrypted = false, is_directory = false;
};

}  // namespace linkdrift
