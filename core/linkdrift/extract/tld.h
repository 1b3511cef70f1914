// The top-level domains that make a scheme-less "name.tld" a link: common
// gTLDs, every ISO country-code TLD, popular new gTLDs, some IDN ccTLDs and any
// punycode TLD (xn--…). Link-looking file names (README.md, main.py) are
// handled by is_file_like_tld().
#pragma once

#include <string_view>

namespace linkdrift::extract {

// `tld` must already be ASCII-lowercased (IDN TLDs are matched as UTF-8).
bool is_known_tld(std::string_view tld);

// ccTLDs that double as common file extensions (md, py, sh, rs, pl, ps, so).
bool is_file_like_tld(std::string_view tld);

}  // namespace linkdrift::extract
