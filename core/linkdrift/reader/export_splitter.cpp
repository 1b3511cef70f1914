#include "linkdrift/reader/export_splitter.h"

#include <cstring>

#include <simdjson.h>

#include "linkdrift/reader/utf8_check.h"

namespace linkdrift::reader {
namespace {

constexpr std::size_t kMaxCapture = std::size_t{64} << 10;  // a chat header value (name)
constexpr std::size_t kKeepBufferBytes = std::size_t{16} << 20;  // released between files above this

inline bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
inline bool is_scalar_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+' ||
         c == '.';
}
inline bool ends_scalar(char c) { return is_ws(c) || c == ',' || c == '}' || c == ']'; }

}  // namespace

bool PaddedBuffer::append(const char* p, std::size_t n, std::size_t limit) {
  if (n > limit - size_) return false;
  const std::size_t need = size_ + n + simdjson::SIMDJSON_PADDING;
  if (need > capacity_) {
    // Grow geometrically, but never past the limit (plus padding).
    std::size_t cap = capacity_ < 4096 ? 4096 : capacity_ * 2;
    if (cap > limit + simdjson::SIMDJSON_PADDING) cap = limit + simdjson::SIMDJSON_PADDING;
    if (cap < need) cap = need;
    std::unique_ptr<char[]> grown(new char[cap]);
    if (size_ != 0) std::memcpy(grown.get(), data_.get(), size_);
    data_ = std::move(grown);
    capacity_ = cap;
  }
  if (n != 0) std::memcpy(data_.get() + size_, p, n);
  size_ += n;
  return true;
}

void PaddedBuffer::pad() { std::memset(data_.get() + size_, ' ', simdjson::SIMDJSON_PADDING); }

void ExportSplitter::reset() {
  mode_ = Mode::start;
  base_ = 0;
  depth_ = 0;
  bom_ = 0;
  saw_messages_ = saw_chats_ = false;
  next_chat_ = 0;
  root_chat_ = ChatInfo{};
  list_chat_ = ChatInfo{};
  root_begun_ = list_begun_ = false;
  messages_at_ = 0;
  key_len_ = 0;
  capture_.clear();
  message_.clear();
  if (message_.capacity() > kKeepBufferBytes) message_.release();
}

void ExportSplitter::fail(std::uint64_t offset, std::string message) {
  mode_ = Mode::failed;
  events_.error(offset, std::move(message));
}

void ExportSplitter::feed(const char* p, std::size_t n) {
  std::size_t i = 0;
  while (i < n) {
    switch (mode_) {
      case Mode::start: i = step_start(p, n, i); break;
      case Mode::structural: i = step_structural(p, n, i); break;
      case Mode::key: i = step_key(p, n, i); break;
      case Mode::skip_value:
        i += scanner_.scan(p + i, n - i);
        if (scanner_.done()) mode_ = Mode::structural;
        break;
      case Mode::skip_scalar: i = step_skip_scalar(p, n, i); break;
      case Mode::capture_string: i = step_capture_string(p, n, i); break;
      case Mode::capture_scalar: i = step_capture_scalar(p, n, i); break;
      case Mode::message: i = step_message(p, n, i); break;
      case Mode::trailing: i = step_trailing(p, n, i); break;
      case Mode::failed: i = n; break;
    }
  }
  base_ += n;
}

void ExportSplitter::finish() {
  switch (mode_) {
    case Mode::failed:
    case Mode::trailing: return;
    case Mode::start: fail(0, "empty file"); return;
    case Mode::message:
      fail(message_at_, "unexpected end of file inside a message (truncated export?)");
      return;
    default: fail(base_, "unexpected end of file (truncated export?)"); return;
  }
}

