// SimpleX: full contact/invitation links and v6.4 short links, on simplex.chat
// or any server host, and the simplex: scheme (formats.md B5).
#include "linkdrift/extract/classify.h"
#include "linkdrift/base/text_util.h"

namespace linkdrift::extract {

using namespace text;  // the byte/UTF-8 helpers (base/text_util.h)
namespace {

// `path` is the part before '#', `frag` the part after it. `official` is true
// for simplex.chat and the simplex: scheme, where full links need no smp=.
std::optional<Hit> classify(std::string_view path, std::string_view frag, bool official) {
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path == "/contact" || path == "/invitation") {
    if (frag.size() < 3 || frag[0] != '/' || frag[1] != '?') return std::nullopt;
    if (!official && frag.find("smp=") == std::string_view::npos) return std::nullopt;
    return make_hit(Platform::simplex, path == "/contact" ? Kind::contact : Kind::invitation, std::string(frag));
  }
  if (path.size() != 2 || path[0] != '/') return std::nullopt;
  const char t = lower(path[1]);
  const std::string_view payload = frag.substr(0, frag.find('?'));
  if (t == 'i') {
    if (payload.size() != 76 || payload[32] != '/' || !all_of_b64url(payload.substr(0, 32)) ||
        !all_of_b64url(payload.substr(33)))
      return std::nullopt;
    return make_hit(Platform::simplex, Kind::invitation, std::string(payload));
  }
  if (t != 'a' && t != 'c' && t != 'g' && t != 'r') return std::nullopt;
  if (payload.size() != 43 || !all_of_b64url(payload)) return std::nullopt;
  return make_hit(Platform::simplex, t == 'a' || t == 'r' ? Kind::contact : Kind::group, std::string(payload));
}

}  // namespace

std::optional<Hit> classify_simplex_url(const UrlView& u) {
  if (u.fragment.empty()) return std::nullopt;
  return classify(u.path, u.fragment, u.host == "simplex.chat");
}

std::optional<Hit> classify_simplex_scheme(std::string_view rest) {
  const std::size_t hash = rest.find('#');
  if (hash == std::string_view::npos) return std::nullopt;
  return classify(rest.substr(0, hash), rest.substr(hash + 1), true);
}

}  // namespace linkdrift::extract
