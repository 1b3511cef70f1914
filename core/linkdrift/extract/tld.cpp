#include "linkdrift/extract/tld.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace linkdrift::extract {
namespace {

// Two-letter ISO 3166 country codes that are delegated TLDs (plus eu, su, uk, ac).
constexpr std::string_view kCountry =
    "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz "
    "ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk "
    "fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir "
    "is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk "
    "ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl "
    "pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc "
    "td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw";

// Generic and popular new gTLDs (deliberately not zip/mov: file names).
constexpr std::string_view kGeneric =
    "com net org info biz name pro edu gov mil int mobi asia tel travel jobs cat aero coop museum post xxx "
    "xyz top online site app dev cloud shop store tech space website live life news blog club vip link click "
    "world today fun icu wiki page chat social media network email support ltd group agency digital studio "
    "design art global one host press city win bet casino games game money finance exchange market trade "
    "io bot ninja guru tools zone team center company solutions services systems software photo pics video "
    "tube porn sex adult dating love ink red blue pink black lol wtf rocks party best cool plus run work works "
    "fyi men band gift new dog cam stream tv fm gg am biz me ws su pw cc tk ml ga cf gq";

// IDN ccTLDs written in their native script (UTF-8).
constexpr std::array<std::string_view, 18> kIdn = {
    "рф", "бел", "укр", "қаз", "срб", "мкд", "мон", "ею", "中国", "中國", "香港", "台湾", "台灣",
    "한국", "ישראל", "مصر", "السعودية", "امارات"};

struct Table {
  std::vector<std::string_view> sorted;
  Table() {
    for (std::string_view list : {kCountry, kGeneric}) {
      std::size_t i = 0;
      while (i < list.size()) {
        std::size_t j = list.find(' ', i);
        if (j == std::string_view::npos) j = list.size();
        if (j > i) sorted.push_back(list.substr(i, j - i));
        i = j + 1;
      }
    }
    for (std::string_view t : kIdn) sorted.push_back(t);
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  }
};

const Table& table() {
  static const Table t;
  return t;
}

}  // namespace

bool is_known_tld(std::string_view tld) {
  if (tld.size() > 4 && tld.substr(0, 4) == "xn--") return true;
  const auto& v = table().sorted;
  return std::binary_search(v.begin(), v.end(), tld);
}

bool is_file_like_tld(std::string_view tld) {
  return tld == "md" || tld == "py" || tld == "sh" || tld == "rs" || tld == "pl" || tld == "ps" ||
         tld == "so";
}

}  // namespace linkdrift::extract