std::size_t ExportSplitter::step_start(const char* p, std::size_t n, std::size_t i) {
  static constexpr unsigned char kBom[3] = {0xEF, 0xBB, 0xBF};
  for (; i < n; ++i) {
    const char c = p[i];
    const std::uint64_t at = base_ + i;
    if (at == bom_ && bom_ < 3 && static_cast<unsigned char>(c) == kBom[bom_]) {
      ++bom_;
      continue;
    }
    if (bom_ > 0 && bom_ < 3) {
      fail(0, "invalid UTF-8");
      return n;
    }
    if (is_ws(c)) continue;
    if (c == '{') {
      push(FrameKind::root, FrameState::obj_key_or_end);
      mode_ = Mode::structural;
      return i + 1;
    }
    fail(at, "not a Telegram Desktop export: the top-level value is not an object");
    return n;
  }
  return n;
}

std::size_t ExportSplitter::step_structural(const char* p, std::size_t n, std::size_t i) {
  while (i < n) {
    const char c = p[i];
    if (is_ws(c)) {
      ++i;
      continue;
    }
    const std::uint64_t at = base_ + i;
    Frame& f = top();
    switch (f.state) {
      case FrameState::obj_key_or_end:
        if (c == '}') {
          close_object(at);
          return i + 1;
        }
        [[fallthrough]];
      case FrameState::obj_key:
        if (c == '"') {
          key_len_ = 0;
          key_escape_ = key_other_ = false;
          mode_ = Mode::key;
          return i + 1;
        }
        fail(at, f.state == FrameState::obj_key ? "expected a key after ','" : "expected a key or '}'");
        return n;
      case FrameState::obj_colon:
        if (c != ':') {
          fail(at, "expected ':' after a key");
          return n;
        }
        f.state = FrameState::obj_value;
        ++i;
        continue;
      case FrameState::obj_value:
        f.state = FrameState::obj_comma_or_end;
        return value(c, at) ? i + 1 : n;
      case FrameState::obj_comma_or_end:
        if (c == ',') {
          f.state = FrameState::obj_key;
          ++i;
          continue;
        }
        if (c == '}') {
          close_object(at);
          return i + 1;
        }
        fail(at, "expected ',' or '}' after a value");
        return n;
      case FrameState::arr_elem_or_end:
        if (c == ']') {
          close_array();
          ++i;
          continue;
        }
        [[fallthrough]];
      case FrameState::arr_elem:
        if (c == ']') {
          fail(at, f.kind == FrameKind::messages ? "expected a message after ','" : "expected a chat after ','");
          return n;
        }
        f.state = FrameState::arr_comma_or_end;
        return element(c, at) ? i + 1 : n;
      case FrameState::arr_comma_or_end:
        if (c == ',') {
          f.state = FrameState::arr_elem;
          ++i;
          continue;
        }
        if (c == ']') {
          close_array();
          ++i;
          continue;
        }
        fail(at, f.kind == FrameKind::messages ? "expected ',' or ']' after a message"
                                               : "expected ',' or ']' after a chat");
        return n;
    }
  }
  return n;
}

std::size_t ExportSplitter::step_key(const char* p, std::size_t n, std::size_t i) {
  while (i < n) {
    const char c = p[i++];
    if (key_escape_) {
      key_escape_ = false;
      continue;
    }
    if (c == '\\') {
      key_escape_ = key_other_ = true;
      continue;
    }
    if (c != '"') {
      if (key_len_ < sizeof(key_)) {
        key_[key_len_++] = c;
      } else {
        key_other_ = true;
      }
      continue;
    }
    // The key is complete: which one is it (for this kind of object)?
    const std::string_view key = key_other_ ? std::string_view{} : std::string_view(key_, key_len_);
    Frame& f = top();
    KeyId id = KeyId::other;
    if (f.kind == FrameKind::section) {
      if (key == "list") id = KeyId::list;
    } else {
      if (key == "messages") {
        id = KeyId::messages;
      } else if (key == "name") {
        id = KeyId::name;
      } else if (key == "type") {
        id = KeyId::type;
      } else if (key == "id") {
        id = KeyId::id;
      } else if (f.kind == FrameKind::root && key == "chats") {
        id = KeyId::chats;
      } else if (f.kind == FrameKind::root && key == "left_chats") {
        id = KeyId::left_chats;
      }
    }
    f.key = id;
    f.state = FrameState::obj_colon;
    mode_ = Mode::structural;
    return i;
  }
  return n;
}

