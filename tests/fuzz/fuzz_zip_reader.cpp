// libFuzzer target: ZIP archives through Analyzer::begin_archive (the ZIP
// reader, the entry plan, format sniffing and both export readers), the core's
// reads answered from the input with a small read size, then a report built.
#include <string>

#include "fuzz_support.h"
#include "linkdrift/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace linkdrift;
  const fuzz::Input in = fuzz::split_input(data, size);
  AnalyzerOptions options;
  options.detect_announcements = false;  // its lexicon costs ~50 M instructions per analyzer
  options.max_message_mb = 1;
  static Analyzer analyzer(options);     // reused: clear() keeps the compiled extractor
  analyzer.clear();
  analyzer.begin_archive("fuzz.zip", in.file.size(), in.seed % 8192 + 1);
  for (int reads = 0; reads < 100000; ++reads) {
    const auto r = analyzer.next_read();
    if (!r) break;
    const std::uint64_t end = r->offset + r->length < in.file.size() ? r->offset + r->length : in.file.size();
    const std::string bytes(r->offset < end ? in.file.substr(r->offset, end - r->offset) : std::string_view{});
    analyzer.feed(bytes);
  }
  analyzer.end_archive();
  (void)analyzer.report_json();
  return 0;
}
