#include "html_writer.h"

#include "civil.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "decimal.h"
#include "prng.h"

namespace gen {

namespace {

constexpr uint64_t kMessagesInFile = 1000;  // tdesktop kMessagesInFile
constexpr int64_t kJoinWithinSeconds = 900;  // tdesktop kJoinWithinSeconds
constexpr int kHistoryUserpicSize = 42;
constexpr int kServiceMessagePhotoSize = 60;
constexpr int kEntryUserpicSize = 48;
constexpr int kPersonalUserpicSize = 90;
constexpr int kSavedMessagesColorIndex = 3;
constexpr int kD = 5;  // tag depth of a message div in div.history

// NoFileDescription(SkipReason::FileType): the JSON's "(File not included. ...)".
constexpr std::string_view kNotIncluded = "Not included, change data exporting settings to download.";
constexpr std::string_view kPlaceholderCss =
    "/* linkdrift-gen placeholder: Telegram Desktop copies its export stylesheet here. */\n";
constexpr std::string_view kPlaceholderJs =
    "// linkdrift-gen placeholder: Telegram Desktop copies its export script here.\n";

// ---- text ------------------------------------------------------------------

// Bytes SerializeString changes: control characters, " & ' < >, and 0xE2 (the
// lead byte of U+2028/U+2029, which become <br>).
struct EscapeTable {
  bool special[256] = {};
  constexpr EscapeTable() {
    for (int c = 0; c < 32; ++c) special[c] = true;
    special[static_cast<unsigned char>('"')] = special[static_cast<unsigned char>('&')] = true;
    special[static_cast<unsigned char>('\'')] = special[static_cast<unsigned char>('<')] = true;
    special[static_cast<unsigned char>('>')] = special[0xE2] = true;
  }
};
constexpr EscapeTable kEscape;
constexpr char kHexDigits[] = "0123456789ABCDEF";

// tdesktop's SerializeString: "\n" -> <br>, U+2028/2029 -> <br>, & < > " ' as
// entities, other control characters as &#xHH;.
void esc(Buffer &b, std::string_view s) {
  const auto *p = reinterpret_cast<const unsigned char *>(s.data());
  const std::size_t n = s.size();
  std::size_t run = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char c = p[i];
    if (!kEscape.special[c]) continue;
    if (c == 0xE2) {
      if (i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
        b.put(s.substr(run, i - run));
        b.put("<br>");
        i += 2;
        run = i + 1;
      }
      continue;
    }
    b.put(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '\n': b.put("<br>"); break;
      case '"': b.put("&quot;"); break;
      case '&': b.put("&amp;"); break;
      case '\'': b.put("&apos;"); break;
      case '<': b.put("&lt;"); break;
      case '>': b.put("&gt;"); break;
      default:
        b.put("&#x");
        b.put(static_cast<char>('0' + (c >> 4)));
        b.put(kHexDigits[c & 15]);
        b.put(';');
        break;
    }
  }
  b.put(s.substr(run));
}

// SerializeString applied twice (tdesktop serializes the already serialized
// hashtag text again for the onclick argument).
void esc2(Buffer &b, std::string_view s) {
  static thread_local Buffer tmp(256);
  tmp.clear();
  esc(tmp, s);
  esc(b, std::string_view(tmp.data(), tmp.size()));
}

void num(Buffer &b, uint64_t v) { b.put(Decimal(v).view()); }
void snum(Buffer &b, int64_t v) {
  if (v < 0) {
    b.put('-');
    num(b, static_cast<uint64_t>(-(v + 1)) + 1);
  } else {
    num(b, static_cast<uint64_t>(v));
  }
}

// ---- tdesktop's HtmlContext: block tags at a depth ---------------------------

// "\n" + d spaces + tag + "\n" (tag is the whole "<...>" text).
void open(Buffer &b, int d, std::string_view tag) {
  b.nl(d);
  b.put(tag);
  b.put('\n');
}
void closeTag(Buffer &b, int d, std::string_view tag) {
  b.nl(d);
  b.put(tag);
  b.put('\n');
}
void closeDiv(Buffer &b, int d) { closeTag(b, d, "</div>"); }
// A block div holding escaped text.
void textDiv(Buffer &b, int d, std::string_view cls, std::string_view text) {
  b.nl(d);
  b.put("<div class=\"");
  b.put(cls);
  b.put("\">\n");
  esc(b, text);
  closeDiv(b, d);
}

// ---- dates in the exporter's zone -----------------------------------------------

int64_t localDay(int64_t t, int tzMinutes) {
  const int64_t l = t + int64_t{tzMinutes} * 60;
  return l >= 0 ? l / 86400 : (l - 86399) / 86400;
}

void two(Buffer &b, int v) {
  b.put(static_cast<char>('0' + v / 10));
  b.put(static_cast<char>('0' + v % 10));
}

// FormatDateTime(date[, hasTimeZone]): "DD.MM.YYYY HH:MM:SS[ UTC+HH:MM]"
// (QTimeZone::displayName(StandardTime, OffsetName): "UTC" for +00:00).
void dateTime(Buffer &b, int64_t t, int tzMinutes, bool zone) {
  const Civil c = civil(t + int64_t{tzMinutes} * 60);
  two(b, c.d);
  b.put('.');
  two(b, c.mo);
  b.put('.');
  num(b, static_cast<uint64_t>(c.y));
  b.put(' ');
  two(b, c.h);
  b.put(':');
  two(b, c.mi);
  b.put(':');
  two(b, c.s);
  if (!zone) return;
  b.put(" UTC");
  if (tzMinutes == 0) return;
  const int a = tzMinutes < 0 ? -tzMinutes : tzMinutes;
  b.put(tzMinutes < 0 ? '-' : '+');
  two(b, a / 60);
  b.put(':');
  two(b, a % 60);
}

// FormatTimeText: "HH:MM".
void timeText(Buffer &b, int64_t t, int tzMinutes) {
  const Civil c = civil(t + int64_t{tzMinutes} * 60);
  two(b, c.h);
  b.put(':');
  two(b, c.mi);
}

// FormatDateText: "5 March 2024".
void dateText(Buffer &b, int64_t t, int tzMinutes) {
  static constexpr std::string_view kMonths[] = {"January", "February", "March",     "April",
                                                 "May",     "June",     "July",      "August",
                                                 "September", "October", "November", "December"};
  const Civil c = civil(t + int64_t{tzMinutes} * 60);
  num(b, static_cast<uint64_t>(c.d));
  b.put(' ');
  b.put(kMonths[c.mo - 1]);
  b.put(' ');
  num(b, static_cast<uint64_t>(c.y));
}

// ---- sizes (Ui::FormatSizeText, FormatDurationText, FormatImageSizeText) ------

void sizeText(Buffer &b, uint64_t size) {
  if (size >= 1024 * 1024) {
    const uint64_t tenth = size * 10 / (1024 * 1024);
    num(b, tenth / 10);
    b.put('.');
    num(b, tenth % 10);
    b.put(" MB");
  } else if (size >= 1024) {
    const uint64_t tenth = size * 10 / 1024;
    num(b, tenth / 10);
    b.put('.');
    num(b, tenth % 10);
    b.put(" KB");
  } else {
    num(b, size);
    b.put(" B");
  }
}

void durationText(Buffer &b, uint64_t d) {
  const uint64_t h = d / 3600, m = d % 3600 / 60, s = d % 60;
  if (h) {
    num(b, h);
    b.put(':');
  }
  if (m < 10) b.put('0');
  num(b, m);
  b.put(':');
  if (s < 10) b.put('0');
  num(b, s);
}

// ---- peers -------------------------------------------------------------------

// Data::PeerColorIndex(BareId).
int peerColorIndex(uint64_t bareId) {
  static constexpr int kMap[] = {0, 7, 4, 1, 6, 3, 5};
  return kMap[bareId % 7];
}

// The bare id of "channel123" / "user456" / "chat789".
uint64_t bareId(std::string_view peer) {
  uint64_t v = 0;
  for (char c : peer)
    if (c >= '0' && c <= '9') v = v * 10 + static_cast<uint64_t>(c - '0');
  return v;
}

// FillUserpicNames(data, fullName): first word, then the other words.
struct Names {
  std::string_view first;
  std::string_view last;  // the rest after the first space (our names have single spaces)
};
Names splitName(std::string_view full) {
  const std::size_t sp = full.find(' ');
  if (sp == std::string_view::npos) return {full, {}};
  std::string_view rest = full.substr(sp + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return {full.substr(0, sp), rest};
}

// ComposeName: first + ' ' + last, or the fallback when both are empty.
void composeName(Buffer &b, std::string_view first, std::string_view last,
                 std::string_view empty = "Deleted Account") {
  if (first.empty() && last.empty()) {
    b.put(empty);
    return;
  }
  esc(b, first);
  b.put(' ');
  esc(b, last);
}

// The userpic initial of a name: its first UTF-16 unit after trimming (a
// character outside the BMP is half a surrogate pair, which Qt's toUtf8 turns
// into '?', as real exports show).
void initial(Buffer &b, std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  if (s.empty()) return;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 0;
  if (n == 0 || n > s.size()) {
    b.put('?');
    return;
  }
  esc(b, s.substr(0, n));
}

// pushUserpic for a peer without a downloaded picture (div with initials).
void userpic(Buffer &b, int d, int colorIndex, int px, std::string_view first, std::string_view last) {
  b.nl(d);
  b.put("<div class=\"userpic userpic");
  num(b, static_cast<uint64_t>(colorIndex + 1));
  b.put("\" style=\"width: ");
  num(b, static_cast<uint64_t>(px));
  b.put("px; height: ");
  num(b, static_cast<uint64_t>(px));
  b.put("px\">\n");
  b.nl(d + 1);
  b.put("<div class=\"initials\" style=\"line-height: ");
  num(b, static_cast<uint64_t>(px));
  b.put("px\">\n");
  initial(b, first);
  initial(b, last);
  closeDiv(b, d + 1);
  closeDiv(b, d);
}

// ---- text parts (FormatText) ---------------------------------------------------

// "scheme:" (RFC 3986: a letter, then letters, digits, + - .) before any / ? #.
bool hasScheme(std::string_view h) {
  for (std::size_t i = 0; i < h.size(); ++i) {
    const char c = h[i];
    if (c == ':') return i > 0;
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!(alpha || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))) return false;
  }
  return false;
}

