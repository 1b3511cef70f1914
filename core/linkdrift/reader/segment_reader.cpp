#include "linkdrift/reader/segment_reader.h"

#include <algorithm>

namespace linkdrift {
namespace {

// A message's first two lines as tdesktop pretty-prints them ('{' at index kBrace).
constexpr std::string_view kSingle = "\n  {\n   \"id\": ";
constexpr std::string_view kAccount = "\n     {\n      \"id\": ";
constexpr std::size_t kSingleBrace = 3, kAccountBrace = 6;
// Bytes before a boundary's '{' that belong to its pattern; bytes kept back
// between chunks so that a pattern cut by a chunk edge is still seen.
constexpr std::uint64_t kLead = kAccountBrace;
constexpr std::size_t kKeep = kAccount.size() - 1;

// The chat header lines (the root object's key, an account chat's key and '{').
constexpr std::string_view kSingleMessages = "\n \"messages\": [";
constexpr std::string_view kAccountMessages = "\n    \"messages\": [";
constexpr std::string_view kAccountChat = "\n   {\n";
constexpr std::size_t kAccountChatBrace = 4;
// What encloses an account chat, fed before its header bytes.
constexpr std::string_view kChatsPrefix = "{\"chats\":{\"list\":[";
constexpr std::uint64_t kMaxHeader = std::uint64_t{1} << 20;  // a chat's keys before "messages"
constexpr std::uint64_t kWindow = std::uint64_t{1} << 20;     // backward search window

std::optional<std::uint64_t> first_match(std::string_view bytes, std::uint64_t base, std::uint64_t from,
                                         std::string_view pattern, std::size_t brace) {
  std::size_t i = 0;
  if (from > base + brace) i = static_cast<std::size_t>(from - base - brace);
  if (i >= bytes.size()) return std::nullopt;
  const std::size_t p = bytes.find(pattern, i);
  if (p == std::string_view::npos) return std::nullopt;
  return base + p + brace;
}

}  // namespace

std::optional<Boundary> find_boundary(std::string_view bytes, std::uint64_t base, std::uint64_t from) {
  const auto single = first_match(bytes, base, from, kSingle, kSingleBrace);
  const auto account = first_match(bytes, base, from, kAccount, kAccountBrace);
  if (single && (!account || *single < *account)) return Boundary{*single, 2};
  if (account) return Boundary{*account, 5};
  return std::nullopt;
}

void SegmentReader::begin(std::uint64_t file_size, std::uint64_t cut_begin, std::uint64_t cut_end,
                          std::size_t chunk_bytes) {
  edges_ = SegmentEdges{};
  edges_.split = true;
  size_ = file_size;
  cut_end_ = std::min(cut_end, file_size);
  chunk_ = std::max<std::size_t>(chunk_bytes, 4096);
  to_eof_ = cut_end_ >= size_;
  carry_.clear();
  if (cut_begin == 0) {
    pos_ = 0;
    phase_ = Phase::body;
    if (size_ == 0) {
      reader_.end_file();
      finish(0, false);
    }
    return;
  }
  cut_begin_ = cut_begin;
  pos_ = cut_begin > kLead ? cut_begin - kLead : 0;
  carry_at_ = pos_;
  phase_ = Phase::find_start;
  if (pos_ >= size_) {
    edges_.start = edges_.end = size_;
    phase_ = Phase::done;
  }
}

std::optional<ReadRequest> SegmentReader::next_read() const {
  switch (phase_) {
    case Phase::find_start:
    case Phase::body:
      return ReadRequest{pos_, static_cast<std::size_t>(std::min<std::uint64_t>(chunk_, size_ - pos_))};
    case Phase::single_header:
      return ReadRequest{0, static_cast<std::size_t>(std::min(edges_.start, kMaxHeader))};
    case Phase::back_messages: {
      const std::uint64_t lo = window_end_ > kWindow ? window_end_ - kWindow : 0;
      return ReadRequest{lo, static_cast<std::size_t>(window_end_ - lo)};
    }
    case Phase::back_chat: {
      const std::uint64_t lo = messages_line_ > kMaxHeader ? messages_line_ - kMaxHeader : 0;
      return ReadRequest{lo, static_cast<std::size_t>(messages_line_ + 1 - lo)};
    }
    case Phase::account_header:
      return ReadRequest{chat_at_, static_cast<std::size_t>(messages_at_ + 1 - chat_at_)};
    case Phase::done: break;
  }
  return std::nullopt;
}

void SegmentReader::feed(std::string_view bytes) {
  if (phase_ == Phase::done) return;
  const std::optional<ReadRequest> asked = next_read();
  if (phase_ == Phase::body) {
    feed_body(bytes);
    return;
  }
  if (phase_ == Phase::find_start) {
    carry_.append(bytes);
    pos_ += bytes.size();
    if (const auto b = find_boundary(carry_, carry_at_, cut_begin_)) {
      carry_.clear();
      found_start(*b);
      return;
    }
    if (bytes.empty() || pos_ >= size_) {  // no boundary after the cut: an empty segment
      edges_.start = edges_.end = std::min(pos_, size_);
      phase_ = Phase::done;
      return;
    }
    if (carry_.size() > kKeep) {
      carry_at_ += carry_.size() - kKeep;
      carry_.erase(0, carry_.size() - kKeep);
    }
    return;
  }
  // Finding the chat header: the bytes must be exactly those asked for.
  if (bytes.size() != asked->length) {
    context_missing();
    return;
  }
  switch (phase_) {
    case Phase::single_header: {
      const std::size_t p = bytes.find(kSingleMessages);
      if (p == std::string_view::npos) break;
      const std::size_t open = p + kSingleMessages.size();  // just after the '['
      reader_.feed(bytes.substr(0, open));
      if (!enter_body(open - 1)) break;
      return;
    }
    case Phase::back_messages: {
      const std::uint64_t lo = asked->offset;
      const std::size_t p = bytes.rfind(kAccountMessages);
      if (p != std::string_view::npos) {
        messages_line_ = lo + p;
        messages_at_ = messages_line_ + kAccountMessages.size() - 1;
        phase_ = Phase::back_chat;
        return;
      }
      if (lo == 0) break;
      window_end_ = lo + kAccountMessages.size() - 1;  // overlap: a line cut by the window edge
      return;
    }
    case Phase::back_chat: {
      const std::size_t p = bytes.rfind(kAccountChat);
      if (p == std::string_view::npos) break;
      chat_at_ = asked->offset + p + kAccountChatBrace;
      phase_ = Phase::account_header;
      return;
    }
    case Phase::account_header:
      reader_.feed(kChatsPrefix);
      reader_.rebase(chat_at_);
      reader_.feed(bytes);
      if (!enter_body(messages_at_)) break;
      return;
    default: break;
  }
  context_missing();
}

void SegmentReader::found_start(Boundary b) {
  edges_.start = b.offset;
  if (b.offset >= cut_end_) {  // the next cut's boundary: nothing of this segment
    edges_.end = b.offset;
    phase_ = Phase::done;
    return;
  }
  if (b.indent == 2) {
    phase_ = Phase::single_header;
  } else {
    window_end_ = b.offset;
    phase_ = Phase::back_messages;
  }
}

// The header was fed: the reader must now be between two messages of the
// array whose '[' is at `messages_at`. Then reading jumps to the start.
bool SegmentReader::enter_body(std::uint64_t messages_at) {
  if (reader_.failed() || !reader_.at_message_slot() || reader_.messages_offset() != messages_at) return false;
  edges_.start_messages_at = messages_at;
  edges_.start_chat = reader_.open_chat();
  reader_.rebase(edges_.start);
  pos_ = edges_.start;
  phase_ = Phase::body;
  return true;
}

void SegmentReader::feed_body(std::string_view bytes) {
  if (to_eof_) {
    reader_.feed(bytes);
    pos_ += bytes.size();
  } else {
    feed_zone(bytes);
    if (phase_ == Phase::done) return;
  }
  if (reader_.failed()) {
    finish(pos_, false);
    return;
  }
  if (bytes.empty() || pos_ >= size_) {
    reader_.feed(carry_);
    reader_.end_file();
    finish(pos_, false);
  }
}

// Feeds `bytes` while looking for the first boundary at or after the end cut.
// Bytes that may belong to such a boundary's pattern are held back in carry_.
void SegmentReader::feed_zone(std::string_view bytes) {
  const std::uint64_t zone = cut_end_ > kLead ? cut_end_ - kLead : 0;
  std::size_t direct = 0;
  if (pos_ < zone) direct = static_cast<std::size_t>(std::min<std::uint64_t>(bytes.size(), zone - pos_));
  reader_.feed(bytes.substr(0, direct));
  if (carry_.empty()) carry_at_ = pos_ + direct;
  pos_ += bytes.size();
  if (direct == bytes.size()) return;
  carry_.append(bytes.substr(direct));
  if (const auto b = find_boundary(carry_, carry_at_, cut_end_)) {
    const auto k = static_cast<std::size_t>(b->offset - carry_at_);
    reader_.feed(std::string_view(carry_).substr(0, k));
    if (!reader_.failed() && reader_.at_message_slot()) {
      edges_.end_messages_at = reader_.messages_offset();
      edges_.end_chat = reader_.open_chat();
      finish(b->offset, true);
      return;
    }
    // Not between two messages (not a tdesktop layout): read to the end of
    // the file; the merge drops the segments this one covers.
    to_eof_ = true;
    reader_.feed(std::string_view(carry_).substr(k));
    carry_.clear();
    return;
  }
  if (carry_.size() > kKeep) {
    const std::size_t n = carry_.size() - kKeep;
    reader_.feed(std::string_view(carry_).substr(0, n));
    carry_.erase(0, n);
    carry_at_ += n;
  }
}

void SegmentReader::finish(std::uint64_t end, bool open_end) {
  edges_.end = end;
  edges_.open_end = open_end;
  carry_.clear();
  phase_ = Phase::done;
}

void SegmentReader::context_missing() {
  edges_.context_missing = true;
  edges_.end = edges_.start;
  carry_.clear();
  phase_ = Phase::done;
}

}  // namespace linkdrift
