// Direct quotations and who said them.
//
//   crosscheck::text::Analyzer analyzer;
//   crosscheck::Document doc = analyzer.analyze(article);       // article must outlive doc
//   for (const crosscheck::quotes::Quote& q : crosscheck::quotes::extract_quotes(doc)) {
//     if (q.partial) continue;                                   // a few quoted words: skip
//     std::cout << q.text << "  -- "
//               << (q.speaker ? q.speaker->name : "?") << " (" << q.cue.text << ")\n";
//   }
//
// What a quote is. The text between a pair of quotation marks: straight ("…", '…') and
// typographic (“…”, ‘…’, «…», „…“) marks, NYT-style doubled apostrophes (''…''), across
// sentences, and across paragraphs when each new paragraph reopens the quote (the English
// convention: opening mark at the start of every paragraph, closing mark only at the end).
// Apostrophes are told apart from single quotation marks ("Obama's", "the '90s", "rock 'n' roll",
// "voters' rights"). Single marks nested inside double ones (and the other way round) belong to
// the outer quote and are not reported separately.
//
// Spans. Quote::span runs from the opening quotation mark to the closing one, BOTH MARKS INCLUDED
// (as PolNeAR's content spans do); for a multi-paragraph quote it includes the paragraph breaks
// and the repeated opening marks. Quote::text is exactly Document::text inside Quote::span.
// Every span carries UTF-8 byte offsets (for use inside the process) and Unicode code point
// offsets (for output), into Document::text, end exclusive.
//
// Who said it. A reporting-verb cue next to the quote ("said", "told NBC", "wrote in a statement",
// "according to", "added", "insisted", ...) and the words the pattern uses for the speaker:
//   "…," Smith said     "…," said Smith     Smith said: "…"     Smith said that "…"
//   "…," Smith, the minister of …, said      according to Smith, "…"      Smith told reporters "…"
//   "…," he said  (pronoun: the subject of the previous attribution, else the last person named)
//   "…," the spokesman said  (description: the last person given that role or title, else none)
// A full quote with no pattern of its own continues the previous quote's speaker when only that
// quote's attribution sentence and at most three other words lie between them ("…," Smith said on
// Monday. "…"). Names come from a NER tagger when `names` is given (PER
// mentions are persons; other types may speak too: "the Pentagon said"), otherwise from a
// heuristic: a run of capitalised words with particles ("de", "van"), initials ("J.") and
// hyphens, optionally after titles ("Mr.", "Sen.", "President"). Algorithm notes in
// src/quotes/attribution.cc; evaluation on PolNeAR in docs/quotes-notes.md.
//
// Thread safety: extract_quotes is a pure function of its arguments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/document.h"

namespace crosscheck::quotes {

// A range of Document::text in both offset systems, end exclusive.
struct TextSpan {
  uint32_t begin = 0, end = 0;        // UTF-8 byte offsets
  uint32_t cp_begin = 0, cp_end = 0;  // Unicode code point offsets
  bool empty() const { return begin == end; }
};

// A name found by a NER tagger: a token range of the Document and its type ("PER", "ORG", ...).
struct NameMention {
  uint32_t token_begin = 0, token_end = 0;  // index range into Document::tokens
  std::string type;                         // "PER" for persons; other types are not persons
};

// How the speaker of a quote was found.
enum class SpeakerSource : uint8_t {
  kNone,          // no speaker: no pattern, or a description or pronoun that names nobody known
  kNamed,         // a name in the attribution pattern: `"…," Smith said`
  kPronoun,       // a pronoun in the pattern resolved to a person named before: `"…," she said`
  kNominal,       // a description resolved by role or title: `"…," the senator said`
  kContinuation,  // no pattern of its own: continues the previous quote's speaker
};

// "none", "named", "pronoun", "nominal", "continuation".
const char* to_string(SpeakerSource s);

struct Speaker {
  std::string name;    // the fullest form of the name in the article, without titles ("Ted Cruz")
  TextSpan span;       // the name where the speaker is identified: in the pattern when named there,
                       // else the earlier mention the pronoun or description was resolved to
  bool person = true;  // looks like a person (title, full name, PER tag); false for "the Pentagon"
};

struct Cue {
  std::string
      text;       // the cue as written: "said", "told NBC", "wrote in a statement", "according to"
  TextSpan span;  // empty when no cue was found
};

struct Quote {
  TextSpan span;            // opening mark .. closing mark, both marks included
  std::string text;         // Document::text within `span`
  bool partial = false;     // a few quoted words inside the writer's own sentence
  uint32_t paragraphs = 1;  // number of paragraphs the quote spans
  Cue cue;                  // the reporting cue; empty span when none
  TextSpan source;          // the pattern's words for the speaker ("Smith", "he", "the spokesman"),
                            // empty when none (also for continuations)
  std::optional<Speaker> speaker;  // who said it; nullopt when unknown
  SpeakerSource how = SpeakerSource::kNone;
};

struct QuoteOptions {
  bool single_quotes = true;      // also pair single marks (‘…’, '…') outside double quotes
  bool multi_paragraph = true;    // continue an unclosed quote into a paragraph that reopens it
  uint32_t max_paragraphs = 12;   // a quote spanning more paragraphs is a pairing error: dropped
  bool include_partial = true;    // report partial quotes (with partial = true)
  uint32_t max_tail_tokens = 40;  // how far after the closing mark the attribution is looked for
  uint32_t max_head_tokens = 60;  // how far before the opening mark the attribution is looked for
  uint32_t max_cue_gap = 14;      // tokens (at most 4 of them words) between a cue before a
                                  // full quote and its opening mark: `told NBC on Monday: "…"`
  bool resolve_pronouns = true;   // resolve "he said" to a person named before
  bool continuation = true;       // a quote without a pattern continues the previous speaker
  uint32_t max_continuation_paragraphs = 2;  // ... when at most this many paragraphs later
};

// The quotes of `doc` in text order. `names` (may be null): NER mentions over doc.tokens, sorted
// or not; when null, names are found by the capitalisation heuristic. Never throws on any valid
// UTF-8 input; unbalanced quotation marks are skipped, never guessed across a paragraph break
// except by the reopening convention.
std::vector<Quote> extract_quotes(const Document& doc, const QuoteOptions& options = {},
                                  const std::vector<NameMention>* names = nullptr);

}  // namespace crosscheck::quotes
