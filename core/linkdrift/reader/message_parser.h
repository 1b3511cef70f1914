// MessageParser: one message object (its bytes, cut out by the splitter) ->
// MessageView, with simdjson On-Demand. Only the keys linkdrift needs are
// read: id, type, date, date_unixtime, forwarded_from (presence), text,
// inline_bot_buttons, poll. Everything else (text_entities included) is
// skipped by simdjson without being decoded.
//
// Repairs (defect_repair.h) are applied when the scanner saw `\x`, or after a
// failed parse (then the parse is retried once on the repaired bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <simdjson.h>

#include "linkdrift/reader/export_reader.h"

namespace linkdrift::reader {

struct MessageParseResult {
  enum class Status : std::uint8_t {
    ok,       // `out` holds the message
    skipped,  // a "type":"unsupported" placeholder (it carries no content): not delivered
    error,    // `error` says what is wrong; `error_pos` is a byte index in the message
  };
  Status status = Status::ok;
  std::string error;
  std::size_t error_pos = 0;
};

class MessageParser {
 public:
  // `data[0..len)` is one message object; `capacity` >= len + SIMDJSON_PADDING
  // bytes are allocated at `data`. On ok, the string_views in `out` point into
  // this parser and stay valid until the next parse().
  MessageParseResult parse(const char* data, std::size_t len, std::size_t capacity, bool has_hex_escape,
                           MessageView& out);

 private:
  MessageParseResult parse_once(const char* data, std::size_t len, std::size_t capacity, MessageView& out);

  simdjson::ondemand::parser parser_;
  std::string repaired_;
};

// Decodes one JSON scalar token (a string with its quotes, a number, null)
// as found in a chat header; repairs `\xHH` first if needed. Used for the
// chat's `name`, `type` and `id`.
class ScalarDecoder {
 public:
  enum class Result : std::uint8_t { ok, null, wrong_type, invalid_utf8, invalid };
  Result decode_string(std::string_view token, std::string& out);
  Result decode_int(std::string_view token, std::int64_t& out);

 private:
  simdjson::ondemand::parser parser_;
  std::string buf_;
  std::string repaired_;
};

}  // namespace linkdrift::reader
