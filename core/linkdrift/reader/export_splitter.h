// ExportSplitter: the structural state machine over a whole export file, fed
// in chunks of any size. It recognises the layout (single chat or full
// account), reads the chats' small header keys (name, type, id), skips every
// other section without buffering it, and cuts each element of a `messages`
// array into a padded buffer (one memcpy per chunk piece) for the message
// parser -- always a copy: in place, simdjson read the bytes after a malformed
// message, so its verdict depended on the chunking. Errors are reported once,
// then the splitter ignores the rest.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "linkdrift/reader/export_reader.h"
#include "linkdrift/reader/message_parser.h"
#include "linkdrift/reader/value_scanner.h"

namespace linkdrift::reader {

class SplitterEvents {
 public:
  virtual void chat_begin(const ChatInfo& chat) = 0;
  // One complete message object: data[0..len) with `capacity` bytes allocated
  // (>= len + SIMDJSON_PADDING). `offset` is its position in the file.
  // Returns false if it reported an error (the splitter then stops).
  virtual bool message(int chat_index, const char* data, std::size_t len, std::size_t capacity,
                       std::uint64_t offset, bool has_hex_escape) = 0;
  virtual void chat_end(const ChatInfo& chat) = 0;
  virtual void error(std::uint64_t offset, std::string message) = 0;

 protected:
  ~SplitterEvents() = default;
};

// A growable buffer that always keeps SIMDJSON_PADDING spare bytes.
class PaddedBuffer {
 public:
  void clear() { size_ = 0; }
  // False if the buffer would exceed `limit` bytes (nothing is appended then).
  bool append(const char* p, std::size_t n, std::size_t limit);
  const char* data() const { return data_.get(); }
  // Fills the padding after the content with spaces (simdjson never depends
  // on it, but memory checkers like it defined).
  void pad();
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  void release() {
    data_.reset();
    size_ = capacity_ = 0;
  }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

class ExportSplitter {
 public:
  explicit ExportSplitter(SplitterEvents& events) : events_(events) {}

  void reset();
  void feed(const char* p, std::size_t n);
  // Reports truncation, an empty file, or a non-export at the end of the file.
  void finish();
  bool failed() const { return mode_ == Mode::failed; }
  // A message longer than `limit` bytes fails the file ("message larger than …").
  void set_max_message_bytes(std::size_t limit) { max_message_bytes_ = limit; }

  // For reading a segment of a file (segment_reader.h):
  // the next byte fed is at file offset `offset` (a jump in the file).
  void rebase(std::uint64_t offset) { base_ = offset; }
  // True between two messages of a `messages` array, where the next element
  // would start (every byte before it consumed, nothing of it).
  bool at_message_slot() const {
    return mode_ == Mode::structural && depth_ > 0 && frames_[depth_ - 1].kind == FrameKind::messages &&
           (frames_[depth_ - 1].state == FrameState::arr_elem_or_end ||
            frames_[depth_ - 1].state == FrameState::arr_elem);
  }
  // File offset of the '[' of the `messages` array read last.
  std::uint64_t messages_offset() const { return messages_at_; }
  // The chat whose keys were read last (what on_chat_begin saw for it).
  const ChatInfo& open_chat() const { return depth_ >= 2 && frames_[1].kind == FrameKind::messages ? root_chat_ : list_chat_; }

 private:
  enum class Mode : std::uint8_t {
    start,           // before the top-level value (BOM, whitespace)
    structural,      // between the tokens of the objects/arrays we interpret
    key,             // inside a key of an interpreted object
    skip_value,      // skipping a container or a string (ValueScanner)
    skip_scalar,     // skipping a number or literal
    capture_string,  // reading a chat header string (name, type, id)
    capture_scalar,  // reading a chat header number or literal
    message,         // inside a message object
    trailing,        // after the top-level object
    failed,
  };
  enum class FrameKind : std::uint8_t { root, section, chat_list, chat, messages };
  enum class FrameState : std::uint8_t {
    obj_key_or_end, obj_key, obj_colon, obj_value, obj_comma_or_end,
    arr_elem_or_end, arr_elem, arr_comma_or_end,
  };
  enum class KeyId : std::uint8_t { other, messages, chats, left_chats, list, name, type, id };
  struct Frame {
    FrameKind kind;
    FrameState state;
    KeyId key;
  };
  static constexpr int kMaxFrames = 8;

  std::size_t step_start(const char* p, std::size_t n, std::size_t i);
  std::size_t step_structural(const char* p, std::size_t n, std::size_t i);
  std::size_t step_key(const char* p, std::size_t n, std::size_t i);
  std::size_t step_skip_scalar(const char* p, std::size_t n, std::size_t i);
  std::size_t step_capture_string(const char* p, std::size_t n, std::size_t i);
  std::size_t step_capture_scalar(const char* p, std::size_t n, std::size_t i);
  std::size_t step_message(const char* p, std::size_t n, std::size_t i);
  std::size_t step_trailing(const char* p, std::size_t n, std::size_t i);

  bool value(char c, std::uint64_t at);      // a value starts with c in an interpreted object
  bool element(char c, std::uint64_t at);    // an array element starts with c
  void close_object(std::uint64_t at);
  void close_array();
  bool skip(char c, std::uint64_t at);       // start skipping a value that begins with c
  void finish_capture();
  void push(FrameKind kind, FrameState state) { frames_[depth_++] = Frame{kind, state, KeyId::other}; }
  Frame& top() { return frames_[depth_ - 1]; }
  ChatInfo& current_chat() { return top().kind == FrameKind::root ? root_chat_ : list_chat_; }
  void fail(std::uint64_t offset, std::string message);

  SplitterEvents& events_;
  Mode mode_ = Mode::start;
  std::uint64_t base_ = 0;  // file offset of the current chunk
  Frame frames_[kMaxFrames] = {};
  int depth_ = 0;

  unsigned bom_ = 0;           // BOM bytes matched at the start
  bool saw_messages_ = false;  // top level has "messages" (single chat)
  bool saw_chats_ = false;     // top level has "chats" or "left_chats" (full account)
  int next_chat_ = 0;
  ChatInfo root_chat_, list_chat_;
  bool root_begun_ = false, list_begun_ = false;
  std::uint64_t messages_at_ = 0;

  // Key being read.
  char key_[16] = {};
  std::size_t key_len_ = 0;
  bool key_escape_ = false;
  bool key_other_ = false;

  // Chat header value being captured.
  std::string capture_;
  bool capture_escape_ = false;
  std::uint64_t capture_at_ = 0;
  KeyId capture_key_ = KeyId::other;
  ScalarDecoder decoder_;

  // Message being cut.
  ValueScanner scanner_;
  PaddedBuffer message_;
  std::uint64_t message_at_ = 0;
  std::size_t max_message_bytes_ = ReaderLimits{}.max_message_bytes;
};

}  // namespace linkdrift::reader
