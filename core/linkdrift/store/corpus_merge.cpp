// Corpus::merge: appending another corpus, and continuing a file read in
// segments (docs/parallel.md).
//
// Ids: a target's id is the order of its first link row in the stream and its
// example url that row's url (the analyzer interns nothing else: an
// announcement's destination is one of its message's links). So the other
// corpus' rows are re-interned in stream order, skipping dropped segments;
// the result equals one corpus fed both streams.
#include <algorithm>

#include "linkdrift/store/corpus.h"

namespace linkdrift {
namespace {

enum class FirstFile { append, fold, drop };

bool same_chat(const ChatInfo& a, const ChatInfo& b) { return a.id == b.id && a.name == b.name && a.type == b.type; }

// What to do with `other`'s first file, given this corpus' files and chats.
FirstFile decide(const std::vector<FileData>& files, const std::vector<ChatData>& chats, const Corpus& other,
                 std::string& error) {
  const FileData& next = other.files().front();
  const SegmentEdges& n = next.segment;
  if (!n.split || n.start == 0) return FirstFile::append;
  if (files.empty() || !files.back().segment.split || files.back().name != next.name) {
    error = "a segment of " + next.name + " comes without the segment before it";
    return FirstFile::append;
  }
  const FileData& last = files.back();
  const SegmentEdges& p = last.segment;
  if (last.has_error) return FirstFile::drop;  // as sequentially: the rest of the file is ignored
  if (n.start < p.end) {                       // the previous segment read on over this one
    if (!p.open_end && n.end <= p.end) return FirstFile::drop;
  } else if (n.start == p.end) {
    if (n.end == n.start && !n.context_missing) return FirstFile::drop;  // an empty segment
    const bool continues = !other.chats().empty() && other.chats().front().file == 0 && !chats.empty() &&
                           chats.back().file == files.size() - 1;
    if (p.open_end && !n.context_missing && continues && n.start_messages_at == p.end_messages_at &&
        same_chat(n.start_chat, p.end_chat))
      return FirstFile::fold;
  }
  error = "the segments of " + next.name + " do not line up at byte " + std::to_string(n.start) +
          " (not a tdesktop layout?)";
  return FirstFile::append;
}

// Adds `next`'s counts to `into` (the rows are appended by the caller).
void fold_chat(ChatData& into, ChatData&& next) {
  if (next.messages > 0) {
    if (into.messages == 0 || next.first_date < into.first_date) into.first_date = next.first_date;
    if (into.messages == 0 || next.last_date > into.last_date) into.last_date = next.last_date;
  }
  into.messages += next.messages;
  into.service_messages += next.service_messages;
  into.message_times.append(next.message_times);
  into.forwarded_times.append(next.forwarded_times);
  into.announcements.insert(into.announcements.end(), std::make_move_iterator(next.announcements.begin()),
                            std::make_move_iterator(next.announcements.end()));
  into.partial = into.partial || next.partial;  // a page after a failed one keeps the flag
  next.info.index = into.info.index;
  into.info = std::move(next.info);
}

}  // namespace

bool Corpus::merge(const Corpus& other, std::string& error) {
  if (other.files_.empty()) return true;
  error.clear();
  if (targets_.size() + other.targets_.size() > TargetTable::kMaxTargets) {
    error = "more than " + std::to_string(TargetTable::kMaxTargets) + " distinct link targets in one analysis";
    return false;
  }
  const FirstFile first = decide(files_, chats_, other, error);
  if (!error.empty()) return false;

  constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  std::vector<std::uint32_t> url_remap(other.urls_.size(), kNone);
  std::vector<std::uint32_t> target_remap(other.targets_.size(), kNone);
  const auto url_of = [&](std::uint32_t code) {  // forms are self-contained codes
    if (code & kUrlForm) return code;
    if (url_remap[code] == kNone) url_remap[code] = urls_.intern(other.urls_[code]);
    return url_remap[code];
  };
  const auto target_of = [&](std::uint32_t id, std::uint32_t example) {  // example: a url code here
    if (target_remap[id] == kNone) {
      const TargetEntry& e = other.targets_[id];
      target_remap[id] = targets_.intern(e.platform, e.kind, e.target, example);
    }
    return target_remap[id];
  };

  // Other's file i becomes file base + i (its file 0 the last one here when continued).
  const bool continued = first != FirstFile::append;
  const auto base = static_cast<std::uint32_t>(files_.size() - (continued ? 1 : 0));
  if (first == FirstFile::fold) {
    FileData& last = files_.back();
    const FileData& next = other.files_.front();
    last.bytes = next.bytes;
    last.messages += next.messages;
    last.has_error = next.has_error;
    last.error_offset = next.error_offset;
    last.error_message = next.error_message;
    last.segment.end = next.segment.end;
    last.segment.open_end = next.segment.open_end;
    last.segment.end_messages_at = next.segment.end_messages_at;
    last.segment.end_chat = next.segment.end_chat;
  }
  // An HTML page of the chat this corpus ends with continues it (as when read in one stream).
  const bool next_page = first == FirstFile::append && !other.chats_.empty() && other.chats_.front().file == 0 &&
                         continues_last_chat(other.files_.front(), base, other.chats_.front().info);
  files_.insert(files_.end(), other.files_.begin() + (continued ? 1 : 0), other.files_.end());
  if (next_page) files_[base].continues_chat = true;

  const int index_base = first == FirstFile::fold ? chats_.back().info.index : 0;
  bool continues_chat = first == FirstFile::fold || next_page;
  for (const ChatData& c : other.chats_) {
    if (c.file == 0 && first == FirstFile::drop) continue;
    const bool fold = c.file == 0 && continues_chat;
    ChatData copy = c;
    copy.file = base + c.file;
    // The continued chat is the last one here, so its rows are the last rows.
    ChatData& into = fold ? chats_.back() : copy;
    if (!fold) into.rows_begin = rows_.size();
    for (LinkRow row : other.links(c)) {
      row.url = url_of(row.url);
      row.target = target_of(row.target, row.url);
      rows_.push_back(row);
    }
    into.rows_end = rows_.size();
    for (AnnouncementRow& a : copy.announcements)
      if (a.has_destination()) a.target = target_of(a.target, url_of(other.targets_[a.target].example_url));
    if (fold) {
      fold_chat(chats_.back(), std::move(copy));
      continues_chat = false;
      continue;
    }
    if (c.file == 0 && first == FirstFile::fold) copy.info.index += index_base;
    chats_.push_back(std::move(copy));
  }
  return true;
}

}  // namespace linkdrift
