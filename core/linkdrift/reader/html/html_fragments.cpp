#include "linkdrift/reader/html/html_fragments.h"

#include "linkdrift/reader/html/html_entities.h"
#include "linkdrift/reader/html/html_links.h"

namespace linkdrift::html {

void FragmentBuilder::clear() {
  arena_.clear();
  specs_.clear();
  run_begin_ = 0;
  raw_tail_ = raw_cr_ = std::string::npos;
  prefix_ = Prefix::none;
  anchor_ = false;
}

void FragmentBuilder::begin_context(bool poll_answer) {
  flush_run();
  answer_ = poll_answer;
  prefix_ = Prefix::newline;
}

void FragmentBuilder::text(std::string_view raw, bool decode) {
  while (prefix_ != Prefix::none && !raw.empty()) {
    const char c = raw.front();
    switch (prefix_) {
      case Prefix::newline:
        if (c == '\r') {  // a CRLF page (tdesktop writes a raw CR never: it is "&#x0D;")
          raw.remove_prefix(1);
          break;
        }
        prefix_ = answer_ ? Prefix::dash : Prefix::none;
        if (c == '\n') raw.remove_prefix(1);
        break;
      case Prefix::dash:
        prefix_ = Prefix::none;
        if (c == '-') {
          prefix_ = Prefix::space;
          raw.remove_prefix(1);
        }
        break;
      case Prefix::space:
        prefix_ = Prefix::none;
        if (c == ' ') {
          raw.remove_prefix(1);
        } else {
          arena_.push_back('-');  // it was not the "- " prefix
        }
        break;
      case Prefix::none: break;
    }
  }
  if (raw.empty()) return;
  if (decode) {
    append_decoded(arena_, raw);
  } else {
    arena_.append(raw);
  }
  // Track a raw "\n" (or "\r\n") + blanks ending the run, across tokens.
  std::size_t k = raw.size();
  while (k > 0 && (raw[k - 1] == ' ' || raw[k - 1] == '\t')) --k;
  const std::size_t end = arena_.size() - (raw.size() - k);  // arena index after the last non-blank
  const std::size_t cr = raw_cr_;
  raw_cr_ = std::string::npos;
  if (k == 0) return;  // only blanks: a raw tail, if any, goes on
  if (raw[k - 1] == '\n') {
    raw_tail_ = end - 1;
    if (k >= 2 ? raw[k - 2] == '\r' : cr != std::string::npos && cr + 2 == end) --raw_tail_;
  } else {
    raw_tail_ = std::string::npos;
    if (raw[k - 1] == '\r' && k == raw.size()) raw_cr_ = end - 1;
  }
}

void FragmentBuilder::settle_prefix() {
  if (prefix_ == Prefix::space) arena_.push_back('-');
  prefix_ = Prefix::none;
}

void FragmentBuilder::line_break() {
  settle_prefix();
  arena_.push_back('\n');
  raw_tail_ = raw_cr_ = std::string::npos;
}

void FragmentBuilder::boundary() {
  settle_prefix();
  if (!anchor_) flush_run();
}

void FragmentBuilder::open_anchor(std::string_view raw_href) {
  settle_prefix();
  if (anchor_) close_anchor();  // <a> inside <a>: the first one ends, as in a browser
  flush_run();
  anchor_ = true;
  href_.clear();
  append_decoded(href_, raw_href);
}

void FragmentBuilder::close_anchor() {
  settle_prefix();
  if (!anchor_) {
    flush_run();
    return;
  }
  anchor_ = false;
  const std::string_view label(arena_.data() + run_begin_, arena_.size() - run_begin_);
  const AnchorParts parts = classify_anchor(href_, label);
  push(run_begin_, parts.label);
  if (parts.href_fragment) {
    const std::size_t begin = arena_.size();
    arena_.append(href_);
    push(begin, parts.href);
  }
  run_begin_ = arena_.size();
  raw_tail_ = raw_cr_ = std::string::npos;
}

void FragmentBuilder::drop_trailing_space() {
  if (!anchor_ && arena_.size() > run_begin_ && arena_.back() == ' ') arena_.pop_back();
}

void FragmentBuilder::end_context() {
  settle_prefix();
  if (anchor_) close_anchor();
  if (raw_tail_ != std::string::npos && raw_tail_ >= run_begin_) arena_.resize(raw_tail_);
  flush_run();
  answer_ = false;
}

void FragmentBuilder::add(std::string_view bytes, Source source) {
  flush_run();
  const std::size_t begin = arena_.size();
  arena_.append(bytes);
  push(begin, source);
  run_begin_ = arena_.size();
}

void FragmentBuilder::truncate(std::size_t mark) {
  if (mark >= specs_.size()) return;
  arena_.resize(specs_[mark].begin);
  specs_.resize(mark);
  run_begin_ = arena_.size();
  raw_tail_ = raw_cr_ = std::string::npos;
}

void FragmentBuilder::build(std::vector<Fragment>& out) const {
  out.clear();
  for (const Spec& s : specs_) out.push_back(Fragment{std::string_view(arena_.data() + s.begin, s.size), s.source});
}

void FragmentBuilder::push(std::size_t begin, Source source) {
  if (arena_.size() > begin) specs_.push_back(Spec{begin, arena_.size() - begin, source});
}

void FragmentBuilder::flush_run() {
  push(run_begin_, Source::text);
  run_begin_ = arena_.size();
  raw_tail_ = raw_cr_ = std::string::npos;
}

}  // namespace linkdrift::html
