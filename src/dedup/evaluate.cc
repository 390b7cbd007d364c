#include "src/dedup/evaluate.h"

#include <algorithm>
#include <unordered_map>

namespace crosscheck::dedup {
namespace {

uint64_t pairs(uint64_t n) { return n * (n - (n > 0)) / 2; }

}  // namespace

PairScores pair_scores(std::span<const uint32_t> predicted, std::span<const uint32_t> gold) {
  PairScores s;
  const size_t n = std::min(predicted.size(), gold.size());
  std::unordered_map<uint32_t, uint64_t> pred_size, gold_size;
  std::unordered_map<uint64_t, uint64_t> both;
  for (size_t i = 0; i < n; ++i) {
    ++pred_size[predicted[i]];
    ++gold_size[gold[i]];
    ++both[(static_cast<uint64_t>(predicted[i]) << 32) | gold[i]];
  }
  for (const auto& [label, count] : pred_size) s.predicted_pairs += pairs(count);
  for (const auto& [label, count] : gold_size) s.gold_pairs += pairs(count);
  for (const auto& [label, count] : both) s.true_pairs += pairs(count);
  if (s.predicted_pairs > 0) s.precision = double(s.true_pairs) / double(s.predicted_pairs);
  if (s.gold_pairs > 0) s.recall = double(s.true_pairs) / double(s.gold_pairs);
  if (s.precision + s.recall > 0) s.f1 = 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

}  // namespace crosscheck::dedup
