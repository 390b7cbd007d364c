#include "src/entities/crf.h"

#include <algorithm>
#include <cmath>

namespace crosscheck::entities {
namespace {

bool allowed(float transition) { return transition > kForbidden / 2; }

void normalise(double* v, size_t k) {
  double s = 0;
  for (size_t t = 0; t < k; ++t) s += v[t];
  if (s <= 0) return;
  const double inv = 1.0 / s;
  for (size_t t = 0; t < k; ++t) v[t] *= inv;
}

}  // namespace

Crf::Crf(uint32_t bits, const TagSet& tags, const CrfOptions& options)
    : options_(options), tags_(tags.size()), t_(Transitions::zero(tags)) {
  const size_t n = (size_t(1) << bits) * tags_;
  w_.assign(n, 0.0f);
  g2_.assign(n, 0.0f);
  if (options_.average) u_.assign(n, 0.0);
  const size_t transitions = tags_ * tags_ + 2 * tags_;
  t_g2_.assign(transitions, 0.0f);
  t_u_.assign(transitions, 0.0);
}

void Crf::step(float* w, float* g2, double* u, float gradient) {
  const float g = gradient - options_.l2 * *w;
  if (g == 0.0f) return;  // nothing to learn (and 0 / sqrt(0) would poison the weight)
  *g2 += g * g;
  const float delta = options_.rate * g / std::sqrt(*g2);
  *w += delta;
  if (u) *u += c_ * delta;
}

void Crf::forward_backward(size_t n) {
  const size_t k = tags_;
  trans_.assign(k * k, 0.0);
  start_.assign(k, 0.0);
  end_.assign(k, 0.0);
  for (size_t i = 0; i < k * k; ++i) {
    if (allowed(t_.between[i])) trans_[i] = std::exp(double(t_.between[i]));
  }
  for (size_t t = 0; t < k; ++t) {
    if (allowed(t_.start[t])) start_[t] = std::exp(double(t_.start[t]));
    if (allowed(t_.end[t])) end_[t] = std::exp(double(t_.end[t]));
  }
  // exp(emission - max) per token: the constant cancels in every normalisation below.
  for (size_t i = 0; i < n; ++i) {
    double* e = &emissions_[i * k];
    const double top = *std::max_element(e, e + k);
    for (size_t t = 0; t < k; ++t) e[t] = std::exp(e[t] - top);
  }
  alpha_.assign(n * k, 0.0);
  beta_.assign(n * k, 0.0);
  for (size_t t = 0; t < k; ++t) alpha_[t] = start_[t] * emissions_[t];
  normalise(&alpha_[0], k);
  for (size_t i = 1; i < n; ++i) {
    const double* prev = &alpha_[(i - 1) * k];
    double* cur = &alpha_[i * k];
    for (size_t to = 0; to < k; ++to) {
      double s = 0;
      for (uint8_t from : t_.from[to]) s += prev[from] * trans_[from * k + to];
      cur[to] = s * emissions_[i * k + to];
    }
    normalise(cur, k);
  }
  for (size_t t = 0; t < k; ++t) beta_[(n - 1) * k + t] = end_[t];
  normalise(&beta_[(n - 1) * k], k);
  for (size_t i = n - 1; i > 0; --i) {
    const double* next = &beta_[i * k];
    double* cur = &beta_[(i - 1) * k];
    for (size_t to = 0; to < k; ++to) {
      const double x = emissions_[i * k + to] * next[to];
      for (uint8_t from : t_.from[to]) cur[from] += trans_[from * k + to] * x;
    }
    normalise(cur, k);
  }
  node_.assign(n * k, 0.0);
  for (size_t i = 0; i < n * k; ++i) node_[i] = alpha_[i] * beta_[i];
  for (size_t i = 0; i < n; ++i) normalise(&node_[i * k], k);
  edge_.assign(k * k, 0.0);
  std::vector<double> xi(k * k);
  for (size_t i = 1; i < n; ++i) {
    const double* prev = &alpha_[(i - 1) * k];
    double total = 0;
    std::fill(xi.begin(), xi.end(), 0.0);
    for (size_t to = 0; to < k; ++to) {
      const double x = emissions_[i * k + to] * beta_[i * k + to];
      for (uint8_t from : t_.from[to]) {
        const double v = prev[from] * trans_[from * k + to] * x;
        xi[from * k + to] = v;
        total += v;
      }
    }
    if (total <= 0) continue;
    for (size_t j = 0; j < k * k; ++j) edge_[j] += xi[j] / total;
  }
}

void Crf::compute(const TrainingSet& data, uint32_t sentence) {
  const size_t b = data.sentence_begin[sentence], n = data.sentence_begin[sentence + 1] - b;
  const size_t k = tags_;
  emissions_.assign(n * k, 0.0);
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t j = data.offsets[b + i]; j < data.offsets[b + i + 1]; ++j) {
      const float* row = &w_[size_t(data.rows[j]) * k];
      for (size_t t = 0; t < k; ++t) emissions_[i * k + t] += row[t];
    }
  }
  if (n) forward_backward(n);
}

