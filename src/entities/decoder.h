// First-order Viterbi decoding over the BILOU tags of one sentence.
//
// Transition scores carry the tag grammar: a disallowed transition (O -> I-PER, B-PER -> O,
// B-PER -> I-LOC, ...) scores kForbidden, so the best path is always a well-formed BILOU sequence
// and every entity has a start and an end. Only allowed predecessors are scored: about 100
// additions per token instead of 17^2 = 289, small next to the feature lookups.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "src/entities/tags.h"

namespace crosscheck::entities {

inline constexpr float kForbidden = -1e30f;

// Transition scores of one pass: from -> to, from the start, to the end.
struct Transitions {
  size_t tags = 0;
  std::vector<float> between;  // tags x tags, [from * tags + to]
  std::vector<float> start;    // tags
  std::vector<float> end;      // tags
  // Per tag, the tags that may precede it (the grammar leaves 2 to 9 of 17): Viterbi only looks
  // at these. Derived from the grammar, never stored.
  std::vector<std::vector<uint8_t>> from;

  // All zero, with the grammar of `tag_set` applied (forbidden transitions kForbidden).
  static Transitions zero(const TagSet& tag_set);
};

// Best tag sequence for `n` tokens given emission scores (n x tags, row-major). Writes n tags.
// `scratch` is reused between calls to avoid allocations.
void viterbi(const float* emissions, size_t n, const Transitions& t, uint8_t* out,
             std::vector<float>& scratch, std::vector<uint8_t>& back);

}  // namespace crosscheck::entities
