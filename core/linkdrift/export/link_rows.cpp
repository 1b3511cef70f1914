#include "linkdrift/export/link_rows.h"

#include "linkdrift/calendar.h"

namespace linkdrift {
namespace {

void csv_cell(std::string& out, std::string_view value, bool excel_safe, char end) {
  const bool formula = excel_safe && !value.empty() &&
                       (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                        value[0] == '\t' || value[0] == '\r');
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) out.push_back('"');
  if (formula) out.push_back('\'');
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  if (quote) out.push_back('"');
  out.push_back(end);
}

}  // namespace

std::string_view link_csv_header() {
  return "file,chat_id,chat_name,message_id,date,platform,kind,target,url,source,forwarded\n";
}

void append_link_csv(std::string& out, const LinkRecordRow& r, bool excel_safe) {
  csv_cell(out, r.file, excel_safe, ',');
  csv_cell(out, std::to_string(r.chat_id), excel_safe, ',');
  csv_cell(out, r.chat_name, excel_safe, ',');
  csv_cell(out, std::to_string(r.message_id), excel_safe, ',');
  csv_cell(out, iso_utc(r.date), excel_safe, ',');
  csv_cell(out, name(r.platform), excel_safe, ',');
  csv_cell(out, name(r.kind), excel_safe, ',');
  csv_cell(out, r.target, excel_safe, ',');
  csv_cell(out, r.url, excel_safe, ',');
  csv_cell(out, name(r.source), excel_safe, ',');
  csv_cell(out, r.forwarded ? "true" : "false", excel_safe, '\n');
}

nlohmann::ordered_json link_row_json(const LinkRecordRow& r) {
  return {{"file", r.file},           {"chat_id", r.chat_id},   {"chat_name", r.chat_name},
          {"message_id", r.message_id}, {"date", iso_utc(r.date)}, {"platform", name(r.platform)},
          {"kind", name(r.kind)},     {"target", r.target},     {"url", r.url},
          {"source", name(r.source)}, {"forwarded", r.forwarded}};
}

void append_link_jsonl(std::string& out, const LinkRecordRow& r) {
  out += link_row_json(r).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  out.push_back('\n');
}

}  // namespace linkdrift
