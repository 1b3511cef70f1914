// AnnouncementType: what an announcement says (migration/announcements.h
// detects them; the store keeps them; the report counts them).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace linkdrift {

// leaving: the chat says it leaves, closes or will say later where it goes, and names no
// destination (a departure phrase followed by a destination is a move). The values are
// stored in serialized corpora: append, never reorder.
enum class AnnouncementType : std::uint8_t { move, backup, new_channel, contact_elsewhere, leaving };
inline constexpr int kAnnouncementTypeCount = 5;
std::string_view name(AnnouncementType t);  // "move", "backup", "new_channel", "contact_elsewhere", "leaving"
std::optional<AnnouncementType> parse_announcement_type(std::string_view s);

}  // namespace linkdrift
