// FileFormat: what an input file is, as reader/format_sniff.h tells it from
// its first bytes.
#pragma once

#include <string_view>

namespace linkdrift {

enum class FileFormat : unsigned char {
  undecided,  // only a UTF-8 BOM and whitespace so far: feed more bytes
  json,       // the first significant byte is not '<' (the JSON reader says what is wrong)
  html,       // '<' after an optional BOM and whitespace
  zip,        // "PK\3\4" (or "PK\5\6", an empty archive) at byte 0
};

std::string_view name(FileFormat f);  // "json", "html", "zip", ""

}  // namespace linkdrift
