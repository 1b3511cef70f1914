// linkdrift-gen: syntactically valid identifiers of the platforms linkdrift
// classifies (docs/formats.md Part B). Each function appends one identifier or
// link to the arena string being built (Arena::begin() ... done()).
//
// Validity guarantees: Tox IDs carry a correct checksum; onion v3 hosts carry
// a correct SHA3-256 checksum (so they always end in 'd'); Session IDs are
// "05" + 64 hex; Signal group fragments are 72 base64url chars starting "CjQKI".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "arena.h"
#include "prng.h"

namespace gen {

void addAlnum(Arena &a, Rng &r, int n);     // [A-Za-z0-9]
void addB64url(Arena &a, Rng &r, int n);    // [A-Za-z0-9_-]
void addHex(Arena &a, Rng &r, int n, bool upper);

void addInviteHash(Arena &a, Rng &r);       // 16 chars, for t.me/+ and joinchat/
void addSignalGroup(Arena &a, Rng &r);      // https://signal.group/#CjQKI...
void addSignalUsernameLink(Arena &a, Rng &r);  // https://signal.me/#eu/<64>
void addDiscordInvite(Arena &a, Rng &r);    // discord.gg/<code> (no scheme)
void addMatrixLink(Arena &a, Rng &r);       // https://matrix.to/#/...
void addSimplexContact(Arena &a, Rng &r);   // https://simplex.chat/contact#/?v=...
void addSessionId(Arena &a, Rng &r);        // 05 + 64 hex
void addToxId(Arena &a, Rng &r);            // 76 uppercase hex, valid checksum
void addJid(Arena &a, Rng &r);              // localpart@xmpp-domain
void addOnionHost(Arena &a, Rng &r);        // <56>.onion with a valid checksum
void addWhatsapp(Arena &a, Rng &r);         // chat.whatsapp.com/... | wa.me/... | whatsapp.com/channel/...

// For tests/self-checks.
std::string sha3_256_hex(std::string_view data);
bool toxChecksumOk(std::string_view hex76);

}  // namespace gen
