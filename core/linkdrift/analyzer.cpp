#include "linkdrift/analyzer.h"

#include <algorithm>
#include <optional>

#include "linkdrift/archive/zip_reader.h"
#include "linkdrift/extract/extractor.h"
#include "linkdrift/inputs/input_plan.h"
#include "linkdrift/migration/announcements.h"
#include "linkdrift/reader/format_sniff.h"
#include "linkdrift/reader/html/html_export_reader.h"
#include "linkdrift/report/report_builder.h"
#include "linkdrift/report/report_json.h"
#include "linkdrift/store/corpus_codec.h"

namespace linkdrift {

// The readers' sink: extracts links per message, dedups them per message and
// stores compact rows in the corpus. Also the archive reader's sink: each entry
// read is a file of its own.
struct Analyzer::Impl final : ReaderSink, ArchiveSink {
  explicit Impl(const AnalyzerOptions& options)
      : reader(*this, ReaderLimits{std::size_t(options.max_message_mb) << 20}),
        html(*this, HtmlReaderOptions{options.html_utc_offset_minutes, std::size_t(options.max_message_mb) << 20}),
        html_zone(options.html_utc_offset_minutes) {
    if (options.detect_announcements) detector.emplace();
  }

  LinkExtractor extractor;
  std::optional<AnnouncementDetector> detector;
  ExportReader reader;
  HtmlExportReader html;
  const int html_zone;  // HtmlReaderOptions::assumed_utc_offset_minutes
  SegmentReader segment{reader};
  ZipReader zip{*this};
  bool in_segment = false;
  std::uint64_t segment_file_size = 0;
  Corpus corpus;
  std::vector<InputError> errors;

  // The open archive: its entries are planned like a folder; skipped ones are
  // listed at their place in the plan.
  bool in_archive = false;
  std::string archive_name;
  std::vector<std::string> archive_paths;    // of the listing's non-directory entries
  std::vector<std::size_t> archive_entries;  // their indexes in the listing
  FolderPlan archive_plan;
  std::size_t plan_cursor = 0;

  std::uint32_t current_file = 0;
  bool in_file = false;
  FileFormat format = FileFormat::undecided;  // of the open file
  std::string head;  // the open file's first bytes while its format is undecided
  std::uint32_t current_chat = 0;  // valid while a chat is open
  bool chat_open = false;
  bool stopped = false;            // stop_file() ended the current file
  std::vector<Link> found;         // scratch, reused per message
  std::vector<const Link*> unique; // scratch, reused per message
  std::vector<std::pair<std::uint32_t, std::uint32_t>> codes;  // scratch: (url code, target id) per unique link
  std::vector<std::uint32_t> url_target;  // per url id: the target id last used + 1 (0: none)
  std::string text;                // scratch: the message's displayed text
  std::vector<Link> detector_links;  // scratch: in groups, the links the detector may name (no mentions)
  std::string own_hint;            // the open chat's name and id (detector's own_chat_hint)

  // The corpus holds TargetTable::kMaxTargets targets: the current file fails
  // here, and the rest of it is ignored (a message's rows are all or none).
  void stop_file() {
    on_error({corpus.file(current_file).name, reader.offset(),
              "more than " + std::to_string(TargetTable::kMaxTargets) + " distinct link targets"});
    stopped = true;
  }

  void open_file(std::string name) {
    current_file = corpus.add_file(name);
    in_file = true;
    stopped = false;
    chat_open = false;
    format = FileFormat::undecided;
    head.clear();
    reader.begin_file(name);
    html.begin_file(std::move(name));
  }

  std::uint64_t file_offset() const {
    switch (format) {
      case FileFormat::json: return reader.offset();
      case FileFormat::html: return html.offset();
      default: return head.size();
    }
  }

  // Bytes of the open file, in order: sniffed first, then given to its reader.
  void feed_file(std::string_view bytes) {
    if (stopped) return;
    if (format != FileFormat::undecided) return dispatch(bytes);
    if (head.empty()) {  // the common case: the first chunk decides, no copy
      const FileFormat f = sniff_format(bytes, false);
      if (f != FileFormat::undecided) {
        start_reader(f);
        return dispatch(bytes);
      }
    }
    head.append(bytes);
    const FileFormat f = sniff_format(head, false);
    if (f != FileFormat::undecided) start_with_head(f);
  }

