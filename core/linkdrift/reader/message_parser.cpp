#include "linkdrift/reader/message_parser.h"

#include <cstring>
#include <utility>

#include "linkdrift/reader/date_parse.h"
#include "linkdrift/reader/defect_repair.h"
#include "linkdrift/reader/utf8_check.h"

namespace linkdrift::reader {

namespace od = simdjson::ondemand;

namespace {

// Why a parse failed: a simdjson error (malformed JSON) or a shape problem.
struct Failure {
  simdjson::error_code code = simdjson::SUCCESS;
  const char* shape = nullptr;  // set for shape problems
};


// The raw (still escaped) key of a field; keys longer than 24 bytes or with
// escapes come back as "" (never one of ours).
std::string_view key_of(const od::raw_json_string& key) {
  const char* r = key.raw();
  for (std::size_t i = 0; i < 24; ++i) {
    if (r[i] == '"') return {r, i};
    if (r[i] == '\\') return {};
  }
  return {};
}

std::string json_error_text(simdjson::error_code code) {
  switch (code) {
    case simdjson::UTF8_ERROR: return "invalid UTF-8";
    case simdjson::UNESCAPED_CHARS: return "malformed JSON in a message: unescaped control character in a string";
    case simdjson::STRING_ERROR: return "malformed JSON in a message: invalid escape in a string";
    case simdjson::UNCLOSED_STRING: return "malformed JSON in a message: unclosed string";
    case simdjson::NUMBER_ERROR: return "malformed JSON in a message: invalid number";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR: return "malformed JSON in a message: invalid literal";
    case simdjson::DEPTH_ERROR: return "malformed JSON in a message: nested too deeply";
    default: return "malformed JSON in a message";
  }
}

// Walks one message document and fills a MessageView.
class Walker {
 public:
  explicit Walker(MessageView& out) : out_(out) {}

  bool run(od::document& doc, bool& unsupported) {
    od::object obj;
    if (auto e = doc.get_object().get(obj)) return fail(e);
    bool have_id = false;
    bool have_unixtime = false;
    bool have_date = false;
    std::string_view date_text;
    std::string_view type;
    for (auto field_result : obj) {
      od::field field;
      if (auto e = std::move(field_result).get(field)) return fail(e);
      const std::string_view key = key_of(field.key());
      od::value value = field.value();
      switch (key.size()) {
        case 2:
          if (key == "id") {
            if (auto e = value.get_int64().get(out_.id)) {
              od::json_type t{};
              const bool text_id = !value.type().get(t) && t == od::json_type::string;  // a type error leaves the value
              return fail(e, text_id ? "message \"id\" is a string, not an integer: not a Telegram Desktop export "
                                       "(a Discord export from DiscordChatExporter looks like this)"
                                     : "message \"id\" is not an integer");
            }
            have_id = true;
          }
          break;
        case 4:
          if (key == "type") {
            if (auto e = value.get_string().get(type)) return fail(e, "message \"type\" is not a string");
          } else if (key == "date") {
            if (auto e = value.get_string().get(date_text)) return fail(e, "message \"date\" is not a string");
            have_date = true;
          } else if (key == "text") {
            if (!text(value)) return false;
          } else if (key == "poll") {
            if (!poll(value)) return false;
          }
          break;
        case 13:
          if (key == "date_unixtime") {
            if (!unixtime(value)) return false;
            have_unixtime = true;
          }
          break;
        case 14:
          if (key == "forwarded_from") out_.forwarded = true;
          break;
        case 18:
          if (key == "inline_bot_buttons") {
            if (!buttons(value)) return false;
          }
          break;
        default:
          break;
      }
    }
    if (!have_id) return fail(simdjson::SUCCESS, "message has no \"id\"");
    if (!have_unixtime && have_date) {
      if (!parse_iso_datetime_as_utc(date_text, out_.date)) {
        return fail(simdjson::SUCCESS, "message \"date\" is not \"YYYY-MM-DDTHH:MM:SS\"");
      }
    }
    out_.is_service = type == "service";
    unsupported = type == "unsupported";
    return true;
  }

  const Failure& failure() const { return failure_; }

 private:
  bool fail(simdjson::error_code code, const char* shape = nullptr) {
    failure_.code = code;
    // A wrong JSON type is a shape problem; anything else is malformed JSON.
    const bool shape_error = code == simdjson::SUCCESS || code == simdjson::INCORRECT_TYPE ||
                             code == simdjson::NUMBER_OUT_OF_RANGE;
    failure_.shape = shape_error ? shape : nullptr;
    if (shape_error && failure_.shape == nullptr) failure_.shape = "a message has an unexpected shape";
    return false;
  }

