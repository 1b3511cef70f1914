#include "scenario.h"

#include <algorithm>
#include <set>

#include "arena.h"
#include "identifiers.h"
#include "prng.h"

namespace gen {

int64_t utc(int y, int mo, int d, int h, int mi, int s) {
  // days_from_civil (Howard Hinnant).
  y -= mo <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const int64_t days = era * 146097 + doe - 719468;
  return days * 86400 + h * 3600 + mi * 60 + s;
}

namespace {

// Story identifiers come from this fixed stream, never from --seed.
constexpr uint64_t kStorySeed = 0x11A4D41F7ull;

// One identifier built by `fn` (identifiers.h), as an owned string.
std::string ident(Rng &r, void (*fn)(Arena &, Rng &)) {
  Arena a(4096);
  a.begin();
  fn(a, r);
  return std::string(a.done());
}

OwnedPart P(std::string t) { return {PartType::Plain, std::move(t), {}}; }
OwnedPart L(std::string t) { return {PartType::Link, std::move(t), {}}; }
OwnedPart B(std::string t) { return {PartType::Bold, std::move(t), {}}; }
OwnedPart M(std::string t) { return {PartType::Mention, std::move(t), {}}; }
OwnedPart C(std::string t) { return {PartType::Code, std::move(t), {}}; }
OwnedPart TL(std::string t, std::string href) { return {PartType::TextLink, std::move(t), std::move(href)}; }

ScriptedPost post(int64_t t, std::vector<OwnedPart> parts, bool photo = false) {
  ScriptedPost p;
  p.time = t;
  p.parts = std::move(parts);
  p.photo = photo;
  return p;
}
ScriptedPost pin(int64_t t) {
  ScriptedPost p;
  p.time = t;
  p.kind = ScriptedPost::Kind::PinPrevious;
  return p;
}
ScriptedPost create(int64_t t) {
  ScriptedPost p;
  p.time = t;
  p.kind = ScriptedPost::Kind::CreateChannel;
  return p;
}

Channel story(int n, uint64_t id, std::string name, std::string username, std::string type,
              Lang lang, Topic topic, double weight) {
  Channel c;
  c.story = n;
  c.id = id;
  c.name = std::move(name);
  c.username = std::move(username);
  c.type = std::move(type);
  c.lang = lang;
  c.topic = topic;
  c.weight = weight;
  return c;
}

void addStories(Roster &R) {
  Rng r(kStorySeed);
  auto &v = R.channels;

  // --- Story 1: announced a move to Signal, kept posting at the same rate.
  const std::string sigA = ident(r, addSignalGroup);
  const std::string sigB = ident(r, addSignalGroup);
  const std::string sigC = ident(r, addSignalGroup);
  const std::string sessC = ident(r, addSessionId);
  {
    Channel c = story(1, 1873345201, "Dark Carding Hub", "darkcardinghub", "public_channel", EN,
                      Carding, 30);
    c.sigStyle = 1;
    c.sigRate = 0.7;
    c.scripted.push_back(post(utc(2024, 9, 28, 14, 0, 0),
        {B("⚠️ IMPORTANT"),
         P("\n\nAfter the Telegram policy change we are moving to Signal. All private deals and "
           "the VIP room continue there.\n\nJoin our Signal group: "),
         L(sigA), P("\n\n👉 "), M("@darkcardinghub")}));
    c.scripted.push_back(pin(utc(2024, 9, 28, 14, 1, 0)));
    c.scripted.push_back(post(utc(2024, 11, 15, 9, 0, 0),
        {P("Reminder: our Signal group is live, VIP deals happen there → "), TL("Signal", sigA)}));
    v.push_back(std::move(c));
  }
  {
    Channel c = story(1, 1654420987, "Кардинг Центр | Carding Center", "kardingcentr",
                      "public_channel", RU, Carding, 4);
    c.scripted.push_back(post(utc(2024, 10, 3, 10, 30, 0),
        {P("Переезжаем в Signal: "), L(sigB),
         P("\nTelegram начал сдавать данные, все сделки теперь только там.")}));
    c.scripted.push_back(pin(utc(2024, 10, 3, 10, 31, 0)));
    v.push_back(std::move(c));
  }
  {
    Channel c = story(1, 2011874563, "LeakBase Mirror", "leakbase_mirror", "public_channel", EN,
                      Leaks, 4);
    c.sigStyle = 2;
    c.sigRate = 0.65;
    c.scripted.push_back(post(utc(2024, 10, 14, 16, 45, 0),
        {P("We are moving to Signal. New leaks will be posted in the Signal group first:\n"),
         L(sigC), P("\nSession for admins: "), C(sessC),
         P("\n\nМы переезжаем в Signal, ссылка выше.")}));
    v.push_back(std::move(c));
  }

  // --- Story 2: old channel announces a new one, goes silent; the new one
  // starts 5 weeks later and references the old one.
  Rng ri(kStorySeed + 2);
  const std::string rebornInvite = ident(ri, addInviteHash);
  {
    Channel c = story(2, 1765002341, "Ghost Market", "ghostmarket_cc", "public_channel", EN,
                      Carding, 4);
    c.end = utc(2024, 10, 7, 18, 0, 1);  // silent after the announcement
    c.scripted.push_back(post(utc(2024, 10, 7, 18, 0, 0),
        {B("🚨 Ghost Market is moving"),
         P("\n\nThis channel will be closed soon. New channel: "), L("t.me/ghostmarket_reborn"),
         P("\nРезервный канал: "), L("https://t.me/+" + rebornInvite),
         P("\nSubscribe now, this channel will go silent.")}));
    v.push_back(std::move(c));
  }
  {
    Channel c = story(2, 2234109876, "Ghost Market Reborn", "ghostmarket_reborn", "public_channel",
                      EN, Carding, 4);
    c.invite = rebornInvite;
    c.created = true;
    c.start = utc(2024, 11, 11, 12, 0, 0);
    c.sigStyle = 1;
    c.sigRate = 0.75;
    c.scripted.push_back(create(utc(2024, 11, 11, 12, 0, 0)));
    c.scripted.push_back(post(utc(2024, 11, 11, 12, 5, 0),
        {B("Ghost Market Reborn 🔥"),
         P("\n\nWe are back after 5 weeks. This is the official continuation of "),
         M("@ghostmarket_cc"), P(". Old posts: "), L("https://t.me/ghostmarket_cc"),
         P("\nSame vendors, same escrow.")}));
    c.scripted.push_back(pin(utc(2024, 11, 11, 12, 6, 0)));
    v.push_back(std::move(c));
  }

  // --- Story 3: an English channel opens an Arabic mirror, cross-links it, stops.
  const int enIdx = static_cast<int>(v.size());
  {
    Channel c = story(3, 1598823410, "CyberWar News", "cyberwarnews", "public_channel", EN,
                      OsintNews, 4);
    c.end = utc(2025, 2, 28, 19, 0, 1);
    c.crossChannel = enIdx + 1;
    c.crossFrom = utc(2024, 10, 20, 8, 0, 0);
    c.crossUntil = c.end;
    c.scripted.push_back(post(utc(2024, 10, 20, 8, 0, 0),
        {P("📢 We launched an Arabic mirror of this channel: "), L("https://t.me/cyberwarnews_ar"),
         P(" — القناة الجديدة باللغة العربية")}));
    c.scripted.push_back(post(utc(2025, 2, 28, 19, 0, 0),
        {P("This channel is no longer updated. Follow our Arabic channel: "),
         L("t.me/cyberwarnews_ar"), P(" / تابعونا على القناة الجديدة")}));
    v.push_back(std::move(c));
  }
  {
    Channel c = story(3, 2145567302, "أخبار الحرب السيبرانية", "cyberwarnews_ar", "public_channel",
                      AR, OsintNews, 4);
    c.created = true;
    c.start = utc(2024, 10, 20, 7, 30, 0);
    c.crossChannel = enIdx;
    c.crossFrom = c.start;
    c.crossUntil = utc(2025, 2, 28, 19, 0, 1);
    c.scripted.push_back(create(utc(2024, 10, 20, 7, 30, 0)));
    c.scripted.push_back(post(utc(2024, 10, 20, 7, 40, 0),
        {P("القناة الجديدة لأخبار الحرب السيبرانية 📢\nالنسخة الإنجليزية: "),
         L("t.me/cyberwarnews")}));
    v.push_back(std::move(c));
  }

  // --- Story 4: backup-channel announcements; the channels stay put.
  Rng rb(kStorySeed + 4);
  const std::string hashRu = ident(rb, addInviteHash);
  const std::string hashSoft = ident(rb, addInviteHash);
  {
    Channel c = story(4, 1722093318, "Схемы и Обнал", "", "private_channel", RU, Carding, 4);
    c.scripted.push_back(post(utc(2024, 3, 12, 11, 0, 0),
        {P("Резервный канал: "), L("https://t.me/+" + hashRu),
         P(" — подпишитесь на случай блокировки.")}));
    c.scripted.push_back(post(utc(2024, 11, 2, 11, 0, 0),
        {P("🔁 Напоминаем: резервный канал "), TL("вступить", "https://t.me/+" + hashRu)}));
    v.push_back(std::move(c));
  }
  {
    Channel c = story(4, 1933017745, "Cracked Soft Zone", "crackedsoftzone", "public_channel", EN,
                      Warez, 4);
    c.sigStyle = 2;
    c.sigRate = 0.75;
    c.scripted.push_back(post(utc(2023, 7, 19, 15, 0, 0),
        {P("Backup channel: "), L("t.me/crackedsoftzone_backup"),
         P("\nJoin in case we get banned.")}));
    c.scripted.push_back(post(utc(2024, 10, 9, 15, 0, 0),
        {P("Our backup channel in case of ban: "), L("https://t.me/+" + hashSoft)}));
    // Story 5 negative: "backup" about files.
    c.scripted.push_back(post(utc(2024, 10, 25, 12, 0, 0),
        {P("Reminder: backup your files before installing the new cracked build! Use any backup "
           "tool, we are not responsible for data loss.")}));
    v.push_back(std::move(c));
  }
  {
    Channel c = story(4, 2056612093, "قناة التسريبات العربية", "arab_leaks_ch", "public_channel", AR,
                      Leaks, 4);
    c.scripted.push_back(post(utc(2024, 9, 30, 20, 0, 0),
        {P("قناة احتياطية: "), L("https://t.me/arab_leaks_backup"), P("\nاشتركوا قبل الحظر")}));
    v.push_back(std::move(c));
  }
  {
    Channel c = story(4, 1847263510, "اخبار امنیت سایبری", "cybersec_fa", "public_channel", FA,
                      OsintNews, 4);
    c.scripted.push_back(post(utc(2024, 12, 5, 17, 30, 0),
        {P("کانال پشتیبان: "), M("@cybersec_fa_backup")}));
    v.push_back(std::move(c));
  }

  // --- Story 5: negatives for move detectors.
  Rng rn(kStorySeed + 5);
  const std::string sigQuoted = ident(rn, addSignalGroup);
  {
    Channel c = story(5, 1811223344, "Crypto Signals VIP", "cryptosignals_vip", "public_channel",
                      EN, CryptoScam, 4);
    c.scripted.push_back(post(utc(2024, 11, 20, 13, 0, 0),
        {P("New channel art 🎨 Thanks to our designer! How do you like it?")}, true));
    v.push_back(std::move(c));
  }
  {
    Channel c = story(5, 1500987123, "OSINT Daily", "osintdaily", "public_channel", EN, OsintNews,
                      4);
    c.scripted.push_back(post(utc(2024, 8, 24, 21, 0, 0),
        {B("BREAKING"),
         P(": Telegram founder Pavel Durov detained at Le Bourget airport near Paris.")}));
    c.scripted.push_back(post(utc(2024, 9, 23, 18, 0, 0),
        {P("Telegram updated its privacy policy: IP addresses and phone numbers of users who "
           "violate the rules may be disclosed to authorities in response to valid legal "
           "requests.")}));
    c.scripted.push_back(post(utc(2024, 10, 1, 9, 15, 0),
        {P("Hacktivist group \"Noname Legion\" announced they are moving to Signal after the "
           "Telegram policy change. Their post: \"we are moving to Signal: "),
         L(sigQuoted), P("\" — we do not endorse joining.")}));
    c.scripted.push_back(post(utc(2024, 10, 10, 10, 0, 0),
        {P("Researchers report that a ransomware gang opened a backup channel on Telegram and "
           "is tracking which affiliates follow it.")}));
    v.push_back(std::move(c));
  }
}

std::string makeUsername(Rng &r, Topic t, std::set<std::string> &used) {
  for (int attempt = 0;; ++attempt) {
    std::string u(r.pick(usernameStems(t)));
    const auto tail = r.pick(usernameTails());
    if (!tail.empty()) {
      if (r.chance(0.5)) u += '_';
      u += tail;
    }
    if (r.chance(0.3) || u.size() < 5 || attempt > 3) u += std::to_string(r.below(900) + 10);
    if (u.size() > 32) continue;
    if (used.insert(u).second) return u;
  }
}

std::string makeName(Rng &r, Lang l, Topic t, std::set<std::string> &used) {
  for (int attempt = 0;; ++attempt) {
    std::string n;
    auto pre = namePrefixes(l, t);
    if (!pre.empty() && r.chance(0.7)) {
      n += r.pick(pre);
      n += ' ';
    }
    n += r.pick(nameCores(l, t));
    n += r.pick(nameSuffixes(l));
    if (attempt > 4) {
      n += ' ';
      n += std::to_string(attempt);
    }
    if (used.insert(n).second) return n;
  }
}

}  // namespace

Roster buildRoster(uint64_t seed, int total) {
  Roster R;
  addStories(R);
  Rng r(mixSeed(seed, 0xC0FFEE));
  std::set<std::string> usedNames, usedUsers;
  std::set<uint64_t> usedIds;
  for (auto &c : R.channels) {
    usedNames.insert(c.name);
    if (!c.username.empty()) usedUsers.insert(c.username);
    usedIds.insert(c.id);
  }
  for (const char *u : {"ghostmarket_reborn", "cyberwarnews_ar", "crackedsoftzone_backup",
                        "arab_leaks_backup", "cybersec_fa_backup"})
    usedUsers.insert(u);

  // Language mix of filler channels.
  static constexpr Lang kLangMix[] = {EN, EN, EN, EN, EN, RU, RU, RU, RU, AR, AR, FA, FA, ZH,
                                      ZH, ES, ES, PT, PT, TR, ID, HE};
  const int storyCount = static_cast<int>(R.channels.size());
  for (int i = storyCount; i < total; ++i) {
    Channel c;
    do c.id = static_cast<uint64_t>(r.range(1100000000, 2499999999));
    while (!usedIds.insert(c.id).second);
    c.lang = r.pick(kLangMix);
    c.topic = static_cast<Topic>(r.below(kTopicCount));
    c.name = makeName(r, c.lang, c.topic, usedNames);
    const double u = r.uniform();
    if (u < 0.55) c.type = "public_channel";
    else if (u < 0.80) c.type = "private_channel";
    else c.type = "public_supergroup";
    c.supergroup = c.type == "public_supergroup";
    if (c.type != "private_channel") c.username = makeUsername(r, c.topic, usedUsers);
    const double rate = r.uniform();
    c.weight = rate < 0.10 ? 12 : rate < 0.40 ? 4 : rate < 0.80 ? 1 : 0.25;
    if (r.chance(0.4)) {
      c.created = true;
      c.start = kTimelineStart + static_cast<int64_t>(r.below(800)) * kDay +
                static_cast<int64_t>(r.below(86400));
    }
    if (r.chance(0.15)) {
      // Dies (ban/abandon); more often after the policy change.
      const int64_t from = std::max(c.start + 60 * kDay,
                                    r.chance(0.6) ? kPolicyChange : kTimelineStart);
      if (from < kTimelineEnd - 30 * kDay)
        c.end = from + static_cast<int64_t>(r.below(
                           static_cast<uint32_t>((kTimelineEnd - 30 * kDay - from) / kDay))) * kDay;
    }
    if (!c.supergroup && r.chance(0.35)) {
      c.sigStyle = 1 + static_cast<int>(r.below(3));
      c.sigRate = 0.65 + 0.3 * r.uniform();
    }
    c.signatures = !c.supergroup && r.chance(0.15);
    c.trendFrom = 0.5 + r.uniform();
    c.trendTo = 0.5 + r.uniform();
    R.channels.push_back(std::move(c));
  }

  // Per-chat details for everyone (story chats included, from the seeded stream).
  const int n = static_cast<int>(R.channels.size());
  for (int i = 0; i < n; ++i) {
    Channel &c = R.channels[i];
    c.peerId = "channel" + std::to_string(c.id);
    if (c.invite.empty()) c.invite = ident(r, addInviteHash);
    if (!c.created && c.story == 0) c.firstId = 1 + r.below(20000);
    else if (!c.created) c.firstId = 100 + r.below(3000);
    c.tzShift = static_cast<int>(r.below(24));
    const int k = 3 + static_cast<int>(r.below(6));
    for (int j = 0; j < k && n > 1; ++j) {
      int p = static_cast<int>(r.below(static_cast<uint32_t>(n)));
      if (p != i) c.partners.push_back(p);
    }
    if (c.supergroup) {
      const auto &voc = vocab(c.lang);
      const int m = 8 + static_cast<int>(r.below(30));
      for (int j = 0; j < m; ++j) {
        std::string name(r.pick(voc.userNames));
        if (r.chance(0.4)) name += " " + std::to_string(r.below(99));
        c.members.push_back(name);
        c.memberIds.push_back("user" + std::to_string(r.range(100000000, 7999999999)));
      }
    }
  }

  // Channels that are linked but not exported (Zipf-like popularity when used).
  const int ext = 200 + n * 6;
  for (int i = 0; i < ext; ++i)
    R.external.push_back(makeUsername(r, static_cast<Topic>(r.below(kTopicCount)), usedUsers));

  // A few left channels (own messages only -> empty message lists).
  for (int i = 0; i < 3; ++i) {
    LeftChat lc;
    const Topic t = static_cast<Topic>(r.below(kTopicCount));
    lc.name = makeName(r, EN, t, usedNames);
    lc.type = i == 2 ? "private_channel" : "public_channel";
    do lc.id = static_cast<uint64_t>(r.range(1100000000, 2499999999));
    while (!usedIds.insert(lc.id).second);
    R.left.push_back(lc);
  }

  R.biggest = 0;
  for (int i = 1; i < n; ++i)
    if (R.channels[i].weight > R.channels[R.biggest].weight) R.biggest = i;
  return R;
}

}  // namespace gen
