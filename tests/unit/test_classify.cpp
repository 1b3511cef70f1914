// Table-driven tests of the classification contract (docs/classification.md):
// every row of the table, positives and negatives. Examples are made up or
// taken from the grammars in formats.md Part B.
#include <optional>

#include "test_extract_util.h"

using namespace ldtest;

namespace {

const std::vector<Row> kPositives = {
    {"t.me/example_news", Platform::telegram, Kind::public_, "example_news", "t.me/example_news"},
    {"https://telegram.me/Example_News", Platform::telegram, Kind::public_, "example_news", ""},
    {"telegram.dog/SomeChannel", Platform::telegram, Kind::public_, "somechannel", ""},
    {"https://t.me/s/ExampleChan", Platform::telegram, Kind::public_, "examplechan", ""},
    {"HTTPS://ExampleChan.T.ME/", Platform::telegram, Kind::public_, "examplechan", "HTTPS://ExampleChan.T.ME/"},
    {"tg://resolve?domain=Example_Chan", Platform::telegram, Kind::public_, "example_chan", ""},
    {"www.t.me/foo_bar", Platform::telegram, Kind::public_, "foo_bar", ""},
    {"t.me/foo", Platform::telegram, Kind::public_, "foo", "t.me/foo"},
    {"https://t.me/example_news/1234", Platform::telegram, Kind::post, "example_news", ""},
    {"t.me/s/example_news/99", Platform::telegram, Kind::post, "example_news", ""},
    {"tg://resolve?domain=Example_News&post=5", Platform::telegram, Kind::post, "example_news", ""},
    {"t.me/ExampleNews/12?single", Platform::telegram, Kind::post, "examplenews", ""},
    {"examplenews.t.me/7", Platform::telegram, Kind::post, "examplenews", ""},
    {"t.me/c/1987654321/55", Platform::telegram, Kind::private_post, "1987654321", ""},
    {"https://t.me/c/1234567890/10/55", Platform::telegram, Kind::private_post, "1234567890", ""},
    {"tg://privatepost?channel=1234567890&post=3", Platform::telegram, Kind::private_post, "1234567890", ""},
    {"telegram.dog/+Qw3rTyUi0pAsDf12", Platform::telegram, Kind::invite, "Qw3rTyUi0pAsDf12", ""},
    {"https://t.me/joinchat/AbCdEfGhIjKlMnOp", Platform::telegram, Kind::invite, "AbCdEfGhIjKlMnOp", ""},
    {"tg://join?invite=ZyXwVu_-12345", Platform::telegram, Kind::invite, "ZyXwVu_-12345", ""},
    {"t.me/+AAAAAEexampleHash", Platform::telegram, Kind::invite, "AAAAAEexampleHash", ""},
    {"t.me/+49170abc", Platform::telegram, Kind::invite, "49170abc", ""},
    {"t.me/+491701234567", Platform::telegram, Kind::phone, "491701234567", ""},
    {"https://t.me/+14155550123", Platform::telegram, Kind::phone, "14155550123", ""},
    {"tg://resolve?phone=4915112345678", Platform::telegram, Kind::phone, "4915112345678", ""},
    {"tg://resolve?domain=Example_Bot&start=ref42", Platform::telegram, Kind::bot, "example_bot", ""},
    {"t.me/ShopHelperBot?start=abc", Platform::telegram, Kind::bot, "shophelperbot", "t.me/ShopHelperBot?start=abc"},
    {"https://t.me/weather_bot", Platform::telegram, Kind::bot, "weather_bot", ""},
    {"helperbot.t.me", Platform::telegram, Kind::bot, "helperbot", ""},
    {"https://t.me/proxy?server=Proxy.Example.NET&port=443&secret=ee00", Platform::telegram, Kind::proxy, "proxy.example.net", ""},
    {"tg://proxy?server=1.2.3.4&port=8080&secret=dd11", Platform::telegram, Kind::proxy, "1.2.3.4", ""},
    {"t.me/socks?server=socks.example.org&port=1080&user=u&pass=p", Platform::telegram, Kind::proxy, "socks.example.org", ""},
    {"t.me/addlist/AbCdEf123_-x", Platform::telegram, Kind::folder, "AbCdEf123_-x", ""},
    {"https://t.me/addlist/ZZtop99", Platform::telegram, Kind::folder, "ZZtop99", ""},
    {"tg://addlist?slug=Slug_42", Platform::telegram, Kind::folder, "Slug_42", ""},
    {"t.me/addstickers/CatPack", Platform::telegram, Kind::stickers, "CatPack", ""},
    {"https://t.me/addemoji/HappyEmoji", Platform::telegram, Kind::stickers, "HappyEmoji", ""},
    {"tg://addstickers?set=DogPack", Platform::telegram, Kind::stickers, "DogPack", ""},
    {"@example_news", Platform::telegram, Kind::mention, "example_news", "@example_news"},
    {"contact @Support_Team now", Platform::telegram, Kind::mention, "support_team", "@Support_Team"},
    {"(@foo_bar)", Platform::telegram, Kind::mention, "foo_bar", "@foo_bar"},
    {"«@channel_x»", Platform::telegram, Kind::mention, "channel_x", ""},
    {"https://signal.group/#CjQKIAbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz01234", Platform::signal, Kind::group, "CjQKIAbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz01234", ""},
    {"sgnl://signal.group/#CjQKIExampleExampleExample", Platform::signal, Kind::group, "CjQKIExampleExampleExample", ""},
    {"signal.group/#CjQKIxyz_-ABCDEF", Platform::signal, Kind::group, "CjQKIxyz_-ABCDEF", ""},
    {"sgnl://joingroup/#CjQKIabcdefgh", Platform::signal, Kind::group, "CjQKIabcdefgh", ""},
    {"https://signal.me/#p/+14155550123", Platform::signal, Kind::contact, "p/+14155550123", ""},
    {"sgnl://signal.me/#p/+491701234567", Platform::signal, Kind::contact, "p/+491701234567", ""},
    {"https://signal.me/#eu/AbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAb", Platform::signal, Kind::contact, "eu/AbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAbAb", ""},
    {"https://signal.art/addstickers/#pack_id=0123456789abcdef0123456789abcdef&pack_key=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Platform::signal, Kind::stickers, "pack_id=0123456789abcdef0123456789abcdef&pack_key=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", ""},
    {"sgnl://addstickers/?pack_id=0123456789abcdef0123456789abcdef&pack_key=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Platform::signal, Kind::stickers, "pack_id=0123456789abcdef0123456789abcdef&pack_key=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", ""},
    {"signal.art/addstickers/#pack_id=fedcba98765432100123456789abcdef&pack_key=00", Platform::signal, Kind::stickers, "pack_id=fedcba98765432100123456789abcdef&pack_key=00", ""},
    {"discord.gg/Ab3dEf9", Platform::discord, Kind::invite, "Ab3dEf9", ""},
    {"https://discord.com/invite/example-server", Platform::discord, Kind::invite, "example-server", ""},
    {"discordapp.com/invite/Xy12Zz", Platform::discord, Kind::invite, "Xy12Zz", ""},
    {"https://discord.gg/invite/CoolCode", Platform::discord, Kind::invite, "CoolCode", ""},
    {"https://canary.discord.com/channels/123456789012345678/234567890123456789/345678901234567890", Platform::discord, Kind::message, "123456789012345678", ""},
    {"discord.com/channels/123456789012345678/234567890123456789", Platform::discord, Kind::message, "123456789012345678", ""},
    {"https://discordapp.com/channels/12345678901234567890/1/2", Platform::discord, Kind::message, "12345678901234567890", ""},
    {"https://matrix.to/#/%23lobby%3Aexample.org", Platform::matrix, Kind::room, "#lobby:example.org", ""},
    {"https://matrix.to/#/#Lobby:Example.org", Platform::matrix, Kind::room, "#Lobby:Example.org", ""},
    {"matrix:r/lobby:example.org?action=join", Platform::matrix, Kind::room, "#lobby:example.org", ""},
    {"matrix:roomid/AbCdEf:example.org/e/$Ev123?via=example.org", Platform::matrix, Kind::room, "!AbCdEf:example.org", ""},
    {"https://matrix.to/#/!AbCdEf:example.org/$event?via=x.org", Platform::matrix, Kind::room, "!AbCdEf:example.org", ""},
    {"https://matrix.to/#/@alice:example.org", Platform::matrix, Kind::user, "@alice:example.org", ""},
    {"matrix:u/Bob:example.org", Platform::matrix, Kind::user, "@bob:example.org", ""},
    {"@bob.k:matrix.example.net:8448", Platform::matrix, Kind::user, "@bob.k:matrix.example.net:8448", ""},
    {"https://matrix.to/#/%40Carol%3Aexample.org", Platform::matrix, Kind::user, "@carol:example.org", ""},
    {"https://app.element.io/#/room/#lobby:example.org", Platform::matrix, Kind::room, "#lobby:example.org", ""},
    {"https://simplex.chat/contact#/?v=2-7&smp=smp%3A%2F%2Fabc%3D%40smp.example.net", Platform::simplex, Kind::contact, "/?v=2-7&smp=smp%3A%2F%2Fabc%3D%40smp.example.net", ""},
    {"simplex:/contact#/?v=1&smp=x", Platform::simplex, Kind::contact, "/?v=1&smp=x", ""},
    {"https://smp.simplex.im/a#AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE", Platform::simplex, Kind::contact, "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE", ""},
    {"simplex:/a#AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE?h=smp.example.net", Platform::simplex, Kind::contact, "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE", ""},
    {"simplex:/invitation#/?v=2&smp=abc&e2e=def", Platform::simplex, Kind::invitation, "/?v=2&smp=abc&e2e=def", ""},
    {"https://simplex.chat/invitation#/?v=2&smp=a", Platform::simplex, Kind::invitation, "/?v=2&smp=a", ""},
    {"https://smp.example.net/i#LinkIdLinkIdLinkIdLinkIdLinkId12/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE", Platform::simplex, Kind::invitation, "LinkIdLinkIdLinkIdLinkIdLinkId12/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE", ""},
    {"https://smp.simplex.im/g#AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE", Platform::simplex, Kind::group, "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE", ""},
    {"simplex:/g#AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE", Platform::simplex, Kind::group, "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE", ""},
    {"https://smp.example.net/c#AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE", Platform::simplex, Kind::group, "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE", ""},
    {"05a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", Platform::session, Kind::id, "05a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", "05a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"},
    {"Session: 05A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90", Platform::session, Kind::id, "05a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", "05A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90"},
    {"my id:05a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90.", Platform::session, Kind::id, "05a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", ""},
    {"50D858E0985ECC7F60418AAF0CC5AB587F42C2570A884095A9E8CCACD0F6545CDEADBEEF67CE", Platform::tox, Kind::id, "50D858E0985ECC7F60418AAF0CC5AB587F42C2570A884095A9E8CCACD0F6545CDEADBEEF67CE", ""},
    {"tox:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545cdeadbeef67ce", Platform::tox, Kind::id, "50D858E0985ECC7F60418AAF0CC5AB587F42C2570A884095A9E8CCACD0F6545CDEADBEEF67CE", "tox:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545cdeadbeef67ce"},
    {"Tox ID A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F9012345678444C (new)", Platform::tox, Kind::id, "A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F9012345678444C", ""},
    {"jabber: darkvendor@exploit.im", Platform::xmpp, Kind::jid, "darkvendor@exploit.im", ""},
    {"xmpp:support@xmpp.jp?message", Platform::xmpp, Kind::jid, "support@xmpp.jp", ""},
    {"xmpp:lobby@conference.example.org?join", Platform::xmpp, Kind::jid, "lobby@conference.example.org", ""},
    {"JID - someone@jabber.ru/Gajim", Platform::xmpp, Kind::jid, "someone@jabber.ru", "someone@jabber.ru"},
    {"Jabber: Vendor@Example.org", Platform::xmpp, Kind::jid, "vendor@example.org", ""},
    {"джаббер: seller@example.com", Platform::xmpp, Kind::jid, "seller@example.com", ""},
    {"contact: x@thesecure.biz", Platform::xmpp, Kind::jid, "x@thesecure.biz", ""},
    {"Jabber ID: Buyer@example.net", Platform::xmpp, Kind::jid, "buyer@example.net", ""},
    {"chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv", Platform::whatsapp, Kind::group, "AbCdEfGhIjKlMnOpQrStUv", ""},
    {"https://chat.whatsapp.com/Inv1teCode22Chars0000", Platform::whatsapp, Kind::group, "Inv1teCode22Chars0000", ""},
    {"https://wa.me/4915112345678", Platform::whatsapp, Kind::contact, "4915112345678", ""},
    {"wa.me/14155550123", Platform::whatsapp, Kind::contact, "14155550123", ""},
    {"api.whatsapp.com/send?phone=4915112345678", Platform::whatsapp, Kind::contact, "4915112345678", ""},
    {"wa.me/message/ABCDEF123XYZ1", Platform::whatsapp, Kind::contact, "ABCDEF123XYZ1", ""},
    {"whatsapp.com/channel/0029VaExample123", Platform::whatsapp, Kind::channel, "0029VaExample123", ""},
    {"https://www.whatsapp.com/channel/0029VaAbCdEf", Platform::whatsapp, Kind::channel, "0029VaAbCdEf", ""},
    {"threema.id/ABCD1234", Platform::threema, Kind::contact, "ABCD1234", ""},
    {"https://threema.id/abcd1234?text=hi", Platform::threema, Kind::contact, "ABCD1234", ""},
    {"threema.id/*GATEWAY", Platform::threema, Kind::contact, "*GATEWAY", ""},
    {"aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyydenbwha5dyp3kead.onion", Platform::onion, Kind::site, "aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyydenbwha5dyp3kead.onion", ""},
    {"http://AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQTCQKRMFYYDENBWHA5DYP3KEAD.onion/path", Platform::onion, Kind::site, "aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyydenbwha5dyp3kead.onion", ""},
    {"expyuzz4wqqyqhjn.onion", Platform::onion, Kind::site, "expyuzz4wqqyqhjn.onion", ""},
    {"https://www.aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyydenbwha5dyp3kead.onion/", Platform::onion, Kind::site, "aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyydenbwha5dyp3kead.onion", ""},
    {"admin@example.com", Platform::email, Kind::address, "admin@example.com", "admin@example.com"},
    {"Write to John.Doe@Example.ORG.", Platform::email, Kind::address, "john.doe@example.org", "John.Doe@Example.ORG"},
    {"mailto:info@example.net?subject=hi", Platform::email, Kind::address, "info@example.net", ""},
    {"почта:user@mail.ru", Platform::email, Kind::address, "user@mail.ru", ""},
    {"contact: someone@gmail.com", Platform::email, Kind::address, "someone@gmail.com", ""},
    {"bob@example.org", Platform::email, Kind::address, "bob@example.org", ""},
    {"https://example.com/path?q=1", Platform::web, Kind::link, "example.com", "https://example.com/path?q=1"},
    {"www.example.org", Platform::web, Kind::link, "example.org", ""},
    {"Example.COM/page", Platform::web, Kind::link, "example.com", ""},
    {"https://пример.рф/путь", Platform::web, Kind::link, "пример.рф", "https://пример.рф/путь"},
    {"xn--e1afmkfd.xn--p1ai", Platform::web, Kind::link, "xn--e1afmkfd.xn--p1ai", ""},
    {"telegram.org/faq", Platform::web, Kind::link, "telegram.org", ""},
    {"http://user:pw@Host.example.net:8080/x", Platform::web, Kind::link, "host.example.net", ""},
    {"https://localhost:8080/", Platform::web, Kind::link, "localhost", ""},
    {"163.com/news", Platform::web, Kind::link, "163.com", ""},
    {"https://signal.group", Platform::web, Kind::link, "signal.group", ""},
    {"signal.me/#p/4155550123", Platform::web, Kind::link, "signal.me", ""},
    {"discord.gg/", Platform::web, Kind::link, "discord.gg", ""},
    {"discord.gift/xyz", Platform::web, Kind::link, "discord.gift", ""},
    {"cdn.discordapp.com/attachments/1/2/x.png", Platform::web, Kind::link, "cdn.discordapp.com", ""},
    {"dlscord.gg/abc", Platform::web, Kind::link, "dlscord.gg", ""},
    {"https://matrix.org/ecosystem/", Platform::web, Kind::link, "matrix.org", ""},
    {"https://simplex.chat/contact", Platform::web, Kind::link, "simplex.chat", ""},
    {"https://example.com/a#short", Platform::web, Kind::link, "example.com", ""},
    {"wa.me/?text=hi", Platform::web, Kind::link, "wa.me", ""},
    {"web.whatsapp.com", Platform::web, Kind::link, "web.whatsapp.com", ""},
    {"threema.id/compose?text=hi", Platform::web, Kind::link, "threema.id", ""},
    {"something.onion.example.com", Platform::web, Kind::link, "something.onion.example.com", ""},
    {"jabber.ru/forum", Platform::web, Kind::link, "jabber.ru", ""},
    {"@exploit.im", Platform::web, Kind::link, "exploit.im", "exploit.im"},
    {"x.com/@someone", Platform::web, Kind::link, "x.com", "x.com/@someone"},
};

struct Negative {
  std::string text;
  Platform platform;        // must not appear…
  std::optional<Kind> kind; // …with this kind (any kind if empty)
  bool nothing = false;     // and the text must yield no link at all
};

const std::vector<Negative> kNegatives = {
    {"t.me/joinchat", Platform::telegram, std::nullopt, true},
    {"t.me/user__name", Platform::telegram, std::nullopt, true},
    {"t.me/_name", Platform::telegram, std::nullopt, true},
    {"t.me/name_", Platform::telegram, std::nullopt, true},
    {"t.me/1abc", Platform::telegram, std::nullopt, true},
    {"t.me/foo-bar", Platform::telegram, std::nullopt, true},
    {"web.t.me", Platform::telegram, std::nullopt, true},
    {"a.t.me", Platform::telegram, std::nullopt, true},
    {"https://t.me/share/url?url=https%3A%2F%2Fexample.com", Platform::telegram, std::nullopt, true},
    {"t.me/iv?url=https%3A%2F%2Fexample.com&rhash=abc", Platform::telegram, std::nullopt, true},
    {"t.me/$someslug", Platform::telegram, std::nullopt, true},
    {"t.me/ab", Platform::telegram, std::nullopt, true},
    {"t.me/example_news/abc", Platform::telegram, Kind::post, false},
    {"t.me/example_news/12a", Platform::telegram, Kind::post, false},
    {"t.me/c/abc/55", Platform::telegram, std::nullopt, true},
    {"t.me/c/1234567890", Platform::telegram, std::nullopt, true},
    {"t.me/+", Platform::telegram, std::nullopt, true},
    {"t.me/joinchat/", Platform::telegram, std::nullopt, true},
    {"t.me/+491701234567", Platform::telegram, Kind::invite, false},
    {"t.me/+49170abc", Platform::telegram, Kind::phone, false},
    {"t.me/robotics_news", Platform::telegram, Kind::bot, false},
    {"t.me/botanica", Platform::telegram, Kind::bot, false},
    {"t.me/proxy", Platform::telegram, std::nullopt, true},
    {"t.me/proxy?port=443", Platform::telegram, std::nullopt, true},
    {"t.me/addlist/", Platform::telegram, std::nullopt, true},
    {"t.me/addlist", Platform::telegram, std::nullopt, true},
    {"t.me/addstickers/", Platform::telegram, std::nullopt, true},
    {"t.me/addtheme/Night", Platform::telegram, std::nullopt, true},
    {"admin@example.com", Platform::telegram, std::nullopt, false},
    {"@user__name", Platform::telegram, std::nullopt, true},
    {"@_name", Platform::telegram, std::nullopt, true},
    {"@abc", Platform::telegram, std::nullopt, true},
    {"@12345", Platform::telegram, std::nullopt, true},
    {"x.com/@someone", Platform::telegram, std::nullopt, false},
    {"https://signal.group", Platform::signal, std::nullopt, false},
    {"https://signal.group/#", Platform::signal, std::nullopt, false},
    {"signal.me/#p/4155550123", Platform::signal, std::nullopt, false},
    {"signal.me/#x/abc", Platform::signal, std::nullopt, false},
    {"signal.art/addstickers/", Platform::signal, std::nullopt, false},
    {"https://signal.art/", Platform::signal, std::nullopt, false},
    {"signal.org/download", Platform::signal, std::nullopt, false},
    {"discord.gg/", Platform::discord, std::nullopt, false},
    {"discord.gift/xyz", Platform::discord, std::nullopt, false},
    {"cdn.discordapp.com/attachments/1/2/x.png", Platform::discord, std::nullopt, false},
    {"dlscord.gg/abc", Platform::discord, std::nullopt, false},
    {"discord.com/channels/@me", Platform::discord, std::nullopt, false},
    {"discord.com/channels/123/456", Platform::discord, std::nullopt, false},
    {"https://matrix.to/#/", Platform::matrix, std::nullopt, false},
    {"#lobby", Platform::matrix, std::nullopt, true},
    {"@bobby", Platform::matrix, std::nullopt, false},
    {"bob@example.org", Platform::matrix, std::nullopt, false},
    {"https://matrix.org/ecosystem/", Platform::matrix, std::nullopt, false},
    {"https://matrix.to/#/@alice", Platform::matrix, std::nullopt, false},
    {"https://simplex.chat/blog/20250703-short-links.html", Platform::simplex, std::nullopt, false},
    {"https://simplex.chat/contact", Platform::simplex, std::nullopt, false},
    {"https://smp.simplex.im/", Platform::simplex, std::nullopt, false},
    {"https://example.com/a#short", Platform::simplex, std::nullopt, false},
    {"https://example.com/contact#form", Platform::simplex, std::nullopt, false},
    {"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Platform::session, std::nullopt, true},
    {"0x05a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", Platform::session, std::nullopt, true},
    {"05a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", Platform::session, std::nullopt, true},
    {"15a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", Platform::session, std::nullopt, true},
    {"05abababababababababababababababababababababababababababababababab00ff000000", Platform::session, std::nullopt, true},
    {"ab05a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", Platform::session, std::nullopt, true},
    {"50D858E0985ECC7F60418AAF0CC5AB587F42C2570A884095A9E8CCACD0F6545CDEADBEEF6700", Platform::tox, std::nullopt, true},
    {"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Platform::tox, std::nullopt, true},
    {"50D858E0985ECC7F60418AAF0CC5AB587F42C2570A884095A9E8CCACD0F6545CDEADBEEF67CEAB", Platform::tox, std::nullopt, true},
    {"tox:50D858E0985ECC7F60418AAF0CC5AB587F42C2570A884095A9E8CCACD0F6545CDEADBEEF6700", Platform::tox, std::nullopt, true},
    {"contact: someone@gmail.com", Platform::xmpp, std::nullopt, false},
    {"xmpp: see below", Platform::xmpp, std::nullopt, true},
    {"@exploit.im", Platform::xmpp, std::nullopt, false},
    {"jabber.ru/forum", Platform::xmpp, std::nullopt, false},
    {"wa.me/?text=hi", Platform::whatsapp, std::nullopt, false},
    {"web.whatsapp.com", Platform::whatsapp, std::nullopt, false},
    {"whatsapp.com/download", Platform::whatsapp, std::nullopt, false},
    {"chat.whatsapp.com/short", Platform::whatsapp, std::nullopt, false},
    {"threema.id/compose?text=hi", Platform::threema, std::nullopt, false},
    {"threema.id/ABC", Platform::threema, std::nullopt, false},
    {"aaaqeayeaudaocajbifqydiob4ibceqtcqkrmfyydenbwha5dyp3keaa.onion", Platform::onion, std::nullopt, true},
    {"0aaqeayeaudaocajbifqydiob4ibceqtcqkrmfyydenbwha5dyp3kead.onion", Platform::onion, std::nullopt, true},
    {"aaqeayeaudaocajbifqydiob4ibceqtcqkrmfyydenbwha5dyp3kead.onion", Platform::onion, std::nullopt, true},
    {"something.onion.example.com", Platform::onion, std::nullopt, false},
    {"user@localhost", Platform::email, std::nullopt, true},
    {"foo@bar.invalidtld", Platform::email, std::nullopt, true},
    {"@example.com", Platform::email, std::nullopt, false},
    {"README.md", Platform::web, std::nullopt, true},
    {"main.py", Platform::web, std::nullopt, true},
    {"the end.It was fine", Platform::web, std::nullopt, true},
    {"javascript:alert('t.me/evil_chan')", Platform::web, std::nullopt, true},
    {"data:text/html,hi", Platform::web, std::nullopt, true},
    {"file:///etc/passwd", Platform::web, std::nullopt, true},
    {"e.g. this and i.e. that", Platform::web, std::nullopt, true},
    {"version 1.2.3 of file.txt", Platform::web, std::nullopt, true},
    {"xrdp-installer-1.2.3.sh", Platform::web, std::nullopt, true},
    {"shares of 09868.HK rose", Platform::web, std::nullopt, true},
    {"asyncio.run(main())", Platform::web, std::nullopt, true},
    {"tf.keras.utils.to_categorical(y)", Platform::web, std::nullopt, true},
    {"just some text: nothing here!", Platform::web, std::nullopt, true},
};

}  // namespace

TEST_CASE("classify: every positive row yields exactly that link") {
  for (const Row& row : kPositives) check_row(row);
}

TEST_CASE("classify: negatives") {
  for (const Negative& n : kNegatives) {
    const auto links = scan(n.text);
    INFO("text: ", n.text, "  got: ", describe(links));
    if (n.kind) CHECK_FALSE(has(links, n.platform, *n.kind));
    else CHECK_FALSE(has(links, n.platform));
    if (n.nothing) CHECK(links.empty());
  }
}

TEST_CASE("classify: at least 3 positives and 2 negatives per platform") {
  int pos[linkdrift::kPlatformCount] = {};
  int neg[linkdrift::kPlatformCount] = {};
  for (const Row& r : kPositives) ++pos[static_cast<int>(r.platform)];
  for (const Negative& n : kNegatives) ++neg[static_cast<int>(n.platform)];
  for (int p = 0; p < linkdrift::kPlatformCount; ++p) {
    INFO("platform ", linkdrift::name(static_cast<Platform>(p)));
    CHECK(pos[p] >= 3);
    CHECK(neg[p] >= 2);
  }
}

TEST_CASE("classify: mention entity source allows 3-letter names") {
  check_row({"@gif", Platform::telegram, Kind::mention, "gif", "@gif"}, Source::mention);
  CHECK(scan("@gif").empty());  // free text needs 4+
  check_row({"@Example_Chan", Platform::telegram, Kind::mention, "example_chan"}, Source::mention);
}

TEST_CASE("classify: source is propagated") {
  check_row({"https://t.me/foo_bar", Platform::telegram, Kind::public_, "foo_bar"}, Source::button);
  check_row({"https://example.com/x", Platform::web, Kind::link, "example.com"}, Source::text_link);
  check_row({"admin@example.com", Platform::email, Kind::address, "admin@example.com"}, Source::entity);
}