void onclickLink(Buffer &b, std::string_view fn, std::string_view text) {
  b.put("<a href=\"\" onclick=\"return ");
  b.put(fn);
  b.put("(&quot;");
  esc2(b, text.empty() ? text : text.substr(1));
  b.put("&quot;)\">");
  esc(b, text);
  b.put("</a>");
}

void formatText(Buffer &b, const std::vector<Part> &parts, std::string_view base) {
  for (const Part &p : parts) {
    const std::string_view t = p.text;
    switch (p.type) {
      case PartType::Plain: esc(b, t); break;
      case PartType::Mention:
        b.put("<a href=\"https://t.me/");
        esc(b, t.empty() ? t : t.substr(1));
        b.put("\">");
        esc(b, t);
        b.put("</a>");
        break;
      case PartType::Hashtag: onclickLink(b, "ShowHashtag", t); break;
      case PartType::BotCommand: onclickLink(b, "ShowBotCommand", t); break;
      case PartType::Cashtag: onclickLink(b, "ShowCashtag", t); break;
      case PartType::Link:
        b.put("<a href=\"");
        esc(b, t);
        b.put("\">");
        esc(b, t);
        b.put("</a>");
        break;
      case PartType::Email:
        b.put("<a href=\"mailto:");
        esc(b, t);
        b.put("\">");
        esc(b, t);
        b.put("</a>");
        break;
      case PartType::Phone:
        b.put("<a href=\"tel:");
        esc(b, t);
        b.put("\">");
        esc(b, t);
        b.put("</a>");
        break;
      case PartType::TextLink:
        b.put("<a href=\"");
        // Telegram stores text URLs with a scheme (the server adds "http://";
        // every text_link of the real exports has one); the generator's JSON
        // keeps some scheme-less ones, which an HTML page would read as local
        // paths (docs/demo-data.md "HTML mode").
        if (!hasScheme(p.extra)) b.put("http://");
        esc(b, p.extra);
        b.put("\">");
        esc(b, t);
        b.put("</a>");
        break;
      case PartType::Bold: b.put("<strong>"); esc(b, t); b.put("</strong>"); break;
      case PartType::Italic: b.put("<em>"); esc(b, t); b.put("</em>"); break;
      case PartType::Code: b.put("<code>"); esc(b, t); b.put("</code>"); break;
      case PartType::Underline: b.put("<u>"); esc(b, t); b.put("</u>"); break;
      case PartType::Strike: b.put("<s>"); esc(b, t); b.put("</s>"); break;
      case PartType::Spoiler:
        b.put("<span class=\"spoiler hidden\" onclick=\"ShowSpoiler(this)\"><span aria-hidden=\"true\">");
        esc(b, t);
        b.put("</span></span>");
        break;
      case PartType::CustomEmoji:
        if (p.extra.empty()) {
          b.put("<a href=\"\" onclick=\"return ShowNotLoadedEmoji();\">");
        } else {
          b.put("<a href = \"");
          b.put(base);
          b.put(p.extra);
          b.put("\">");
        }
        esc(b, t);
        b.put("</a>");
        break;
    }
  }
}

