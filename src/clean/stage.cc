// The clean stage in two steps (see include/crosscheck/clean.h): prepare() turns a RawArticle into
// an Article with normalised text (for HTML: the extracted main content, extractor.cc) that may
// still contain boilerplate; strip_boilerplate() removes the boilerplate once the batch's
// TemplateModel has seen every article. The split exists because template detection needs the
// whole batch, while everything else is per article and parallel.
#include <cctype>
#include <string>

#include "crosscheck/clean.h"
#include "crosscheck/text.h"

namespace crosscheck::clean {

Article prepare(const RawArticle& raw) {
  Article article;
  article.id = raw.id;
  article.source = raw.source;
  article.url = raw.url;
  article.published = raw.published;
  article.title = text::normalize(raw.title);
  article.authors = raw.authors;
  if (raw.is_html) {
    // Main content only (extractor.cc); what was left out is listed in removed[].
    ExtractedPage page = extract_article(raw.body);
    article.text = text::normalize(page.text);
    if (article.title.empty()) article.title = text::normalize(page.title);
    // Page metadata fills what the input did not say (a WARC record's URL and date win).
    if ((article.source.empty() || article.source == "unknown") && !page.site_name.empty()) {
      article.source = text::normalize(page.site_name);
    }
    if (article.url.empty()) article.url = page.url;
    if (article.published.empty()) article.published = page.published;
    for (std::string& name : page.authors) {
      std::string normalized = text::normalize(name);
      bool known = false;
      for (const std::string& a : article.authors) known = known || a == normalized;
      if (!known && !normalized.empty()) article.authors.push_back(std::move(normalized));
    }
    for (Removed& r : page.removed) {
      r.text = text::normalize(r.text);
      article.removed.push_back(std::move(r));
    }
    // <html lang="en-GB"> -> "en"; language identification later may override an empty value.
    std::string lang;
    for (char c : page.language) {
      if (!std::isalpha(static_cast<unsigned char>(c))) break;
      lang.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (lang.size() == 2 || lang.size() == 3) article.language = lang;
  } else {
    article.text = text::normalize(raw.body);
  }
  article.published = normalize_date(article.published);  // ISO where it can be read (dates.cc)
  return article;
}

void strip_boilerplate(Article& article, const BoilerplateOptions& options,
                       const TemplateModel* templates) {
  BoilerplateResult result = remove_boilerplate(article.text, article.source, options, templates);
  article.text = std::move(result.text);
  article.removed.insert(article.removed.end(), std::make_move_iterator(result.removed.begin()),
                         std::make_move_iterator(result.removed.end()));
  // Authors given explicitly by the input come first; bylines add names not yet listed.
  for (std::string& name : result.authors) {
    bool known = false;
    for (const std::string& a : article.authors) known = known || a == name;
    if (!known) article.authors.push_back(std::move(name));
  }
  for (std::string& credit : result.credits) {
    bool known = false;
    for (const std::string& c : article.credits) known = known || c == credit;
    if (!known) article.credits.push_back(std::move(credit));
  }
}

}  // namespace crosscheck::clean
