// Email addresses and XMPP/Jabber JIDs (formats.md B8). A bare user@host is an
// email unless a jabber/xmpp/jid label precedes it or its domain is a known
// XMPP service.
#include <array>

#include "linkdrift/base/text_util.h"
#include "linkdrift/extract/classify.h"
#include "linkdrift/extract/tld.h"

namespace linkdrift::extract {

using namespace text;  // the byte/UTF-8 helpers (base/text_util.h)
namespace {

// Public XMPP services seen in threat reporting (formats.md B8) and the
// largest public servers. Exact domain match.
constexpr std::array<std::string_view, 16> kXmppDomains = {
    "exploit.im",   "xmpp.jp",    "thesecure.biz", "jabber.ru",        "jabber.org", "jabb.im",
    "xmpp.is",      "jabber.de",  "jabber.at",     "jabber.cz",        "jabber.ccc.de",
    "conversations.im", "yax.im", "404.city",      "jabber.calyxinstitute.org", "xmpp.ru"};

// Labels (lowercase; Cyrillic given in lower, Capitalized and UPPER forms).
constexpr std::array<std::string_view, 14> kLabels = {
    "jabber", "xmpp", "jid", "jab", "жаббер", "Жаббер", "ЖАББЕР", "джаббер", "Джаббер", "ДЖАББЕР",
    "жабер", "Жабер", "джабер", "Джабер"};

bool is_xmpp_domain(std::string_view d) {
  for (std::string_view x : kXmppDomains)
    if (d == x) return true;
  return false;
}

// Does `before` end with "<label>" followed by up to ~3 separator characters?
bool ends_with_label_word(std::string_view s) {
  for (std::string_view label : kLabels) {
    const bool ascii = static_cast<unsigned char>(label[0]) < 0x80;
    if (s.size() < label.size()) continue;
    const std::string_view tail = s.substr(s.size() - label.size());
    if (ascii ? !iequals(tail, label) : tail != label) continue;
    const std::size_t start = s.size() - label.size();
    if (start == 0) return true;
    const char p = s[start - 1];
    if (is_alnum(p) || p == '_') continue;
    if (static_cast<unsigned char>(p) >= 0x80) {
      char32_t cp = 0;
      utf8_decode(s, utf8_prev(s, start), cp);
      if (is_non_latin(cp) && cp >= 0x400 && cp <= 0x4FF) continue;  // inside a Cyrillic word
    }
    return true;
  }
  return false;
}

bool has_label(std::string_view before) {
  // Skip up to 3 separators: space, tab, ':', '-', '=', en/em dash, full-width colon.
  std::size_t end = before.size();
  for (int skipped = 0; skipped < 3 && end > 0; ++skipped) {
    const char c = before[end - 1];
    if (c == ' ' || c == '\t' || c == ':' || c == '-' || c == '=') {
      --end;
      continue;
    }
    const std::string_view t = before.substr(0, end);
    if (iends_with(t, "\xEF\xBC\x9A") || iends_with(t, "\xE2\x80\x93") || iends_with(t, "\xE2\x80\x94")) {
      end -= 3;  // "：" "–" "—"
      continue;
    }
    break;
  }
  const std::string_view s = before.substr(0, end);
  if (ends_with_label_word(s)) return true;
  // "Jabber ID: x@y" / "XMPP address - x@y"
  for (std::string_view w : {std::string_view("id"), std::string_view("address")}) {
    if (iends_with(s, w) && s.size() > w.size() && s[s.size() - w.size() - 1] == ' ' &&
        ends_with_label_word(s.substr(0, s.size() - w.size() - 1)))
      return true;
  }
  return false;
}

}  // namespace

bool is_valid_email_domain(std::string_view d) {
  if (d.empty() || d.front() == '.' || d.back() == '.' || d.find("..") != std::string_view::npos) return false;
  const std::size_t dot = d.rfind('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view tld = d.substr(dot + 1);
  return tld == "onion" || is_known_tld(tld);
}

std::optional<Hit> classify_address(std::string_view addr, std::string_view before) {
  const std::size_t at = addr.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= addr.size()) return std::nullopt;
  std::string_view local = addr.substr(0, at);
  while (!local.empty() && local.front() == '.') local.remove_prefix(1);
  if (local.empty() || local.back() == '.' || local.size() > 64) return std::nullopt;
  const std::string domain = to_lower(addr.substr(at + 1));
  if (!is_valid_email_domain(domain)) return std::nullopt;
  std::string target = to_lower(local) + "@" + domain;
  if (has_label(before) || is_xmpp_domain(domain)) return make_hit(Platform::xmpp, Kind::jid, std::move(target));
  return make_hit(Platform::email, Kind::address, std::move(target));
}

std::optional<Hit> classify_xmpp_scheme(std::string_view rest) {
  if (rest.substr(0, 2) == "//") {  // xmpp://auth@jid/target
    const std::size_t slash = rest.find('/', 2);
    if (slash == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(slash + 1);
  }
  const std::string_view jid = rest.substr(0, rest.find_first_of("/?#"));
  const std::string decoded = percent_decode(jid);
  const std::size_t at = decoded.find('@');
  if (at == std::string::npos || at == 0) return std::nullopt;
  for (std::size_t i = 0; i < at; ++i) {
    const char c = decoded[i];
    if (c == ' ' || c == '"' || c == '&' || c == '\'' || c == ':' || c == '<' || c == '>') return std::nullopt;
  }
  const std::string domain = to_lower(std::string_view(decoded).substr(at + 1));
  if (domain.find('.') == std::string::npos || domain.back() == '.') return std::nullopt;
  for (char c : domain)
    if (!is_alnum(c) && c != '.' && c != '-') return std::nullopt;
  return make_hit(Platform::xmpp, Kind::jid, to_lower(std::string_view(decoded).substr(0, at)) + "@" + domain);
}

std::optional<Hit> classify_mailto_scheme(std::string_view rest) {
  const std::string addr = percent_decode(rest.substr(0, rest.find_first_of("?#")));
  const std::size_t at = addr.find('@');
  if (at == std::string::npos || at == 0) return std::nullopt;
  for (std::size_t i = 0; i < at; ++i)
    if (!is_alnum(addr[i]) && std::string_view("._%+-").find(addr[i]) == std::string_view::npos)
      return std::nullopt;
  const std::string domain = to_lower(std::string_view(addr).substr(at + 1));
  if (!is_valid_email_domain(domain)) return std::nullopt;
  return make_hit(Platform::email, Kind::address, to_lower(std::string_view(addr).substr(0, at)) + "@" + domain);
}

}  // namespace linkdrift::extract
