// The size of the reads the core asks for (segments and archives: next_read) and
// the read size of its callers: the CLI's --chunk-size default and the page's
// Blob.slice reads (Module.readChunkBytes). The page's worker prefetches the range
// after a read of exactly this size, so both sides must use this one constant.
#pragma once

#include <cstddef>

namespace linkdrift {

inline constexpr std::size_t kReadChunkBytes = std::size_t{16} << 20;

}  // namespace linkdrift
