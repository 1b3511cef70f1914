// Incremental HTML tokenizer: text, start tags and end tags, pulled one token
// at a time from chunks of any size. Comments, <!DOCTYPE>, <?...?> and other
// bogus markup are consumed without a token.
//
// CONTRACT
// - push(chunk) then next() until it returns false; the chunk must stay alive
//   until then. A token's string_views are valid ONLY until the next call to
//   next()/push() (they point into the chunk or into the tokenizer).
// - Chunks may be split ANYWHERE (inside a tag, an attribute value, a
//   character reference, a UTF-8 sequence): the sequence of tags and the
//   CONCATENATED text is the same for every chunking. Text may arrive in
//   several tokens, but a token never ends inside a character reference that
//   html_entities.h would decode (an unfinished "&name" at a chunk end is held
//   back), so decoding token by token equals decoding the whole.
// - Linear time: every byte is looked at a bounded number of times. A whole tag
//   of the common form (fast_tag) is read in one pass; any other tag, or one cut
//   by the chunk end, is scanned again from its '<' by the state machine, which
//   resumes a tag split across chunks where it stopped, never rescanning it.
//   Only a tag in progress is buffered (and comments are not buffered at all); a
//   tag longer than max_tag_bytes stops the tokenizer (too_large()).
// - <script> and <style> content is raw text (kind raw_text: no tags inside, no
//   references to decode) up to the matching end tag, as in a browser.
// - "<" not followed by a letter, '/', '!' or '?' is text. Attribute values may
//   be double-, single- or un-quoted; a '>' inside a quoted value does not end
//   the tag. An unterminated tag swallows the rest of the input (in_markup()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace linkdrift::html {

enum class TokenKind : std::uint8_t { text, raw_text, start_tag, end_tag };

// A start tag's attribute as the tokenizer saw it (views into the tag's bytes; the
// value raw, references not decoded).
struct Attribute {
  std::string_view name;
  std::string_view value;
};
inline constexpr std::size_t kMaxListedAttributes = 8;

struct Token {
  TokenKind kind = TokenKind::text;
  std::string_view text;    // text/raw_text: the bytes (references not decoded); tags: the name as written
  std::string_view attrs;   // start_tag: the raw bytes between the name and '>' (without a final '/')
  bool self_closing = false;  // start_tag ended with "/>"
  std::uint64_t offset = 0;   // file offset of the first byte (the '<' of a tag)
  std::uint64_t size = 0;     // bytes of the token in the file
  // start_tag: when attributes_listed, attributes[0..attribute_count) are ALL of `attrs`,
  // in order (the tokenizer's fast path lists them; html_attrs.h reads either form).
  const Attribute* attributes = nullptr;
  std::uint8_t attribute_count = 0;
  bool attributes_listed = false;
};

class Tokenizer {
 public:
  // Starts a new input at file offset 0.
  void reset(std::size_t max_tag_bytes);
  void push(std::string_view chunk);
  // End of input: next() then also returns held-back text.
  void finish();
  bool next(Token& out);
  // While false, text and raw text are consumed without tokens (set between tokens by a
  // reader that ignores the text where it is; tags come as before). reset() sets true.
  void want_text(bool wanted) { text_wanted_ = wanted; }

  bool too_large() const { return too_large_; }     // a tag exceeded max_tag_bytes
  bool in_markup() const { return mode_ != Mode::data && mode_ != Mode::raw; }
  std::uint64_t markup_offset() const { return markup_offset_; }  // where that tag/comment began

 private:
  enum class Mode : std::uint8_t { data, raw, lt, lt_slash, lt_bang, tag, comment, bogus };
  // Where the tag scanner is inside a tag.
  enum class In : std::uint8_t { name, between, after_eq, unquoted, dquote, squote };
  // What a step produced: a token, a mode change (step again), or nothing (need more input).
  enum class Step : std::uint8_t { token, again, more };

  Step step_data(Token& out);
  bool fast_tag(std::size_t lt, Token& out);
  Step step_raw(Token& out);
  Step step_lt(Token& out);
  Step step_lt_slash();
  Step step_lt_bang();
  Step step_tag(Token& out);
  Step finish_tag(Token& out, std::size_t end);
  Step step_comment();
  Step step_bogus();
  void begin_markup(std::size_t at);
  Step spill();  // the chunk ends inside a tag: keep its bytes
  Step emit_held(Token& out, TokenKind kind);
  void make_tag(Token& out, std::string_view bytes);
  void enter_raw_text(std::string_view start_tag_name);
  std::uint64_t at(std::size_t i) const { return base_ + i; }

  const char* p_ = nullptr;
  std::size_t n_ = 0;
  std::size_t i_ = 0;
  std::uint64_t base_ = 0;  // file offset of p_[0]
  Mode mode_ = Mode::data;
  In in_ = In::name;
  bool end_tag_ = false;
  bool finishing_ = false;
  bool too_large_ = false;
  bool text_wanted_ = true;
  std::size_t max_tag_ = 0;
  std::size_t markup_start_ = 0;  // index in the chunk where the markup's bytes (after tag_) continue
  std::size_t name_end_ = 0;      // tag: index of the first byte after the name, in the tag's bytes
  std::uint64_t markup_offset_ = 0;
  std::string tag_;               // bytes of a tag begun in an earlier chunk
  int dashes_ = 0;                // comment: '-' seen just before the current position (max 2)
  int bang_dashes_ = 0;           // "<!" then this many '-'
  std::string raw_end_;           // raw text: "</script" or "</style" (lower case)
  std::string held_;              // text held back at a chunk end (see CONTRACT)
  std::uint64_t held_offset_ = 0;
  std::string emitted_;           // storage of the last token built from held_
  Attribute listed_[kMaxListedAttributes];  // the attributes of a fast_tag token
};

}  // namespace linkdrift::html
