#include "linkdrift/reader/format_sniff.h"

namespace linkdrift {

FileFormat sniff_format(std::string_view head, bool at_end) {
  if (head.size() >= 4 && head[0] == 'P' && head[1] == 'K' &&
      ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6)))
    return FileFormat::zip;
  if (head.size() < 4 && head.starts_with(std::string_view("PK").substr(0, head.size())) && !at_end)
    return FileFormat::undecided;
  std::size_t i = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  if (i == 0 && std::string_view("\xEF\xBB\xBF").starts_with(head) && !head.empty() && !at_end)
    return FileFormat::undecided;  // a BOM split by the chunking
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) ++i;
  if (i < head.size()) return head[i] == '<' ? FileFormat::html : FileFormat::json;
  return at_end || head.size() >= kSniffBytes ? FileFormat::json : FileFormat::undecided;
}

}  // namespace linkdrift
