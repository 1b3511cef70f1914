// linkdrift's WebAssembly binding: one class (Analyzer), one EMSCRIPTEN_BINDINGS
// block. Thin on purpose: every call forwards to the core (linkdrift::Analyzer,
// report options and record queries from JSON, the report and record exports);
// the only code here converts arguments/results and plumbs errors.
//
// JS API (see wasm/README.md). A call that can fail answers a tagged result,
// {ok: true, value} or {ok: false, error: "..."}: errors are never in-band strings
// and no C++ exception (e.g. std::bad_alloc) escapes to JS as an opaque pointer.
//   const a = new Module.Analyzer('{"max_message_mb": 256}');  // or '{}'; bad options: defaults + lastError()
//   a.beginFile(name); a.feed(ptr, len) ...; a.endFile();
//   a.beginSegment(name, fileSize, start, end);        // one byte range of a file
//   for (let r; (r = a.nextRead()) !== null;) a.feed(<bytes [r.offset, r.offset + r.length)>);
//   a.endSegment();
//   a.beginArchive(name, archiveSize);                 // a ZIP: the core asks for the bytes it needs
//   for (let r; (r = a.nextRead()) !== null;) a.feed(<bytes [r.offset, r.offset + r.length)>);
//   a.endArchive();
//   a.skipFile(name, reason)          -> list a file as not read (the plan's skipped pages)
//   a.failFile(message)               -> the open file (segment, archive) fails at the current offset:
//                                        a browser read error; beginFile(name) + failFile(msg) lists
//                                        an input that has nothing to read (a folder without an export)
//   a.serialize()                     -> result: Uint8Array (a copy the JS owns)
//   a.mergeSerialized(bytes)          -> result: true
//   a.clear()                         -> forget all inputs (reuse the instance)
//   a.report(optionsJson)             -> result: report JSON, NO trailing newline
//                                        (`linkdrift report` prints exactly this + "\n")
//   a.linkRecords(queryJson)          -> result: '{"total":N,"offset":o,"rows":[...]}'
//   a.linkRecordsCsv(queryJson, excelSafe) -> result: CSV text (same bytes as `linkdrift links`)
//   a.graphExport(format, optionsJson) -> result: the report's graph as csv|gexf|graphml text
//                                        (same bytes as `linkdrift graph --format F`)
//   a.lastError()                     -> '' or why the constructor's options were refused, or the
//                                        internal error that failed a file (the report lists the file)
//   a.delete()
//   Module.planFolder(pathsJson)      -> result: '{"files":[{"listed":i,"kind":"json|html|zip","skip":"..."}],"error":""}'
//                                        (which files of a folder to read, in which order: input_plan.h)
//   Module.planPieces(inputsJson, parts) -> result: '[{"input","begin","end","whole","part"}]' for
//                                        [{"size": N, "splittable": bool}] (piece_plan.h)
//   Module.sniffFormat(bytes, atEnd)  -> "json" | "html" | "zip" | "" (need more bytes; Module.sniffBytes
//                                        leading bytes always decide)
//   Module.readChunkBytes             -> the size of the core's reads (base/read_chunk.h): read files in it
//   Module.optionTable()              -> `linkdrift options`: every option's key, flag, type, bounds, default
#include <cstdint>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <nlohmann/json.hpp>

#include "linkdrift/analyzer.h"
#include "linkdrift/export/graph_export.h"
#include "linkdrift/export/record_query.h"
#include "linkdrift/inputs/input_plan.h"
#include "linkdrift/inputs/piece_plan.h"
#include "linkdrift/reader/format_sniff.h"
#include "linkdrift/report/options_json.h"

