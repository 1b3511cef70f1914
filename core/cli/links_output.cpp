#include "cli/links_output.h"

#include "linkdrift/export/link_rows.h"

namespace linkdrift::cli {

void write_links(std::FILE* out, const Corpus& corpus, const RecordQuery& query, LinksFormat format, bool excel_safe) {
  std::string buffer;
  if (format == LinksFormat::csv) buffer.append(link_csv_header());
  for_each_link_record(corpus, query, [&](const LinkRecordRow& row) {
    if (format == LinksFormat::jsonl)
      append_link_jsonl(buffer, row);
    else
      append_link_csv(buffer, row, excel_safe);
    if (buffer.size() >= (1u << 20)) {
      std::fwrite(buffer.data(), 1, buffer.size(), out);
      buffer.clear();
    }
  });
  std::fwrite(buffer.data(), 1, buffer.size(), out);
}

}  // namespace linkdrift::cli
