// ValueScanner: the byte-level hot path. Finds where a JSON container (or a
// string) ends, across chunk boundaries, by tracking nesting depth, whether
// it is inside a string, and a pending backslash. String interiors are
// skipped with memchr for '"' and '\\' instead of a per-byte state machine.
//
// It only balances brackets (`{]` is not caught here): a message's bytes are
// validated afterwards by simdjson, skipped sections are not validated.
#pragma once

#include <cstddef>
#include <cstdint>

namespace linkdrift::reader {

class ValueScanner {
 public:
  // Scanning starts just after the opening '{' or '['.
  void start_container() { reset(1, false); }
  // Scanning starts just after the opening '"' of a string value.
  void start_string() { reset(0, true); }

  // Consumes bytes p[0..n). Returns how many were consumed: all n if the
  // value continues past the chunk, else up to and including its last byte
  // (then done() is true).
  std::size_t scan(const char* p, std::size_t n);

  bool done() const { return done_; }
  // An unescaped `\x` was seen inside a string (tdesktop's \xHH defect).
  bool saw_hex_escape() const { return saw_hex_escape_; }

 private:
  void reset(std::uint32_t depth, bool in_string) {
    depth_ = depth;
    in_string_ = in_string;
    escape_ = false;
    done_ = false;
    saw_hex_escape_ = false;
  }

  std::uint32_t depth_ = 0;
  bool in_string_ = false;
  bool escape_ = false;  // the previous chunk ended on an unescaped backslash
  bool done_ = false;
  bool saw_hex_escape_ = false;
};

}  // namespace linkdrift::reader
