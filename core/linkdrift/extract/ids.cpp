// Bare cryptographic identifiers: Session account IDs, Tox IDs (with their
// XOR checksum) and Tor onion hosts (formats.md B6, B7, B11).
#include "linkdrift/extract/classify.h"
#include "linkdrift/base/text_util.h"

namespace linkdrift::extract {

using namespace text;  // the byte/UTF-8 helpers (base/text_util.h)
namespace {

unsigned hexval(char c) {
  if (is_digit(c)) return static_cast<unsigned>(c - '0');
  return static_cast<unsigned>(lower(c) - 'a' + 10);
}

bool is_base32(std::string_view s) {
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) return false;
  return true;
}

}  // namespace

bool tox_checksum_ok(std::string_view hex) {
  if (hex.size() != 76) return false;
  unsigned char bytes[38];
  for (std::size_t i = 0; i < 38; ++i)
    bytes[i] = static_cast<unsigned char>(hexval(hex[2 * i]) * 16 + hexval(hex[2 * i + 1]));
  unsigned char c[2] = {0, 0};
  for (std::size_t i = 0; i < 36; ++i) c[i % 2] = static_cast<unsigned char>(c[i % 2] ^ bytes[i]);
  return c[0] == bytes[36] && c[1] == bytes[37];
}

std::optional<Hit> classify_hex_run(std::string_view run) {
  if (run.size() == 66 && run[0] == '0' && run[1] == '5')
    return make_hit(Platform::session, Kind::id, to_lower(run));
  if (run.size() == 76 && tox_checksum_ok(run)) return make_hit(Platform::tox, Kind::id, to_upper(run));
  return std::nullopt;
}

bool is_onion_host(std::string_view host) { return iends_with(host, ".onion") || iequals(host, "onion"); }

std::optional<Hit> classify_onion(std::string_view host) {
  if (!iends_with(host, ".onion")) return std::nullopt;
  const std::string h = to_lower(host.substr(0, host.size() - 6));
  const std::size_t dot = h.rfind('.');
  const std::string label = dot == std::string::npos ? h : h.substr(dot + 1);
  const bool v3 = label.size() == 56 && label.back() == 'd';
  const bool v2 = label.size() == 16;
  if ((!v3 && !v2) || !is_base32(label)) return std::nullopt;
  return make_hit(Platform::onion, Kind::site, label + ".onion");
}

}  // namespace linkdrift::extract