  // Starts the reader of `f` and gives it the bytes kept while sniffing.
  void start_with_head(FileFormat f) {
    start_reader(f);
    const std::string first = std::move(head);
    head.clear();
    dispatch(first);
  }

  void start_reader(FileFormat f) {
    format = f;
    corpus.file(current_file).format = f;
    if (f == FileFormat::zip) {
      on_error({corpus.file(current_file).name, 0,
                "a ZIP archive: it is read as an archive (random access), not as one stream"});
      stopped = true;
    }
  }

  void dispatch(std::string_view bytes) {
    if (stopped) return;
    if (format == FileFormat::html) {
      html.feed(bytes);
    } else {
      reader.feed(bytes);
    }
  }

  void finish_file() {
    if (format == FileFormat::undecided) start_with_head(sniff_format(head, true));
    FileData& file = corpus.file(current_file);
    if (format == FileFormat::html) {
      if (!stopped) html.end_file();
      file.assumed_zone = html.used_assumed_zone();
      file.assumed_utc_offset_minutes = html_zone;
    } else if (format == FileFormat::json && !stopped) {
      reader.end_file();
    }
    file.bytes = file_offset();
    in_file = false;
    chat_open = false;
  }

  void on_chat_begin(const ChatInfo& chat) override {
    if (stopped) return;
    chat_open = true;
    own_hint.clear();
    if (corpus.continues_last_chat(corpus.file(current_file), current_file, chat)) {
      current_chat = static_cast<std::uint32_t>(corpus.chats().size() - 1);
      corpus.file(current_file).continues_chat = true;
      return;
    }
    current_chat = corpus.add_chat(current_file, chat);
  }

  void on_message(int, const MessageView& m) override {
    if (!chat_open) return;  // the reader guarantees a chat; be defensive anyway
    ChatData& chat = corpus.chat(current_chat);
    if (m.is_service) {  // joins, pins, calls…: counted apart, never scanned for links
      ++chat.service_messages;
      return;
    }
    if (chat.messages == 0 || m.date < chat.first_date) chat.first_date = m.date;
    if (chat.messages == 0 || m.date > chat.last_date) chat.last_date = m.date;
    ++chat.messages;
    ++corpus.file(current_file).messages;
    chat.message_times.add(m.date);
    if (m.forwarded) chat.forwarded_times.add(m.date);
    found.clear();
    // Link offsets become offsets in the displayed text (the visible fragments
    // joined), where the detector looks for them.
    std::size_t shown = 0;
    for (const Fragment& f : m.fragments) {
      const std::size_t first = found.size();
      extractor.scan(f.text, f.source, found);
      if (f.source == Source::text_link || f.source == Source::button) continue;
      for (std::size_t i = first; i < found.size(); ++i) found[i].offset += shown;
      shown += f.text.size();
    }
    unique.clear();
    if (found.empty()) {  // it can still announce that the chat is leaving
      if (detector && !m.forwarded) detect_announcement(m, chat);
      return;
    }

    for (const Link& link : found) {
      bool seen = false;
      for (const Link* u : unique) seen = seen || u->same_identity(link);
      if (!seen) unique.push_back(&link);
    }
    std::uint8_t flags = LinkRow::kFirstOfMessage;
    if (m.forwarded) flags |= LinkRow::kForwarded;
    codes.clear();
    for (const Link* link : unique) {
      const std::uint32_t url = corpus.url_code(link->url, link->target);
      const std::uint32_t id = target_of(url, *link);
      if (id == TargetTable::kFull) return stop_file();
      codes.emplace_back(url, id);
    }
    for (std::size_t i = 0; i < unique.size(); ++i) {
      corpus.add_row(current_chat, {m.date, static_cast<std::int32_t>(m.id), codes[i].first, codes[i].second,
                                    unique[i]->source, flags});
      flags &= static_cast<std::uint8_t>(~LinkRow::kFirstOfMessage);
    }
    if (detector && !m.is_service && !m.forwarded) detect_announcement(m, chat);
  }

