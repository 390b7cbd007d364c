// analyze_story(): the per-story stages in order — align, reuse, entities, quotes, facts, then
// compare.
#include "crosscheck/compare.h"

namespace crosscheck::compare {

Dossier analyze_story(const std::vector<const Article*>& articles,
                      const std::vector<const Document*>& docs, const CompareOptions& options) {
  Dossier dossier;
  align::StoryAlignment alignment = align::align_sentences(docs, options.align);
  std::vector<align::Reuse> reuse = align::find_reuse(docs, articles, alignment, options.reuse);
  std::vector<entities::ArticleMentions> linked(docs.size());
  if (options.tagger) {
    for (size_t i = 0; i < docs.size(); ++i) {
      linked[i].article = articles[i];
      linked[i].doc = docs[i];
      linked[i].mentions = options.tagger->mentions(*docs[i]);
      linked[i].entities = entities::link_mentions(*docs[i], linked[i].mentions);
    }
    dossier.entities = entities::link_story(linked);
  }
  if (options.quotes) {
    std::vector<ArticleQuotes> quoted(docs.size());
    for (size_t i = 0; i < docs.size(); ++i) {
      quoted[i].article = articles[i];
      quoted[i].doc = docs[i];
      std::vector<quotes::NameMention> names;
      for (const entities::Mention& m : linked[i].mentions)
        names.push_back({m.token_begin, m.token_end, m.type});
      quoted[i].quotes = quotes::extract_quotes(*docs[i], {}, options.tagger ? &names : nullptr);
    }
    dossier.quotes = group_quotes(quoted, dossier.entities, options);
  }
  std::vector<std::vector<facts::Fact>> facts;
  facts.reserve(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    facts.push_back(facts::extract(*docs[i]));
    for (const facts::Fact& f : facts.back())
      dossier.facts.push_back({articles[i]->id,
                               std::string(facts::kind_name(f.kind)),
                               f.value,
                               f.unit,
                               std::string(docs[i]->text.substr(f.begin, f.end - f.begin)),
                               {f.cp_begin, f.cp_end}});
  }

  for (const align::Reuse& r : reuse) {
    ReuseFinding f;
    f.source = articles[r.source]->id;
    f.derived = articles[r.derived]->id;
    f.kind = r.verbatim ? "verbatim" : "rewrite";
    f.coverage = r.coverage;
    f.direction_confidence = r.direction_confidence;
    for (const align::Passage& p : r.passages)
      f.passages.push_back({p.source, p.derived, p.similarity});
    for (const align::VerbatimRun& v : r.verbatim_runs)
      f.verbatim.push_back({v.source, v.derived, 1.0});
    f.changes = find_changes(*docs[r.source], *docs[r.derived], facts[r.source], facts[r.derived],
                             r.sentence_pairs, options);
    dossier.reuse.push_back(std::move(f));
  }
  std::vector<std::vector<uint32_t>> origins = find_origins(docs.size(), reuse);
  dossier.claims = find_claims(articles, docs, alignment, origins, options);
  dossier.discrepancies = find_discrepancies(articles, docs, facts, alignment, origins, options);
  dossier.summary = summarize(dossier.claims, articles, docs, options);
  for (const std::vector<uint32_t>& o : origins) {
    dossier.origins.emplace_back();
    for (uint32_t i : o) dossier.origins.back().push_back(articles[i]->id);
  }
  return dossier;
}

}  // namespace crosscheck::compare
