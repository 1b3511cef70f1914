// graph_report: the report's "graph" section (docs/report-schema.md, "Graph"):
// the successor/backup graph of the loaded chats.
//
// Edges go from a loaded chat to a node:
//   - "announced": the destinations of the chat's announcements in [from, to);
//     weight = announcements, first/last = their dates, announcement_types =
//     their types (move, backup, new_channel, contact_elsewhere order).
//   - "cross_link": a community target the chat links to, not as a signature
//     link, in >= graph_min_links counted messages; weight = link records,
//     first/last = dates of the first and last such message. Community targets:
//     Telegram public, post, private_post, invite and mention links, and every
//     messenger (signal … threema) except sticker packs. Not bots, proxies,
//     phones, folders, stickers, onion, email or web.
// Telegram public, post and mention links to one username are one node (kind
// "public"). A target that names a loaded chat (ChatDirectory) is that chat's
// node; edges from a chat to itself are dropped. Nodes: the chats and targets
// with an edge; chats first (chat order), then targets by platform, kind,
// target. Edges by from, to, relation ("announced" first).
#pragma once

#include <cstdint>
#include <unordered_set>
#include <vector>

#include "linkdrift/report/chat_directory.h"
#include "linkdrift/report/report_model.h"
#include "linkdrift/report/report_options.h"
#include "linkdrift/store/corpus.h"

namespace linkdrift {

// signatures[i]: chat i's signature target ids (counting.h chat_signature()).
GraphReport graph_report(const Corpus& corpus, const ReportOptions& options,
                         const std::vector<std::unordered_set<std::uint32_t>>& signatures,
                                  const ChatDirectory& directory);

}  // namespace linkdrift
