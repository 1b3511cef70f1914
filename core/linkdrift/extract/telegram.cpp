// Telegram: t.me / telegram.me / telegram.dog links (TDLib LinkManager grammar,
// formats.md B1), the tg: scheme, and @mentions.
#include <array>

#include "linkdrift/base/text_util.h"
#include "linkdrift/extract/classify.h"

namespace linkdrift::extract {

using namespace text;  // the byte/UTF-8 helpers (base/text_util.h)
namespace {

// First path segments of t.me that are never usernames.
constexpr std::array<std::string_view, 29> kReservedPaths = {
    "joinchat", "addstickers", "addemoji", "addtheme", "addlist", "addstyle", "proxy", "socks",
    "share", "msg", "msg_url", "iv", "login", "c", "s", "boost", "setlanguage", "confirmphone",
    "bg", "contact", "giftcode", "invoice", "m", "nft", "call", "auth", "auction", "a", "k"};

// <u>.t.me subdomains that are not usernames (TDLib / core.telegram.org).
constexpr std::array<std::string_view, 27> kReservedSubdomains = {
    "addemoji", "addlist", "addstickers", "addstyle", "addtheme", "auction", "auth", "boost",
    "call", "confirmphone", "contact", "giftcode", "invoice", "joinchat", "login", "m", "nft",
    "proxy", "setlanguage", "share", "socks", "web", "a", "k", "z", "www", "telegram"};

template <std::size_t N>
bool in_list(const std::array<std::string_view, N>& list, std::string_view s) {
  for (std::string_view x : list)
    if (iequals(x, s)) return true;
  return false;
}

// Length of the leading run of username characters.
std::size_t username_run(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && is_word(s[n])) ++n;
  return n;
}

// Characters that, directly after a username, mean the token is something else
// ("t.me/foo-bar", "t.me/foo.html"), not a username followed by prose.
bool breaks_username(char c) {
  switch (c) {
    case '-': case '.': case '@': case '$': case '%': case '+': case '~': case '=': case '&':
    case ':':
      return true;
    default:
      return false;
  }
}

bool is_invite_hash(std::string_view h) {
  if (h.empty() || h.size() > 64) return false;
  for (char c : h)
    if (!is_b64url(c) && c != '.') return false;
  return true;
}

// A username ending in "bot" names a bot, any other a public chat.
Kind name_kind(std::string_view user) { return iends_with(user, "bot") ? Kind::bot : Kind::public_; }

// Public username / post / bot from path segments starting at the name.
std::optional<Hit> classify_name(std::string_view name, std::string_view next, std::size_t name_off) {
  const std::size_t run = username_run(name);
  if (run < name.size() && breaks_username(name[run])) return std::nullopt;
  const std::string_view user = name.substr(0, run);
  if (!is_valid_username(user, 3)) return std::nullopt;
  std::string target = to_lower(user);
  if (run < name.size()) {  // "t.me/foo's" → cut the url after the name
    Hit h = make_hit(Platform::telegram, name_kind(user), std::move(target));
    h.url_len = name_off + run;
    return h;
  }
  if (all_of_digits(next)) return make_hit(Platform::telegram, Kind::post, std::move(target));
  return make_hit(Platform::telegram, name_kind(user), std::move(target));
}

std::optional<Hit> classify_proxy(std::string_view query) {
  const std::string_view server = query_param(query, "server");
  if (server.empty()) return std::nullopt;
  return make_hit(Platform::telegram, Kind::proxy, to_lower(server));
}

}  // namespace

bool is_valid_username(std::string_view s, std::size_t min_len) {
  if (s.size() < min_len || s.size() > 32 || !is_alpha(s[0]) || s.back() == '_') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!is_word(s[i])) return false;
    if (s[i] == '_' && i + 1 < s.size() && s[i + 1] == '_') return false;
  }
  return true;
}

bool is_telegram_host(std::string_view host) {
  return host == "t.me" || host == "telegram.me" || host == "telegram.dog" || iends_with(host, ".t.me") ||
         iends_with(host, ".telegram.me");
}

