// linkdrift-gen: the message model shared by the JSON writer (json_writer.h)
// and the HTML writer (html_writer.h). The content model (posts.h) fills one
// Message at a time; views point at static vocabulary or the per-message arena
// and stay valid until the next message.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace gen {

enum class PartType : uint8_t {
  Plain, Link, TextLink, Mention, Bold, Italic, Hashtag, Code, Email, Phone,
  Spoiler, Underline, Strike, CustomEmoji, BotCommand, Cashtag,
};

struct Part {
  PartType type;
  std::string_view text;
  std::string_view extra;  // href (text_link) or document_id (custom_emoji)
};

struct Button {
  std::string_view type;  // "url", "callback", ...
  std::string_view text;
  std::string_view data;
};

struct Reaction {
  std::string_view emoji;
  uint32_t count;
};

enum class MediaKind : uint8_t { None, Photo, Document };

struct Media {
  MediaKind kind = MediaKind::None;
  std::string_view fileName, mediaType, mimeType;  // Document
  uint64_t fileSize = 0, thumbSize = 0;            // thumbSize 0 = no thumbnail
  uint32_t width = 0, height = 0, duration = 0;
};

struct Message {
  int64_t id = 0;
  bool service = false;
  int64_t date = 0;
  int64_t edited = 0;  // 0 = never edited
  // service messages
  std::string_view actor, actorId, action, title;
  int64_t pinnedId = 0;       // pin_message "message_id"
  bool photoAction = false;   // edit_group_photo carries a photo
  std::vector<std::string_view> members;  // invite_members
  std::string_view inviter;               // join_group_by_link
  bool hasInviter = false;
  // regular messages
  std::string_view from, fromId, author;
  enum class Fwd : uint8_t { None, Named, Hidden } fwd = Fwd::None;
  std::string_view fwdName, fwdId;  // fwdId may be empty
  int64_t replyTo = 0;
  Media media;
  std::vector<Part> parts;
  std::vector<std::vector<Button>> buttons;
  std::vector<Reaction> reactions;

  void reset() {
    id = 0;
    service = false;
    date = edited = 0;
    actor = actorId = action = title = {};
    pinnedId = 0;
    photoAction = false;
    members.clear();
    inviter = {};
    hasInviter = false;
    from = fromId = author = {};
    fwd = Fwd::None;
    fwdName = fwdId = {};
    replyTo = 0;
    media = Media{};
    parts.clear();
    buttons.clear();
    reactions.clear();
  }
};

}  // namespace gen