  // Issues 5, 12: runs the announcement detector on a non-service,
  // non-forwarded message with its links (`unique`, maybe none). Forwarded
  // messages announce other chats' moves, so they are never attributed to the
  // forwarding chat. Messages without any lexicon phrase cost one fold and one
  // key-word scan.
  void detect_announcement(const MessageView& m, ChatData& chat) {
    // In groups and personal chats members talk: an @mention there is usually a
    // person, and "I'm leaving" is one member's. So only channels (or chats of
    // unknown type) may announce a mention or a departure without a destination.
    const std::string& type = chat.info.type;
    const bool speaks_as_chat = type.empty() || type.ends_with("channel");
    const auto candidate = [&](const Link* l) { return speaks_as_chat || l->kind != Kind::mention; };
    const bool has_links = std::any_of(unique.begin(), unique.end(), candidate);
    if (!has_links && !speaks_as_chat) return;
    // The displayed text: every part shown in the message, as displayed (text,
    // link and mention entities, text_link anchors); hrefs and buttons are not
    // shown and reach the detector as links only.
    // The prefilter sees the plain text parts only (a link or mention entity
    // becomes a line break: no lexicon phrase spans a link).
    text.clear();
    bool gap = false;
    for (const Fragment& f : m.fragments) {
      if (f.source == Source::text) {
        if (gap) text += '\n';
        text.append(f.text);
        gap = false;
      } else if (f.source != Source::text_link && f.source != Source::button) {
        gap = true;
      }
    }
    const bool contact_possible = std::any_of(unique.begin(), unique.end(), [](const Link* l) {
      return l->platform != Platform::telegram && l->platform != Platform::web;
    });
    if (!detector->may_announce(text, contact_possible, has_links)) return;
    text.clear();
    for (const Fragment& f : m.fragments)
      if (f.source != Source::text_link && f.source != Source::button) text.append(f.text);
    // Every link is a candidate in a channel: no copy.
    if (!speaks_as_chat) {
      detector_links.clear();
      for (const Link& link : found)
        if (candidate(&link)) detector_links.push_back(link);
    }
    const std::vector<Link>& candidates = speaks_as_chat ? found : detector_links;
    if (own_hint.empty()) {  // the chat's name and id (the name may arrive after chat begin)
      const ChatInfo& info = chat.info;
      own_hint = info.name;
      own_hint += ' ';
      own_hint += std::to_string(info.id);
    }
    const std::optional<Announcement> a = detector->detect(text, candidates, own_hint);
    if (!a || (!a->destination && !speaks_as_chat)) return;
    AnnouncementRow row;
    row.date = m.date;
    row.message_id = m.id;
    if (a->destination) {
      row.target = target_of(corpus.url_code(a->destination->url, a->destination->target), *a->destination);
      if (row.target == TargetTable::kFull) return stop_file();
    }
    row.type = a->type;
    row.phrase = a->phrase;
    if (row.phrase.size() > AnnouncementRow::kMaxPhraseBytes) {
      std::size_t cut = AnnouncementRow::kMaxPhraseBytes;
      while (cut > 0 && (static_cast<unsigned char>(row.phrase[cut]) & 0xC0) == 0x80) --cut;
      row.phrase.resize(cut);
    }
    row.language = a->language;
    chat.announcements.push_back(std::move(row));
  }

  // The target id of a link whose url has code `url`. A stored url almost
  // always classifies the same way, so the target last seen with it is tried
  // first (one comparison instead of a hash lookup); the table decides
  // otherwise, and for urls stored as a form of their target. Ids and example
  // urls are exactly those of interning every link.
  std::uint32_t target_of(std::uint32_t url, const Link& link) {
    TargetTable& targets = corpus.targets();
    if (url & Corpus::kUrlForm) return targets.intern(link.platform, link.kind, link.target, url);
    if (url < url_target.size()) {
      const std::uint32_t cached = url_target[url];
      if (cached != 0 && cached - 1 < targets.size()) {
        const TargetEntry& e = targets[cached - 1];
        if (e.platform == link.platform && e.kind == link.kind && e.target == link.target) return cached - 1;
      }
    } else {
      url_target.resize(std::max<std::size_t>(url + 1, url_target.size() * 2), 0);
    }
    const std::uint32_t id = targets.intern(link.platform, link.kind, link.target, url);
    url_target[url] = id + 1;
    return id;
  }

