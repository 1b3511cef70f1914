#include "cli/input.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace linkdrift::cli {
namespace fs = std::filesystem;

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      out.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".json") found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

namespace {

constexpr std::uint64_t kProgressMinBytes = 50ull << 20;

// Prints "name  43%  512/1190 MB  812 MB/s  ETA 1s" on stderr, at most ~4x a second.
class Progress {
 public:
  Progress(const std::string& path, std::uint64_t total, bool tty)
      : path_(path), total_(total), tty_(tty), start_(Clock::now()), last_(start_) {}

  void update(std::uint64_t done, bool final = false) {
    const auto now = Clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(tty_ ? 250 : 5000)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(done) / 1e6;
    const double rate = secs > 0 ? mb / secs : 0;
    const double eta = rate > 0 ? (static_cast<double>(total_ - std::min(done, total_)) / 1e6) / rate : 0;
    std::fprintf(stderr, "%s%s  %3.0f%%  %.0f/%.0f MB  %.0f MB/s  ETA %.0fs%s", tty_ ? "\r" : "", path_.c_str(),
                 total_ ? 100.0 * static_cast<double>(done) / static_cast<double>(total_) : 100.0, mb,
                 static_cast<double>(total_) / 1e6, rate, eta, tty_ && !final ? "" : "\n");
    std::fflush(stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::string path_;
  std::uint64_t total_;
  bool tty_;
  Clock::time_point start_, last_;
};

}  // namespace

void read_file_into(Analyzer& analyzer, const std::string& path, const ReadSettings& settings) {
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
  const std::uint64_t total = fs::file_size(path, ec);
  const bool tty = isatty(fileno(stderr)) != 0;
  const bool show = total > kProgressMinBytes && (settings.progress == 1 || (settings.progress == -1 && tty));
  std::unique_ptr<Progress> progress = show ? std::make_unique<Progress>(path, total, tty) : nullptr;

  std::vector<char> buffer(settings.chunk_size);
  std::uint64_t done = 0;
  for (;;) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), f.get());
    if (n > 0) {
      analyzer.feed(std::string_view(buffer.data(), n));
      done += n;
      if (progress) progress->update(done);
    }
    if (n < buffer.size()) break;
  }
  if (std::ferror(f.get())) {
    analyzer.fail_file(std::string("read error: ") + std::strerror(errno));
    return;
  }
  if (progress) progress->update(done, true);
  analyzer.end_file();
}

}  // namespace linkdrift::cli
