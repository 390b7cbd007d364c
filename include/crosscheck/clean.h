// Clean: RawArticle -> Article. HTML is reduced to its main content (extract_article: navigation,
// comments, related links ... are left out and listed), text is normalised (NFC, whitespace), and
// boilerplate is removed. Every removal is listed in Article::removed with its kind; bylines and
// credit lines become Article::authors / Article::credits.
//
//   std::vector<Article> batch;  for (raw : raws) batch.push_back(crosscheck::clean::prepare(raw));
//   crosscheck::clean::TemplateModel templates;              // blocks repeated within one outlet
//   for (const Article& a : batch) templates.observe(a.source, a.text);
//   for (Article& a : batch) crosscheck::clean::strip_boilerplate(a, {}, &templates);
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crosscheck/article.h"

namespace crosscheck::clean {

// ---- HTML to all visible text (title + every visible block; extract_article keeps the article) -

struct HtmlText {
  std::string title;     // <title> (or og:title), entity-decoded, whitespace-collapsed
  std::string text;      // visible text; block elements end paragraphs ("\n\n"), <br> is "\n"
  std::string language;  // <html lang>, when present
  std::string site_name;  // og:site_name / application-name meta, when present
  std::string url;        // <link rel=canonical>, else og:url, when present
  std::string published;  // article:published_time / datePublished / pubdate meta, as written
};

// Tolerates any byte sequence (input should already be valid UTF-8). script/style/noscript/
// template/svg contents and comments are dropped; character references are decoded.
HtmlText html_to_text(std::string_view html);

// ---- publication dates -------------------------------------------------------------------------
//
// The ISO 8601 form of a publication date ("YYYY-MM-DD", then "THH:MM:SS" and a zone — "Z" or
// "±HH:MM" — when the input gives them) for the forms that can be read without guessing: ISO
// itself (YYYY/MM/DD gets dashes), RFC 822 ("Tue, 03 Mar 2009 22:41:00 GMT"), "3 March 2009",
// "March 3, 2009 3:23 PM EST", D.M.YYYY, and A/B/YY(YY) when one of A and B cannot be a month
// (11/18/16; 4/12/19 is left alone). A label or weekday before the date ("Updated:", "Tue,") is
// skipped. Anything else is returned as given. prepare() applies it to Article::published.
std::string normalize_date(std::string_view published);

// ---- main-content extraction (DOM scoring) ---------------------------------------------------
//
//   crosscheck::clean::ExtractedPage page = crosscheck::clean::extract_article(html);
//   page.text     // the article body, paragraphs joined by "\n\n"
//   page.removed  // every visible block left out, with its kind, in page order (bounded, see below)

struct ExtractOptions {
  // A content candidate with fewer visible characters than this is "too short": the extractor then
  // also tries all paragraph-like blocks with low link density, then the whole visible text, and
  // takes the longest of those that is not mostly links.
  uint32_t min_content_chars = 250;
  // Removed blocks are summarised: each Removed::text keeps at most this many bytes (cut at a
  // character boundary, "…" appended) ...
  uint32_t removed_text_bytes = 300;
  // ... and at most this many blocks are listed; the rest are counted in one final entry of kind
  // "more" (its text says how many blocks and characters), so output stays bounded on any page.
  uint32_t max_removed = 48;
};

struct ExtractedPage {
  std::string title;      // og:title, else <title> without its " | Site" suffix, else the first h1
  std::string text;       // main content; blocks end paragraphs ("\n\n"), <br> is "\n"
  std::string language;   // <html lang>, as written
  std::string site_name;  // og:site_name / application-name / JSON-LD publisher
  std::string url;        // <link rel=canonical>, else og:url
  std::string published;  // meta / JSON-LD datePublished / <time datetime> / URL date, as written
  std::vector<std::string> authors;  // meta author, JSON-LD author, byline elements
  std::vector<Removed> removed;      // blocks not in `text`: "navigation", "footer", "comments", ...
};

// Tolerates any byte sequence (input should already be valid UTF-8); time and memory are linear in
// the input. Never fails: a page without body text gives an empty `text`.
ExtractedPage extract_article(std::string_view html, const ExtractOptions& options = {});

// ---- boilerplate removal for plain text ------------------------------------------------------

struct BoilerplateOptions {
  // A paragraph that occurs in at least this many distinct articles of one outlet is a template
  // (outlet tagline, donation appeal, newsletter box) and is removed.
  uint32_t template_min_articles = 3;
  // Lines of at most this many words without sentence punctuation are candidates for removal when
  // they sit at the start or end of the text (e.g. "Follow", "Share this article").
  uint32_t edge_line_max_words = 8;
};

// Counts paragraph fingerprints per outlet over a batch, so that blocks repeating across several
// articles of the same outlet can be recognised. Observe every article before cleaning any.
class TemplateModel {
 public:
  void observe(std::string_view outlet, std::string_view text);
  // Number of distinct observed articles of `outlet` containing `paragraph` (after folding case
  // and whitespace).
  uint32_t count(std::string_view outlet, std::string_view paragraph) const;

 private:
  std::unordered_map<uint64_t, uint32_t> counts_;  // hash(outlet, folded paragraph) -> articles
  std::vector<uint64_t> seen_;                     // observe(): one article's fingerprints
};

struct BoilerplateResult {
  std::string text;                  // kept paragraphs joined by "\n\n"
  std::vector<Removed> removed;      // in text order
  std::vector<std::string> authors;  // from bylines ("By Jane Doe")
  std::vector<std::string> credits;  // from credit lines ("with DPA and Reuters", "(Reporting by…)")
};

// `text` is normalised text (text::normalize); paragraphs are separated by line breaks.
BoilerplateResult remove_boilerplate(std::string_view text, std::string_view outlet,
                                     const BoilerplateOptions& options,
                                     const TemplateModel* templates = nullptr);

// ---- the whole stage, in two steps -----------------------------------------------------------
//
// Step 1 (per article, parallel): HTML -> main content (extract_article; the page's title, date,
// authors, canonical URL, site name and language fill what the input did not give), normalisation
// (text::normalize). Boilerplate the extractor did not see may still be in the text.
Article prepare(const RawArticle& raw);

// Step 2 (per article, parallel, after every article of the batch was observed by `templates`):
// removes boilerplate from article.text in place, filling removed / authors / credits.
void strip_boilerplate(Article& article, const BoilerplateOptions& options,
                       const TemplateModel* templates = nullptr);

}  // namespace crosscheck::clean
