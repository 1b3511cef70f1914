// Reading a start tag's attributes (the raw `attrs` of a Token).
//
// CONTRACT
// - Names match ASCII case-insensitively. The value is the raw text between the
//   quotes (or up to whitespace when unquoted); references are NOT decoded.
// - The same grammar as the tokenizer's tag scanner: whitespace and '/' separate
//   attributes, a quote only opens a value right after '='. tdesktop's nameless
//   `=""` (an empty std::map pair in its button markup) is an attribute with an
//   empty name and is never matched.
// - TRAP: values are views into the token; copy before the next tokenizer call.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "linkdrift/reader/html/html_tokenizer.h"

namespace linkdrift::html {

// False if `attrs` has no attribute `lower_name`; `present_but_empty` values give true and "".
bool find_attribute(std::string_view attrs, std::string_view lower_name, std::string_view& value);
// The same for a start tag: its listed attributes when the tokenizer listed them, else its attrs.
bool find_attribute(const Token& start_tag, std::string_view lower_name, std::string_view& value);

// The tdesktop classes the reader looks at, as bits of a mask.
inline constexpr std::uint32_t kMessage = 1u << 0;
inline constexpr std::uint32_t kDefault = 1u << 1;
inline constexpr std::uint32_t kService = 1u << 2;
inline constexpr std::uint32_t kPageHeader = 1u << 3;
inline constexpr std::uint32_t kHistory = 1u << 4;
inline constexpr std::uint32_t kText = 1u << 5;
inline constexpr std::uint32_t kBody = 1u << 6;
inline constexpr std::uint32_t kForwarded = 1u << 7;
inline constexpr std::uint32_t kPullRight = 1u << 8;
inline constexpr std::uint32_t kDate = 1u << 9;
inline constexpr std::uint32_t kDetails = 1u << 10;
inline constexpr std::uint32_t kMediaWrap = 1u << 11;
inline constexpr std::uint32_t kMediaPoll = 1u << 12;
inline constexpr std::uint32_t kQuestion = 1u << 13;
inline constexpr std::uint32_t kAnswer = 1u << 14;
inline constexpr std::uint32_t kBotButtonsTable = 1u << 15;
inline constexpr std::uint32_t kMediaCall = 1u << 16;

// The mask (k... bits above) of a start tag's `class` attribute (its references decoded
// first, e.g. tdesktop's "total details&#x09;"); 0 without one. `scratch` is reused storage.
std::uint32_t class_bits(const Token& start_tag, std::string& scratch);

}  // namespace linkdrift::html
