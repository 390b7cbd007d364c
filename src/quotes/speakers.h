// Speaker resolution: from the words of an attribution pattern to a person of the article.
#pragma once

#include <cstdint>

#include "crosscheck/quotes.h"
#include "src/quotes/attribution.h"
#include "src/quotes/context.h"
#include "src/quotes/names.h"

namespace crosscheck::quotes {

struct Resolved {
  int32_t run = -1;  // the NameIndex run that names the speaker, -1 when none
  SpeakerSource how = SpeakerSource::kNone;
};

// Walks the article's attributions in text order and remembers their subjects, so that "he said"
// can prefer the subject of the previous attribution.
class SpeakerResolver {
 public:
  SpeakerResolver(const TokenContext& ctx, const NameIndex& names, const QuoteOptions& options);

  // Who `m` (an attribution's mention) refers to.
  Resolved resolve(const SourceMention& m);
  // Records a resolved speaker of an attribution ending at token `at`.
  void note(int32_t run, uint32_t at);

 private:
  int32_t last_person_before(uint32_t at, int gender, bool subject_only, uint32_t after) const;
  bool subject_position(int32_t run) const;
  int gender_of(int32_t run) const;

  const TokenContext& ctx_;
  const NameIndex& names_;
  const QuoteOptions& options_;
  int32_t last_subject_ = -1;           // run of the previous attribution's person
  uint32_t last_subject_at_ = 0;        // token where that attribution ended
  int32_t last_thing_ = -1;             // run of the previous attribution's non-person ("it said")
  std::vector<int8_t> learned_gender_;  // per entity, from resolved pronouns
};

}  // namespace crosscheck::quotes
