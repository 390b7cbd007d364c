// Compare: from aligned articles to findings — changes in derived copies, claims with their
// independent-source counts, discrepancies between independent reports, a consensus summary.
//
//   std::vector<const crosscheck::Article*> articles = ...;   // one story
//   std::vector<const crosscheck::Document*> docs = ...;      // docs[i] analyses articles[i]
//   crosscheck::Dossier dossier = crosscheck::compare::analyze_story(articles, docs);
//
// analyze_story() runs the per-story stages in order: align::align_sentences, align::find_reuse,
// entities (Tagger::mentions, link_mentions, link_story) when a tagger is given, facts::extract
// per article, then the functions below. Each is usable on its own.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "crosscheck/align.h"
#include "crosscheck/article.h"
#include "crosscheck/document.h"
#include "crosscheck/dossier.h"
#include "crosscheck/entities.h"
#include "crosscheck/facts.h"
#include "crosscheck/quotes.h"

namespace crosscheck::compare {

struct CompareOptions {
  const entities::Tagger* tagger = nullptr;  // NER model; null: no entities in the dossier
  align::AlignOptions align;
  align::ReuseOptions reuse;
  double claim_min_similarity = 0.3;       // sentences this similar carry one claim
  double related_min_similarity = 0.2;     // sentences this similar can disagree on a slot
  size_t summary_sentences = 5;            // at most this many summary sentences
  bool quotes = true;                      // extract quotes and group them across articles
  double quote_min_similarity = 0.5;       // two quote instances this alike are one statement...
  double quote_min_containment = 0.8;      // ...or the shorter's terms this much in the longer
};

// Changes within the aligned sentence pairs (source sentence, derived sentence) of one relation:
// facts of one slot (kind + unit) whose values differ, names replaced by different names (not
// spelling variants), negations added or removed.
std::vector<Change> find_changes(const Document& source, const Document& derived,
                                 const std::vector<facts::Fact>& source_facts,
                                 const std::vector<facts::Fact>& derived_facts,
                                 const std::vector<std::pair<uint32_t, uint32_t>>& sentence_pairs,
                                 const CompareOptions& options = {});

// Per article: indices of the articles it ultimately derives from (roots of the reuse graph),
// or itself. Cycles (which direction finding can produce) are cut.
std::vector<std::vector<uint32_t>> find_origins(size_t articles, const std::vector<align::Reuse>& reuse);

// Independent sources among `members` (article indices): distinct origins, a derived copy adding
// one only when none of its origins is already counted.
uint32_t count_independent(const std::vector<uint32_t>& members,
                           const std::vector<std::vector<uint32_t>>& origins);

std::vector<Claim> find_claims(const std::vector<const Article*>& articles,
                               const std::vector<const Document*>& docs,
                               const align::StoryAlignment& alignment,
                               const std::vector<std::vector<uint32_t>>& origins,
                               const CompareOptions& options = {});

std::vector<Discrepancy> find_discrepancies(const std::vector<const Article*>& articles,
                                            const std::vector<const Document*>& docs,
                                            const std::vector<std::vector<facts::Fact>>& facts,
                                            const align::StoryAlignment& alignment,
                                            const std::vector<std::vector<uint32_t>>& origins,
                                            const CompareOptions& options = {});

std::vector<SummarySentence> summarize(const std::vector<Claim>& claims,
                                       const std::vector<const Article*>& articles,
                                       const std::vector<const Document*>& docs,
                                       const CompareOptions& options = {});

// One article's quotes, for grouping across the story.
struct ArticleQuotes {
  const Article* article = nullptr;
  const Document* doc = nullptr;
  std::vector<quotes::Quote> quotes;
};

// The story's statements: quote instances grouped across articles (rewording, trimming and
// translation tolerated), speakers linked to story entities where the speaker's name is a
// mention of one.
std::vector<StoryQuote> group_quotes(const std::vector<ArticleQuotes>& articles,
                                     const std::vector<entities::StoryEntity>& entities,
                                     const CompareOptions& options = {});

Dossier analyze_story(const std::vector<const Article*>& articles,
                      const std::vector<const Document*>& docs, const CompareOptions& options = {});

}  // namespace crosscheck::compare
