#include "linkdrift/report/graph.h"

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "linkdrift/report/counting.h"

namespace linkdrift {
namespace {

bool community_target(const TargetEntry& t) {
  switch (t.platform) {
    case Platform::telegram:
      return t.kind == Kind::public_ || t.kind == Kind::post || t.kind == Kind::private_post ||
             t.kind == Kind::invite || t.kind == Kind::mention;
    case Platform::onion:
    case Platform::email:
    case Platform::web:
      return false;
    default:
      return t.kind != Kind::stickers;
  }
}

// Telegram public, post and mention links: one node per username (kind public).
bool username_target(const TargetEntry& t) {
  return t.platform == Platform::telegram && (t.kind == Kind::public_ || t.kind == Kind::post || t.kind == Kind::mention);
}

Kind node_kind(const TargetEntry& t) { return username_target(t) ? Kind::public_ : t.kind; }

struct Node {
  std::int64_t chat = -1;  // a loaded chat's node, else a target node:
  Platform platform = Platform::web;
  Kind kind = Kind::link;
  std::string_view target;       // the corpus' target string
  std::uint32_t url_target = 0;  // the target entry whose url the node shows
};

struct Edge {
  std::uint64_t weight = 0;
  std::uint64_t messages = 0;
  std::int64_t first = std::numeric_limits<std::int64_t>::max();
  std::int64_t last = std::numeric_limits<std::int64_t>::min();
  std::uint32_t types = 0;  // bit per AnnouncementType
  std::uint64_t last_message = std::numeric_limits<std::uint64_t>::max();  // cross_link: distinct messages

  void at(std::int64_t date) {
    first = std::min(first, date);
    last = std::max(last, date);
  }
};

class GraphPass {
 public:
  GraphPass(const Corpus& corpus, const ReportOptions& o, const std::vector<std::unordered_set<std::uint32_t>>& signatures,
            const ChatDirectory& directory)
      : corpus_(corpus), o_(o), signatures_(signatures), directory_(directory),
        node_of_target_(corpus.targets().size(), kUnresolved), chat_node_(corpus.chats().size(), kUnresolved) {}

  GraphReport run() {
    for (std::uint32_t i = 0; i < corpus_.chats().size(); ++i) {
      announced(i);
      cross_links(i);
    }
    return to_report();
  }

 private:
  static constexpr std::int32_t kUnresolved = -1;
  using EdgeKey = std::tuple<std::uint32_t, std::uint32_t, Relation>;  // from chat, to node, relation

  // The node of target t: the first loaded chat it names, else its target node
  // (one per username for Telegram public/post/mention links, else one per target).
  std::uint32_t node_of(std::uint32_t t) {
    if (node_of_target_[t] != kUnresolved) return static_cast<std::uint32_t>(node_of_target_[t]);
    const TargetEntry& e = corpus_.targets()[t];
    const auto& named = directory_.chats_named_by(e);
    std::uint32_t node = 0;
    if (!named.empty()) {
      node = chat_node(named.front());
    } else if (username_target(e)) {
      auto [it, added] = username_nodes_.emplace(e.target, static_cast<std::uint32_t>(nodes_.size()));
      if (added) nodes_.push_back(target_node(e, t));
      else if (e.kind < corpus_.targets()[nodes_[it->second].url_target].kind)
        nodes_[it->second].url_target = t;  // the url of the node's own kind (public before post, mention)
      node = it->second;
    } else {
      node = static_cast<std::uint32_t>(nodes_.size());
      nodes_.push_back(target_node(e, t));
    }
    node_of_target_[t] = static_cast<std::int32_t>(node);
    return node;
  }

  static Node target_node(const TargetEntry& e, std::uint32_t t) {
    Node n;
    n.platform = e.platform;
    n.kind = node_kind(e);
    n.target = e.target;
    n.url_target = t;
    return n;
  }

  std::uint32_t chat_node(std::uint32_t chat) {
    if (chat_node_[chat] == kUnresolved) {
      chat_node_[chat] = static_cast<std::int32_t>(nodes_.size());
      Node n;
      n.chat = chat;
      nodes_.push_back(std::move(n));
    }
    return static_cast<std::uint32_t>(chat_node_[chat]);
  }

  bool self(std::uint32_t chat, std::uint32_t node) const {
    return nodes_[node].chat >= 0 && directory_.same_chat(chat, static_cast<std::uint32_t>(nodes_[node].chat));
  }

  void announced(std::uint32_t i) {
    for (const AnnouncementRow* a : counted_announcements(corpus_.chats()[i], o_)) {
      if (!a->has_destination()) continue;  // leaving: no edge
      const std::uint32_t to = node_of(a->target);
      if (self(i, to)) continue;
      Edge& e = edges_[{i, to, Relation::announced}];
      ++e.weight;
      e.at(a->date);
      e.types |= 1u << static_cast<unsigned>(a->type);
    }
  }

