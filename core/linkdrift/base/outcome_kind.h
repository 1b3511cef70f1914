// Outcome: what a chat did after its first announcement (migration/outcome.h
// classifies; the report keeps and names it).
#pragma once

#include <cstdint>
#include <string_view>

namespace linkdrift {

enum class Outcome : std::uint8_t { went_silent, paused_then_resumed, stayed, declined, continued_elsewhere };

std::string_view name(Outcome outcome);  // "went_silent", "paused_then_resumed", "stayed", "declined", "continued_elsewhere"

}  // namespace linkdrift
