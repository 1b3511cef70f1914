#include "linkdrift/aggregate/corpus.h"

#include "linkdrift/calendar.h"

namespace linkdrift {

std::uint32_t TargetTable::intern(Platform platform, Kind kind, std::string_view target,
                                  std::string_view url) {
  std::string key;
  key.reserve(target.size() + 2);
  key.push_back(static_cast<char>(platform));
  key.push_back(static_cast<char>(kind));
  key.append(target);
  const auto [it, inserted] = ids_.try_emplace(std::move(key), static_cast<std::uint32_t>(entries_.size()));
  if (inserted) entries_.push_back({platform, kind, std::string(target), std::string(url)});
  return it->second;
}

std::uint32_t StringTable::intern(std::string_view s) {
  if (const auto it = ids_.find(s); it != ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(strings_.size());
  strings_.emplace_back(s);
  ids_.emplace(strings_.back(), id);
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
  runs_.insert(runs_.end(), other.runs_.begin(), other.runs_.end());
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

void Corpus::append(const Corpus& other) {
  std::vector<std::uint32_t> url_remap(other.urls_.size());
  for (std::uint32_t id = 0; id < other.urls_.size(); ++id) url_remap[id] = urls_.intern(other.urls_[id]);
  std::vector<std::uint32_t> remap(other.targets_.size());
  for (std::uint32_t id = 0; id < other.targets_.size(); ++id) {
    const TargetEntry& e = other.targets_[id];
    remap[id] = targets_.intern(e.platform, e.kind, e.target, e.example_url);
  }
  const auto file_base = static_cast<std::uint32_t>(files_.size());
  files_.insert(files_.end(), other.files_.begin(), other.files_.end());
  for (const ChatData& c : other.chats_) {
    ChatData copy = c;
    copy.file += file_base;
    for (LinkRow& row : copy.links) {
      row.target = remap[row.target];
      row.url = url_remap[row.url];
    }
    chats_.push_back(std::move(copy));
  }
}

}  // namespace linkdrift
