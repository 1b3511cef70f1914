// SegmentEdges: where the reader of one segment of a file began and stopped
// (reader/segment_reader.h explains segments), kept by the store so that
// Corpus::merge can check that neighbouring segments meet exactly.
#pragma once

#include <cstdint>

#include "linkdrift/base/chat_info.h"

namespace linkdrift {

// What a segment records so that segments merge exactly (Corpus::merge).
struct SegmentEdges {
  bool split = false;            // the file was read as a segment
  std::uint64_t start = 0;       // where reading began: 0, or a boundary
  std::uint64_t end = 0;         // where it stopped: a boundary, or the file size
  bool open_end = false;         // stopped at a boundary, inside a chat's messages
  bool context_missing = false;  // the chat header of `start` was not found: nothing read
  std::uint64_t start_messages_at = 0;  // the '[' of the chat continued at `start`
  std::uint64_t end_messages_at = 0;    // the '[' of the chat open at `end`
  ChatInfo start_chat, end_chat;        // their keys read before "messages"
};

}  // namespace linkdrift
