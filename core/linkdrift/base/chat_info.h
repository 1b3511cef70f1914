// ChatInfo: which chat of which file a message belongs to, as its export names
// it. Read by the readers, kept by the store, shown by the report.
#pragma once

#include <cstdint>
#include <string>

namespace linkdrift {

struct ChatInfo {
  int index = 0;            // position of the chat in its file, from 0
  std::int64_t id = 0;      // the export's bare chat id (0 when absent)
  std::string name;         // "" when absent or null
  std::string type;         // e.g. "public_channel"; "" when absent
};

}  // namespace linkdrift
