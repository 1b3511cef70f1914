// AnnouncementType: what an announcement says (migration/announcements.h
// detects them; the store keeps them; the report counts them).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace linkdrift {

enum class AnnouncementType : std::uint8_t { move, backup, new_channel, contact_elsewhere };
inline constexpr int kAnnouncementTypeCount = 4;
std::string_view name(AnnouncementType t);  // "move", "backup", "new_channel", "contact_elsewhere"
std::optional<AnnouncementType> parse_announcement_type(std::string_view s);

}  // namespace linkdrift
