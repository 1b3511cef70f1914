#include "linkdrift/inputs/input_plan.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace linkdrift {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view parent_of(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

std::string_view base_of(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The page number of tdesktop's "messages.html" (1) / "messagesN.html" (N); 0 if not a page name.
std::uint64_t page_number(std::string_view base) {
  const std::string b = lower(base);
  if (!b.starts_with("messages") || !b.ends_with(".html")) return 0;
  const std::string_view digits = std::string_view(b).substr(8, b.size() - 8 - 5);
  if (digits.empty()) return 1;
  if (digits.size() > 12 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return 0;
  return std::stoull(std::string(digits));
}

// Sort key: the path, with a page name replaced by its zero-padded number so that
// messages2.html sorts before messages10.html.
std::string sort_key(std::string_view path) {
  const std::uint64_t page = page_number(base_of(path));
  if (page == 0) return std::string(path);
  std::string number = std::to_string(page);
  number.insert(0, 12 - number.size(), '0');
  return std::string(path.substr(0, path.size() - base_of(path).size())) + "messages" + number + ".html";
}

// macOS archive debris: AppleDouble "._name" files and the __MACOSX/ folder.
bool is_resource_fork(std::string_view path) {
  return base_of(path).starts_with("._") || path.starts_with("__MACOSX/") ||
         path.find("/__MACOSX/") != std::string_view::npos;
}

bool is_non_chat_page(std::string_view path) {
  return lower(base_of(path)) == "export_results.html" || lower(base_of(parent_of(path))) == "lists";
}

std::string join(std::string_view dir, std::string_view name) {
  return dir.empty() ? std::string(name) : std::string(dir) + "/" + std::string(name);
}

constexpr std::string_view kWhatCounts = "result.json, messages*.html or .zip";

std::string nothing_readable(const std::vector<std::string>& paths) {
  if (paths.empty()) return "an empty folder: no Telegram export (" + std::string(kWhatCounts) + ") in it";
  std::string message = std::to_string(paths.size()) + (paths.size() == 1 ? " file, not" : " files, none of them") +
                        " a Telegram export (" + std::string(kWhatCounts) + "): ";
  constexpr std::size_t kNamed = 5;
  for (std::size_t i = 0; i < std::min(paths.size(), kNamed); ++i) message += (i ? ", " : "") + paths[i];
  if (paths.size() > kNamed) message += " and " + std::to_string(paths.size() - kNamed) + " more";
  return message;
}

}  // namespace

InputKind kind_by_name(std::string_view path) {
  const std::string b = lower(base_of(path));
  if (b.ends_with(".json")) return InputKind::json;
  if (b.ends_with(".html") || b.ends_with(".htm")) return InputKind::html;
  if (b.ends_with(".zip")) return InputKind::zip;
  return InputKind::other;
}

std::string_view name(InputKind k) {
  static constexpr std::string_view kNames[] = {"json", "html", "zip", "other"};
  return kNames[static_cast<int>(k)];
}

FolderPlan plan_folder(const std::vector<std::string>& paths, bool in_archive) {
  std::set<std::string> json_exports;  // lower-cased paths of every result.json
  for (const std::string& p : paths)
    if (lower(base_of(p)) == "result.json") json_exports.insert(lower(p));
  // The result.json that covers an HTML page: its own folder's, or the account
  // export's for a page of chats/<chat>/.
  const auto json_for = [&](std::string_view page) -> std::string {
    const std::string_view dir = parent_of(page);
    if (json_exports.count(lower(join(dir, "result.json")))) return join(dir, "result.json");
    const std::string_view chats = parent_of(dir);
    if (lower(base_of(chats)) == "chats" && json_exports.count(lower(join(parent_of(chats), "result.json"))))
      return join(parent_of(chats), "result.json");
    return {};
  };

  FolderPlan plan;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const InputKind kind = kind_by_name(paths[i]);
    if (kind == InputKind::other || is_resource_fork(paths[i]) ||
        (kind == InputKind::html && is_non_chat_page(paths[i])))
      continue;
    PlannedFile f{i, kind, {}};
    if (kind == InputKind::html) {
      const std::string json = json_for(paths[i]);
      if (!json.empty()) f.skip_reason = "the JSON export " + json + " of the same chat is read instead";
    }
    if (kind == InputKind::zip && in_archive) f.skip_reason = "a ZIP archive inside an archive is not read: extract it first";
    plan.files.push_back(std::move(f));
  }
  if (std::none_of(plan.files.begin(), plan.files.end(), [](const PlannedFile& f) { return f.skip_reason.empty(); })) {
    plan.files.clear();
    plan.error = nothing_readable(paths);
    return plan;
  }
  std::vector<std::string> keys(paths.size());
  for (const PlannedFile& f : plan.files) keys[f.listed] = sort_key(paths[f.listed]);
  std::stable_sort(plan.files.begin(), plan.files.end(), [&](const PlannedFile& a, const PlannedFile& b) {
    return keys[a.listed] != keys[b.listed] ? keys[a.listed] < keys[b.listed] : paths[a.listed] < paths[b.listed];
  });
  return plan;
}

}  // namespace linkdrift
