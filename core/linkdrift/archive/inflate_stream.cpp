#include "linkdrift/archive/inflate_stream.h"

#include <algorithm>
#include <limits>

#define ZLIB_CONST  // next_in is const
#include <zlib.h>

namespace linkdrift {

struct InflateStream::Zlib {
  z_stream s{};
  Zlib() = default;
  Zlib(const Zlib&) = delete;
  Zlib& operator=(const Zlib&) = delete;
  ~Zlib() { inflateEnd(&s); }
};

InflateStream::InflateStream() = default;
InflateStream::~InflateStream() = default;
InflateStream::InflateStream(InflateStream&&) noexcept = default;
InflateStream& InflateStream::operator=(InflateStream&&) noexcept = default;

bool InflateStream::restart() {
  error_.clear();
  if (z_) return inflateReset(&z_->s) == Z_OK;
  auto z = std::make_unique<Zlib>();
  if (inflateInit2(&z->s, -MAX_WBITS) != Z_OK) return false;  // nothing to inflateEnd
  z_ = std::move(z);
  return true;
}

InflateStream::Step InflateStream::step(std::string_view in, char* out, std::size_t capacity) {
  Step r;
  if (!z_) {
    error_ = "inflate stream not started";
    r.status = Status::error;
    return r;
  }
  constexpr std::size_t kMax = std::numeric_limits<uInt>::max();  // zlib counts in uInt
  const auto avail_in = static_cast<uInt>(std::min(in.size(), kMax));
  const auto avail_out = static_cast<uInt>(std::min(capacity, kMax));
  z_stream& s = z_->s;
  s.next_in = reinterpret_cast<const Bytef*>(in.data());
  s.avail_in = avail_in;
  s.next_out = reinterpret_cast<Bytef*>(out);
  s.avail_out = avail_out;
  const int rc = inflate(&s, Z_NO_FLUSH);
  r.consumed = avail_in - s.avail_in;
  r.produced = avail_out - s.avail_out;
  s.next_in = nullptr;
  s.next_out = nullptr;
  if (rc == Z_STREAM_END) {
    r.status = Status::end;
  } else if (rc != Z_OK && rc != Z_BUF_ERROR) {  // Z_BUF_ERROR: no progress possible, not an error
    error_ = s.msg ? s.msg : rc == Z_MEM_ERROR ? "out of memory" : "zlib error " + std::to_string(rc);
    r.status = Status::error;
  }
  return r;
}

}  // namespace linkdrift
