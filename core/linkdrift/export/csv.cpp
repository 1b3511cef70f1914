#include "linkdrift/export/csv.h"

namespace linkdrift {

void append_csv_cell(std::string& out, std::string_view value, bool excel_safe, char end) {
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

}  // namespace linkdrift
