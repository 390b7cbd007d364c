// Alignment: which sentences of one article say what a sentence of another says, and which
// articles of a story were derived from which.
//
//   std::vector<const crosscheck::Document*> docs = ...;       // the story's articles, analysed
//   crosscheck::align::StoryAlignment links = crosscheck::align::align_sentences(docs, {});
//   std::vector<crosscheck::align::Reuse> reuse =
//       crosscheck::align::find_reuse(docs, articles, links, {});
//   for (const auto& r : reuse) ...  // r.source, r.derived (indices into docs), r.verbatim, ...
//
// Two steps, one file each in src/align/:
//   * align_sentences() links sentence pairs across articles by weighted content-word overlap
//     (stems, stop words out, story-local IDF), found through an inverted index over content
//     terms — never an all-pairs scan of sentences. Each link also records how many of its shared
//     terms sit inside quotation marks, and the verbatim word run it shares.
//   * find_reuse() decides, per article pair, whether one is derived from the other: enough of a
//     text aligned outside shared quotations (independent reports share quotes and facts, not
//     their sentences), verbatim vs rewrite by the share of sentences taken word for word, the direction from
//     publication times, credit lines, and which text holds the specific details the other lacks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crosscheck/article.h"
#include "crosscheck/document.h"
#include "crosscheck/span.h"

namespace crosscheck::align {

struct AlignOptions {
  double min_link_similarity = 0.2;     // keep sentence links at least this similar (weighted Dice)
  double min_aligned_similarity = 0.5;  // a link this similar says the same thing ("aligned")
  double min_contained_similarity = 0.75;  // or: this share of the shorter sentence's weight...
  uint32_t min_contained_terms = 5;        // ...over at least this many shared content terms
  uint32_t max_term_postings = 400;     // terms in more sentences than this are not used to retrieve
};

// A link between sentence `sa` of document `a` and sentence `sb` of document `b` (a < b).
struct SentenceLink {
  uint32_t a = 0, sa = 0;
  uint32_t b = 0, sb = 0;
  float similarity = 0;    // weighted Dice over content terms, 0..1
  float containment = 0;   // shared weight / weight of the lighter sentence, 0..1
  float quoted = 0;        // share of the shared weight that is inside quotation marks in both
  uint32_t verbatim_words = 0;  // longest run of identical consecutive words the two share
  bool aligned = false;    // says the same thing: similar enough, or one contains the other
};

struct StoryAlignment {
  std::vector<SentenceLink> links;  // sorted by (a, b, sa, sb)
  std::vector<std::vector<uint32_t>> sentence_words;  // per document, per sentence: word tokens
};

// Links between sentences of different documents. Documents need norms and stems (Analyzer
// defaults). Deterministic; cost ~ the number of shared rare terms, not sentences squared.
StoryAlignment align_sentences(const std::vector<const Document*>& docs,
                               const AlignOptions& options = {});

struct ReuseOptions {
  double min_coverage = 0.2;           // share of the derived text's words in aligned sentences
  uint32_t min_aligned_sentences = 3;  // aligned sentence pairs outside shared quotations
  double max_quoted_share = 0.5;       // a link whose shared words are mostly quoted does not count
  uint32_t verbatim_run = 8;           // shortest word-for-word run reported in Reuse::verbatim_runs
  double min_gap_similarity = 0.3;     // a weaker link kept between aligned neighbours (gap filling)
  uint32_t min_sentence_words = 6;     // shorter sentences (captions, page furniture) do not count
  double verbatim_share = 0.8;  // "verbatim" when this share of the derived text's aligned words
                                // is in sentences identical to their source sentence
};

// A passage: consecutive aligned sentences, as spans into each text (code points).
struct Passage {
  Span source;
  Span derived;
  double similarity = 0;  // mean similarity of the sentence links in it
};

// A word-for-word run two texts share (verbatim.cc: seed and extend over word n-grams, as in the
// PAN text-alignment systems).
struct VerbatimRun {
  Span source, derived;  // code point spans, first word's start to last word's end
  uint32_t words = 0;
};

// Runs of at least `min_words` identical consecutive words (case-folded; punctuation ignored), in
// `derived` order, not overlapping in `derived`; seeds are `seed_words`-grams found through a hash
// table over `source`. Linear in the two lengths plus the shared material.
std::vector<VerbatimRun> verbatim_runs(const Document& source, const Document& derived,
                                       uint32_t min_words = 8, uint32_t seed_words = 5);

// One derived-from relation: `derived` reuses text of `source` (indices into the story's docs).
struct Reuse {
  uint32_t source = 0, derived = 0;
  bool verbatim = false;            // false: a rewrite
  double coverage = 0;              // share of the derived text's words that come from the source
  double direction_confidence = 0.5;  // 0.5 = a coin toss, 1 = certain
  std::vector<Passage> passages;
  std::vector<VerbatimRun> verbatim_runs;  // word-for-word runs of >= ReuseOptions::verbatim_run words
  // The aligned sentence pairs, oriented (source sentence, derived sentence).
  std::vector<std::pair<uint32_t, uint32_t>> sentence_pairs;
};

// Derived-from relations among the story's articles (docs[i] analyses articles[i]); at most one
// per article pair, sorted by (derived, source).
std::vector<Reuse> find_reuse(const std::vector<const Document*>& docs,
                              const std::vector<const Article*>& articles,
                              const StoryAlignment& alignment, const ReuseOptions& options = {});

}  // namespace crosscheck::align
