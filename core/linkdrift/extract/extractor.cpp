// STUB: replaced by the real extractor.
#include "linkdrift/extract/extractor.h"
namespace linkdrift {
struct LinkExtractor::Impl {};
LinkExtractor::LinkExtractor() : impl_(std::make_unique<Impl>()) {}
LinkExtractor::~LinkExtractor() = default;
LinkExtractor::LinkExtractor(LinkExtractor&&) noexcept = default;
LinkExtractor& LinkExtractor::operator=(LinkExtractor&&) noexcept = default;
void LinkExtractor::scan(std::string_view, Source, std::vector<Link>&) const {}
}  // namespace linkdrift
