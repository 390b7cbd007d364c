#include "src/entities/decoder.h"

#include <algorithm>

namespace crosscheck::entities {

Transitions Transitions::zero(const TagSet& tag_set) {
  Transitions t;
  t.tags = tag_set.size();
  t.between.assign(t.tags * t.tags, 0.0f);
  t.start.assign(t.tags, 0.0f);
  t.end.assign(t.tags, 0.0f);
  t.from.assign(t.tags, {});
  for (size_t to = 0; to < t.tags; ++to) {
    if (!tag_set.allowed(TagSet::kStart, int(to))) t.start[to] = kForbidden;
    if (!tag_set.allowed(int(to), TagSet::kEnd)) t.end[to] = kForbidden;
    for (size_t from = 0; from < t.tags; ++from) {
      if (!tag_set.allowed(int(from), int(to)))
        t.between[from * t.tags + to] = kForbidden;
      else
        t.from[to].push_back(uint8_t(from));
    }
  }
  return t;
}

void viterbi(const float* emissions, size_t n, const Transitions& t, uint8_t* out,
             std::vector<float>& scratch, std::vector<uint8_t>& back) {
  if (n == 0) return;
  const size_t k = t.tags;
  scratch.resize(2 * k);
  back.resize(n * k);
  float* prev = scratch.data();
  float* cur = scratch.data() + k;
  for (size_t j = 0; j < k; ++j) prev[j] = t.start[j] + emissions[j];
  for (size_t i = 1; i < n; ++i) {
    const float* e = emissions + i * k;
    uint8_t* b = &back[i * k];
    for (size_t to = 0; to < k; ++to) {
      float best = kForbidden * 4;
      uint8_t arg = 0;
      for (uint8_t from : t.from[to]) {
        float s = prev[from] + t.between[from * k + to];
        if (s > best) {
          best = s;
          arg = from;
        }
      }
      cur[to] = best + e[to];
      b[to] = arg;
    }
    std::swap(prev, cur);
  }
  size_t arg = 0;
  float best = kForbidden * 4;
  for (size_t j = 0; j < k; ++j) {
    float s = prev[j] + t.end[j];
    if (s > best) {
      best = s;
      arg = j;
    }
  }
  out[n - 1] = uint8_t(arg);
  for (size_t i = n - 1; i > 0; --i) out[i - 1] = back[i * k + out[i]];
}

}  // namespace crosscheck::entities
