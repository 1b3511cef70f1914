// linkdrift-gen: deterministic generator of realistic Telegram Desktop exports,
// JSON (result.json) or HTML (messages*.html), for demo data and benchmark
// corpora. See docs/demo-data.md.
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
      "                     [--profile default|phrase-dense] [--quiet]\n"
      "       linkdrift-gen --format html --out DIR [--size S | --json-size S] [...]\n"
      "                     [--html-tz +HH:MM] [--html-old-dates]\n"
      "Writes a synthetic Telegram Desktop JSON export (result.json shape), or with\n"
      "--format html the same messages as tdesktop's HTML export folder\n"
      "(messages*.html; account layout: export_results.html + chats/chat_NNN/).\n"
      "--json-size S: the messages of the JSON export of size S (default: derived\n"
      "from --size so that the folder lands near it). --html-tz: the exporting\n"
      "computer's UTC offset in the date titles (default +03:00); --html-old-dates:\n"
      "titles without the offset (tdesktop < 3.7.6). --profile phrase-dense: most\n"
      "posts also carry a line that uses announcement words without announcing.\n"
      "Same options -> byte-identical output. Defaults: --size 5MB --seed 1\n"
      "--layout account --channels <scaled with size> --out - (stdout) --format json\n"
      "--profile default.\n",
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

// "+03:00", "-05:30", "+3", "UTC", "0" -> minutes east of UTC.
bool parseOffset(std::string_view s, int &out) {
  if (s == "UTC" || s == "Z" || s == "0") {
    out = 0;
    return true;
  }
  if (s.starts_with("UTC")) s.remove_prefix(3);
  if (s.empty() || (s[0] != '+' && s[0] != '-')) return false;
  const int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  int h = 0, m = 0;
  std::size_t i = 0;
  for (; i < s.size() && i < 2 && std::isdigit(static_cast<unsigned char>(s[i])); ++i) h = h * 10 + (s[i] - '0');
  if (i == 0) return false;
  if (i < s.size()) {
    if (s[i] != ':' || s.size() - i != 3) return false;
    for (std::size_t j = i + 1; j < s.size(); ++j) {
      if (!std::isdigit(static_cast<unsigned char>(s[j]))) return false;
      m = m * 10 + (s[j] - '0');
    }
  }
  if (h > 14 || m > 59) return false;
  out = sign * (h * 60 + m);
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
      o.sizeGiven = true;
    } else if (a == "--json-size") {
      const char *v = value();
      if (!parseSize(v, o.jsonSize)) {
        std::fprintf(stderr, "linkdrift-gen: bad --json-size '%s' (e.g. 5MB, 1GB, 4096 bytes minimum)\n", v);
        return 2;
      }
    } else if (a == "--format") {
      const std::string_view v = value();
      if (v == "json") o.format = gen::Format::Json;
      else if (v == "html") o.format = gen::Format::Html;
      else {
        std::fprintf(stderr, "linkdrift-gen: --format must be json or html\n");
        return 2;
      }
    } else if (a == "--html-tz") {
      const char *v = value();
      if (!parseOffset(v, o.htmlTzMinutes)) {
        std::fprintf(stderr, "linkdrift-gen: bad --html-tz '%s' (e.g. +03:00, -05:30, UTC)\n", v);
        return 2;
      }
    } else if (a == "--html-old-dates") {
      o.htmlOldDates = true;
    } else if (a == "--profile") {
      const std::string_view v = value();
      if (v == "default") o.profile = gen::Profile::Default;
      else if (v == "phrase-dense") o.profile = gen::Profile::PhraseDense;
      else {
        std::fprintf(stderr, "linkdrift-gen: --profile must be default or phrase-dense\n");
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
  const bool html = o.format == gen::Format::Html;
  if (html && (o.out == "-" || o.out.empty())) {
    std::fprintf(stderr, "linkdrift-gen: --format html needs --out DIR (a folder)\n");
    return 2;
  }
  if (!html && (o.jsonSize || o.htmlOldDates)) {
    std::fprintf(stderr, "linkdrift-gen: --json-size and --html-old-dates are for --format html\n");
    return 2;
  }
  gen::Stats st;
  const int rc = gen::runExport(o, st);
  if (rc == 0 && html && !o.quiet) {
    std::string same = "--format json --size " + std::to_string(st.jsonSize);
    if (o.seed != 1) same += " --seed " + std::to_string(o.seed);
    if (!o.account) same += " --layout single";
    if (o.channels) same += " --channels " + std::to_string(o.channels);
    if (o.profile == gen::Profile::PhraseDense) same += " --profile phrase-dense";
    std::fprintf(stderr,
                 "linkdrift-gen: wrote %s: %llu bytes, %llu pages, %llu messages, %llu chats in %.2f s; %s %s\n",
                 o.out.c_str(), static_cast<unsigned long long>(st.bytes), static_cast<unsigned long long>(st.pages),
                 static_cast<unsigned long long>(st.messages), static_cast<unsigned long long>(st.chats), st.seconds,
                 st.htmlCapped ? "stopped at --size: the first messages of" : "the same messages as", same.c_str());
    return rc;
  }
  if (rc == 0 && !o.quiet && o.size >= (100ull << 20)) {
    std::fprintf(stderr, "linkdrift-gen: wrote %llu bytes, %llu messages, %llu chats in %.2f s (%.0f MB/s)\n",
                 static_cast<unsigned long long>(st.bytes), static_cast<unsigned long long>(st.messages),
                 static_cast<unsigned long long>(st.chats), st.seconds,
                 static_cast<double>(st.bytes) / (1 << 20) / (st.seconds > 0 ? st.seconds : 1));
  }
  return rc;
}
