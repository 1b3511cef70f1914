// LinkExtractor: prefilter → refang → one RE2 pass for candidate spans →
// hand-written classification per candidate (see docs/classification.md).
#include "linkdrift/extract/extractor.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "linkdrift/base/text_util.h"
#include "linkdrift/extract/classify.h"
#include "linkdrift/extract/prefilter.h"
#include "linkdrift/extract/refang.h"
#include "linkdrift/extract/scan_reference.h"
#include "linkdrift/extract/tld.h"

namespace linkdrift {

using namespace text;  // the byte/UTF-8 helpers (base/text_util.h)

using namespace extract;

namespace {

// Character classes. A = ASCII letter/digit; U = a letter/mark/number from
// Greek (U+0370) upwards; L1 = a Latin-1/Latin-Extended letter. A label or path
// never continues from A straight into U ("t.me/fooСсылка" ends after "foo"),
// which keeps the candidate spans linear and the boundaries right.
#define LD_A "A-Za-z0-9"
#define LD_U "[^\\x00-\\x{36F}\\p{P}\\p{S}\\p{Z}\\p{C}]"
#define LD_L1 "[^\\x00-\\x7F\\x{370}-\\x{10FFFF}\\p{P}\\p{S}\\p{Z}\\p{C}]"
#define LD_LABEL_N "(?:-|" LD_L1 ")"
#define LD_LABEL "(?:" LD_U "|" LD_LABEL_N "|[" LD_A "]+" LD_LABEL_N ")*(?:[" LD_A "]+|" LD_U "|" LD_LABEL_N ")"
#define LD_HOST LD_LABEL "(?:\\." LD_LABEL ")+"
#define LD_PATH_N "(?:[\\-._~:/?#\\[\\]@!$&'()*+,;=%]|" LD_L1 ")"
#define LD_PATH "(?:" LD_U "|" LD_PATH_N "|[" LD_A "]+" LD_PATH_N ")*[" LD_A "]*"

constexpr const char* kPattern =
    // 1. URL with a scheme
    "(?i:\\b(?:https?|tg|sgnl|matrix|simplex|xmpp|tox|mailto|javascript|vbscript|data|file)):" LD_PATH
    // 2. email / JID
    "|[A-Za-z0-9._%+\\-]+@" LD_HOST
    // 3. @mention or @user:server
    "|@[A-Za-z0-9_][A-Za-z0-9._=\\-]*(?::" LD_HOST "(?::[0-9]{1,5})?)?"
    // 4. scheme-less host with optional port and path
    "|" LD_HOST "(?::[0-9]{1,5})?(?:[/?#]" LD_PATH ")?"
    // 5. long hex run (Session / Tox)
    "|[0-9A-Fa-f]{64,}";

re2::RE2::Options regex_options() {
  re2::RE2::Options o;
  o.set_longest_match(true);
  o.set_log_errors(false);
  o.set_max_mem(32 << 20);
  return o;
}

enum class Scheme { none, http, tg, sgnl, matrix, simplex, xmpp, tox, mailto, inert };

Scheme scheme_of(std::string_view s) {
  if (iequals(s, "http") || iequals(s, "https")) return Scheme::http;
  if (iequals(s, "tg")) return Scheme::tg;
  if (iequals(s, "sgnl")) return Scheme::sgnl;
  if (iequals(s, "matrix")) return Scheme::matrix;
  if (iequals(s, "simplex")) return Scheme::simplex;
  if (iequals(s, "xmpp")) return Scheme::xmpp;
  if (iequals(s, "tox")) return Scheme::tox;
  if (iequals(s, "mailto")) return Scheme::mailto;
  if (iequals(s, "javascript") || iequals(s, "vbscript") || iequals(s, "data") || iequals(s, "file"))
    return Scheme::inert;
  return Scheme::none;
}

bool is_email_local_char(char c) { return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }

// Host checks for scheme-less candidates: every label non-empty, a known TLD,
// and not a file name or a missing space after a full stop.
bool plausible_bare_host(std::string_view host_raw, bool has_path) {
  std::size_t labels = 1;
  for (std::size_t i = 0; i < host_raw.size(); ++i)
    if (host_raw[i] == '.') ++labels;
  const std::size_t dot = host_raw.rfind('.');
  const std::string_view tld_raw = host_raw.substr(dot + 1);
  const std::string tld = to_lower(tld_raw);
  if (!is_known_tld(tld)) return false;
  if (!has_path && labels == 2 && is_file_like_tld(tld)) return false;
  // "the end.It was" / "channel.In": Capitalized TLD after a lowercase label.
  if (tld_raw.size() >= 2 && tld_raw[0] >= 'A' && tld_raw[0] <= 'Z' && tld_raw[1] >= 'a' && tld_raw[1] <= 'z') {
    const std::size_t prev = host_raw.rfind('.', dot - 1);
    const std::size_t ps = prev == std::string_view::npos ? 0 : prev + 1;
    if (ps < dot && !(host_raw[ps] >= 'A' && host_raw[ps] <= 'Z')) return false;
  }
  // Version strings and tickers: "installer-1.2.3.sh", "09868.HK". An all-digit
  // label is only allowed right before the TLD ("163.com"), and not before an
  // upper-case TLD.
  std::size_t ls = 0;
  while (ls < dot) {
    std::size_t le = host_raw.find('.', ls);
    if (le == std::string_view::npos || le > dot) le = dot;
    const bool digits = all_of_digits(host_raw.substr(ls, le - ls));
    if (digits && (le != dot || (tld_raw[0] >= 'A' && tld_raw[0] <= 'Z'))) return false;
    ls = le + 1;
  }
  return true;
}

// Normalizes a raw host: lowercase, no trailing dot, no leading "www.".
std::string normalize_host(std::string_view raw) {
  std::string h = to_lower(raw);
  while (!h.empty() && h.back() == '.') h.pop_back();
  if (h.size() > 4 && h.compare(0, 4, "www.") == 0) h.erase(0, 4);
  return h;
}

bool labels_ok(std::string_view host) {
  if (host.empty() || host.front() == '.' || host.back() == '.' || host.find("..") != std::string_view::npos)
    return false;
  if (host.front() == '[') return host.back() == ']';
  for (char c : host)
    if (!(is_alnum(c) || c == '.' || c == '-' || static_cast<unsigned char>(c) >= 0x80)) return false;
  return true;
}

// Platform/web classification of an http(s) or scheme-less URL.
// Returns nullopt for "nothing" (including telegram hosts that are no entity).
std::optional<Hit> classify_url(const UrlView& u, bool had_scheme, std::string_view host_raw) {
  if (!labels_ok(u.host)) return std::nullopt;
  // A host needs a dot ("https://https://…" is not a link), except localhost and [IPv6].
  if (u.host.find('.') == std::string::npos && u.host != "localhost" && u.host.front() != '[') return std::nullopt;
  if (is_telegram_host(u.host)) return classify_telegram(u);
  if (is_onion_host(u.host)) return classify_onion(u.host);
  if (auto h = classify_platform_host(u)) return h;
  if (auto h = classify_matrix_url(u)) return h;
  if (auto h = classify_simplex_url(u)) return h;
  if (!had_scheme && !plausible_bare_host(host_raw, !u.path.empty() || !u.query.empty())) return std::nullopt;
  return make_hit(Platform::web, Kind::link, u.host);
}

struct Scanner {
  std::string_view buf;
  const Refanged* rf;  // null when the text needed no refanging
  Source source;
  std::vector<Link>& out;

