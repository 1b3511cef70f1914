// ZipReader: reads the chosen entries of a ZIP archive, asking for the bytes it
// needs, in the request-driven style of SegmentReader (reader/segment_reader.h):
//
//   ZipReader zip(sink);
//   zip.begin(archive_size);
//   while (auto r = zip.next_read()) zip.feed(bytes [r->offset, r->offset + r->length) of the archive);
//
// Reads, in order: the tail (the last min(size, 65,557) bytes: the end-of-
// central-directory record and its comment), the ZIP64 locator and record
// unless the tail holds them, the central directory, then per chosen entry its
// local header and its data. Bytes the tail already holds are not asked for
// again (an archive of <= 64 KiB takes one read). Every read is at most
// `chunk_bytes`; ZIP64 (sizes and offsets >= 4 GiB, > 65,535 entries) is read.
//
// CONTRACT
// - feed() gets exactly the bytes of the current next_read(); bytes beyond it are
//   ignored, and they need only live during the call. FEWER (or none: an empty
//   feed) = no more data: the archive ends there and nothing more is read (the
//   archive fails, or the open entry and every chosen entry after it do).
//   So feed({}) ends an active reader at once (a caller that stops early).
// - The sink's callbacks run synchronously inside feed() (and inside begin()
//   for an archive too small to be a ZIP). They must not call this reader.
// - Memory: about 1.4 MiB (the tail, one central directory record split across
//   reads, 1 MiB of inflate output, zlib's window) + the central directory's
//   metadata (capped by ZipLimits; after on_listing only the chosen entries').
//   The caller's chunks are used in place, never copied: neither the archive nor
//   an entry is ever held whole.
// - Errors are values: ArchiveSink::on_archive_error / on_entry_error with an
//   archive byte offset. Nothing throws on archive bytes (std::bad_alloc aside).
//   Entry errors found before its data are at its local header offset; a CRC-32
//   or size mismatch at its data's first byte; corrupt deflate data where zlib
//   stopped; missing bytes where the data ended.
// - The local header must agree with the central directory on the method and,
//   without a data descriptor (flag bit 3), on the CRC-32 and sizes (ZIP64
//   extra field included). Its name is not compared.
// - Lenient: bytes after the archive comment, and compressed bytes after the
//   end of an entry's deflate stream, are ignored.
// - Hostile archives: offsets and sizes are checked against the archive
//   (entries must lie before the central directory); an entry whose bytes overlap
//   an entry read before is an error (overlapping-entry bombs); an entry never
//   delivers more than its declared size (a deflate bomb fails there).
// TRAPS
// - on_entry_data's bytes are unchecked until on_entry_end: the CRC-32 and size
//   are known only at the end, so on_entry_error may follow delivered data.
// - The declared size itself can be huge: the sink decides what to read in
//   on_listing (it sees sizes there).
// - Not supported (errors): split/multi-disk archives, encryption, methods
//   other than stored and deflate, archives with bytes prepended (self-extractors).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linkdrift/archive/archive_entry.h"
#include "linkdrift/archive/inflate_stream.h"
#include "linkdrift/archive/zip_format.h"
#include "linkdrift/base/read_chunk.h"
#include "linkdrift/reader/segment_reader.h"  // ReadRequest

namespace linkdrift {

// Receives the reader's events, synchronously from feed().
class ArchiveSink {
 public:
  virtual ~ArchiveSink() = default;
  // The central directory was read: return the indexes of the entries to read, in the order to
  // read them (the sink applies its own selection: which names are exports, page order, ...).
  // Indexes >= entries.size() are ignored.
  virtual std::vector<std::size_t> on_listing(const std::vector<ArchiveEntry>& entries) = 0;
  virtual void on_entry_begin(const ArchiveEntry& entry) = 0;
  virtual void on_entry_data(std::string_view bytes) = 0;  // uncompressed bytes, in pieces of <= 1 MiB; valid during the call only
  virtual void on_entry_end() = 0;                          // the whole entry was delivered and its CRC-32 and size match
  // The entry cannot be read (encrypted, unsupported method, corrupt data, CRC/size mismatch,
  // bad local header): `offset` is a byte offset in the ARCHIVE; bytes delivered before stay delivered.
  // Either on_entry_end or on_entry_error follows every on_entry_begin (also for encrypted/unsupported:
  // begin then error, no data). Reading goes on with the next chosen entry.
  virtual void on_entry_error(std::uint64_t offset, std::string message) = 0;
  // The archive itself cannot be read (no end-of-central-directory record, truncated or
  // inconsistent central directory): no listing follows.
  virtual void on_archive_error(std::uint64_t offset, std::string message) = 0;
};

// Caps on what the central directory may make the reader hold.
struct ZipLimits {
  std::uint64_t max_entries = std::uint64_t{1} << 21;     // 2,097,152
  std::uint64_t max_path_bytes = std::uint64_t{256} << 20;  // all entry paths together
};

class ZipReader {
 public:
  explicit ZipReader(ArchiveSink& sink, ZipLimits limits = {});

