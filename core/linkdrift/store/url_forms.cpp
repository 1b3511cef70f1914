#include "linkdrift/store/url_forms.h"

#include <array>

namespace linkdrift {
namespace {

// The common shapes of links in exports (generated and real ones): Telegram's
// hosts and paths first, then the other messengers' link prefixes.
constexpr std::array<std::string_view, 38> kPrefixes = {
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
    "https://t.me/c/",
    "t.me/c/",
    "http://telegram.me/",
    "t.me/joinchat/",
    "https://telegram.me/joinchat/",
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
};
// '#' stands for one decimal number (post ids, bot start parameters).
constexpr std::array<std::string_view, 6> kSuffixes = {"", "/", ".t.me", "/#", "?start=#", "?start=ref_#"};
static_assert(kPrefixes.size() * kSuffixes.size() <= 256);

// The number ending `url` (at most 7 digits, no leading zero, < kMaxFormNumber);
// `digits` = 0 when there is none.
std::uint32_t trailing_number(std::string_view url, std::size_t& digits) {
  digits = 0;
  std::uint32_t value = 0, scale = 1;
  while (digits < url.size() && digits < 7) {
    const char c = url[url.size() - 1 - digits];
    if (c < '0' || c > '9') break;
    value += static_cast<std::uint32_t>(c - '0') * scale;
    scale *= 10;
    ++digits;
  }
  if (digits > 1 && url[url.size() - digits] == '0') digits = 0;  // a leading zero would not round-trip
  if (value >= kMaxFormNumber) digits = 0;
  return value;
}

}  // namespace

std::optional<std::uint32_t> url_form(std::string_view url, std::string_view target) {
  if (url.size() < target.size()) return std::nullopt;
  std::size_t digits = 0;
  const std::uint32_t number = trailing_number(url, digits);
  for (std::size_t s = 0; s < kSuffixes.size(); ++s) {
    std::string_view suffix = kSuffixes[s];
    std::string_view rest = url;
    const bool numbered = suffix.ends_with('#');
    if (numbered) {
      if (digits == 0) continue;
      suffix.remove_suffix(1);
      rest.remove_suffix(digits);
    }
    if (rest.size() < target.size() + suffix.size() || !rest.ends_with(suffix)) continue;
    const std::size_t plen = rest.size() - target.size() - suffix.size();
    if (rest.substr(plen, target.size()) != target) continue;
    const std::string_view prefix = rest.substr(0, plen);
    for (std::size_t p = 0; p < kPrefixes.size(); ++p)
      if (kPrefixes[p] == prefix)
        return static_cast<std::uint32_t>(p * kSuffixes.size() + s) | (numbered ? (number + 1) << 8 : 0);
  }
  return std::nullopt;
}

bool is_url_form(std::uint32_t form) {
  return (form & 0xFF) / kSuffixes.size() < kPrefixes.size() && form < (1u << 31);
}

void append_url_form(std::string& out, std::uint32_t form, std::string_view target) {
  const std::uint32_t shape = form & 0xFF;
  std::string_view suffix = kSuffixes[shape % kSuffixes.size()];
  out += kPrefixes[shape / kSuffixes.size()];
  out += target;
  if (suffix.ends_with('#')) {
    suffix.remove_suffix(1);
    out += suffix;
    out += std::to_string((form >> 8) - 1);
  } else {
    out += suffix;
  }
}

}  // namespace linkdrift