  void emit(std::size_t b, std::size_t len, Hit&& h) {
    if (h.url_len != kWhole) len = std::min(len, h.url_len);
    Link l;
    l.platform = h.platform;
    l.kind = h.kind;
    l.target = std::move(h.target);
    l.url.assign(buf.substr(b, len));
    l.source = source;
    l.defanged = rf != nullptr && rf->defanged_in(b, b + len);
    l.offset = rf != nullptr ? rf->input_offset(b) : b;
    out.push_back(std::move(l));
  }

  // Handles one regex match [b, e). Returns where to continue searching.
  std::size_t candidate(std::size_t b, std::size_t e) {
    const std::string_view span = buf.substr(b, e - b);
    if (span[0] == '@') return mention(b, e);
    if (span.size() >= 64 && std::all_of(span.begin(), span.end(), is_hex)) {
      hex_run(b, e);
      return e;
    }
    const std::size_t colon = span.find(':');
    if (colon != std::string_view::npos && colon > 0) {
      const Scheme s = scheme_of(span.substr(0, colon));
      if (s != Scheme::none) {
        scheme_url(b, e, colon, s);
        return e;
      }
    }
    const std::size_t at = span.find('@');
    if (at != std::string_view::npos &&
        std::all_of(span.begin(), span.begin() + static_cast<std::ptrdiff_t>(at), is_email_local_char)) {
      address(b, e);
      return e;
    }
    bare_url(b, e);
    return e;
  }

