#include "linkdrift/store/corpus_codec.h"

#include <algorithm>

#include "linkdrift/base/calendar.h"
#include "linkdrift/store/url_forms.h"

namespace linkdrift {
namespace {

constexpr std::string_view kMagic = "LDC";
constexpr char kVersion = 3;  // 2: file format, messages, skipped, HTML page and zone fields; 3: announcements without a destination
// Dates beyond any real export (|t| < 2^40 s) are refused: calendar math on
// them could overflow.
constexpr std::int64_t kMaxSeconds = std::int64_t{1} << 40;
bool sane(std::int64_t seconds) { return seconds > -kMaxSeconds && seconds < kMaxSeconds; }

class Writer {
 public:
  void u(std::uint64_t v) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  }
  void s(std::int64_t v) { u((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
  void str(std::string_view v) {
    u(v.size());
    out.append(v);
  }
  void chat(const ChatInfo& c) {
    s(c.index);
    s(c.id);
    str(c.name);
    str(c.type);
  }
  std::string out;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }
  std::uint64_t u() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return fail();
      const auto b = static_cast<std::uint8_t>(in_[pos_++]);
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    return fail();
  }
  // An unsigned value below `limit`.
  std::uint64_t below(std::uint64_t limit) {
    const std::uint64_t v = u();
    return v < limit ? v : fail();
  }
  std::int64_t s() {
    const std::uint64_t z = u();
    return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
  }
  std::string_view str() {
    const std::uint64_t n = u();
    if (!ok_ || n > in_.size() - pos_) {
      fail();
      return {};
    }
    const std::string_view v = in_.substr(pos_, static_cast<std::size_t>(n));
    pos_ += static_cast<std::size_t>(n);
    return v;
  }
  // A count of items that each take at least one byte (so a bad count cannot
  // make the decoder allocate more than the input).
  std::size_t count() { return static_cast<std::size_t>(below(in_.size() - pos_ + 1)); }
  ChatInfo chat() {
    ChatInfo c;
    c.index = static_cast<int>(s());
    c.id = s();
    c.name = std::string(str());
    c.type = std::string(str());
    return c;
  }

 private:
  std::uint64_t fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

void write_histogram(Writer& w, const MinuteHistogram& h) {
  std::uint64_t runs = 0;
  h.for_each_run([&](std::int64_t, std::uint32_t) { ++runs; });
  w.u(runs);
  std::int64_t last = 0;
  h.for_each_run([&](std::int64_t minute, std::uint32_t count) {
    w.s(minute - last);
    w.u(count);
    last = minute;
  });
}

}  // namespace

std::string CorpusCodec::encode(const Corpus& c) {
  Writer w;
  w.out.append(kMagic);
  w.out.push_back(kVersion);
  w.u(c.urls_.size());
  for (std::uint32_t i = 0; i < c.urls_.size(); ++i) w.str(c.urls_[i]);
  w.u(c.targets_.size());
  for (std::uint32_t i = 0; i < c.targets_.size(); ++i) {
    const TargetEntry& t = c.targets_[i];
    w.u(static_cast<std::uint64_t>(t.platform));
    w.u(static_cast<std::uint64_t>(t.kind));
    w.str(t.target);
    w.u(t.example_url);
  }
  w.u(c.files_.size());
  for (const FileData& f : c.files_) {
    w.str(f.name);
    w.u(f.bytes);
    w.u(static_cast<std::uint64_t>(f.format));
    w.u(f.messages);
    w.u(f.has_error);
    w.u(f.error_offset);
    w.str(f.error_message);
    w.str(f.skipped);
    w.u(static_cast<std::uint64_t>(f.continues_chat) | static_cast<std::uint64_t>(f.assumed_zone) << 1);
    w.s(f.assumed_utc_offset_minutes);
    const SegmentEdges& e = f.segment;
    w.u(static_cast<std::uint64_t>(e.split) | static_cast<std::uint64_t>(e.open_end) << 1 |
        static_cast<std::uint64_t>(e.context_missing) << 2);
    w.u(e.start);
    w.u(e.end);
    w.u(e.start_messages_at);
    w.u(e.end_messages_at);
    w.chat(e.start_chat);
    w.chat(e.end_chat);
  }
  w.u(c.chats_.size());
  for (const ChatData& chat : c.chats_) {
    w.u(chat.file);
    w.chat(chat.info);
    w.u(chat.partial);
    w.u(chat.messages);
    w.u(chat.service_messages);
    w.s(chat.first_date);
    w.s(chat.last_date);
    write_histogram(w, chat.message_times);
    write_histogram(w, chat.forwarded_times);
    const RowRange rows = c.links(chat);
    w.u(rows.size());
    for (const LinkRow& r : rows) {
      w.u(r.date_);
      w.u(r.target);
      w.s(r.message_id);
      w.u(r.url);
      w.u(static_cast<std::uint64_t>(r.source));
      w.u(r.flags);
    }
    w.u(chat.announcements.size());
    for (const AnnouncementRow& a : chat.announcements) {
      w.s(a.date);
      w.s(a.message_id);
      w.u(a.has_destination() ? std::uint64_t{a.target} + 1 : 0);  // 0: no destination
      w.u(static_cast<std::uint64_t>(a.type));
      w.str(a.phrase);
      w.str(a.language);
    }
  }
  return std::move(w.out);
}

bool CorpusCodec::decode(std::string_view bytes, Corpus& out, std::string& error) {
  out = Corpus();
  if (bytes.size() < kMagic.size() + 1 || bytes.substr(0, kMagic.size()) != kMagic) {
    error = "not a serialized linkdrift corpus";
    return false;
  }
  if (bytes[kMagic.size()] != kVersion) {
    error = "serialized corpus of another linkdrift version";
    return false;
  }
  Reader r(bytes.substr(kMagic.size() + 1));
  const auto bad = [&](const char* what) {
    error = std::string("corrupt serialized corpus: ") + what;
    return false;
  };
  // A url code: a valid form, or an id of the url table.
  const auto url_code = [&](std::uint64_t code) {
    return (code & Corpus::kUrlForm) ? code <= 0xFFFFFFFFu && is_url_form(static_cast<std::uint32_t>(code & ~Corpus::kUrlForm))
                                     : code < out.urls_.size();
  };

  for (std::size_t n = r.count(), i = 0; r.ok() && i < n; ++i)
    if (out.urls_.intern(r.str()) != i) return bad("duplicate url");
  for (std::size_t n = r.count(), i = 0; r.ok() && i < n; ++i) {
    const auto platform = static_cast<Platform>(r.below(kPlatformCount));
    const auto kind = static_cast<Kind>(r.below(kKindCount));
    const std::string_view target = r.str();
    const std::uint64_t example = r.u();
    if (!r.ok()) break;
    if (!url_code(example)) return bad("target example url");
    if (out.targets_.intern(platform, kind, target, static_cast<std::uint32_t>(example)) != i)
      return bad("duplicate target");
  }
  for (std::size_t n = r.count(), i = 0; r.ok() && i < n; ++i) {
    FileData f;
    f.name = std::string(r.str());
    f.bytes = r.u();
    f.format = static_cast<FileFormat>(r.below(static_cast<std::uint64_t>(FileFormat::zip) + 1));
    f.messages = r.u();
    f.has_error = r.below(2) != 0;
    f.error_offset = r.u();
    f.error_message = std::string(r.str());
    f.skipped = std::string(r.str());
    const std::uint64_t page_flags = r.below(4);
    f.continues_chat = page_flags & 1;
    f.assumed_zone = page_flags & 2;
    const std::int64_t zone = r.s();
    if (zone < -24 * 60 || zone > 24 * 60) return bad("assumed zone");
    f.assumed_utc_offset_minutes = static_cast<std::int32_t>(zone);
    const std::uint64_t flags = r.below(8);
    f.segment.split = flags & 1;
    f.segment.open_end = flags & 2;
    f.segment.context_missing = flags & 4;
    f.segment.start = r.u();
    f.segment.end = r.u();
    f.segment.start_messages_at = r.u();
    f.segment.end_messages_at = r.u();
    f.segment.start_chat = r.chat();
    f.segment.end_chat = r.chat();
    out.files_.push_back(std::move(f));
  }
  for (std::size_t n = r.count(), i = 0; r.ok() && i < n; ++i) {
    const auto file = static_cast<std::uint32_t>(r.below(out.files_.size()));
    if (!out.chats_.empty() && file < out.chats_.back().file) return bad("chats out of file order");
    const std::uint32_t chat = out.add_chat(file, r.chat());
    ChatData& c = out.chats_[chat];
    c.partial = r.below(2) != 0;
    c.messages = r.u();
    c.service_messages = r.u();
    c.first_date = r.s();
    c.last_date = r.s();
    if (!sane(c.first_date) || !sane(c.last_date)) return bad("chat dates");
    // The report relies on these: histogram totals are the counts, and the
    // exact first/last dates fall in its first/last minutes.
    std::uint64_t totals[2] = {0, 0};
    std::int64_t lo = kMaxSeconds, hi = -kMaxSeconds;
    for (int which = 0; which < 2; ++which) {
      MinuteHistogram& h = which == 0 ? c.message_times : c.forwarded_times;
      std::int64_t minute = 0;
      for (std::size_t runs = r.count(), k = 0; r.ok() && k < runs; ++k) {
        const std::int64_t delta = r.s();
        if (!sane(delta) || !sane(minute)) return bad("histogram minute");
        minute += delta;
        if (!sane(minute * 60)) return bad("histogram minute");
        const std::uint64_t count = r.below(std::uint64_t{1} << 32);
        if (count == 0) return bad("empty histogram run");
        totals[which] += count;
        if (which == 0) {
          lo = std::min(lo, minute);
          hi = std::max(hi, minute);
        }
        h.add_run(minute, static_cast<std::uint32_t>(count));
      }
    }
    if (totals[0] != c.messages || totals[1] > c.messages) return bad("chat message counts");
    if (c.messages > 0 && (floor_div(c.first_date, 60) != lo || floor_div(c.last_date, 60) != hi))
      return bad("chat dates");
    for (std::size_t rows = r.count(), k = 0; r.ok() && k < rows; ++k) {
      LinkRow row{};
      row.date_ = static_cast<std::uint32_t>(r.below(std::uint64_t{1} << 32));
      row.target = static_cast<std::uint32_t>(r.below(out.targets_.size()));
      const std::int64_t id = r.s();
      row.url = static_cast<std::uint32_t>(r.below(std::uint64_t{1} << 32));
      row.source = static_cast<Source>(r.below(kSourceCount));
      row.flags = static_cast<std::uint8_t>(r.below(4));
      if (!r.ok()) break;
      if (id < INT32_MIN || id > INT32_MAX) return bad("message id");
      // The report buckets a row by its date among its chat's message minutes.
      const std::int64_t minute = floor_div(row.date(), 60);
      if (c.messages == 0 || minute < lo || minute > hi) return bad("row date outside its chat's messages");
      if (!url_code(row.url)) return bad("row url");
      row.message_id = static_cast<std::int32_t>(id);
      out.add_row(chat, row);
    }
    for (std::size_t anns = r.count(), k = 0; r.ok() && k < anns; ++k) {
      AnnouncementRow a;
      a.date = r.s();
      if (!sane(a.date)) return bad("announcement date");
      a.message_id = r.s();
      const std::uint64_t target = r.below(out.targets_.size() + 1);
      a.target = target == 0 ? AnnouncementRow::kNoTarget : static_cast<std::uint32_t>(target - 1);
      a.type = static_cast<AnnouncementType>(r.below(kAnnouncementTypeCount));
      a.phrase = std::string(r.str());
      a.language = std::string(r.str());
      c.announcements.push_back(std::move(a));
    }
  }
  if (!r.ok()) return bad("truncated or out of range");
  if (!r.at_end()) return bad("trailing bytes");
  return true;
}

}  // namespace linkdrift