// pushGenericMedia without link and thumbnail (the file was not downloaded).
void genericMedia(Buffer &b, int d, std::string_view classes, std::string_view title,
                  const Buffer &status) {
  open(b, d, "<div class=\"media_wrap clearfix\">");
  b.nl(d + 1);
  b.put("<div class=\"media clearfix pull_left ");
  b.put(classes);
  b.put("\">\n");
  open(b, d + 2, "<div class=\"fill pull_left\">");
  closeDiv(b, d + 2);
  open(b, d + 2, "<div class=\"body\">");
  textDiv(b, d + 3, "title bold", title);
  textDiv(b, d + 3, "description", kNotIncluded);
  textDiv(b, d + 3, "status details", std::string_view(status.data(), status.size()));
  closeDiv(b, d + 2);
  closeDiv(b, d + 1);
  closeDiv(b, d);
}

void media(Buffer &b, int d, const Media &md) {
  static thread_local Buffer st(128);
  st.clear();
  if (md.kind == MediaKind::Photo) {
    num(st, md.width);
    st.put("\xC3\x97");  // QChar(215)
    num(st, md.height);
    st.put(", ");
    sizeText(st, md.fileSize);
    genericMedia(b, d, "media_photo", "Photo", st);
    return;
  }
  if (md.kind != MediaKind::Document) return;
  const std::string_view t = md.mediaType;
  auto durAndSize = [&] {
    durationText(st, md.duration);
    st.put(", ");
    sizeText(st, md.fileSize);
  };
  if (t == "video_file") {
    durAndSize();
    genericMedia(b, d, "media_video", "Video file", st);
  } else if (t == "animation") {
    sizeText(st, md.fileSize);
    genericMedia(b, d, "media_video", "Animation", st);
  } else if (t == "video_message") {
    durAndSize();
    genericMedia(b, d, "media_video", "Video message", st);
  } else if (t == "voice_message") {
    durAndSize();
    genericMedia(b, d, "media_voice_message", "Voice message", st);
  } else if (t == "audio_file") {
    durAndSize();
    genericMedia(b, d, "media_audio_file", "Audio file", st);
  } else if (t == "sticker") {
    sizeText(st, md.fileSize);
    genericMedia(b, d, "media_photo", "Sticker", st);
  } else {
    sizeText(st, md.fileSize);
    genericMedia(b, d, "media_file", md.fileName.empty() ? std::string_view("File") : md.fileName, st);
  }
}

