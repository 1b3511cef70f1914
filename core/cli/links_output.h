// Streams link records to a file as they come out of the analyzer, in the
// export format of linkdrift/export/link_rows.h (CSV or JSON lines).
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
  std::FILE* out_;
  LinksFormat format_;
  bool excel_safe_;
  std::string line_;
};

}  // namespace linkdrift::cli
