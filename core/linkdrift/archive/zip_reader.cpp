#include "linkdrift/archive/zip_reader.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <utility>

#include <zlib.h>

namespace linkdrift {
namespace {

constexpr std::size_t kPiece = std::size_t{1} << 20;  // on_entry_data pieces, inflate output

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
  return b > std::numeric_limits<std::uint64_t>::max() - a ? std::numeric_limits<std::uint64_t>::max() : a + b;
}

std::string hex32(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", static_cast<unsigned>(v));
  return buf;
}

std::string num(std::uint64_t v) { return std::to_string(v); }

}  // namespace

ZipReader::ZipReader(ArchiveSink& sink, ZipLimits limits) : sink_(&sink), limits_(limits) {}

void ZipReader::begin(std::uint64_t size, std::size_t chunk_bytes) {
  *this = ZipReader(*sink_, limits_);
  size_ = size;
  chunk_ = std::max<std::size_t>(chunk_bytes, 1);
  if (size < zip::kEocdSize) return archive_error(0, "not a ZIP archive: no end-of-central-directory record");
  const auto tail = static_cast<std::size_t>(std::min<std::uint64_t>(size, zip::kMaxEocdSearch));
  fetch(Phase::tail, size - tail, tail);
}

std::optional<ReadRequest> ZipReader::next_read() const {
  std::uint64_t at = 0, end = 0;
  switch (phase_) {
    case Phase::directory:
      at = cd_pos_;
      end = end_.cd_offset + end_.cd_size;
      break;
    case Phase::data:
      at = pos_;
      end = data_end_;
      break;
    case Phase::done:
      return std::nullopt;
    default:  // a gathered read
      at = want_at_ + got_.size();
      end = want_at_ + want_len_;
  }
  return ReadRequest{at, static_cast<std::size_t>(std::min<std::uint64_t>(end - at, chunk_))};
}

std::uint64_t ZipReader::bytes_done() const {
  return phase_ == Phase::data ? saturating_add(bytes_done_, pos_ - data_at_) : bytes_done_;
}

void ZipReader::feed(std::string_view bytes) {
  accept(bytes);
  // Reads the tail already holds are answered from it.
  while (const auto r = next_read()) {
    if (r->offset < tail_at_ || r->offset - tail_at_ > tail_.size() || r->length > tail_.size() - (r->offset - tail_at_))
      break;
    accept(std::string_view(tail_).substr(static_cast<std::size_t>(r->offset - tail_at_), r->length));
  }
}

void ZipReader::accept(std::string_view bytes) {
  const auto r = next_read();
  if (!r) return;
  if (bytes.size() > r->length) bytes = bytes.substr(0, r->length);
  const bool short_read = bytes.size() < r->length;
  const std::uint64_t end = r->offset + bytes.size();
  switch (phase_) {
    case Phase::directory:
      cd_pos_ = end;
      directory_bytes(bytes);
      if (phase_ != Phase::directory) return;
      if (short_read) return truncated(end);
      if (cd_pos_ == end_.cd_offset + end_.cd_size) finish_directory();
      return;
    case Phase::data:
      return data_bytes(bytes, short_read);
    case Phase::done:
      return;
    default:
      got_.append(bytes);
      if (short_read) return truncated(end);
      if (got_.size() == want_len_) gathered();
  }
}

// Asks for [at, at + length), length > 0; gathered() gets the bytes.
void ZipReader::fetch(Phase phase, std::uint64_t at, std::size_t length) {
  phase_ = phase;
  want_at_ = at;
  want_len_ = length;
  got_.clear();
}

void ZipReader::gathered() {
  switch (phase_) {
    case Phase::tail: return on_tail();
    case Phase::locator: return on_locator();
    case Phase::zip64_eocd: return on_zip64_eocd();
    case Phase::local_header: return on_local_header();
    case Phase::local_extra:
      zip::apply_local_zip64(got_, local_);
      return check_local_and_start();
    default: return;
  }
}

// A short (or empty) feed: no more data. Nothing more is read: the open entry
// and every chosen entry after it fail, at the end found.
void ZipReader::truncated(std::uint64_t end) {
  eof_ = end;
  if (phase_ != Phase::local_header && phase_ != Phase::local_extra && phase_ != Phase::data)
    return archive_error(end, eof_message());
  fail_entry(end, eof_message());
}

std::string ZipReader::eof_message() const {
  return "the archive ends at offset " + num(*eof_) + ", before its announced size of " + num(size_) + " bytes";
}