void buttons(Buffer &b, int d, const std::vector<std::vector<Button>> &rows) {
  open(b, d, "<table class=\"bot_buttons_table\">");
  open(b, d + 1, "<tbody>");
  for (const auto &row : rows) {
    open(b, d + 2, "<tr>");
    open(b, d + 3, "<td class=\"bot_button_row\">");
    for (std::size_t i = 0; i < row.size(); ++i) {
      const Button &bt = row[i];
      open(b, d + 4, "<div class=\"bot_button\">");
      // std::map{Attribute(), {"href", link}}: the empty pair sorts first and
      // becomes a nameless attribute.
      b.nl(d + 5);
      if (bt.type == "url") {
        b.put("<a =\"\" href=\"");
        esc(b, bt.data);
      } else {
        static thread_local Buffer js(256);
        js.clear();
        js.put("return ShowTextCopied('");
        auto jsEsc = [&](std::string_view s) {
          for (char c : s) {
            if (c == '\\' || c == '\'') js.put('\\');
            js.put(c);
          }
        };
        if (!bt.data.empty()) {
          js.put("Data: ");
          jsEsc(bt.data);
          js.put(" | ");
        }
        js.put("Type: ");
        jsEsc(bt.type);
        js.put("');");
        b.put("<a =\"\" onclick=\"");
        esc(b, std::string_view(js.data(), js.size()));
      }
      b.put("\">\n");
      open(b, d + 6, "<div>");
      esc(b, bt.text);
      closeDiv(b, d + 6);
      closeTag(b, d + 5, "</a>");
      closeDiv(b, d + 4);
      if (i + 1 != row.size()) {
        open(b, d + 4, "<div class=\"bot_button_column_separator\">");
        closeDiv(b, d + 4);
      }
    }
    closeTag(b, d + 3, "</td>");
    closeTag(b, d + 2, "</tr>");
  }
  closeTag(b, d + 1, "</tbody>");
  closeTag(b, d, "</table>");
}

void reactions(Buffer &b, int d, const std::vector<Reaction> &list) {
  open(b, d, "<span class=\"reactions\">");
  for (const Reaction &r : list) {
    open(b, d + 1, "<span class=\"reaction\">");
    open(b, d + 2, "<span class=\"emoji\">");
    esc(b, r.emoji);
    closeTag(b, d + 2, "</span>");
    open(b, d + 2, "<span class=\"count\">");
    num(b, r.count);
    closeTag(b, d + 2, "</span>");
    closeTag(b, d + 1, "</span>");
  }
  closeTag(b, d, "</span>");
}

// composeStart(): the head of every page.
void composeStart(Buffer &b, std::string_view base) {
  b.put("<!DOCTYPE html>\n<html>\n\n <head>\n\n  <meta charset=\"utf-8\"/>\n<title>Exported Data</title>"
        "\n  <meta content=\"width=device-width, initial-scale=1.0\" name=\"viewport\"/>\n"
        "\n  <link href=\"");
  b.put(base);
  b.put("css/style.css\" rel=\"stylesheet\"/>\n\n  <script src=\"");
  b.put(base);
  b.put("js/script.js\" type=\"text/javascript\">\n\n  </script>\n\n </head>\n"
        "\n <body onload=\"CheckLocation();\">\n\n  <div class=\"page_wrap\">\n");
}

// pushHeader(header, path) at depth 3.
void pageHeader(Buffer &b, std::string_view first, std::string_view last, std::string_view link,
                bool composeEmptyAsDeleted = true) {
  open(b, 3, "<div class=\"page_header\">");
  if (link.empty()) {
    open(b, 4, "<div class=\"content\">");
  } else {
    b.nl(4);
    b.put("<a class=\"content block_link\" href=\"");
    esc(b, link);
    b.put("\" onclick=\"return GoBack(this)\">\n");
  }
  b.nl(5);
  b.put("<div class=\"text bold\">\n");
  if (composeEmptyAsDeleted) composeName(b, first, last);
  else esc(b, first);
  closeDiv(b, 5);
  if (link.empty()) closeDiv(b, 4);
  else closeTag(b, 4, "</a>");
  closeDiv(b, 3);
}

// Closes every tag left open from depth `from` (exclusive) down to <html>.
void closeAll(Buffer &b, int from) {
  for (int d = from - 1; d >= 0; --d) {
    if (d == 1) closeTag(b, d, "</body>");
    else if (d == 0) closeTag(b, d, "</html>");
    else closeDiv(b, d);
  }
}

std::string padded(int n, int digits) {
  std::string s = std::to_string(n);
  while (static_cast<int>(s.size()) < digits) s.insert(s.begin(), '0');
  return s;
}

int digitsOf(int n) { return static_cast<int>(std::to_string(n).size()); }

bool isChannelType(std::string_view t) { return t == "public_channel" || t == "private_channel"; }

std::string_view dialogTypeString(std::string_view t) {
  if (isChannelType(t)) return "channel";
  if (t == "public_supergroup" || t == "private_supergroup" || t == "private_group") return "group";
  if (t == "bot_chat") return "bot";
  return "private";
}

std::string_view deletedString(std::string_view t) {
  if (isChannelType(t)) return "Deleted Channel";
  if (t == "public_supergroup" || t == "private_supergroup" || t == "private_group") return "Deleted Group";
  return "Deleted Account";
}

