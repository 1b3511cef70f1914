#include "linkdrift/aggregate/corpus.h"

#include <cstring>
#include <utility>

#include "linkdrift/calendar.h"

namespace linkdrift {

std::uint32_t TargetTable::intern(Platform platform, Kind kind, std::string_view target,
                                  std::string_view url) {
  const std::uint64_t h = hash(platform, kind, target);
  std::size_t slot = 0;
  const std::uint32_t found = index_.find(
      h,
      [&](std::uint32_t id) {
        const TargetEntry& e = entries_[id];
        return e.platform == platform && e.kind == kind && e.target == target;
      },
      slot);
  if (found != detail::InternIndex::kNone) return found;
  const auto id = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back({platform, kind, std::string(target), std::string(url)});
  index_.insert(h, id, slot, [&](std::uint32_t i) {
    const TargetEntry& e = entries_[i];
    return hash(e.platform, e.kind, e.target);
  });
  return id;
}

const char* StringTable::store(std::string_view s) {
  constexpr std::size_t kBlock = std::size_t{1} << 20;
  if (s.size() > block_left_) {
    if (s.size() >= kBlock / 4) {  // a large string gets its own block
      blocks_.emplace_back(new char[s.size()]);
      char* p = blocks_.back().get();
      // (the current block stays the active one: block_pos_ still points into it)
      std::memcpy(p, s.data(), s.size());
      return p;
    }
    blocks_.emplace_back(new char[kBlock]);
    block_pos_ = blocks_.back().get();
    block_left_ = kBlock;
  }
  char* p = block_pos_;
  if (!s.empty()) std::memcpy(p, s.data(), s.size());
  block_pos_ += s.size();
  block_left_ -= s.size();
  return p;
}

std::uint32_t StringTable::intern(std::string_view s) {
  const std::uint64_t h = detail::hash_bytes(s.data(), s.size());
  std::size_t slot = 0;
  const std::uint32_t found = index_.find(h, [&](std::uint32_t id) { return views_[id] == s; }, slot);
  if (found != detail::InternIndex::kNone) return found;
  const auto id = static_cast<std::uint32_t>(views_.size());
  views_.emplace_back(store(s), s.size());
  index_.insert(h, id, slot, [&](std::uint32_t i) { return detail::hash_bytes(views_[i].data(), views_[i].size()); });
  return id;
}

void MinuteHistogram::add(std::int64_t unix_seconds) {
  const std::int64_t minute = floor_div(unix_seconds, 60);
  if (!runs_.empty() && runs_.back().first == minute)
    ++runs_.back().second;
  else
    runs_.emplace_back(minute, 1);
}

void MinuteHistogram::append(const MinuteHistogram& other) {
  auto from = other.runs_.begin();
  if (from != other.runs_.end() && !runs_.empty() && runs_.back().first == from->first) {
    runs_.back().second += from->second;
    ++from;
  }
  runs_.insert(runs_.end(), from, other.runs_.end());
}

std::uint32_t Corpus::add_file(std::string name) {
  FileData file;
  file.name = std::move(name);
  files_.push_back(std::move(file));
  return static_cast<std::uint32_t>(files_.size() - 1);
}

std::uint32_t Corpus::add_chat(std::uint32_t file, const ChatInfo& info) {
  ChatData chat;
  chat.file = file;
  chat.info = info;
  chats_.push_back(std::move(chat));
  return static_cast<std::uint32_t>(chats_.size() - 1);
}

}  // namespace linkdrift
