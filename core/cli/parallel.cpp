#include "cli/parallel.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace linkdrift::cli {
namespace fs = std::filesystem;

std::vector<std::vector<Piece>> plan_pieces(const std::vector<std::uint64_t>& sizes,
                                            const std::vector<bool>& splittable, int jobs) {
  const auto n = static_cast<std::uint64_t>(std::max(jobs, 1));
  std::uint64_t total = 0;
  for (const std::uint64_t s : sizes) total += s;
  std::vector<std::vector<Piece>> plan(n);
  // Thread t reads the bytes [t * total / n, (t + 1) * total / n) of the inputs laid end to end.
  const auto thread_at = [&](std::uint64_t pos) { return total == 0 ? 0 : std::min(n - 1, pos * n / total); };
  const auto cut = [&](std::uint64_t t) { return total * t / n; };
  std::uint64_t begin = 0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    const std::uint64_t end = begin + sizes[i];
    const std::uint64_t first = thread_at(begin);
    if (sizes[i] < kMinSplitBytes || !splittable[i] || thread_at(end - 1) == first) {
      plan[first].push_back({i, 0, sizes[i], true});
    } else {
      for (std::uint64_t t = first; t <= thread_at(end - 1); ++t) {
        const std::uint64_t from = std::max(cut(t), begin) - begin;
        const std::uint64_t to = std::min(cut(t + 1), end) - begin;
        if (from < to) plan[t].push_back({i, from, to, false});
      }
    }
    begin = end;
  }
  return plan;
}

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
  const std::vector<std::vector<Piece>> plan = plan_pieces(sizes, splittable, jobs);
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
          read_segment_into(parts[t], items[p.input].path, sizes[p.input], p.cut_begin, p.cut_end, settings,
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
