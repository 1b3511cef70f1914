// Corpus: everything the analyzer keeps from its inputs — compact, mergeable,
// and enough to compute any report (any bucket, time zone, filter) later.
//
// Per link record one 16-byte LinkRow in a corpus-wide block store (no
// vector slack, no regrowth copies); per chat two varint-coded run-length
// histograms of message times at minute resolution; distinct targets interned
// once; a url kept as bytes only when it is not one of the standard forms of
// its target (url_forms.h). No message text. docs/performance.md gives the
// bytes per record and the input sizes that fit a 256 MB wasm heap.
//
// CONTRACT
// - Rows of one chat are contiguous in rows() ([rows_begin, rows_end) of its
//   ChatData); rows of one message are contiguous and the first carries
//   kFirstOfMessage. Rows are only added to the last chat (add_row).
// - A target id indexes Corpus::targets(); ids are stable for this corpus only
//   (merge() remaps the other corpus' ids). A corpus holds at most
//   TargetTable::kMaxTargets (2^27 - 1) distinct targets (the id shares its
//   row word with the source and flags): intern() then returns kFull, and
//   append() refuses a corpus that could exceed it.
// - A url code (LinkRow::url, TargetEntry::example_url) is kUrlForm | form
//   (rebuilt from the target) or an id in urls(); Corpus::url() gives the
//   url exactly as found.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linkdrift/base/announcement_type.h"
#include "linkdrift/base/chat_info.h"
#include "linkdrift/base/file_format.h"
#include "linkdrift/base/model.h"
#include "linkdrift/base/segment_edges.h"
#include "linkdrift/store/block_storage.h"
#include "linkdrift/store/intern_index.h"

namespace linkdrift {

struct TargetEntry {
  Platform platform;
  Kind kind;
  std::string_view target;    // in the TargetTable's arena
  std::uint32_t example_url;  // url code of the first url seen for it
};

// Interns strings: equal strings get one id, ids are dense from 0.
// The bytes live in large arena blocks that never move (views stay valid for
// the table's lifetime); a lookup hit allocates nothing.
class StringTable {
 public:
  std::uint32_t intern(std::string_view s);
  std::string_view operator[](std::uint32_t id) const { return views_[id]; }
  std::size_t size() const { return views_.size(); }

 private:
  ByteArena bytes_;
  BlockVector<std::string_view> views_;
  detail::InternIndex index_;
};

// Interns (platform, kind, target) triples, at most `capacity` of them.
class TargetTable {
 public:
  static constexpr std::uint32_t kMaxTargets = (1u << 27) - 1;
  static constexpr std::uint32_t kFull = 0xFFFFFFFFu;

  explicit TargetTable(std::uint32_t capacity = kMaxTargets) : capacity_(capacity) {}
  // Returns the id of the triple, adding it (with url code `url` as example) if
  // new; kFull when it is new and the table already holds `capacity` triples.
  std::uint32_t intern(Platform platform, Kind kind, std::string_view target, std::uint32_t url);
  const TargetEntry& operator[](std::uint32_t id) const { return entries_[id]; }
  std::size_t size() const { return entries_.size(); }

 private:
  static std::uint64_t hash(Platform platform, Kind kind, std::string_view target) {
    return detail::hash_bytes(target.data(), target.size(),
                              (static_cast<std::uint64_t>(platform) << 8) | static_cast<std::uint64_t>(kind));
  }

  std::uint32_t capacity_;
  ByteArena bytes_;
  BlockVector<TargetEntry> entries_;
  detail::InternIndex index_;
};

// The target id, source and flags share one 32-bit word (bit-fields; read and
// assign them like plain members).
struct LinkRow {
  static constexpr std::uint8_t kFirstOfMessage = 1;
  static constexpr std::uint8_t kForwarded = 2;
  static constexpr std::uint32_t kTargetMask = (1u << 27) - 1;

  LinkRow() = default;
  // `date` in 1901..2038, `target` < TargetTable::kMaxTargets.
  LinkRow(std::int64_t date, std::int32_t message_id_, std::uint32_t url_, std::uint32_t target_, Source source_,
          std::uint8_t flags_)
      : date_(static_cast<std::uint32_t>(static_cast<std::int32_t>(date))), message_id(message_id_), url(url_),
        target(target_ & kTargetMask), source(source_), flags(flags_ & 3u) {}

