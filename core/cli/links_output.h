// Writes link records as RFC 4180 CSV or JSON lines, as they stream out of the
// analyzer. Columns (the contract): file,chat_id,chat_name,message_id,date,
// platform,kind,target,url,source,forwarded.
#pragma once

#include <cstdio>

#include "cli/options.h"
#include "linkdrift/analyzer.h"

namespace linkdrift::cli {

class LinksWriter {
 public:
  LinksWriter(std::FILE* out, LinksFormat format, bool excel_safe);
  void write_header();
  void write(const LinkRecord& record);

 private:
  void csv_cell(std::string_view value, bool last = false);
  std::FILE* out_;
  LinksFormat format_;
  bool excel_safe_;
  std::string line_;
};

}  // namespace linkdrift::cli
