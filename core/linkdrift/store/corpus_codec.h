// CorpusCodec: a Corpus as compact bytes and back, so that analyzers that
// share no memory (web workers, each its own wasm instance) can be merged:
// worker.serialize() -> bytes -> main.merge_serialized(bytes).
//
// Format (all integers LEB128 varints, signed ones zigzag): "LDC" + version
// byte, then the url table, the target table, the files (with their
// SegmentEdges), the chats (info, counts, both minute histograms, link rows,
// announcements). Url form codes are those of this build: the bytes are meant
// for another instance of the same module, not for storage.
//
// CONTRACT: decode() never trusts its input: any truncation, out-of-range id
// or enum, or trailing byte yields false with `error` naming the problem, and
// `out` is then unspecified (never undefined behaviour).
#pragma once

#include <string>
#include <string_view>

#include "linkdrift/store/corpus.h"

namespace linkdrift {

class CorpusCodec {
 public:
  static std::string encode(const Corpus& corpus);
  static bool decode(std::string_view bytes, Corpus& out, std::string& error);
};

}  // namespace linkdrift
