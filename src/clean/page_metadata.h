// Page metadata from a parsed page: title, publication date, authors, canonical URL, site name and
// language, each from the most reliable source present (structured meta / JSON-LD first, then page
// elements, then patterns such as a date in the URL).
//
//   crosscheck::clean::PageMetadata meta = crosscheck::clean::read_metadata(dom);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "src/clean/dom.h"

namespace crosscheck::clean {

struct PageMetadata {
  std::string title;      // og:title / twitter:title, else <title> minus " | Site", else first h1
  std::string site_name;  // og:site_name, application-name, JSON-LD publisher name
  std::string url;        // canonical link, else og:url
  std::string published;  // meta tags, JSON-LD datePublished, <time datetime>, URL /2024/03/12/
  std::string language;   // <html lang>
  std::vector<std::string> authors;  // meta author, JSON-LD author names, byline elements
};

PageMetadata read_metadata(const Dom& dom);

// " | Site", " - Site", " — Site" suffixes (and "Site | " prefixes) dropped from a <title>, when
// the rest is long enough to be a headline; `site` (may be empty) is the known site name.
std::string strip_title_affixes(std::string_view title, std::string_view site);

// Date in a URL path: /2024/03/12/, /2024-03-12, /20240312/ -> "2024-03-12"; empty when none.
std::string date_from_url(std::string_view url);

// A byline's text reduced to a name list: "By Jane Doe and John Roe, Political Correspondent" ->
// {"Jane Doe", "John Roe"}. Empty when it does not look like names (too long, digits, ...).
std::vector<std::string> names_from_byline(std::string_view byline);

// Is `hint` (a lower-cased class/id string) naming an author/byline element?
bool is_byline_hint(std::string_view hint);

}  // namespace crosscheck::clean
