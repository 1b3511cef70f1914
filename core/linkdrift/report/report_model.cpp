#include "linkdrift/report/report_model.h"

namespace linkdrift {

std::string_view name(ContinuedBy c) {
  switch (c) {
    case ContinuedBy::destination: return "destination";
    case ContinuedBy::born_with_announcement: return "born_with_announcement";
    case ContinuedBy::same_name: return "same_name";
    case ContinuedBy::successor: return "successor";
  }
  return "";
}

std::string_view name(SuccessorEvidence e) {
  switch (e) {
    case SuccessorEvidence::announced: return "announced";
    case SuccessorEvidence::name: return "name";
    case SuccessorEvidence::cross_link: return "cross_link";
  }
  return "";
}

std::string_view name(Relation r) { return r == Relation::announced ? "announced" : "cross_link"; }

}  // namespace linkdrift