// pushListEntry of lists/chats.html at depth 5.
void listEntry(Buffer &b, const HtmlChat &c, int digits, uint64_t count) {
  const bool self = c.jsonType == "saved_messages";
  const std::string_view first = self ? std::string_view("Saved messages") : c.name;
  const std::string_view last = self ? std::string_view() : c.lastName;
  if (count > 0) {
    b.nl(5);
    b.put("<a class=\"entry block_link clearfix\" href=\"../chats/chat_");
    b.put(padded(c.number, digits));
    b.put("/messages.html#allow_back\">\n");
  } else {
    open(b, 5, "<div class=\"entry clearfix\">");
  }
  open(b, 6, "<div class=\"pull_left userpic_wrap\">");
  userpic(b, 7, self ? kSavedMessagesColorIndex : peerColorIndex(c.id), kEntryUserpicSize, first, last);
  closeDiv(b, 6);
  open(b, 6, "<div class=\"body\">");
  textDiv(b, 7, "pull_right info details", dialogTypeString(c.jsonType));
  b.nl(7);
  b.put("<div class=\"name bold\">\n");
  composeName(b, first, last, deletedString(c.jsonType));
  closeDiv(b, 7);
  b.nl(7);
  b.put("<div class=\"details_entry details\">\n");
  if (count == 0) {
    b.put("No messages");
  } else if (count == 1) {
    b.put("1 message");
  } else {
    num(b, count);
    b.put(" messages");
  }
  closeDiv(b, 7);
  closeDiv(b, 6);
  if (count > 0) closeTag(b, 5, "</a>");
  else closeDiv(b, 5);
}

std::string_view view(const Buffer &b) { return {b.data(), b.size()}; }

// The original post's date of a forward: the JSON export has none; a fixed
// function of the message, up to a week before it.
int64_t forwardedDate(const Message &m) {
  return m.date - 60 -
         static_cast<int64_t>(mixSeed(static_cast<uint64_t>(m.id), static_cast<uint64_t>(m.date)) % (7 * 86400));
}

}  // namespace

HtmlExport::HtmlExport(HtmlOptions o) : o_(std::move(o)) {
  if (!o_.dir.empty() && o_.dir.back() != '/') o_.dir += '/';
}

HtmlExport::~HtmlExport() {
  if (page_) std::fclose(page_);
  if (list_) std::fclose(list_);
}

bool HtmlExport::openFile(const std::string &path, FILE *&f) {
  f = std::fopen(path.c_str(), "wb");
  if (!f) {
    ioError_ = true;
    error_ = path + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

bool HtmlExport::writeFile(FILE *f, const Buffer &b) {
  if (b.size() && std::fwrite(b.data(), 1, b.size(), f) != b.size()) {
    ioError_ = true;
    error_ = "write error in " + o_.dir;
    return false;
  }
  return true;
}

void HtmlExport::progress() {
  if (!o_.progress || total_ < nextReport_) return;
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
  std::fprintf(stderr, "linkdrift-gen: %llu MB of HTML, %llu pages, %.1f s\n",
               static_cast<unsigned long long>(total_ >> 20), static_cast<unsigned long long>(pages_), s);
  while (nextReport_ <= total_) nextReport_ += 128ull << 20;
}

bool HtmlExport::flushPage() {
  if (!writeFile(page_, buf_)) return false;
  buf_.clear();
  progress();
  return true;
}

std::string HtmlExport::pagePath(int index) const {
  return chatDir_ + (index > 0 ? "messages" + std::to_string(index + 1) + ".html" : "messages.html");
}

bool HtmlExport::start(const HtmlAccount *account) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir(o_.dir);
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    error_ = o_.dir + " exists and is not empty (remove it or choose another --out)";
    ioError_ = true;
    return false;
  }
  fs::create_directories(dir / "css", ec);
  if (!ec) fs::create_directories(dir / "js", ec);
  if (ec) {
    error_ = o_.dir + ": " + ec.message();
    ioError_ = true;
    return false;
  }
  aux_.clear();
  aux_.put(kPlaceholderCss);
  FILE *f = nullptr;
  if (!openFile(o_.dir + "css/style.css", f)) return false;
  bool ok = writeFile(f, aux_);
  std::fclose(f);
  aux_.clear();
  aux_.put(kPlaceholderJs);
  if (!ok || !openFile(o_.dir + "js/script.js", f)) return false;
  ok = writeFile(f, aux_);
  std::fclose(f);
  if (!ok) return false;
  total_ = kPlaceholderCss.size() + kPlaceholderJs.size();
  if (!o_.account || !account) return true;

  fs::create_directories(dir / "lists", ec);
  fs::create_directories(dir / "chats", ec);
  if (ec) {
    error_ = o_.dir + ": " + ec.message();
    ioError_ = true;
    return false;
  }
  const HtmlAccount &a = *account;
  listDigits_ = digitsOf(std::max(a.dialogs - 1, 0));

  // export_results.html: personal info, the "Chats" section, the about text.
  Buffer &b = aux_;
  b.clear();
  composeStart(b, "");
  pageHeader(b, "Exported Data", {}, {}, false);
  open(b, 3, "<div class=\"page_body\">");
  open(b, 4, "<div class=\"personal_info clearfix\">");
  open(b, 5, "<div class=\"pull_right userpic_wrap\">");
  userpic(b, 6, peerColorIndex(a.userId), kPersonalUserpicSize, a.firstName, a.lastName);
  closeDiv(b, 5);
  auto rows = [&](std::string_view name, std::initializer_list<std::pair<std::string_view, std::string_view>> kv) {
    b.nl(5);
    b.put("<div class=\"rows ");
    b.put(name);
    b.put("\">\n");
    for (const auto &[k, v] : kv) {
      if (v.empty()) continue;
      open(b, 6, "<div class=\"row\">");
      textDiv(b, 7, "label details", k);
      textDiv(b, 7, "value bold", v);
      closeDiv(b, 6);
    }
    closeDiv(b, 5);
  };
  rows("names", {{"First name", a.firstName}, {"Last name", a.lastName}});
  rows("info", {{"Phone number", a.phone}, {"Username", a.username}});
  rows("bio", {{"Bio", a.bio}});
  closeDiv(b, 4);
  open(b, 4, "<div class=\"sections with_divider\">");
  open(b, 5, "<a class=\"section block_link chats\" href=\"lists/chats.html#allow_back\">");
  b.nl(6);
  b.put("<div class=\"counter details\">\n");
  num(b, static_cast<uint64_t>(a.dialogs));
  closeDiv(b, 6);
  textDiv(b, 6, "label bold", "Chats");
  closeTag(b, 5, "</a>");
  closeDiv(b, 4);
  textDiv(b, 4, "page_about details with_divider", a.aboutTelegram);
  closeAll(b, 4);
  if (!openFile(o_.dir + "export_results.html", f)) return false;
  ok = writeFile(f, b);
  std::fclose(f);
  if (!ok) return false;
  total_ += b.size();

  // lists/chats.html: the head now, one entry per chat at endChat(), the
  // left channels and the closing tags at finish().
  b.clear();
  composeStart(b, "../");
  pageHeader(b, "Chats", {}, "../export_results.html", false);
  open(b, 3, "<div class=\"page_body list_page\">");
  textDiv(b, 4, "page_about details", a.aboutChats);
  open(b, 4, "<div class=\"entry_list\">");
  if (!openFile(o_.dir + "lists/chats.html", list_) || !writeFile(list_, b)) return false;
  total_ += b.size();
  Buffer &t = listTail_;
  t.clear();
  closeDiv(t, 4);
  textDiv(t, 4, "page_about details", a.aboutLeft);
  open(t, 4, "<div class=\"entry_list\">");
  for (const HtmlChat &lc : a.left) listEntry(t, lc, listDigits_, 0);
  closeAll(t, 5);
  return true;
}

