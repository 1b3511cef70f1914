// How tdesktop renders a text part as <a> (FormatText in export_output_html.cpp),
// mapped back to the Source the JSON reader gives the same part
// (message_parser.cpp), so both formats yield the same link records.
//
//   JSON part                 HTML                                     fragments
//   link      T               <a href="T">T</a>                        T entity
//   email     T               <a href="mailto:T">T</a>                 T entity
//   phone     T               <a href="tel:T">T</a>                    T text
//   mention   @N              <a href="https://t.me/N">@N</a>          @N mention
//   text_link T, href H       <a href="H">T</a>                        T text, H text_link
//   hashtag, cashtag, bot_command, mention_name, custom emoji not loaded:
//                             <a href="" onclick="...">T</a>           T text
//   custom_emoji (a file)     <a href = "stickers/x.webp">T</a>        T text (never the local path)
//
// Ambiguities (HTML does not say which part it was): a text_link whose label
// equals its href reads as a link (T entity instead of T text + H text_link:
// the same targets); a text_link labelled "@N" pointing to https://t.me/N
// reads as a mention. An href without a URL scheme is a local path (custom
// emoji, a file of the export): only the label is kept. A `javascript:` href
// is never a hidden link: it is passed on as plain text (the extractor decides).
#pragma once

#include <string>
#include <string_view>

#include "linkdrift/base/model.h"

namespace linkdrift::html {

struct AnchorParts {
  Source label = Source::text;  // the source of the label T
  bool href_fragment = false;   // also emit the href H ...
  Source href = Source::text_link;  // ... with this source
};

// `href` and `label` decoded; `href` empty when the <a> has none.
AnchorParts classify_anchor(std::string_view href, std::string_view label);

// Inline keyboard buttons: tdesktop gives only `url` buttons an href; the other
// types carry their data in onclick="return ShowTextCopied('Data: D | Type: T');".
// The JSON reader takes `data` of url, auth, web_view and simple_web_view
// buttons, so the data of the last three is recovered from the onclick.
// `onclick` decoded; true and `url` set for such a button.
bool button_url_from_onclick(std::string_view onclick, std::string& url);

// Source for a button's href: Source::button, or Source::text for `javascript:`.
Source button_source(std::string_view href);

}  // namespace linkdrift::html
