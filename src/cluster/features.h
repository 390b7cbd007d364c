// Features: what of an article the story clusterer looks at.
//
// Content terms are stems of words and numbers (one-letter words and punctuation dropped;
// stopwords are left to the IDF, which works for any language). Two kinds of terms tell one
// incident from a similar one ("actor checks into rehab" happens every month; *which* actor, how
// old, which clinic, which year is what differs): names — words capitalised inside a sentence more
// often than not — and numbers. Both get a weight boost. Title words count extra, since a title
// is the outlet's own one-line summary of the event; so do the words of the lead (the first
// sentences), where news states what happened, to whom, where.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/cluster.h"
#include "crosscheck/document.h"
#include "crosscheck/text.h"
#include "src/cluster/sparse.h"
#include "src/cluster/terms.h"

namespace crosscheck::cluster {

// A term of one article before IDF: `tf` is the sublinear, boosted term frequency.
struct TermFrequency {
  uint32_t term = 0;
  float tf = 0;
  bool repeated_name = false;  // a name (capitalised inside sentences) written at least twice
                               // (a title occurrence counts title_boost times, a lead
                               // occurrence 1 + lead_boost times)
};

// The terms of the `k` heaviest repeated names of an article (its participants), heaviest first
// (ties: smaller term id first): `tf` as extract() returned it, `vec` its weighted vector.
std::vector<uint32_t> salient_names(const std::vector<TermFrequency>& tf, const SparseVector& vec,
                                    uint32_t k);

class FeatureExtractor {
 public:
  // Keeps a reference to `options` (the clusterer's own): they must outlive the extractor, so a
  // temporary is refused at compile time.
  FeatureExtractor(const Options& options, Terms* terms);
  FeatureExtractor(Options&& options, Terms* terms) = delete;
  ~FeatureExtractor();

  // Terms of the article sorted by id (interned in `terms`).
  std::vector<TermFrequency> extract(const Document& doc, const Article& article);

 private:
  text::Stemmer& stemmer(const std::string& language);

  const Options& options_;
  Terms* terms_;
  std::vector<std::pair<std::string, std::unique_ptr<text::Stemmer>>> stemmers_;
  std::vector<uint32_t> position_;  // scratch: term id -> 1 + index in the article's counts
};

}  // namespace crosscheck::cluster
