// Sparse term vectors: (term id, weight) pairs sorted by term id.
//
// Story clustering compares short vectors (an article keeps ~150 terms, a centroid ~300), so a
// sorted array and a merge-join beat hash maps in both speed and memory, and iterate in a fixed
// order, which keeps every sum (and so every decision) bit-for-bit reproducible.
#pragma once

#include <cstdint>
#include <vector>

namespace crosscheck::cluster {

struct Entry {
  uint32_t term = 0;
  float weight = 0;
};
using SparseVector = std::vector<Entry>;  // sorted by term, no duplicates

// Dot product by merge-join: O(|a| + |b|).
double dot(const SparseVector& a, const SparseVector& b);

// Euclidean norm.
double norm(const SparseVector& v);

// Scales `v` to unit length (no-op for the zero vector).
void normalize(SparseVector& v);

// acc += scale * v (both sorted; result sorted).
void add_scaled(SparseVector& acc, const SparseVector& v, float scale);

// Keeps the `k` heaviest entries (ties: smaller term id wins), result sorted by term.
void prune(SparseVector& v, uint32_t k);

// Term ids of the `k` heaviest entries, heaviest first (ties: smaller term id first).
std::vector<uint32_t> top_terms(const SparseVector& v, uint32_t k);

}  // namespace crosscheck::cluster