  void cross_links(std::uint32_t i) {
    const ChatData& chat = corpus_.chats()[i];
    const std::unordered_set<std::uint32_t>* signature = i < signatures_.size() ? &signatures_[i] : nullptr;
    std::vector<std::pair<std::uint32_t, Edge>> per_node;  // this chat's candidate edges
    std::uint64_t message = 0;
    for (const LinkRow& row : corpus_.links(chat)) {
      if (row.flags & LinkRow::kFirstOfMessage) ++message;
      if (!row_counted(row, o_) || !community_target(corpus_.targets()[row.target])) continue;
      if (signature && signature->count(row.target)) continue;
      const std::uint32_t to = node_of(row.target);
      if (slot_of_node_.size() < nodes_.size()) slot_of_node_.resize(nodes_.size(), kUnresolved);
      if (slot_of_node_[to] == kUnresolved) {
        slot_of_node_[to] = static_cast<std::int32_t>(per_node.size());
        per_node.emplace_back(to, Edge{});
      }
      Edge& e = per_node[static_cast<std::size_t>(slot_of_node_[to])].second;
      ++e.weight;
      e.at(row.date());
      if (e.last_message != message) {
        e.last_message = message;
        ++e.messages;
      }
    }
    for (const auto& [to, e] : per_node) {
      slot_of_node_[to] = kUnresolved;
      if (e.messages >= static_cast<std::uint64_t>(o_.graph_min_links) && !self(i, to))
        edges_[{i, to, Relation::cross_link}] = e;
    }
  }

  std::string label(const Node& n) const {
    if (n.chat >= 0) {
      const ChatInfo& info = corpus_.chats()[static_cast<std::size_t>(n.chat)].info;
      return info.name.empty() ? "chat " + std::to_string(info.id) : info.name;
    }
    return std::string(name(n.platform)) + " " + std::string(name(n.kind)) + " " + std::string(n.target);
  }

  // Keeps every announced edge and the heaviest cross_link edges (ties: the
  // earlier first link, then key order), at most graph_max_edges in all when > 0.
  void keep_heaviest_edges() {
    const auto max = static_cast<std::size_t>(o_.graph_max_edges);
    if (max == 0 || edges_.size() <= max) return;
    std::vector<std::map<EdgeKey, Edge>::iterator> cross;
    std::size_t announced = 0;
    for (auto it = edges_.begin(); it != edges_.end(); ++it)
      if (std::get<2>(it->first) == Relation::cross_link) cross.push_back(it);
      else ++announced;
    const std::size_t room = max > announced ? max - announced : 0;
    if (cross.size() <= room) return;
    std::stable_sort(cross.begin(), cross.end(), [](const auto& a, const auto& b) {
      return std::make_pair(b->second.weight, a->second.first) < std::make_pair(a->second.weight, b->second.first);
    });
    for (std::size_t k = room; k < cross.size(); ++k) edges_.erase(cross[k]);
  }

  GraphReport to_report() {
    GraphReport g;
    g.edges_total = edges_.size();
    keep_heaviest_edges();
    // Chat nodes first (chat order), then targets by platform, kind, target.
    for (const auto& [key, e] : edges_) chat_node(std::get<0>(key));  // every source has a node
    std::vector<bool> is_used(nodes_.size(), false);
    for (const auto& [key, e] : edges_) {
      is_used[chat_node(std::get<0>(key))] = true;
      is_used[std::get<1>(key)] = true;
    }
    std::vector<std::uint32_t> used;
    for (std::uint32_t n = 0; n < nodes_.size(); ++n)
      if (is_used[n]) used.push_back(n);
    std::sort(used.begin(), used.end(), [&](std::uint32_t a, std::uint32_t b) {
      const Node& x = nodes_[a];
      const Node& y = nodes_[b];
      if ((x.chat >= 0) != (y.chat >= 0)) return x.chat >= 0;
      return std::tie(x.chat, x.platform, x.kind, x.target) < std::tie(y.chat, y.platform, y.kind, y.target);
    });
    std::vector<std::uint32_t> id(nodes_.size(), 0);
    std::string url;  // scratch for rebuilt urls
    for (std::uint32_t k = 0; k < used.size(); ++k) {
      const Node& n = nodes_[used[k]];
      id[used[k]] = k;
      GraphReport::Node& out = g.nodes.emplace_back();
      out.label = label(n);
      if (n.chat >= 0) {
        out.chat = static_cast<std::uint32_t>(n.chat);
      } else {
        const TargetEntry& t = corpus_.targets()[n.url_target];
        out.platform = n.platform;
        out.kind = n.kind;
        out.target = n.target;
        out.url = corpus_.url(t.example_url, t.target, url);
      }
    }
    std::vector<std::pair<std::tuple<std::uint32_t, std::uint32_t, Relation>, const Edge*>> sorted;
    for (const auto& [key, e] : edges_)
      sorted.emplace_back(std::make_tuple(id[chat_node(std::get<0>(key))], id[std::get<1>(key)], std::get<2>(key)), &e);
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [key, e] : sorted)
      g.edges.push_back(GraphReport::Edge{std::get<0>(key), std::get<1>(key), std::get<2>(key), e->weight, e->first,
                                          e->last, e->types});
    return g;
  }

  const Corpus& corpus_;
  const ReportOptions& o_;
  const std::vector<std::unordered_set<std::uint32_t>>& signatures_;
  const ChatDirectory& directory_;
  std::vector<std::int32_t> node_of_target_;
  std::vector<std::int32_t> chat_node_;
  std::vector<std::int32_t> slot_of_node_;  // cross_links(): node -> index in its per_node, or kUnresolved
  std::vector<Node> nodes_;
  std::unordered_map<std::string_view, std::uint32_t> username_nodes_;  // Telegram username -> node
  std::map<EdgeKey, Edge> edges_;
};

}  // namespace

GraphReport graph_report(const Corpus& corpus, const ReportOptions& options,
                         const std::vector<std::unordered_set<std::uint32_t>>& signatures, const ChatDirectory& directory) {
  return GraphPass(corpus, options, signatures, directory).run();
}

}  // namespace linkdrift