namespace {

using Json = nlohmann::ordered_json;

// Invalid UTF-8 (e.g. from a file name) is replaced, never thrown.
std::string dump_compact(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// A tagged result of `compute()` (which returns the value or throws): {ok: true, value}
// or {ok: false, error}.
template <class F>
emscripten::val tagged(F&& compute) {
  emscripten::val out = emscripten::val::object();
  try {
    emscripten::val value(compute());
    out.set("ok", true);
    out.set("value", value);
  } catch (const std::exception& e) {
    out.set("ok", false);
    out.set("error", std::string(e.what()));
  }
  return out;
}

// A refused argument inside a tagged call.
void require(bool ok, const std::string& error) {
  if (!ok) throw std::invalid_argument(error);
}

linkdrift::ReportOptions report_options(const std::string& options_json) {
  linkdrift::ReportOptions options;
  std::string error;
  require(linkdrift::report_options_from_json(std::string_view(options_json), options, error), error);
  return options;
}

linkdrift::RecordQuery record_query(const std::string& query_json) {
  linkdrift::RecordQuery query;
  std::string error;
  require(linkdrift::record_query_from_json(std::string_view(query_json), query, error), error);
  return query;
}

class WasmAnalyzer {
 public:
  // options_json: {"max_message_mb": 1..4096} (the CLI's --max-message-mb) or
  // '{}' / ''. Bad JSON or values: defaults are used and lastError() says why.
  explicit WasmAnalyzer(const std::string& options_json) {
    linkdrift::AnalyzerOptions options;
    std::string error;
    if (!linkdrift::analyzer_options_from_json(options_json, options, error)) {
      last_error_ = error + "; using the defaults";
      options = {};
    }
    analyzer_ = linkdrift::Analyzer(options);
  }

  void beginFile(const std::string& name) {
    try {
      analyzer_.begin_file(name);
    } catch (const std::exception& e) {
      fail(e);
    }
  }

  // ptr/len: bytes the caller copied into wasm memory (Module._malloc +
  // Module.HEAPU8.set); they are read during this call only.
  void feed(std::uintptr_t ptr, std::size_t len) {
    try {
      analyzer_.feed(std::string_view(reinterpret_cast<const char*>(ptr), len));
    } catch (const std::exception& e) {
      fail(e);
    }
  }

  void endFile() {
    try {
      analyzer_.end_file();
    } catch (const std::exception& e) {
      fail(e);
    }
  }

  // Sizes and offsets are JS numbers (exact up to 2^53 bytes).
  void beginSegment(const std::string& name, double file_size, double start, double end) {
    try {
      analyzer_.begin_segment(name, static_cast<std::uint64_t>(file_size), static_cast<std::uint64_t>(start),
                              static_cast<std::uint64_t>(end));
    } catch (const std::exception& e) {
      fail(e);
    }
  }

  // {offset, length} of the bytes to feed next, or null: the segment is done.
  emscripten::val nextRead() const {
    const std::optional<linkdrift::ReadRequest> r = analyzer_.next_read();
    if (!r) return emscripten::val::null();
    emscripten::val out = emscripten::val::object();
    out.set("offset", static_cast<double>(r->offset));
    out.set("length", static_cast<double>(r->length));
    return out;
  }

  void endSegment() {
    try {
      analyzer_.end_segment();
    } catch (const std::exception& e) {
      fail(e);
    }
  }

  void beginArchive(const std::string& name, double archive_size) {
    try {
      analyzer_.begin_archive(name, static_cast<std::uint64_t>(archive_size));
    } catch (const std::exception& e) {
      fail(e);
    }
  }

  void endArchive() {
    try {
      analyzer_.end_archive();
    } catch (const std::exception& e) {
      fail(e);
    }
  }

  void failFile(const std::string& message) {
    try {
      analyzer_.fail_file(message);
    } catch (const std::exception& e) {
      fail(e);
    }
  }

  void skipFile(const std::string& name, const std::string& reason) {
    try {
      analyzer_.skip_file(name, reason);
    } catch (const std::exception& e) {
      last_error_ = e.what();
    }
  }

  // A copy in JS memory: it stays valid after this analyzer is deleted.
  emscripten::val serialize() {
    return tagged([&] {
      const std::string bytes = analyzer_.serialize();
      return emscripten::val(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data())))
          .call<emscripten::val>("slice");
    });
  }

  emscripten::val mergeSerialized(const emscripten::val& bytes) {
    return tagged([&] {
      const std::vector<std::uint8_t> v = emscripten::convertJSArrayToNumberVector<std::uint8_t>(bytes);
      std::string error;
      require(analyzer_.merge_serialized(std::string_view(reinterpret_cast<const char*>(v.data()), v.size()), &error),
              error);
      return true;
    });
  }

  void clear() { analyzer_.clear(); }

  emscripten::val report(const std::string& options_json) const {
    return tagged([&] { return analyzer_.report_json(report_options(options_json)); });
  }

  emscripten::val linkRecords(const std::string& query_json) const {
    return tagged([&] { return dump_compact(linkdrift::link_records_page(analyzer_.corpus(), record_query(query_json))); });
  }

  emscripten::val linkRecordsCsv(const std::string& query_json, bool excel_safe) const {
    return tagged([&] { return linkdrift::link_records_csv(analyzer_.corpus(), record_query(query_json), excel_safe); });
  }

  emscripten::val graphExport(const std::string& format, const std::string& options_json) const {
    return tagged([&] {
      const std::optional<linkdrift::GraphFormat> f = linkdrift::parse_graph_format(format);
      require(f.has_value(), "unknown graph format '" + format + "' (csv, gexf or graphml)");
      return linkdrift::graph_file(analyzer_.corpus(), report_options(options_json), *f);
    });
  }

