#include "cli/input.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "linkdrift/inputs/input_plan.h"

namespace linkdrift::cli {
namespace fs = std::filesystem;

std::vector<InputItem> expand_inputs(const std::vector<std::string>& inputs) {
  std::vector<InputItem> out;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      out.push_back({input, InputItem::Action::read, {}});
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) found.push_back(it->path().generic_string());
    }
    std::sort(found.begin(), found.end());
    const FolderPlan plan = plan_folder(found);
    if (!plan.error.empty()) out.push_back({input, InputItem::Action::fail, plan.error});
    for (const PlannedFile& f : plan.files)
      out.push_back({found[f.listed], f.skip_reason.empty() ? InputItem::Action::read : InputItem::Action::skip,
                     f.skip_reason});
  }
  return out;
}

FileFormat sniff_file(const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return FileFormat::undecided;
  std::string head(kSniffBytes, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), f.get()));
  return sniff_format(head, true);
}

constexpr std::uint64_t kProgressMinBytes = 50ull << 20;

Progress::Progress(std::string label, std::uint64_t total, bool tty)
    : label_(std::move(label)), total_(total), tty_(tty), start_(Clock::now()), last_(start_) {}

void Progress::add(std::uint64_t bytes) {
  const std::lock_guard<std::mutex> lock(mutex_);
  done_ += bytes;
  const auto now = Clock::now();
  if (now - last_ < std::chrono::milliseconds(tty_ ? 250 : 5000)) return;
  last_ = now;
  print(false);
}

void Progress::finish() {
  const std::lock_guard<std::mutex> lock(mutex_);
  print(true);
}

void Progress::print(bool final) {
  const double secs = std::chrono::duration<double>(Clock::now() - start_).count();
  const std::uint64_t done = std::min(done_, total_);  // segments may re-read a chat header
  const double mb = static_cast<double>(done) / 1e6;
  const double rate = secs > 0 ? mb / secs : 0;
  const double eta = rate > 0 ? (static_cast<double>(total_ - done) / 1e6) / rate : 0;
  std::fprintf(stderr, "%s%s  %3.0f%%  %.0f/%.0f MB  %.0f MB/s  ETA %.0fs%s", tty_ ? "\r" : "", label_.c_str(),
               total_ ? 100.0 * static_cast<double>(done) / static_cast<double>(total_) : 100.0, mb,
               static_cast<double>(total_) / 1e6, rate, eta, tty_ && !final ? "" : "\n");
  std::fflush(stderr);
}

std::unique_ptr<Progress> make_progress(const std::string& label, std::uint64_t total, const ReadSettings& settings) {
  const bool tty = isatty(fileno(stderr)) != 0;
  const bool show = total > kProgressMinBytes && (settings.progress == 1 || (settings.progress == -1 && tty));
  return show ? std::make_unique<Progress>(label, total, tty) : nullptr;
}

void read_file_into(Analyzer& analyzer, const std::string& path, const ReadSettings& settings,
                    Progress* shared) {
  analyzer.begin_file(path);
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    analyzer.fail_file("is a directory");
    return;
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    analyzer.fail_file(std::string("cannot open: ") + std::strerror(errno));
    return;
  }
  const std::uint64_t size = fs::file_size(path, ec);
  std::unique_ptr<Progress> own = shared ? nullptr : make_progress(path, ec ? 0 : size, settings);
  Progress* progress = shared ? shared : own.get();

  // No bigger than the file (+1 byte to see its end in one read): HTML pages are
  // ~1 MB, and zeroing a 16 MiB buffer per page cost a third of the reading time.
  std::vector<char> buffer(ec ? settings.chunk_size : std::clamp<std::uint64_t>(size + 1, 1, settings.chunk_size));
  for (;;) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), f.get());
    if (n > 0) {
      analyzer.feed(std::string_view(buffer.data(), n));
      if (progress) progress->add(n);
    }
    if (n < buffer.size()) break;
  }
  if (std::ferror(f.get())) {
    analyzer.fail_file(std::string("read error: ") + std::strerror(errno));
    return;
  }
  if (own) own->finish();
  analyzer.end_file();
}

namespace {

// Answers the analyzer's next_read() requests from `path` until it has what it needs.
void answer_reads(Analyzer& analyzer, const std::string& path, Progress* progress) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    analyzer.fail_file(std::string("cannot open: ") + std::strerror(errno));
    return;
  }
  std::vector<char> buffer;
  while (const auto r = analyzer.next_read()) {
    buffer.resize(r->length);
    if (fseeko(f.get(), static_cast<off_t>(r->offset), SEEK_SET) != 0) {
      analyzer.fail_file(std::string("read error: ") + std::strerror(errno));
      return;
    }
    const std::size_t n = std::fread(buffer.data(), 1, r->length, f.get());
    if (std::ferror(f.get())) {
      analyzer.fail_file(std::string("read error: ") + std::strerror(errno));
      return;
    }
    analyzer.feed(std::string_view(buffer.data(), n));
    if (progress) progress->add(n);
  }
}

}  // namespace

void read_segment_into(Analyzer& analyzer, const std::string& path, std::uint64_t size, std::uint64_t cut_begin,
                       std::uint64_t cut_end, const ReadSettings& settings, Progress* progress) {
  analyzer.begin_segment(path, size, cut_begin, cut_end, settings.chunk_size);
  answer_reads(analyzer, path, progress);
  analyzer.end_segment();
}

void read_archive_into(Analyzer& analyzer, const std::string& path, std::uint64_t size, const ReadSettings& settings,
                       Progress* shared) {
  analyzer.begin_archive(path, size, settings.chunk_size);
  std::unique_ptr<Progress> own = shared ? nullptr : make_progress(path, size, settings);
  answer_reads(analyzer, path, shared ? shared : own.get());
  if (own) own->finish();
  analyzer.end_archive();
}

void read_item_into(Analyzer& analyzer, const InputItem& item, const ReadSettings& settings, Progress* progress) {
  switch (item.action) {
    case InputItem::Action::skip:
      analyzer.skip_file(item.path, item.reason);
      return;
    case InputItem::Action::fail:
      analyzer.begin_file(item.path);
      analyzer.fail_file(item.reason);
      return;
    case InputItem::Action::read:
      break;
  }
  std::error_code ec;
  if (fs::is_regular_file(item.path, ec) && sniff_file(item.path) == FileFormat::zip) {
    read_archive_into(analyzer, item.path, fs::file_size(item.path, ec), settings, progress);
  } else {
    read_file_into(analyzer, item.path, settings, progress);
  }
}

}  // namespace linkdrift::cli
