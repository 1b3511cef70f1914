#include "identifiers.h"

#include <array>
#include <cstring>
#include <vector>

namespace gen {

namespace {

constexpr char kAlnum[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr char kB64url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr char kHexLower[] = "0123456789abcdef";
constexpr char kHexUpper[] = "0123456789ABCDEF";

// ---- Keccak-f[1600] / SHA3-256 (FIPS 202), compact reference implementation.
constexpr uint64_t kRC[24] = {
    0x0000000000000001ull, 0x0000000000008082ull, 0x800000000000808Aull,
    0x8000000080008000ull, 0x000000000000808Bull, 0x0000000080000001ull,
    0x8000000080008081ull, 0x8000000000008009ull, 0x000000000000008Aull,
    0x0000000000000088ull, 0x0000000080008009ull, 0x000000008000000Aull,
    0x000000008000808Bull, 0x800000000000008Bull, 0x8000000000008089ull,
    0x8000000000008003ull, 0x8000000000008002ull, 0x8000000000000080ull,
    0x000000000000800Aull, 0x800000008000000Aull, 0x8000000080008081ull,
    0x8000000000008080ull, 0x0000000080000001ull, 0x8000000080008008ull};
constexpr int kRot[25] = {0,  1,  62, 28, 27, 36, 44, 6,  55, 20, 3,  10, 43,
                          25, 39, 41, 45, 15, 21, 8,  18, 2,  61, 56, 14};

uint64_t rotl64(uint64_t x, int k) { return k ? (x << k) | (x >> (64 - k)) : x; }

void keccakF(uint64_t st[25]) {
  for (int round = 0; round < 24; ++round) {
    uint64_t c[5], d[5];
    for (int x = 0; x < 5; ++x)
      c[x] = st[x] ^ st[x + 5] ^ st[x + 10] ^ st[x + 15] ^ st[x + 20];
    for (int x = 0; x < 5; ++x) d[x] = c[(x + 4) % 5] ^ rotl64(c[(x + 1) % 5], 1);
    for (int i = 0; i < 25; ++i) st[i] ^= d[i % 5];
    uint64_t b[25];
    for (int x = 0; x < 5; ++x)
      for (int y = 0; y < 5; ++y)
        b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl64(st[x + 5 * y], kRot[x + 5 * y]);
    for (int x = 0; x < 5; ++x)
      for (int y = 0; y < 5; ++y)
        st[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
    st[0] ^= kRC[round];
  }
}

std::array<uint8_t, 32> sha3_256(const uint8_t *data, std::size_t len) {
  constexpr std::size_t rate = 136;
  uint64_t st[25] = {};
  std::vector<uint8_t> msg(data, data + len);
  msg.push_back(0x06);
  while (msg.size() % rate) msg.push_back(0);
  msg.back() |= 0x80;
  for (std::size_t off = 0; off < msg.size(); off += rate) {
    for (std::size_t i = 0; i < rate / 8; ++i) {
      uint64_t w = 0;
      for (int k = 0; k < 8; ++k) w |= static_cast<uint64_t>(msg[off + i * 8 + k]) << (8 * k);
      st[i] ^= w;
    }
    keccakF(st);
  }
  std::array<uint8_t, 32> out{};
  for (int i = 0; i < 32; ++i) out[i] = static_cast<uint8_t>(st[i / 8] >> (8 * (i % 8)));
  return out;
}

void add(Arena &a, std::string_view s) { a.add(s); }

}  // namespace

std::string sha3_256_hex(std::string_view data) {
  auto h = sha3_256(reinterpret_cast<const uint8_t *>(data.data()), data.size());
  std::string s;
  for (auto b : h) {
    s += kHexLower[b >> 4];
    s += kHexLower[b & 15];
  }
  return s;
}

void addAlnum(Arena &a, Rng &r, int n) {
  for (int i = 0; i < n; ++i) a.add(kAlnum[r.below(62)]);
}
void addB64url(Arena &a, Rng &r, int n) {
  for (int i = 0; i < n; ++i) a.add(kB64url[r.below(64)]);
}
void addHex(Arena &a, Rng &r, int n, bool upper) {
  const char *h = upper ? kHexUpper : kHexLower;
  for (int i = 0; i < n; ++i) a.add(h[r.below(16)]);
}

void addInviteHash(Arena &a, Rng &r) {
  // Modern invite hashes: 16 base64url chars; most start with "A" or "B"
  // (observed); never all digits (that would be a phone link).
  a.add(r.chance(0.6) ? 'A' : kAlnum[r.below(26)]);
  addB64url(a, r, 15);
}

void addSignalGroup(Arena &a, Rng &r) {
  add(a, "https://signal.group/#CjQKI");
  addB64url(a, r, 72 - 5);
}

void addSignalUsernameLink(Arena &a, Rng &r) {
  add(a, "https://signal.me/#eu/");
  addB64url(a, r, 64);
}

void addDiscordInvite(Arena &a, Rng &r) {
  static constexpr std::string_view kVanity[] = {
      "darkleaks", "crackzone", "cardershub", "osintcrew", "cyberarmy",
      "freeleaks", "pumpgroup", "hackforums", "binhub", "shadowcrew"};
  add(a, r.chance(0.15) ? "discord.com/invite/" : "discord.gg/");
  if (r.chance(0.25)) {
    add(a, r.pick(kVanity));
    if (r.chance(0.5)) a.num(r.below(100));
  } else {
    addAlnum(a, r, 7 + static_cast<int>(r.below(4)));
  }
}

void addMatrixLink(Arena &a, Rng &r) {
  static constexpr std::string_view kRooms[] = {"lobby", "ops", "leaks", "market",
                                                "general", "backup", "news", "chat"};
  static constexpr std::string_view kServers[] = {
      "matrix.org", "envs.net", "tchncs.de", "nitro.chat", "matrix.nerdsin.space",
      "converser.eu", "privacytools.io"};
  add(a, "https://matrix.to/#/");
  const auto room = r.pick(kRooms);
  const auto server = r.pick(kServers);
  switch (r.below(3)) {
    case 0: a.add('#').add(room).add('_').num(r.below(900) + 100).add(':').add(server); break;
    case 1: a.add("%23").add(room).add("%3A").add(server); break;
    default: a.add('@').add(room).add("_admin:").add(server); break;
  }
}

void addSimplexContact(Arena &a, Rng &r) {
  add(a, "https://simplex.chat/contact#/?v=2-7&smp=smp%3A%2F%2F");
  addB64url(a, r, 43);
  add(a, "%3D%40smp");
  a.num(r.below(18) + 1);
  add(a, ".simplex.im%2F");
  addB64url(a, r, 32);
  add(a, "%23%2F%3Fv%3D1-3%26dh%3DMCowBQYDK2VuAyEA");
  addB64url(a, r, 43);
  add(a, "%253D");
}

void addSessionId(Arena &a, Rng &r) {
  add(a, "05");
  addHex(a, r, 64, false);
}

void addToxId(Arena &a, Rng &r) {
  uint8_t b[38];
  for (int i = 0; i < 36; ++i) b[i] = static_cast<uint8_t>(r.next());
  b[36] = b[37] = 0;
  for (int i = 0; i < 36; ++i) b[36 + i % 2] ^= b[i];
  for (auto v : b) a.add(kHexUpper[v >> 4]).add(kHexUpper[v & 15]);
}

bool toxChecksumOk(std::string_view hex) {
  if (hex.size() != 76) return false;
  auto nib = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  uint8_t b[38];
  for (int i = 0; i < 38; ++i) {
    const int hi = nib(hex[2 * i]), lo = nib(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    b[i] = static_cast<uint8_t>(hi * 16 + lo);
  }
  uint8_t c[2] = {0, 0};
  for (int i = 0; i < 36; ++i) c[i % 2] ^= b[i];
  return c[0] == b[36] && c[1] == b[37];
}

void addJid(Arena &a, Rng &r) {
  static constexpr std::string_view kLocal[] = {
      "darkvendor", "support", "admin", "shop", "cc_master", "dumps", "leaker",
      "ghost", "sellerpro", "escrow", "bulletproof", "crypter", "vendor", "logs"};
  static constexpr std::string_view kDomains[] = {
      "exploit.im", "xmpp.jp", "jabber.ru", "thesecure.biz", "jabb.im",
      "404.city", "xmpp.is", "draugr.de", "jabber.cz", "conversations.im"};
  a.add(r.pick(kLocal));
  if (r.chance(0.6)) a.num(r.below(1000));
  a.add('@').add(r.pick(kDomains));
}

void addOnionHost(Arena &a, Rng &r) {
  uint8_t pub[32];
  for (auto &v : pub) v = static_cast<uint8_t>(r.next());
  uint8_t in[15 + 32 + 1];
  std::memcpy(in, ".onion checksum", 15);
  std::memcpy(in + 15, pub, 32);
  in[47] = 3;
  const auto h = sha3_256(in, sizeof in);
  uint8_t raw[35];
  std::memcpy(raw, pub, 32);
  raw[32] = h[0];
  raw[33] = h[1];
  raw[34] = 3;
  static constexpr char kB32[] = "abcdefghijklmnopqrstuvwxyz234567";
  // 35 bytes = 280 bits = 56 base32 chars exactly.
  uint64_t acc = 0;
  int bits = 0;
  for (uint8_t v : raw) {
    acc = (acc << 8) | v;
    bits += 8;
    while (bits >= 5) {
      a.add(kB32[(acc >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  a.add(".onion");
}

void addWhatsapp(Arena &a, Rng &r) {
  switch (r.below(3)) {
    case 0: a.add("https://chat.whatsapp.com/"); addAlnum(a, r, 22); break;
    case 1: {
      static constexpr std::string_view kCc[] = {"7", "44", "49", "55", "62", "90", "971", "98", "234", "1"};
      a.add("https://wa.me/").add(r.pick(kCc));
      for (int i = 0; i < 9; ++i) a.add(static_cast<char>('0' + r.below(10)));
      break;
    }
    default: a.add("https://whatsapp.com/channel/0029Va"); addAlnum(a, r, 16); break;
  }
}

}  // namespace gen
