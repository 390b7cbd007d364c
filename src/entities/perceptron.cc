#include "src/entities/perceptron.h"

#include <algorithm>

namespace crosscheck::entities {
namespace {

void float_emissions(const std::vector<float>& w, size_t tags, const TrainingSet& data,
                     size_t first_token, size_t n, std::vector<float>& out) {
  out.assign(n * tags, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    float* e = &out[i * tags];
    const size_t k = first_token + i;
    for (uint32_t j = data.offsets[k]; j < data.offsets[k + 1]; ++j) {
      const float* row = &w[size_t(data.rows[j]) * tags];
      for (size_t t = 0; t < tags; ++t) e[t] += row[t];
    }
  }
}

}  // namespace

void TrainingSet::add_document(const std::vector<uint32_t>& doc_rows,
                               const std::vector<uint32_t>& doc_offsets,
                               const std::vector<uint32_t>& doc_sentence_begin,
                               const uint8_t* doc_gold) {
  const uint32_t row_base = uint32_t(rows.size());
  const uint32_t token_base = uint32_t(gold.size());
  rows.insert(rows.end(), doc_rows.begin(), doc_rows.end());
  const size_t n = doc_offsets.size() - 1;
  for (size_t k = 1; k <= n; ++k) offsets.push_back(row_base + doc_offsets[k]);
  gold.insert(gold.end(), doc_gold, doc_gold + n);
  for (size_t s = 1; s < doc_sentence_begin.size(); ++s) {
    if (doc_sentence_begin[s] == doc_sentence_begin[s - 1]) continue;  // empty sentence
    sentence_begin.push_back(token_base + doc_sentence_begin[s]);
  }
  document_begin.push_back(uint32_t(sentence_begin.size() - 1));
}

Perceptron::Perceptron(uint32_t bits, const TagSet& tags)
    : bits_(bits), tags_(tags.size()), t_(Transitions::zero(tags)) {
  const size_t n = (size_t(1) << bits) * tags_;
  w_.assign(n, 0.0f);
  u_.assign(n, 0.0);
  tu_between_.assign(t_.between.size(), 0.0);
  tu_start_.assign(tags_, 0.0);
  tu_end_.assign(tags_, 0.0);
}

size_t Perceptron::epoch(const TrainingSet& data, const std::vector<uint32_t>& order) {
  size_t wrong = 0;
  const size_t k = tags_;
  for (uint32_t s : order) {
    const size_t b = data.sentence_begin[s], n = data.sentence_begin[s + 1] - b;
    if (n == 0) continue;
    float_emissions(w_, k, data, b, n, emissions_);
    const uint8_t* gold = &data.gold[b];
    pred_.resize(n);
    viterbi(emissions_.data(), n, t_, pred_.data(), scratch_, back_);
    const bool same = std::equal(pred_.begin(), pred_.end(), gold);
    if (!same) {
      ++wrong;
      for (size_t i = 0; i < n; ++i) {
        const uint8_t g = gold[i], p = pred_[i];
        if (i == 0 && g != p) {
          t_.start[g] += 1;
          tu_start_[g] += c_;
          t_.start[p] -= 1;
          tu_start_[p] -= c_;
        }
        if (i > 0) {
          const uint8_t gp = gold[i - 1], pp = pred_[i - 1];
          if (g != p || gp != pp) {
            t_.between[gp * k + g] += 1;
            tu_between_[gp * k + g] += c_;
            t_.between[pp * k + p] -= 1;
            tu_between_[pp * k + p] -= c_;
          }
        }
        if (i + 1 == n && g != p) {
          t_.end[g] += 1;
          tu_end_[g] += c_;
          t_.end[p] -= 1;
          tu_end_[p] -= c_;
        }
        if (g == p) continue;
        for (uint32_t j = data.offsets[b + i]; j < data.offsets[b + i + 1]; ++j) {
          const size_t row = size_t(data.rows[j]) * k;
          w_[row + g] += 1;
          u_[row + g] += c_;
          w_[row + p] -= 1;
          u_[row + p] -= c_;
        }
      }
    }
    c_ += 1;
  }
  return wrong;
}

void Perceptron::average(std::vector<float>* weights, Transitions* transitions) const {
  weights->resize(w_.size());
  const double inv = 1.0 / c_;
  for (size_t i = 0; i < w_.size(); ++i) (*weights)[i] = float(double(w_[i]) - u_[i] * inv);
  *transitions = t_;
  for (size_t i = 0; i < t_.between.size(); ++i) {
    if (t_.between[i] > kForbidden / 2)
      transitions->between[i] = float(t_.between[i] - tu_between_[i] * inv);
  }
  for (size_t i = 0; i < tags_; ++i) {
    if (t_.start[i] > kForbidden / 2)
      transitions->start[i] = float(t_.start[i] - tu_start_[i] * inv);
    if (t_.end[i] > kForbidden / 2) transitions->end[i] = float(t_.end[i] - tu_end_[i] * inv);
  }
}

void decode_floats(const std::vector<float>& weights, size_t tags, const Transitions& transitions,
                   const TrainingSet& data, size_t first, size_t last, uint8_t* out) {
  std::vector<float> emissions, scratch;
  std::vector<uint8_t> back;
  for (size_t s = first; s < last; ++s) {
    const size_t b = data.sentence_begin[s], n = data.sentence_begin[s + 1] - b;
    if (n == 0) continue;
    float_emissions(weights, tags, data, b, n, emissions);
    viterbi(emissions.data(), n, transitions, out + b, scratch, back);
  }
}

}  // namespace crosscheck::entities
