// Repairs of tdesktop's known invalid-JSON defects inside one message object.
//
// (1) Control characters written as `\xHH` (tdesktop issue #27571): an
//     unescaped `\xHH` inside a string becomes `\u00HH`. `\\x41` (an escaped
//     backslash followed by "x41") is left alone.
// (2) v4.0.4–v4.1.1 wrote custom_emoji `document_id` as an unquoted file path
//     (issue #24961), e.g. `"document_id": stickers/sticker.webp`: the value,
//     up to the end of its line (or a '}'), is quoted. A trailing ',' on the
//     line stays a separator.
// Only called when a message needs it (the scanner saw `\x`, or simdjson
// rejected the message), so it favours clarity over speed.
#pragma once

#include <string>
#include <string_view>

namespace linkdrift::reader {

// Writes the repaired message to `out` (replacing its content). Returns true
// if anything was rewritten; when false, `out` is unspecified.
bool repair_message(std::string_view in, std::string& out);

}  // namespace linkdrift::reader