bool HtmlExport::beginChat(const HtmlChat &c) {
  chat_ = c;
  chatName_.assign(c.name);
  chatLast_.assign(c.lastName);
  chat_.name = chatName_;
  chat_.lastName = chatLast_;
  isChannel_ = isChannelType(c.jsonType);
  prev_ = Prev{};
  dateId_ = 0;
  chatMessages_ = 0;
  pageIndex_ = 0;
  pageOpen_ = false;
  lastIdsPerFile_.clear();
  if (o_.account) {
    chatDir_ = o_.dir + "chats/chat_" + padded(c.number, listDigits_) + "/";
    base_ = "../../";
  } else {
    chatDir_ = o_.dir;
    base_.clear();
  }
  // Still to come for this chat: its list entry (an upper bound: the count
  // written as 20 digits) and the page's closing tags; then the list's tail.
  aux_.clear();
  if (o_.account) listEntry(aux_, chat_, listDigits_, UINT64_MAX);
  const uint64_t entry = aux_.size();
  aux_.clear();
  closeAll(aux_, 5);
  reserve_ = entry + aux_.size() + listTail_.size();
  aux_.clear();
  pageOpening(aux_, 0);
  chatOpen_ = total_ + aux_.size() + reserve_ <= o_.cap;
  if (!chatOpen_) {
    reserve_ = listTail_.size();
    capped_ = true;
  }
  return chatOpen_;
}

void HtmlExport::pageOpening(Buffer &b, int index) const {
  composeStart(b, base_);
  pageHeader(b, chat_.name, chat_.lastName, o_.account ? std::string_view("../../lists/chats.html") : std::string_view());
  open(b, 3, "<div class=\"page_body chat_page\">");
  open(b, 4, "<div class=\"history\">");
  if (index > 0) {
    b.nl(5);
    b.put("<a class=\"pagination block_link\" href=\"");
    b.put(index - 1 > 0 ? "messages" + std::to_string(index) + ".html" : std::string("messages.html"));
    b.put("\">\n");
    b.put("Previous messages");
    closeTag(b, 5, "</a>");
  }
}

void HtmlExport::linkToMessage(Buffer &b, int64_t id, std::string_view text) const {
  std::size_t page = 0;
  while (page < lastIdsPerFile_.size() && id > lastIdsPerFile_[page]) ++page;
  if (page == lastIdsPerFile_.size()) {
    b.put("<a href=\"#go_to_message");
    snum(b, id);
    b.put("\" onclick=\"return GoToMessage(");
    snum(b, id);
    b.put(")\">");
  } else {
    b.put("<a href=\"messages");
    if (page > 0) num(b, page + 1);
    b.put(".html#go_to_message");
    snum(b, id);
    b.put("\">");
  }
  b.put(text);
  b.put("</a>");
}