  void add(std::string_view text, Source source) {
    if (!text.empty()) out_.fragments.push_back(Fragment{text, source});
  }

  bool unixtime(od::value& value) {
    od::json_type t;
    if (auto e = value.type().get(t)) return fail(e);
    if (t == od::json_type::number) {
      if (auto e = value.get_int64().get(out_.date)) return fail(e, "message \"date_unixtime\" is not an integer");
      return true;
    }
    std::string_view s;
    if (auto e = value.get_string().get(s)) return fail(e, "message \"date_unixtime\" is not a string of digits");
    if (!parse_unix_seconds(s, out_.date)) {
      return fail(simdjson::SUCCESS, "message \"date_unixtime\" is not a string of digits");
    }
    return true;
  }

  // The text format: a string, or an array of strings and {type, text, ...} parts.
  bool text(od::value& value) {
    od::json_type t;
    if (auto e = value.type().get(t)) return fail(e);
    if (t == od::json_type::string) {
      std::string_view s;
      if (auto e = value.get_string().get(s)) return fail(e);
      add(s, Source::text);
      return true;
    }
    if (t == od::json_type::null) return true;
    if (t != od::json_type::array) return fail(simdjson::SUCCESS, "message \"text\" is not a string or an array");
    od::array arr;
    if (auto e = value.get_array().get(arr)) return fail(e);
    for (auto element_result : arr) {
      od::value element;
      if (auto e = element_result.get(element)) return fail(e);
      if (auto e = element.type().get(t)) return fail(e);
      if (t == od::json_type::string) {
        std::string_view s;
        if (auto e = element.get_string().get(s)) return fail(e);
        add(s, Source::text);
      } else if (t == od::json_type::object) {
        if (!text_part(element)) return false;
      } else {
        return fail(simdjson::SUCCESS, "message \"text\" holds something other than strings and objects");
      }
    }
    return true;
  }

  bool text_part(od::value& value) {
    od::object obj;
    if (auto e = value.get_object().get(obj)) return fail(e);
    std::string_view type, part_text, href;
    for (auto field_result : obj) {
      od::field field;
      if (auto e = std::move(field_result).get(field)) return fail(e);
      const std::string_view key = key_of(field.key());
      std::string_view* target = nullptr;
      if (key == "type") {
        target = &type;
      } else if (key == "text") {
        target = &part_text;
      } else if (key == "href") {
        target = &href;
      } else {
        continue;
      }
      if (auto e = field.value().get_string().get(*target)) {
        return fail(e, "a \"text\" part has a non-string \"type\", \"text\" or \"href\"");
      }
    }
    Source source = Source::text;
    if (type == "link" || type == "email") {
      source = Source::entity;
    } else if (type == "mention") {
      source = Source::mention;
    }
    add(part_text, source);
    if (type == "text_link") add(href, Source::text_link);
    return true;
  }

  bool buttons(od::value& value) {
    static constexpr const char* kShape = "message \"inline_bot_buttons\" is not an array of rows of buttons";
    od::array rows;
    if (auto e = value.get_array().get(rows)) return fail(e, kShape);
    for (auto row_result : rows) {
      od::array row;
      if (auto e = row_result.get_array().get(row)) return fail(e, kShape);
      for (auto button_result : row) {
        od::object button;
        if (auto e = button_result.get_object().get(button)) return fail(e, kShape);
        std::string_view type, data;
        bool type_ok = false, data_ok = false;
        for (auto field_result : button) {
          od::field field;
          if (auto e = std::move(field_result).get(field)) return fail(e);
          const std::string_view key = key_of(field.key());
          if (key == "type") {
            type_ok = field.value().get_string().get(type) == simdjson::SUCCESS;
          } else if (key == "data") {
            // `data` is not always a URL (or even a string); only URL button types count.
            data_ok = field.value().get_string().get(data) == simdjson::SUCCESS;
          }
        }
        if (type_ok && data_ok &&
            (type == "url" || type == "auth" || type == "web_view" || type == "simple_web_view")) {
          add(data, Source::button);
        }
      }
    }
    return true;
  }

  bool poll(od::value& value) {
    od::object obj;
    if (auto e = value.get_object().get(obj)) return fail(e, "message \"poll\" is not an object");
    for (auto field_result : obj) {
      od::field field;
      if (auto e = std::move(field_result).get(field)) return fail(e);
      const std::string_view key = key_of(field.key());
      if (key == "question") {
        if (!text(field.value())) return false;
      } else if (key == "answers") {
        static constexpr const char* kShape = "poll \"answers\" is not an array of objects";
        od::array answers;
        if (auto e = field.value().get_array().get(answers)) return fail(e, kShape);
        for (auto answer_result : answers) {
          od::object answer;
          if (auto e = answer_result.get_object().get(answer)) return fail(e, kShape);
          for (auto answer_field_result : answer) {
            od::field answer_field;
            if (auto e = std::move(answer_field_result).get(answer_field)) return fail(e);
            if (key_of(answer_field.key()) == "text") {
              if (!text(answer_field.value())) return false;
            }
          }
        }
      }
    }
    return true;
  }

