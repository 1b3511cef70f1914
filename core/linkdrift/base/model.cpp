#include "linkdrift/base/model.h"

#include <array>

namespace linkdrift {
namespace {

constexpr std::array<std::string_view, kPlatformCount> kPlatformNames = {
    "telegram", "signal", "discord", "matrix", "simplex", "session", "tox",
    "xmpp",     "whatsapp", "threema", "onion", "email",  "web",
};
constexpr std::array<std::string_view, kKindCount> kKindNames = {
    "public", "post", "private_post", "invite", "phone", "bot", "proxy", "folder",
    "stickers", "mention", "group", "contact", "message", "room", "user",
    "invitation", "id", "jid", "channel", "site", "address", "link",
};
constexpr std::array<std::string_view, kSourceCount> kSourceNames = {
    "text", "entity", "text_link", "button", "mention",
};

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<Enum>(i);
  return std::nullopt;
}

}  // namespace

std::string_view name(Platform p) { return kPlatformNames[static_cast<std::size_t>(p)]; }
std::string_view name(Kind k) { return kKindNames[static_cast<std::size_t>(k)]; }
std::string_view name(Source s) { return kSourceNames[static_cast<std::size_t>(s)]; }
std::optional<Platform> parse_platform(std::string_view s) { return parse<Platform>(kPlatformNames, s); }
std::optional<Kind> parse_kind(std::string_view s) { return parse<Kind>(kKindNames, s); }
std::optional<Source> parse_source(std::string_view s) { return parse<Source>(kSourceNames, s); }

}  // namespace linkdrift
