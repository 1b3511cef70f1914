#include "linkdrift/store/corpus.h"

#include <utility>

#include "linkdrift/base/calendar.h"
#include "linkdrift/store/url_forms.h"

namespace linkdrift {

std::uint32_t TargetTable::intern(Platform platform, Kind kind, std::string_view target, std::uint32_t url) {
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
  if (entries_.size() >= capacity_) return kFull;
  const auto id = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back({platform, kind, bytes_.store(target), url});
  index_.insert(h, id, slot, [&](std::uint32_t i) {
    const TargetEntry& e = entries_[i];
    return hash(e.platform, e.kind, e.target);
  });
  return id;
}

std::uint32_t StringTable::intern(std::string_view s) {
  const std::uint64_t h = detail::hash_bytes(s.data(), s.size());
  std::size_t slot = 0;
  const std::uint32_t found = index_.find(h, [&](std::uint32_t id) { return views_[id] == s; }, slot);
  if (found != detail::InternIndex::kNone) return found;
  const auto id = static_cast<std::uint32_t>(views_.size());
  views_.push_back(bytes_.store(s));
  index_.insert(h, id, slot, [&](std::uint32_t i) { return detail::hash_bytes(views_[i].data(), views_[i].size()); });
  return id;
}

namespace {

void put_varint(std::vector<std::uint8_t>& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}

}  // namespace

void MinuteHistogram::flush() {
  if (last_count_ == 0) return;
  const std::int64_t delta = last_minute_ - coded_minute_;
  put_varint(coded_, (static_cast<std::uint64_t>(delta) << 1) ^ static_cast<std::uint64_t>(delta >> 63));
  put_varint(coded_, last_count_);
  coded_minute_ = last_minute_;
  last_count_ = 0;
}

void MinuteHistogram::add_run(std::int64_t minute, std::uint32_t count) {
  if (last_count_ != 0 && minute == last_minute_ && last_count_ <= UINT32_MAX - count) {
    last_count_ += count;
    return;
  }
  flush();
  last_minute_ = minute;
  last_count_ = count;
}

void MinuteHistogram::add(std::int64_t unix_seconds) { add_run(floor_div(unix_seconds, 60), 1); }

void MinuteHistogram::append(const MinuteHistogram& other) {
  other.for_each_run([&](std::int64_t minute, std::uint32_t count) { add_run(minute, count); });
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
  chat.rows_begin = chat.rows_end = rows_.size();
  chats_.push_back(std::move(chat));
  return static_cast<std::uint32_t>(chats_.size() - 1);
}

bool Corpus::continues_last_chat(const FileData& next_file_data, std::uint32_t next_file, const ChatInfo& next) const {
  if (next_file_data.format != FileFormat::html || next_file == 0 || chats_.empty()) return false;
  const ChatData& last = chats_.back();
  const FileData& before = files_[next_file - 1];
  return before.format == FileFormat::html && (last.file == next_file - 1 || before.continues_chat) &&
         last.info.id == next.id && last.info.name == next.name;
}

void Corpus::add_row(std::uint32_t chat, const LinkRow& row) {
  rows_.push_back(row);
  chats_[chat].rows_end = rows_.size();
}

std::uint32_t Corpus::url_code(std::string_view url, std::string_view target) {
  if (const auto form = url_form(url, target)) return kUrlForm | *form;
  return urls_.intern(url);
}

std::string_view Corpus::url(std::uint32_t code, std::string_view target, std::string& scratch) const {
  if (!(code & kUrlForm)) return urls_[code];
  scratch.clear();
  append_url_form(scratch, code & ~kUrlForm, target);
  return scratch;
}

}  // namespace linkdrift
