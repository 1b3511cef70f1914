// linkdrift-gen: deterministic generator of realistic Telegram Desktop JSON
// exports (demo data and benchmark corpora). See docs/demo-data.md.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "exporter.h"

namespace {

void usage(FILE *f) {
  std::fputs(
      "usage: linkdrift-gen [--size 5MB|100MB|1GB|5GB|<bytes>] [--seed N]\n"
      "                     [--layout account|single] [--channels N] [--out FILE|-]\n"
      "                     [--quiet]\n"
      "Writes a synthetic Telegram Desktop JSON export (result.json shape).\n"
      "Same options -> byte-identical output. Defaults: --size 5MB --seed 1\n"
      "--layout account --channels <scaled with size> --out - (stdout).\n",
      f);
}

// "5MB", "1GB", "1.5GB", "123456" (bytes), "64KB". Binary units (MB = 2^20).
bool parseSize(std::string_view s, uint64_t &out) {
  std::string num;
  std::size_t i = 0;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) num += s[i++];
  if (num.empty()) return false;
  std::string unit;
  for (; i < s.size(); ++i) unit += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
  double mult = 1;
  if (unit.empty() || unit == "B") mult = 1;
  else if (unit == "K" || unit == "KB" || unit == "KIB") mult = 1024.0;
  else if (unit == "M" || unit == "MB" || unit == "MIB") mult = 1024.0 * 1024;
  else if (unit == "G" || unit == "GB" || unit == "GIB") mult = 1024.0 * 1024 * 1024;
  else return false;
  const double v = std::strtod(num.c_str(), nullptr) * mult;
  if (!(v >= 4096)) return false;
  out = static_cast<uint64_t>(v);
  return true;
}

}  // namespace

int main(int argc, char **argv) {
  gen::Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    auto value = [&]() -> const char * {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "linkdrift-gen: %s needs a value\n", argv[i]);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--help" || a == "-h") {
      usage(stdout);
      return 0;
    } else if (a == "--size") {
      const char *v = value();
      if (!parseSize(v, o.size)) {
        std::fprintf(stderr, "linkdrift-gen: bad --size '%s' (e.g. 5MB, 1GB, 4096 bytes minimum)\n", v);
        return 2;
      }
    } else if (a == "--seed") {
      o.seed = std::strtoull(value(), nullptr, 10);
    } else if (a == "--layout") {
      const std::string_view v = value();
      if (v == "account") o.account = true;
      else if (v == "single") o.account = false;
      else {
        std::fprintf(stderr, "linkdrift-gen: --layout must be account or single\n");
        return 2;
      }
    } else if (a == "--channels") {
      o.channels = std::atoi(value());
      if (o.channels < 1) {
        std::fprintf(stderr, "linkdrift-gen: --channels must be >= 1\n");
        return 2;
      }
    } else if (a == "--out" || a == "-o") {
      o.out = value();
    } else if (a == "--quiet" || a == "-q") {
      o.quiet = true;
    } else {
      std::fprintf(stderr, "linkdrift-gen: unknown option '%s'\n", argv[i]);
      usage(stderr);
      return 2;
    }
  }
  gen::Stats st;
  const int rc = gen::runExport(o, st);
  if (rc == 0 && !o.quiet && o.size >= (100ull << 20)) {
    std::fprintf(stderr, "linkdrift-gen: wrote %llu bytes, %llu messages, %llu chats in %.2f s (%.0f MB/s)\n",
                 static_cast<unsigned long long>(st.bytes), static_cast<unsigned long long>(st.messages),
                 static_cast<unsigned long long>(st.chats), st.seconds,
                 static_cast<double>(st.bytes) / (1 << 20) / (st.seconds > 0 ? st.seconds : 1));
  }
  return rc;
}
