#include "cli/links_output.h"

#include "linkdrift/export/link_rows.h"

namespace linkdrift::cli {

LinksWriter::LinksWriter(std::FILE* out, LinksFormat format, bool excel_safe)
    : out_(out), format_(format), excel_safe_(excel_safe) {}

void LinksWriter::write_header() {
  if (format_ == LinksFormat::csv) std::fwrite(link_csv_header().data(), 1, link_csv_header().size(), out_);
}

void LinksWriter::write(const LinkRecord& r) {
  const LinkRecordRow row{*r.file,          r.chat->id,      r.chat->name,      r.message_id,
                          r.date,           r.link->platform, r.link->kind,     r.link->target,
                          r.link->url,      r.link->source,  r.forwarded};
  line_.clear();
  if (format_ == LinksFormat::jsonl)
    append_link_jsonl(line_, row);
  else
    append_link_csv(line_, row, excel_safe_);
  std::fwrite(line_.data(), 1, line_.size(), out_);
}

}  // namespace linkdrift::cli
