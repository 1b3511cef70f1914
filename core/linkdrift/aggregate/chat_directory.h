// ChatDirectory: which loaded chats a Telegram target names. The one rule the
// report's outcomes (continued_elsewhere) and graph (edges to loaded chats)
// share. A Telegram target names chat j when
//   - it equals j's name, ASCII-lowercased (a chat named like its username), or
//   - it is one of j's Telegram signature targets (its own self-promotion
//     link: username, invite hash, …), compared by target string, or
//   - it is a private_post link (t.me/c/ID/…) whose ID is j's id.
// Targets of other platforms name no chat.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "linkdrift/aggregate/corpus.h"

namespace linkdrift {

class ChatDirectory {
 public:
  // signatures[j]: chat j's signature target ids (counting.h chat_signature()).
  ChatDirectory(const Corpus& corpus, const std::vector<std::unordered_set<std::uint32_t>>& signatures);

  // The chats `target` names, in ascending order (empty if none).
  const std::vector<std::uint32_t>& chats_named_by(const TargetEntry& target) const;

  // True when chats a and b are the same chat (equal index, or equal non-zero id:
  // one chat exported twice).
  bool same_chat(std::uint32_t a, std::uint32_t b) const;

 private:
  void add(std::unordered_map<std::string, std::vector<std::uint32_t>>& map, const std::string& key, std::uint32_t chat);

  const Corpus& corpus_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_name_;  // names, signature targets
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_id_;    // ids, private_post signature targets
  std::vector<std::uint32_t> none_;
};

}  // namespace linkdrift
