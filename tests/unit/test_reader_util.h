// Shared helpers for the reader tests: a sink that records every event as a
// comparable string, and feeding an input in different chunkings.
#pragma once

#include <cstdint>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

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

enum class Chunking { whole, one_byte, seven_bytes, random };

inline const char* chunking_name(Chunking c) {
  switch (c) {
    case Chunking::whole: return "whole";
    case Chunking::one_byte: return "1-byte";
    case Chunking::seven_bytes: return "7-byte";
    case Chunking::random: return "random";
  }
  return "?";
}

// Feeds `data` as one file. Each chunk is copied into its own allocation (or
// a stack byte), so a reader that kept a pointer into a chunk is caught by ASan.
inline void feed_file(linkdrift::ExportReader& reader, std::string_view data, Chunking chunking,
                      std::uint64_t seed = 1, const std::string& name = "test.json") {
  reader.begin_file(name);
  switch (chunking) {
    case Chunking::whole: {
      const std::string copy(data);
      reader.feed(copy);
      break;
    }
    case Chunking::one_byte:
      for (const char c : data) {
        const char byte = c;
        reader.feed(std::string_view(&byte, 1));
      }
      break;
    case Chunking::seven_bytes:
    case Chunking::random: {
      std::mt19937_64 rng(seed);
      std::size_t pos = 0;
      while (pos < data.size()) {
        std::size_t size = 7;
        if (chunking == Chunking::random) {
          const auto r = rng();
          size = (r % 3 == 0) ? 1 + (r >> 8) % 8 : (r % 3 == 1) ? 1 + (r >> 8) % 512 : 1 + (r >> 8) % 70000;
        }
        if (size > data.size() - pos) size = data.size() - pos;
        const std::string chunk(data.substr(pos, size));
        reader.feed(chunk);
        pos += size;
      }
      break;
    }
  }
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