  std::int64_t date() const { return static_cast<std::int32_t>(date_); }

  std::uint32_t date_;       // unix seconds, stored as int32 bits (dates 1901..2038)
  std::int32_t message_id;   // Telegram ids fit (migrated ones are >= -1e9)
  std::uint32_t url;         // url code: the link as found, refanged (Corpus::url)
  std::uint32_t target : 27;  // id in TargetTable (< TargetTable::kMaxTargets)
  Source source : 3;
  std::uint8_t flags : 2;
};
static_assert(sizeof(LinkRow) == 16);

// Message counts by minute, run-length encoded: runs of (minute since epoch,
// count), each stored as two varints (zigzag minute delta, count) — typically
// 2–4 bytes a run. Appending is O(1) for time-ordered input; order is not
// required, and for_each_run may yield one minute in several runs.
class MinuteHistogram {
 public:
  friend class CorpusCodec;
  void add(std::int64_t unix_seconds);
  void append(const MinuteHistogram& other);
  // Calls fn(minute, count) for every run, in insertion order.
  template <class Fn>
  void for_each_run(Fn&& fn) const {
    std::int64_t minute = 0;
    for (std::size_t i = 0; i < coded_.size();) {
      const std::uint64_t z = varint(i);
      minute += static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
      fn(minute, static_cast<std::uint32_t>(varint(i)));
    }
    if (last_count_ != 0) fn(last_minute_, last_count_);
  }

 private:
  void add_run(std::int64_t minute, std::uint32_t count);
  void flush();
  std::uint64_t varint(std::size_t& i) const {
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      const auto b = static_cast<std::uint8_t>(coded_[i++]);
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
  }

  std::vector<std::uint8_t> coded_;  // the runs before the last one
  std::int64_t coded_minute_ = 0;    // the minute of the last coded run
  std::int64_t last_minute_ = 0;     // the last run (count 0: none yet)
  std::uint32_t last_count_ = 0;
};

// A detected announcement (issue 5) of one non-forwarded message: compact,
// no message text beyond the matched phrase (at most kMaxPhraseBytes, cut at a
// UTF-8 boundary).
struct AnnouncementRow {
  static constexpr std::size_t kMaxPhraseBytes = 200;
  static constexpr std::uint32_t kNoTarget = std::numeric_limits<std::uint32_t>::max();

  std::int64_t date = 0;          // unix seconds of the message
  std::int64_t message_id = 0;
  std::uint32_t target = kNoTarget;  // destination: id in TargetTable; kNoTarget: none (leaving)
  AnnouncementType type = AnnouncementType::move;
  std::string phrase;             // as written
  std::string language;           // lexicon language (en, ru, …)

  bool has_destination() const { return target != kNoTarget; }
};

struct ChatData {
  std::uint32_t file = 0;     // index into Corpus::files()
  ChatInfo info;
  bool partial = false;       // its file had an error before the chat ended
  std::uint64_t messages = 0;  // non-service messages
  std::uint64_t service_messages = 0;
  std::int64_t first_date = 0;      // exact extremes of non-service message dates
  std::int64_t last_date = 0;       // (valid when messages > 0)
  MinuteHistogram message_times;    // non-service messages
  MinuteHistogram forwarded_times;  // the forwarded subset of message_times
  std::uint64_t rows_begin = 0;     // its link records: [rows_begin, rows_end) of Corpus::rows()
  std::uint64_t rows_end = 0;
  std::vector<AnnouncementRow> announcements;  // in message order
};

struct FileData {
  std::string name;
  std::uint64_t bytes = 0;
  FileFormat format = FileFormat::undecided;  // as sniffed; undecided: nothing was read
  std::uint64_t messages = 0;  // non-service messages read from this file
  bool has_error = false;
  std::uint64_t error_offset = 0;
  std::string error_message;
  std::string skipped;          // non-empty: listed, not read, and why (InputPlan)
  bool continues_chat = false;  // an HTML page whose chat began in the file before it
  bool assumed_zone = false;    // HTML dates without a UTC offset, read at assumed_utc_offset_minutes
  std::int32_t assumed_utc_offset_minutes = 0;
  SegmentEdges segment;  // when read as a segment (Analyzer::begin_segment)
};

// The link rows of one chat, in order.
class RowRange {
 public:
  // (Row indexes fit size_t: the rows are in memory.)
  RowRange(const BlockVector<LinkRow>& rows, std::uint64_t begin, std::uint64_t end)
      : rows_(&rows), begin_(static_cast<std::size_t>(begin)), end_(static_cast<std::size_t>(end)) {}
  std::size_t size() const { return end_ - begin_; }
  const LinkRow& operator[](std::size_t i) const { return (*rows_)[begin_ + i]; }

