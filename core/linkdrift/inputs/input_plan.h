// InputPlan: which files of a folder (or of a ZIP archive's listing) linkdrift
// reads, in which order, and which it skips and why. One rule set for the CLI's
// directory walk, the ZIP reader and the page's folder picks (via wasm).
//
// Rules (docs/inputs.md):
// - Candidates are *.json, *.html / *.htm and *.zip (case-insensitive), except
//   the pages of tdesktop's account export that are not chat histories
//   (export_results.html, lists/*.html) and macOS debris (._name, __MACOSX/).
//   Media, css, js: ignored, never read.
// - Order: by path, except that HTML pages of one folder go by page number
//   (messages.html = 1, messages2.html, ... messages10.html).
// - A folder that holds result.json reads it and skips its HTML pages (tdesktop
//   writes both formats into one folder when asked): the pages are listed as
//   skipped with the reason. The same for chats/<chat>/messages*.html below an
//   account export's result.json.
// - A folder with no candidate is an error naming what was found.
// Explicitly named files are not planned: they are read whatever their name
// (the format is sniffed from the bytes, reader/format_sniff.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace linkdrift {

enum class InputKind : std::uint8_t { json, html, zip, other };

// The kind a file's name suggests (extension only; case-insensitive).
InputKind kind_by_name(std::string_view path);
std::string_view name(InputKind k);  // "json", "html", "zip", "other"

struct PlannedFile {
  std::size_t listed = 0;   // index in the listing given to plan_folder
  InputKind kind = InputKind::other;
  std::string skip_reason;  // non-empty: listed as skipped, not read
};

struct FolderPlan {
  std::vector<PlannedFile> files;  // in reading order (skipped ones at their place)
  std::string error;               // non-empty: nothing to read (`files` is empty)
};

// Plans `paths` (files below one folder or in one archive, '/'-separated,
// relative or not; directories excluded). In an archive (`in_archive`), a
// ZIP entry is listed as skipped: an archive is read with random access, which
// an entry inside another does not offer. Pure.
FolderPlan plan_folder(const std::vector<std::string>& paths, bool in_archive = false);

}  // namespace linkdrift
