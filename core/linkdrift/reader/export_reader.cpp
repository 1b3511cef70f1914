// ExportReader: glue between the structural splitter (export_splitter.h),
// the per-message parser (message_parser.h) and the sink.
//
// Behaviours chosen here (see also the header):
// - "type": "unsupported" messages (placeholders with only id and type) are
//   skipped: no on_message, no error.
// - A message of an unexpected shape (no "id", "text" a number, ...) is FATAL
//   for its file, like malformed JSON: one on_error, the rest is ignored.
// - feed() without begin_file(), or after end_file(), starts a new file named "".
#include "linkdrift/reader/export_reader.h"

#include "linkdrift/reader/export_splitter.h"
#include "linkdrift/reader/message_parser.h"

namespace linkdrift {

struct ExportReader::Impl final : reader::SplitterEvents {
  explicit Impl(ReaderSink& s) : sink(s) {}

  void chat_begin(const ChatInfo& chat) override { sink.on_chat_begin(chat); }
  void chat_end(const ChatInfo& chat) override { sink.on_chat_end(chat); }
  void error(std::uint64_t at, std::string message) override {
    sink.on_error(InputError{file, at, std::move(message)});
  }
  bool message(int chat_index, const char* data, std::size_t len, std::size_t capacity, std::uint64_t at,
               bool has_hex_escape) override {
    const reader::MessageParseResult r = parser.parse(data, len, capacity, has_hex_escape, view);
    switch (r.status) {
      case reader::MessageParseResult::Status::ok: sink.on_message(chat_index, view); return true;
      case reader::MessageParseResult::Status::skipped: return true;
      case reader::MessageParseResult::Status::error: error(at + r.error_pos, r.error); return false;
    }
    return false;
  }

  void start(std::string name) {
    file = std::move(name);
    offset = 0;
    ended = false;
    splitter.reset();
  }

  ReaderSink& sink;
  std::string file;
  std::uint64_t offset = 0;
  bool ended = false;
  reader::ExportSplitter splitter{*this};
  reader::MessageParser parser;
  MessageView view;
};

ExportReader::ExportReader(ReaderSink& sink, ReaderLimits limits) : impl_(std::make_unique<Impl>(sink)) {
  impl_->splitter.set_max_message_bytes(limits.max_message_bytes);
}
ExportReader::~ExportReader() = default;

void ExportReader::begin_file(std::string name) { impl_->start(std::move(name)); }

void ExportReader::feed(std::string_view bytes) {
  if (impl_->ended) impl_->start(std::string());
  impl_->offset += bytes.size();
  impl_->splitter.feed(bytes.data(), bytes.size());
}

void ExportReader::end_file() {
  if (impl_->ended) return;
  impl_->splitter.finish();
  impl_->ended = true;
}

std::uint64_t ExportReader::offset() const { return impl_->offset; }

void ExportReader::rebase(std::uint64_t offset) {
  impl_->offset = offset;
  impl_->splitter.rebase(offset);
}
bool ExportReader::at_message_slot() const { return impl_->splitter.at_message_slot(); }
std::uint64_t ExportReader::messages_offset() const { return impl_->splitter.messages_offset(); }
const ChatInfo& ExportReader::open_chat() const { return impl_->splitter.open_chat(); }
bool ExportReader::failed() const { return impl_->splitter.failed(); }

}  // namespace linkdrift
