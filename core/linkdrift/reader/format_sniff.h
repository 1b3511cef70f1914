// Telling an input's format from its first bytes, never from its name (the
// first HTML page is sometimes renamed, e.g. index.html; a JSON export may be
// called anything).
#pragma once

#include <cstddef>
#include <string_view>

namespace linkdrift {

enum class FileFormat : unsigned char {
  undecided,  // only a UTF-8 BOM and whitespace so far: feed more bytes
  json,       // the first significant byte is not '<' (the JSON reader says what is wrong)
  html,       // '<' after an optional BOM and whitespace
  zip,        // "PK\3\4" (or "PK\5\6", an empty archive) at byte 0
};

// How many leading bytes sniff_format may need at most before it decides
// (longer runs of whitespace decide `json`).
inline constexpr std::size_t kSniffBytes = 4096;

// The format of a file whose first bytes are `head` (any prefix of the file;
// `at_end`: the file has no more bytes).
FileFormat sniff_format(std::string_view head, bool at_end);

std::string_view name(FileFormat f);  // "json", "html", "zip", ""

}  // namespace linkdrift
