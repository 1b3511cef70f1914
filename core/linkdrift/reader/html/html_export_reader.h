// HtmlExportReader: a push parser for Telegram Desktop HTML exports
// (messages.html, messages2.html, ... ; the first page is sometimes renamed,
// e.g. index.html). One page = one chat. It emits the same ReaderSink events
// as ExportReader (export_reader.h) with the same MessageView content, so a
// chat read from HTML gives the link records of its JSON export.
//
// CONTRACT for feed() (the same as ExportReader::feed):
// - The caller owns `bytes`; they need only live for the duration of the call.
//   Chunks may be of ANY size, split ANYWHERE (inside a tag, an attribute
//   value, a character reference, a UTF-8 sequence): the events are identical
//   for every chunking.
// - Events are delivered synchronously from feed()/end_file(), in file order.
//   MessageView string_views are valid ONLY during the on_message() call.
// - Memory is bounded: one message block (its decoded text) and one tag in
//   progress, never the page (no DOM). A message block or a tag larger than
//   max_message_bytes fails the file. Linear time on any input (hostile
//   nesting, unterminated tags, 10 MB attributes, <script>: see html_tokenizer.h).
// - Errors are values: at most one on_error per file (file, byte offset, what
//   was expected), then the rest of the file is ignored until the next
//   begin_file(). end_file() reports an empty file, a truncated page (no end of
//   div.history), and a page that is not a tdesktop chat page.
// - feed() without begin_file(), or after end_file(), starts a new file named "".
//
// What a page gives (see html_page_parser.h, html_fragments.h, html_links.h):
// - ChatInfo{0, html_chat_id(file, name), name from div.page_header (references
//   decoded, whitespace trimmed; first + last name for people, where JSON has
//   the first name only), type ""} (a page does not show the chat type).
// - Per message: id from id="messageN"; date from the message's own
//   div.pull_right.date.details title (not the forwarded one), read in the
//   title's "UTC+HH:MM" or, for old pages without it, in
//   assumed_utc_offset_minutes; forwarded = has div.forwarded.body (a forward
//   tdesktop shows "as original" has none, where JSON has forwarded_from).
// - Fragments as the JSON reader makes them from `text`, `poll` and
//   `inline_bot_buttons`. For parity, nothing else is read: no media block
//   (local paths of photos/files, location map URLs, game links, vCards),
//   no reply links, sender names, signatures or reactions. Service messages
//   get no fragments (the analyzer never scans them) and date 0 (HTML shows no
//   time for them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "linkdrift/reader/export_reader.h"

namespace linkdrift {

struct HtmlReaderOptions {
  int assumed_utc_offset_minutes = 0;  // zone for old-format dates without "UTC±HH:MM"
  std::size_t max_message_bytes = std::size_t{256} << 20;  // one message block larger -> file error
};

class HtmlExportReader {
 public:
  explicit HtmlExportReader(ReaderSink& sink, HtmlReaderOptions options = {});
  ~HtmlExportReader();
  HtmlExportReader(const HtmlExportReader&) = delete;
  HtmlExportReader& operator=(const HtmlExportReader&) = delete;

  void set_options(const HtmlReaderOptions& options);  // takes effect at the next begin_file
  void begin_file(std::string name);  // name = path as given (used for errors and the chat identity)
  void feed(std::string_view bytes);
  void end_file();
  std::uint64_t offset() const;  // bytes fed so far in this file
  bool failed() const;           // an error was reported for this file
  bool used_assumed_zone() const;  // this file had at least one date without an offset

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Stable chat identity for HTML pages, which carry no chat id:
//   -(FNV-1a-64(folder + '\n' + chat_name) & (2^53 - 1)), or -1 if that is 0,
// where `folder` is the base name of the page's parent folder in `file_name`
// (e.g. "ChatExport_2024-01-05" for "x/ChatExport_2024-01-05/messages2.html";
// "" when the name has no folder; '/' and '\\' both separate).
// So the pages of one export share it, exports of different chats differ, and
// it never collides with a JSON chat id (those are positive). The same chat
// exported twice into differently named folders gets two ids.
std::int64_t html_chat_id(std::string_view file_name, std::string_view chat_name);

}  // namespace linkdrift
