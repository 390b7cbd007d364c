// Page metadata, most reliable source first. Publishers fill Open Graph / article:* meta tags and
// schema.org JSON-LD for search engines and social cards, so those are trusted over anything read
// from the visible page; visible elements (h1, <time>, byline elements) come next, URL patterns
// last. JSON-LD is not parsed as JSON: a small string-aware scanner pulls out the few keys we need
// ("datePublished", "author" names, "publisher" name), which is robust to the invalid JSON pages
// often carry.
#include "src/clean/page_metadata.h"

#include <algorithm>
#include <cctype>

namespace crosscheck::clean {
namespace {

std::string_view meta_value(const Dom& dom, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    for (const auto& [k, v] : dom.meta) {
      if (k == key && !v.empty()) return v;
    }
  }
  return {};
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// Reads the JSON string starting at s[i] == '"'; advances i past it. Escapes: \" \\ \/ \n \t and
// \uXXXX (BMP, as UTF-8).
std::string json_string(std::string_view s, size_t& i) {
  std::string out;
  ++i;
  while (i < s.size() && s[i] != '"') {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char e = s[i + 1];
      if (e == 'u' && i + 5 < s.size()) {
        unsigned cp = 0;
        bool ok = true;
        for (size_t k = 2; k < 6; ++k) {
          char h = s[i + k];
          cp <<= 4;
          if (h >= '0' && h <= '9')
            cp |= static_cast<unsigned>(h - '0');
          else if (h >= 'a' && h <= 'f')
            cp |= static_cast<unsigned>(h - 'a' + 10);
          else if (h >= 'A' && h <= 'F')
            cp |= static_cast<unsigned>(h - 'A' + 10);
          else
            ok = false;
        }
        if (ok && cp >= 0x20 && (cp < 0xD800 || cp > 0xDFFF)) {
          if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
          } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          } else {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
          }
        }
        i += 6;
        continue;
      }
      out.push_back(e == 'n' || e == 't' || e == 'r' ? ' ' : e);
      i += 2;
      continue;
    }
    out.push_back(s[i]);
    ++i;
  }
  ++i;
  return out;
}

// Position just after `"key"` followed by ':' (whitespace allowed), searching from `from`;
// npos when absent.
size_t find_key(std::string_view s, std::string_view key, size_t from) {
  std::string quoted = "\"" + std::string(key) + "\"";
  while (true) {
    size_t at = s.find(quoted, from);
    if (at == std::string_view::npos) return at;
    size_t i = at + quoted.size();
    while (i < s.size() && is_space(s[i])) ++i;
    if (i < s.size() && s[i] == ':') {
      ++i;
      while (i < s.size() && is_space(s[i])) ++i;
      return i;
    }
    from = at + 1;
  }
}

// End of the JSON value (object/array/string/scalar) starting at s[i].
size_t value_end(std::string_view s, size_t i) {
  if (i >= s.size()) return i;
  if (s[i] == '"') {
    json_string(s, i);
    return i;
  }
  if (s[i] != '{' && s[i] != '[') {
    while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']') ++i;
    return i;
  }
  int depth = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '"') {
      json_string(s, i);
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1;
    }
    ++i;
  }
  return i;
}

// String values of `key` at any depth inside s.
void collect_strings(std::string_view s, std::string_view key, std::vector<std::string>& out) {
  for (size_t at = find_key(s, key, 0); at != std::string_view::npos && out.size() < 16;
       at = find_key(s, key, at)) {
    if (at < s.size() && s[at] == '"') {
      size_t i = at;
      std::string v = trim(json_string(s, i));
      if (!v.empty()) out.push_back(std::move(v));
      at = i;
    }
  }
}

bool looks_like_name(std::string_view s) {
  if (s.empty() || s.size() > 60) return false;
  if (s.find("://") != std::string_view::npos || s.find('@') != std::string_view::npos) {
    return false;
  }
  size_t words = 1;
  size_t capitalised = 0;
  bool word_start = true;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) return false;
    if (c == ' ') {
      ++words;
      word_start = true;
      continue;
    }
    // Names are capitalised (particles such as "de la" aside); non-ASCII letters count as capitals.
    if (word_start && ((c >= 'A' && c <= 'Z') || (static_cast<unsigned char>(c) & 0x80))) {
      ++capitalised;
    }
    word_start = false;
  }
  return words <= 5 && capitalised * 2 >= words;
}