  class iterator {
   public:
    iterator(const BlockVector<LinkRow>* rows, std::size_t i) : rows_(rows), i_(i) {}
    const LinkRow& operator*() const { return (*rows_)[i_]; }
    iterator& operator++() { ++i_; return *this; }
    bool operator!=(const iterator& o) const { return i_ != o.i_; }

   private:
    const BlockVector<LinkRow>* rows_;
    std::size_t i_;
  };
  iterator begin() const { return {rows_, begin_}; }
  iterator end() const { return {rows_, end_}; }

 private:
  const BlockVector<LinkRow>* rows_;
  std::size_t begin_, end_;
};

class Corpus {
 public:
  friend class CorpusCodec;
  static constexpr std::uint32_t kUrlForm = 0x80000000u;  // url code flag: a form, not an id

  // Ingestion, in stream order (the analyzer drives these).
  std::uint32_t add_file(std::string name);
  std::uint32_t add_chat(std::uint32_t file, const ChatInfo& info);
  ChatData& chat(std::uint32_t index) { return chats_[index]; }
  FileData& file(std::uint32_t index) { return files_[index]; }
  TargetTable& targets() { return targets_; }
  StringTable& urls() { return urls_; }
  // True when chat `next`, met first in file `next_file` (the last file here,
  // or the first file of a corpus appended after this one: `next_file_data`),
  // continues this corpus' last chat: both are HTML pages (tdesktop writes ~1000
  // messages a page) with the same derived id and name, and the file before
  // `next_file` holds that chat's latest page.
  bool continues_last_chat(const FileData& next_file_data, std::uint32_t next_file, const ChatInfo& next) const;
  // Appends a row to chat `chat`, which must be the last chat added.
  void add_row(std::uint32_t chat, const LinkRow& row);
  // The code of `url` found as a link to `target`: a form, else the interned url.
  std::uint32_t url_code(std::string_view url, std::string_view target);

  // Appends `other` after this corpus (corpus_merge.cpp), remapping its ids
  // so that the result equals one corpus fed both streams in order. When
  // other's first file is a later segment of this corpus' last file, it
  // continues that file instead: its first chat continues the open chat, and
  // a segment after an error, or covered by a segment that read on, is
  // dropped. Returns false (this corpus unchanged, `error` set) when the
  // segments do not line up (the caller then reads that file sequentially), or
  // when both together hold more than TargetTable::kMaxTargets targets
  // (counting shared ones twice).
  bool merge(const Corpus& other, std::string& error);

  const std::vector<FileData>& files() const { return files_; }
  const std::vector<ChatData>& chats() const { return chats_; }
  const TargetTable& targets() const { return targets_; }
  const StringTable& urls() const { return urls_; }
  const BlockVector<LinkRow>& rows() const { return rows_; }
  RowRange links(const ChatData& chat) const { return {rows_, chat.rows_begin, chat.rows_end}; }
  // The url of code `code` for target `target`: a view of the stored url, or
  // the form rebuilt into `scratch`.
  std::string_view url(std::uint32_t code, std::string_view target, std::string& scratch) const;

 private:
  std::vector<FileData> files_;
  std::vector<ChatData> chats_;
  TargetTable targets_;
  StringTable urls_;
  BlockVector<LinkRow> rows_;
};

}  // namespace linkdrift