  std::size_t mention(std::size_t b, std::size_t e) {
    if (b > 0) {
      const char p = buf[b - 1];
      if (is_word(p) || p == '@' || p == '.' || p == '/') return e;
    }
    e = b + trim_trailing(buf.substr(b, e - b));
    const std::string_view span = buf.substr(b, e - b);
    if (span.find(':') != std::string_view::npos) {
      if (auto h = classify_matrix_bare(span)) {
        emit(b, span.size(), std::move(*h));
        return e;
      }
    }
    const std::size_t min_len = source == Source::mention ? 3 : 4;
    if (auto h = classify_mention(span, min_len)) {
      emit(b, span.size(), std::move(*h));
      return e;
    }
    // "@exploit.im": not a mention; let the host alternative see "exploit.im".
    return b + 1;
  }

  void hex_run(std::size_t b, std::size_t e) {
    if (b > 0 && is_word(buf[b - 1])) return;
    if (e < buf.size() && is_word(buf[e])) return;
    if (auto h = classify_hex_run(buf.substr(b, e - b))) emit(b, e - b, std::move(*h));
  }

  void address(std::size_t b, std::size_t e) {
    while (b < e && buf[b] == '.') ++b;
    const std::size_t line = buf.rfind('\n', b == 0 ? 0 : b - 1);
    std::size_t from = line == std::string_view::npos || b == 0 ? 0 : line + 1;
    from = std::max(from, b > 64 ? b - 64 : std::size_t{0});
    if (auto h = classify_address(buf.substr(b, e - b), buf.substr(from, b - from))) emit(b, e - b, std::move(*h));
  }

  void scheme_url(std::size_t b, std::size_t e, std::size_t colon, Scheme s) {
    if (s == Scheme::inert) return;
    e = b + trim_trailing(buf.substr(b, e - b));
    e = b + cut_at_script_change(buf.substr(b, e - b));
    if (e <= b + colon + 1) return;
    const std::string_view span = buf.substr(b, e - b);
    const std::string_view rest = span.substr(colon + 1);
    std::optional<Hit> h;
    switch (s) {
      case Scheme::http:
        if (rest.substr(0, 2) == "//") {
          h = http_url(span, colon + 3);
          if (!h) return;  // a real http URL that is nothing (e.g. t.me/share): done
        }
        break;
      case Scheme::tg: h = classify_tg_scheme(rest); break;
      case Scheme::sgnl: h = classify_sgnl_scheme(rest); break;
      case Scheme::matrix: h = classify_matrix_scheme(rest); break;
      case Scheme::simplex: h = classify_simplex_scheme(rest); break;
      case Scheme::xmpp: h = classify_xmpp_scheme(rest); break;
      case Scheme::mailto: h = classify_mailto_scheme(rest); break;
      case Scheme::tox: {
        std::string_view id = rest.substr(rest.substr(0, 2) == "//" ? 2 : 0);
        id = id.substr(0, id.find_first_of("?#/"));
        if (id.size() == 76 && std::all_of(id.begin(), id.end(), is_hex) && tox_checksum_ok(id)) {
          h = make_hit(Platform::tox, Kind::id, to_upper(id));
        }
        break;
      }
      default: break;
    }
    if (h) {
      emit(b, span.size(), std::move(*h));
      return;
    }
    // "Matrix:@alice:example.org", "xmpp:jabber.ru/forum", "https:t.me/x":
    // classify what follows the label once, without the scheme.
    const std::size_t rb = b + colon + 1;
    if (rb < e) plain(rb, e);
  }

  // The remainder after a label-like scheme: one more classification pass.
  void plain(std::size_t b, std::size_t e) {
    const std::string_view span = buf.substr(b, e - b);
    if (span[0] == '@') {
      mention(b, e);
      return;
    }
    if (span.size() >= 64 && std::all_of(span.begin(), span.end(), is_hex)) {
      hex_run(b, e);
      return;
    }
    const std::size_t at = span.find('@');
    if (at != std::string_view::npos && at > 0 &&
        std::all_of(span.begin(), span.begin() + static_cast<std::ptrdiff_t>(at), is_email_local_char)) {
      std::size_t end = at + 1;
      while (end < span.size() && (is_alnum(span[end]) || span[end] == '.' || span[end] == '-')) ++end;
      address(b, b + end);
      return;
    }
    if (is_alnum(span[0]) || static_cast<unsigned char>(span[0]) >= 0x80) bare_url(b, e);
  }

