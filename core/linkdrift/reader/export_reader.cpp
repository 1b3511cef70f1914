// STUB: replaced by the real reader.
#include "linkdrift/reader/export_reader.h"
namespace linkdrift {
struct ExportReader::Impl { ReaderSink& sink; std::uint64_t offset = 0; };
ExportReader::ExportReader(ReaderSink& sink) : impl_(std::make_unique<Impl>(Impl{sink})) {}
ExportReader::~ExportReader() = default;
void ExportReader::begin_file(std::string) { impl_->offset = 0; }
void ExportReader::feed(std::string_view bytes) { impl_->offset += bytes.size(); }
void ExportReader::end_file() {}
std::uint64_t ExportReader::offset() const { return impl_->offset; }
}  // namespace linkdrift
