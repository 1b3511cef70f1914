// ChatDirectory: which loaded chats a Telegram target names. The one rule the
// report's outcomes (continued_elsewhere) and graph (edges to loaded chats)
// share. A Telegram target names chat j when
//   - it equals j's name, ASCII-lowercased (a chat named like its username), or
//   - it is one of j's Telegram signature targets (its own self-promotion
//     link: username, invite hash, …), compared by target string, or
//   - it is a private_post link (t.me/c/ID/…) whose ID is j's id, or
//   - "born with the announcement": chat a announced it (an announcement's
//     Telegram destination: a t.me link to a chat, post or invite, not an
//     @mention, which is as often a person) at time t, no rule above names a
//     chat for it, and j is the chat (not a) that links the target in the most
//     messages — >= kBirthSelfLinkMessages, more than any other chat but a —
//     whose first message is within successor_birth_days days of t, and which
//     has no username signature of its own. (Exports carry no usernames, and a
//     young mirror may self-link too rarely for a signature; a chat linking a
//     popular channel is rarely its top linker.) See born_with_announcement().
// Targets of other platforms name no chat.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "linkdrift/store/corpus.h"

namespace linkdrift {

class ChatDirectory {
 public:
  static constexpr std::uint64_t kBirthSelfLinkMessages = 2;

  // signatures[j]: chat j's signature target ids (counting.h chat_signature()).
  // successor_birth_days: the "born with the announcement" window; 0 turns the rule off.
  ChatDirectory(const Corpus& corpus, const std::vector<std::unordered_set<std::uint32_t>>& signatures,
                int successor_birth_days);

  // The chats `target` names, in ascending order (empty if none).
  const std::vector<std::uint32_t>& chats_named_by(const TargetEntry& target) const;

  // True when the "born with the announcement" rule gave `target` its chat.
  bool born_with_announcement(const TargetEntry& target) const;

  // True when chats a and b are the same chat (equal index, or equal non-zero id:
  // one chat exported twice).
  bool same_chat(std::uint32_t a, std::uint32_t b) const;

 private:
  void add(std::unordered_map<std::string, std::vector<std::uint32_t>>& map, const std::string& key, std::uint32_t chat);
  void infer_births(const std::vector<std::unordered_set<std::uint32_t>>& signatures, int days);

  const Corpus& corpus_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_name_;  // names, signature targets, births
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_id_;    // ids, private_post signature targets
  std::unordered_set<std::string> born_;  // targets named by the "born with the announcement" rule
  std::vector<std::uint32_t> none_;
};

}  // namespace linkdrift
