#include "linkdrift/reader/html/html_page_parser.h"

#include "linkdrift/reader/html/html_attrs.h"
#include "linkdrift/reader/html/html_date.h"
#include "linkdrift/reader/html/html_entities.h"
#include "linkdrift/reader/html/html_export_reader.h"
#include "linkdrift/reader/html/html_links.h"
#include "linkdrift/reader/html/html_scan.h"

namespace linkdrift::html {

namespace {

constexpr std::size_t kCaptureBytes = 160;
constexpr std::string_view kUnsupported =
    "This message is not supported by this version of Telegram Desktop. Please update the application.";
constexpr std::string_view kTodoDetails = "To-do List";


// "messageN" (N may be negative) -> N.
bool parse_message_id(std::string_view v, std::int64_t& id) {
  constexpr std::string_view kPrefix = "message";
  if (!v.starts_with(kPrefix)) return false;
  v.remove_prefix(kPrefix.size());
  const bool negative = !v.empty() && v.front() == '-';
  if (negative) v.remove_prefix(1);
  if (v.empty() || v.size() > 18) return false;
  std::int64_t n = 0;
  for (const char c : v) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  id = negative ? -n : n;
  return true;
}

enum class Tag : unsigned char { other, a, br, div, span, table };

// The tags the parser distinguishes, by ASCII case-insensitive name.
Tag tag_of(std::string_view n) {
  switch (n.size()) {
    case 1: return lower(n[0]) == 'a' ? Tag::a : Tag::other;
    case 2: return iequals(n, "br") ? Tag::br : Tag::other;
    case 3: return iequals(n, "div") ? Tag::div : Tag::other;
    case 4: return iequals(n, "span") ? Tag::span : Tag::other;
    case 5: return iequals(n, "table") ? Tag::table : Tag::other;
    default: return Tag::other;
  }
}

constexpr std::uint32_t kDateBits = kPullRight | kDate | kDetails;
constexpr std::uint32_t kForwardedBits = kForwarded | kBody;

}  // namespace

void PageParser::Capture::start() {
  text.clear();
  raw = 0;
  over = false;
}

void PageParser::Capture::add(std::string_view t) {
  if (over) return;
  if (raw == 0) {
    while (!t.empty() && is_ws(t.front())) t.remove_prefix(1);
  }
  raw += t.size();
  if (raw > kCaptureBytes) {
    over = true;
    return;
  }
  append_decoded(text, t);
}

bool PageParser::Capture::equals(std::string_view s) { return !over && trim_ws(text) == s; }

void PageParser::reset(std::string_view file_name, int assumed_utc_offset_minutes, std::size_t max_message_bytes) {
  file_.assign(file_name);
  assumed_offset_ = assumed_utc_offset_minutes;
  max_bytes_ = max_message_bytes;
  used_assumed_zone_ = false;
  failure_ = PageFailure{};
  depth_ = 0;
  header_depth_ = name_depth_ = history_depth_ = -1;
  have_name_ = chat_open_ = done_ = false;
  name_.clear();
  chat_ = ChatInfo{};
  kind_ = Kind::none;
  msg_depth_ = -1;
}

bool PageParser::fail(std::uint64_t offset, std::string message) {
  failure_ = PageFailure{offset, std::move(message)};
  return false;
}

std::string PageParser::limit_text() const {
  const bool whole_mb = max_bytes_ % (std::size_t{1} << 20) == 0;
  return whole_mb ? std::to_string(max_bytes_ >> 20) + " MB" : std::to_string(max_bytes_) + " bytes";
}

bool PageParser::token(const Token& t) {
  if (done_) return true;
  if (kind_ != Kind::none && t.offset + t.size - msg_offset_ > max_bytes_) {
    return fail(msg_offset_, "message larger than " + limit_text() + " (the limit per message)");
  }
  switch (t.kind) {
    case TokenKind::text:
    case TokenKind::raw_text:
      on_text(t.text, t.kind == TokenKind::text);
      if (name_.size() > max_bytes_) return fail(name_offset_, "chat name larger than " + limit_text());
      return true;
    case TokenKind::start_tag: return on_start(t);
    case TokenKind::end_tag: on_end(t.text); return true;
  }
  return true;
}

void PageParser::on_text(std::string_view raw, bool decode) {
  if (name_depth_ >= 0) {
    if (decode) {
      append_decoded(name_, raw);
    } else {
      name_.append(raw);
    }
  } else if (kind_ == Kind::message) {
    if (collecting()) {
      frags_.text(raw, decode);
    } else if (details_depth_ >= 0) {
      capture_.add(raw);
    }
  } else if (kind_ == Kind::service) {
    capture_.add(raw);
  }
}

bool PageParser::on_start(const Token& t) {
  const Tag tag = tag_of(t.text);
  if (tag == Tag::div) return on_div(t);
  if (name_depth_ >= 0 && tag == Tag::br) name_.push_back('\n');
  if (kind_ != Kind::message) return true;
  switch (tag) {
    case Tag::br:
      if (collecting()) frags_.line_break();
      break;
    case Tag::a:
      on_anchor(t);
      if (t.self_closing && collecting()) frags_.close_anchor();
      break;
    case Tag::span:
      on_span(t);
      if (t.self_closing) on_span_end();
      break;
    case Tag::table:
      on_table(t);
      if (t.self_closing) on_table_end();
      break;
    case Tag::div:
    case Tag::other:
      if (collecting()) frags_.boundary();
      break;
  }
  return true;
}

void PageParser::on_end(std::string_view name) {
  const Tag tag = tag_of(name);
  if (tag == Tag::div) {
    on_div_end();
    return;
  }
  if (kind_ != Kind::message) return;
  switch (tag) {
    case Tag::a:
      if (collecting()) frags_.close_anchor();
      break;
    case Tag::span: on_span_end(); break;
    case Tag::table: on_table_end(); break;
    case Tag::br:  // "</br>" is a <br> to a browser
      if (collecting()) frags_.line_break();
      break;
    case Tag::div:
    case Tag::other:
      if (collecting()) frags_.boundary();
      break;
  }
}

bool PageParser::on_div(const Token& t) {
  ++depth_;
  bool ok = true;
  if (!chat_open_) {
    ok = open_page_div(t, class_bits(t, scratch_));
  } else if (kind_ == Kind::none) {
    const std::uint32_t bits = class_bits(t, scratch_);
    if (bits & kMessage) ok = open_message(t, bits);
  } else if (kind_ == Kind::message) {
    if (ctx_depth_ >= 0) {  // a div inside the text (not tdesktop's markup): a part boundary
      if (collecting()) frags_.boundary();
    } else {
      ok = open_message_div(t, class_bits(t, scratch_));
    }
  }
  if (ok && t.self_closing) on_div_end();
  return ok;
}

bool PageParser::open_page_div(const Token& t, std::uint32_t bits) {
  if (!have_name_ && name_depth_ < 0) {
    if (header_depth_ < 0 && (bits & kPageHeader)) {
      header_depth_ = depth_;
    } else if (header_depth_ >= 0 && (bits & kText)) {
      name_depth_ = depth_;
      name_offset_ = t.offset;
      name_.clear();
    }
  }
  if (bits & kHistory) {
    if (!have_name_) return fail(t.offset, "expected div.page_header with the chat name before div.history");
    chat_ = ChatInfo{0, html_chat_id(file_, name_), name_, ""};
    chat_open_ = true;
    history_depth_ = depth_;
    sink_.on_chat_begin(chat_);
  }
  return true;
}

bool PageParser::open_message(const Token& t, std::uint32_t bits) {
  msg_depth_ = depth_;
  msg_offset_ = t.offset;
  std::string_view id_value;
  std::int64_t id = 0;
  const bool known = (bits & (kDefault | kService)) != 0;
  if (!find_attribute(t, "id", id_value) || !parse_message_id(id_value, id)) {
    if (!known) {
      kind_ = Kind::skip;
      return true;
    }
    return fail(t.offset, "expected id=\"messageN\" on a div.message");
  }
  if (bits & kDefault) {
    kind_ = Kind::message;
  } else if ((bits & kService) && (id > 0 || id <= kMigratedIdLimit)) {
    kind_ = Kind::service;
  } else {
    kind_ = Kind::skip;  // a date separator, or an unknown kind of div.message
  }
  view_.id = id;
  view_.date = 0;
  view_.is_service = kind_ == Kind::service;
  view_.forwarded = false;
  view_.fragments.clear();
  have_date_ = false;
  fwd_depth_ = media_depth_ = poll_depth_ = ctx_depth_ = details_depth_ = -1;
  todo_ = false;
  span_depth_ = table_depth_ = 0;
  skip_span_ = buttons_table_ = -1;
  frags_.clear();
  capture_.start();
  return true;
}

bool PageParser::open_message_div(const Token& t, std::uint32_t bits) {
  if ((bits & kDateBits) == kDateBits && !have_date_ && fwd_depth_ < 0 && media_depth_ < 0) return read_date(t);
  if ((bits & kForwardedBits) == kForwardedBits) {
    view_.forwarded = true;
    if (fwd_depth_ < 0) fwd_depth_ = depth_;
    return true;
  }
  if (media_depth_ < 0) {
    if (bits & kMediaWrap) {
      media_depth_ = depth_;
    } else if (bits & kText) {
      open_context(false);
    }
    return true;
  }
  // Inside div.media_wrap only a poll's question and answers are read (the
  // JSON reader reads `poll` and no other media: no location, game or file).
  // A call is drawn as a default message; JSON has it as a service message.
  if (bits & kMediaCall) view_.is_service = true;
  if (poll_depth_ < 0) {
    if (bits & kMediaPoll) {
      poll_depth_ = depth_;
      poll_mark_ = frags_.mark();
    }
    return true;
  }
  if (todo_ || depth_ != poll_depth_ + 1) return true;
  if (bits & kQuestion) {
    open_context(false);
  } else if (bits & kAnswer) {
    open_context(true);
  } else if ((bits & kDetails) && details_depth_ < 0) {
    details_depth_ = depth_;
    capture_.start();
  }
  return true;
}

bool PageParser::read_date(const Token& t) {
  have_date_ = true;
  static constexpr const char* kExpected =
      "expected a message date title \"DD.MM.YYYY HH:MM:SS\" or \"DD.MM.YYYY HH:MM:SS UTC+HH:MM\"";
  std::string_view title;
  if (!find_attribute(t, "title", title)) return fail(t.offset, kExpected);
  value_.clear();
  append_decoded(value_, title);
  HtmlDate date;
  if (!parse_html_date(value_, assumed_offset_, date)) return fail(t.offset, kExpected);
  view_.date = date.utc;
  used_assumed_zone_ = used_assumed_zone_ || date.assumed_zone;
  return true;
}

void PageParser::open_context(bool answer) {
  ctx_depth_ = depth_;
  ctx_answer_ = answer;
  skip_span_ = -1;
  frags_.begin_context(answer);
}

void PageParser::on_div_end() {
  if (depth_ == 0) return;  // a stray </div>
  if (name_depth_ == depth_) {
    name_depth_ = -1;
    have_name_ = true;
    name_.assign(trim_ws(name_));
  }
  if (header_depth_ == depth_) header_depth_ = -1;
  if (kind_ == Kind::message) {
    if (ctx_depth_ == depth_) {
      frags_.end_context();
      ctx_depth_ = -1;
      skip_span_ = -1;
    } else if (ctx_depth_ >= 0 && collecting()) {  // a div inside the text closes: a part boundary
      frags_.boundary();
    }
    if (details_depth_ == depth_) {
      details_depth_ = -1;
      if (capture_.equals(kTodoDetails)) {
        todo_ = true;
        frags_.truncate(poll_mark_);
      }
    }
    if (poll_depth_ == depth_) poll_depth_ = -1;
    if (media_depth_ == depth_) media_depth_ = -1;
    if (fwd_depth_ == depth_) fwd_depth_ = -1;
  }
  if (msg_depth_ == depth_) end_message();
  if (history_depth_ == depth_) {
    chat_open_ = false;
    done_ = true;
    sink_.on_chat_end(chat_);
  }
  --depth_;
}

void PageParser::end_message() {
  if (kind_ == Kind::message) {
    frags_.build(view_.fragments);
    sink_.on_message(0, view_);
  } else if (kind_ == Kind::service && !capture_.equals(kUnsupported)) {
    sink_.on_message(0, view_);
  }
  kind_ = Kind::none;
  msg_depth_ = -1;
}

void PageParser::on_anchor(const Token& t) {
  if (buttons_table_ < 0 && !collecting()) return;  // reply links, media and userpic links: not read
  std::string_view href;
  const bool has_href = find_attribute(t, "href", href);
  if (buttons_table_ >= 0) {  // an inline keyboard button
    value_.clear();
    if (has_href && !href.empty()) {
      append_decoded(value_, href);
      frags_.add(value_, button_source(value_));
      return;
    }
    std::string_view onclick;
    if (!find_attribute(t, "onclick", onclick)) return;
    append_decoded(value_, onclick);
    if (button_url_from_onclick(value_, url_)) frags_.add(url_, button_source(url_));
    return;
  }
  frags_.open_anchor(has_href ? href : std::string_view());
}

void PageParser::on_span(const Token& t) {
  ++span_depth_;
  if (!collecting()) return;
  if (ctx_answer_ && (class_bits(t, scratch_) & kDetails)) {  // " <span class="details">3 votes</span>"
    frags_.drop_trailing_space();
    frags_.boundary();
    skip_span_ = span_depth_;
    return;
  }
  frags_.boundary();
}

void PageParser::on_span_end() {
  if (span_depth_ == 0) return;
  if (skip_span_ == span_depth_) {
    skip_span_ = -1;
  } else if (collecting()) {
    frags_.boundary();
  }
  --span_depth_;
}

void PageParser::on_table(const Token& t) {
  ++table_depth_;
  if (buttons_table_ < 0 && (class_bits(t, scratch_) & kBotButtonsTable)) buttons_table_ = table_depth_;
  if (collecting()) frags_.boundary();
}

void PageParser::on_table_end() {
  if (table_depth_ == 0) return;
  if (buttons_table_ == table_depth_) buttons_table_ = -1;
  if (collecting()) frags_.boundary();
  --table_depth_;
}

bool PageParser::finish(std::uint64_t end_offset, bool in_markup, std::uint64_t markup_at) {
  if (done_) return true;
  if (end_offset == 0) return fail(0, "empty file");
  if (kind_ != Kind::none) return fail(msg_offset_, "unexpected end of file inside a message (truncated page?)");
  if (chat_open_) {
    return fail(in_markup ? markup_at : end_offset, "unexpected end of file before the end of div.history (truncated page?)");
  }
  if (have_name_) {
    return fail(end_offset, "not a chat's messages page: expected div.history after div.page_header");
  }
  return fail(end_offset, "not a Telegram Desktop HTML export: expected div.page_header and div.history");
}

}  // namespace linkdrift::html
