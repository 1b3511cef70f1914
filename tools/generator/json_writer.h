// linkdrift-gen: writes JSON byte-for-byte the way Telegram Desktop (v4.13+,
// checked against tdesktop@HEAD export_output_json.cpp) writes result.json.
//
// Traps reproduced on purpose (they are what real exports look like):
//  - one-space indentation derived from nesting depth; "reactions" uses
//    tdesktop's off-by-one nesting (items at +3, closing bracket at +2);
//  - keys are written only when non-empty, in SerializeMessage order;
//  - `text` is a plain string when the message is one plain part, else an
//    array mixing strings and {"type","text"(,"href")} objects;
//  - `date` is ISO local time without offset: the generator's "local time" is
//    UTC, so date == gmtime(date_unixtime);
//  - no trailing newline at end of file.
// Deliberate difference: control characters are escaped as \u00XX (tdesktop
// writes the invalid \xXX); the vocabulary contains none anyway.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

#include "message.h"

namespace gen {

// Growable byte buffer with cheap rollback; the generator writes everything
// into it and flushes to a FILE* only between messages.
class Buffer {
 public:
  explicit Buffer(std::size_t reserve = 1 << 20) { data_.resize(reserve); }

  std::size_t size() const { return pos_; }
  const char *data() const { return data_.data(); }
  void truncate(std::size_t pos) { pos_ = pos; }
  void clear() { pos_ = 0; }

  void put(char c) {
    ensure(1);
    data_[pos_++] = c;
  }
  void put(std::string_view s) {
    ensure(s.size());
    if (!s.empty()) std::memcpy(data_.data() + pos_, s.data(), s.size());
    pos_ += s.size();
  }
  void indent(int n) {
    ensure(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) data_[pos_++] = ' ';
  }
  // '\n' + n spaces.
  void nl(int n) {
    put('\n');
    indent(n);
  }
  // Starts an element of a list at depth n: ',' unless `first` (which it
  // clears), then '\n' + n spaces.
  void next(bool &first, int n) {
    if (!first) put(',');
    first = false;
    nl(n);
  }
  // '\n' + n spaces + a closing bracket ('}' or ']').
  void close(int n, char bracket) {
    nl(n);
    put(bracket);
  }
  void uint(uint64_t v);
  void sint(int64_t v);
  // A JSON string literal with tdesktop's escaping rules (see header note).
  void str(std::string_view s);
  // "YYYY-MM-DDTHH:MM:SS" (UTC) in quotes.
  void date(int64_t unixtime);

 private:
  void ensure(std::size_t n) {
    if (pos_ + n > data_.size()) grow(n);
  }
  void grow(std::size_t n);
  std::vector<char> data_;
  std::size_t pos_ = 0;
};

// Writes the keys of one JSON object whose keys sit at indentation `d`; the
// caller writes '{' before and '}' after. `first` = no key written yet.
struct Obj {
  Buffer &out;
  int d;
  bool first = true;
  void key(std::string_view k) {
    out.next(first, d);
    out.put('"');
    out.put(k);
    out.put("\": ");
  }
  void s(std::string_view k, std::string_view v) { key(k); out.str(v); }
  void u(std::string_view k, uint64_t v) { key(k); out.uint(v); }
  void i(std::string_view k, int64_t v) { key(k); out.sint(v); }
  // "k": date, "k_unixtime": "<seconds>" (how tdesktop writes every date).
  void dt(std::string_view k, int64_t t) {
    key(k);
    out.date(t);
    out.next(first, d);
    out.put('"');
    out.put(k);
    out.put("_unixtime\": \"");
    out.sint(t);
    out.put('"');
  }
};

// JSON "type" of a text part ("plain", "link", "text_link", ...).
std::string_view partTypeName(PartType t);

// Serializes one message object whose '{' is written at indentation `depth`
// (2 in a single-chat export, 5 in a full-account export). Writes no leading
// comma/newline.
void writeMessage(Buffer &out, const Message &m, int depth);

}  // namespace gen
