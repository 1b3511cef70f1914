// Corpus: everything the analyzer keeps from its inputs (compact, mergeable).
#pragma once
namespace linkdrift {
class Corpus {};
}  // namespace linkdrift