std::optional<Hit> classify_telegram(const UrlView& u) {
  std::string_view path = u.path;
  std::size_t base = u.path_off;
  if (u.host != "t.me" && u.host != "telegram.me" && u.host != "telegram.dog") {
    // Subdomain form <u>.t.me: exactly one label before t.me / telegram.me.
    const std::size_t dot = u.host.find('.');
    const std::string_view sub = std::string_view(u.host).substr(0, dot);
    const std::string_view parent = std::string_view(u.host).substr(dot + 1);
    if (parent != "t.me" && parent != "telegram.me") return std::nullopt;
    if (sub.size() < 2 || in_list(kReservedSubdomains, sub) || !is_valid_username(sub, 3))
      return std::nullopt;
    const std::string_view first = path_segment(path, 0);
    if (all_of_digits(first)) return make_hit(Platform::telegram, Kind::post, std::string(sub));
    return make_hit(Platform::telegram, name_kind(sub), std::string(sub));
  }

  std::size_t off0 = 0;
  std::string_view first = path_segment(path, 0, &off0);
  std::size_t idx = 0;
  if (iequals(first, "s") && !path_segment(path, 1).empty()) {  // web preview t.me/s/<name>
    idx = 1;
    first = path_segment(path, 1, &off0);
  }
  if (first.empty()) {
    // t.me/?… or bare t.me: nothing (not an entity).
    return std::nullopt;
  }
  if (first[0] == '+') {
    const std::string_view body = first.substr(1);
    if (all_of_digits(body)) {
      if (body.size() > 32) return std::nullopt;
      return make_hit(Platform::telegram, Kind::phone, std::string(body));
    }
    if (!is_invite_hash(body)) return std::nullopt;
    return make_hit(Platform::telegram, Kind::invite, std::string(body));
  }
  if (iequals(first, "joinchat")) {
    const std::string_view h = path_segment(path, idx + 1);
    if (!is_invite_hash(h)) return std::nullopt;
    return make_hit(Platform::telegram, Kind::invite, std::string(h));
  }
  if (iequals(first, "c")) {
    const std::string_view chan = path_segment(path, idx + 1);
    const std::string_view post = path_segment(path, idx + 2);
    if (!all_of_digits(chan) || !all_of_digits(post) || chan.size() > 20) return std::nullopt;
    return make_hit(Platform::telegram, Kind::private_post, std::string(chan));
  }
  if (iequals(first, "addlist")) {
    const std::string_view slug = path_segment(path, idx + 1);
    if (!all_of_b64url(slug)) return std::nullopt;
    return make_hit(Platform::telegram, Kind::folder, std::string(slug));
  }
  if (iequals(first, "addstickers") || iequals(first, "addemoji")) {
    const std::string_view set = path_segment(path, idx + 1);
    if (!all_of_b64url(set)) return std::nullopt;
    return make_hit(Platform::telegram, Kind::stickers, std::string(set));
  }
  if (iequals(first, "proxy") || iequals(first, "socks")) return classify_proxy(u.query);
  if (first[0] == '$' || in_list(kReservedPaths, first)) return std::nullopt;
  return classify_name(first, path_segment(path, idx + 1), base + off0);
}

std::optional<Hit> classify_tg_scheme(std::string_view rest) {
  if (rest.substr(0, 2) == "//") rest.remove_prefix(2);
  const std::size_t q = rest.find('?');
  std::string_view action = rest.substr(0, q);
  while (!action.empty() && action.back() == '/') action.remove_suffix(1);
  std::string_view query = q == std::string_view::npos ? std::string_view{} : rest.substr(q + 1);
  query = query.substr(0, query.find('#'));
  if (iequals(action, "resolve")) {
    const std::string_view domain = query_param(query, "domain");
    if (!domain.empty()) {
      if (!is_valid_username(domain, 3)) return std::nullopt;
      if (all_of_digits(query_param(query, "post")))
        return make_hit(Platform::telegram, Kind::post, to_lower(domain));
      return make_hit(Platform::telegram, name_kind(domain), to_lower(domain));
    }
    const std::string_view phone = query_param(query, "phone");
    if (all_of_digits(phone) && phone.size() <= 32)
      return make_hit(Platform::telegram, Kind::phone, std::string(phone));
    return std::nullopt;
  }
  if (iequals(action, "join")) {
    const std::string_view h = query_param(query, "invite");
    if (!is_invite_hash(h)) return std::nullopt;
    return make_hit(Platform::telegram, Kind::invite, std::string(h));
  }
  if (iequals(action, "privatepost")) {
    const std::string_view chan = query_param(query, "channel");
    if (!all_of_digits(chan) || !all_of_digits(query_param(query, "post"))) return std::nullopt;
    return make_hit(Platform::telegram, Kind::private_post, std::string(chan));
  }
  if (iequals(action, "addlist")) {
    const std::string_view slug = query_param(query, "slug");
    if (!all_of_b64url(slug)) return std::nullopt;
    return make_hit(Platform::telegram, Kind::folder, std::string(slug));
  }
  if (iequals(action, "addstickers") || iequals(action, "addemoji")) {
    const std::string_view set = query_param(query, "set");
    if (!all_of_b64url(set)) return std::nullopt;
    return make_hit(Platform::telegram, Kind::stickers, std::string(set));
  }
  if (iequals(action, "proxy") || iequals(action, "socks")) return classify_proxy(query);
  return std::nullopt;
}

std::optional<Hit> classify_mention(std::string_view cand, std::size_t min_len) {
  if (cand.size() < 2 || cand[0] != '@') return std::nullopt;
  const std::string_view body = cand.substr(1);
  const std::size_t run = username_run(body);
  if (run < body.size() && breaks_username(body[run])) return std::nullopt;
  const std::string_view user = body.substr(0, run);
  if (!is_valid_username(user, min_len)) return std::nullopt;
  Hit h = make_hit(Platform::telegram, Kind::mention, to_lower(user));
  if (run < body.size()) h.url_len = 1 + run;
  return h;
}

}  // namespace linkdrift::extract
