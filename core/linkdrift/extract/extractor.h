// LinkExtractor: finds every link and contact in a piece of message text and
// classifies it (platform, kind, canonical target) per the classification
// table in docs/classification.md.
//
// CONTRACT
// - scan() accepts ANY bytes: invalid UTF-8, NULs, megabytes without a space.
//   It never throws and runs in linear time (RE2 only, no backtracking).
// - Results are appended in order of position in `text`. Duplicates inside one
//   call are NOT removed; the caller dedups per message by (platform, kind, target).
// - Thread-safe for concurrent scan() calls on one instance (RE2 is).
// Not copyable. Movable.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "linkdrift/base/model.h"

namespace linkdrift {

class LinkExtractor {
 public:
  LinkExtractor();
  ~LinkExtractor();
  LinkExtractor(const LinkExtractor&) = delete;
  LinkExtractor& operator=(const LinkExtractor&) = delete;
  LinkExtractor(LinkExtractor&&) noexcept;
  LinkExtractor& operator=(LinkExtractor&&) noexcept;

  // Appends to `out` every link/contact found in `text`, each with `source`.
  void scan(std::string_view text, Source source, std::vector<Link>& out) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace linkdrift
