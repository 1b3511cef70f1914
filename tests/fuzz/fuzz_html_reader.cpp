// libFuzzer target: the HTML export reader (HtmlExportReader), fed the input
// whole and in random chunks; both reads must deliver exactly the same events.
#include "fuzz_support.h"
#include "linkdrift/reader/html/html_export_reader.h"
#include "reader_fingerprint.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace linkdrift;
  const fuzz::Input in = fuzz::split_input(data, size);
  HtmlReaderOptions options;
  options.max_message_bytes = 1 << 20;
  options.assumed_utc_offset_minutes = static_cast<int>(in.seed % 1681) - 840;
  fuzz::Fingerprint whole, chunked;
  HtmlExportReader a(whole, options), b(chunked, options);
  a.begin_file("ChatExport/messages.html");
  a.feed(in.file);
  a.end_file();
  b.begin_file("ChatExport/messages.html");
  fuzz::feed_chunks(in.file, in.seed, [&](std::string_view chunk) { b.feed(chunk); });
  b.end_file();
  fuzz::require_same(whole, chunked);
  return 0;
}
