#include "src/cluster/sparse.h"

#include <algorithm>
#include <cmath>

namespace crosscheck::cluster {

namespace {

// Heavier first; equal weights fall back to the term id so the order never depends on the
// sort algorithm's treatment of ties.
bool heavier(const Entry& a, const Entry& b) {
  if (a.weight != b.weight) return a.weight > b.weight;
  return a.term < b.term;
}

}  // namespace

double dot(const SparseVector& a, const SparseVector& b) {
  double s = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].term < b[j].term) {
      ++i;
    } else if (a[i].term > b[j].term) {
      ++j;
    } else {
      s += static_cast<double>(a[i].weight) * b[j].weight;
      ++i;
      ++j;
    }
  }
  return s;
}

double norm(const SparseVector& v) {
  double s = 0;
  for (const Entry& e : v) s += static_cast<double>(e.weight) * e.weight;
  return std::sqrt(s);
}

void normalize(SparseVector& v) {
  double n = norm(v);
  if (n <= 0) return;
  for (Entry& e : v) e.weight = static_cast<float>(e.weight / n);
}

void add_scaled(SparseVector& acc, const SparseVector& v, float scale) {
  SparseVector out;
  out.reserve(acc.size() + v.size());
  size_t i = 0, j = 0;
  while (i < acc.size() || j < v.size()) {
    if (j == v.size() || (i < acc.size() && acc[i].term < v[j].term)) {
      out.push_back(acc[i++]);
    } else if (i == acc.size() || v[j].term < acc[i].term) {
      out.push_back({v[j].term, scale * v[j].weight});
      ++j;
    } else {
      float w = acc[i].weight + scale * v[j].weight;
      // Subtracting an article back out leaves float dust; drop it so centroids stay sparse.
      if (std::fabs(w) > 1e-6f) out.push_back({acc[i].term, w});
      ++i;
      ++j;
    }
  }
  acc.swap(out);
}

void prune(SparseVector& v, uint32_t k) {
  if (v.size() <= k) return;
  std::nth_element(v.begin(), v.begin() + k, v.end(), heavier);
  v.resize(k);
  std::sort(v.begin(), v.end(), [](const Entry& a, const Entry& b) { return a.term < b.term; });
}

std::vector<uint32_t> top_terms(const SparseVector& v, uint32_t k) {
  SparseVector copy = v;
  size_t n = std::min<size_t>(k, copy.size());
  std::partial_sort(copy.begin(), copy.begin() + n, copy.end(), heavier);
  std::vector<uint32_t> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = copy[i].term;
  return out;
}

}  // namespace crosscheck::cluster