  // ArchiveSink: the entries to read, in the plan's order.
  std::vector<std::size_t> on_listing(const std::vector<ArchiveEntry>& entries) override {
    archive_paths.clear();
    archive_entries.clear();
    for (const ArchiveEntry& e : entries) {
      if (e.is_directory) continue;
      archive_paths.push_back(e.path);
      archive_entries.push_back(e.index);
    }
    archive_plan = plan_folder(archive_paths, true);
    plan_cursor = 0;
    if (!archive_plan.error.empty()) {
      on_archive_error(0, archive_plan.error);
      return {};
    }
    std::vector<std::size_t> chosen;
    for (const PlannedFile& f : archive_plan.files)
      if (f.skip_reason.empty()) chosen.push_back(archive_entries[f.listed]);
    return chosen;
  }

  // Lists the skipped entries that come before the next entry read (all: at the end).
  void list_skipped_entries(bool all) {
    for (; plan_cursor < archive_plan.files.size(); ++plan_cursor) {
      const PlannedFile& f = archive_plan.files[plan_cursor];
      if (f.skip_reason.empty() && !all) return;
      if (!f.skip_reason.empty()) skip(archive_name + "/" + archive_paths[f.listed], f.skip_reason);
    }
  }

  void on_entry_begin(const ArchiveEntry& entry) override {
    list_skipped_entries(false);
    ++plan_cursor;
    open_file(archive_name + "/" + entry.path);
  }
  void on_entry_data(std::string_view bytes) override { feed_file(bytes); }
  void on_entry_end() override { finish_file(); }
  // A damaged entry: the archive's word (e.g. a CRC mismatch) explains any
  // reader error its bytes caused before, so it replaces that error.
  void on_entry_error(std::uint64_t offset, std::string message) override {
    if (!in_file) return;
    FileData& file = corpus.file(current_file);
    std::string what = message + " (archive byte " + std::to_string(offset) + ")";
    if (file.has_error && !errors.empty() && errors.back().file == file.name) {
      what += "; the reader had stopped at byte " + std::to_string(file.error_offset) + ": " + file.error_message;
      errors.pop_back();
      file.has_error = false;
      stopped = false;
    }
    on_error({file.name, file_offset(), std::move(what)});
    file.bytes = file_offset();
    in_file = false;
    chat_open = false;
  }
  void on_archive_error(std::uint64_t offset, std::string message) override {
    open_file(archive_name);
    on_error({archive_name, offset, std::move(message)});
    in_file = false;
  }

  void skip(std::string name, std::string reason) {
    const std::uint32_t f = corpus.add_file(std::move(name));
    corpus.file(f).skipped = std::move(reason);
  }

  void on_chat_end(const ChatInfo& chat) override {
    if (chat_open) corpus.chat(current_chat).info = chat;
    chat_open = false;
  }

  bool merge(const Corpus& other, std::string* error) {
    std::string message;
    if (!corpus.merge(other, message)) {
      if (error) *error = std::move(message);
      return false;
    }
    // One error per failed file, in file order (merging may drop a segment's).
    errors.clear();
    for (const FileData& f : corpus.files())
      if (f.has_error) errors.push_back({f.name, f.error_offset, f.error_message});
    return true;
  }