  MessageView& out_;
  Failure failure_;
};

MessageParseResult error_result(std::string message, std::size_t pos = 0) {
  MessageParseResult r;
  r.status = MessageParseResult::Status::error;
  r.error = std::move(message);
  r.error_pos = pos;
  return r;
}

}  // namespace

MessageParseResult MessageParser::parse_once(const char* data, std::size_t len, std::size_t capacity,
                                             MessageView& out) {
  out.id = 0;
  out.date = 0;
  out.is_service = false;
  out.forwarded = false;
  out.fragments.clear();
  Walker walker(out);
  od::document doc;
  bool unsupported = false;
  if (auto e = parser_.iterate(data, len, capacity).get(doc)) {
    if (e == simdjson::UTF8_ERROR) return error_result("invalid UTF-8", find_invalid_utf8(data, len));
    return error_result(json_error_text(e));
  }
  if (!walker.run(doc, unsupported)) {
    const Failure& f = walker.failure();
    if (f.code == simdjson::UTF8_ERROR) return error_result("invalid UTF-8", find_invalid_utf8(data, len));
    if (f.shape != nullptr) return error_result(f.shape);
    return error_result(json_error_text(f.code));
  }
  MessageParseResult r;
  if (unsupported) r.status = MessageParseResult::Status::skipped;
  return r;
}

MessageParseResult MessageParser::parse(const char* data, std::size_t len, std::size_t capacity,
                                        bool has_hex_escape, MessageView& out) {
  const std::string_view original(data, len);
  if (has_hex_escape && repair_message(original, repaired_)) {
    repaired_.reserve(repaired_.size() + simdjson::SIMDJSON_PADDING);
    MessageParseResult r = parse_once(repaired_.data(), repaired_.size(), repaired_.capacity(), out);
    if (r.status == MessageParseResult::Status::error && r.error == "invalid UTF-8") {
      r.error_pos = find_invalid_utf8(data, len);  // report the position in the original bytes
    }
    return r;
  }
  MessageParseResult r = parse_once(data, len, capacity, out);
  if (r.status != MessageParseResult::Status::error || r.error == "invalid UTF-8") return r;
  // Maybe a defect simdjson tripped over (e.g. an unquoted custom_emoji document_id).
  if (!repair_message(original, repaired_)) return r;
  repaired_.reserve(repaired_.size() + simdjson::SIMDJSON_PADDING);
  MessageParseResult retry = parse_once(repaired_.data(), repaired_.size(), repaired_.capacity(), out);
  if (retry.status == MessageParseResult::Status::error) return r;
  return retry;
}

// ---------------------------------------------------------------------------

ScalarDecoder::Result ScalarDecoder::decode_string(std::string_view token, std::string& out) {
  if (token == "null") return Result::null;
  if (token.empty() || token.front() != '"') return Result::wrong_type;
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (attempt == 1) {
      if (!repair_message(token, repaired_)) break;
      token = repaired_;
    }
    buf_.assign(token);
    buf_.reserve(buf_.size() + simdjson::SIMDJSON_PADDING);
    od::document doc;
    std::string_view s;
    auto e = parser_.iterate(buf_.data(), buf_.size(), buf_.capacity()).get(doc);
    if (!e) e = doc.get_string().get(s);
    if (!e) {
      out.assign(s);
      return Result::ok;
    }
    if (e == simdjson::UTF8_ERROR) return Result::invalid_utf8;
  }
  return Result::invalid;
}

ScalarDecoder::Result ScalarDecoder::decode_int(std::string_view token, std::int64_t& out) {
  if (token == "null") return Result::null;
  if (token.empty() || !(token.front() == '-' || (token.front() >= '0' && token.front() <= '9'))) {
    return Result::wrong_type;
  }
  buf_.assign(token);
  buf_.reserve(buf_.size() + simdjson::SIMDJSON_PADDING);
  od::document doc;
  auto e = parser_.iterate(buf_.data(), buf_.size(), buf_.capacity()).get(doc);
  if (!e) e = doc.get_int64().get(out);
  if (e == simdjson::INCORRECT_TYPE || e == simdjson::NUMBER_OUT_OF_RANGE) {
    return Result::wrong_type;
  }
  return e ? Result::invalid : Result::ok;
}

}  // namespace linkdrift::reader