void ZipReader::archive_error(std::uint64_t offset, std::string message) {
  phase_ = Phase::done;
  entries_ = {};
  carry_ = {};
  sink_->on_archive_error(offset, std::move(message));
}

// --- the end records -----------------------------------------------------------------

void ZipReader::on_tail() {
  tail_ = std::move(got_);
  tail_at_ = want_at_;
  const auto eocd = zip::find_eocd(tail_);
  if (!eocd) return archive_error(0, "not a ZIP archive: no end-of-central-directory record");
  end_ = eocd->record;
  eocd_at_ = end_at_ = tail_at_ + eocd->at;
  if (eocd_at_ < zip::kZip64LocatorSize) return start_directory();
  fetch(Phase::locator, eocd_at_ - zip::kZip64LocatorSize, zip::kZip64LocatorSize);
}

void ZipReader::on_locator() {
  const auto record_at = zip::parse_zip64_locator(got_);
  if (!record_at) return start_directory();  // no ZIP64
  const std::uint64_t locator_at = eocd_at_ - zip::kZip64LocatorSize;
  if (*record_at > locator_at || locator_at - *record_at < zip::kZip64EocdSize)
    return archive_error(locator_at, "the ZIP64 end-of-central-directory locator points outside the archive (offset " +
                                         num(*record_at) + ")");
  end_at_ = *record_at;
  fetch(Phase::zip64_eocd, *record_at, zip::kZip64EocdSize);
}

void ZipReader::on_zip64_eocd() {
  const auto record = zip::parse_zip64_eocd(got_);
  if (!record)
    return archive_error(end_at_, "no ZIP64 end-of-central-directory record at offset " + num(end_at_) +
                                      ", where its locator points");
  end_ = *record;
  start_directory();
}

// --- the central directory -----------------------------------------------------------

void ZipReader::start_directory() {
  const zip::EndRecord& e = end_;
  if (e.disk != 0 || e.cd_disk != 0 || e.disk_entries != e.entries)
    return archive_error(end_at_, "split (multi-disk) ZIP archives are not supported");
  // The central directory lies before the end record it came from.
  if (e.cd_offset > end_at_ || e.cd_size > end_at_ - e.cd_offset)
    return archive_error(end_at_, "the central directory (" + num(e.cd_size) + " bytes at offset " +
                                      num(e.cd_offset) + ") lies outside the archive: its end record is at offset " +
                                      num(end_at_));
  if (e.entries > limits_.max_entries)
    return archive_error(end_at_, "the archive lists " + num(e.entries) + " entries; at most " +
                                      num(limits_.max_entries) + " are supported");
  if (e.cd_size / zip::kCentralHeaderSize < e.entries)
    return archive_error(end_at_, "the central directory (" + num(e.cd_size) + " bytes) is too small for the " +
                                      num(e.entries) + " entries its end record declares");
  cd_pos_ = record_at_ = e.cd_offset;
  if (e.cd_size == 0) return finish_directory();
  phase_ = Phase::directory;
}

// Parses the central directory's next bytes: whole records straight from
// `bytes`, a record split across reads through carry_.
void ZipReader::directory_bytes(std::string_view bytes) {
  while (!bytes.empty() && phase_ == Phase::directory) {
    if (carry_.empty()) {
      const std::size_t need = record_need(bytes);
      if (need == 0) return;
      if (need > bytes.size()) {
        carry_.assign(bytes);
        return;
      }
      if (!directory_record(bytes.substr(0, need))) return;
      bytes.remove_prefix(need);
      continue;
    }
    // carry_ holds the start of a record: complete it (its size is known from 46 bytes on).
    std::size_t need = record_need(carry_);
    while (need > carry_.size() && !bytes.empty()) {
      const std::size_t take = std::min(need - carry_.size(), bytes.size());
      carry_.append(bytes.substr(0, take));
      bytes.remove_prefix(take);
      need = record_need(carry_);
    }
    if (need == 0 || need > carry_.size()) return;  // an error, or all bytes used
    const bool ok = directory_record(carry_);
    carry_.clear();
    if (!ok) return;
  }
}

// The bytes the record starting `head` needs (46 while fewer are known); 0
// after an archive error (wrong signature, record beyond the central directory).
std::size_t ZipReader::record_need(std::string_view head) {
  const std::uint64_t left = end_.cd_offset + end_.cd_size - record_at_;
  std::size_t need = zip::kCentralHeaderSize;
  if (head.size() >= zip::kCentralHeaderSize) {
    need = zip::central_record_size(head);
    if (need == 0) {
      archive_error(record_at_, "no central directory record at offset " + num(record_at_) + " (wrong signature)");
      return 0;
    }
  }
  if (need > left) {
    archive_error(record_at_, "the central directory record at offset " + num(record_at_) +
                                  " runs past the end of the central directory (offset " +
                                  num(end_.cd_offset + end_.cd_size) + ")");
    return 0;
  }
  return need;
}

