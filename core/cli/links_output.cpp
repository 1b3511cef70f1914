#include "cli/links_output.h"

#include <nlohmann/json.hpp>

#include "linkdrift/calendar.h"

namespace linkdrift::cli {

LinksWriter::LinksWriter(std::FILE* out, LinksFormat format, bool excel_safe)
    : out_(out), format_(format), excel_safe_(excel_safe) {}

void LinksWriter::write_header() {
  if (format_ == LinksFormat::csv)
    std::fputs("file,chat_id,chat_name,message_id,date,platform,kind,target,url,source,forwarded\n", out_);
}

// RFC 4180: quote a cell holding a comma, quote, CR or LF; double the quotes.
void LinksWriter::csv_cell(std::string_view value, bool last) {
  const bool formula = excel_safe_ && !value.empty() &&
                       (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                        value[0] == '\t' || value[0] == '\r');
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) line_.push_back('"');
  if (formula) line_.push_back('\'');
  for (char c : value) {
    if (c == '"') line_.push_back('"');
    line_.push_back(c);
  }
  if (quote) line_.push_back('"');
  line_.push_back(last ? '\n' : ',');
}

void LinksWriter::write(const LinkRecord& r) {
  const std::string date = iso_utc(r.date);
  if (format_ == LinksFormat::jsonl) {
    nlohmann::ordered_json j{{"file", *r.file},
                             {"chat_id", r.chat->id},
                             {"chat_name", r.chat->name},
                             {"message_id", r.message_id},
                             {"date", date},
                             {"platform", name(r.link->platform)},
                             {"kind", name(r.link->kind)},
                             {"target", r.link->target},
                             {"url", r.link->url},
                             {"source", name(r.link->source)},
                             {"forwarded", r.forwarded}};
    // Invalid UTF-8 in names is replaced, never fatal.
    line_ = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    line_.push_back('\n');
  } else {
    line_.clear();
    csv_cell(*r.file);
    csv_cell(std::to_string(r.chat->id));
    csv_cell(r.chat->name);
    csv_cell(std::to_string(r.message_id));
    csv_cell(date);
    csv_cell(name(r.link->platform));
    csv_cell(name(r.link->kind));
    csv_cell(r.link->target);
    csv_cell(r.link->url);
    csv_cell(name(r.link->source));
    csv_cell(r.forwarded ? "true" : "false", true);
  }
  std::fwrite(line_.data(), 1, line_.size(), out_);
}

}  // namespace linkdrift::cli
