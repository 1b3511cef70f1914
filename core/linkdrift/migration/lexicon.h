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

#include "linkdrift/base/model.h"

namespace linkdrift::migration {

// What a lexicon phrase means when it matches. The first five are announcement
// types (same order as AnnouncementType). A `leaving` phrase needs no destination:
// with one near it, it announces a move. The rest announce nothing themselves:
// neutral and report phrases (see lexicon.tsv), and the words a composed
// announcement is judged by (docs/announcements.md "Composition"): who speaks,
// a denial or hedge, a how-to, an invitation to join, a place.
enum class PhraseRole : std::uint8_t {
  move, backup, new_channel, contact_elsewhere, leaving,
  neutral, report, who, deny, howto, join, where,
};

// How an announcement phrase announces (lexicon TYPE prefix).
enum class PhraseForm : std::uint8_t {
  flat,      // TYPE: specific enough alone (a destination near it, or leaving)
  act,       // act.TYPE: a verb; its sentence needs a `who` and a place
  act_self,  // act1.TYPE: a verb whose form says who (first person, imperative); its sentence needs a place
  noun,      // noun.TYPE: a noun phrase; its sentence needs a who, join or act, or its destination is next to it
};

struct LexiconEntry {
  PhraseRole role = PhraseRole::neutral;
  PhraseForm form = PhraseForm::flat;
  // where.PLATFORM: the platform named (where.here: a pointer to a link, "here", "сюда": deictic).
  Platform place = Platform::web;
  bool deictic = false;
  std::string language;  // ISO 639-1 code as written in the file
  std::string phrase;    // as written in the file
  std::size_t line = 0;  // 1-based line in the file
};

// An announcement role (move … leaving)?
constexpr bool announces(PhraseRole r) { return r <= PhraseRole::leaving; }

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
