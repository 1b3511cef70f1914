#include "linkdrift/reader/html/html_date.h"

#include "linkdrift/reader/date_parse.h"
#include "linkdrift/reader/html/html_scan.h"

namespace linkdrift::html {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "+HH:MM", "-H", "+HHMM"... (after "UTC") -> minutes east. "" -> 0.
bool parse_offset(std::string_view s, int& minutes) {
  minutes = 0;
  if (s.empty()) return true;
  if (s[0] != '+' && s[0] != '-') return false;
  const int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  std::size_t i = 0;
  int hours = 0;
  while (i < s.size() && i < 2 && is_digit(s[i])) hours = hours * 10 + (s[i++] - '0');
  if (i == 0) return false;
  int mins = 0;
  if (i < s.size()) {
    if (s[i] == ':') ++i;
    if (s.size() - i != 2 || !is_digit(s[i]) || !is_digit(s[i + 1])) return false;
    mins = (s[i] - '0') * 10 + (s[i + 1] - '0');
  }
  if (hours > 23 || mins > 59) return false;
  minutes = sign * (hours * 60 + mins);
  return true;
}

}  // namespace

bool parse_html_date(std::string_view title, int assumed_offset_minutes, HtmlDate& out) {
  title = trim_ws(title);
  // "DD.MM.YYYY HH:MM:SS" is 19 bytes; rearranged into the ISO form the JSON reader parses.
  if (title.size() < 19 || title[2] != '.' || title[5] != '.' || title[10] != ' ') return false;
  const char iso[19] = {title[6], title[7], title[8], title[9], '-', title[3], title[4], '-', title[0], title[1],
                        'T', title[11], title[12], title[13], title[14], title[15], title[16], title[17], title[18]};
  std::int64_t local = 0;
  if (!reader::parse_iso_datetime_as_utc(std::string_view(iso, sizeof iso), local)) return false;
  std::string_view rest = title.substr(19);
  int offset = assumed_offset_minutes;
  out.assumed_zone = rest.empty();
  if (!rest.empty()) {
    if (!rest.starts_with(" UTC") || !parse_offset(rest.substr(4), offset)) return false;
  }
  out.utc = local - static_cast<std::int64_t>(offset) * 60;
  return true;
}

}  // namespace linkdrift::html
