// Dossier: what crosscheck found about one story — the per-story part of the analysis JSON
// (DESIGN 4.2: reuse, claims, discrepancies, summary; entities and quotes join as they land).
// Plain values; every finding points into articles' cleaned text (code point spans).
//
//   crosscheck::Dossier d = crosscheck::compare::analyze_story(articles, docs);
//   for (const crosscheck::ReuseFinding& r : d.reuse)
//     std::cout << r.derived << " <- " << r.source << " (" << r.kind << ", " << r.coverage << ")\n";
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crosscheck/entity_linking.h"
#include "crosscheck/span.h"

namespace crosscheck {

// A value that a derived copy changed relative to its source, within an aligned sentence pair.
struct Change {
  std::string kind;  // a fact kind ("weekday", "count", "duration", ...), "name" or "negation"
  std::string source_value, derived_value;  // as written in each text
  Span source_span, derived_span;
};

struct ReusePassage {
  Span source_span, derived_span;
  double similarity = 0;
};

// `derived` reuses text of `source`.
struct ReuseFinding {
  std::string source, derived;  // article ids
  std::string kind;             // "verbatim" | "rewrite"
  double coverage = 0;          // share of the derived text's words that come from the source
  double direction_confidence = 0.5;  // 0.5 = could be either way, 1 = certain
  std::vector<ReusePassage> passages;   // runs of aligned sentences (verbatim or reworded)
  std::vector<ReusePassage> verbatim;   // word-for-word runs of 8+ words (similarity 1)
  std::vector<Change> changes;
};

// One statement of fact carried by several articles (aligned sentences across the story).
struct Claim {
  std::string text;                    // the most representative sentence, verbatim
  std::vector<std::string> articles;   // ids, in story order
  uint32_t independent_sources = 0;    // distinct origins after collapsing derived copies
  std::vector<Evidence> evidence;      // every sentence that carries it
};

struct TextEvidence {
  Evidence evidence;
  std::string text;  // the sentence
};

// One slot (a day, a duration, a count of something) on which independent articles disagree.
struct Discrepancy {
  struct Value {
    std::string value;                  // as first written ("three days")
    std::vector<std::string> articles;
    std::vector<TextEvidence> evidence;  // the sentences carrying this value
  };
  std::string about;  // "how long", "which day", "how many workers", ...
  std::vector<Value> values;
};

// A typed fact as found in one article (src/facts), for readers and reports.
struct FactMention {
  std::string article;
  std::string kind;   // "weekday", "date", "time", "duration", "count", "money", "percent", "ordinal"
  std::string value;  // normalised ("P2D", "1200", "EUR 90000000000", "tuesday")
  std::string unit;   // what is counted ("worker"), empty when none
  std::string text;   // as written
  Span span;
};

struct SummarySentence {
  std::string text;
  uint32_t independent_sources = 0;
  std::vector<Evidence> evidence;  // the sentence used first, then the others carrying the claim
};

// One statement quoted by one or more articles, however each worded or trimmed it.
struct StoryQuote {
  struct Instance {
    std::string article;
    Span span;            // code points, quotation marks included
    std::string text;     // as written, marks included
    std::string cue;      // "said", "told NBC", ... empty when none
    std::string speaker;  // the speaker's name as the article gives it, empty when unknown
  };
  std::string speaker;       // story entity id ("e3"), empty when unknown or not an entity
  std::string speaker_name;  // that entity's name (or the name the articles give), may be empty
  std::string text;          // the most representative wording
  std::vector<Instance> instances;
};

struct Dossier {
  std::vector<ReuseFinding> reuse;
  std::vector<entities::StoryEntity> entities;  // when a NER model was given, most mentioned first
  std::vector<StoryQuote> quotes;               // most articles first
  std::vector<Claim> claims;          // most independent sources first
  std::vector<Discrepancy> discrepancies;
  std::vector<SummarySentence> summary;
  std::vector<FactMention> facts;     // every typed fact of every article, story order
  // Per article (story order): the ids of the independent origins it collapses onto (itself
  // when it derives from nothing in the story).
  std::vector<std::vector<std::string>> origins;
};

}  // namespace crosscheck