void HtmlExport::renderService(Buffer &b, const Message &m) const {
  b.nl(kD);
  b.put("<div class=\"message service\" id=\"message");
  snum(b, m.id);
  b.put("\">\n");
  b.nl(kD + 1);
  b.put("<div class=\"body details\">\n");
  const std::string_view a = m.action;
  if (a == "create_channel") {
    b.put("Channel &laquo;");
    esc(b, m.title);
    b.put("&raquo; created");
  } else if (a == "create_group") {
    esc(b, m.actor);
    b.put(" created group &laquo;");
    esc(b, m.title);
    b.put("&raquo;");
  } else if (a == "pin_message") {
    esc(b, m.actor);
    b.put(" pinned ");
    linkToMessage(b, m.pinnedId, "this message");
  } else if (a == "edit_group_photo") {
    if (isChannel_) {
      b.put("Channel photo changed");
    } else {
      esc(b, m.actor);
      b.put(" changed group photo");
    }
  } else if (a == "edit_group_title") {
    if (isChannel_) {
      b.put("Channel title changed to &laquo;");
    } else {
      esc(b, m.actor);
      b.put(" changed group title to &laquo;");
    }
    esc(b, m.title);
    b.put("&raquo;");
  } else if (a == "invite_members") {
    esc(b, m.actor);
    b.put(" invited ");
    for (std::size_t i = 0; i < m.members.size(); ++i) {
      if (i > 0) b.put(i + 1 == m.members.size() ? " and " : ", ");
      if (m.members[i].empty()) b.put("Deleted Account");
      else esc(b, m.members[i]);
    }
  } else if (a == "join_group_by_link") {
    esc(b, m.actor);
    b.put(" joined group by link from ");
    esc(b, m.inviter);
  } else {
    esc(b, m.actor);
    b.put(' ');
    esc(b, a);
  }
  closeDiv(b, kD + 1);
  if (a == "edit_group_photo") {
    open(b, kD + 1, "<div class=\"userpic_wrap\">");
    userpic(b, kD + 2, peerColorIndex(chat_.id), kServiceMessagePhotoSize, chat_.name, chat_.lastName);
    closeDiv(b, kD + 1);
  }
  closeDiv(b, kD);
}

void HtmlExport::renderMessage(Buffer &b, const Message &m, const Prev *prev, int64_t &dateId) const {
  const int tz = o_.tzMinutes;
  // A date separator before the first message of a page and at each new local day.
  if (!prev || localDay(prev->date, tz) != localDay(m.date, tz)) {
    b.nl(kD);
    b.put("<div class=\"message service\" id=\"message");
    snum(b, --dateId);
    b.put("\">\n");
    b.nl(kD + 1);
    b.put("<div class=\"body details\">\n");
    dateText(b, m.date, tz);
    closeDiv(b, kD + 1);
    closeDiv(b, kD);
  }
  if (m.service) {
    renderService(b, m);
    return;
  }
  const bool forwarded = m.fwd != Message::Fwd::None;
  const bool fwdOrigin = !m.fwdId.empty() || !m.fwdName.empty();
  // messageNeedsWrap: a new block (userpic + from_name) unless it continues the previous one.
  const bool wrap = !prev || prev->service || m.fromId.empty() || prev->fromId != m.fromId ||
                    localDay(prev->date, tz) != localDay(m.date, tz) || forwarded != prev->forwarded ||
                    m.fwdId != prev->fwdId || m.fwdName != prev->fwdName ||
                    std::llabs(m.date - prev->date) > (fwdOrigin ? 1 : kJoinWithinSeconds);
  // The sender: a channel posts as itself; people have first and last names.
  const bool fromUser = m.fromId.starts_with("user");
  const Names from = fromUser ? splitName(m.from) : Names{m.from, {}};

  b.nl(kD);
  b.put(wrap ? "<div class=\"message default clearfix\" id=\"message"
             : "<div class=\"message default clearfix joined\" id=\"message");
  snum(b, m.id);
  b.put("\">\n");
  if (wrap) {
    open(b, kD + 1, "<div class=\"pull_left userpic_wrap\">");
    userpic(b, kD + 2, peerColorIndex(bareId(m.fromId)), kHistoryUserpicSize, from.first, from.last);
    closeDiv(b, kD + 1);
  }
  open(b, kD + 1, "<div class=\"body\">");
  b.nl(kD + 2);
  b.put("<div class=\"pull_right date details\" title=\"");
  dateTime(b, m.date, tz, !o_.oldDates);
  b.put("\">\n");
  timeText(b, m.date, tz);
  closeDiv(b, kD + 2);
  if (wrap) {
    b.nl(kD + 2);
    b.put("<div class=\"from_name\">\n");
    composeName(b, from.first, from.last);
    closeDiv(b, kD + 2);
  }
  int d = kD + 2;  // depth of the content (inside div.forwarded.body for forwards)
  if (forwarded) {
    // The original post's date: JSON has none; a fixed function of the message.
    const int64_t fwdDate = forwardedDate(m);
    const bool fwdWrap = wrap || m.fwdId.empty() || m.fwdId != prev->fwdId || !m.fwdId.starts_with("user") ||
                         std::llabs(fwdDate - prev->fwdDate) > kJoinWithinSeconds;
    const Names fn = m.fwdId.empty() || m.fwdId.starts_with("user") ? splitName(m.fwdName) : Names{m.fwdName, {}};
    if (fwdWrap) {
      open(b, kD + 2, "<div class=\"pull_left forwarded userpic_wrap\">");
      const uint64_t color = m.fwdId.empty() ? static_cast<uint64_t>(m.id) : bareId(m.fwdId);
      userpic(b, kD + 3, peerColorIndex(color), kHistoryUserpicSize, fn.first, fn.last);
      closeDiv(b, kD + 2);
    }
    open(b, kD + 2, "<div class=\"forwarded body\">");
    if (fwdWrap) {
      b.nl(kD + 3);
      b.put("<div class=\"from_name\">\n");
      composeName(b, fn.first, fn.last);
      b.put("<span class=\"date details\" title=\"");
      dateTime(b, fwdDate, tz, !o_.oldDates);
      b.put("\"> ");
      dateTime(b, fwdDate, tz, false);
      b.put("</span>");
      closeDiv(b, kD + 3);
    }
    d = kD + 3;
  }
  if (m.replyTo) {
    b.nl(d);
    b.put("<div class=\"reply_to details\">\nIn reply to ");
    linkToMessage(b, m.replyTo, "this message");
    closeDiv(b, d);
  }
  media(b, d, m.media);
  if (!m.parts.empty()) {
    open(b, d, "<div class=\"text\">");
    formatText(b, m.parts, base_);
    closeDiv(b, d);
  }
  if (!m.buttons.empty()) buttons(b, d, m.buttons);
  if (!m.author.empty()) textDiv(b, d, "signature details", m.author);
  if (forwarded) closeDiv(b, kD + 2);
  if (!m.reactions.empty()) reactions(b, kD + 2, m.reactions);
  closeDiv(b, kD + 1);
  closeDiv(b, kD);
}

