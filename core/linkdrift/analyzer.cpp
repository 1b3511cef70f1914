#include "linkdrift/analyzer.h"
namespace linkdrift {
struct Analyzer::Impl { Corpus corpus; std::vector<InputError> errors; };
Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;
void Analyzer::on_link_record(LinkRecordCallback) {}
void Analyzer::begin_file(std::string) {}
void Analyzer::feed(std::string_view) {}
void Analyzer::end_file() {}
void Analyzer::merge(Analyzer&&) {}
const Corpus& Analyzer::corpus() const { return impl_->corpus; }
const std::vector<InputError>& Analyzer::errors() const { return impl_->errors; }
std::string Analyzer::report_json(const ReportOptions&) const { return "{}"; }
}  // namespace linkdrift
