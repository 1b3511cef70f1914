#include "linkdrift/base/outcome_kind.h"

namespace linkdrift {

std::string_view name(Outcome outcome) {
  switch (outcome) {
    case Outcome::went_silent: return "went_silent";
    case Outcome::paused_then_resumed: return "paused_then_resumed";
    case Outcome::stayed: return "stayed";
    case Outcome::declined: return "declined";
    case Outcome::continued_elsewhere: return "continued_elsewhere";
  }
  return "declined";
}

}  // namespace linkdrift
