#include "json_writer.h"

#include "civil.h"

#include <cstring>

#include "decimal.h"

namespace gen {

namespace {
constexpr std::string_view kFileNotIncluded =
    "(File not included. Change data exporting settings to download.)";
constexpr char kHex[] = "0123456789ABCDEF";
}  // namespace

void Buffer::grow(std::size_t n) {
  std::size_t cap = data_.size() ? data_.size() : 1024;
  while (pos_ + n > cap) cap *= 2;
  data_.resize(cap);
}

void Buffer::uint(uint64_t v) { put(Decimal(v).view()); }

void Buffer::sint(int64_t v) {
  if (v < 0) {
    put('-');
    uint(static_cast<uint64_t>(-(v + 1)) + 1);
  } else {
    uint(static_cast<uint64_t>(v));
  }
}

void Buffer::str(std::string_view s) {
  ensure(s.size() * 6 + 2);
  char *o = data_.data() + pos_;
  *o++ = '"';
  const auto *p = reinterpret_cast<const unsigned char *>(s.data());
  const auto *end = p + s.size();
  while (p != end) {
    const unsigned char c = *p;
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0xE2) {
      *o++ = static_cast<char>(c);
      ++p;
      continue;
    }
    switch (c) {
      case '\n': *o++ = '\\'; *o++ = 'n'; break;
      case '\r': *o++ = '\\'; *o++ = 'r'; break;
      case '\t': *o++ = '\\'; *o++ = 't'; break;
      case '"': *o++ = '\\'; *o++ = '"'; break;
      case '\\': *o++ = '\\'; *o++ = '\\'; break;
      case 0xE2:
        // U+2028 / U+2029 are escaped by tdesktop; other E2 sequences are not.
        if (end - p >= 3 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
          std::memcpy(o, p[2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
          o += 6;
          p += 3;
          continue;
        }
        *o++ = static_cast<char>(c);
        break;
      default:  // other control characters
        std::memcpy(o, "\\u00", 4);
        o[4] = kHex[c >> 4];
        o[5] = kHex[c & 15];
        o += 6;
        break;
    }
    ++p;
  }
  *o++ = '"';
  pos_ = static_cast<std::size_t>(o - data_.data());
}

void Buffer::date(int64_t t) {
  const Civil c = civil(t);
  const int64_t y = c.y, m = c.mo, d = c.d, secs = int64_t{c.h} * 3600 + c.mi * 60 + c.s;
  char b[21] = "\"0000-00-00T00:00:00";
  auto two = [&](int at, int64_t v) {
    b[at] = static_cast<char>('0' + v / 10);
    b[at + 1] = static_cast<char>('0' + v % 10);
  };
  b[1] = static_cast<char>('0' + (y / 1000) % 10);
  b[2] = static_cast<char>('0' + (y / 100) % 10);
  two(3, y % 100);
  two(6, m);
  two(9, d);
  two(12, secs / 3600);
  two(15, (secs / 60) % 60);
  two(18, secs % 60);
  put(std::string_view(b, 20));
  put('"');
}

std::string_view partTypeName(PartType t) {
  switch (t) {
    case PartType::Plain: return "plain";
    case PartType::Link: return "link";
    case PartType::TextLink: return "text_link";
    case PartType::Mention: return "mention";
    case PartType::Bold: return "bold";
    case PartType::Italic: return "italic";
    case PartType::Hashtag: return "hashtag";
    case PartType::Code: return "code";
    case PartType::Email: return "email";
    case PartType::Phone: return "phone";
    case PartType::Spoiler: return "spoiler";
    case PartType::Underline: return "underline";
    case PartType::Strike: return "strikethrough";
    case PartType::CustomEmoji: return "custom_emoji";
    case PartType::BotCommand: return "bot_command";
    case PartType::Cashtag: return "cashtag";
  }
  return "unknown";
}

namespace {

// A text part object {type,text(,extra)} whose '{' sits at depth d.
void writePartObject(Buffer &out, const Part &p, int d) {
  out.put('{');
  Obj o{out, d + 1};
  o.s("type", partTypeName(p.type));
  o.s("text", p.text);
  if (p.type == PartType::TextLink) o.s("href", p.extra);
  else if (p.type == PartType::CustomEmoji) o.s("document_id", p.extra);
  out.close(d, '}');
}

// `text` / `text_entities` value; `key` is at depth kd.
void writeText(Buffer &out, const std::vector<Part> &parts, int kd, bool entities) {
  if (parts.empty()) {
    if (entities) out.put("[]");
    else out.put("\"\"");
    return;
  }
  if (!entities && parts.size() == 1 && parts[0].type == PartType::Plain) {
    out.str(parts[0].text);
    return;
  }
  out.put('[');
  bool first = true;
  for (const auto &p : parts) {
    out.next(first, kd + 1);
    if (!entities && p.type == PartType::Plain) out.str(p.text);
    else writePartObject(out, p, kd + 1);
  }
  out.close(kd, ']');
}

}  // namespace

void writeMessage(Buffer &out, const Message &m, int depth) {
  const int kd = depth + 1;
  out.put('{');
  Obj o{out, kd};
  o.i("id", m.id);
  o.s("type", m.service ? "service" : "message");
  o.dt("date", m.date);
  if (m.edited) o.dt("edited", m.edited);
  if (m.service) {
    o.s("actor", m.actor);
    o.s("actor_id", m.actorId);
    o.s("action", m.action);
    if (!m.title.empty()) o.s("title", m.title);
    if (m.pinnedId) o.i("message_id", m.pinnedId);
    if (!m.members.empty()) {
      o.key("members");
      out.put('[');
      bool first = true;
      for (auto name : m.members) {
        out.next(first, kd + 1);
        out.str(name);
      }
      out.close(kd, ']');
    }
    if (m.hasInviter) o.s("inviter", m.inviter);
    if (m.photoAction) {
      o.s("photo", kFileNotIncluded);
      o.u("photo_file_size", m.media.fileSize);
      o.u("width", 640);
      o.u("height", 640);
    }
  } else {
    o.s("from", m.from);
    o.s("from_id", m.fromId);
    if (!m.author.empty()) o.s("author", m.author);
    if (m.fwd == Message::Fwd::Named) {
      o.s("forwarded_from", m.fwdName);
      if (!m.fwdId.empty()) o.s("forwarded_from_id", m.fwdId);
    } else if (m.fwd == Message::Fwd::Hidden) {
      o.key("forwarded_from");
      out.put("null");
    }
    if (m.replyTo) o.i("reply_to_message_id", m.replyTo);
    const Media &md = m.media;
    if (md.kind == MediaKind::Photo) {
      o.s("photo", kFileNotIncluded);
      o.u("photo_file_size", md.fileSize);
      o.u("width", md.width);
      o.u("height", md.height);
    } else if (md.kind == MediaKind::Document) {
      o.s("file", kFileNotIncluded);
      if (!md.fileName.empty()) o.s("file_name", md.fileName);
      o.u("file_size", md.fileSize);
      if (md.thumbSize) {
        o.s("thumbnail", kFileNotIncluded);
        o.u("thumbnail_file_size", md.thumbSize);
      }
      if (!md.mediaType.empty()) o.s("media_type", md.mediaType);
      o.s("mime_type", md.mimeType);
      if (md.duration) o.u("duration_seconds", md.duration);
      if (md.width && md.height) {
        o.u("width", md.width);
        o.u("height", md.height);
      }
    }
  }
  o.key("text");
  writeText(out, m.parts, kd, false);
  o.key("text_entities");
  writeText(out, m.parts, kd, true);
  if (!m.buttons.empty()) {
    o.key("inline_bot_buttons");
    out.put('[');
    bool firstRow = true;
    for (const auto &row : m.buttons) {
      out.next(firstRow, kd + 1);
      out.put('[');
      bool firstBtn = true;
      for (const auto &b : row) {
        out.next(firstBtn, kd + 2);
        out.put('{');
        Obj bo{out, kd + 3};
        bo.s("type", b.type);
        if (!b.text.empty()) bo.s("text", b.text);
        if (!b.data.empty()) bo.s("data", b.data);
        out.close(kd + 2, '}');
      }
      out.close(kd + 1, ']');
    }
    out.close(kd, ']');
  }
  if (!m.reactions.empty()) {
    // tdesktop pushes an extra nesting level before serializing the array.
    o.key("reactions");
    out.put('[');
    bool first = true;
    for (const auto &r : m.reactions) {
      out.next(first, kd + 2);
      out.put('{');
      Obj ro{out, kd + 3};
      ro.s("type", "emoji");
      ro.u("count", r.count);
      ro.s("emoji", r.emoji);
      out.close(kd + 2, '}');
    }
    out.close(kd + 1, ']');
  }
  out.close(depth, '}');
}

}  // namespace gen
