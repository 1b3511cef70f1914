// Composed announcements (issue 12; docs/announcements.md "Composition"): a
// verb or noun phrase announces only when its sentence says who speaks and
// where to, and not as a denial, hedge, how-to, question or report; and the
// languages added with it (fr, de, ms, bn, hi, ur).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "announce_test_util.h"
#include "linkdrift/migration/lexicon.h"

using namespace linkdrift::announce_test;

TEST_CASE("compose: a verb with who and where announces; the destination may be before, after or next to it") {
  for (const Pos& p : std::vector<Pos>{
           // Team ARXU's wording (the study behind this tool): "decided to move from Telegram to Signal".
           {"We decided to move from Telegram to Signal for a more secure and private chat experience.\nNew group: " +
                kSig, move, "CjQKIAbcdefgh12345678", "en"},
           // act.move: a bare verb with a `who` ("our team") and a place (Matrix) in its sentence.
           {"Our team is migrating everything to Matrix: https://matrix.to/#/#hq:example.org", move, "#hq:example.org",
            "en"},
           // A verb that ends its sentence finds the place after it in its paragraph.
           {"Друзі, ми переїжджаємо!\nТелеграм блокує нас щотижня. Нова адреса — Signal:\n" + kSig, move,
            "CjQKIAbcdefgh12345678", "uk"},
           // "here" pointing at the link on the line above.
           {"t.me/+AbcDef123456\n👆 вот сюда перебрались, старый чат остаётся архивом", move, "AbcDef123456", "ru"},
           // No place named, but the destination is next to the verb.
           {"Мы переехали: t.me/novyi_dom_ru", move, "novyi_dom_ru", "ru"},
           // A contact verb with the messenger named in its line and the ID on the next.
           {"Contacto admin (Session):\n" + kSession, contact, kSession, "es"},
           // A noun phrase with `join` in its sentence.
           {"Join our new channel for the leaks, the link is in the last line of this post.\nt.me/leaks_new_home",
            new_channel, "leaks_new_home", "en"},
           // A noun phrase with its destination next to it.
           {"новая группа 👉 @gruppa_novaya", new_channel, "gruppa_novaya", "ru"},
       })
    check_positive(p);
}

TEST_CASE("compose: denials, hedges, how-tos, questions, reports and objects that are not places announce nothing") {
  for (const std::string& text : std::vector<std::string>{
           "We are moving the giveaway to Friday because of the holiday, details: t.me/giveaway_chat/12",
           "Мы переносим розыгрыш на пятницу из-за праздников, подробности: t.me/rozygrysh_chat/7",
           "We are not moving to Signal, ignore the fake link: " + kSig,
           "Rumours again: we are moving to Signal? No. Fake group: " + kSig,
           "How to move your community to Signal, step by step: https://blog.example.org/signal-howto",
           "Should we move to Signal or Matrix? Vote here: t.me/poll_chan/5",
           "Bl00dy says it is leaving Telegram for good: " + kSig,
           "The team is leaving for the weekend, orders resume on Monday. More: https://t.me/shop_news",
           "The team is leaving for the weekend, orders resume on Monday ty bro More here: https://telegram.dog/dumps",
           "New channel rules are pinned, read them before you post.\nhttps://t.me/rules_chan/3",
           "Contact admin: https://t.me/shop_admin\nTor: http://example.com",
           "Contato: t.me/pump_admin\nDiscord discord.gg/xyzzy12",
           "SimpleX: https://simplex.chat/contact#/?v=2-7&smp=smp%3A%2F%2Fabc",
       }) {
    const Result r = run(text);
    INFO(text, " -> ", describe(r));
    CHECK_FALSE(r.a.has_value());
  }
}

TEST_CASE("compose: a departure verb with Telegram named is leaving without a destination") {
  for (const char* text : {"We are done with Telegram, we are leaving it for good.",
                           "Nous quittons Telegram, la nouvelle adresse sera annoncée.",
                           "Wir verlassen Telegram. Wo es weitergeht, sagen wir bald."}) {
    const Result r = run(text);
    INFO(text, " -> ", describe(r));
    REQUIRE(r.a.has_value());
    CHECK(r.a->type == AnnouncementType::leaving);
    CHECK(r.a->destination == nullptr);
    CHECK(detector().may_announce(text, false, /*has_links=*/false));
  }
  // "we are NOT leaving" is a denial, in the clause of the verb only.
  CHECK_FALSE(run("We are not leaving Telegram, whatever the rumours say.").a.has_value());
}

