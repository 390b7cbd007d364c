#include <exception>
#include <unordered_map>

#include "crosscheck/compare.h"
#include "crosscheck/pipeline.h"

namespace crosscheck::pipeline {

std::vector<Dossier> analyze_stories(const std::vector<Article>& articles,
                                     const std::vector<Document>& documents,
                                     const std::vector<Story>& stories, ThreadPool& pool,
                                     std::vector<Problem>* problems,
                                     const entities::Tagger* tagger) {
  compare::CompareOptions options;
  options.tagger = tagger;
  std::unordered_map<std::string_view, size_t> index;
  for (size_t i = 0; i < articles.size(); ++i) index.emplace(articles[i].id, i);
  std::vector<Dossier> dossiers(stories.size());
  std::vector<std::string> failures(stories.size());
  pool.parallel_for(stories.size(), [&](size_t k) {
    std::vector<const Article*> a;
    std::vector<const Document*> d;
    for (const std::string& id : stories[k].articles) {
      auto it = index.find(id);
      if (it == index.end() || it->second >= documents.size()) continue;
      a.push_back(&articles[it->second]);
      d.push_back(&documents[it->second]);
    }
    try {
      dossiers[k] = compare::analyze_story(a, d, options);
    } catch (const std::exception& e) {
      dossiers[k] = Dossier{};
      failures[k] = e.what();
    }
  });
  for (size_t k = 0; k < stories.size(); ++k)
    if (!failures[k].empty() && problems)
      problems->push_back(
          {stories[k].id, "compare", "story analysis failed: " + failures[k], Severity::kError});
  return dossiers;
}

Dossier analyze_one_story(const std::vector<Article>& articles, const Story& story,
                          ThreadPool& pool, std::vector<Problem>* problems,
                          const entities::Tagger* tagger) {
  text::AnalyzerOptions text_options;
  text_options.detect_language = false;
  std::vector<Document> docs = analyze_all(articles, text_options, pool);
  std::vector<Dossier> dossiers = analyze_stories(articles, docs, {story}, pool, problems, tagger);
  return dossiers.empty() ? Dossier{} : std::move(dossiers.front());
}

}  // namespace crosscheck::pipeline