bool HtmlExport::message(const Message &m) {
  if (ioError_) return false;
  const bool next = pageOpen_ && chatMessages_ > 0 && chatMessages_ % kMessagesInFile == 0;
  int64_t dateId = dateId_;
  if (pageOpen_ && !next) {
    // The common case: rendered in place, taken back if it does not fit.
    const std::size_t p0 = buf_.size();
    renderMessage(buf_, m, prev_.have ? &prev_ : nullptr, dateId);
    const uint64_t need = buf_.size() - p0;
    if (total_ + need + reserve_ > o_.cap) {
      buf_.truncate(p0);
      capped_ = true;
      return false;
    }
    total_ += need;
    return committed(m, dateId);
  }
  if (next) lastIdsPerFile_.push_back(prev_.id);  // links to it now point to its page
  msg_.clear();
  renderMessage(msg_, m, nullptr, dateId);
  // Page bytes this message brings along: the first page's head, or the
  // previous page's "Next messages" link and end plus the next page's head.
  aux_.clear();
  closing_.clear();
  if (!pageOpen_) {
    pageOpening(aux_, 0);
  } else {
    closing_.nl(5);
    closing_.put("<a class=\"pagination block_link\" href=\"messages");
    num(closing_, static_cast<uint64_t>(pageIndex_ + 2));
    closing_.put(".html\">\nNext messages");
    closeTag(closing_, 5, "</a>");
    closeAll(closing_, 5);
    pageOpening(aux_, pageIndex_ + 1);
  }
  const uint64_t need = closing_.size() + aux_.size() + msg_.size();
  if (total_ + need + reserve_ > o_.cap) {
    if (next) lastIdsPerFile_.pop_back();
    capped_ = true;
    return false;
  }
  if (!pageOpen_) {
    if (o_.account) {
      std::error_code ec;
      std::filesystem::create_directories(chatDir_, ec);
      if (ec) {
        ioError_ = true;
        error_ = chatDir_ + ": " + ec.message();
        return false;
      }
    }
    if (!openFile(pagePath(0), page_)) return false;
    ++pages_;
    pageOpen_ = true;
    buf_.put(view(aux_));
  } else if (next) {
    buf_.put(view(closing_));
    if (!flushPage()) return false;
    std::fclose(page_);
    page_ = nullptr;
    ++pageIndex_;
    if (!openFile(pagePath(pageIndex_), page_)) return false;
    ++pages_;
    buf_.put(view(aux_));
  }
  buf_.put(view(msg_));
  total_ += need;
  return committed(m, dateId);
}

bool HtmlExport::committed(const Message &m, int64_t dateId) {
  dateId_ = dateId;
  prev_.have = true;
  prev_.service = m.service;
  prev_.id = m.id;
  prev_.date = m.date;
  prev_.forwarded = m.fwd != Message::Fwd::None;
  prev_.fromId.assign(m.fromId);
  prev_.fwdId.assign(m.fwdId);
  prev_.fwdName.assign(m.fwdName);
  prev_.fwdDate = prev_.forwarded ? forwardedDate(m) : 0;
  ++chatMessages_;
  ++messages_;
  if (buf_.size() >= (8u << 20)) return flushPage();
  return true;
}

bool HtmlExport::closePage() {
  const std::size_t p0 = buf_.size();
  closeAll(buf_, 5);
  total_ += buf_.size() - p0;  // reserved since beginChat
  const bool ok = flushPage();
  std::fclose(page_);
  page_ = nullptr;
  pageOpen_ = false;
  return ok;
}

bool HtmlExport::endChat() {
  if (ioError_) return false;
  if (!chatOpen_) return true;  // beginChat() found no room: nothing was started
  chatOpen_ = false;
  if (pageOpen_) {
    if (!closePage()) return false;
  } else if (!o_.account) {
    // writeEmptySinglePeer: a single-chat export always has its page.
    if (!openFile(pagePath(0), page_)) return false;
    ++pages_;
    pageOpen_ = true;
    const std::size_t p0 = buf_.size();
    pageOpening(buf_, 0);
    buf_.nl(kD);
    buf_.put("<div class=\"message service\" id=\"message-1\">\n");
    textDiv(buf_, kD + 1, "body details", "No exported messages");
    closeDiv(buf_, kD);
    total_ += buf_.size() - p0;
    if (!closePage()) return false;
  }
  if (o_.account) {
    aux_.clear();
    listEntry(aux_, chat_, listDigits_, chatMessages_);
    if (!writeFile(list_, aux_)) return false;
    total_ += aux_.size();
  }
  reserve_ = listTail_.size();
  return true;
}

bool HtmlExport::finish() {
  if (ioError_) return false;
  if (o_.account && list_) {
    const bool ok = writeFile(list_, listTail_);
    total_ += listTail_.size();
    std::fclose(list_);
    list_ = nullptr;
    if (!ok) return false;
  }
  return true;
}

}  // namespace gen
