#include "linkdrift/reader/defect_repair.h"

namespace linkdrift::reader {
namespace {

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

constexpr std::string_view kDocumentIdKey = "\"document_id\"";

}  // namespace

bool repair_message(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size() + 64);
  bool changed = false;
  const std::size_t n = in.size();
  std::size_t i = 0;
  while (i < n) {
    const char c = in[i];
    if (c != '"') {
      out.push_back(c);
      ++i;
      continue;
    }
    // A string: copy it, rewriting \xHH escapes.
    const std::size_t string_start = i;
    out.push_back('"');
    ++i;
    while (i < n && in[i] != '"') {
      if (in[i] == '\\' && i + 1 < n) {
        if (in[i + 1] == 'x' && i + 3 < n && is_hex(in[i + 2]) && is_hex(in[i + 3])) {
          out.append("\\u00");
          out.push_back(in[i + 2]);
          out.push_back(in[i + 3]);
          i += 4;
          changed = true;
          continue;
        }
        out.push_back(in[i]);
        out.push_back(in[i + 1]);
        i += 2;
        continue;
      }
      out.push_back(in[i]);
      ++i;
    }
    if (i < n) {
      out.push_back('"');
      ++i;
    }
    // Was it the key "document_id" followed by an unquoted value?
    if (in.substr(string_start, kDocumentIdKey.size()) != kDocumentIdKey ||
        i != string_start + kDocumentIdKey.size()) {
      continue;
    }
    std::size_t j = i;
    while (j < n && is_ws(in[j])) ++j;
    if (j >= n || in[j] != ':') continue;
    ++j;
    while (j < n && is_ws(in[j])) ++j;
    if (j >= n || in[j] == '"' || in[j] == '{' || in[j] == '[') continue;
    std::size_t end = j;
    while (end < n && in[end] != '\n' && in[end] != '\r' && in[end] != '}') ++end;
    std::size_t value_end = end;
    while (value_end > j && is_ws(in[value_end - 1])) --value_end;
    if (value_end > j && in[value_end - 1] == ',') {
      --value_end;
      while (value_end > j && is_ws(in[value_end - 1])) --value_end;
    }
    out.append(in.substr(i, j - i));  // whitespace and ':'
    out.push_back('"');
    for (std::size_t k = j; k < value_end; ++k) {
      const char v = in[k];
      if (v == '"' || v == '\\') out.push_back('\\');
      if (static_cast<unsigned char>(v) < 0x20) {
        out.push_back(' ');
        continue;
      }
      out.push_back(v);
    }
    out.push_back('"');
    i = value_end;
    changed = true;
  }
  return changed;
}

}  // namespace linkdrift::reader
