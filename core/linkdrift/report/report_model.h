// Report: the typed report, as build_report() computes it from a corpus and
// options. One serialiser (report_json.h) writes it as the JSON that
// docs/report-schema.md and docs/report.schema.json describe; the CLI summary,
// the graph files and the bindings read these structs, never JSON keys.
//
// CONTRACT
// - Plain values that own their strings: a Report outlives its corpus.
// - Dates are unix seconds (UTC); buckets are ordinals of options.bucket
//   (report/buckets.h), months ordinals of Bucket::month. The serialiser
//   turns them into the schema's text forms.
// - Field names follow the JSON keys, so the schema documents them too.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "linkdrift/base/announcement_type.h"
#include "linkdrift/base/file_format.h"
#include "linkdrift/base/model.h"
#include "linkdrift/base/outcome_kind.h"
#include "linkdrift/report/report_options.h"

namespace linkdrift {

struct Counts {
  std::uint64_t link_records = 0;
  std::uint64_t messages = 0;  // messages with >= 1 such link
  std::uint64_t targets = 0;   // distinct targets
};

using BucketCounts = std::map<std::int64_t, std::uint64_t>;  // bucket ordinal -> count

struct FileReport {
  struct Error {
    std::uint64_t offset = 0;
    std::string message;
  };
  std::string name;
  FileFormat format = FileFormat::undecided;
  std::uint64_t bytes = 0;
  std::uint64_t chats = 0;
  std::uint64_t messages = 0;
  std::optional<Error> error;                  // status "error"
  std::string skipped;                         // non-empty: status "skipped", why
  bool continues_chat = false;                 // a later HTML page of the chat before
  std::optional<int> assumed_utc_offset_minutes;  // HTML dates without an offset
};

struct Totals {
  std::uint64_t files = 0, files_with_errors = 0, files_skipped = 0, chats = 0;
  std::uint64_t messages = 0, service_messages = 0, forwarded_messages = 0, messages_with_links = 0;
  std::uint64_t link_records = 0, link_records_without_signature = 0;
  std::optional<std::int64_t> first_date, last_date;  // none without counted messages
};

struct PlatformReport {
  Platform platform = Platform::web;
  Counts all, without_signature;
  std::vector<std::pair<Kind, Counts>> kinds;  // kinds with records, in Kind order
};

// The "buckets" section: every bucket from the first to the last counted message.
struct SeriesReport {
  std::int64_t first_bucket = 0;  // ordinal of messages[0]
  std::vector<std::uint64_t> messages;
  std::vector<std::array<Counts, kPlatformCount>> platforms;  // per bucket
};

struct TopTarget {
  Kind kind = Kind::link;
  std::string target, url;
  std::uint64_t link_records = 0, chats = 0, signature_chats = 0;
  std::int64_t first_seen = 0, last_seen = 0;
};

struct TargetCount {
  Platform platform = Platform::web;
  Kind kind = Kind::link;
  std::string target;
  std::uint64_t link_records = 0;
  std::optional<double> share;  // signature targets: of the chat's counted messages
};

// A chat that may continue an ended one (lifecycle.h states the rules).
enum class SuccessorEvidence : std::uint8_t { announced, name, cross_link };
std::string_view name(SuccessorEvidence e);  // "announced", "name", "cross_link"

struct SuccessorCandidate {
  std::uint32_t chat = 0;   // index into Report::chats
  int score = 0;            // higher first
  std::int64_t gap_days = 0;  // its first message minus the ended chat's last (negative: began before)
  std::vector<SuccessorEvidence> evidence;  // in enum order
};

// A backup channel the chat announced (a Telegram destination of a backup announcement).
struct BackupChannel {
  Kind kind = Kind::public_;
  std::string target;
  std::optional<std::uint32_t> chat;  // the loaded chat it names
  bool posting_moved = false;         // the announcer ended and that chat posted after its last message
};

// Every chat's lifecycle (report "chats"[i].lifecycle), over its counted messages.
struct ChatLifecycle {
  std::int64_t active_days = 0;           // last minus first message
  std::int64_t longest_silence_days = 0;  // between two messages
  std::optional<std::int64_t> longest_silence_from;  // the message before it
  std::int64_t days_to_corpus_end = 0;    // its last message to the corpus' last
  bool ended = false;                     // days_to_corpus_end >= outcome_silent_end_days
  std::vector<SuccessorCandidate> successors;  // ranked; only for an ended chat
  std::vector<BackupChannel> backups;
};

struct ChatReport {
  std::string file;
  int index = 0;
  std::int64_t id = 0;
  std::string name, type;
  bool partial = false;
  std::uint64_t messages = 0, service_messages = 0;
  std::optional<std::int64_t> first_date, last_date;
  BucketCounts messages_per_bucket;
  std::array<std::uint64_t, kPlatformCount> link_records{};
  std::array<BucketCounts, kPlatformCount> link_records_per_bucket;
  std::vector<TargetCount> signature_targets, top_targets;
  std::optional<ChatLifecycle> lifecycle;  // none without counted messages
};

// The chat an entry is about: its index in Report::chats, its export id and name.
struct ChatRef {
  std::uint64_t chat = 0;
  std::int64_t chat_id = 0;
  std::string chat_name;
};

struct AnnouncedTarget {
  Platform platform = Platform::web;
  Kind kind = Kind::link;
  std::string target;
};

struct AnnouncementReport {
  ChatRef chat;
  std::int64_t message_id = 0;
  std::int64_t date = 0;
  AnnouncementType type = AnnouncementType::move;
  std::optional<AnnouncedTarget> destination;  // none: leaving without saying where
  std::string phrase, language;
};

enum class ContinuedBy : std::uint8_t { destination, born_with_announcement, same_name, successor };
std::string_view name(ContinuedBy c);  // "destination", "born_with_announcement", "same_name", "successor"

struct OutcomeReport {
  ChatRef chat;
  std::uint64_t announcements = 0;
  std::int64_t first_announcement = 0;
  std::uint64_t messages_before_30d = 0, messages_after_30d = 0, messages_before_90d = 0, messages_after_90d = 0;
  std::int64_t longest_silence_days = 0, longest_silence_before_days = 0;
  std::int64_t last_date = 0;
  std::int64_t days_to_corpus_end = 0;
  Outcome outcome = Outcome::stayed;
  std::optional<std::uint32_t> continued_in;  // a chat index, with continued_by
  ContinuedBy continued_by = ContinuedBy::destination;
};

struct EventWindow {
  struct PlatformChange {
    Platform platform = Platform::web;
    std::uint64_t link_records_before = 0, link_records_after = 0;
    std::optional<double> change_pct;
  };
  int months_before_covered = 0, months_after_covered = 0;
  std::uint64_t messages_before = 0, messages_after = 0;
  std::optional<double> messages_change_pct;
  std::vector<PlatformChange> platforms;  // overall: all platforms; a chat: those with links in a window
};

struct EventReport {
  EventMarker event;
  std::int64_t month = 0;  // the event's month ordinal (its windows are around it)
  EventWindow overall;
  struct ChatWindow {
    ChatRef chat;
    EventWindow window;
  };
  std::vector<ChatWindow> chats;  // chats with something counted in a window
};

enum class Relation : std::uint8_t { announced, cross_link };
std::string_view name(Relation r);  // "announced", "cross_link"

struct GraphReport {
  struct Node {
    std::optional<std::uint32_t> chat;  // a loaded chat, else a target:
    Platform platform = Platform::web;
    Kind kind = Kind::link;
    std::string target, url, label;
  };
  struct Edge {
    std::uint32_t from = 0, to = 0;  // node ids (indexes into nodes)
    Relation relation = Relation::announced;
    std::uint64_t weight = 0;
    std::int64_t first = 0, last = 0;
    std::uint32_t announcement_types = 0;  // bit per AnnouncementType
  };
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::uint64_t edges_total = 0;  // before graph_max_edges cut
};

struct Report {
  ReportOptions options;
  std::vector<FileReport> files;
  Totals totals;
  std::array<PlatformReport, kPlatformCount> platforms;
  SeriesReport buckets;
  std::array<std::vector<TopTarget>, kPlatformCount> top_targets;
  std::vector<AnnouncementReport> announcements;
  std::vector<OutcomeReport> outcomes;
  std::vector<EventReport> events;
  GraphReport graph;
  std::vector<ChatReport> chats;
};

}  // namespace linkdrift
