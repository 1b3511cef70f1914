// Host-dispatched classifiers for Signal, Discord, WhatsApp and Threema
// (formats.md B2, B3, B9, B10). A host of one of these platforms that does not
// match an entity form returns nullopt; the caller then reports a web link.
#include "linkdrift/extract/classify.h"
#include "linkdrift/base/text_util.h"

namespace linkdrift::extract {

using namespace text;  // the byte/UTF-8 helpers (base/text_util.h)
namespace {

bool fragment_chars_ok(std::string_view f) {
  if (f.empty()) return false;
  for (char c : f)
    if (!is_b64url(c) && c != '=' && c != '&' && c != '+' && c != '/' && c != '%' && c != '.')
      return false;
  return true;
}

// --- Signal
std::optional<Hit> signal_group(std::string_view fragment) {
  if (!all_of_b64url(fragment) || fragment.size() < 8) return std::nullopt;
  return make_hit(Platform::signal, Kind::group, std::string(fragment));
}

std::optional<Hit> signal_contact(std::string_view f) {
  if (f.substr(0, 3) == "p/+") {
    const std::string_view num = f.substr(3);
    if (!all_of_digits(num) || num.size() < 7 || num.size() > 15) return std::nullopt;
  } else if (f.substr(0, 3) == "eu/") {
    if (!all_of_b64url(f.substr(3))) return std::nullopt;
  } else {
    return std::nullopt;
  }
  return make_hit(Platform::signal, Kind::contact, std::string(f));
}

std::optional<Hit> signal_stickers(std::string_view f) {
  if (f.find("pack_id=") == std::string_view::npos || !fragment_chars_ok(f)) return std::nullopt;
  return make_hit(Platform::signal, Kind::stickers, std::string(f));
}

// --- Discord
bool is_discord_code(std::string_view c) { return c.size() >= 2 && c.size() <= 255 && all_of_b64url(c); }

std::optional<Hit> discord(const UrlView& u) {
  std::string_view host = u.host;
  if (host == "discord.gg") {
    std::string_view code = path_segment(u.path, 0);
    if (code == "invite") code = path_segment(u.path, 1);
    if (!is_discord_code(code)) return std::nullopt;
    return make_hit(Platform::discord, Kind::invite, std::string(code));
  }
  if (host.substr(0, 4) == "ptb.") host.remove_prefix(4);
  else if (host.substr(0, 7) == "canary.") host.remove_prefix(7);
  if (host != "discord.com" && host != "discordapp.com") return std::nullopt;
  const std::string_view first = path_segment(u.path, 0);
  if (first == "invite") {
    const std::string_view code = path_segment(u.path, 1);
    if (!is_discord_code(code)) return std::nullopt;
    return make_hit(Platform::discord, Kind::invite, std::string(code));
  }
  if (first == "channels") {
    const std::string_view guild = path_segment(u.path, 1);
    const std::string_view channel = path_segment(u.path, 2);
    if (!all_of_digits(guild) || guild.size() < 17 || guild.size() > 20 || !all_of_digits(channel))
      return std::nullopt;
    return make_hit(Platform::discord, Kind::message, std::string(guild));
  }
  return std::nullopt;
}

// --- WhatsApp
bool alnum_code(std::string_view c, std::size_t min_len) {
  if (c.size() < min_len) return false;
  for (char ch : c)
    if (!is_alnum(ch)) return false;
  return true;
}

std::optional<Hit> whatsapp(const UrlView& u) {
  if (u.host == "chat.whatsapp.com") {
    const std::string_view code = path_segment(u.path, 0);
    if (!alnum_code(code, 10)) return std::nullopt;
    return make_hit(Platform::whatsapp, Kind::group, std::string(code));
  }
  if (u.host == "whatsapp.com") {
    const std::string_view code = path_segment(u.path, 1);
    if (path_segment(u.path, 0) != "channel" || !alnum_code(code, 6)) return std::nullopt;
    return make_hit(Platform::whatsapp, Kind::channel, std::string(code));
  }
  if (u.host == "wa.me" || u.host == "api.whatsapp.com") {
    const std::string_view first = path_segment(u.path, 0);
    if (first == "message" || first == "qr") {
      const std::string_view code = path_segment(u.path, 1);
      if (!alnum_code(code, 6)) return std::nullopt;
      return make_hit(Platform::whatsapp, Kind::contact, std::string(code));
    }
    std::string_view num = u.host == "wa.me" ? first : std::string_view{};
    if (first == "send") num = query_param(u.query, "phone");
    if (!all_of_digits(num) || num.size() < 7 || num.size() > 15) return std::nullopt;
    return make_hit(Platform::whatsapp, Kind::contact, std::string(num));
  }
  return std::nullopt;
}

// --- Threema
std::optional<Hit> threema(const UrlView& u) {
  const std::string_view id = path_segment(u.path, 0);
  if (id.size() != 8 || !(is_alnum(id[0]) || id[0] == '*') || !alnum_code(id.substr(1), 7))
    return std::nullopt;
  if (path_segment(u.path, 1).size() > 0) return std::nullopt;
  return make_hit(Platform::threema, Kind::contact, to_upper(id));
}

}  // namespace

std::optional<Hit> classify_platform_host(const UrlView& u) {
  const std::string& h = u.host;
  if (h == "signal.group" || h == "group.signal.org") return signal_group(u.fragment);
  if (h == "signal.me") return signal_contact(u.fragment);
  if (h == "signal.art") {
    if (path_segment(u.path, 0) != "addstickers") return std::nullopt;
    return signal_stickers(u.fragment);
  }
  if (h == "threema.id") return threema(u);
  if (h.find("discord") != std::string::npos) return discord(u);
  if (h.find("whatsapp") != std::string::npos || h == "wa.me") return whatsapp(u);
  return std::nullopt;
}

std::optional<Hit> classify_sgnl_scheme(std::string_view rest) {
  if (rest.substr(0, 2) != "//") return std::nullopt;
  rest.remove_prefix(2);
  const std::size_t hash = rest.find('#');
  const std::size_t end = rest.find_first_of("/?#");
  const std::string host = to_lower(rest.substr(0, end));
  const std::string_view frag = hash == std::string_view::npos ? std::string_view{} : rest.substr(hash + 1);
  if (host == "signal.group" || host == "joingroup") return signal_group(frag);
  if (host == "signal.me") return signal_contact(frag);
  if (host == "signal.art" || host == "addstickers") {
    if (!frag.empty()) return signal_stickers(frag);
    const std::size_t q = rest.find('?');
    if (q == std::string_view::npos) return std::nullopt;
    return signal_stickers(rest.substr(q + 1));
  }
  return std::nullopt;
}

}  // namespace linkdrift::extract
