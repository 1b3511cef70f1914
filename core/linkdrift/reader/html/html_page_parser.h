// PageParser: the tdesktop chat-page structure, fed token by token
// (html_tokenizer.h), delivering chat and message events to a ReaderSink.
//
//   div.page_wrap > div.page_header ... div.text (the chat name)
//                 > div.page_body.chat_page > div.history > div.message.{default,service}
//
// CONTRACT
// - Structure is tracked with counters of open <div>s (and <span>/<table>
//   inside a message), never a stack of elements and never recursion: nesting
//   depth costs nothing. A context (message, div.text, ...) is remembered as
//   the div depth it opened at and ends when that div closes. `<div .../>`
//   opens and closes (as a re-serialised XHTML page means it).
// - Only the current message's decoded text is kept (FragmentBuilder); a
//   message whose block exceeds max_message_bytes fails the page.
// - Events: on_chat_begin when div.history opens (the name is known by then),
//   one on_message per div.message.default and per div.message.service with a
//   positive id (or a migrated message's id, <= kMigratedIdLimit), on_chat_end
//   when div.history closes. Errors are returned (token()/finish() false,
//   failure()); the caller reports them and stops feeding.
// - A service message whose text is tdesktop's "This message is not supported
//   ..." placeholder is skipped, as the JSON reader skips "type": "unsupported".
//   A phone call (div.message.default with a media_call block) is a service
//   message, as in JSON ("type": "service", "action": "phone_call").
// - HTML pages carry no time for service messages: their `date` is 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "linkdrift/reader/export_reader.h"
#include "linkdrift/reader/html/html_fragments.h"
#include "linkdrift/reader/html/html_tokenizer.h"

namespace linkdrift::html {

// Date separators are service divs with ids -1, -2, ... (one per day); ids of
// messages migrated from a basic group are id - 1e9, far below.
inline constexpr std::int64_t kMigratedIdLimit = -500'000'000;

struct PageFailure {
  std::uint64_t offset = 0;
  std::string message;
};

class PageParser {
 public:
  explicit PageParser(ReaderSink& sink) : sink_(sink) {}

  void reset(std::string_view file_name, int assumed_utc_offset_minutes, std::size_t max_message_bytes);
  bool token(const Token& t);
  // End of input at `end_offset`; `markup_at` is where an unfinished tag began, if any.
  bool finish(std::uint64_t end_offset, bool in_markup, std::uint64_t markup_at);

  // Whether the next text token can matter (a chat name, a message text or poll, a service
  // text): the reader tells the tokenizer, which skips text otherwise.
  bool wants_text() const {
    return name_depth_ >= 0 || kind_ == Kind::service || (kind_ == Kind::message && (collecting() || details_depth_ >= 0));
  }
  const PageFailure& failure() const { return failure_; }
  bool used_assumed_zone() const { return used_assumed_zone_; }
  std::string limit_text() const;  // max_message_bytes as "256 MB" or "1000 bytes"

 private:
  enum class Kind : unsigned char { none, skip, message, service };

  // Text captured up to kCaptureBytes (service texts, a poll's details line).
  struct Capture {
    std::string text;
    std::size_t raw = 0;
    bool over = false;
    void start();
    void add(std::string_view raw_text);
    bool equals(std::string_view s);
  };

  bool fail(std::uint64_t offset, std::string message);
  void on_text(std::string_view raw, bool decode);
  bool on_start(const Token& t);
  void on_end(std::string_view name);
  bool on_div(const Token& t);
  bool open_page_div(const Token& t, std::uint32_t bits);
  bool open_message(const Token& t, std::uint32_t bits);
  bool open_message_div(const Token& t, std::uint32_t bits);
  bool read_date(const Token& t);
  void open_context(bool answer);
  void on_div_end();
  void end_message();
  void on_anchor(const Token& t);
  void on_span(const Token& t);
  void on_span_end();
  void on_table(const Token& t);
  void on_table_end();
  bool collecting() const { return ctx_depth_ >= 0 && skip_span_ < 0; }

  ReaderSink& sink_;
  std::string file_;
  int assumed_offset_ = 0;
  std::size_t max_bytes_ = 0;
  bool used_assumed_zone_ = false;
  PageFailure failure_;

  // The page.
  std::int64_t depth_ = 0;  // open <div>s
  std::int64_t header_depth_ = -1;
  std::int64_t name_depth_ = -1;
  std::uint64_t name_offset_ = 0;
  std::int64_t history_depth_ = -1;
  bool have_name_ = false;
  bool chat_open_ = false;
  bool done_ = false;
  std::string name_;
  ChatInfo chat_;

  // The current message (depths are div depths; -1: not open).
  Kind kind_ = Kind::none;
  std::int64_t msg_depth_ = -1;
  std::uint64_t msg_offset_ = 0;
  MessageView view_;
  bool have_date_ = false;
  std::int64_t fwd_depth_ = -1;
  std::int64_t media_depth_ = -1;
  std::int64_t poll_depth_ = -1;
  std::int64_t ctx_depth_ = -1;  // div.text, a poll question or answer
  bool ctx_answer_ = false;
  std::int64_t details_depth_ = -1;
  bool todo_ = false;  // the media_poll block is a to-do list (JSON "todo_list", not read)
  std::size_t poll_mark_ = 0;
  std::int64_t span_depth_ = 0;
  std::int64_t skip_span_ = -1;  // span depth of an answer's vote count
  std::int64_t table_depth_ = 0;
  std::int64_t buttons_table_ = -1;
  Capture capture_;
  FragmentBuilder frags_;
  std::string scratch_;
  std::string value_;
  std::string url_;
};

}  // namespace linkdrift::html
