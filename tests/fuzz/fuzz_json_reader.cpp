// libFuzzer target: the JSON export reader (ExportReader), fed the input whole
// and in random chunks; both reads must deliver exactly the same events.
#include "fuzz_support.h"
#include "reader_fingerprint.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace linkdrift;
  const fuzz::Input in = fuzz::split_input(data, size);
  ReaderLimits limits;
  limits.max_message_bytes = 1 << 20;  // keeps a hostile "message" from growing to 256 MB
  fuzz::Fingerprint whole, chunked;
  ExportReader a(whole, limits), b(chunked, limits);
  a.begin_file("fuzz.json");
  a.feed(in.file);
  a.end_file();
  b.begin_file("fuzz.json");
  fuzz::feed_chunks(in.file, in.seed, [&](std::string_view chunk) { b.feed(chunk); });
  b.end_file();
  fuzz::require_same(whole, chunked);
  return 0;
}
