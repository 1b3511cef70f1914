#include "linkdrift/aggregate/url_forms.h"

#include <array>

namespace linkdrift {
namespace {

// The common shapes of links in exports (generated and real ones): Telegram's
// hosts and paths first, then the other messengers' link prefixes.
constexpr std::array<std::string_view, 36> kPrefixes = {
    "",
    "https://t.me/",
    "t.me/",
    "@",
    "https://t.me/+",
    "https://t.me/joinchat/",
    "https://t.me/addlist/",
    "https://telegram.me/",
    "http://t.me/",
    "https://telegram.dog/",
    "telegram.me/",
    "t.me/+",
    "tg://resolve?domain=",
    "https://",
    "http://",
    "https://www.",
    "http://www.",
    "www.",
    "https://t.me/s/",
    "http://telegram.me/",
    "t.me/joinchat/",
    "https://signal.group/#",
    "https://signal.me/#",
    "discord.gg/",
    "https://discord.gg/",
    "discord.com/invite/",
    "https://discord.com/invite/",
    "https://simplex.chat/contact#",
    "https://simplex.chat/invitation#",
    "https://chat.whatsapp.com/",
    "https://whatsapp.com/channel/",
    "https://wa.me/",
    "https://matrix.to/#/",
    "mailto:",
    "xmpp:",
    "https://telegram.me/joinchat/",
};
constexpr std::array<std::string_view, 3> kSuffixes = {"", "/", ".t.me"};
static_assert(kPrefixes.size() * kSuffixes.size() <= kUrlFormCount);

}  // namespace

std::optional<std::uint8_t> url_form(std::string_view url, std::string_view target) {
  if (url.size() < target.size()) return std::nullopt;
  for (std::size_t s = 0; s < kSuffixes.size(); ++s) {
    const std::string_view suffix = kSuffixes[s];
    if (url.size() < target.size() + suffix.size() || !url.ends_with(suffix)) continue;
    const std::size_t plen = url.size() - target.size() - suffix.size();
    if (url.substr(plen, target.size()) != target) continue;
    const std::string_view prefix = url.substr(0, plen);
    for (std::size_t p = 0; p < kPrefixes.size(); ++p)
      if (kPrefixes[p] == prefix) return static_cast<std::uint8_t>(p * kSuffixes.size() + s);
  }
  return std::nullopt;
}

void append_url_form(std::string& out, std::uint8_t form, std::string_view target) {
  out += kPrefixes[form / kSuffixes.size()];
  out += target;
  out += kSuffixes[form % kSuffixes.size()];
}

}  // namespace linkdrift
