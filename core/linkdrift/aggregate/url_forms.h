// URL forms: most links are written in a few standard shapes around their
// target ("https://t.me/{target}", "@{target}", "{target}.t.me", …). Such a url
// is stored as a one-byte form code instead of its bytes, and rebuilt exactly
// (byte for byte) from the code and the target.
//
// CONTRACT
// - url_form(url, target) returns a code c with url == prefix(c) + target +
//   suffix(c), or nullopt when no form fits (the caller keeps the url itself).
// - append_url_form(out, c, target) appends exactly that url.
// - Codes are < kUrlFormCount and stable within a process (not a file format).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linkdrift {

inline constexpr std::uint32_t kUrlFormCount = 128;

std::optional<std::uint8_t> url_form(std::string_view url, std::string_view target);
void append_url_form(std::string& out, std::uint8_t form, std::string_view target);

}  // namespace linkdrift
