#include "linkdrift/base/file_format.h"

namespace linkdrift {

std::string_view name(FileFormat f) {
  switch (f) {
    case FileFormat::json: return "json";
    case FileFormat::html: return "html";
    case FileFormat::zip: return "zip";
    case FileFormat::undecided: break;
  }
  return "";
}

}  // namespace linkdrift
