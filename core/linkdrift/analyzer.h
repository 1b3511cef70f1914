// Analyzer: the one entry point of the core. Bytes in, report out.
//
//   Analyzer a(options);
//   a.begin_file("result.json"); a.feed(chunk)...; a.end_file();   // per input
//   std::string json = a.report_json();
//
// CONTRACT
// - feed() takes chunks of any size (1 byte … 64 MB) split anywhere; the caller
//   owns the bytes, which need only live during the call.
// - Memory is O(chunk + largest message + aggregates): the analyzer keeps a
//   compact record per link (16 bytes, plus the url's bytes when it is not a
//   standard form of its target) and per-chat histograms, never text.
// - Errors are values: a bad file yields an InputError (file, byte offset,
//   expectation); its chats read so far stay counted and are flagged partial;
//   other files are unaffected. Nothing here throws on user data.
// - merge(other) adds another analyzer's corpus (e.g. a parallel worker's);
//   the report of the merged analyzer equals that of one analyzer fed all
//   inputs, provided files are merged in the same order.
// - report() is a pure function of the corpus and ReportOptions: changing the
//   time zone, bucket or filters never needs the files again.
// Not copyable. Movable.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linkdrift/aggregate/corpus.h"
#include "linkdrift/aggregate/report_options.h"
#include "linkdrift/model.h"
#include "linkdrift/reader/export_reader.h"

namespace linkdrift {

struct AnalyzerOptions {
  ReaderLimits limits;  // e.g. the largest message accepted (default 256 MB)
  // Fills the report's "announcements" and "outcomes" (docs/announcements.md).
  // Off by default for now: its phrase prefilter still costs ~30% throughput.
  bool detect_announcements = false;
};

// Parses {"max_message_mb": 1..4096, "announcements": bool} (the CLI's
// --max-message-mb and --announcements) over the
// defaults. Returns false with `error` naming the bad key; never throws.
bool analyzer_options_from_json(std::string_view json, AnalyzerOptions& options, std::string& error);


class Analyzer {
 public:
  explicit Analyzer(AnalyzerOptions options = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  void begin_file(std::string name);
  void feed(std::string_view bytes);
  void end_file();
  // Marks the current file as failed with `message` at the current offset
  // (e.g. an I/O error the caller met); the rest of the file is ignored.
  void fail_file(std::string message);

  // Adds `other`'s corpus after this one's (other is left empty).
  void merge(Analyzer&& other);

  const Corpus& corpus() const;
  const std::vector<InputError>& errors() const;

  std::string report_json(const ReportOptions& options = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace linkdrift
