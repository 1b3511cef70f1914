#include "cli/summary.h"

#include <algorithm>
#include <string>
#include <vector>

namespace linkdrift::cli {
namespace {

// 1234567 -> "1,234,567"
std::string grouped(std::uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

// Hostile names must not drive the terminal: control bytes become '?'.
std::string printable(const nlohmann::ordered_json& j, std::size_t max_bytes = 200) {
  std::string s = j.is_string() ? j.get<std::string>() : std::string();
  if (s.size() > max_bytes) {
    std::size_t cut = max_bytes;  // never split a UTF-8 sequence
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s.resize(cut);
  }
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return s;
}

// `s` cut or space-padded to `width` code points (UTF-8), for aligned columns.
std::string padded(const std::string& s, std::size_t width) {
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool starts_point = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    if (starts_point && points == width) break;
    points += starts_point;
    out += s[i];
  }
  return out + std::string(width - points, ' ');
}

// "1 file", "3 files"
std::string count(const nlohmann::ordered_json& n, const char* noun) {
  return grouped(n) + " " + noun + (n.get<std::uint64_t>() == 1 ? "" : "s");
}

std::string text_or(const nlohmann::ordered_json& j, const char* fallback) {
  return j.is_string() ? j.get<std::string>() : fallback;
}

// The chats that posted links to platforms other than Telegram and the web —
// "who posted the Signal links" — most such links first, at most 10.
void print_rare_platform_chats(std::FILE* out, const nlohmann::ordered_json& r, const std::vector<std::string>& active) {
  std::vector<std::pair<std::uint64_t, const nlohmann::ordered_json*>> chats;
  for (const auto& chat : r["chats"]) {
    std::uint64_t rare = 0;
    for (const auto& [platform, n] : chat["link_records"].items())
      if (platform != "telegram" && platform != "web") rare += n.get<std::uint64_t>();
    if (rare > 0) chats.emplace_back(rare, &chat);
  }
  if (chats.empty()) return;
  std::stable_sort(chats.begin(), chats.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::fprintf(out, "\nchats linking outside Telegram and the web (%zu)\n", chats.size());
  for (std::size_t i = 0; i < chats.size() && i < 10; ++i) {
    const auto& chat = *chats[i].second;
    std::string links;
    for (const auto& p : active)
      if (p != "telegram" && p != "web" && chat["link_records"].contains(p))
        links += " " + p + " " + grouped(chat["link_records"][p]);
    std::fprintf(out, "  %s %8s msgs %s\n", padded(printable(chat["name"], 96), 32).c_str(), grouped(chat["messages"]).c_str(),
                 links.c_str());
  }
}

// The announcing chats (report "outcomes"): when, what, where to, and what each
// did next; at most 20, in chat order.
void print_migration(std::FILE* out, const nlohmann::ordered_json& r) {
  const auto& outcomes = r["outcomes"];
  if (outcomes.empty()) return;
  std::fprintf(out, "\nannouncing chats (%zu): first announcement, type -> destination, outcome\n", outcomes.size());
  for (std::size_t i = 0; i < outcomes.size() && i < 20; ++i) {
    const auto& o = outcomes[i];
    std::string what;  // the announcement at A (first_announcement)
    for (const auto& a : r["announcements"])
      if (a["chat"] == o["chat"] && a["date"] == o["first_announcement"]) {
        what = a["type"].get<std::string>() + " -> " + a["platform"].get<std::string>() + " " + printable(a["target"], 40);
        break;
      }
    std::string outcome = o["outcome"].get<std::string>();
    if (outcome == "continued_elsewhere" && o["continued_in"].is_number())
      outcome += " in \"" + printable(r["chats"][o["continued_in"].get<std::size_t>()]["name"], 120) + "\"";
    std::fprintf(out, "  %s %s  %s %s\n", padded(printable(o["chat_name"], 96), 32).c_str(),
                 text_or(o["first_announcement"], "-").substr(0, 10).c_str(), padded(what, 50).c_str(), outcome.c_str());
  }
  if (outcomes.size() > 20) std::fprintf(out, "  (%zu more in the JSON report)\n", outcomes.size() - 20);
}

// Files that were skipped, and HTML pages whose dates had no UTC offset.
void print_file_notes(std::FILE* out, const nlohmann::ordered_json& r) {
  std::vector<std::string> zones;
  for (const auto& f : r["files"]) {
    if (f.contains("skipped"))
      std::fprintf(out, "skipped %s: %s\n", printable(f["name"]).c_str(), printable(f["skipped"]).c_str());
    if (f.contains("assumed_utc_offset")) zones.push_back(f["assumed_utc_offset"].get<std::string>());
  }
  if (!zones.empty())
    std::fprintf(out, "%zu HTML file(s) without UTC offsets in their dates, read as UTC%s (set it with --html-tz)\n",
                 zones.size(), zones.front().c_str());
}

}  // namespace

void print_summary(std::FILE* out, const nlohmann::ordered_json& r) {
  const auto& t = r["totals"];
  std::fprintf(out, "%s, %s, %s (%s service, %s forwarded)\n", count(t["files"], "file").c_str(),
               count(t["chats"], "chat").c_str(), count(t["messages"], "message").c_str(),
               grouped(t["service_messages"]).c_str(), grouped(t["forwarded_messages"]).c_str());
  std::fprintf(out, "dates %s .. %s; %s link records in %s messages (%s without signature links)\n",
               text_or(t["first_date"], "-").c_str(), text_or(t["last_date"], "-").c_str(),
               grouped(t["link_records"]).c_str(), grouped(t["messages_with_links"]).c_str(),
               grouped(t["link_records_without_signature"]).c_str());
  print_file_notes(out, r);
  std::fputc('\n', out);

  std::fprintf(out, "%-10s %12s %12s %10s %16s\n", "platform", "links", "messages", "targets", "w/o signature");
  std::vector<std::string> active;
  for (const auto& p : r["platforms"]) {
    if (p["link_records"].get<std::uint64_t>() == 0) continue;
    active.push_back(p["platform"].get<std::string>());
    std::fprintf(out, "%-10s %12s %12s %10s %16s\n", active.back().c_str(), grouped(p["link_records"]).c_str(),
                 grouped(p["messages"]).c_str(), grouped(p["targets"]).c_str(),
                 grouped(p["without_signature"]["link_records"]).c_str());
  }
  if (active.empty()) std::fprintf(out, "(no links found)\n");

  const auto& b = r["buckets"];
  if (!b["keys"].empty()) {
    std::fprintf(out, "\nlink records per %s\n%-10s %10s", b["unit"].get<std::string>().c_str(), b["unit"].get<std::string>().c_str(), "messages");
    for (const auto& p : active) std::fprintf(out, " %9.9s", p.c_str());
    std::fprintf(out, "\n");
    std::size_t empty = 0;  // buckets with no message are left out of the table
    for (std::size_t i = 0; i < b["keys"].size(); ++i) {
      if (b["messages"][i].get<std::uint64_t>() == 0) {
        ++empty;
        continue;
      }
      std::fprintf(out, "%-10s %10s", b["keys"][i].get<std::string>().c_str(), grouped(b["messages"][i]).c_str());
      for (const auto& p : active)
        std::fprintf(out, " %9s", grouped(b["platforms"][p]["link_records"][i]).c_str());
      std::fprintf(out, "\n");
    }
    if (empty > 0) std::fprintf(out, "(%zu %ss without messages not shown)\n", empty, b["unit"].get<std::string>().c_str());
  }

  bool header = false;
  for (const auto& p : active) {
    const auto& list = r["top_targets"][p];
    if (list.empty() || p == "telegram" || p == "web") continue;  // the rare platforms are the story
    if (!header) std::fprintf(out, "\ntop targets outside Telegram and the web\n");
    header = true;
    for (std::size_t i = 0; i < list.size() && i < 5; ++i)
      std::fprintf(out, "  %-9s %-10s %6s  in %s chats  %s\n", p.c_str(), list[i]["kind"].get<std::string>().c_str(),
                   grouped(list[i]["link_records"]).c_str(), grouped(list[i]["chats"]).c_str(),
                   printable(list[i]["target"], 60).c_str());
  }
  print_rare_platform_chats(out, r, active);
  print_migration(out, r);
  if (!r["errors"].empty()) {
    std::fprintf(out, "\n%zu input(s) failed (results above cover everything read):\n", r["errors"].size());
    for (const auto& e : r["errors"])
      std::fprintf(out, "  %s: byte %s: %s\n", printable(e["file"]).c_str(),
                   grouped(e["offset"]).c_str(), printable(e["message"]).c_str());
  }
}

}  // namespace linkdrift::cli