TEST_CASE("compose: French, German, Malay, Bengali, Hindi and Urdu") {
  for (const Pos& p : std::vector<Pos>{
           {"Nous quittons Telegram. Rejoignez-nous sur Signal : " + kSig, move, "CjQKIAbcdefgh12345678", "fr"},
           {"Canal de secours en cas de ban : t.me/secours_maghreb", backup, "secours_maghreb", "fr"},
           {"Pour nous contacter, Session uniquement : " + kSession, contact, kSession, "fr"},
           {"Wir ziehen um! Ab sofort nur noch auf Discord: https://discord.gg/neuheim", move, "neuheim", "de"},
           {"Ersatzkanal, falls wir gesperrt werden: t.me/ersatz_de", backup, "ersatz_de", "de"},
           {"Schreibt uns über Session: " + kSession, contact, kSession, "de"},
           {"Kami berpindah ke Signal mulai hari ini: " + kSig, move, "CjQKIAbcdefgh12345678", "ms"},
           {"Saluran sandaran kami: t.me/sandaran_my", backup, "sandaran_my", "ms"},
           {"আমরা টেলিগ্রাম ছেড়ে যাচ্ছি। নতুন গ্রুপ: " + kSig, move, "CjQKIAbcdefgh12345678", "bn"},
           {"ব্যাকআপ চ্যানেল: t.me/bd_backup_ch", backup, "bd_backup_ch", "bn"},
           {"হোয়াটসঅ্যাপে যোগাযোগ করুন: wa.me/8801700000000", contact, "8801700000000", "bn"},
           {"हमारा नया चैनल: t.me/hindi_naya", new_channel, "hindi_naya", "hi"},
           {"बैकअप चैनल जॉइन करें: t.me/hindi_backup", backup, "hindi_backup", "hi"},
           {"सिग्नल पर संपर्क करें: signal.me/#p/+919800000000", contact, "p/+919800000000", "hi"},
           {"بیک اپ چینل: t.me/urdu_backup", backup, "urdu_backup", "ur"},
           {"ہمارا نیا چینل: t.me/urdu_naya", new_channel, "urdu_naya", "ur"},
           {"ہم منتقل ہو رہے ہیں، نیا گروپ: " + kSig, move, "CjQKIAbcdefgh12345678", "ur"},
       }) {
    check_positive(p);
    CHECK(detector().may_announce(p.text));
  }
}

TEST_CASE("compose: lexicon types") {
  using linkdrift::migration::LexiconError;
  using linkdrift::migration::parse_lexicon;
  using linkdrift::migration::PhraseForm;
  using linkdrift::migration::PhraseRole;
  const auto entries = parse_lexicon(
      "act.move\ten\tmoving\nact1.leaving\tfr\tnous quittons\nnoun.backup\tde\tersatzkanal\n"
      "where.signal\tru\tсигнал\nwhere.here\ten\there\nwho\ten\twe\n");
  REQUIRE(entries.size() == 6);
  CHECK((entries[0].role == PhraseRole::move && entries[0].form == PhraseForm::act));
  CHECK((entries[1].role == PhraseRole::leaving && entries[1].form == PhraseForm::act_self));
  CHECK((entries[2].role == PhraseRole::backup && entries[2].form == PhraseForm::noun));
  CHECK((entries[3].role == PhraseRole::where && entries[3].place == linkdrift::Platform::signal));
  CHECK((entries[4].role == PhraseRole::where && entries[4].deictic));
  CHECK(entries[5].role == PhraseRole::who);
  // Forms apply to the five announcement types only; a place is a platform other than email.
  for (const char* bad : {"act.neutral\ten\tx y\n", "noun.who\ten\twe\n", "where.email\ten\tmail\n",
                          "where.mars\ten\tmars\n", "act.where.signal\ten\tsignal\n"})
    CHECK_THROWS_AS(parse_lexicon(bad), LexiconError);
}
