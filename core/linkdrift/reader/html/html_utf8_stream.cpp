#include "linkdrift/reader/html/html_utf8_stream.h"

#include <simdjson.h>

#include "linkdrift/reader/utf8_check.h"

namespace linkdrift::html {

namespace {

// Length of the sequence a lead byte announces; 1 for ASCII and for bytes that
// cannot start a sequence (validation then rejects them).
std::size_t sequence_length(unsigned char c) {
  if (c >= 0xC2 && c <= 0xDF) return 2;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xF0 && c <= 0xF4) return 4;
  return 1;
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

bool Utf8Stream::feed(std::string_view chunk, std::uint64_t base, std::uint64_t& bad) {
  const char* p = chunk.data();
  const std::size_t n = chunk.size();
  std::size_t i = 0;
  if (pending_n_ > 0) {
    const std::size_t need = sequence_length(static_cast<unsigned char>(pending_[0]));
    while (pending_n_ < need && i < n) pending_[pending_n_++] = p[i++];
    if (pending_n_ < need) return true;
    if (!simdjson::validate_utf8(pending_, pending_n_)) {
      bad = pending_at_ + reader::find_invalid_utf8(pending_, pending_n_);
      return false;
    }
    pending_n_ = 0;
  }
  // Keep a sequence cut by the chunk end for the next chunk.
  std::size_t cut = n;
  for (std::size_t k = 1; k <= 3 && k <= n - i; ++k) {
    const unsigned char c = static_cast<unsigned char>(p[n - k]);
    if (is_continuation(c)) continue;
    if (sequence_length(c) > k) cut = n - k;
    break;
  }
  if (!simdjson::validate_utf8(p + i, cut - i)) {
    bad = base + i + reader::find_invalid_utf8(p + i, cut - i);
    return false;
  }
  for (std::size_t k = cut; k < n; ++k) pending_[pending_n_++] = p[k];
  pending_at_ = base + cut;
  return true;
}

bool Utf8Stream::finish(std::uint64_t& bad) const {
  if (pending_n_ == 0) return true;
  bad = pending_at_;
  return false;
}

}  // namespace linkdrift::html
