#include "posts.h"

#include <algorithm>

#include "identifiers.h"

namespace gen {

namespace {
constexpr std::string_view kCreate = "create_channel";

template <class T>
std::string_view pickW(Rng &r, std::span<const T> w) {
  return w[r.below(static_cast<uint32_t>(w.size()))];
}
}  // namespace

double PostMaker::otherMessengerShare(int64_t t) {
  if (t < kDurovArrest) return 0.003;
  if (t < kPolicyChange) return 0.006;
  const double ramp = std::min(1.0, static_cast<double>(t - kPolicyChange) / (90.0 * kDay));
  return 0.012 + 0.018 * ramp;
}

void PostMaker::plain(Message &m, std::string_view s) {
  if (s.empty()) return;
  if (!m.parts.empty() && m.parts.back().type == PartType::Plain) {
    m.parts.back().text = A_.begin().add(m.parts.back().text).add(s).done();
  } else {
    m.parts.push_back({PartType::Plain, s, {}});
  }
}

void PostMaker::ent(Message &m, PartType t, std::string_view s, std::string_view extra) {
  m.parts.push_back({t, s, extra});
}

std::string_view PostMaker::tgTarget(const Channel &src, Rng &r, bool *isPrivate,
                                     const Channel **ch) {
  *isPrivate = false;
  *ch = nullptr;
  const double u = r.uniform();
  const Channel *c = nullptr;
  if (u < 0.10) c = &src;
  else if (u < 0.55 && !src.partners.empty())
    c = &R_.channels[src.partners[r.below(static_cast<uint32_t>(src.partners.size()))]];
  if (c) {
    *ch = c;
    if (c->username.empty()) {
      *isPrivate = true;
      return c->invite;
    }
    return c->username;
  }
  // External: Zipf-like, a few very popular targets.
  const double x = r.uniform();
  const auto idx = static_cast<std::size_t>(x * x * x * static_cast<double>(R_.external.size()));
  return R_.external[std::min(idx, R_.external.size() - 1)];
}

void PostMaker::telegramLink(Message &m, const Channel &src, Rng &r) {
  const LangVocab &v = vocab(src.lang);
  bool priv = false;
  const Channel *ch = nullptr;
  const std::string_view target = tgTarget(src, r, &priv, &ch);
  std::string_view url;
  bool mentionable = false;
  if (priv) {
    // Private chat: invite link or private post link.
    if (ch && r.chance(0.2)) {
      url = A_.begin().add("https://t.me/c/").num(ch->id).add('/').num(1 + r.below(5000)).done();
    } else if (r.chance(0.25)) {
      url = A_.begin().add("https://t.me/joinchat/").add(target).done();
    } else {
      url = A_.begin().add(r.chance(0.7) ? "https://t.me/+" : "t.me/+").add(target).done();
    }
  } else {
    const double k = r.uniform();
    if (k < 0.42) {
      static constexpr std::string_view kHosts[] = {"https://t.me/", "https://t.me/", "t.me/",
                                                    "t.me/", "http://t.me/", "https://telegram.me/",
                                                    "telegram.me/", "https://telegram.dog/"};
      url = A_.begin().add(r.pick(kHosts)).add(target).done();
      mentionable = true;
    } else if (k < 0.62) {
      url = A_.begin().add(r.chance(0.7) ? "https://t.me/" : "t.me/").add(target).add('/')
                .num(1 + r.below(40000)).done();
    } else if (k < 0.74) {
      Arena &a = A_.begin().add(r.chance(0.8) ? "https://t.me/+" : "https://t.me/joinchat/");
      addInviteHash(a, r);
      url = a.done();
    } else if (k < 0.86) {
      url = A_.begin().add("https://t.me/").add(target).add('_').add(pickW(r, botStems()))
                .add("_bot?start=").add(r.chance(0.5) ? "ref_" : "").num(r.below(1000000)).done();
    } else if (k < 0.91) {
      url = A_.begin().add("https://t.me/proxy?server=").num(r.range(5, 223)).add('.')
                .num(r.below(256)).add('.').num(r.below(256)).add('.').num(r.below(256))
                .add("&port=443&secret=ee").done();
      Arena &a = A_.begin().add(url);
      addHex(a, r, 32, false);
      url = a.add("676f6f676c652e636f6d").done();
    } else if (k < 0.95) {
      Arena &a = A_.begin().add("https://t.me/addlist/");
      addB64url(a, r, 14);
      url = a.done();
    } else if (k < 0.98) {
      url = A_.begin().add(target).add(".t.me").done();
    } else {
      url = A_.begin().add("tg://resolve?domain=").add(target).done();
    }
  }

  // Placement.
  const double p = r.uniform();
  if (mentionable && p < 0.30) {
    plain(m, pickW(r, v.leadIns));
    ent(m, PartType::Mention, A_.begin().add('@').add(target).done());
    return;
  }
  if (p < 0.42) {
    ent(m, PartType::TextLink, pickW(r, v.cta), url);
    return;
  }
  if (p < 0.47) {
    // URL inside bold: tdesktop drops the nested link entity.
    ent(m, PartType::Bold, A_.begin().add("👉 ").add(url).done());
    return;
  }
  if (p < 0.52 && m.buttons.size() < 2) {
    const std::string_view data =
        url.starts_with("http") ? url : A_.begin().add("https://").add(url).done();
    m.buttons.push_back({{"url", pickW(r, v.cta), data}});
    return;
  }
  if (p < 0.545) {
    // Defanged (plain text: Telegram does not detect it).
    std::string_view s = url;
    Arena &a = A_.begin().add(pickW(r, v.leadIns));
    if (s.starts_with("https://")) {
      a.add("hxxps://");
      s.remove_prefix(8);
    }
    const auto dot = s.find('.');
    if (dot != std::string_view::npos) {
      a.add(s.substr(0, dot)).add(r.chance(0.7) ? "[.]" : "[dot]").add(s.substr(dot + 1));
    } else {
      a.add(s);
    }
    plain(m, a.done());
    return;
  }
  plain(m, pickW(r, v.leadIns));
  const double g = r.uniform();
  if (g < 0.12) {
    plain(m, "(");
    ent(m, PartType::Link, url);
    plain(m, ")");
  } else {
    ent(m, PartType::Link, url);
    if (g < 0.30) plain(m, v.stop);
  }
}

void PostMaker::otherLink(Message &m, const LangVocab &v, Rng &r) {
  const double k = r.uniform();
  auto linkish = [&](std::string_view url) {
    const double p = r.uniform();
    if (p < 0.12) {
      ent(m, PartType::TextLink, pickW(r, v.cta), url);
    } else if (p < 0.16) {
      // defanged
      std::string_view s = url;
      Arena &a = A_.begin();
      if (s.starts_with("https://")) {
        a.add("hxxps://");
        s.remove_prefix(8);
      }
      const auto dot = s.find('.');
      a.add(s.substr(0, dot)).add("[.]").add(s.substr(dot + 1));
      plain(m, a.done());
    } else if (p < 0.26) {
      plain(m, "(");
      ent(m, PartType::Link, url);
      plain(m, ")");
    } else {
      ent(m, PartType::Link, url);
      if (p > 0.85) plain(m, v.stop);
    }
  };
  // One identifier in the arena; call after plain(), which may allocate too.
  auto make = [&](void (*add)(Arena &, Rng &)) {
    Arena &a = A_.begin();
    add(a, r);
    return a.done();
  };
  // Session and Tox IDs: code entity or plain text.
  auto codeOrPlain = [&](std::string_view id) {
    if (r.chance(0.5)) ent(m, PartType::Code, id);
    else plain(m, id);
  };
  if (k < 0.22) {
    plain(m, "Signal: ");
    linkish(make(addSignalGroup));
  } else if (k < 0.28) {
    plain(m, "Signal: ");
    linkish(make(addSignalUsernameLink));
  } else if (k < 0.45) {
    plain(m, "Discord ");
    linkish(make(addDiscordInvite));
  } else if (k < 0.52) {
    plain(m, "Matrix: ");
    linkish(make(addMatrixLink));
  } else if (k < 0.59) {
    plain(m, "SimpleX: ");
    ent(m, PartType::Link, make(addSimplexContact));
  } else if (k < 0.68) {
    plain(m, r.chance(0.5) ? "Session ID: " : "Session: ");
    codeOrPlain(make(addSessionId));
  } else if (k < 0.73) {
    plain(m, "Tox: ");
    codeOrPlain(make(addToxId));
  } else if (k < 0.82) {
    static constexpr std::string_view kLabels[] = {"jabber: ", "Jabber: ", "xmpp: ", "жаббер: ",
                                                   "JID - "};
    plain(m, r.pick(kLabels));
    ent(m, PartType::Email, make(addJid));
  } else if (k < 0.89) {
    plain(m, "Tor: ");  // before begin(): plain() may allocate in the arena
    Arena &a = A_.begin();
    const bool scheme = r.chance(0.6);
    if (scheme) a.add("http://");
    addOnionHost(a, r);
    if (scheme) ent(m, PartType::Link, a.done());
    else plain(m, a.done());
  } else {
    plain(m, "WhatsApp: ");
    linkish(make(addWhatsapp));
  }
}

void PostMaker::webLink(Message &m, const LangVocab &v, Rng &r) {
  plain(m, pickW(r, v.leadIns));
  std::string_view url;
  if (r.chance(0.35)) {
    Arena &a = A_.begin().add(pickW(r, pasteHosts()));
    addAlnum(a, r, 8);
    url = a.done();
  } else {
    url = pickW(r, webLinks());
  }
  if (r.chance(0.2)) ent(m, PartType::TextLink, pickW(r, v.cta), url);
  else ent(m, PartType::Link, url);
}

void PostMaker::link(Message &m, const Channel &src, int64_t t, Rng &r) {
  const LangVocab &v = vocab(src.lang);
  const double u = r.uniform();
  const double other = otherMessengerShare(t);
  if (u < other) otherLink(m, v, r);
  else if (u < other + 0.08) webLink(m, v, r);
  else telegramLink(m, src, r);
}

void PostMaker::signature(Message &m, const Channel &c, Rng &r) {
  // The channel's own link: t.me/<username>, or its invite link when it has none.
  auto ownUrl = [&] {
    return c.username.empty() ? A_.begin().add("https://t.me/+").add(c.invite).done()
                              : A_.begin().add("https://t.me/").add(c.username).done();
  };
  switch (c.sigStyle) {
    case 1:
      plain(m, "\n\n👉 ");
      if (c.username.empty()) ent(m, PartType::Link, ownUrl());
      else ent(m, PartType::Mention, A_.begin().add('@').add(c.username).done());
      break;
    case 2:
      plain(m, "\n\n");
      plain(m, pickW(r, vocab(c.lang).leadIns));
      ent(m, PartType::Link, ownUrl());
      break;
    case 3:
      plain(m, "\n\n");
      ent(m, PartType::TextLink, vocab(c.lang).cta[0], ownUrl());
      break;
    default: break;
  }
}

void PostMaker::body(Message &m, const Channel &src, int64_t t, Rng &r, bool chatter) {
  const LangVocab &v = vocab(src.lang);
  if (phraseDense_ && r.chance(0.6)) {
    plain(m, pickW(r, nearMisses(src.lang)));
    plain(m, chatter ? " " : "\n");
  }
  if (chatter) {
    plain(m, pickW(r, v.chatter));
    if (r.chance(0.15)) {
      plain(m, " ");
      link(m, src, t, r);
    }
    return;
  }
  if (r.chance(0.2)) {
    ent(m, PartType::Bold, pickW(r, v.headers));
    plain(m, "\n\n");
  } else if (r.chance(0.15)) {
    plain(m, pickW(r, emojis()));
    plain(m, " ");
  }
  // Event-era news lines.
  if (src.topic == OsintNews || src.topic == Hacktivist) {
    const bool en = src.lang == EN, ru = src.lang == RU;
    if ((en || ru) && t >= kDurovArrest && t < kDurovArrest + 21 * kDay && r.chance(0.3)) {
      plain(m, pickW(r, durovArrestNews(src.lang)));
      plain(m, ". ");
    } else if ((en || ru) && t >= kPolicyChange && t < kPolicyChange + 45 * kDay && r.chance(0.25)) {
      plain(m, pickW(r, policyChangeNews(src.lang)));
      plain(m, ". ");
    }
  }
  const int lines = 1 + static_cast<int>(r.below(3));
  const Words pool = v.lines[src.topic];
  const uint32_t first = r.below(static_cast<uint32_t>(pool.size()));
  for (int i = 0; i < lines; ++i) {
    if (i) plain(m, r.chance(0.5) ? "\n" : " ");
    // Distinct sentences: walk the pool from a random start.
    plain(m, pool[(first + static_cast<uint32_t>(i) * 5) % pool.size()]);
    if (r.chance(0.25)) {
      plain(m, " ");
      plain(m, pickW(r, emojis()));
    } else if (src.lang != ZH) {
      plain(m, v.stop);
    }
  }
  if (r.chance(0.08)) {
    plain(m, "\n");
    ent(m, PartType::Italic, pickW(r, v.lines[src.topic]));
  }
  if (r.chance(0.04)) {
    plain(m, " ");
    ent(m, PartType::Spoiler, "password: 1234");
  }
  // Links.
  const double u = r.uniform();
  const int links = u < 0.40 ? 0 : u < 0.82 ? 1 : u < 0.95 ? 2 : 3;
  for (int i = 0; i < links; ++i) {
    plain(m, "\n");
    link(m, src, t, r);
  }
  if (r.chance(0.18)) {
    plain(m, "\n\n");
    const int tags = 1 + static_cast<int>(r.below(3));
    for (int i = 0; i < tags; ++i) {
      if (i) plain(m, " ");
      ent(m, PartType::Hashtag, pickW(r, hashtags(src.topic)));
    }
  }
}

void PostMaker::media(Message &m, const Channel &c, Rng &r) {
  const double u = r.uniform();
  Media &md = m.media;
  if (u < 0.22) {
    md.kind = MediaKind::Photo;
    static constexpr uint32_t kDims[][2] = {{1280, 720}, {720, 1280}, {1080, 1080}, {800, 600},
                                            {1280, 960}, {591, 1280}};
    const auto &d = kDims[r.below(6)];
    md.width = d[0];
    md.height = d[1];
    md.fileSize = 20000 + r.below(250000);
  } else if (u < 0.30) {
    md.kind = MediaKind::Document;
    md.fileName = pickW(r, fileNames(c.topic));
    md.mimeType = md.fileName.ends_with(".pdf")   ? "application/pdf"
                  : md.fileName.ends_with(".txt") ? "text/plain"
                  : md.fileName.ends_with(".csv") ? "text/csv"
                  : md.fileName.ends_with(".apk") ? "application/vnd.android.package-archive"
                  : md.fileName.ends_with(".png") ? "image/png"
                  : md.fileName.ends_with(".exe") ? "application/x-msdownload"
                                                  : "application/zip";
    md.fileSize = 1000 + r.below(200000000);
  } else if (u < 0.34) {
    md.kind = MediaKind::Document;
    md.fileName = r.chance(0.5) ? std::string_view("video.mp4") : std::string_view();
    md.mediaType = "video_file";
    md.mimeType = "video/mp4";
    md.fileSize = 200000 + r.below(90000000);
    md.thumbSize = 5000 + r.below(30000);
    md.duration = 5 + r.below(900);
    md.width = 1280;
    md.height = 720;
  }
}

void PostMaker::service(Message &m, const Channel &c, int64_t recentId, Rng &r) {
  m.service = true;
  if (c.supergroup && r.chance(0.4)) {
    const uint32_t k = r.below(static_cast<uint32_t>(c.members.size()));
    m.actor = c.members[k];
    m.actorId = c.memberIds[k];
    m.action = "invite_members";
    m.members.push_back(c.members[r.below(static_cast<uint32_t>(c.members.size()))]);
    return;
  }
  m.actor = c.name;
  m.actorId = c.peerId;
  const double u = r.uniform();
  if (u < 0.6 && recentId > 0) {
    m.action = "pin_message";
    m.pinnedId = recentId;
  } else if (u < 0.85) {
    m.action = "edit_group_photo";
    m.photoAction = true;
    m.media.fileSize = 30000 + r.below(150000);
  } else {
    m.action = "edit_group_title";
    m.title = c.name;
  }
}

void PostMaker::filler(Message &m, int ci, int64_t t, int64_t id, int64_t recentId, Rng &r) {
  const Channel &c = R_.channels[ci];
  m.id = id;
  m.date = t;
  if (r.chance(0.01)) {
    service(m, c, recentId, r);
    return;
  }
  const Channel *src = &c;
  bool chatter = false;
  if (c.supergroup) {
    const uint32_t k = r.below(static_cast<uint32_t>(c.members.size()));
    m.from = c.members[k];
    m.fromId = c.memberIds[k];
    chatter = r.chance(0.65);
    if (recentId > 0 && r.chance(0.3)) m.replyTo = std::max<int64_t>(1, recentId - r.below(20));
  } else {
    m.from = c.name;
    m.fromId = c.peerId;
    if (c.signatures && r.chance(0.8)) m.author = pickW(r, adminNames());
  }
  if (r.chance(0.10)) {
    const double u = r.uniform();
    if (u < 0.75 && !c.partners.empty()) {
      src = &R_.channels[c.partners[r.below(static_cast<uint32_t>(c.partners.size()))]];
      m.fwd = Message::Fwd::Named;
      m.fwdName = src->name;
      m.fwdId = src->peerId;
    } else if (u < 0.90) {
      m.fwd = Message::Fwd::Named;
      m.fwdName = pickW(r, vocab(c.lang).userNames);
    } else {
      m.fwd = Message::Fwd::Hidden;
    }
    chatter = false;
  }
  if (!chatter) media(m, *src, r);
  if (m.media.kind != MediaKind::None && r.chance(0.3)) {
    // Media without caption.
  } else {
    body(m, *src, t, r, chatter);
    if (!chatter && src->sigStyle && r.chance(src->sigRate)) signature(m, *src, r);
    // Story 3 cross-links.
    if (src == &c && c.crossChannel >= 0 && t >= c.crossFrom && t < c.crossUntil &&
        r.chance(0.3)) {
      const Channel &x = R_.channels[c.crossChannel];
      plain(m, c.lang == AR ? "\n\nالنسخة الإنجليزية: " : "\n\n🇸🇦 Arabic: ");
      ent(m, PartType::Link, A_.begin().add("t.me/").add(x.username).done());
    }
  }
  if (!chatter && (c.topic == CryptoScam || c.topic == Carding ? r.chance(0.10) : r.chance(0.03))) {
    const std::string_view target =
        c.username.empty() ? A_.begin().add("https://t.me/+").add(c.invite).done()
                           : A_.begin().add("https://t.me/").add(c.username).done();
    std::vector<Button> row{{"url", vocab(c.lang).cta[0], target}};
    if (r.chance(0.4))
      row.push_back({"url", "Bot", A_.begin().add("https://t.me/").add(R_.external[r.below(static_cast<uint32_t>(R_.external.size()))]).add("_bot?start=").num(r.below(100000)).done()});
    m.buttons.insert(m.buttons.begin(), std::move(row));
  }
  if (!c.supergroup && r.chance(0.3)) {
    const int n = 1 + static_cast<int>(r.below(4));
    for (int i = 0; i < n; ++i) {
      const auto e = pickW(r, reactionEmojis());
      bool dup = false;
      for (const auto &x : m.reactions) dup |= x.emoji == e;
      if (!dup) m.reactions.push_back({e, 1 + r.below(i == 0 ? 500 : 60)});
    }
  }
  if (r.chance(0.08)) m.edited = t + 60 + r.below(3 * 86400);
}

void PostMaker::scripted(Message &m, int ci, const ScriptedPost &p, int64_t id, int64_t prevId) {
  const Channel &c = R_.channels[ci];
  m.id = id;
  m.date = p.time;
  if (p.kind == ScriptedPost::Kind::CreateChannel) {
    m.service = true;
    m.actor = c.name;
    m.actorId = c.peerId;
    m.action = kCreate;
    m.title = c.name;
    return;
  }
  if (p.kind == ScriptedPost::Kind::PinPrevious) {
    m.service = true;
    m.actor = c.name;
    m.actorId = c.peerId;
    m.action = "pin_message";
    m.pinnedId = prevId;
    return;
  }
  m.from = c.name;
  m.fromId = c.peerId;
  if (p.photo) {
    m.media.kind = MediaKind::Photo;
    m.media.width = 1280;
    m.media.height = 640;
    m.media.fileSize = 148213;
  }
  for (const auto &op : p.parts) {
    if (op.type == PartType::Plain) plain(m, op.text);
    else ent(m, op.type, op.text, op.extra);
  }
}

void PostMaker::saved(Message &m, int64_t t, int64_t id, std::string_view self,
                      std::string_view selfId, Rng &r) {
  m.id = id;
  m.date = t;
  m.from = self;
  m.fromId = selfId;
  const Channel &src = R_.channels[r.below(static_cast<uint32_t>(R_.channels.size()))];
  m.fwd = Message::Fwd::Named;
  m.fwdName = src.name;
  m.fwdId = src.peerId;
  body(m, src, t, r, false);
}

}  // namespace gen
