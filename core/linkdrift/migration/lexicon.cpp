#include "linkdrift/migration/lexicon.h"

#include <array>
#include <optional>
#include <utility>

namespace linkdrift::migration {
namespace {

constexpr std::array<std::string_view, 12> kRoleNames = {
    "move", "backup", "new_channel", "contact_elsewhere", "leaving", "neutral",
    "report", "who", "deny", "howto", "join", "where"};

constexpr std::array<std::pair<std::string_view, PhraseForm>, 3> kFormPrefixes = {
    {{"act.", PhraseForm::act}, {"act1.", PhraseForm::act_self}, {"noun.", PhraseForm::noun}}};

// TYPE: a role name, FORM.TYPE for an announcement role, or where.PLATFORM / where.here.
bool parse_type(std::string_view type, LexiconEntry& e) {
  for (const auto& [prefix, form] : kFormPrefixes)
    if (type.starts_with(prefix)) {
      type.remove_prefix(prefix.size());
      e.form = form;
    }
  if (e.form == PhraseForm::flat && type.starts_with("where.")) {
    type.remove_prefix(6);
    e.role = PhraseRole::where;
    e.deictic = type == "here";
    if (e.deictic) return true;
    const std::optional<Platform> p = parse_platform(type);
    if (p) e.place = *p;
    return p.has_value() && *p != Platform::email;
  }
  for (std::size_t i = 0; i < kRoleNames.size(); ++i)
    if (type == kRoleNames[i]) {
      e.role = static_cast<PhraseRole>(i);
      return e.role != PhraseRole::where && (e.form == PhraseForm::flat || announces(e.role));
    }
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

bool valid_language(std::string_view s) {
  if (s.size() < 2 || s.size() > 8) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || c == '-')) return false;
  return true;
}

}  // namespace

std::string_view role_name(PhraseRole r) { return kRoleNames[static_cast<std::size_t>(r)]; }

std::vector<LexiconEntry> parse_lexicon(std::string_view tsv) {
  std::vector<LexiconEntry> out;
  std::size_t line_no = 0;
  while (!tsv.empty()) {
    ++line_no;
    const std::size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    const auto fail = [&](std::string_view why) {
      throw LexiconError("lexicon.tsv line " + std::to_string(line_no) + ": " + std::string(why) + ": " +
                         std::string(line));
    };
    const std::size_t t1 = line.find('\t');
    const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) fail("expected TYPE<TAB>LANGUAGE<TAB>PHRASE");
    const std::string_view type = line.substr(0, t1);
    const std::string_view lang = line.substr(t1 + 1, t2 - t1 - 1);
    const std::string_view phrase = trim(line.substr(t2 + 1));
    if (phrase.find('\t') != std::string_view::npos) fail("extra column");
    if (phrase.empty() || phrase == "*") fail("empty phrase");
    if (!valid_language(lang)) fail("language must be a lowercase code such as en, ru, pt-br");
    LexiconEntry e;
    if (!parse_type(type, e))
      fail("unknown type (move, backup, new_channel, contact_elsewhere, leaving, neutral, report, who, deny, "
           "howto, join, where.PLATFORM, where.here; act.TYPE, act1.TYPE, noun.TYPE for the first five)");
    e.language = std::string(lang);
    e.phrase = std::string(phrase);
    e.line = line_no;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace linkdrift::migration
