// HtmlExportReader: glue between the UTF-8 check, the tokenizer, the page
// structure parser and the sink.
#include "linkdrift/reader/html/html_export_reader.h"

#include "linkdrift/reader/html/html_page_parser.h"
#include "linkdrift/reader/html/html_tokenizer.h"
#include "linkdrift/reader/html/html_utf8_stream.h"

namespace linkdrift {

struct HtmlExportReader::Impl {
  Impl(ReaderSink& s, const HtmlReaderOptions& o) : sink(s), next_options(o), page(s) { start(std::string()); }

  void start(std::string name) {
    options = next_options;
    file = std::move(name);
    offset = 0;
    failed = false;
    ended = false;
    utf8.reset();
    tokenizer.reset(options.max_message_bytes);
    page.reset(file, options.assumed_utc_offset_minutes, options.max_message_bytes);
  }

  void fail(std::uint64_t at, std::string message) {
    failed = true;
    sink.on_error(InputError{file, at, std::move(message)});
  }

  // Runs the tokens of the bytes pushed so far through the page parser.
  bool drain() {
    while (tokenizer.next(token)) {
      if (!page.token(token)) {
        fail(page.failure().offset, page.failure().message);
        return false;
      }
      tokenizer.want_text(page.wants_text());
    }
    if (tokenizer.too_large()) {
      fail(tokenizer.markup_offset(), "tag larger than " + page.limit_text() + " (the limit per message)");
      return false;
    }
    return true;
  }

  void feed(std::string_view bytes) {
    const std::uint64_t base = offset;
    offset += bytes.size();
    if (failed) return;
    std::uint64_t bad = 0;
    const bool valid = utf8.feed(bytes, base, bad);
    // Only the bytes before an invalid sequence are parsed, so the events
    // before the error do not depend on the chunking.
    tokenizer.push(valid ? bytes : bytes.substr(0, bad > base ? static_cast<std::size_t>(bad - base) : 0));
    if (!drain() || valid) return;
    fail(bad, "invalid UTF-8");
  }

  void end_file() {
    ended = true;
    if (failed) return;
    std::uint64_t bad = 0;
    if (!utf8.finish(bad)) return fail(bad, "invalid UTF-8");
    tokenizer.finish();
    if (!drain()) return;
    if (!page.finish(offset, tokenizer.in_markup(), tokenizer.markup_offset())) {
      fail(page.failure().offset, page.failure().message);
    }
  }

  ReaderSink& sink;
  HtmlReaderOptions next_options;
  HtmlReaderOptions options;
  std::string file;
  std::uint64_t offset = 0;
  bool failed = false;
  bool ended = false;
  html::Utf8Stream utf8;
  html::Tokenizer tokenizer;
  html::PageParser page;
  html::Token token;
};

HtmlExportReader::HtmlExportReader(ReaderSink& sink, HtmlReaderOptions options)
    : impl_(std::make_unique<Impl>(sink, options)) {}
HtmlExportReader::~HtmlExportReader() = default;

void HtmlExportReader::set_options(const HtmlReaderOptions& options) { impl_->next_options = options; }
void HtmlExportReader::begin_file(std::string name) { impl_->start(std::move(name)); }

void HtmlExportReader::feed(std::string_view bytes) {
  if (impl_->ended) impl_->start(std::string());
  impl_->feed(bytes);
}

void HtmlExportReader::end_file() {
  if (!impl_->ended) impl_->end_file();
}

std::uint64_t HtmlExportReader::offset() const { return impl_->offset; }
bool HtmlExportReader::failed() const { return impl_->failed; }
bool HtmlExportReader::used_assumed_zone() const { return impl_->page.used_assumed_zone(); }

std::int64_t html_chat_id(std::string_view file_name, std::string_view chat_name) {
  const std::size_t slash = file_name.find_last_of("/\\");
  std::string_view folder;
  if (slash != std::string_view::npos) {
    folder = file_name.substr(0, slash);
    const std::size_t parent = folder.find_last_of("/\\");
    if (parent != std::string_view::npos) folder.remove_prefix(parent + 1);
  }
  std::uint64_t h = 14695981039346656037ull;
  const auto mix = [&h](std::string_view s) {
    for (const char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
  };
  mix(folder);
  mix("\n");
  mix(chat_name);
  const std::int64_t id = -static_cast<std::int64_t>(h & ((std::uint64_t{1} << 53) - 1));
  return id == 0 ? -1 : id;
}

}  // namespace linkdrift
