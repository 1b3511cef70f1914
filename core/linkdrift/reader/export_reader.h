// ExportReader: a push parser for Telegram Desktop JSON exports (result.json).
//
// It cuts each chat's `messages` array at message boundaries itself, so it
// never holds a whole file: memory is O(chunk + largest message + the chat
// header). Each message is parsed with simdjson On-Demand after tdesktop's
// known defects are repaired (`\xHH` escapes, unquoted custom-emoji ids).
//
// Accepted layouts (auto-detected from the top-level keys):
// - single chat:   {"name", "type", "id", "messages": [...]}
// - full account:  {..., "chats": {"list": [chat...]}, "left_chats": {"list": [chat...]}}
//   every chat becomes its own source, numbered in file order from 0.
//
// CONTRACT for feed():
// - The caller owns `bytes`; they need only live for the duration of the call
//   (the reader copies what it keeps). Chunks may be of ANY size, split
//   ANYWHERE: inside a UTF-8 sequence, a JSON string, an escape, a number.
// - Events are delivered synchronously from feed()/end_file(), in file order.
// - After an error the reader ignores the rest of that file (feed() returns
//   quickly) until the next begin_file(). Errors are values: nothing throws.
// - MessageView string_views are valid ONLY during the on_message() call.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linkdrift/base/chat_info.h"
#include "linkdrift/base/model.h"

namespace linkdrift {

// A piece of message content to scan for links, labelled with where it came from.
struct Fragment {
  std::string_view text;
  Source source;
};

struct MessageView {
  std::int64_t id = 0;
  std::int64_t date = 0;        // unix seconds, UTC (date_unixtime, else `date` read as UTC)
  bool is_service = false;      // "type": "service"
  bool forwarded = false;       // has `forwarded_from` (even null)
  // Every text part and every href/URL, in message order. For a part
  // {"type":"text_link","text":T,"href":H} this holds T (Source::text) and
  // H (Source::text_link); `link`/`email` parts are Source::entity, `mention`
  // parts Source::mention, button URLs Source::button, all other parts (and
  // poll questions/answers) Source::text.
  std::vector<Fragment> fragments;
};

struct InputError {
  std::string file;
  std::uint64_t offset = 0;  // byte offset in the file where the problem was seen
  std::string message;       // what was expected, e.g. "expected ',' or ']' after a message"
};

// Receives the reader's events. on_chat_begin() is called when the chat's
// `messages` array opens, with the keys seen before it (tdesktop always writes
// name, type, id first); on_chat_end() carries the final info (keys after
// `messages`, as in hand-edited files, are only known then).
class ReaderSink {
 public:
  virtual ~ReaderSink() = default;
  virtual void on_chat_begin(const ChatInfo& chat) = 0;
  virtual void on_message(int chat_index, const MessageView& message) = 0;
  virtual void on_chat_end(const ChatInfo& chat) = 0;
  // Called at most once per file. Chats begun and not ended get no on_chat_end;
  // the sink decides how to close them (they are partial).
  virtual void on_error(const InputError& error) = 0;
};

struct ReaderLimits {
  // A longer message fails its file instead of growing memory without bound.
  std::size_t max_message_bytes = std::size_t{256} << 20;
};

class ExportReader {
 public:
  explicit ExportReader(ReaderSink& sink, ReaderLimits limits = {});
  ~ExportReader();
  ExportReader(const ExportReader&) = delete;
  ExportReader& operator=(const ExportReader&) = delete;

  void begin_file(std::string name);
  void feed(std::string_view bytes);
  // Reports truncation / empty file / not-a-Telegram-export as an error.
  void end_file();

  // File offset of the next byte fed (bytes fed so far, plus any rebase()).
  std::uint64_t offset() const;

  // Reading a segment of a file (segment_reader.h):
  void rebase(std::uint64_t offset);     // the next byte fed is at file offset `offset`
  bool at_message_slot() const;          // between two messages of a `messages` array
  std::uint64_t messages_offset() const; // file offset of the last `messages` array's '['
  const ChatInfo& open_chat() const;     // the chat of that array, keys read before it
  bool failed() const;                   // an error was reported for this file

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace linkdrift
