// The link-record export format: the columns of `linkdrift links` and of the
// page's CSV/JSON exports — one contract, one implementation.
//   file,chat_id,chat_name,message_id,date,platform,kind,target,url,source,forwarded
// CSV follows RFC 4180 quoting (export/csv.h: a cell with , " CR or LF is quoted, quotes
// doubled); lines end in LF. Dates are UTC, YYYY-MM-DDTHH:MM:SSZ.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "linkdrift/base/model.h"

namespace linkdrift {

struct LinkRecordRow {
  std::string_view file;
  std::int64_t chat_id;
  std::string_view chat_name;
  std::int64_t message_id;
  std::int64_t date;
  Platform platform;
  Kind kind;
  std::string_view target;
  std::string_view url;
  Source source;
  bool forwarded;
  std::uint32_t chat = 0;  // the chat's index in the corpus (not a column)
};

std::string_view link_csv_header();  // ends in '\n'
// With excel_safe, a cell starting with = + - @ TAB or CR gets a leading '
// so spreadsheets never run it as a formula.
void append_link_csv(std::string& out, const LinkRecordRow& row, bool excel_safe);
nlohmann::ordered_json link_row_json(const LinkRecordRow& row);
// One JSON object and '\n'; invalid UTF-8 in names is replaced, never fatal.
void append_link_jsonl(std::string& out, const LinkRecordRow& row);

}  // namespace linkdrift
