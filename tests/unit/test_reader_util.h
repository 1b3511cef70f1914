// Shared helpers for the reader tests: a sink that records every event as a
// comparable string, and feeding an input in different chunkings.
#pragma once

#include <cstdint>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "chunking.h"
#include "linkdrift/reader/export_reader.h"

namespace reader_test {

inline std::string source_name(linkdrift::Source s) {
  switch (s) {
    case linkdrift::Source::text: return "text";
    case linkdrift::Source::entity: return "entity";
    case linkdrift::Source::text_link: return "text_link";
    case linkdrift::Source::button: return "button";
    case linkdrift::Source::mention: return "mention";
  }
  return "?";
}

struct RecordedMessage {
  int chat = -1;
  std::int64_t id = 0;
  std::int64_t date = 0;
  bool service = false;
  bool forwarded = false;
  std::vector<std::pair<std::string, std::string>> fragments;  // (source, text)
};

class Recorder : public linkdrift::ReaderSink {
 public:
  void on_chat_begin(const linkdrift::ChatInfo& chat) override {
    begins.push_back(chat);
    events.push_back("begin " + describe(chat));
  }
  void on_message(int chat_index, const linkdrift::MessageView& m) override {
    RecordedMessage r;
    r.chat = chat_index;
    r.id = m.id;
    r.date = m.date;
    r.service = m.is_service;
    r.forwarded = m.forwarded;
    std::ostringstream os;
    os << "msg chat=" << chat_index << " id=" << m.id << " date=" << m.date << (m.is_service ? " service" : "")
       << (m.forwarded ? " fwd" : "");
    for (const auto& f : m.fragments) {
      r.fragments.emplace_back(source_name(f.source), std::string(f.text));
      os << " [" << source_name(f.source) << ":" << f.text << "]";
    }
    messages.push_back(std::move(r));
    events.push_back(os.str());
  }
  void on_chat_end(const linkdrift::ChatInfo& chat) override {
    ends.push_back(chat);
    events.push_back("end " + describe(chat));
  }
  void on_error(const linkdrift::InputError& e) override {
    errors.push_back(e);
    events.push_back("error " + e.file + "@" + std::to_string(e.offset) + ": " + e.message);
  }

  static std::string describe(const linkdrift::ChatInfo& c) {
    return std::to_string(c.index) + " id=" + std::to_string(c.id) + " name=" + c.name + " type=" + c.type;
  }

  std::vector<std::string> events;
  std::vector<linkdrift::ChatInfo> begins, ends;
  std::vector<RecordedMessage> messages;
  std::vector<linkdrift::InputError> errors;
};

using linkdrift::test::Chunking;
using linkdrift::test::chunking_name;

// Feeds `data` as one file, chunked as feed_chunks() does (each chunk in its
// own allocation, so a reader that kept a pointer into a chunk is caught by ASan).
inline void feed_file(linkdrift::ExportReader& reader, std::string_view data, Chunking chunking,
                      std::uint64_t seed = 1, const std::string& name = "test.json") {
  reader.begin_file(name);
  linkdrift::test::feed_chunks(data, chunking, seed, [&](std::string_view chunk) { reader.feed(chunk); });
  reader.end_file();
}

inline std::vector<std::string> events_for(std::string_view data, Chunking chunking, std::uint64_t seed = 1) {
  Recorder rec;
  linkdrift::ExportReader reader(rec);
  feed_file(reader, data, chunking, seed);
  return rec.events;
}

inline bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

inline std::string fixture(const std::string& name) {
  std::string data;
  read_file(std::string(LINKDRIFT_FIXTURES_DIR) + "/reader/" + name, data);
  return data;
}

}  // namespace reader_test
