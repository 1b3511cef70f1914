// FragmentBuilder: turns the text of one message's text contexts (div.text, a
// poll's question and answers) into MessageView fragments the way the JSON
// reader splits the same text into parts.
//
// CONTRACT
// - One text part of tdesktop's FormatText = one fragment: a run of text ends
//   at every tag except <br> (which is '\n' inside the run); <a> runs are
//   classified by html_links.h. Tags inside an open <a> do not split it.
// - tdesktop's block formatting is removed: the "\n" right after a context's
//   opening tag and the "\n" + indentation before its closing tag (raw
//   newlines are never content: tdesktop writes them as <br>), also as "\r\n"
//   on a page whose line ends were converted (tdesktop writes CR as &#x0D;). A poll answer
//   also loses its "- " prefix and, via drop_trailing_space(), the space
//   before its vote count.
// - text() takes raw token bytes (references decoded here unless `decode` is
//   false); it is chunking-proof: the same bytes in any number of calls give
//   the same fragments.
// - Owns the bytes: fragments built by build() point into the builder and stay
//   valid until the next clear()/text()/add().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "linkdrift/reader/export_reader.h"

namespace linkdrift::html {

class FragmentBuilder {
 public:
  void clear();
  void begin_context(bool poll_answer);
  void text(std::string_view raw, bool decode);
  void line_break();
  void boundary();
  void open_anchor(std::string_view raw_href);  // "" when the <a> has no href
  void close_anchor();
  void drop_trailing_space();
  void end_context();
  // A whole fragment outside the text contexts (a button URL), already decoded.
  void add(std::string_view bytes, Source source);
  std::size_t mark() const { return specs_.size(); }
  void truncate(std::size_t mark);  // outside a context only
  void build(std::vector<Fragment>& out) const;

 private:
  enum class Prefix : unsigned char { none, newline, dash, space };
  struct Spec {
    std::size_t begin;
    std::size_t size;
    Source source;
  };
  void settle_prefix();
  void push(std::size_t begin, Source source);
  void flush_run();

  std::string arena_;
  std::vector<Spec> specs_;
  std::size_t run_begin_ = 0;
  std::size_t raw_tail_ = std::string::npos;  // where a raw "\n" (or "\r\n") + blanks ends the run
  std::size_t raw_cr_ = std::string::npos;    // a raw '\r' just appended (its "\n" may come next)
  Prefix prefix_ = Prefix::none;
  bool answer_ = false;
  bool anchor_ = false;
  std::string href_;
};

}  // namespace linkdrift::html
