// Pairwise precision / recall / F1 of a grouping against gold groups: the metric of the shared
// dedup benchmark. A pair of documents is positive when both are in one group; counting goes
// through the contingency table of (predicted, gold) labels, O(n) instead of O(n^2) pairs.
#pragma once

#include <cstdint>
#include <span>

namespace crosscheck::dedup {

struct PairScores {
  uint64_t predicted_pairs = 0;
  uint64_t gold_pairs = 0;
  uint64_t true_pairs = 0;   // in one group in both
  double precision = 1.0;    // 1 when nothing was predicted
  double recall = 1.0;       // 1 when there is nothing to find
  double f1 = 0.0;
};

// `predicted` and `gold` hold a group label per document (any integers; equal = same group).
PairScores pair_scores(std::span<const uint32_t> predicted, std::span<const uint32_t> gold);

}  // namespace crosscheck::dedup
