#include "linkdrift/report/chat_directory.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

#include "linkdrift/base/text_util.h"

namespace linkdrift {

namespace {

// A Telegram target compared by its string (usernames and invite hashes; not t.me/c/ID).
bool named_by_string(const TargetEntry& t) { return t.platform == Platform::telegram && t.kind != Kind::private_post; }

// A link to a chat (not an @mention, which is as often a person): what the
// "born with the announcement" rule accepts as the announced destination.
bool chat_link(const TargetEntry& t) {
  return t.platform == Platform::telegram && (t.kind == Kind::public_ || t.kind == Kind::post || t.kind == Kind::invite);
}

// Kinds whose target is the chat's username.
bool is_username(const TargetEntry& t) {
  return t.platform == Platform::telegram && (t.kind == Kind::public_ || t.kind == Kind::post || t.kind == Kind::mention);
}

}  // namespace

ChatDirectory::ChatDirectory(const Corpus& corpus, const std::vector<std::unordered_set<std::uint32_t>>& signatures,
                             int successor_birth_days)
    : corpus_(corpus) {
  for (std::uint32_t j = 0; j < corpus.chats().size(); ++j) {
    const ChatData& chat = corpus.chats()[j];
    if (!chat.info.name.empty()) add(by_name_, text::to_lower(chat.info.name), j);
    if (chat.info.id != 0) add(by_id_, std::to_string(chat.info.id), j);
    if (j >= signatures.size()) continue;
    for (const std::uint32_t s : signatures[j]) {
      const TargetEntry& t = corpus.targets()[s];
      if (t.platform == Platform::telegram) add(t.kind == Kind::private_post ? by_id_ : by_name_, std::string(t.target), j);
    }
  }
  if (successor_birth_days > 0) infer_births(signatures, successor_birth_days);
}

void ChatDirectory::infer_births(const std::vector<std::unordered_set<std::uint32_t>>& signatures, int days) {
  const auto& chats = corpus_.chats();
  const auto& targets = corpus_.targets();
  // The announced targets no other rule resolves, each given a slot.
  std::unordered_map<std::string_view, std::uint32_t> slot_of;
  for (const ChatData& chat : chats)
    for (const AnnouncementRow& ann : chat.announcements) {
      if (!ann.has_destination()) continue;
      const TargetEntry& t = targets[ann.target];
      if (chat_link(t) && chats_named_by(t).empty())
        slot_of.emplace(t.target, static_cast<std::uint32_t>(slot_of.size()));
    }
  if (slot_of.empty()) return;

  // Messages linking each slot's target, per chat: one pass over the rows.
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> target_slot(targets.size(), kNone);
  for (std::uint32_t id = 0; id < targets.size(); ++id)
    if (named_by_string(targets[id]))
      if (const auto it = slot_of.find(targets[id].target); it != slot_of.end()) target_slot[id] = it->second;
  std::vector<std::unordered_map<std::uint32_t, std::uint64_t>> linking(slot_of.size());  // slot -> chat -> messages
  std::vector<std::int64_t> last_message(slot_of.size());
  for (std::uint32_t j = 0; j < chats.size(); ++j) {
    std::fill(last_message.begin(), last_message.end(), std::numeric_limits<std::int64_t>::min());
    for (const LinkRow& row : corpus_.links(chats[j])) {
      const std::uint32_t slot = target_slot[row.target];
      if (slot == kNone || last_message[slot] == row.message_id) continue;
      last_message[slot] = row.message_id;  // rows are in message order: count each message once
      ++linking[slot][j];
    }
  }

  const std::int64_t window = static_cast<std::int64_t>(days) * 86400;
  for (std::uint32_t a = 0; a < chats.size(); ++a) {
    for (const AnnouncementRow& ann : chats[a].announcements) {
      if (!ann.has_destination()) continue;
      const TargetEntry& t = targets[ann.target];
      if (!chat_link(t) || !chats_named_by(t).empty()) continue;
      // The chat (not a) linking the target in the most messages; a tie names none.
      std::uint32_t top = kNone;
      std::uint64_t top_n = 0, second_n = 0;
      for (const auto& [j, n] : linking[slot_of.at(t.target)]) {
        if (same_chat(a, j)) continue;
        if (n > top_n) {
          second_n = top_n;
          top = j;
          top_n = n;
        } else {
          second_n = std::max(second_n, n);
        }
      }
      if (top == kNone || top_n < kBirthSelfLinkMessages || top_n == second_n) continue;
      const ChatData& c = chats[top];
      if (c.messages == 0 || std::llabs(c.first_date - ann.date) > window) continue;
      bool has_username = false;
      if (top < signatures.size())
        for (const std::uint32_t s : signatures[top]) has_username = has_username || is_username(targets[s]);
      if (has_username && is_username(t)) continue;
      add(by_name_, std::string(t.target), top);
      born_.emplace(t.target);
    }
  }
}

void ChatDirectory::add(std::unordered_map<std::string, std::vector<std::uint32_t>>& map, const std::string& key,
                        std::uint32_t chat) {
  std::vector<std::uint32_t>& chats = map[key];
  if (chats.empty() || chats.back() != chat) chats.push_back(chat);  // chats are added in ascending order
}

const std::vector<std::uint32_t>& ChatDirectory::chats_named_by(const TargetEntry& target) const {
  if (target.platform != Platform::telegram) return none_;
  const auto& map = target.kind == Kind::private_post ? by_id_ : by_name_;
  const auto it = map.find(std::string(target.target));
  return it == map.end() ? none_ : it->second;
}

bool ChatDirectory::born_with_announcement(const TargetEntry& target) const {
  return named_by_string(target) && born_.count(std::string(target.target)) != 0;
}

bool ChatDirectory::same_chat(std::uint32_t a, std::uint32_t b) const {
  const std::int64_t ia = corpus_.chats()[a].info.id;
  return a == b || (ia != 0 && ia == corpus_.chats()[b].info.id);
}

}  // namespace linkdrift
