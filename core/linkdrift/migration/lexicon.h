// The announcement phrase lexicon: lexicon.tsv, embedded at build time
// (embed_lexicon.cmake writes it into a generated C++ source in the build dir,
// so the wasm build needs no filesystem).
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace linkdrift::migration {

// What a lexicon phrase means when it matches. The first five are announcement
// types (same order as AnnouncementType). A `leaving` phrase needs no destination:
// with one near it, it announces a move.
enum class PhraseRole : std::uint8_t { move, backup, new_channel, contact_elsewhere, leaving, neutral, report };

struct LexiconEntry {
  PhraseRole role = PhraseRole::neutral;
  std::string language;  // ISO 639-1 code as written in the file
  std::string phrase;    // as written in the file
  std::size_t line = 0;  // 1-based line in the file
};

struct LexiconError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The bytes of lexicon.tsv as compiled into the binary.
std::string_view embedded_lexicon();

// Parses TYPE<TAB>LANGUAGE<TAB>PHRASE lines ('#' comments and blank lines skipped).
// Throws LexiconError naming the line on a malformed line or an unknown type.
std::vector<LexiconEntry> parse_lexicon(std::string_view tsv);

std::string_view role_name(PhraseRole r);

}  // namespace linkdrift::migration