bool ExportSplitter::value(char c, std::uint64_t at) {
  Frame& f = top();
  switch (f.key) {
    case KeyId::messages: {
      if (c != '[') {
        fail(at, "expected an array for \"messages\"");
        return false;
      }
      if (f.kind == FrameKind::root) {
        saw_messages_ = true;
        if (!root_begun_) {
          root_begun_ = true;
          root_chat_.index = next_chat_++;
          events_.chat_begin(root_chat_);
        }
      } else if (!list_begun_) {
        list_begun_ = true;
        events_.chat_begin(list_chat_);
      }
      messages_at_ = at;
      push(FrameKind::messages, FrameState::arr_elem_or_end);
      return true;
    }
    case KeyId::chats:
    case KeyId::left_chats:
      saw_chats_ = true;
      if (c != '{') {
        fail(at, f.key == KeyId::chats ? "expected an object for \"chats\"" : "expected an object for \"left_chats\"");
        return false;
      }
      push(FrameKind::section, FrameState::obj_key_or_end);
      return true;
    case KeyId::list:
      if (c != '[') {
        fail(at, "expected an array for \"list\"");
        return false;
      }
      push(FrameKind::chat_list, FrameState::arr_elem_or_end);
      return true;
    case KeyId::name:
    case KeyId::type:
    case KeyId::id:
      capture_key_ = f.key;
      capture_at_ = at;
      capture_.assign(1, c);
      if (c == '"') {
        capture_escape_ = false;
        mode_ = Mode::capture_string;
        return true;
      }
      if (is_scalar_char(c)) {
        mode_ = Mode::capture_scalar;
        return true;
      }
      fail(at, capture_key_ == KeyId::id ? "chat \"id\" is not an integer"
               : capture_key_ == KeyId::name ? "chat \"name\" is not a string"
                                            : "chat \"type\" is not a string");
      return false;
    case KeyId::other: break;
  }
  return skip(c, at);
}

bool ExportSplitter::skip(char c, std::uint64_t at) {
  if (c == '{' || c == '[') {
    scanner_.start_container();
    mode_ = Mode::skip_value;
    return true;
  }
  if (c == '"') {
    scanner_.start_string();
    mode_ = Mode::skip_value;
    return true;
  }
  if (is_scalar_char(c)) {
    mode_ = Mode::skip_scalar;
    return true;
  }
  fail(at, "expected a value");
  return false;
}

bool ExportSplitter::element(char c, std::uint64_t at) {
  Frame& f = top();
  if (f.kind == FrameKind::messages) {
    if (c != '{') {
      fail(at, "expected a message object");
      return false;
    }
    message_at_ = at;
    message_.clear();
    message_.append("{", 1, max_message_bytes_);
    scanner_.start_container();
    mode_ = Mode::message;
    return true;
  }
  // A chat in chats.list / left_chats.list.
  if (c != '{') {
    fail(at, "expected a chat object");
    return false;
  }
  list_chat_ = ChatInfo{};
  list_chat_.index = next_chat_++;
  list_begun_ = false;
  push(FrameKind::chat, FrameState::obj_key_or_end);
  return true;
}

void ExportSplitter::close_object(std::uint64_t at) {
  const FrameKind kind = top().kind;
  --depth_;
  switch (kind) {
    case FrameKind::root:
      if (!saw_messages_ && !saw_chats_) {
        fail(at, "not a Telegram Desktop export: no \"messages\" or \"chats\" key");
        return;
      }
      if (root_begun_) events_.chat_end(root_chat_);
      mode_ = Mode::trailing;
      return;
    case FrameKind::chat:
      if (!list_begun_) events_.chat_begin(list_chat_);
      list_begun_ = false;
      events_.chat_end(list_chat_);
      return;
    default: return;
  }
}

void ExportSplitter::close_array() { --depth_; }

std::size_t ExportSplitter::step_skip_scalar(const char* p, std::size_t n, std::size_t i) {
  for (; i < n; ++i) {
    const char c = p[i];
    if (ends_scalar(c)) {
      mode_ = Mode::structural;
      return i;
    }
    if (!is_scalar_char(c)) {
      fail(base_ + i, "expected a value");
      return n;
    }
  }
  return n;
}