void Crf::marginals(const TrainingSet& data, uint32_t sentence, std::vector<double>* out) {
  compute(data, sentence);
  *out = node_;
}

size_t Crf::epoch(const TrainingSet& data, const std::vector<uint32_t>& order) {
  const size_t k = tags_;
  const float floor = options_.min_gradient;
  double* no_average = nullptr;
  size_t wrong = 0;
  for (uint32_t s : order) {
    const size_t b = data.sentence_begin[s], n = data.sentence_begin[s + 1] - b;
    if (n == 0) continue;
    compute(data, s);
    const uint8_t* gold = &data.gold[b];
    bool same = true;
    for (size_t i = 0; i < n; ++i) {
      const double* p = &node_[i * k];
      if (size_t(std::max_element(p, p + k) - p) != gold[i]) same = false;
      for (size_t t = 0; t < k; ++t) {
        const float g = float((gold[i] == t ? 1.0 : 0.0) - p[t]);
        if (std::fabs(g) < floor) continue;
        for (uint32_t j = data.offsets[b + i]; j < data.offsets[b + i + 1]; ++j) {
          const size_t at = size_t(data.rows[j]) * k + t;
          step(&w_[at], &g2_[at], options_.average ? &u_[at] : no_average, g);
        }
      }
    }
    if (!same) ++wrong;
    // Transitions: observed minus expected counts.
    std::vector<double>& observed = observed_;  // between, then start, then end
    observed.assign(k * k + 2 * k, 0.0);
    for (size_t i = 1; i < n; ++i) observed[gold[i - 1] * k + gold[i]] += 1;
    observed[k * k + gold[0]] += 1;
    observed[k * k + k + gold[n - 1]] += 1;
    for (size_t j = 0; j < k * k + 2 * k; ++j) {
      float* w = j < k * k       ? &t_.between[j]
                 : j < k * k + k ? &t_.start[j - k * k]
                                 : &t_.end[j - k * k - k];
      if (!allowed(*w)) continue;
      const double expected = j < k * k       ? edge_[j]
                              : j < k * k + k ? node_[j - k * k]
                                              : node_[(n - 1) * k + (j - k * k - k)];
      const float g = float(observed[j] - expected);
      if (std::fabs(g) < floor) continue;
      step(w, &t_g2_[j], options_.average ? &t_u_[j] : no_average, g);
    }
    c_ += 1;
  }
  return wrong;
}

void Crf::average(std::vector<float>* weights, Transitions* transitions) const {
  *transitions = t_;
  if (!options_.average) {
    *weights = w_;
    return;
  }
  weights->resize(w_.size());
  const double inv = 1.0 / c_;
  for (size_t i = 0; i < w_.size(); ++i) (*weights)[i] = float(double(w_[i]) - u_[i] * inv);
  const size_t k = tags_;
  for (size_t j = 0; j < k * k + 2 * k; ++j) {
    float* w = j < k * k       ? &transitions->between[j]
               : j < k * k + k ? &transitions->start[j - k * k]
                               : &transitions->end[j - k * k - k];
    if (allowed(*w)) *w = float(double(*w) - t_u_[j] * inv);
  }
}

}  // namespace crosscheck::entities
