// linkdrift-gen: turns (chat, time, random stream) into one Message — the
// content model: language, topic, link mix and placements, media, forwards,
// service messages. See docs/demo-data.md for the rates.
#pragma once

#include <cstdint>

#include "arena.h"
#include "json_writer.h"
#include "prng.h"
#include "scenario.h"

namespace gen {

class PostMaker {
 public:
  // phraseDense: --profile phrase-dense (draws extra random numbers, so the
  // default profile's output does not change).
  PostMaker(const Roster &roster, Arena &arena, bool phraseDense = false)
      : R_(roster), A_(arena), phraseDense_(phraseDense) {}

  // Fills `m` with a filler message of chat `ci` at time `t` with id `id`.
  // `recentId` is an earlier message id of the same chat (for pins/replies).
  void filler(Message &m, int ci, int64_t t, int64_t id, int64_t recentId, Rng &r);
  // Fills `m` from a scripted story post.
  void scripted(Message &m, int ci, const ScriptedPost &p, int64_t id, int64_t prevId);
  // Saved-messages entries (account layout).
  void saved(Message &m, int64_t t, int64_t id, std::string_view self, std::string_view selfId,
             Rng &r);

  // Probability that a link placed at time t points to a non-Telegram messenger.
  static double otherMessengerShare(int64_t t);

 private:
  void body(Message &m, const Channel &src, int64_t t, Rng &r, bool chatter);
  void link(Message &m, const Channel &src, int64_t t, Rng &r);
  void telegramLink(Message &m, const Channel &src, Rng &r);
  void otherLink(Message &m, const LangVocab &v, Rng &r);
  void webLink(Message &m, const LangVocab &v, Rng &r);
  void signature(Message &m, const Channel &c, Rng &r);
  void media(Message &m, const Channel &c, Rng &r);
  void service(Message &m, const Channel &c, int64_t recentId, Rng &r);

  // Part helpers (plain parts are merged like tdesktop's ParseText does).
  void plain(Message &m, std::string_view s);
  void ent(Message &m, PartType t, std::string_view s, std::string_view extra = {});
  // A Telegram target "name" (username) for links.
  std::string_view tgTarget(const Channel &src, Rng &r, bool *isPrivate, const Channel **ch);

  const Roster &R_;
  Arena &A_;
  bool phraseDense_;
};

}  // namespace gen