  std::string lastError() const { return last_error_; }

 private:
  // An exception inside begin/feed/end (only std::bad_alloc is expected): the
  // current file is marked failed, so the report lists it; lastError() says why.
  void fail(const std::exception& e) {
    last_error_ = e.what();
    try {
      analyzer_.fail_file(std::string("internal error: ") + e.what());
    } catch (...) {
    }
  }

  linkdrift::Analyzer analyzer_;
  std::string last_error_;
};

// paths_json: ["dir/result.json", "dir/messages.html", ...] (one folder's files).
emscripten::val planFolder(const std::string& paths_json) {
  return tagged([&] {
    const Json paths = Json::parse(paths_json, nullptr, false);
    require(paths.is_array(), "planFolder expects a JSON array of paths");
    std::vector<std::string> list;
    for (const Json& p : paths) {
      require(p.is_string(), "planFolder expects a JSON array of paths");
      list.push_back(p.get<std::string>());
    }
    const linkdrift::FolderPlan plan = linkdrift::plan_folder(list);
    Json files = Json::array();
    for (const linkdrift::PlannedFile& f : plan.files)
      files.push_back({{"listed", f.listed}, {"kind", linkdrift::name(f.kind)}, {"skip", f.skip_reason}});
    return dump_compact(Json{{"files", std::move(files)}, {"error", plan.error}});
  });
}

// inputs_json: [{"size": bytes, "splittable": bool}, ...] in reading order.
emscripten::val planPieces(const std::string& inputs_json, int parts) {
  return tagged([&] {
    const Json inputs = Json::parse(inputs_json, nullptr, false);
    const char* usage = "planPieces expects a JSON array of {\"size\": bytes, \"splittable\": bool}";
    require(inputs.is_array(), usage);
    std::vector<std::uint64_t> sizes;
    std::vector<bool> splittable;
    for (const Json& x : inputs) {
      require(x.is_object() && x.contains("size") && x["size"].is_number_unsigned() && x.contains("splittable") &&
                  x["splittable"].is_boolean(),
              usage);
      sizes.push_back(x["size"].get<std::uint64_t>());
      splittable.push_back(x["splittable"].get<bool>());
    }
    Json out = Json::array();
    for (const linkdrift::Piece& p : linkdrift::plan_pieces(sizes, splittable, parts))
      out.push_back({{"input", p.input}, {"begin", p.begin}, {"end", p.end}, {"whole", p.whole}, {"part", p.part}});
    return dump_compact(out);
  });
}

std::string optionTable() { return dump_compact(linkdrift::option_tables_json()); }

std::string sniffFormat(const emscripten::val& bytes, bool at_end) {
  const std::vector<std::uint8_t> v = emscripten::convertJSArrayToNumberVector<std::uint8_t>(bytes);
  return std::string(linkdrift::name(
      linkdrift::sniff_format(std::string_view(reinterpret_cast<const char*>(v.data()), v.size()), at_end)));
}

}  // namespace

EMSCRIPTEN_BINDINGS(linkdrift) {
  emscripten::function("planFolder", &planFolder);
  emscripten::function("planPieces", &planPieces);
  emscripten::function("optionTable", &optionTable);
  emscripten::constant("sniffBytes", static_cast<int>(linkdrift::kSniffBytes));
  emscripten::constant("readChunkBytes", static_cast<int>(linkdrift::kReadChunkBytes));
  emscripten::function("sniffFormat", &sniffFormat);
  emscripten::class_<WasmAnalyzer>("Analyzer")
      .constructor<std::string>()
      .function("beginFile", &WasmAnalyzer::beginFile)
      .function("feed", &WasmAnalyzer::feed)
      .function("endFile", &WasmAnalyzer::endFile)
      .function("beginSegment", &WasmAnalyzer::beginSegment)
      .function("nextRead", &WasmAnalyzer::nextRead)
      .function("endSegment", &WasmAnalyzer::endSegment)
      .function("beginArchive", &WasmAnalyzer::beginArchive)
      .function("endArchive", &WasmAnalyzer::endArchive)
      .function("skipFile", &WasmAnalyzer::skipFile)
      .function("failFile", &WasmAnalyzer::failFile)
      .function("serialize", &WasmAnalyzer::serialize)
      .function("mergeSerialized", &WasmAnalyzer::mergeSerialized)
      .function("clear", &WasmAnalyzer::clear)
      .function("report", &WasmAnalyzer::report)
      .function("linkRecords", &WasmAnalyzer::linkRecords)
      .function("linkRecordsCsv", &WasmAnalyzer::linkRecordsCsv)
      .function("graphExport", &WasmAnalyzer::graphExport)
      .function("lastError", &WasmAnalyzer::lastError);
}
