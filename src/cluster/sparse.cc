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
  const SparseVector& small = a.size() <= b.size() ? a : b;
  const SparseVector& large = a.size() <= b.size() ? b : a;
  const Entry* x = small.data();
  const Entry* x_end = x + small.size();
  const Entry* y = large.data();
  const Entry* y_end = y + large.size();
  double s = 0;
  if (large.size() > 8 * small.size()) {
    // A short vector against a long one (an article against an unpruned story sum): look each
    // term up in the rest of the long one, galloping from the last match, O(|small| log |large|).
    for (; x != x_end && y != y_end; ++x) {
      size_t step = 1;
      const Entry* lo = y;
      while (step < static_cast<size_t>(y_end - lo) && lo[step].term < x->term) {
        lo += step;
        step *= 2;
      }
      const Entry* hi = step < static_cast<size_t>(y_end - lo) ? lo + step + 1 : y_end;
      y = std::lower_bound(lo, hi, x->term, [](const Entry& e, uint32_t t) { return e.term < t; });
      if (y != y_end && y->term == x->term) s += static_cast<double>(x->weight) * y->weight;
    }
    return s;
  }
  // Merge-join; the cursors advance without a branch on which one is behind. Products are added
  // in ascending term order either way, so both paths give the same bits.
  while (x != x_end && y != y_end) {
    const uint32_t u = x->term, v = y->term;
    if (u == v) s += static_cast<double>(x->weight) * y->weight;
    x += u <= v;
    y += v <= u;
  }
  return s;
}

void DenseVector::load(const SparseVector& v, size_t vocabulary) {
  if (v_ != nullptr) unload();
  if (dense_.size() < vocabulary) dense_.resize(vocabulary, 0.0f);
  for (const Entry& e : v) dense_[e.term] = e.weight;
  v_ = &v;
}

void DenseVector::unload() {
  if (v_ == nullptr) return;
  for (const Entry& e : *v_) dense_[e.term] = 0.0f;
  v_ = nullptr;
}

double DenseVector::dot(const SparseVector& other) const {
  // Against a much longer vector the galloping lookups of the short one touch fewer entries.
  if (other.size() > 8 * v_->size()) return cluster::dot(*v_, other);
  const float* d = dense_.data();
  double s = 0;
  for (const Entry& e : other) s += static_cast<double>(d[e.term]) * e.weight;
  return s;
}

float weight_of(const SparseVector& v, uint32_t term) {
  auto it = std::lower_bound(v.begin(), v.end(), term,
                             [](const Entry& e, uint32_t t) { return e.term < t; });
  return it != v.end() && it->term == term ? it->weight : 0.0f;
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

double leave_one_out_cosine(const SparseVector& sum, const SparseVector& v) {
  double dot_sum = 0, norm_sq = 0;
  size_t i = 0, j = 0;
  while (i < sum.size() || j < v.size()) {
    if (j == v.size() || (i < sum.size() && sum[i].term < v[j].term)) {
      norm_sq += static_cast<double>(sum[i].weight) * sum[i].weight;
      ++i;
      continue;
    }
    float w;  // the entry of sum - v, as add_scaled(sum, v, -1) computes it
    if (i == sum.size() || v[j].term < sum[i].term) {
      w = -1.0f * v[j].weight;
    } else {
      w = sum[i].weight + -1.0f * v[j].weight;
      ++i;
      if (!(std::fabs(w) > 1e-6f)) {  // float dust, dropped as add_scaled drops it
        ++j;
        continue;
      }
    }
    norm_sq += static_cast<double>(w) * w;
    dot_sum += static_cast<double>(v[j].weight) * w;
    ++j;
  }
  double n = std::sqrt(norm_sq);
  return n > 0 ? dot_sum / n : 0.0;
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

void SparseSum::add(const SparseVector& v) {
  for (const Entry& e : v) {
    if (e.term >= dense_.size()) {
      size_t size = std::max<size_t>(size_t{e.term} + 1, 2 * dense_.size());
      dense_.resize(size, 0.0f);
      seen_.resize(size, 0);
    }
    if (!seen_[e.term]) {
      seen_[e.term] = 1;
      touched_.push_back(e.term);
    }
    dense_[e.term] += e.weight;
  }
}

SparseVector SparseSum::take() {
  std::sort(touched_.begin(), touched_.end());
  SparseVector out;
  out.reserve(touched_.size());
  for (uint32_t t : touched_) {
    out.push_back({t, dense_[t]});
    dense_[t] = 0.0f;
    seen_[t] = 0;
  }
  touched_.clear();
  return out;
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