  void on_error(const InputError& error) override {
    if (stopped) return;
    FileData& file = corpus.file(current_file);
    file.has_error = true;
    file.error_offset = error.offset;
    file.error_message = error.message;
    errors.push_back(error);
    if (chat_open) corpus.chat(current_chat).partial = true;
    chat_open = false;
  }
};

Analyzer::Analyzer(AnalyzerOptions options) : impl_(std::make_unique<Impl>(options)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

void Analyzer::begin_file(std::string name) {
  if (impl_->in_archive) end_archive();
  if (impl_->in_file) end_file();
  impl_->open_file(std::move(name));
}

void Analyzer::feed(std::string_view bytes) {
  if (impl_->in_archive) {
    impl_->zip.feed(bytes);
  } else if (impl_->in_file && !impl_->stopped) {
    if (impl_->in_segment) {
      impl_->segment.feed(bytes);
    } else {
      impl_->feed_file(bytes);
    }
  }
}

void Analyzer::skip_file(std::string name, std::string reason) {
  if (impl_->in_archive) end_archive();
  if (impl_->in_file) end_file();
  impl_->skip(std::move(name), std::move(reason));
}

void Analyzer::begin_archive(std::string name, std::uint64_t archive_size, std::size_t chunk_bytes) {
  if (impl_->in_archive) end_archive();
  if (impl_->in_file) end_file();
  impl_->in_archive = true;
  impl_->archive_name = std::move(name);
  impl_->archive_plan = {};
  impl_->plan_cursor = 0;
  impl_->zip.begin(archive_size, chunk_bytes);
}

void Analyzer::end_archive() {
  if (!impl_->in_archive) return;
  if (impl_->zip.active()) impl_->zip.feed({});  // the caller stopped early: no more data
  if (impl_->in_file) impl_->finish_file();
  impl_->list_skipped_entries(true);
  impl_->in_archive = false;
}

void Analyzer::begin_segment(std::string name, std::uint64_t file_size, std::uint64_t cut_begin,
                             std::uint64_t cut_end, std::size_t chunk_bytes) {
  begin_file(std::move(name));
  impl_->start_reader(FileFormat::json);  // segments are cut at JSON message boundaries
  impl_->in_segment = true;
  impl_->segment_file_size = file_size;
  impl_->segment.begin(file_size, cut_begin, cut_end, chunk_bytes);
}

std::optional<ReadRequest> Analyzer::next_read() const {
  if (impl_->in_archive) return impl_->zip.next_read();
  if (!impl_->in_file || !impl_->in_segment) return std::nullopt;
  return impl_->segment.next_read();
}

void Analyzer::end_segment() {
  if (!impl_->in_file || !impl_->in_segment) return;
  if (impl_->segment.active()) impl_->segment.feed({});  // the caller stopped early: no more data
  FileData& file = impl_->corpus.file(impl_->current_file);
  file.bytes = impl_->segment_file_size;  // as a sequential read, which is fed every byte
  file.segment = impl_->segment.edges();
  impl_->in_segment = false;
  impl_->in_file = false;
  impl_->chat_open = false;
}

void Analyzer::end_file() {
  if (impl_->in_segment) {
    end_segment();
    return;
  }
  if (impl_->in_archive) {
    end_archive();
    return;
  }
  if (!impl_->in_file) return;
  impl_->finish_file();
}

void Analyzer::fail_file(std::string message) {
  if (impl_->in_archive) {
    impl_->in_archive = false;
    if (!impl_->in_file) impl_->open_file(impl_->archive_name);
  }
  if (!impl_->in_file || impl_->corpus.file(impl_->current_file).has_error) {
    impl_->in_file = false;
    return;
  }
  FileData& file = impl_->corpus.file(impl_->current_file);
  file.bytes = impl_->in_segment ? impl_->reader.offset() : impl_->file_offset();
  impl_->on_error({file.name, file.bytes, std::move(message)});
  if (impl_->in_segment) {
    file.segment = impl_->segment.edges();
    file.segment.end = file.bytes;
    file.segment.open_end = false;
    impl_->in_segment = false;
  }
  impl_->in_file = false;
}

bool Analyzer::merge(Analyzer&& other, std::string* error) {
  if (!impl_->merge(other.impl_->corpus, error)) return false;
  other.clear();
  return true;
}

std::string Analyzer::serialize() const { return CorpusCodec::encode(impl_->corpus); }

bool Analyzer::merge_serialized(std::string_view bytes, std::string* error) {
  Corpus other;
  std::string message;
  if (!CorpusCodec::decode(bytes, other, message)) {
    if (error) *error = std::move(message);
    return false;
  }
  return impl_->merge(other, error);
}

void Analyzer::clear() {
  if (impl_->in_archive || impl_->in_file) end_file();
  impl_->corpus = Corpus();
  impl_->errors.clear();
  impl_->url_target.clear();
}

const Corpus& Analyzer::corpus() const { return impl_->corpus; }
const std::vector<InputError>& Analyzer::errors() const { return impl_->errors; }

std::string Analyzer::report_json(const ReportOptions& options) const {
  return report_text(build_report(impl_->corpus, options));
}

}  // namespace linkdrift
