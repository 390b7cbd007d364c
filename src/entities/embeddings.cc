// Skip-gram with negative sampling: see the essay in embeddings.h.
#include "src/entities/embeddings.h"

#include <algorithm>
#include <cmath>

namespace crosscheck::entities {
namespace {

// word2vec's linear congruential generator: fast, and the same sequence on every platform.
struct Lcg {
  uint64_t state;
  uint64_t next() {
    state = state * 25214903917ULL + 11;
    return state >> 16;
  }
  double uniform() { return double(next() & 0xFFFFFF) / double(0x1000000); }
};

float sigmoid(float x) {
  if (x > 8) return 1.0f;
  if (x < -8) return 0.0f;
  return 1.0f / (1.0f + std::exp(-x));
}

}  // namespace

std::vector<float> skipgram(const std::vector<uint32_t>& stream,
                            const std::vector<uint64_t>& counts, const EmbeddingOptions& options) {
  const size_t vocab = counts.size(), dims = std::max<uint32_t>(1, options.dims);
  const uint32_t window = std::max<uint32_t>(1, options.window);
  Lcg rng{options.seed * 0x9E3779B97F4A7C15ULL + 1};
  std::vector<float> in(vocab * dims), out(vocab * dims, 0.0f);
  for (float& v : in) v = float((rng.uniform() - 0.5) / double(dims));
  if (vocab == 0) return in;

  // Noise distribution: unigram^0.75 as a table of ids.
  constexpr size_t kTable = size_t(1) << 22;
  std::vector<uint32_t> table(kTable);
  double z = 0;
  for (uint64_t c : counts) z += std::pow(double(c), 0.75);
  {
    size_t w = 0;
    if (z <= 0) z = 1;  // no counts at all: a table of word 0, never drawn from
    double cumulative = vocab ? std::pow(double(counts[0]), 0.75) / z : 1;
    for (size_t i = 0; i < kTable; ++i) {
      table[i] = uint32_t(w);
      if (double(i + 1) / double(kTable) > cumulative && w + 1 < vocab) {
        ++w;
        cumulative += std::pow(double(counts[w]), 0.75) / z;
      }
    }
  }
  // Probability of keeping each word (word2vec's subsampling of frequent words).
  double total = 0;
  for (uint64_t c : counts) total += double(c);
  std::vector<float> keep(vocab, 1.0f);
  if (options.subsample > 0) {
    const double t = options.subsample * total;
    for (size_t w = 0; w < vocab; ++w) {
      const double f = double(counts[w]);
      if (f > 0) keep[w] = float(std::min(1.0, (std::sqrt(f / t) + 1) * t / f));
    }
  }

  const double planned = double(stream.size()) * std::max<uint32_t>(1, options.epochs);
  double done = 0;
  std::vector<uint32_t> line;
  std::vector<float> grad(dims);
  auto train_pair = [&](uint32_t word, uint32_t context, float rate) {
    float* v = &in[size_t(word) * dims];
    std::fill(grad.begin(), grad.end(), 0.0f);
    for (uint32_t n = 0; n <= options.negatives; ++n) {
      uint32_t target = context;
      float label = 1.0f;
      if (n > 0) {
        target = table[rng.next() % kTable];
        if (target == context) continue;
        label = 0.0f;
      }
      float* u = &out[size_t(target) * dims];
      float dot = 0;
      for (size_t d = 0; d < dims; ++d) dot += v[d] * u[d];
      const float g = (label - sigmoid(dot)) * rate;
      for (size_t d = 0; d < dims; ++d) {
        grad[d] += g * u[d];
        u[d] += g * v[d];
      }
    }
    for (size_t d = 0; d < dims; ++d) v[d] += grad[d];
  };
  for (uint32_t epoch = 0; epoch < std::max<uint32_t>(1, options.epochs); ++epoch) {
    size_t pos = 0;
    while (pos < stream.size()) {
      line.clear();
      size_t end = pos;
      while (end < stream.size() && stream[end] != kLineBreak) ++end;
      for (size_t i = pos; i < end; ++i) {
        if (keep[stream[i]] >= 1.0f || rng.uniform() < keep[stream[i]]) line.push_back(stream[i]);
      }
      done += double(end - pos);
      pos = end + 1;
      const float rate = options.rate * float(std::max(1e-4, 1.0 - done / planned));
      for (size_t i = 0; i < line.size(); ++i) {
        const size_t reach = 1 + rng.next() % window;
        const size_t first = i >= reach ? i - reach : 0,
                     last = std::min(line.size(), i + reach + 1);
        for (size_t j = first; j < last; ++j) {
          if (j != i) train_pair(line[j], line[i], rate);
        }
      }
    }
  }
  for (size_t w = 0; w < vocab; ++w) {
    float* v = &in[w * dims];
    double norm = 0;
    for (size_t d = 0; d < dims; ++d) norm += double(v[d]) * v[d];
    const float inv = norm > 0 && counts[w] > 0 ? float(1.0 / std::sqrt(norm)) : 0.0f;
    for (size_t d = 0; d < dims; ++d) v[d] *= inv;
  }
  return in;
}

}  // namespace crosscheck::entities
