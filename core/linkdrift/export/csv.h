// One CSV cell, RFC 4180: a cell with , " CR or LF is quoted, quotes doubled.
// Shared by every CSV the core writes (link records, graph edges).
#pragma once

#include <string>
#include <string_view>

namespace linkdrift {

// Appends `value` and then `end` (',' or '\n'). With excel_safe, a cell
// starting with = + - @ TAB or CR gets a leading ' so spreadsheets never run
// it as a formula.
void append_csv_cell(std::string& out, std::string_view value, bool excel_safe, char end);

}  // namespace linkdrift