bool ZipReader::directory_record(std::string_view record) {
  if (entries_.size() == end_.entries) {
    archive_error(record_at_, "the central directory holds more entries than the " + num(end_.entries) +
                                  " its end record declares");
    return false;
  }
  ArchiveEntry e = zip::parse_central_record(record);
  path_bytes_ += e.path.size();
  if (path_bytes_ > limits_.max_path_bytes) {
    archive_error(record_at_, "the central directory's entry names exceed " + num(limits_.max_path_bytes) +
                                  " bytes in all");
    return false;
  }
  e.index = entries_.size();
  entries_.push_back(std::move(e));
  record_at_ += record.size();
  return true;
}

void ZipReader::finish_directory() {
  if (entries_.size() != end_.entries)
    return archive_error(record_at_, "the central directory holds " + num(entries_.size()) +
                                         " entries, its end record declares " + num(end_.entries));
  for (const std::size_t i : sink_->on_listing(entries_)) {
    if (i >= entries_.size()) continue;
    chosen_.push_back(entries_[i]);
    bytes_total_ = saturating_add(bytes_total_, entries_[i].compressed_size);
  }
  entries_ = {};
  carry_ = {};
  start_entry();
}

// --- entries -------------------------------------------------------------------------

// Begins chosen_[current_], failing at once what needs no read; done after the last.
void ZipReader::start_entry() {
  for (; current_ < chosen_.size(); finish_entry()) {
    const ArchiveEntry& e = entry();
    sink_->on_entry_begin(e);
    if (eof_) {
      sink_->on_entry_error(*eof_, eof_message());
      continue;
    }
    auto problem = unreadable(e);
    if (!problem) return fetch(Phase::local_header, e.local_header_offset, zip::kLocalHeaderSize);
    sink_->on_entry_error(e.local_header_offset, std::move(*problem));
  }
  phase_ = Phase::done;
}

std::optional<std::string> ZipReader::unreadable(const ArchiveEntry& e) const {
  if (e.encrypted) return "encrypted (password-protected) entries are not supported";
  if (e.method != 0 && e.method != 8)
    return "compression method " + num(e.method) + " is not supported (only stored and deflate)";
  if (e.method == 0 && e.compressed_size != e.size)
    return "stored entry with a compressed size (" + num(e.compressed_size) + ") other than its size (" +
           num(e.size) + ")";
  if (e.local_header_offset > entries_end() || entries_end() - e.local_header_offset < zip::kLocalHeaderSize)
    return "the local header offset " + num(e.local_header_offset) +
           " lies outside the archive's entries (they end at offset " + num(entries_end()) + ")";
  return std::nullopt;
}

void ZipReader::on_local_header() {
  const ArchiveEntry& e = entry();
  const std::uint64_t at = e.local_header_offset;
  const auto h = zip::parse_local_header(got_);
  if (!h) return fail_entry(at, "no local header at offset " + num(at) + " (wrong signature)");
  if (h->method != e.method)
    return fail_entry(at, "the local header says compression method " + num(h->method) +
                              ", the central directory " + num(e.method));
  data_at_ = at + zip::kLocalHeaderSize + h->name_length + h->extra_length;
  if (data_at_ > entries_end() || e.compressed_size > entries_end() - data_at_)
    return fail_entry(at, "the entry's data (" + num(e.compressed_size) + " bytes at offset " + num(data_at_) +
                              ") runs past the archive's entries (they end at offset " + num(entries_end()) + ")");
  data_end_ = data_at_ + e.compressed_size;
  // Spans read so far are disjoint: only the last one starting before data_end_ can overlap.
  if (auto it = spans_.lower_bound(data_end_); it != spans_.begin() && (--it)->second.first > at) {
    const ArchiveEntry& other = chosen_[it->second.second];
    return fail_entry(at, "the entry overlaps entry '" + other.path + "' (archive bytes " + num(it->first) + " to " +
                              num(it->second.first) + "); overlapping entries are not read");
  }
  local_ = *h;
  if ((h->flags & zip::kFlagDataDescriptor) == 0 && h->needs_zip64() && h->extra_length > 0)
    return fetch(Phase::local_extra, at + zip::kLocalHeaderSize + h->name_length, h->extra_length);
  check_local_and_start();
}

