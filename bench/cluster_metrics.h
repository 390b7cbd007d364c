// Clustering quality against gold classes: BCubed and pairwise precision / recall / F1.
//
// BCubed (Bagga & Baldwin 1998; Amigó et al. 2009): per item, precision is the share of its
// predicted cluster that shares its gold class, recall the share of its gold class that shares its
// predicted cluster; both averaged over items. Pairwise: over all unordered item pairs, a pair is
// predicted-positive when both share a cluster and gold-positive when both share a class.
// Header-only so the integration test and the benchmark share one definition.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace crosscheck::cluster_metrics {

struct Scores {
  double precision = 0, recall = 0, f1 = 0;
};

struct Quality {
  Scores bcubed;
  Scores pairwise;
  size_t clusters = 0;  // predicted
  size_t classes = 0;   // gold
};

inline double harmonic(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

// `predicted[i]` and `gold[i]` label item i (any values; only equality matters).
template <typename P, typename G>
Quality evaluate(const std::vector<P>& predicted, const std::vector<G>& gold) {
  Quality q;
  const size_t n = predicted.size();
  if (n == 0 || gold.size() != n) return q;
  std::map<P, uint64_t> cluster_size;
  std::map<G, uint64_t> class_size;
  std::map<std::pair<P, G>, uint64_t> both;
  for (size_t i = 0; i < n; ++i) {
    ++cluster_size[predicted[i]];
    ++class_size[gold[i]];
    ++both[{predicted[i], gold[i]}];
  }
  double p = 0, r = 0;
  for (size_t i = 0; i < n; ++i) {
    double shared = static_cast<double>(both[{predicted[i], gold[i]}]);
    p += shared / cluster_size[predicted[i]];
    r += shared / class_size[gold[i]];
  }
  q.bcubed.precision = p / n;
  q.bcubed.recall = r / n;
  q.bcubed.f1 = harmonic(q.bcubed.precision, q.bcubed.recall);

  auto pairs = [](uint64_t k) { return k * (k - 1) / 2; };
  uint64_t tp = 0, predicted_pairs = 0, gold_pairs = 0;
  for (const auto& [key, k] : both) tp += pairs(k);
  for (const auto& [key, k] : cluster_size) predicted_pairs += pairs(k);
  for (const auto& [key, k] : class_size) gold_pairs += pairs(k);
  q.pairwise.precision = predicted_pairs ? static_cast<double>(tp) / predicted_pairs : 1.0;
  q.pairwise.recall = gold_pairs ? static_cast<double>(tp) / gold_pairs : 1.0;
  q.pairwise.f1 = harmonic(q.pairwise.precision, q.pairwise.recall);
  q.clusters = cluster_size.size();
  q.classes = class_size.size();
  return q;
}

// One line: "<name>: BCubed P .. R .. F1 .. | pairwise P .. R .. F1 .. | N stories for M events".
inline void print_quality(const char* name, const Quality& q) {
  std::printf("%s: BCubed P %.3f R %.3f F1 %.3f | pairwise P %.3f R %.3f F1 %.3f | %zu stories "
              "for %zu events\n",
              name, q.bcubed.precision, q.bcubed.recall, q.bcubed.f1, q.pairwise.precision,
              q.pairwise.recall, q.pairwise.f1, q.clusters, q.classes);
}

}  // namespace crosscheck::cluster_metrics
