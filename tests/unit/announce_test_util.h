// Shared by the announcement detector's tests: the real extractor and one
// detector, run() on a text as the analyzer would call detect(), and the
// table-driven positive check.
#pragma once

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linkdrift/extract/extractor.h"
#include "linkdrift/migration/announcements.h"

namespace linkdrift::announce_test {

using linkdrift::Announcement;
using linkdrift::AnnouncementDetector;
using linkdrift::AnnouncementType;
using linkdrift::Link;
using linkdrift::Source;

inline const linkdrift::LinkExtractor& extractor() {
  static const linkdrift::LinkExtractor x;
  return x;
}

inline const AnnouncementDetector& detector() {
  static const AnnouncementDetector d;
  return d;
}

// The message's links as the analyzer passes them: every occurrence scanned
// by the real extractor (offsets in `text`). `hidden` adds text_link hrefs.
inline std::vector<Link> links_of(std::string_view text, const std::vector<std::string>& hidden = {}) {
  std::vector<Link> out;
  extractor().scan(text, Source::text, out);
  for (const std::string& h : hidden) extractor().scan(h, Source::text_link, out);
  return out;
}

struct Result {
  std::optional<Announcement> a;
  std::vector<Link> links;  // keeps a.destination valid
};

inline Result run(std::string_view text, std::string_view own = {}, const std::vector<std::string>& hidden = {}) {
  Result r;
  r.links = links_of(text, hidden);
  r.a = detector().detect(text, r.links, own);
  return r;
}

inline std::string describe(const Result& r) {
  if (!r.a) return "(none)";
  return std::string(linkdrift::name(r.a->type)) + " phrase='" + r.a->phrase + "' lang=" + r.a->language +
         " dest=" + (r.a->destination ? r.a->destination->url : "null");
}

struct Pos {
  std::string text;
  AnnouncementType type;
  std::string dest_target;  // target of the expected destination link
  std::string language;
  std::string own = {};
};

inline void check_positive(const Pos& p) {
  const Result r = run(p.text, p.own);
  INFO("text: ", p.text, "\n  got: ", describe(r));
  REQUIRE(r.a.has_value());
  CHECK(r.a->type == p.type);
  REQUIRE(r.a->destination != nullptr);
  CHECK(r.a->destination->target == p.dest_target);
  CHECK(r.a->language == p.language);
  // The evidence is the phrase as written, at its offset.
  CHECK(p.text.substr(r.a->phrase_offset, r.a->phrase.size()) == r.a->phrase);
  CHECK(!r.a->phrase.empty());
}

inline constexpr auto move = AnnouncementType::move;
inline constexpr auto backup = AnnouncementType::backup;
inline constexpr auto new_channel = AnnouncementType::new_channel;
inline constexpr auto contact = AnnouncementType::contact_elsewhere;

inline const std::string kSig = "https://signal.group/#CjQKIAbcdefgh12345678";
inline const std::string kSession = "05a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";


}  // namespace linkdrift::announce_test