// Without a data descriptor the local header repeats the CRC and sizes: they must agree.
void ZipReader::check_local_and_start() {
  const ArchiveEntry& e = entry();
  if ((local_.flags & zip::kFlagDataDescriptor) == 0) {
    std::string what;
    if (local_.crc32 != e.crc32) what = "CRC-32 " + hex32(local_.crc32) + " vs " + hex32(e.crc32);
    else if (local_.compressed_size != e.compressed_size)
      what = "compressed size " + num(local_.compressed_size) + " vs " + num(e.compressed_size);
    else if (local_.size != e.size) what = "size " + num(local_.size) + " vs " + num(e.size);
    if (!what.empty())
      return fail_entry(e.local_header_offset, "the local header disagrees with the central directory: " + what);
  }
  spans_.emplace(e.local_header_offset, std::pair{data_end_, current_});
  start_data();
}

void ZipReader::start_data() {
  pos_ = data_at_;
  produced_ = 0;
  crc_ = 0;
  phase_ = Phase::data;
  if (entry().method == 8) {
    if (!out_) out_ = std::make_unique<char[]>(kPiece);
    if (!inflate_.restart()) return fail_entry(data_at_, "out of memory: cannot start inflating");
  }
  if (data_end_ == data_at_) end_of_data();
}

void ZipReader::data_bytes(std::string_view bytes, bool short_read) {
  const std::uint64_t at = pos_;
  pos_ += bytes.size();
  if (entry().method == 0) {
    for (std::size_t i = 0; i < bytes.size(); i += kPiece) deliver(bytes.substr(i, kPiece));
  } else if (!inflate_bytes(bytes, at)) {
    return;  // the entry ended or failed
  }
  if (short_read) return truncated(pos_);
  if (pos_ == data_end_) end_of_data();
}

// Inflates the entry's compressed bytes starting at archive offset `at`; false
// once the entry is over (stream end or error).
bool ZipReader::inflate_bytes(std::string_view bytes, std::uint64_t at) {
  const std::uint64_t size = entry().size;
  for (;;) {
    // At the declared size, a 1-byte probe tells the end of the stream from a bomb.
    const std::uint64_t left = size - produced_;
    const std::size_t capacity = left == 0 ? 1 : static_cast<std::size_t>(std::min<std::uint64_t>(left, kPiece));
    const InflateStream::Step step = inflate_.step(bytes, out_.get(), capacity);
    bytes.remove_prefix(step.consumed);
    at += step.consumed;
    if (left == 0 && step.produced > 0) {
      fail_entry(at, "the deflate data inflates to more than the declared size of " + num(size) + " bytes");
      return false;
    }
    deliver(std::string_view(out_.get(), step.produced));
    if (step.status == InflateStream::Status::end) {
      finish_data();  // compressed bytes after the stream's end are ignored
      return false;
    }
    if (step.status == InflateStream::Status::error) {
      fail_entry(at, "corrupt deflate data (" + inflate_.error() + ")");
      return false;
    }
    if (bytes.empty() && step.produced < capacity) return true;
  }
}

void ZipReader::deliver(std::string_view bytes) {
  if (bytes.empty()) return;
  crc_ = static_cast<std::uint32_t>(
      crc32(crc_, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
  produced_ += bytes.size();
  sink_->on_entry_data(bytes);
}

// All compressed bytes were consumed.
void ZipReader::end_of_data() {
  if (entry().method == 8)
    return fail_entry(data_end_, "the deflate data ends early: the stream is incomplete after the entry's " +
                                     num(entry().compressed_size) + " compressed bytes");
  finish_data();
}

void ZipReader::finish_data() {
  const ArchiveEntry& e = entry();
  if (produced_ != e.size)
    return fail_entry(data_at_, "the data inflates to " + num(produced_) + " bytes, the declared size is " +
                                    num(e.size));
  if (crc_ != e.crc32)
    return fail_entry(data_at_, "CRC-32 mismatch: the data has " + hex32(crc_) + ", the archive says " +
                                    hex32(e.crc32));
  sink_->on_entry_end();
  finish_entry();
  start_entry();
}

void ZipReader::fail_entry(std::uint64_t offset, std::string message) {
  sink_->on_entry_error(offset, std::move(message));
  finish_entry();
  start_entry();
}

void ZipReader::finish_entry() {
  bytes_done_ = saturating_add(bytes_done_, entry().compressed_size);
  ++current_;
}

}  // namespace linkdrift
