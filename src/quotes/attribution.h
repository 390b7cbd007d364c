// Attribution patterns: the reporting cue next to a quotation and the words naming its speaker.
#pragma once

#include <cstdint>
#include <string>

#include "crosscheck/quotes.h"
#include "src/quotes/context.h"
#include "src/quotes/marks.h"
#include "src/quotes/names.h"

namespace crosscheck::quotes {

enum class MentionKind : uint8_t {
  kNone,
  kName,     // a name ("Smith", "Sen. John Smith", "former adviser David Axelrod")
  kPronoun,  // he she they it i we
  kNominal,  // a description ("the spokesman", "the Florida senator", "officials")
};

// The words of an attribution pattern that stand for the speaker.
struct SourceMention {
  MentionKind kind = MentionKind::kNone;
  uint32_t begin = 0, end = 0;  // token range of the whole mention
  int32_t run = -1;             // the NameIndex run inside a kName mention
  std::string role;             // head noun of a description ("spokesman"), lower case
};

enum class Placement : uint8_t {
  kNone,
  kAfter,         // `"…," Smith said` / `"…," said Smith` / `"…," according to Smith`
  kBefore,        // `Smith said: "…"` / `Smith said that "…"` within the quote's sentence
  kIntroduction,  // `Smith said:` ending the sentence (or paragraph) before the quote
  kLabel,         // `Smith: "…"` (headline style, no verb)
};

struct Attribution {
  Placement where = Placement::kNone;
  uint32_t cue_begin = 0, cue_end = 0;  // token range of the cue; empty for a label
  SourceMention source;
  uint32_t end = 0;  // one past the last token of the pattern outside the quotation
};

class Attributor {
 public:
  // `names` is mutable: appositives met while parsing add roles to its entities.
  Attributor(const TokenContext& ctx, NameIndex& names, const QuoteOptions& options);

  // The attribution right after the closing mark, in the rest of the sentence.
  Attribution after(const Segment& s) const;
  // The attribution before the opening mark, in the same sentence. A partial quote may be far
  // from its cue ("Smith said the plan was a “disaster”"); a full one may not.
  Attribution before(const Segment& s, bool partial) const;
  // The sentence before the quote ends with a colon and holds a cue or is a bare name.
  Attribution introduction(const Segment& s) const;
  // For a partial quote: the first cue later in its sentence and that cue's subject, wherever
  // they are ("a “disaster” for the region, Smith said").
  Attribution later_in_sentence(const Segment& s) const;
  // True when token i is a reporting cue outside quotations; *end is one past the cue's verb
  // (and particle: "according to", "pointed out").
  bool cue_at(uint32_t i, uint32_t* end) const;

 private:
  uint32_t extend_cue(uint32_t verb, uint32_t end, uint32_t limit) const;
  // The attribution of a quote to `source` through the cue at `verb` after it, the cue extended
  // as extend_cue does; the pattern ends with the cue.
  Attribution cue_after(uint32_t verb, uint32_t cue_end, uint32_t limit,
                        const SourceMention& source) const;
  SourceMention subject_before(uint32_t cue, uint32_t limit) const;
  SourceMention subject_after(uint32_t from, uint32_t limit) const;
  SourceMention clause_subject(uint32_t begin, uint32_t cue) const;
  SourceMention name_mention(int32_t run, uint32_t limit) const;
  SourceMention nominal_before(uint32_t head_end, uint32_t limit) const;
  // The head noun of the description [begin, end): the word before its first "of"/"for"
  // ("spokeswoman for the campaign"), else its last word.
  uint32_t description_head(uint32_t begin, uint32_t end) const;
  bool light_gap(uint32_t begin, uint32_t end) const;
  SourceMention region_subject(uint32_t begin, uint32_t cue) const;
  uint32_t tail_start(const Segment& s) const;
  uint32_t tail_stop(uint32_t t) const;
  uint32_t sentence_begin(uint32_t k) const;
  // Where the clause ending at `anchor` starts: back over at most max_head_tokens tokens of the
  // same paragraph, stopping at a quotation, a sentence end or a semicolon.
  uint32_t head_begin(uint32_t anchor) const;
  Attribution in_region(uint32_t begin, uint32_t end, bool partial, Placement where) const;

  const TokenContext& ctx_;
  NameIndex& names_;
  const QuoteOptions& options_;
};

}  // namespace crosscheck::quotes