std::size_t ExportSplitter::step_capture_string(const char* p, std::size_t n, std::size_t i) {
  while (i < n) {
    const char c = p[i++];
    if (capture_.size() >= kMaxCapture) {
      fail(capture_at_, "chat header value larger than 64 KB");
      return n;
    }
    capture_.push_back(c);
    if (capture_escape_) {
      capture_escape_ = false;
    } else if (c == '\\') {
      capture_escape_ = true;
    } else if (c == '"') {
      mode_ = Mode::structural;
      finish_capture();
      return i;
    }
  }
  return n;
}

std::size_t ExportSplitter::step_capture_scalar(const char* p, std::size_t n, std::size_t i) {
  for (; i < n; ++i) {
    const char c = p[i];
    if (ends_scalar(c)) {
      mode_ = Mode::structural;
      finish_capture();
      return i;
    }
    if (capture_.size() >= 64 || !is_scalar_char(c)) {
      fail(capture_at_, capture_key_ == KeyId::id ? "chat \"id\" is not an integer" : "expected a value");
      return n;
    }
    capture_.push_back(c);
  }
  return n;
}

void ExportSplitter::finish_capture() {
  ChatInfo& chat = current_chat();
  if (capture_key_ == KeyId::id) {
    std::int64_t id = 0;
    const auto r = decoder_.decode_int(capture_, id);
    if (r == ScalarDecoder::Result::ok || r == ScalarDecoder::Result::null) {
      chat.id = id;
      return;
    }
    fail(capture_at_, "chat \"id\" is not an integer");
    return;
  }
  std::string& target = capture_key_ == KeyId::name ? chat.name : chat.type;
  const auto r = decoder_.decode_string(capture_, target);
  switch (r) {
    case ScalarDecoder::Result::ok: return;
    case ScalarDecoder::Result::null: target.clear(); return;
    case ScalarDecoder::Result::invalid_utf8:
      fail(capture_at_ + find_invalid_utf8(capture_.data(), capture_.size()), "invalid UTF-8");
      return;
    case ScalarDecoder::Result::wrong_type:
      fail(capture_at_, capture_key_ == KeyId::name ? "chat \"name\" is not a string" : "chat \"type\" is not a string");
      return;
    case ScalarDecoder::Result::invalid:
      fail(capture_at_, "malformed JSON in a chat header value");
      return;
  }
}

std::size_t ExportSplitter::step_message(const char* p, std::size_t n, std::size_t i) {
  // Every message is parsed from its own copy, padded with spaces: parsed in
  // place, simdjson's result for a malformed message depended on the bytes
  // after it, i.e. on where the chunks ended (fuzz regression
  // tests/fixtures/fuzz/json/chunking_malformed_message.bin; the copy costs
  // +0.3% instructions).
  const std::size_t k = scanner_.scan(p + i, n - i);
  if (!message_.append(p + i, k, max_message_bytes_)) {
    const bool whole_mb = max_message_bytes_ % (std::size_t{1} << 20) == 0;
    fail(message_at_, "message larger than " +
                          (whole_mb ? std::to_string(max_message_bytes_ >> 20) + " MB"
                                    : std::to_string(max_message_bytes_) + " bytes") +
                          " (the limit per message)");
    return n;
  }
  i += k;
  if (!scanner_.done()) return i;
  mode_ = Mode::structural;
  message_.pad();
  const int chat_index = frames_[depth_ - 2].kind == FrameKind::root ? root_chat_.index : list_chat_.index;
  if (!events_.message(chat_index, message_.data(), message_.size(), message_.capacity(), message_at_,
                       scanner_.saw_hex_escape())) {
    mode_ = Mode::failed;
    return n;
  }
  message_.clear();
  return i;
}

std::size_t ExportSplitter::step_trailing(const char* p, std::size_t n, std::size_t i) {
  for (; i < n; ++i) {
    if (!is_ws(p[i])) {
      fail(base_ + i, "unexpected data after the end of the export");
      return n;
    }
  }
  return n;
}

}  // namespace linkdrift::reader
