// Analyzer: the one entry point of the core. Bytes in, report out.
//
//   Analyzer a(options);
//   a.begin_file("result.json"); a.feed(chunk)...; a.end_file();   // per input
//   std::string json = a.report_json();
//
// Or one byte range of a file, for parallel readers (docs/parallel.md):
//   a.begin_segment("result.json", size, cut_begin, cut_end);
//   while (auto r = a.next_read()) a.feed(bytes [r->offset, r->offset + r->length) of the file);
//   a.end_segment();
// and then first.merge(std::move(second)) in file order.
//
// A ZIP archive (random access, archive/zip_reader.h; its entries are planned
// like a folder, inputs/input_plan.h):
//   a.begin_archive("export.zip", size);
//   while (auto r = a.next_read()) a.feed(bytes [r->offset, r->offset + r->length) of the archive);
//   a.end_archive();
// Each entry read becomes a file named "export.zip/<entry path>".
//
// A file's format (JSON or HTML export page) is sniffed from its first bytes
// (reader/format_sniff.h), never from its name. The pages of one HTML export,
// fed one after another, are one chat (Corpus::continues_last_chat).
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
//   inputs, provided files and segments are merged in the same order. It
//   returns false (nothing merged) only when segments do not line up, which
//   tdesktop's layouts never cause: read that file sequentially then.
// - report() is a pure function of the corpus and ReportOptions: changing the
//   time zone, bucket or filters never needs the files again.
// Not copyable. Movable.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linkdrift/analyzer_options.h"
#include "linkdrift/base/model.h"
#include "linkdrift/base/read_chunk.h"
#include "linkdrift/reader/export_reader.h"
#include "linkdrift/reader/segment_reader.h"
#include "linkdrift/report/report_options.h"
#include "linkdrift/store/corpus.h"

namespace linkdrift {

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
  // (e.g. an I/O error the caller met); the rest of the file is ignored. In an
  // archive, the open entry (else the archive) fails and the archive ends.
  void fail_file(std::string message);

  // Lists `name` as not read, with `reason` (e.g. an HTML page whose chat's JSON
  // export is read instead: InputPlan).
  void skip_file(std::string name, std::string reason);

  // Reads the ZIP archive `name` of `archive_size` bytes: answer next_read()
  // with feed() as for a segment. Entries that fail are errors of their own
  // ("name/entry"); an unreadable archive is an error of `name`.
  void begin_archive(std::string name, std::uint64_t archive_size, std::size_t chunk_bytes = kReadChunkBytes);
  void end_archive();

  // Reads the segment of the cut [cut_begin, cut_end) of a file of
  // `file_size` bytes (SegmentReader; cut_begin = 0 only for the file's first
  // segment, the cuts of one file increasing): the core asks for the bytes it needs
  // through next_read(), and each answer is given to feed().
  void begin_segment(std::string name, std::uint64_t file_size, std::uint64_t cut_begin, std::uint64_t cut_end,
                     std::size_t chunk_bytes = kReadChunkBytes);
  std::optional<ReadRequest> next_read() const;  // nullopt: the segment (or archive) is done
  void end_segment();

  // Adds `other`'s corpus after this one's (other is left empty), continuing
  // a file whose earlier segment this one holds last. False (`error` set,
  // nothing merged, other untouched) when the segments do not line up.
  bool merge(Analyzer&& other, std::string* error = nullptr);

  // The corpus as bytes (CorpusCodec), for an analyzer that shares no memory
  // with this one; merge_serialized() is merge() of an analyzer holding them.
  // Bad bytes: false with `error` set, nothing merged.
  std::string serialize() const;
  bool merge_serialized(std::string_view bytes, std::string* error = nullptr);

  // Forgets every input (corpus, errors, any open file), keeping the compiled
  // extractor: cheaper than a new Analyzer, e.g. for a worker's next job.
  void clear();

  const Corpus& corpus() const;
  const std::vector<InputError>& errors() const;

  std::string report_json(const ReportOptions& options = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace linkdrift
