// SegmentReader: reads ONE byte range of an export so that several readers
// (threads, web workers) can split a file and their results merge exactly
// into what one sequential reader gives (docs/parallel.md).
//
// A split BOUNDARY is the '{' of a message that tdesktop's pretty-printer
// wrote as  "\n" + I spaces + "{\n" + (I+1) spaces + "\"id\": "  with I = 2
// (single-chat export) or I = 5 (chats of a full-account export). Raw
// newlines never occur inside JSON strings, so such bytes are whitespace
// between tokens; the reader that meets one structurally still verifies it.
//
// The segment of cut [a, b) of a file of `size` bytes:
// - starts at the first boundary R >= a (a = 0: at the file start); none
//   before b -> the segment is empty (its predecessor reads on);
// - before reading from R it finds the enclosing chat's header (single chat:
//   from the file start to `"messages": [`; account: backward from R to the
//   chat's `"messages": [` line and its '{' line) and feeds it to the reader,
//   so chat name/type/id are exactly what a sequential reader sees;
// - stops at the first boundary >= b if the parser is there between two
//   messages (an "open end": the chat continues in the next segment), else
//   reads to the end of the file (the next segments are then covered and the
//   merge drops them). The last segment (b = size) reads to the end.
// Both neighbours compute the boundary after b from the same bytes, so the
// end of one segment is the start of the next by construction; SegmentEdges
// records both sides so that Corpus::merge can check it.
//
// CONTRACT: the caller answers each next_read() with exactly the requested
// bytes (fewer only at the end of the file; an empty feed means "no more
// data": the segment ends there). No parsing happens outside the core.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "linkdrift/base/segment_edges.h"
#include "linkdrift/reader/export_reader.h"

namespace linkdrift {

struct ReadRequest {
  std::uint64_t offset = 0;
  std::size_t length = 0;
};

// The first boundary whose '{' is at a file offset >= `from`, in `bytes`
// (which start at file offset `base`); nullopt if none lies wholly inside.
struct Boundary {
  std::uint64_t offset = 0;
  int indent = 0;  // 2: single chat, 5: full account
};
std::optional<Boundary> find_boundary(std::string_view bytes, std::uint64_t base, std::uint64_t from);

class SegmentReader {
 public:
  explicit SegmentReader(ExportReader& reader) : reader_(reader) {}

  // The reader must be at the start of a file (ExportReader::begin_file).
  void begin(std::uint64_t file_size, std::uint64_t cut_begin, std::uint64_t cut_end, std::size_t chunk_bytes);
  // The next byte range to feed, or nullopt when the segment is done.
  std::optional<ReadRequest> next_read() const;
  void feed(std::string_view bytes);
  bool active() const { return phase_ != Phase::done; }
  const SegmentEdges& edges() const { return edges_; }

 private:
  enum class Phase : std::uint8_t { find_start, single_header, back_messages, back_chat, account_header, body, done };

  void found_start(Boundary b);
  void feed_body(std::string_view bytes);
  void feed_zone(std::string_view bytes);
  bool enter_body(std::uint64_t messages_at);
  void finish(std::uint64_t end, bool open_end);
  void context_missing();

  ExportReader& reader_;
  SegmentEdges edges_;
  Phase phase_ = Phase::done;
  std::uint64_t size_ = 0, cut_begin_ = 0, cut_end_ = 0;
  std::size_t chunk_ = 0;
  std::uint64_t pos_ = 0;           // next file offset to read (forward phases)
  std::uint64_t window_end_ = 0;    // backward phases: end of the next window
  std::uint64_t messages_at_ = 0;   // account: '[' of the chat's messages
  std::uint64_t messages_line_ = 0; // account: the '\n' starting that line
  std::uint64_t chat_at_ = 0;       // account: the chat's '{'
  bool to_eof_ = false;             // no boundary to look for any more
  std::string carry_;               // bytes held back while looking for a boundary
  std::uint64_t carry_at_ = 0;      // file offset of carry_[0]
};

}  // namespace linkdrift