void add_author(std::vector<std::string>& authors, std::string name) {
  name = trim(name);
  if (!looks_like_name(name)) return;
  for (const std::string& a : authors) {
    if (a == name) return;
  }
  if (authors.size() < 8) authors.push_back(std::move(name));
}

bool has_word(std::string_view hint, std::string_view word) {
  return hint.find(word) != std::string_view::npos;
}

}  // namespace

bool is_byline_hint(std::string_view hint) {
  return has_word(hint, "byline") || has_word(hint, "author") || has_word(hint, "writer") ||
         has_word(hint, "contributor");
}

std::string strip_title_affixes(std::string_view title, std::string_view site) {
  std::string t = trim(title);
  static const std::string_view kSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " » "};
  for (std::string_view sep : kSeparators) {
    size_t at = t.rfind(sep);
    if (at != std::string::npos && at >= 10) {
      std::string_view tail = std::string_view(t).substr(at + sep.size());
      // The suffix is the site: it names it, or it is short compared with the headline.
      size_t tail_words = 1 + static_cast<size_t>(std::count(tail.begin(), tail.end(), ' '));
      if ((!site.empty() && tail.find(site) != std::string_view::npos) || tail.size() * 2 < at ||
          tail_words <= 3) {
        return trim(std::string_view(t).substr(0, at));
      }
    }
    size_t first = t.find(sep);
    if (first != std::string::npos && !site.empty() &&
        std::string_view(t).substr(0, first) == site && t.size() - first > 20) {
      return trim(std::string_view(t).substr(first + sep.size()));
    }
  }
  return t;
}

std::string date_from_url(std::string_view url) {
  auto digits = [&](size_t at, size_t n) {
    if (at + n > url.size()) return false;
    for (size_t k = 0; k < n; ++k) {
      if (!std::isdigit(static_cast<unsigned char>(url[at + k]))) return false;
    }
    return true;
  };
  for (size_t i = 0; i + 5 < url.size(); ++i) {
    if (url[i] != '/' || !digits(i + 1, 4)) continue;
    std::string_view year = url.substr(i + 1, 4);
    if (year < "1990" || year > "2099") continue;
    size_t j = i + 5;
    if (j < url.size() && (url[j] == '/' || url[j] == '-') && digits(j + 1, 2)) {
      std::string_view month = url.substr(j + 1, 2);
      size_t k = j + 3;
      if (month >= "01" && month <= "12" && k < url.size() && (url[k] == '/' || url[k] == '-') &&
          digits(k + 1, 2)) {
        std::string_view day = url.substr(k + 1, 2);
        if (day >= "01" && day <= "31" && !digits(k + 3, 1)) {
          return std::string(year) + "-" + std::string(month) + "-" + std::string(day);
        }
      }
    } else if (digits(i + 5, 4) && !digits(i + 9, 1)) {  // /20240312
      std::string_view month = url.substr(i + 5, 2);
      std::string_view day = url.substr(i + 7, 2);
      if (month >= "01" && month <= "12" && day >= "01" && day <= "31") {
        return std::string(year) + "-" + std::string(month) + "-" + std::string(day);
      }
    }
  }
  return {};
}

std::vector<std::string> names_from_byline(std::string_view byline) {
  std::vector<std::string> names;
  std::string s = trim(byline);
  if (s.empty() || s.size() > 200) return names;
  // Drop a leading "By" / "by:" / "Von" / "Par".
  for (std::string_view prefix :
       {"By ", "by ", "BY ", "By: ", "Von ", "von ", "Par ", "par ", "Por "}) {
    if (s.rfind(prefix, 0) == 0) {
      s = trim(std::string_view(s).substr(prefix.size()));
      break;
    }
  }
  // Cut at a role or date after a comma / pipe / newline-ish separator.
  for (std::string_view stop : {",", " | ", " - ", " – ", " — ", "Updated", "Published", "\n"}) {
    size_t at = s.find(stop);
    if (at != std::string::npos) s.resize(at);
  }
  // Split on " and " / " & ".
  std::string_view rest(s);
  while (!rest.empty()) {
    size_t cut = std::string_view::npos;
    size_t len = 0;
    for (std::string_view sep : {" and ", " & ", " und ", " et "}) {
      size_t at = rest.find(sep);
      if (at < cut) {
        cut = at;
        len = sep.size();
      }
    }
    add_author(names, std::string(rest.substr(0, cut)));
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + len);
  }
  return names;
}

