// Telling an input's format from its first bytes, never from its name (the
// first HTML page is sometimes renamed, e.g. index.html; a JSON export may be
// called anything).
#pragma once

#include <cstddef>
#include <string_view>

#include "linkdrift/base/file_format.h"

namespace linkdrift {

// How many leading bytes sniff_format may need at most before it decides
// (longer runs of whitespace decide `json`).
inline constexpr std::size_t kSniffBytes = 4096;

// The format of a file whose first bytes are `head` (any prefix of the file;
// `at_end`: the file has no more bytes).
FileFormat sniff_format(std::string_view head, bool at_end);

}  // namespace linkdrift
