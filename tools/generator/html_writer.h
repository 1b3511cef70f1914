// linkdrift-gen: writes a Telegram Desktop HTML export (the folder tdesktop's
// "Export chat history" writes with format "HTML"), from the same Message
// stream the JSON writer serializes (message.h). Markup reproduced from
// tdesktop's export_output_html.cpp (HtmlWriter / HtmlWriter::Wrap, v4.x-v5.x;
// checked against real pages, see docs/demo-data.md "HTML mode"):
//
//  - one page per kMessagesInFile = 1000 messages (service messages count,
//    date separators do not): messages.html, messages2.html, ... linked with
//    a.pagination.block_link "Previous messages" / "Next messages";
//  - tdesktop's HtmlContext layout: a block tag is "\n" + one space per open
//    tag + "<tag ...>" + "\n", its text follows directly; attributes in
//    std::map (alphabetical) order, values escaped like text;
//  - date separators div.message.service with ids -1, -2, ... (per chat, one
//    per local day, and again at the top of every page);
//  - joined messages (same sender, same local day, same forward origin, within
//    900 s, 1 s for forwards with an origin): class "... joined", no userpic
//    and no from_name;
//  - div.pull_right.date.details title "DD.MM.YYYY HH:MM:SS UTC+HH:MM" (the
//    exporting computer's zone: a fixed offset here), or the pre-v3.7.6 form
//    without the offset (`oldDates`); the visible "HH:MM", separators and the
//    joined rule use the same local time;
//  - FormatText markup, forwarded bodies, reply links (to an earlier page as
//    messagesN.html#go_to_messageN), media placeholders for files that were
//    not downloaded, inline bot buttons, signatures, reactions.
//
// Layouts: single chat -> DIR/messages*.html; account -> DIR/export_results.html,
// DIR/lists/chats.html and DIR/chats/chat_NNN/messages*.html (empty chats get no
// folder, as in tdesktop). Both: DIR/css/style.css and DIR/js/script.js as tiny
// placeholders (the pages reference them).
//
// Streaming: every page is written through one buffer, a message at a time;
// nothing but the previous message's join key is kept. Size contract: with a
// cap, the folder never exceeds it (a message that does not fit, with the
// closing bytes still to come, is not written and message() returns false).
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "json_writer.h"
#include "message.h"

namespace gen {

struct HtmlOptions {
  std::string dir;                 // output folder (created; must be empty or absent)
  bool account = true;             // account layout (else single chat)
  int tzMinutes = 180;             // the exporting computer's UTC offset, minutes east
  bool oldDates = false;           // titles without " UTC+HH:MM" (tdesktop < 3.7.6)
  uint64_t cap = UINT64_MAX;       // total bytes of the folder
  bool progress = false;           // progress lines on stderr
};

// One dialog as tdesktop's DialogInfo has it.
struct HtmlChat {
  std::string_view name;      // first name (people) or title
  std::string_view lastName;  // people only
  std::string_view jsonType;  // the JSON "type": public_channel, private_channel, public_supergroup, saved_messages, ...
  uint64_t id = 0;            // bare peer id (colour of the userpics)
  int number = 0;             // 1-based position among all dialogs (chats/chat_NNN), 0 in the single layout
};

// The account export's summary (export_results.html, lists/chats.html).
struct HtmlAccount {
  std::string_view firstName, lastName, phone, username, bio;
  uint64_t userId = 0;
  std::string_view aboutTelegram, aboutChats, aboutLeft;
  int dialogs = 0;             // chats + left chats (the "Chats" section counter, the folder digits)
  std::vector<HtmlChat> left;  // left channels (listed, no messages)
};

class HtmlExport {
 public:
  explicit HtmlExport(HtmlOptions o);
  ~HtmlExport();
  HtmlExport(const HtmlExport &) = delete;
  HtmlExport &operator=(const HtmlExport &) = delete;

  // Creates the folder and the placeholders; account layout: writes
  // export_results.html and opens lists/chats.html. `account` is ignored in
  // the single layout (pass nullptr).
  bool start(const HtmlAccount *account);
  // false: the cap leaves no room for this chat (nothing written; endChat()
  // is then a no-op) or I/O error.
  bool beginChat(const HtmlChat &c);
  // false: the message does not fit under the cap (not written) or I/O error.
  bool message(const Message &m);
  bool endChat();
  bool finish();

  uint64_t bytes() const { return total_; }
  uint64_t messages() const { return messages_; }
  uint64_t pages() const { return pages_; }
  bool ioError() const { return ioError_; }
  bool capped() const { return capped_; }  // a message or chat was refused by the cap
  const std::string &error() const { return error_; }

 private:
  struct Prev {  // tdesktop's HtmlWriter::MessageInfo
    bool have = false;
    bool service = true;
    int64_t id = 0, date = 0, fwdDate = 0;
    bool forwarded = false;
    std::string fromId, fwdId, fwdName;
  };

  bool openFile(const std::string &path, FILE *&f);
  bool writeFile(FILE *f, const Buffer &b);
  bool flushPage();
  bool closePage();  // writes the page's closing tags and closes the file
  void pageOpening(Buffer &b, int index) const;
  void renderMessage(Buffer &b, const Message &m, const Prev *prev, int64_t &dateId) const;
  void renderService(Buffer &b, const Message &m) const;
  void linkToMessage(Buffer &b, int64_t id, std::string_view text) const;
  std::string pagePath(int index) const;
  void progress();
  bool committed(const Message &m, int64_t dateId);  // the message is in buf_: advance the state

  HtmlOptions o_;
  std::string base_;       // "../../" for chats/chat_NNN/, "" in the single layout
  std::string chatDir_;    // folder of the current chat's pages ("" = o_.dir)
  HtmlChat chat_;
  std::string chatName_, chatLast_;
  bool isChannel_ = false;
  FILE *page_ = nullptr;
  FILE *list_ = nullptr;   // lists/chats.html (account)
  Buffer buf_{4u << 20};   // current page, not yet written
  Buffer msg_{1u << 16};   // one message block (rendered before the cap check)
  Buffer aux_{1u << 14};   // a page opening, a list entry
  Buffer closing_{1u << 10};  // the end of a full page
  Buffer listTail_{1u << 14};
  std::vector<int64_t> lastIdsPerFile_;  // last message id of each finished page
  Prev prev_;
  int64_t dateId_ = 0;
  uint64_t chatMessages_ = 0;
  int pageIndex_ = 0;
  int listDigits_ = 1;     // digits of chat_NNN
  bool pageOpen_ = false;
  bool chatOpen_ = false;
  uint64_t total_ = 0;     // bytes written or committed to buffers
  uint64_t reserve_ = 0;   // bytes still to come (closers, list tail, this chat's list entry)
  uint64_t messages_ = 0, pages_ = 0;
  uint64_t nextReport_ = 128ull << 20;
  std::chrono::steady_clock::time_point t0_ = std::chrono::steady_clock::now();
  bool ioError_ = false;
  bool capped_ = false;
  std::string error_;
};

}  // namespace gen