PageMetadata read_metadata(const Dom& dom) {
  PageMetadata m;
  m.language = dom.language;
  m.url = dom.canonical.empty() ? std::string(meta_value(dom, {"og:url"})) : dom.canonical;

  std::vector<std::string> ld_dates, ld_authors, ld_publisher;
  for (const std::string& block : dom.json_ld) {
    collect_strings(block, "datePublished", ld_dates);
    for (size_t at = find_key(block, "author", 0); at != std::string_view::npos;
         at = find_key(block, "author", at)) {
      size_t end = value_end(block, at);
      std::string_view value = std::string_view(block).substr(at, end - at);
      if (!value.empty() && value[0] == '"') {
        size_t i = 0;
        ld_authors.push_back(json_string(value, i));
      } else {
        collect_strings(value, "name", ld_authors);
      }
      at = std::max(end, at + 1);
    }
    size_t pub = find_key(block, "publisher", 0);
    if (pub != std::string_view::npos) {
      size_t end = value_end(block, pub);
      collect_strings(std::string_view(block).substr(pub, end - pub), "name", ld_publisher);
    }
  }

  m.site_name = std::string(meta_value(dom, {"og:site_name", "application-name"}));
  if (m.site_name.empty() && !ld_publisher.empty()) m.site_name = ld_publisher[0];

  // Title: social-card title, else <title> without the site affix, else the first h1.
  std::string_view og = meta_value(dom, {"og:title", "twitter:title"});
  std::string h1;
  for (uint32_t i = dom.body; i < dom.nodes.size(); ++i) {
    if (dom.nodes[i].tag == HtmlTag::kH1 && !dom.nodes[i].hidden) {
      h1 = subtree_text(dom, i, 400);
      if (!h1.empty()) break;
    }
  }
  if (!og.empty()) {
    m.title = strip_title_affixes(og, m.site_name);
  } else if (!dom.title.empty()) {
    m.title = strip_title_affixes(dom.title, m.site_name);
  } else {
    m.title = h1;
  }

  // Publication date.
  std::string_view date =
      meta_value(dom, {"article:published_time", "datepublished", "og:published_time", "pubdate",
                       "publishdate", "publish-date", "parsely-pub-date", "sailthru.date",
                       "dc.date.issued", "dcterms.date", "dc.date", "date", "article.published"});
  if (!date.empty()) {
    m.published = std::string(date);
  } else if (!ld_dates.empty()) {
    m.published = ld_dates[0];
  } else {
    for (uint32_t i = dom.body; i < dom.nodes.size(); ++i) {
      const DomNode& n = dom.nodes[i];
      if (n.tag == HtmlTag::kTime && n.value_size > 0) {
        m.published = trim(dom.value(n));
        break;
      }
    }
    if (m.published.empty()) m.published = date_from_url(m.url);
  }

  // Authors: meta, then JSON-LD, then byline elements (outside navigation).
  for (const auto& [k, v] : dom.meta) {
    if (k == "author" || k == "article:author" || k == "parsely-author" || k == "sailthru.author" ||
        k == "dc.creator" || k == "byl") {
      for (std::string& name : names_from_byline(v)) add_author(m.authors, std::move(name));
    }
  }
  for (std::string& name : ld_authors) add_author(m.authors, std::move(name));
  if (m.authors.empty()) {
    std::vector<uint8_t> in_nav(dom.nodes.size(), 0);
    for (uint32_t i = 1; i < dom.nodes.size(); ++i) {
      const DomNode& n = dom.nodes[i];
      in_nav[i] = in_nav[n.parent] || n.tag == HtmlTag::kNav || n.tag == HtmlTag::kFooter ||
                  n.tag == HtmlTag::kAside;
      if (n.is_text || in_nav[i] || n.hidden || !is_byline_hint(dom.hint(n))) continue;
      std::string text = subtree_text(dom, i, 240);
      for (std::string& name : names_from_byline(text)) add_author(m.authors, std::move(name));
      if (!m.authors.empty()) break;
    }
  }
  return m;
}

}  // namespace crosscheck::clean
