// URL forms: most links are written in a few standard shapes around their
// target ("https://t.me/{target}", "@{target}", "{target}.t.me",
// "https://t.me/{target}/{post}", "https://t.me/{bot}?start={n}", …). Such a url
// is stored as a 31-bit form code instead of its bytes, and rebuilt exactly
// (byte for byte) from the code and the target.
//
// CONTRACT
// - url_form(url, target) returns a code c < 2^31 with
//   url == prefix(c) + target + suffix(c) (a suffix may hold one decimal
//   number < kMaxFormNumber without leading zeros), or nullopt when no form
//   fits (the caller keeps the url itself).
// - append_url_form(out, c, target) appends exactly that url.
// - Codes are stable within a process (not a file format).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linkdrift {

inline constexpr std::uint32_t kMaxFormNumber = (1u << 23) - 1;

std::optional<std::uint32_t> url_form(std::string_view url, std::string_view target);
void append_url_form(std::string& out, std::uint32_t form, std::string_view target);
// Whether `form` is a code append_url_form() accepts (for decoding untrusted bytes).
bool is_url_form(std::uint32_t form);

}  // namespace linkdrift
