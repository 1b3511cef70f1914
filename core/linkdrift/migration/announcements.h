// AnnouncementDetector: decides whether one message announces a move, a
// backup/reserve/mirror channel, a new channel, a contact elsewhere or that the
// chat is leaving, and names the destination link (none for leaving).
// Standalone (issue 5, issue 12); see docs/announcements.md.
//
// CONTRACT
// - detect() accepts ANY bytes (invalid UTF-8, NULs, megabytes). It never
//   throws and runs in linear time in the text size, plus O(links log links)
//   when a phrase is found. Neither it nor may_announce() allocates once the
//   thread's scratch buffers have grown (except the result's strings).
// - An announcement needs a lexicon phrase AND an eligible destination link
//   near it, except `leaving`: a departure phrase ("we are leaving Telegram")
//   with no destination near it (with one, it is a move). A composed phrase
//   (lexicon act./act1./noun.) also needs its sentence's support: who speaks,
//   a place, no denial, how-to or question (composition.h).
// - Thread-safe for concurrent detect() calls on one instance. Not copyable.
//   Movable. The first detector of a process parses the embedded lexicon and
//   builds its phrase matcher (~15 M instructions), shared by all detectors; it
//   throws migration::LexiconError only if the compiled-in lexicon is broken
//   (a unit test guards that).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "linkdrift/base/announcement_type.h"
#include "linkdrift/base/model.h"

namespace linkdrift {

struct Announcement {
  AnnouncementType type = AnnouncementType::move;
  const Link* destination = nullptr;  // points into the `links` span given to detect(); null for leaving
  std::string phrase;                 // the matched phrase as written in the text (the evidence)
  std::string language;               // lexicon language of the phrase (ISO 639-1: en, ru, uk, ar, fa, he, id, es, pt, tr, zh, fr, de, ms, bn, hi, ur)
  std::size_t phrase_offset = 0;      // byte offset of `phrase` in the text
};

class AnnouncementDetector {
 public:
  AnnouncementDetector();
  ~AnnouncementDetector();
  AnnouncementDetector(const AnnouncementDetector&) = delete;
  AnnouncementDetector& operator=(const AnnouncementDetector&) = delete;
  AnnouncementDetector(AnnouncementDetector&&) noexcept;
  AnnouncementDetector& operator=(AnnouncementDetector&&) noexcept;

  // text: the message's whole text (fragments joined, as displayed).
  // links: the message's links, every occurrence (duplicates allowed), in text
  //   order, each with `offset` = its byte offset in `text` (LinkExtractor::scan
  //   of `text` gives exactly that). Links with source text_link or button are
  //   not visible in the text (their offset is ignored); they count as sitting
  //   at the end of the text.
  // own_chat_hint: the chat's own username and/or numeric id ("darkcardinghub",
  //   "@darkcardinghub", "1873345201", several separated by spaces or commas);
  //   Telegram links to it are never a destination.
  std::optional<Announcement> detect(std::string_view text, std::span<const Link> links,
                                     std::string_view own_chat_hint = {}) const;

  // Cheap prefilter: false when `text` holds no announcement phrase, so
  // detect() would return nullopt. One fold and one key-word scan; allocates
  // only when the thread's scratch buffer must grow. Same input contract as
  // detect(); thread-safe.
  // contact_possible = false (the message has no link outside Telegram and the
  // web, so no contact_elsewhere destination) skips contact_elsewhere phrases:
  // "Contact admin: t.me/x" lines are common and then cannot announce.
  // has_links = false (the message has no candidate link) considers leaving
  // phrases only.
  bool may_announce(std::string_view text, bool contact_possible = true, bool has_links = true) const;

  // Number of phrases in the compiled lexicon (all types, all languages).
  std::size_t lexicon_size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace linkdrift
