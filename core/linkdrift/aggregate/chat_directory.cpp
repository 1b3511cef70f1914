#include "linkdrift/aggregate/chat_directory.h"

#include "linkdrift/extract/text_util.h"

namespace linkdrift {

ChatDirectory::ChatDirectory(const Corpus& corpus, const std::vector<std::unordered_set<std::uint32_t>>& signatures)
    : corpus_(corpus) {
  for (std::uint32_t j = 0; j < corpus.chats().size(); ++j) {
    const ChatData& chat = corpus.chats()[j];
    if (!chat.info.name.empty()) add(by_name_, extract::to_lower(chat.info.name), j);
    if (chat.info.id != 0) add(by_id_, std::to_string(chat.info.id), j);
    if (j >= signatures.size()) continue;
    for (const std::uint32_t s : signatures[j]) {
      const TargetEntry& t = corpus.targets()[s];
      if (t.platform == Platform::telegram) add(t.kind == Kind::private_post ? by_id_ : by_name_, std::string(t.target), j);
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

bool ChatDirectory::same_chat(std::uint32_t a, std::uint32_t b) const {
  const std::int64_t ia = corpus_.chats()[a].info.id;
  return a == b || (ia != 0 && ia == corpus_.chats()[b].info.id);
}

}  // namespace linkdrift
