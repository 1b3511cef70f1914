// The vocabulary every linkdrift component and output shares: platforms, kinds,
// where a link was found, and the link record itself.
//
// CONTRACT: the string names returned by name() are part of the public output
// format (report JSON, links CSV, the web page). Never rename one; add new
// values at the end of an enum only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linkdrift {

enum class Platform : std::uint8_t {
  telegram, signal, discord, matrix, simplex, session, tox, xmpp,
  whatsapp, threema, onion, email, web,
};
inline constexpr int kPlatformCount = 13;

// One enum for all platforms' kinds; which kinds a platform uses is fixed by
// the classification table in README/docs (telegram: public … mention, etc.).
enum class Kind : std::uint8_t {
  public_, post, private_post, invite, phone, bot, proxy, folder, stickers, mention,  // telegram
  group, contact,                                                                   // signal, whatsapp, simplex
  message,                                                                          // discord
  room, user,                                                                       // matrix
  invitation,                                                                       // simplex
  id,                                                                               // session, tox
  jid,                                                                              // xmpp
  channel,                                                                          // whatsapp
  site,                                                                             // onion
  address,                                                                          // email
  link,                                                                             // web
};
inline constexpr int kKindCount = 22;

// Where in a message a link was found.
enum class Source : std::uint8_t {
  text,       // regex scan of message text (any part, any entity type)
  entity,     // a `link` or `email` entity's text
  text_link,  // the hidden href of a `text_link` entity
  button,     // an inline bot button's URL
  mention,    // a `mention` entity (@name)
};
inline constexpr int kSourceCount = 5;

std::string_view name(Platform p);
std::string_view name(Kind k);
std::string_view name(Source s);
std::optional<Platform> parse_platform(std::string_view s);
std::optional<Kind> parse_kind(std::string_view s);
std::optional<Source> parse_source(std::string_view s);

// A link or contact found in text, classified. `target` is the canonical
// identity (see the classification table); `url` is the refanged link or
// identifier as it was found.
struct Link {
  Platform platform = Platform::web;
  Kind kind = Kind::link;
  std::string target;
  std::string url;
  Source source = Source::text;
  bool defanged = false;  // the text used a defanged form (hxxp, [.], …)
  // Byte offset of the link in the text LinkExtractor::scan() was given (the
  // analyzer makes it an offset in the message's displayed text for the
  // announcement detector). Not part of the identity.
  std::size_t offset = 0;

  bool same_identity(const Link& o) const {
    return platform == o.platform && kind == o.kind && target == o.target;
  }
};

}  // namespace linkdrift
