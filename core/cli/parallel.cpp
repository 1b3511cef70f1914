#include "cli/parallel.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace linkdrift::cli {
namespace fs = std::filesystem;

int default_jobs() {
  const unsigned cores = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(cores, 1u, 8u));
}

namespace {

void read_sequentially(Analyzer& analyzer, const std::vector<InputItem>& items, const ReadSettings& settings) {
  for (const InputItem& item : items) read_item_into(analyzer, item, settings, nullptr);
}

}  // namespace

void read_inputs(Analyzer& analyzer, const AnalyzerOptions& options, const std::vector<InputItem>& items,
                 const ReadSettings& settings, int jobs) {
  if (jobs <= 1) {
    read_sequentially(analyzer, items, settings);
    return;
  }
  std::vector<std::uint64_t> sizes;
  std::vector<bool> splittable;
  std::uint64_t total = 0;
  for (const InputItem& item : items) {
    std::error_code ec;
    const bool file = item.action == InputItem::Action::read && fs::is_regular_file(item.path, ec);
    const std::uint64_t size = file ? fs::file_size(item.path, ec) : 0;
    sizes.push_back(ec ? 0 : size);
    splittable.push_back(file && sizes.back() >= kMinSplitBytes && sniff_file(item.path) == FileFormat::json);
    total += sizes.back();
  }
  std::vector<std::vector<Piece>> plan(static_cast<std::size_t>(jobs));  // each thread's pieces, in order
  for (const Piece& p : plan_pieces(sizes, splittable, jobs)) plan[p.part].push_back(p);
  const std::unique_ptr<Progress> progress =
      make_progress(items.size() == 1 ? items.front().path : std::to_string(items.size()) + " files", total, settings);
  std::vector<Analyzer> parts;
  for (std::size_t t = 0; t < plan.size(); ++t) parts.emplace_back(options);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < plan.size(); ++t) {
    if (plan[t].empty()) continue;
    threads.emplace_back([&, t] {
      for (const Piece& p : plan[t]) {
        if (p.whole) {
          read_item_into(parts[t], items[p.input], settings, progress.get());
        } else {
          read_segment_into(parts[t], items[p.input].path, sizes[p.input], p.begin, p.end, settings,
                            progress.get());
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  if (progress) progress->finish();
  for (Analyzer& part : parts) {
    std::string error;
    if (!analyzer.merge(std::move(part), &error)) {
      std::fprintf(stderr, "linkdrift: %s; reading again with one thread\n", error.c_str());
      analyzer.clear();
      read_sequentially(analyzer, items, settings);
      return;
    }
  }
}

}  // namespace linkdrift::cli
