// linkdrift-gen: the cast (channel roster) and the scripted stories.
//
// Contract: the scripted stories (docs/demo-data.md) use fixed names, ids,
// usernames, dates and texts that do NOT depend on --seed or --size; only the
// filler posts around them do. Story chats come first in the account export
// so the size cap can never cut them off.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "json_writer.h"
#include "vocab.h"

namespace gen {

// Timeline (UTC): the export covers [kTimelineStart, kTimelineEnd).
constexpr int64_t kTimelineStart = 1672531200;  // 2023-01-01
constexpr int64_t kTimelineEnd = 1751328000;    // 2025-07-01
constexpr int64_t kDurovArrest = 1724457600;    // 2024-08-24
constexpr int64_t kPolicyChange = 1727049600;   // 2024-09-23
constexpr int64_t kDay = 86400;

// Unix time of a UTC calendar date/time.
int64_t utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0);

struct OwnedPart {
  PartType type;
  std::string text;
  std::string extra;
};

struct ScriptedPost {
  enum class Kind : uint8_t { Post, CreateChannel, PinPrevious };
  int64_t time = 0;
  Kind kind = Kind::Post;
  std::vector<OwnedPart> parts;
  bool photo = false;
};

struct Channel {
  uint64_t id = 0;
  std::string name;
  std::string username;  // empty for private chats
  std::string type;      // public_channel | private_channel | public_supergroup
  std::string peerId;    // "channel<id>"
  std::string invite;    // invite hash (no "+")
  Lang lang = EN;
  Topic topic = Carding;
  double weight = 1;          // share of the byte budget
  int64_t start = kTimelineStart;  // first day with posts
  int64_t end = kTimelineEnd;      // no posts at or after
  bool created = false;            // emits create_channel at `start`
  int64_t firstId = 1;
  int sigStyle = 0;           // 0 none, 1 "👉 @name", 2 "t.me/name" link, 3 text_link
  double sigRate = 0;
  bool signatures = false;    // posts carry "author"
  bool supergroup = false;
  int tzShift = 0;            // hours
  double trendFrom = 1, trendTo = 1;
  int story = 0;              // story number (docs), 0 = filler channel
  // Cross-link window: posts in [crossFrom, crossTo) link `crossTo` channel.
  int crossChannel = -1;
  int64_t crossFrom = 0, crossUntil = 0;
  std::vector<int> partners;  // roster indices this channel promotes
  std::vector<std::string> members;     // supergroup member names
  std::vector<std::string> memberIds;   // "user<N>"
  std::vector<ScriptedPost> scripted;   // sorted by time
};

struct LeftChat {
  std::string name, type;
  uint64_t id;
};

struct Roster {
  std::vector<Channel> channels;  // story channels first
  std::vector<std::string> external;  // usernames of channels not in the export
  std::vector<LeftChat> left;
  int biggest = 0;  // index of the heaviest channel (single layout)
};

// Builds the roster: all story channels plus filler up to `total` chats.
Roster buildRoster(uint64_t seed, int total);

}  // namespace gen
