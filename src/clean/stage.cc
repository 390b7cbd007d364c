// The clean stage in two steps (see include/crosscheck/clean.h): prepare() turns a RawArticle into
// an Article with normalised text that still contains its boilerplate; strip_boilerplate() removes
// the boilerplate once the batch's TemplateModel has seen every article. The split exists because
// template detection needs the whole batch, while everything else is per article and parallel.
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
    HtmlText html = html_to_text(raw.body);
    article.text = text::normalize(html.text);
    if (article.title.empty()) article.title = text::normalize(html.title);
    // Page metadata fills what the input did not say (a WARC record's URL and date win).
    if ((article.source.empty() || article.source == "unknown") && !html.site_name.empty()) {
      article.source = text::normalize(html.site_name);
    }
    if (article.url.empty()) article.url = html.url;
    if (article.published.empty()) article.published = html.published;
    // <html lang="en-GB"> -> "en"; language identification later may override an empty value.
    std::string lang;
    for (char c : html.language) {
      if (!std::isalpha(static_cast<unsigned char>(c))) break;
      lang.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (lang.size() == 2 || lang.size() == 3) article.language = lang;
  } else {
    article.text = text::normalize(raw.body);
  }
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
