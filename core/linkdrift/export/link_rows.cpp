#include "linkdrift/export/link_rows.h"

#include "linkdrift/base/calendar.h"
#include "linkdrift/export/csv.h"

namespace linkdrift {

std::string_view link_csv_header() {
  return "file,chat_id,chat_name,message_id,date,platform,kind,target,url,source,forwarded\n";
}

void append_link_csv(std::string& out, const LinkRecordRow& r, bool excel_safe) {
  append_csv_cell(out, r.file, excel_safe, ',');
  append_csv_cell(out, std::to_string(r.chat_id), excel_safe, ',');
  append_csv_cell(out, r.chat_name, excel_safe, ',');
  append_csv_cell(out, std::to_string(r.message_id), excel_safe, ',');
  append_csv_cell(out, iso_utc(r.date), excel_safe, ',');
  append_csv_cell(out, name(r.platform), excel_safe, ',');
  append_csv_cell(out, name(r.kind), excel_safe, ',');
  append_csv_cell(out, r.target, excel_safe, ',');
  append_csv_cell(out, r.url, excel_safe, ',');
  append_csv_cell(out, name(r.source), excel_safe, ',');
  append_csv_cell(out, r.forwarded ? "true" : "false", excel_safe, '\n');
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