  // An archive of `size` bytes; reads of at most `chunk_bytes` (>= 1) are requested.
  void begin(std::uint64_t size, std::size_t chunk_bytes = kReadChunkBytes);
  // nullopt: done (all chosen entries read, or an archive error), or not begun.
  std::optional<ReadRequest> next_read() const;
  void feed(std::string_view bytes);
  bool active() const { return phase_ != Phase::done; }
  // Progress: compressed bytes of chosen entries consumed so far / in total (for progress
  // bars; an entry that fails or ends early counts as consumed). Both 0 until on_listing.
  std::uint64_t bytes_done() const;
  std::uint64_t bytes_total() const { return bytes_total_; }

 private:
  enum class Phase : std::uint8_t { tail, locator, zip64_eocd, directory, local_header, local_extra, data, done };

  void accept(std::string_view bytes);
  void fetch(Phase phase, std::uint64_t at, std::size_t length);
  void gathered();
  void truncated(std::uint64_t end);
  std::string eof_message() const;
  void archive_error(std::uint64_t offset, std::string message);
  // Archive level: the end records and the central directory.
  void on_tail();
  void on_locator();
  void on_zip64_eocd();
  void start_directory();
  void directory_bytes(std::string_view bytes);
  std::size_t record_need(std::string_view head);
  bool directory_record(std::string_view record);
  void finish_directory();
  // Entry level.
  void start_entry();
  std::optional<std::string> unreadable(const ArchiveEntry& e) const;
  void on_local_header();
  void check_local_and_start();
  void start_data();
  void data_bytes(std::string_view bytes, bool short_read);
  bool inflate_bytes(std::string_view bytes, std::uint64_t at);
  void deliver(std::string_view bytes);
  void end_of_data();
  void finish_data();
  void fail_entry(std::uint64_t offset, std::string message);
  void finish_entry();
  const ArchiveEntry& entry() const { return chosen_[current_]; }
  std::uint64_t entries_end() const { return end_.cd_offset; }  // entries lie before the central directory

  ArchiveSink* sink_;
  ZipLimits limits_;
  Phase phase_ = Phase::done;
  std::uint64_t size_ = 0;       // the archive's announced size
  std::optional<std::uint64_t> eof_;  // where a short feed ended the data
  std::size_t chunk_ = 1;
  // A gathered read: [want_at_, want_at_ + want_len_), got_ = the bytes so far.
  std::uint64_t want_at_ = 0;
  std::size_t want_len_ = 0;
  std::string got_;
  std::string tail_;             // the archive's last bytes (<= 65,557), kept to answer reads
  std::uint64_t tail_at_ = 0;
  // The end records.
  zip::EndRecord end_;
  std::uint64_t end_at_ = 0;     // the record end_ came from: the EOCD or the ZIP64 EOCD
  std::uint64_t eocd_at_ = 0;
  // The central directory.
  std::uint64_t cd_pos_ = 0;     // next byte to ask for
  std::uint64_t record_at_ = 0;  // start of the record being parsed
  std::string carry_;            // a record split across reads (<= 46 + 3 * 65,535 bytes)
  std::uint64_t path_bytes_ = 0;
  std::vector<ArchiveEntry> entries_;
  // The chosen entries and the one being read.
  std::vector<ArchiveEntry> chosen_;
  std::size_t current_ = 0;
  std::map<std::uint64_t, std::pair<std::uint64_t, std::size_t>> spans_;  // start -> {end, chosen_ index}
  zip::LocalHeader local_;
  std::uint64_t data_at_ = 0, data_end_ = 0, pos_ = 0, produced_ = 0;
  std::uint32_t crc_ = 0;
  InflateStream inflate_;
  std::unique_ptr<char[]> out_;  // inflate output, 1 MiB
  std::uint64_t bytes_done_ = 0;   // compressed sizes of the chosen entries before current_
  std::uint64_t bytes_total_ = 0;
};

}  // namespace linkdrift
