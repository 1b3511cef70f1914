#include "linkdrift/base/announcement_type.h"

#include <array>
#include <cstddef>

namespace linkdrift {
namespace {

constexpr std::array<std::string_view, kAnnouncementTypeCount> kTypeNames = {"move", "backup", "new_channel",
                                                                             "contact_elsewhere", "leaving"};

}  // namespace

std::string_view name(AnnouncementType t) { return kTypeNames[static_cast<std::size_t>(t)]; }

std::optional<AnnouncementType> parse_announcement_type(std::string_view s) {
  for (std::size_t i = 0; i < kTypeNames.size(); ++i)
    if (s == kTypeNames[i]) return static_cast<AnnouncementType>(i);
  return std::nullopt;
}

}  // namespace linkdrift
