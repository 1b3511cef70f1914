// linkdrift CLI: report | links | summary | graph over Telegram Desktop exports.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/input.h"
#include "cli/links_output.h"
#include "cli/options.h"
#include "cli/parallel.h"
#include "cli/summary.h"
#include "linkdrift/analyzer.h"
#include "linkdrift/export/graph_export.h"
#include "linkdrift/report/report_builder.h"
#include "linkdrift/report/report_json.h"

namespace {

using namespace linkdrift;
using namespace linkdrift::cli;

constexpr int kExitOk = 0, kExitInputFailed = 1, kExitUsage = 2;

int run(const CliOptions& o) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(nullptr, &std::fclose);
  std::FILE* out = stdout;
  if (!o.out.empty()) {
    file.reset(std::fopen(o.out.c_str(), "wb"));
    if (!file) {
      std::perror(("linkdrift: cannot write " + o.out).c_str());
      return kExitUsage;
    }
    out = file.get();
  }

  Analyzer analyzer(o.analyzer);
  ReadSettings settings{o.chunk_size, o.progress ? (*o.progress ? 1 : 0) : (o.command == Command::summary ? 1 : -1)};
  read_inputs(analyzer, o.analyzer, expand_inputs(o.inputs), settings, o.jobs > 0 ? o.jobs : default_jobs());
  for (const InputError& e : analyzer.errors()) {
    std::fprintf(stderr, "linkdrift: error: %s: byte %llu: %s\n", e.file.c_str(),
                 static_cast<unsigned long long>(e.offset), e.message.c_str());
  }

  if (o.command == Command::report) {
    const std::string json = report_text(build_report(analyzer.corpus(), o.report), o.compact ? -1 : 1);
    std::fwrite(json.data(), 1, json.size(), out);
    std::fputc('\n', out);
  } else if (o.command == Command::links) {
    RecordQuery query;
    query.filter = o.report;  // from/to, --no-forwarded, --exclude-signature
    query.limit = 0;
    write_links(out, analyzer.corpus(), query, o.links_format, o.excel_safe);
  } else if (o.command == Command::graph) {
    const std::string text = graph_file(analyzer.corpus(), o.report, o.graph_format, o.excel_safe);
    std::fwrite(text.data(), 1, text.size(), out);
  } else if (o.command == Command::summary) {
    print_summary(out, build_report(analyzer.corpus(), o.report));
  }
  if (std::fflush(out) != 0 || std::ferror(out)) {
    std::perror("linkdrift: write failed");
    return kExitInputFailed;
  }
  return analyzer.errors().empty() ? kExitOk : kExitInputFailed;
}

}  // namespace

int main(int argc, char** argv) {
  std::string error;
  const auto options = parse_args(std::vector<std::string>(argv + 1, argv + argc), error);
  if (!options) {
    std::fprintf(stderr, "linkdrift: %s\nTry 'linkdrift --help'.\n", error.c_str());
    return kExitUsage;
  }
  if (options->command == Command::help) {
    std::fputs(usage().c_str(), stdout);
    return kExitOk;
  }
  if (options->command == Command::options) {
    std::puts(option_tables_json().dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    return kExitOk;
  }
  if (options->command == Command::version) {
    std::puts("linkdrift " LINKDRIFT_VERSION);
    return kExitOk;
  }
  return run(*options);
}
