// chat_lifecycles: every chat's lifecycle (report "chats"[i].lifecycle;
// docs/report-schema.md "Lifecycle"), and for a chat that ended, the loaded
// chats that may continue it (issue 12: reappearance).
//
// Over the chat's counted messages (forwarded ones left out when excluded):
//   - active_days: last minus first message; longest_silence_days: the longest
//     gap between two messages (longest_silence_from: the one before it).
//   - ended: the last message is >= outcome_silent_end_days before the corpus'
//     last message.
//   - successors (ended chats only): every other loaded chat j (not the same
//     chat exported twice) that posts after chat i's last message, whose first
//     message is within successor_window_days of it (before or after), and
//     that some evidence ties to i:
//       announced   i announced a Telegram destination that names j (ChatDirectory)   +4
//       name        the names match loosely (names_match_loosely)                      +3
//       cross_link  j links a target that names i, or i one that names j               +2
//     plus 1 when j's first message is within 7 days of i's last. Ranked by
//     score, then the smaller |gap|, then chat order; at most kMaxSuccessors.
//   - backups: the Telegram destinations of i's backup announcements (once
//     each), the loaded chat each names, and whether posting moved there: i
//     ended and that chat posted after i's last message.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "linkdrift/report/chat_directory.h"
#include "linkdrift/report/report_model.h"
#include "linkdrift/report/report_options.h"
#include "linkdrift/store/corpus.h"

namespace linkdrift {

inline constexpr std::size_t kMaxSuccessors = 5;

// Per chat (Corpus::chats order); none for a chat without counted messages.
std::vector<std::optional<ChatLifecycle>> chat_lifecycles(const Corpus& corpus, const ReportOptions& options,
                                                          const ChatDirectory& directory);

// Whether two chat names name the same group: their words (folded like the
// announcement lexicon, Cyrillic transliterated to Latin, digits kept, generic
// words such as "official", "channel", "new", "backup", "канал", "قناة"
// dropped) are one a subset of the other, and the smaller has a word of >= 3
// letters. "Crimson Gang" ~ "Crimson Gang Official", "Al Ahad" ~ "Al Ahad
// Security", "Кракен" ~ "Kraken Backup".
bool names_match_loosely(std::string_view a, std::string_view b);

}  // namespace linkdrift
