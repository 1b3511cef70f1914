#include "cli/summary.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "linkdrift/base/calendar.h"
#include "linkdrift/report/buckets.h"

namespace linkdrift::cli {
namespace {

// 1234567 -> "1,234,567"
std::string grouped(std::uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

// Hostile names must not drive the terminal: control bytes become '?'.
std::string printable(std::string s, std::size_t max_bytes = 200) {
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
std::string count(std::uint64_t n, const char* noun) { return grouped(n) + " " + noun + (n == 1 ? "" : "s"); }

std::string date_or_dash(const std::optional<std::int64_t>& date) { return date ? iso_utc(*date) : "-"; }

bool rare(Platform p) { return p != Platform::telegram && p != Platform::web; }

// The chats that posted links to platforms other than Telegram and the web —
// "who posted the Signal links" — most such links first, at most 10.
void print_rare_platform_chats(std::FILE* out, const Report& r, const std::vector<Platform>& active) {
  std::vector<std::pair<std::uint64_t, const ChatReport*>> chats;
  for (const ChatReport& chat : r.chats) {
    std::uint64_t n = 0;
    for (std::size_t p = 0; p < kPlatformCount; ++p)
      if (rare(static_cast<Platform>(p))) n += chat.link_records[p];
    if (n > 0) chats.emplace_back(n, &chat);
  }
  if (chats.empty()) return;
  std::stable_sort(chats.begin(), chats.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::fprintf(out, "\nchats linking outside Telegram and the web (%zu)\n", chats.size());
  for (std::size_t i = 0; i < chats.size() && i < 10; ++i) {
    const ChatReport& chat = *chats[i].second;
    std::string links;
    for (const Platform p : active)
      if (rare(p) && chat.link_records[static_cast<std::size_t>(p)] > 0)
        links += " " + std::string(name(p)) + " " + grouped(chat.link_records[static_cast<std::size_t>(p)]);
    std::fprintf(out, "  %s %8s msgs %s\n", padded(printable(chat.name, 96), 32).c_str(), grouped(chat.messages).c_str(),
                 links.c_str());
  }
}

// The announcing chats (report "outcomes"): when, what, where to, and what each
// did next; at most 20, in chat order.
void print_migration(std::FILE* out, const Report& r) {
  if (r.outcomes.empty()) return;
  std::fprintf(out, "\nannouncing chats (%zu): first announcement, type -> destination, outcome\n", r.outcomes.size());
  for (std::size_t i = 0; i < r.outcomes.size() && i < 20; ++i) {
    const OutcomeReport& o = r.outcomes[i];
    std::string what;  // the announcement at A (first_announcement)
    for (const AnnouncementReport& a : r.announcements)
      if (a.chat.chat == o.chat.chat && a.date == o.first_announcement) {
        what = std::string(name(a.type)) + " -> " +
               (a.destination ? std::string(name(a.destination->platform)) + " " + printable(a.destination->target, 40)
                              : std::string("(no destination)"));
        break;
      }
    std::string outcome(name(o.outcome));
    if (o.outcome == Outcome::continued_elsewhere && o.continued_in)
      outcome += " in \"" + printable(r.chats[*o.continued_in].name, 120) + "\"";
    std::fprintf(out, "  %s %s  %s %s\n", padded(printable(o.chat.chat_name, 96), 32).c_str(),
                 iso_utc(o.first_announcement).substr(0, 10).c_str(), padded(what, 50).c_str(), outcome.c_str());
  }
  if (r.outcomes.size() > 20) std::fprintf(out, "  (%zu more in the JSON report)\n", r.outcomes.size() - 20);
}

// The chats that ended before the data does (report chats[].lifecycle): last
// message, longest silence, and the ranked successor candidates with their
// evidence; at most 20, in chat order.
void print_ended_chats(std::FILE* out, const Report& r) {
  std::vector<const ChatReport*> ended;
  for (const ChatReport& c : r.chats)
    if (c.lifecycle && c.lifecycle->ended) ended.push_back(&c);
  if (ended.empty()) return;
  std::fprintf(out, "\nended chats (%zu): last message, days before the data ends, successors (score: evidence)\n",
               ended.size());
  for (std::size_t i = 0; i < ended.size() && i < 20; ++i) {
    const ChatReport& c = *ended[i];
    const ChatLifecycle& l = *c.lifecycle;
    std::string successors;
    for (const SuccessorCandidate& s : l.successors) {
      std::string evidence;
      for (const SuccessorEvidence e : s.evidence) evidence += (evidence.empty() ? "" : "+") + std::string(name(e));
      successors += (successors.empty() ? "" : ", ") + ("\"" + printable(r.chats[s.chat].name, 60) + "\" (" +
                                                         std::to_string(s.score) + ": " + evidence + ")");
    }
    std::fprintf(out, "  %s %s %6lld d  %s\n", padded(printable(c.name, 96), 32).c_str(),
                 c.last_date ? iso_utc(*c.last_date).substr(0, 10).c_str() : "-",
                 static_cast<long long>(l.days_to_corpus_end), successors.empty() ? "(none)" : successors.c_str());
  }
  if (ended.size() > 20) std::fprintf(out, "  (%zu more in the JSON report)\n", ended.size() - 20);
}

// Files that were skipped, and HTML pages whose dates had no UTC offset.
void print_file_notes(std::FILE* out, const Report& r) {
  std::vector<int> zones;
  for (const FileReport& f : r.files) {
    if (!f.skipped.empty()) std::fprintf(out, "skipped %s: %s\n", printable(f.name).c_str(), printable(f.skipped).c_str());
    if (f.assumed_utc_offset_minutes) zones.push_back(*f.assumed_utc_offset_minutes);
  }
  if (!zones.empty())
    std::fprintf(out, "%zu HTML file(s) without UTC offsets in their dates, read as UTC%s (set it with --html-tz)\n",
                 zones.size(), utc_offset_text(zones.front()).c_str());
}

}  // namespace

void print_summary(std::FILE* out, const Report& r) {
  const Totals& t = r.totals;
  std::fprintf(out, "%s, %s, %s (%s service, %s forwarded)\n", count(t.files, "file").c_str(),
               count(t.chats, "chat").c_str(), count(t.messages, "message").c_str(),
               grouped(t.service_messages).c_str(), grouped(t.forwarded_messages).c_str());
  std::fprintf(out, "dates %s .. %s; %s link records in %s messages (%s without signature links)\n",
               date_or_dash(t.first_date).c_str(), date_or_dash(t.last_date).c_str(),
               grouped(t.link_records).c_str(), grouped(t.messages_with_links).c_str(),
               grouped(t.link_records_without_signature).c_str());
  print_file_notes(out, r);
  std::fputc('\n', out);

  std::fprintf(out, "%-10s %12s %12s %10s %16s\n", "platform", "links", "messages", "targets", "w/o signature");
  std::vector<Platform> active;
  for (const PlatformReport& p : r.platforms) {
    if (p.all.link_records == 0) continue;
    active.push_back(p.platform);
    std::fprintf(out, "%-10s %12s %12s %10s %16s\n", std::string(name(p.platform)).c_str(), grouped(p.all.link_records).c_str(),
                 grouped(p.all.messages).c_str(), grouped(p.all.targets).c_str(),
                 grouped(p.without_signature.link_records).c_str());
  }
  if (active.empty()) std::fprintf(out, "(no links found)\n");

  const SeriesReport& b = r.buckets;
  const std::string unit(name(r.options.bucket));
  if (!b.messages.empty()) {
    std::fprintf(out, "\nlink records per %s\n%-10s %10s", unit.c_str(), unit.c_str(), "messages");
    for (const Platform p : active) std::fprintf(out, " %9.9s", std::string(name(p)).c_str());
    std::fprintf(out, "\n");
    std::size_t empty = 0;  // buckets with no message are left out of the table
    for (std::size_t i = 0; i < b.messages.size(); ++i) {
      if (b.messages[i] == 0) {
        ++empty;
        continue;
      }
      const std::string key = bucket_label(b.first_bucket + static_cast<std::int64_t>(i), r.options.bucket);
      std::fprintf(out, "%-10s %10s", key.c_str(), grouped(b.messages[i]).c_str());
      for (const Platform p : active)
        std::fprintf(out, " %9s", grouped(b.platforms[i][static_cast<std::size_t>(p)].link_records).c_str());
      std::fprintf(out, "\n");
    }
    if (empty > 0) std::fprintf(out, "(%zu %ss without messages not shown)\n", empty, unit.c_str());
  }

  bool header = false;
  for (const Platform p : active) {
    const std::vector<TopTarget>& list = r.top_targets[static_cast<std::size_t>(p)];
    if (list.empty() || !rare(p)) continue;  // the rare platforms are the story
    if (!header) std::fprintf(out, "\ntop targets outside Telegram and the web\n");
    header = true;
    for (std::size_t i = 0; i < list.size() && i < 5; ++i)
      std::fprintf(out, "  %-9s %-10s %6s  in %s chats  %s\n", std::string(name(p)).c_str(),
                   std::string(name(list[i].kind)).c_str(), grouped(list[i].link_records).c_str(),
                   grouped(list[i].chats).c_str(), printable(list[i].target, 60).c_str());
  }
  print_rare_platform_chats(out, r, active);
  print_migration(out, r);
  print_ended_chats(out, r);
  std::size_t failed = 0;
  for (const FileReport& f : r.files) failed += f.error.has_value();
  if (failed > 0) {
    std::fprintf(out, "\n%zu input(s) failed (results above cover everything read):\n", failed);
    for (const FileReport& f : r.files)
      if (f.error)
        std::fprintf(out, "  %s: byte %s: %s\n", printable(f.name).c_str(), grouped(f.error->offset).c_str(),
                     printable(f.error->message).c_str());
  }
}

}  // namespace linkdrift::cli
