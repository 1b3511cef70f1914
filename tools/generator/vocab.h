// linkdrift-gen: static text vocabulary (channel names, post sentences, link
// lead-ins) in ten languages. All strings are UTF-8 literals with static
// storage, so string_views into them never dangle. Content is invented.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace gen {

enum Lang : int { EN, RU, AR, FA, ZH, ES, PT, TR, ID, HE, kLangCount };
enum Topic : int { Carding, Leaks, Warez, CryptoScam, OsintNews, Hacktivist, kTopicCount };

using Words = std::span<const std::string_view>;

struct LangVocab {
  std::string_view code;  // "en", "ru", ...
  std::array<Words, kTopicCount> lines;  // post sentences per topic
  Words leadIns;    // text placed before a visible link ("Join: ", "канал: ")
  Words cta;        // visible text of hidden text_link hrefs ("join here")
  Words headers;    // short bold headlines
  Words chatter;    // short supergroup messages
  Words userNames;  // member display names
  std::string_view stop;  // sentence-final punctuation glued to links (".", "。")
};

const LangVocab &vocab(Lang l);
std::string_view topicName(Topic t);

// Channel-name pieces.
Words namePrefixes(Lang l, Topic t);  // may be empty
Words nameCores(Lang l, Topic t);
Words nameSuffixes(Lang l);
Words usernameStems(Topic t);         // latin, for usernames
Words usernameTails();

// Cross-cutting pools.
Words emojis();
Words hashtags(Topic t);
Words webLinks();        // ordinary websites (full URLs)
Words pasteHosts();      // "https://pastebin.com/" etc. (append an id)
Words fileNames(Topic t);
Words reactionEmojis();
Words adminNames();      // post signatures ("author")
Words botStems();
// Event-dated news lines (used by news channels after the event date).
Words durovArrestNews(Lang l);
Words policyChangeNews(Lang l);
// Posts that use announcement words without announcing (--profile phrase-dense).
Words nearMisses(Lang l);

}  // namespace gen
