// InputPlan: which files of a folder or archive are read, in which order.
#include <doctest/doctest.h>

#include "linkdrift/inputs/input_plan.h"
#include "linkdrift/reader/format_sniff.h"

namespace linkdrift {
namespace {

// The plan as "path" (read) / "path (skip)" strings, in reading order.
std::vector<std::string> planned(const std::vector<std::string>& paths, bool in_archive = false) {
  std::vector<std::string> out;
  for (const PlannedFile& f : plan_folder(paths, in_archive).files)
    out.push_back(paths[f.listed] + (f.skip_reason.empty() ? "" : " (skip)"));
  return out;
}

TEST_CASE("input plan: HTML pages go by page number, media is ignored") {
  const std::vector<std::string> paths = {
      "Chat/messages10.html", "Chat/messages2.html", "Chat/css/style.css", "Chat/messages.html",
      "Chat/photos/photo_1@05-01-2024_10-00-00.jpg", "Chat/js/script.js", "Chat/messages3.html"};
  CHECK(planned(paths) == std::vector<std::string>{"Chat/messages.html", "Chat/messages2.html",
                                                   "Chat/messages3.html", "Chat/messages10.html"});
}

TEST_CASE("input plan: a renamed first page sorts before the numbered pages") {
  CHECK(planned({"x/messages2.html", "x/index.html"}) == std::vector<std::string>{"x/index.html", "x/messages2.html"});
}

TEST_CASE("input plan: a folder with both formats reads result.json and skips its pages") {
  const FolderPlan plan = plan_folder({"E/messages.html", "E/result.json", "E/messages2.html", "F/messages.html"});
  REQUIRE(plan.files.size() == 4);
  CHECK(plan.files[0].listed == 0);
  CHECK(plan.files[0].skip_reason == "the JSON export E/result.json of the same chat is read instead");
  CHECK(plan.files[1].listed == 2);
  CHECK(!plan.files[1].skip_reason.empty());
  CHECK(plan.files[2].listed == 1);
  CHECK(plan.files[2].kind == InputKind::json);
  CHECK(plan.files[2].skip_reason.empty());
  CHECK(plan.files[3].listed == 3);  // another folder's pages are read
  CHECK(plan.files[3].skip_reason.empty());
}

TEST_CASE("input plan: an account export's chat pages are covered by its result.json") {
  CHECK(planned({"A/result.json", "A/export_results.html", "A/lists/chats.html", "A/chats/chat_001/messages.html",
                 "A/chats/chat_001/messages2.html"}) ==
        std::vector<std::string>{"A/chats/chat_001/messages.html (skip)", "A/chats/chat_001/messages2.html (skip)",
                                 "A/result.json"});
  // Without the JSON the chat pages are read, the summary pages never.
  CHECK(planned({"A/export_results.html", "A/lists/contacts.html", "A/chats/chat_001/messages.html"}) ==
        std::vector<std::string>{"A/chats/chat_001/messages.html"});
}

TEST_CASE("input plan: macOS resource forks and __MACOSX/ are never read") {
  CHECK(planned({"__MACOSX/E/._result.json", "E/._result.json", "E/result.json", "x/__MACOSX/y.json"}) ==
        std::vector<std::string>{"E/result.json"});
}

TEST_CASE("input plan: case-insensitive extensions, .htm, zip") {
  CHECK(planned({"b/RESULT.JSON", "a/Export.ZIP", "c/page.htm"}) ==
        std::vector<std::string>{"a/Export.ZIP", "b/RESULT.JSON", "c/page.htm"});
  CHECK(kind_by_name("x/y.Html") == InputKind::html);
  CHECK(kind_by_name("x/y.jpg") == InputKind::other);
  CHECK(name(InputKind::zip) == "zip");
}

TEST_CASE("input plan: an archive inside an archive is listed as skipped") {
  CHECK(planned({"inner.zip", "result.json"}, true) == std::vector<std::string>{"inner.zip (skip)", "result.json"});
  CHECK(planned({"inner.zip", "result.json"}, false) == std::vector<std::string>{"inner.zip", "result.json"});
}

TEST_CASE("input plan: nothing readable is an error that says what was found") {
  const FolderPlan plan = plan_folder({"p/1.jpg", "p/2.jpg", "p/3.jpg", "p/4.jpg", "p/5.jpg", "p/6.jpg", "p/notes.txt"});
  CHECK(plan.files.empty());
  CHECK(plan.error ==
        "7 files, none of them a Telegram export (result.json, messages*.html or .zip): p/1.jpg, p/2.jpg, p/3.jpg, "
        "p/4.jpg, p/5.jpg and 2 more");
  CHECK(plan_folder({"a.txt"}).error == "1 file, not a Telegram export (result.json, messages*.html or .zip): a.txt");
  CHECK(plan_folder({}).error == "an empty folder: no Telegram export (result.json, messages*.html or .zip) in it");
  // Only non-chat pages: nothing readable either.
  CHECK(!plan_folder({"A/export_results.html"}).error.empty());
}

TEST_CASE("format sniffing: from the bytes, never the name") {
  CHECK(sniff_format("{\"name\"", false) == FileFormat::json);
  CHECK(sniff_format("\xEF\xBB\xBF  \n<!DOCTYPE html>", false) == FileFormat::html);
  CHECK(sniff_format("\n\n<html>", false) == FileFormat::html);
  CHECK(sniff_format(std::string_view("PK\x03\x04", 4), false) == FileFormat::zip);
  CHECK(sniff_format(std::string_view("PK\x05\x06", 4), false) == FileFormat::zip);
  CHECK(sniff_format("PK", false) == FileFormat::undecided);
  CHECK(sniff_format("PK", true) == FileFormat::json);
  CHECK(sniff_format("\xEF\xBB", false) == FileFormat::undecided);  // a BOM split by the chunking
  CHECK(sniff_format("   ", false) == FileFormat::undecided);
  CHECK(sniff_format("   ", true) == FileFormat::json);               // the JSON reader reports the empty file
  CHECK(sniff_format("", true) == FileFormat::json);
  CHECK(sniff_format(std::string(kSniffBytes, ' '), false) == FileFormat::json);
  CHECK(sniff_format("garbage", false) == FileFormat::json);         // the JSON reader says what is wrong
}

}  // namespace
}  // namespace linkdrift
