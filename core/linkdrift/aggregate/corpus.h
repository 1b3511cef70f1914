// Corpus: everything the analyzer keeps from its inputs — compact, mergeable,
// and enough to compute any report (any bucket, time zone, filter) later.
//
// Per link record 20 bytes (LinkRow); per chat three run-length histograms of
// message times at minute resolution; distinct targets and distinct urls
// interned once. No message text.
//
// CONTRACT
// - Rows of one message are contiguous and the first carries kFirstOfMessage.
// - A target id indexes Corpus::targets(); ids are stable for this corpus only
//   (merge() remaps the other corpus' ids).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linkdrift/aggregate/intern_index.h"
#include "linkdrift/migration/announcements.h"
#include "linkdrift/model.h"
#include "linkdrift/reader/export_reader.h"
#include "linkdrift/reader/segment_reader.h"

namespace linkdrift {

struct TargetEntry {
  Platform platform;
  Kind kind;
  std::string target;
  std::string example_url;  // the first url seen for it
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
  const char* store(std::string_view s);

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* block_pos_ = nullptr;
  std::size_t block_left_ = 0;
  std::vector<std::string_view> views_;
  detail::InternIndex index_;
};

// Interns (platform, kind, target) triples.
class TargetTable {
 public:
  // Returns the id of the triple, adding it (with `url` as example) if new.
  std::uint32_t intern(Platform platform, Kind kind, std::string_view target, std::string_view url);
  const TargetEntry& operator[](std::uint32_t id) const { return entries_[id]; }
  std::size_t size() const { return entries_.size(); }

 private:
  static std::uint64_t hash(Platform platform, Kind kind, std::string_view target) {
    return detail::hash_bytes(target.data(), target.size(),
                              (static_cast<std::uint64_t>(platform) << 8) | static_cast<std::uint64_t>(kind));
  }

  std::vector<TargetEntry> entries_;
  detail::InternIndex index_;
};

struct LinkRow {
  static constexpr std::uint8_t kFirstOfMessage = 1;
  static constexpr std::uint8_t kForwarded = 2;

  std::int64_t date() const { return static_cast<std::int32_t>(date_); }

  std::uint32_t date_;       // unix seconds, stored as int32 bits (dates 1901..2038)
  std::uint32_t target;      // id in TargetTable
  std::int32_t message_id;   // Telegram ids fit (migrated ones are >= -1e9)
  std::uint32_t url;         // id in Corpus::urls(): the link as found, refanged
  Source source;
  std::uint8_t flags;
};
static_assert(sizeof(LinkRow) == 20);

// Message counts by minute, run-length encoded: (minute since epoch, count).
// Appending is O(1) for time-ordered input; order is not required.
// append() joins a run split between two segments, as add() would have.
class MinuteHistogram {
 public:
  void add(std::int64_t unix_seconds);
  void append(const MinuteHistogram& other);
  const std::vector<std::pair<std::int64_t, std::uint32_t>>& runs() const { return runs_; }

 private:
  std::vector<std::pair<std::int64_t, std::uint32_t>> runs_;
};

// A detected announcement (issue 5) of one non-forwarded message: compact,
// no message text beyond the matched phrase (at most kMaxPhraseBytes, cut at a
// UTF-8 boundary).
struct AnnouncementRow {
  static constexpr std::size_t kMaxPhraseBytes = 200;

  std::int64_t date = 0;          // unix seconds of the message
  std::int64_t message_id = 0;
  std::uint32_t target = 0;       // destination: id in TargetTable
  AnnouncementType type = AnnouncementType::move;
  std::string phrase;             // as written
  std::string language;           // lexicon language (en, ru, …)
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
  std::vector<LinkRow> links;
  std::vector<AnnouncementRow> announcements;  // in message order
};

struct FileData {
  std::string name;
  std::uint64_t bytes = 0;
  bool has_error = false;
  std::uint64_t error_offset = 0;
  std::string error_message;
  SegmentEdges segment;  // when read as a segment (Analyzer::begin_segment)
};

class Corpus {
 public:
  // Ingestion, in stream order (the analyzer drives these).
  std::uint32_t add_file(std::string name);
  std::uint32_t add_chat(std::uint32_t file, const ChatInfo& info);
  ChatData& chat(std::uint32_t index) { return chats_[index]; }
  FileData& file(std::uint32_t index) { return files_[index]; }
  TargetTable& targets() { return targets_; }
  StringTable& urls() { return urls_; }

  // Appends `other` after this corpus (corpus_merge.cpp), remapping its ids
  // so that the result equals one corpus fed both streams in order. When
  // other's first file is a later segment of this corpus' last file, it
  // continues that file instead: its first chat continues the open chat, and
  // a segment after an error, or covered by a segment that read on, is
  // dropped. Returns false (this corpus unchanged, `error` set) when the
  // segments do not line up; the caller then reads that file sequentially.
  bool merge(const Corpus& other, std::string& error);

  const std::vector<FileData>& files() const { return files_; }
  const std::vector<ChatData>& chats() const { return chats_; }
  const TargetTable& targets() const { return targets_; }
  const StringTable& urls() const { return urls_; }

 private:
  std::vector<FileData> files_;
  std::vector<ChatData> chats_;
  TargetTable targets_;
  StringTable urls_;
};

}  // namespace linkdrift
