// A ReaderSink that records what a reader delivered, so that a fuzz target can
// check that chunking never changes the result (a differential oracle: the
// whole-file read and the chunked read must agree exactly).
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "linkdrift/reader/export_reader.h"

namespace linkdrift::fuzz {

class Fingerprint final : public ReaderSink {
 public:
  void on_chat_begin(const ChatInfo& chat) override { add("chat " + chat.name + " " + std::to_string(chat.id)); }
  void on_message(int chat_index, const MessageView& m) override {
    add("m " + std::to_string(chat_index) + " " + std::to_string(m.id) + " " + std::to_string(m.date) +
        (m.is_service ? " s" : "") + (m.forwarded ? " f" : ""));
    for (const Fragment& f : m.fragments) add(std::to_string(static_cast<int>(f.source)) + ":" + std::string(f.text));
  }
  void on_chat_end(const ChatInfo& chat) override { add("end " + chat.name); }
  void on_error(const InputError& e) override { add("error " + std::to_string(e.offset) + " " + e.message); }

  const std::string& text() const { return text_; }
  bool operator==(const Fingerprint& o) const { return hash_ == o.hash_; }

 private:
  // FNV-1a of every event, plus the first kLogBytes of them for a readable report.
  static constexpr std::size_t kLogBytes = 4096;
  void add(const std::string& s) {
    for (const char c : s) hash_ = (hash_ ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    hash_ = (hash_ ^ '\n') * 0x100000001b3ull;
    if (text_.size() < kLogBytes) text_ += s.substr(0, kLogBytes - text_.size()) + "\n";
  }
  std::uint64_t hash_ = 0xcbf29ce484222325ull;
  std::string text_;
};

// Aborts (a libFuzzer crash) when the two reads differ.
inline void require_same(const Fingerprint& whole, const Fingerprint& chunked) {
  if (whole == chunked) return;
  std::fprintf(stderr, "chunking changed the result\n--- whole:\n%s\n--- chunked:\n%s\n", whole.text().c_str(),
               chunked.text().c_str());
  std::abort();
}

}  // namespace linkdrift::fuzz
