#include "linkdrift/reader/html/html_tokenizer.h"

#include "linkdrift/reader/html/html_entities.h"
#include "linkdrift/reader/html/html_scan.h"

namespace linkdrift::html {

namespace {

bool ends_raw_name(char c) { return is_ws(c) || c == '/' || c == '>'; }

std::size_t index_of(const void* hit, const char* base) {
  return static_cast<std::size_t>(static_cast<const char*>(hit) - base);
}

constexpr std::string_view kLessThan = "<";

// Field by field: `out = Token{...}` makes GCC build a temporary with narrow stores
// and copy it with 16-byte loads over them, a store-forwarding stall per token.
void set_token(Token& out, TokenKind kind, std::string_view text, std::string_view attrs, bool self_closing,
               std::uint64_t offset, std::uint64_t size) {
  out.kind = kind;
  out.text = text;
  out.attrs = attrs;
  out.self_closing = self_closing;
  out.offset = offset;
  out.size = size;
  out.attributes_listed = false;
}

void set_text(Token& out, TokenKind kind, std::string_view text, std::uint64_t offset) {
  set_token(out, kind, text, {}, false, offset, text.size());
}

}  // namespace

void Tokenizer::reset(std::size_t max_tag_bytes) {
  *this = Tokenizer();
  max_tag_ = max_tag_bytes;
}

void Tokenizer::push(std::string_view chunk) {
  base_ += n_;
  p_ = chunk.data();
  n_ = chunk.size();
  i_ = 0;
  markup_start_ = 0;  // the markup's earlier bytes, if any, are in tag_
}

void Tokenizer::finish() { finishing_ = true; }

bool Tokenizer::next(Token& out) {
  while (!too_large_) {
    Step s = Step::more;
    if (mode_ == Mode::data) {  // nearly every token: a predicted branch, not the switch's indirect jump
      s = step_data(out);
    } else {
      switch (mode_) {
        case Mode::data: break;
        case Mode::raw: s = step_raw(out); break;
        case Mode::lt: s = step_lt(out); break;
        case Mode::lt_slash: s = step_lt_slash(); break;
        case Mode::lt_bang: s = step_lt_bang(); break;
        case Mode::tag: s = step_tag(out); break;
        case Mode::comment: s = step_comment(); break;
        case Mode::bogus: s = step_bogus(); break;
      }
    }
    if (s == Step::token && (text_wanted_ || out.kind == TokenKind::start_tag || out.kind == TokenKind::end_tag)) {
      return true;
    }
    if (s == Step::more) return false;
  }
  return false;
}

void Tokenizer::begin_markup(std::size_t at_index) {
  markup_start_ = at_index;
  markup_offset_ = at(at_index);
  tag_.clear();
}

Tokenizer::Step Tokenizer::spill() {
  if (markup_start_ < n_) tag_.append(p_ + markup_start_, n_ - markup_start_);
  markup_start_ = n_;
  if (tag_.size() > max_tag_) too_large_ = true;
  return Step::more;
}

Tokenizer::Step Tokenizer::emit_held(Token& out, TokenKind kind) {
  emitted_.swap(held_);
  held_.clear();
  set_text(out, kind, emitted_, held_offset_);
  return Step::token;
}

Tokenizer::Step Tokenizer::step_data(Token& out) {
  if (!held_.empty()) {  // finish a reference held back at the last chunk end
    while (i_ < n_ && held_.size() <= kMaxEntityName && is_entity_char(p_[i_])) held_.push_back(p_[i_++]);
    if (i_ >= n_ && !finishing_) return Step::more;
    if (i_ < n_ && p_[i_] == ';') held_.push_back(p_[i_++]);
    return emit_held(out, TokenKind::text);
  }
  if (i_ >= n_) return Step::more;
  const std::size_t start = i_;
  const char* hit = find_byte(p_ + start, n_ - start, '<');
  if (!text_wanted_ && hit != p_ + start) {  // skip the text (a held-back reference is text too)
    i_ = hit != nullptr ? index_of(hit, p_) : n_;
    return hit != nullptr ? Step::again : Step::more;
  }
  if (hit == p_ + start) {
    begin_markup(start);
    // "<x" and "</x": the one-pass form if it is one, else straight to the state machine.
    if (start + 1 < n_ && is_alpha(p_[start + 1])) {
      if (fast_tag(start, out)) return Step::token;
      i_ = start + 1;
      mode_ = Mode::tag;
      end_tag_ = false;
      in_ = In::name;
      return step_tag(out);
    }
    if (start + 2 < n_ && p_[start + 1] == '/' && is_alpha(p_[start + 2])) {
      if (fast_tag(start, out)) return Step::token;
      i_ = start + 2;
      mode_ = Mode::tag;
      end_tag_ = true;
      in_ = In::name;
      return step_tag(out);
    }
    ++i_;
    mode_ = Mode::lt;
    return Step::again;
  }
  std::size_t stop = hit != nullptr ? index_of(hit, p_) : n_;
  i_ = stop;
  if (hit == nullptr) {  // hold back "&name" (no ';' yet) at the chunk end
    std::size_t j = n_;
    while (j > start && n_ - j <= kMaxEntityName && is_entity_char(p_[j - 1])) --j;
    if (j > start && n_ - j <= kMaxEntityName && p_[j - 1] == '&') {
      stop = j - 1;
      held_.assign(p_ + stop, n_ - stop);
      held_offset_ = at(stop);
    }
  }
  if (stop == start) return Step::more;
  set_text(out, TokenKind::text, std::string_view(p_ + start, stop - start), at(start));
  return Step::token;
}

// The strict form `<name( attr="v"| attr='v'| attr)*[ ]*[/]>` or `</name[ ]*>`, whole
// in this chunk and at most max_tag_ bytes, read in one pass with its attributes
// listed. On these bytes the state machine (step_tag) gives the same token; on
// anything else this returns false having consumed nothing, and step_tag rescans.
// Precondition: p_[lt] == '<' followed by a letter or by '/' and a letter.
bool Tokenizer::fast_tag(std::size_t lt, Token& out) {
  const char* const p = p_;
  const std::size_t n = n_;
  const bool end_tag = p[lt + 1] == '/';
  const std::size_t name_start = lt + (end_tag ? 2 : 1);
  std::size_t i = name_start;
  while (i < n && class_of(p[i]) == kPlain) ++i;
  const std::size_t name_end = i;
  std::size_t count = 0;
  bool self_closing = false;
  for (;;) {
    if (i >= n) return false;
    if (p[i] == '>') break;
    if (p[i] == '/') {
      if (end_tag || i + 1 >= n || p[i + 1] != '>') return false;
      self_closing = true;
      ++i;
      break;
    }
    if (!is_ws(p[i])) return false;
    while (i < n && is_ws(p[i])) ++i;
    if (i >= n) return false;
    if (p[i] == '>' || p[i] == '/') continue;
    if (end_tag || count == kMaxListedAttributes) return false;
    const std::size_t attr_start = i;
    while (i < n && class_of(p[i]) == kPlain) ++i;
    if (i >= n || i == attr_start) return false;
    const std::string_view attr_name(p + attr_start, i - attr_start);
    if (p[i] != '=') {  // no value; a quote right after the name is the slow path's
      listed_[count++] = Attribute{attr_name, {}};
      continue;
    }
    if (i + 2 >= n || (p[i + 1] != '"' && p[i + 1] != '\'')) return false;
    const char* close = find_byte(p + i + 2, n - i - 2, p[i + 1]);
    if (close == nullptr) return false;
    listed_[count++] = Attribute{attr_name, std::string_view(p + i + 2, index_of(close, p) - i - 2)};
    i = index_of(close, p) + 1;
  }
  const std::size_t size = i + 1 - lt;
  if (size > max_tag_) return false;
  const std::size_t attrs_end = self_closing ? i - 1 : i;
  const std::string_view name(p + name_start, name_end - name_start);
  set_token(out, end_tag ? TokenKind::end_tag : TokenKind::start_tag, name,
            std::string_view(p + name_end, attrs_end - name_end), self_closing, at(lt), size);
  out.attributes = listed_;
  out.attribute_count = static_cast<std::uint8_t>(count);
  out.attributes_listed = !end_tag;
  i_ = i + 1;
  mode_ = Mode::data;
  if (!end_tag && !self_closing) enter_raw_text(name);
  return true;
}

Tokenizer::Step Tokenizer::step_raw(Token& out) {
  if (!held_.empty()) {  // held_ is a prefix of raw_end_ ("</script"), case-insensitively
    while (i_ < n_ && held_.size() < raw_end_.size() && lower(p_[i_]) == raw_end_[held_.size()]) {
      held_.push_back(p_[i_++]);
    }
    if (i_ >= n_) return finishing_ ? emit_held(out, TokenKind::raw_text) : Step::more;
    if (held_.size() == raw_end_.size() && ends_raw_name(p_[i_])) {  // the end tag: go on as a tag
      tag_.swap(held_);
      held_.clear();
      markup_offset_ = held_offset_;
      markup_start_ = i_;
      end_tag_ = true;
      in_ = In::name;
      mode_ = Mode::tag;
      return Step::again;
    }
    return emit_held(out, TokenKind::raw_text);
  }
  if (i_ >= n_) return Step::more;
  const std::size_t start = i_;
  std::size_t stop = n_;
  for (std::size_t s = start;;) {
    const void* hit = std::memchr(p_ + s, '<', n_ - s);
    if (hit == nullptr) break;
    const std::size_t q = index_of(hit, p_);
    std::size_t m = 0;
    while (m < raw_end_.size() && q + m < n_ && lower(p_[q + m]) == raw_end_[m]) ++m;
    if (q + m == n_) {  // maybe an end tag, cut by the chunk end: hold it
      held_.assign(p_ + q, n_ - q);
      held_offset_ = at(q);
      stop = q;
      break;
    }
    if (m == raw_end_.size() && ends_raw_name(p_[q + m])) {
      if (q > start) {  // the text first, the end tag on the next step
        i_ = q;
        set_text(out, TokenKind::raw_text, std::string_view(p_ + start, q - start), at(start));
        return Step::token;
      }
      begin_markup(q);
      i_ = q + 2;
      end_tag_ = true;
      in_ = In::name;
      mode_ = Mode::tag;
      return Step::again;
    }
    s = q + 1;
  }
  i_ = n_;
  if (stop == start) return Step::more;
  set_text(out, TokenKind::raw_text, std::string_view(p_ + start, stop - start), at(start));
  return Step::token;
}

Tokenizer::Step Tokenizer::step_lt(Token& out) {
  if (i_ >= n_) return spill();
  const char c = p_[i_];
  if (is_alpha(c)) {
    mode_ = Mode::tag;
    end_tag_ = false;
    in_ = In::name;
  } else if (c == '/') {
    ++i_;
    mode_ = Mode::lt_slash;
  } else if (c == '!') {
    ++i_;
    mode_ = Mode::lt_bang;
    bang_dashes_ = 0;
  } else if (c == '?') {
    ++i_;
    mode_ = Mode::bogus;
  } else {  // a lone '<' is text
    mode_ = Mode::data;
    tag_.clear();
    set_text(out, TokenKind::text, kLessThan, markup_offset_);
    return Step::token;
  }
  return Step::again;
}

Tokenizer::Step Tokenizer::step_lt_slash() {
  if (i_ >= n_) return spill();
  const char c = p_[i_];
  if (is_alpha(c)) {
    mode_ = Mode::tag;
    end_tag_ = true;
    in_ = In::name;
  } else if (c == '>') {  // "</>" is dropped
    ++i_;
    mode_ = Mode::data;
    tag_.clear();
  } else {
    mode_ = Mode::bogus;
  }
  return Step::again;
}

Tokenizer::Step Tokenizer::step_lt_bang() {
  if (i_ >= n_) return Step::more;
  tag_.clear();  // comments and declarations are not buffered
  if (p_[i_] == '-' && bang_dashes_ < 2) {
    ++i_;
    if (++bang_dashes_ == 2) {
      mode_ = Mode::comment;
      dashes_ = 2;  // "<!-->" and "<!--->" end at once, as in a browser
    }
  } else {
    mode_ = Mode::bogus;
  }
  return Step::again;
}

Tokenizer::Step Tokenizer::step_tag(Token& out) {
  std::size_t i = i_;
  while (i < n_) {
    switch (in_) {
      case In::name:
      case In::between: {
        while (i < n_ && class_of(p_[i]) == kPlain) ++i;
        if (i >= n_) break;
        const unsigned char c = class_of(p_[i]);
        if (in_ == In::name && (c == kGt || c == kWs || c == kSlash)) {
          name_end_ = tag_.size() + (i - markup_start_);  // index in the tag's bytes
        }
        if (c == kGt) return finish_tag(out, i + 1);
        if (c == kWs || c == kSlash) {
          in_ = In::between;
        } else if (c == kEq && in_ == In::between) {
          in_ = In::after_eq;
        }  // a quote here is an ordinary byte, as in a browser
        ++i;
        break;
      }
      case In::after_eq: {
        const unsigned char c = class_of(p_[i]);
        if (c == kGt) return finish_tag(out, i + 1);
        if (c == kDquote) {
          in_ = In::dquote;
        } else if (c == kSquote) {
          in_ = In::squote;
        } else if (c != kWs) {
          in_ = In::unquoted;
        }
        ++i;
        break;
      }
      case In::unquoted: {
        const unsigned char c = class_of(p_[i]);
        if (c == kGt) return finish_tag(out, i + 1);
        if (c == kWs) in_ = In::between;
        ++i;
        break;
      }
      case In::dquote:
      case In::squote: {
        const char* q = find_byte(p_ + i, n_ - i, in_ == In::dquote ? '"' : '\'');
        if (q == nullptr) {
          i = n_;
          break;
        }
        i = static_cast<std::size_t>(q - p_) + 1;
        in_ = In::between;
        break;
      }
    }
  }
  i_ = n_;
  return spill();
}

Tokenizer::Step Tokenizer::finish_tag(Token& out, std::size_t end) {
  i_ = end;
  std::string_view bytes(p_ + markup_start_, i_ - markup_start_);
  if (!tag_.empty()) {
    tag_.append(bytes);
    bytes = tag_;
  }
  if (bytes.size() > max_tag_) {
    too_large_ = true;
    return Step::more;
  }
  make_tag(out, bytes);
  return Step::token;
}

void Tokenizer::make_tag(Token& out, std::string_view b) {
  const std::size_t k = end_tag_ ? 2 : 1;
  const std::size_t name_end = name_end_;
  std::string_view attrs = b.substr(name_end, b.size() - 1 - name_end);
  const bool self_closing = !end_tag_ && !attrs.empty() && attrs.back() == '/' && in_ != In::unquoted;
  if (self_closing) attrs.remove_suffix(1);
  const std::string_view name = b.substr(k, name_end - k);
  set_token(out, end_tag_ ? TokenKind::end_tag : TokenKind::start_tag, name, attrs, self_closing, markup_offset_,
            b.size());
  mode_ = Mode::data;
  if (!end_tag_ && !self_closing) enter_raw_text(name);
}

void Tokenizer::enter_raw_text(std::string_view name) {
  if ((name.size() != 5 && name.size() != 6) || lower(name[0]) != 's') return;
  if (iequals(name, "script")) {
    raw_end_ = "</script";
    mode_ = Mode::raw;
  } else if (iequals(name, "style")) {
    raw_end_ = "</style";
    mode_ = Mode::raw;
  }
}

Tokenizer::Step Tokenizer::step_comment() {
  while (i_ < n_) {
    const void* hit = std::memchr(p_ + i_, '>', n_ - i_);
    const std::size_t q = hit != nullptr ? index_of(hit, p_) : n_;
    std::size_t j = q;
    int d = 0;
    while (j > i_ && d < 2 && p_[j - 1] == '-') {
      --j;
      ++d;
    }
    if (j == i_) d = d + dashes_ > 2 ? 2 : d + dashes_;
    if (hit == nullptr) {
      dashes_ = d;
      i_ = n_;
      return Step::more;
    }
    i_ = q + 1;
    if (d >= 2) {
      mode_ = Mode::data;
      return Step::again;
    }
    dashes_ = 0;
  }
  return Step::more;
}

Tokenizer::Step Tokenizer::step_bogus() {
  const void* hit = i_ < n_ ? std::memchr(p_ + i_, '>', n_ - i_) : nullptr;
  if (hit == nullptr) {
    i_ = n_;
    return Step::more;
  }
  i_ = index_of(hit, p_) + 1;
  mode_ = Mode::data;
  tag_.clear();
  return Step::again;
}

}  // namespace linkdrift::html
