// Matrix: matrix.to permalinks, Element web permalinks, the matrix: URI
// (MSC2312) and bare "@user:server" IDs (formats.md B4).
#include "linkdrift/extract/classify.h"
#include "linkdrift/base/text_util.h"

namespace linkdrift::extract {

using namespace text;  // the byte/UTF-8 helpers (base/text_util.h)
namespace {

bool server_ok(std::string_view s) {
  // hostname[:port]; hostname = DNS name with a dot, IPv4, or [IPv6].
  if (s.empty() || s.size() > 255) return false;
  const std::size_t colon = s.rfind(':');
  std::string_view host = s;
  if (colon != std::string_view::npos && s.front() != '[') {
    const std::string_view port = s.substr(colon + 1);
    if (!all_of_digits(port) || port.size() > 5) return false;
    host = s.substr(0, colon);
  }
  if (host.empty()) return false;
  if (host.front() == '[') return host.back() == ']' || (host.find(']') != std::string_view::npos);
  if (host.find('.') == std::string_view::npos || host.front() == '.' || host.back() == '.') return false;
  for (char c : host)
    if (!is_alnum(c) && c != '.' && c != '-') return false;
  return true;
}

// `id` with its sigil (@ # !), already percent-decoded.
std::optional<Hit> from_identifier(std::string_view id) {
  if (id.size() < 4) return std::nullopt;
  const char sigil = id[0];
  if (sigil != '@' && sigil != '#' && sigil != '!') return std::nullopt;
  const std::size_t colon = id.find(':');
  if (colon == std::string_view::npos || colon < 2) return std::nullopt;
  const std::string_view local = id.substr(1, colon - 1);
  const std::string_view server = id.substr(colon + 1);
  if (!server_ok(server)) return std::nullopt;
  for (char c : local)
    if (c == ' ' || c == '\0' || c == '/' || c == '?') return std::nullopt;
  if (sigil != '@') return make_hit(Platform::matrix, Kind::room, std::string(id));
  for (char c : local)
    if (!is_alnum(c) && c != '.' && c != '_' && c != '=' && c != '-' && c != '+') return std::nullopt;
  return make_hit(Platform::matrix, Kind::user, "@" + to_lower(local) + ":" + std::string(server));
}

}  // namespace

std::optional<Hit> classify_matrix_url(const UrlView& u) {
  std::string_view f = u.fragment;
  if (u.host == "matrix.to") {
    if (f.substr(0, 2) != "#/" && f.substr(0, 1) != "/") return std::nullopt;
    f.remove_prefix(f[0] == '#' ? 2 : 1);
  } else if (u.host == "app.element.io" || u.host == "chat.element.io" || u.host == "develop.element.io") {
    if (f.substr(0, 6) == "/room/") f.remove_prefix(6);
    else if (f.substr(0, 6) == "/user/") f.remove_prefix(6);
    else return std::nullopt;
  } else {
    return std::nullopt;
  }
  const std::string id = percent_decode(f.substr(0, f.find_first_of("/?")));
  return from_identifier(id);
}

std::optional<Hit> classify_matrix_scheme(std::string_view rest) {
  if (rest.substr(0, 2) == "//") {  // matrix://authority/...
    const std::size_t slash = rest.find('/', 2);
    if (slash == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(slash + 1);
  }
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view type = rest.substr(0, slash);
  std::string_view id = rest.substr(slash + 1);
  id = id.substr(0, id.find_first_of("/?#"));
  char sigil = 0;
  if (type == "u" || type == "user") sigil = '@';
  else if (type == "r" || type == "room") sigil = '#';
  else if (type == "roomid") sigil = '!';
  else return std::nullopt;
  return from_identifier(std::string(1, sigil) + percent_decode(id));
}

std::optional<Hit> classify_matrix_bare(std::string_view cand) {
  if (cand.size() < 4 || cand[0] != '@' || cand.find(':') == std::string_view::npos) return std::nullopt;
  return from_identifier(cand);
}

}  // namespace linkdrift::extract
