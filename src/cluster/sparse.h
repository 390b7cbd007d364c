// Sparse term vectors: (term id, weight) pairs sorted by term id.
//
// Story clustering compares short vectors (an article keeps ~150 terms, a centroid ~300), so a
// sorted array and a merge-join beat hash maps in both speed and memory, and iterate in a fixed
// order, which keeps every sum (and so every decision) bit-for-bit reproducible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace crosscheck::cluster {

struct Entry {
  uint32_t term = 0;
  float weight = 0;
};
using SparseVector = std::vector<Entry>;  // sorted by term, no duplicates

// Dot product: a merge-join, O(|a| + |b|), or, when one vector is much longer, galloping lookups
// of the shorter one's terms. Products are summed in ascending term order either way (same bits).
double dot(const SparseVector& a, const SparseVector& b);

// The weight of `term` in `v` (0 when absent); binary search.
float weight_of(const SparseVector& v, uint32_t term);

// Euclidean norm.
double norm(const SparseVector& v);

// Scales `v` to unit length (no-op for the zero vector).
void normalize(SparseVector& v);

// cosine(v, sum - v) without building the difference: an article's similarity to the rest of
// its story. Same bits as add_scaled(copy of sum, v, -1), then dot / norm.
double leave_one_out_cosine(const SparseVector& sum, const SparseVector& v);

// acc += scale * v (both sorted; result sorted).
void add_scaled(SparseVector& acc, const SparseVector& v, float scale);

// Keeps the `k` heaviest entries (ties: smaller term id wins), result sorted by term.
void prune(SparseVector& v, uint32_t k);

// Term ids of the `k` heaviest entries, heaviest first (ties: smaller term id first).
std::vector<uint32_t> top_terms(const SparseVector& v, uint32_t k);

// One vector spread over a dense array indexed by term id, for many dot products against it (an
// article against its candidate stories, a story against the stories it may merge with).
// dot(other) walks `other` alone, a load and a multiply-add per entry with no merge branch, and
// gives the same bits as dot(v, other): each product of two floats is exact in double, and the
// products are added in the same ascending term order (a term only `other` has adds an exact 0).
class DenseVector {
 public:
  // Spreads `v` (which must outlive the load); `vocabulary`: one more than the largest term id
  // of `v` and of every vector later passed to dot().
  void load(const SparseVector& v, size_t vocabulary);
  // Back to all zeros (O(|v|)).
  void unload();
  double dot(const SparseVector& other) const;

 private:
  const SparseVector* v_ = nullptr;
  std::vector<float> dense_;
};

// The sum of many vectors (a story's members) in one pass over their entries: adding n vectors
// one by one with add_scaled() copies the growing sum each time, O(n × |sum|) — quadratic for a
// story of thousands. Here each entry is added to a dense array indexed by term, O(total entries
// + |sum| log |sum|). Each term's weights are added in the order the vectors came, so the sum
// has the bits of the add_scaled(acc, v, 1) sequence for vectors of positive weights (what
// article vectors are).
class SparseSum {
 public:
  void add(const SparseVector& v);
  // The sum of the vectors added since the last take(), sorted by term; starts empty again.
  SparseVector take();

 private:
  std::vector<float> dense_;
  std::vector<uint8_t> seen_;      // per term: added since the last take()
  std::vector<uint32_t> touched_;  // those terms, in order of first sight
};

}  // namespace crosscheck::cluster
