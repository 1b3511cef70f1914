// Internal interface between the candidate finder (extractor.cpp) and the
// per-platform classifiers. Everything here works on views of one candidate
// span (already refanged and trimmed); nothing allocates except targets.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "linkdrift/base/model.h"

namespace linkdrift::extract {

inline constexpr std::size_t kWhole = static_cast<std::size_t>(-1);

// One classified candidate.
struct Hit {
  Platform platform = Platform::web;
  Kind kind = Kind::link;
  std::string target;
  // The url is the candidate truncated to this many bytes (kWhole = all of it);
  // set when the identifier ends before the span does ("t.me/foo's").
  std::size_t url_len = kWhole;
};

// A Hit covering the whole candidate.
inline Hit make_hit(Platform platform, Kind kind, std::string target) {
  Hit h;
  h.platform = platform;
  h.kind = kind;
  h.target = std::move(target);
  return h;
}

// A URL split into its parts. `host` is ASCII-lowercased, without userinfo,
// port, trailing dot or leading "www."; the other fields view the candidate.
struct UrlView {
  std::string_view scheme;  // as written ("https", "HTTP", "") — compare with iequals
  std::string host;
  std::string_view path;      // from the first '/' after the host (may be empty)
  std::string_view query;     // after '?', without it
  std::string_view fragment;  // after '#', without it
  std::size_t path_off = 0;   // offset of `path` within the candidate
};

// Splits "rest" (everything after the authority) into path/query/fragment.
void split_rest(std::string_view rest, std::size_t rest_off, UrlView& u);

// --- telegram.cpp
// TDLib is_valid_username with a minimum length.
bool is_valid_username(std::string_view s, std::size_t min_len);
bool is_telegram_host(std::string_view host);  // t.me, telegram.me/.dog, *.t.me
std::optional<Hit> classify_telegram(const UrlView& u);
std::optional<Hit> classify_tg_scheme(std::string_view rest);  // after "tg:"
// "@name" mention (whole candidate). `min_len` is 4 in free text, 3 in entities.
std::optional<Hit> classify_mention(std::string_view cand, std::size_t min_len);

// --- platforms.cpp: Signal, Discord, WhatsApp, Threema (by host)
std::optional<Hit> classify_platform_host(const UrlView& u);
std::optional<Hit> classify_sgnl_scheme(std::string_view rest);  // after "sgnl:"

// --- matrix.cpp
std::optional<Hit> classify_matrix_url(const UrlView& u);          // matrix.to, app.element.io
std::optional<Hit> classify_matrix_scheme(std::string_view rest);  // after "matrix:"
std::optional<Hit> classify_matrix_bare(std::string_view cand);    // "@user:server"

// --- simplex.cpp
std::optional<Hit> classify_simplex_url(const UrlView& u);          // any https host
std::optional<Hit> classify_simplex_scheme(std::string_view rest);  // after "simplex:"

// --- ids.cpp: Session, Tox, onion
std::optional<Hit> classify_hex_run(std::string_view run);  // a whole maximal hex run
bool tox_checksum_ok(std::string_view hex76);
bool is_onion_host(std::string_view host);                  // ends in ".onion"
std::optional<Hit> classify_onion(std::string_view host);   // valid v2/v3 only

// --- contacts.cpp: email and XMPP
// `before` is the text preceding the address (for the jabber/xmpp label).
std::optional<Hit> classify_address(std::string_view addr, std::string_view before);
std::optional<Hit> classify_xmpp_scheme(std::string_view rest);    // after "xmpp:"
std::optional<Hit> classify_mailto_scheme(std::string_view rest);  // after "mailto:"
bool is_valid_email_domain(std::string_view domain_lower);

}  // namespace linkdrift::extract