  // span = "scheme://authority/rest"; `auth_off` = offset of the authority.
  std::optional<Hit> http_url(std::string_view span, std::size_t auth_off) {
    const std::string_view after = span.substr(auth_off);
    const std::size_t aend = std::min(after.find_first_of("/?#"), after.size());
    std::string_view auth = after.substr(0, aend);
    const std::size_t at = auth.rfind('@');
    if (at != std::string_view::npos) auth.remove_prefix(at + 1);
    std::string_view host_raw = auth;
    if (!auth.empty() && auth.front() == '[') {
      host_raw = auth.substr(0, auth.find(']') + 1);
    } else if (const std::size_t c = auth.rfind(':'); c != std::string_view::npos) {
      host_raw = auth.substr(0, c);
    }
    UrlView u;
    u.scheme = span.substr(0, auth_off - 3);
    u.host = normalize_host(host_raw);
    split_rest(after.substr(aend), auth_off + aend, u);
    return classify_url(u, true, host_raw);
  }

  void bare_url(std::size_t b, std::size_t e) {
    // Host labels hold no '_', so "soft_vip.t.me" is matched from "vip": that
    // tail is part of a longer identifier and names nothing.
    if (b > 0 && buf[b - 1] == '_') return;
    e = b + trim_trailing(buf.substr(b, e - b));
    e = b + cut_at_script_change(buf.substr(b, e - b));
    std::string_view span = buf.substr(b, e - b);
    std::size_t hend = std::min(span.find_first_of("/?#:"), span.size());
    // Leading junk glued to the host: "Hi...t.me" → "t.me",
    // "переходитеt.me" → "t.me", "канал.t.me" → "t.me" (an ASCII domain of
    // at least two labels must remain; "пример.com" stays whole).
    std::size_t start = 0;
    if (const std::size_t dd = span.substr(0, hend).rfind(".."); dd != std::string_view::npos) start = dd + 2;
    std::size_t last_nl = std::string_view::npos;
    for (std::size_t i = start; i < hend;) {
      char32_t cp = 0;
      const std::size_t n = utf8_decode(span, i, cp);
      if (is_non_latin(cp)) last_nl = i + n;
      i += n;
    }
    if (last_nl != std::string_view::npos) {
      std::size_t t = last_nl;
      while (t < hend && (span[t] == '.' || span[t] == '-')) ++t;
      const std::string_view tail = span.substr(t, hend - t);
      const std::size_t dot = tail.find('.');
      if (dot != std::string_view::npos && dot > 0 &&
          std::all_of(tail.begin(), tail.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        start = t;
    }
    b += start;
    span = buf.substr(b, e - b);
    hend -= start;
    std::string_view host_port = span.substr(0, hend);
    std::size_t rest_from = hend;
    if (hend < span.size() && span[hend] == ':') {  // port
      std::size_t p = hend + 1;
      while (p < span.size() && is_digit(span[p])) ++p;
      rest_from = p;
    }
    // Code, not a link: "asyncio.run(main())", "tf.keras.utils.to_categorical".
    if (e < buf.size() && rest_from == span.size() && (buf[e] == '(' || buf[e] == '_')) return;
    UrlView u;
    u.host = normalize_host(host_port);
    split_rest(span.substr(rest_from), rest_from, u);
    if (auto h = classify_url(u, false, host_port)) emit(b, span.size(), std::move(*h));
  }

};

}  // namespace

namespace extract {

void split_rest(std::string_view rest, std::size_t rest_off, UrlView& u) {
  const std::size_t hash = rest.find('#');
  const std::string_view before_hash = rest.substr(0, hash);
  if (hash != std::string_view::npos) u.fragment = rest.substr(hash + 1);
  const std::size_t q = before_hash.find('?');
  u.path = before_hash.substr(0, q);
  u.path_off = rest_off;
  if (q != std::string_view::npos) u.query = before_hash.substr(q + 1);
}

}  // namespace extract

struct LinkExtractor::Impl {
  re2::RE2 re{kPattern, regex_options()};
};

LinkExtractor::LinkExtractor() : impl_(std::make_unique<Impl>()) {}
LinkExtractor::~LinkExtractor() = default;
LinkExtractor::LinkExtractor(LinkExtractor&&) noexcept = default;
LinkExtractor& LinkExtractor::operator=(LinkExtractor&&) noexcept = default;

namespace {

// Byte classes for the live-run search: a regex match never holds ASCII
// whitespace (every class in kPattern excludes it), and every match holds
// '.', '@' or ':' (host, address, mention, scheme) or is >= 64 bytes long
// (hex run). So a whitespace-delimited token with none of those and fewer
// than 64 bytes holds no match at all, and the regex need not read it.
constexpr std::uint8_t kOther = 0, kSpace = 1, kTrigger = 2;
constexpr std::array<std::uint8_t, 256> make_token_table() {
  std::array<std::uint8_t, 256> t{};
  t[' '] = t['\t'] = t['\n'] = t['\r'] = kSpace;
  t['.'] = t['@'] = t[':'] = kTrigger;
  return t;
}
constexpr std::array<std::uint8_t, 256> kTokenClass = make_token_table();

// The first maximal run of consecutive live tokens at or after `from` (a
// token may start at `from` itself, mid-word): [rb, re). False if none.
bool next_live_run(std::string_view s, std::size_t from, std::size_t& rb, std::size_t& re) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = from;
  bool in_run = false;
  while (i < n) {
    while (i < n && kTokenClass[p[i]] == kSpace) ++i;
    if (i >= n) break;
    const std::size_t tb = i;
    std::uint8_t seen = 0;
    while (i < n) {
      const std::uint8_t c = kTokenClass[p[i]];
      if (c == kSpace) break;
      seen |= c;
      ++i;
    }
    if (seen == kTrigger || i - tb >= 64) {
      if (!in_run) {
        rb = tb;
        in_run = true;
      }
      re = i;
    } else if (in_run) {
      return true;
    }
  }
  return in_run;
}

void scan_with(const re2::RE2& re, std::string_view text, Source source, std::vector<Link>& out, bool live_runs) {
  if (text.empty() || !re.ok()) return;
  const Prefilter pf = prefilter(text);
  Refanged rf;
  std::string_view buf = text;
  const Refanged* rfp = nullptr;
  if (pf.defang && refang(text, rf)) {
    buf = rf.text;
    rfp = &rf;
    if (!may_contain_link(buf)) return;
  } else if (!pf.link) {
    return;
  }
  Scanner sc{buf, rfp, source, out};
  const re2::StringPiece input(buf.data(), buf.size());
  re2::StringPiece m;
  const std::size_t n = buf.size();
  std::size_t pos = 0;
  while (pos < n) {
    std::size_t rb = pos, re_end = n;
    if (live_runs && !next_live_run(buf, pos, rb, re_end)) return;
    // The run ends at whitespace or the end of the text, which no match
    // crosses: searching [rb, re_end) finds exactly what searching [pos, n) would.
    std::size_t p = rb;
    while (p < re_end) {
      // At a token start a match usually begins right there: an anchored
      // match at p, if any, IS the leftmost-longest one (nothing in range
      // starts before p), and costs RE2 one forward pass instead of a
      // forward and a reverse one. Otherwise search unanchored.
      const bool token_start = p == 0 || kTokenClass[static_cast<unsigned char>(buf[p - 1])] == kSpace;
      if (!(token_start && live_runs && re.Match(input, p, re_end, re2::RE2::ANCHOR_START, &m, 1)) &&
          !re.Match(input, p, re_end, re2::RE2::UNANCHORED, &m, 1))
        break;
      const auto b = static_cast<std::size_t>(m.data() - buf.data());
      const std::size_t e = b + m.size();
      if (e == b) {
        p = b + 1;
        continue;
      }
      p = std::max(sc.candidate(b, e), b + 1);
    }
    pos = std::max(p, re_end);
  }
}

}  // namespace

void LinkExtractor::scan(std::string_view text, Source source, std::vector<Link>& out) const {
  if (!impl_) return;
  scan_with(impl_->re, text, source, out, true);
}

namespace extract {

void scan_reference(std::string_view text, Source source, std::vector<Link>& out) {
  static const re2::RE2 re{kPattern, regex_options()};
  scan_with(re, text, source, out, false);
}

}  // namespace extract

}  // namespace linkdrift
