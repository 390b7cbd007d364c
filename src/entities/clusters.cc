// Word clusters: see the essay in clusters.h.
#include "src/entities/clusters.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <random>
#include <unordered_map>

#include "src/entities/binary_io.h"
#include "src/entities/corpus_tokens.h"
#include "src/entities/embeddings.h"
#include "src/entities/hash.h"
#include "src/entities/lexical.h"

namespace crosscheck::entities {
namespace {

constexpr uint32_t kBoundary = UINT32_MAX;  // line break in the token stream
constexpr uint32_t kShapeBuckets = 6;       // init-cap, all-caps, lower, digit, other, boundary

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return size_t(hash_bytes(s)); }
};
struct StringEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

// The corpus as interned ids, lines separated by kBoundary.
struct Stream {
  std::vector<uint32_t> ids;
  std::vector<std::string> names;
  std::vector<uint64_t> counts;
  std::unordered_map<std::string, uint32_t, StringHash, StringEq> index;

  void add(const std::string& token) {
    auto it = index.find(std::string_view(token));
    uint32_t id;
    if (it == index.end()) {
      id = uint32_t(names.size());
      names.push_back(token);
      counts.push_back(0);
      index.emplace(token, id);
    } else {
      id = it->second;
    }
    ++counts[id];
    ids.push_back(id);
  }
};

// Sparse rows (one per vocabulary word), unit length.
struct Csr {
  std::vector<uint64_t> ptr;
  std::vector<uint32_t> col;
  std::vector<float> val;
  uint32_t dims = 0;
};

uint32_t shape_bucket(const std::string& word) {
  uint16_t f = analyze_token(word).flags;
  if (f & kHasDigit) return 3;
  if (f & kNoLetter) return 4;
  if (f & kAllCaps) return 1;
  if (f & kInitCap) return 0;
  return 2;
}

void sort_and_merge(std::vector<std::pair<uint64_t, uint32_t>>& pairs) {
  std::sort(pairs.begin(), pairs.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t w = 0;
  for (size_t r = 0; r < pairs.size(); ++r) {
    if (w > 0 && pairs[w - 1].first == pairs[r].first)
      pairs[w - 1].second += pairs[r].second;
    else
      pairs[w++] = pairs[r];
  }
  pairs.resize(w);
}

// Spherical k-means of `members` (vocabulary ranks, most frequent first) into at most K clusters.
std::vector<uint8_t> spherical_kmeans(const Csr& x, const std::vector<uint32_t>& members,
                                      uint32_t k, uint32_t iterations, std::mt19937_64& rng) {
  const size_t n = members.size();
  std::vector<uint8_t> assign(n, 0);
  if (n <= k) {
    for (size_t i = 0; i < n; ++i) assign[i] = uint8_t(i);
    return assign;
  }
  const size_t dims = x.dims;
  std::vector<float> cent(dims * k, 0.0f);
  auto dot_all = [&](uint32_t row, float* scores) {
    std::fill(scores, scores + k, 0.0f);
    for (uint64_t j = x.ptr[row]; j < x.ptr[row + 1]; ++j) {
      const float v = x.val[j];
      const float* c = &cent[size_t(x.col[j]) * k];
      for (uint32_t q = 0; q < k; ++q) scores[q] += v * c[q];
    }
  };
  auto set_centroid = [&](uint32_t q, uint32_t row) {
    for (size_t d = 0; d < dims; ++d) cent[d * k + q] = 0.0f;
    for (uint64_t j = x.ptr[row]; j < x.ptr[row + 1]; ++j)
      cent[size_t(x.col[j]) * k + q] = x.val[j];
  };

  // k-means++ seeding among the most frequent members (their rows are the least noisy).
  size_t candidates = std::min<size_t>(n, 64 * size_t(k));
  std::vector<float> best(candidates, -1.0f);
  std::vector<float> scores(k);
  uint32_t chosen = 0;
  set_centroid(0, members[rng() % candidates]);
  for (chosen = 1; chosen <= k; ++chosen) {
    double total = 0;
    std::vector<double> weight(candidates);
    for (size_t i = 0; i < candidates; ++i) {
      dot_all(members[i], scores.data());
      best[i] = std::max(best[i], scores[chosen - 1]);
      double d = std::max(0.0, 1.0 - double(best[i]));
      weight[i] = d * d;
      total += weight[i];
    }
    if (chosen == k) break;
    size_t pick = rng() % candidates;
    if (total > 0) {
      double r = std::uniform_real_distribution<double>(0, total)(rng);
      for (size_t i = 0; i < candidates; ++i) {
        r -= weight[i];
        if (r <= 0) {
          pick = i;
          break;
        }
      }
    }
    set_centroid(chosen, members[pick]);
  }

  std::vector<float> sim(n);
  for (uint32_t it = 0; it < iterations; ++it) {
    size_t changed = 0;
    for (size_t i = 0; i < n; ++i) {
      dot_all(members[i], scores.data());
      uint32_t arg = 0;
      for (uint32_t q = 1; q < k; ++q) {
        if (scores[q] > scores[arg]) arg = q;
      }
      if (it == 0 || arg != assign[i]) ++changed;
      assign[i] = uint8_t(arg);
      sim[i] = scores[arg];
    }
    if (changed == 0) break;
    std::fill(cent.begin(), cent.end(), 0.0f);
    std::vector<size_t> sizes(k, 0);
    for (size_t i = 0; i < n; ++i) {
      uint32_t q = assign[i];
      ++sizes[q];
      uint32_t row = members[i];
      for (uint64_t j = x.ptr[row]; j < x.ptr[row + 1]; ++j)
        cent[size_t(x.col[j]) * k + q] += x.val[j];
    }
    for (uint32_t q = 0; q < k; ++q) {
      if (sizes[q] == 0) {
        // Re-seed an empty cluster with the member its centroid fits worst.
        size_t worst = size_t(std::min_element(sim.begin(), sim.end()) - sim.begin());
        set_centroid(q, members[worst]);
        sim[worst] = 1.0f;
        continue;
      }
      double norm = 0;
      for (size_t d = 0; d < dims; ++d) norm += double(cent[d * k + q]) * cent[d * k + q];
      float inv = norm > 0 ? float(1.0 / std::sqrt(norm)) : 0.0f;
      for (size_t d = 0; d < dims; ++d) cent[d * k + q] *= inv;
    }
  }
  return assign;
}

void cluster_node(const Csr& x, const std::vector<uint32_t>& members, size_t level,
                  const ClusterOptions& options, std::mt19937_64& rng, std::vector<uint8_t>& paths,
                  size_t levels) {
  if (members.empty() || level >= levels) return;
  uint32_t k = std::min<uint32_t>(options.branching[level], 255);
  std::vector<uint8_t> assign = spherical_kmeans(x, members, k, options.iterations, rng);
  std::vector<std::vector<uint32_t>> children(k);
  for (size_t i = 0; i < members.size(); ++i) {
    paths[size_t(members[i]) * levels + level] = assign[i];
    children[assign[i]].push_back(members[i]);
  }
  for (auto& c : children) cluster_node(x, c, level + 1, options, rng, paths, levels);
}

}  // namespace

WordClusters WordClusters::learn(const std::vector<std::string>& texts,
                                 const std::vector<std::vector<std::string>>& extra_sentences,
                                 const ClusterOptions& options,
                                 const std::function<void(const std::string&)>& log) {
  auto say = [&](const std::string& s) {
    if (log) log(s);
  };
  WordClusters out;
  out.run_levels_ = options.branching.size();
  const size_t ppmi_runs = std::max<uint32_t>(1, options.runs);
  out.levels_ = out.run_levels_ * (ppmi_runs + options.embedding_runs);
  if (out.levels_ == 0) return out;

  // 1. Token stream.
  Stream stream;
  std::vector<std::string> tokens;
  for (const std::string& text : texts) {
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t eol = text.find('\n', pos);
      if (eol == std::string::npos) eol = text.size();
      tokens.clear();
      split_conll_tokens(std::string_view(text).substr(pos, eol - pos), tokens);
      if (!tokens.empty()) {
        for (const std::string& t : tokens) stream.add(t);
        stream.ids.push_back(kBoundary);
      }
      pos = eol + 1;
    }
  }
  for (const auto& sentence : extra_sentences) {
    for (const std::string& t : sentence) stream.add(t);
    stream.ids.push_back(kBoundary);
  }
  say("clusters: " + std::to_string(stream.ids.size()) + " tokens, " +
      std::to_string(stream.names.size()) + " types");

  // 2. Vocabulary (rank by frequency) and context dimensions.
  std::vector<uint32_t> by_count(stream.names.size());
  std::iota(by_count.begin(), by_count.end(), 0);
  std::stable_sort(by_count.begin(), by_count.end(),
                   [&](uint32_t a, uint32_t b) { return stream.counts[a] > stream.counts[b]; });
  std::vector<uint32_t> rank(stream.names.size(), UINT32_MAX);
  uint32_t vocab = 0;
  for (uint32_t id : by_count) {
    if (stream.counts[id] < options.min_count || vocab >= options.max_words) break;
    rank[id] = vocab++;
  }
  const uint32_t contexts = std::min<uint32_t>(options.contexts, uint32_t(by_count.size()));
  const uint32_t per_offset = contexts + kShapeBuckets;
  std::vector<uint32_t> context_of(stream.names.size());
  for (uint32_t r = 0; r < by_count.size(); ++r) {
    uint32_t id = by_count[r];
    context_of[id] = r < contexts ? r : contexts + shape_bucket(stream.names[id]);
  }
  const uint32_t window = std::max<uint32_t>(1, options.window);
  const uint32_t offsets = 2 * window;
  const uint32_t boundary_ctx = contexts + kShapeBuckets - 1;

  // 3. (word, offset, context) counts: sorted chunks merged as they come.
  std::vector<std::pair<uint64_t, uint32_t>> pairs;
  std::vector<std::pair<uint64_t, uint32_t>> chunk;
  size_t merged_size = 0;
  auto flush = [&] {
    sort_and_merge(chunk);
    pairs.insert(pairs.end(), chunk.begin(), chunk.end());
    chunk.clear();
    if (pairs.size() > 2 * merged_size + (8u << 20)) {
      sort_and_merge(pairs);
      merged_size = pairs.size();
    }
  };
  const std::vector<uint32_t>& ids = stream.ids;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == kBoundary || rank[ids[i]] == UINT32_MAX) continue;
    uint64_t hi = uint64_t(rank[ids[i]]) << 32;
    for (uint32_t side = 0; side < 2; ++side) {
      bool hit_boundary = false;
      for (uint32_t d = 1; d <= window; ++d) {
        uint32_t ctx = boundary_ctx;
        if (!hit_boundary) {
          bool inside = side == 0 ? i >= d : i + d < ids.size();
          uint32_t id = inside ? ids[side == 0 ? i - d : i + d] : kBoundary;
          if (id == kBoundary)
            hit_boundary = true;
          else
            ctx = context_of[id];
        }
        uint32_t offset = side == 0 ? window - d : window + d - 1;
        chunk.emplace_back(hi | (uint64_t(offset) * per_offset + ctx), 1);
      }
    }
    if (chunk.size() >= (8u << 20)) flush();
  }
  flush();
  sort_and_merge(pairs);
  say("clusters: " + std::to_string(vocab) + " words, " + std::to_string(pairs.size()) +
      " distinct (word, context) pairs");

  // 4. PPMI rows.
  const uint32_t dims = offsets * per_offset;
  std::vector<double> ctx_total(dims, 0.0), word_total(size_t(vocab) * offsets, 0.0);
  for (const auto& [key, n] : pairs) {
    uint32_t w = uint32_t(key >> 32), c = uint32_t(key);
    ctx_total[c] += n;
    word_total[size_t(w) * offsets + c / per_offset] += n;
  }
  const double alpha = 0.75;
  std::vector<double> ctx_smoothed(dims), z(offsets, 0.0);
  for (uint32_t c = 0; c < dims; ++c) {
    ctx_smoothed[c] = std::pow(ctx_total[c], alpha);
    z[c / per_offset] += ctx_smoothed[c];
  }
  Csr x;
  x.dims = dims;
  x.ptr.assign(size_t(vocab) + 1, 0);
  for (const auto& [key, n] : pairs) {
    uint32_t w = uint32_t(key >> 32), c = uint32_t(key);
    uint32_t o = c / per_offset;
    double pmi =
        std::log(double(n) * z[o] / (word_total[size_t(w) * offsets + o] * ctx_smoothed[c]));
    if (pmi <= 0) continue;
    x.col.push_back(c);
    x.val.push_back(float(pmi));
    ++x.ptr[size_t(w) + 1];
  }
  pairs.clear();
  pairs.shrink_to_fit();
  for (size_t w = 0; w < vocab; ++w) x.ptr[w + 1] += x.ptr[w];
  for (size_t w = 0; w < vocab; ++w) {
    double norm = 0;
    for (uint64_t j = x.ptr[w]; j < x.ptr[w + 1]; ++j) norm += double(x.val[j]) * x.val[j];
    float inv = norm > 0 ? float(1.0 / std::sqrt(norm)) : 0.0f;
    for (uint64_t j = x.ptr[w]; j < x.ptr[w + 1]; ++j) x.val[j] *= inv;
  }
  say("clusters: PPMI rows, " + std::to_string(x.val.size()) + " non-zeros over " +
      std::to_string(dims) + " dimensions");

  // 5. Hierarchical spherical k-means, `runs` times.
  std::vector<uint8_t> paths(size_t(vocab) * out.levels_, 0);
  std::vector<uint32_t> all(vocab);
  std::iota(all.begin(), all.end(), 0);
  std::vector<uint8_t> run_paths(size_t(vocab) * out.run_levels_, 0);
  auto cluster_run = [&](const Csr& rows, size_t run) {
    std::mt19937_64 rng(options.seed + 104729 * run);
    cluster_node(rows, all, 0, options, rng, run_paths, out.run_levels_);
    for (size_t w = 0; w < vocab; ++w) {
      for (size_t l = 0; l < out.run_levels_; ++l)
        paths[w * out.levels_ + run * out.run_levels_ + l] = run_paths[w * out.run_levels_ + l];
    }
  };
  for (size_t run = 0; run < ppmi_runs; ++run) cluster_run(x, run);

  // 6. Optionally, hierarchies of skip-gram vectors of the same words (as dense "sparse" rows).
  if (options.embedding_runs > 0) {
    x = Csr();
    std::vector<uint32_t> ranked;
    ranked.reserve(ids.size());
    for (uint32_t id : ids) {
      if (id == kBoundary) {
        if (!ranked.empty() && ranked.back() != kLineBreak) ranked.push_back(kLineBreak);
      } else if (rank[id] != UINT32_MAX) {
        ranked.push_back(rank[id]);
      }
    }
    std::vector<uint64_t> counts(vocab);
    for (uint32_t id : by_count) {
      if (rank[id] == UINT32_MAX) break;
      counts[rank[id]] = stream.counts[id];
    }
    EmbeddingOptions e;
    e.dims = std::max<uint32_t>(1, options.embedding_dims);
    e.window = options.embedding_window;
    e.seed = options.seed;
    std::vector<float> vectors = skipgram(ranked, counts, e);
    say("clusters: skip-gram vectors, " + std::to_string(e.dims) + " dimensions");
    x.dims = e.dims;
    x.ptr.resize(size_t(vocab) + 1);
    for (size_t w = 0; w <= vocab; ++w) x.ptr[w] = uint64_t(w) * e.dims;
    x.col.resize(size_t(vocab) * e.dims);
    for (size_t j = 0; j < x.col.size(); ++j) x.col[j] = uint32_t(j % e.dims);
    x.val = std::move(vectors);
    for (size_t run = ppmi_runs; run < ppmi_runs + options.embedding_runs; ++run)
      cluster_run(x, run);
  }
  for (uint32_t id : by_count) {
    uint32_t r = rank[id];
    if (r == UINT32_MAX) break;
    out.words_.push_back(stream.names[id]);
    out.paths_.insert(out.paths_.end(), paths.begin() + long(size_t(r) * out.levels_),
                      paths.begin() + long(size_t(r + 1) * out.levels_));
  }
  out.index();
  say("clusters: done");
  return out;
}

void WordClusters::add(std::string word, const uint8_t* path) {
  words_.push_back(std::move(word));
  paths_.insert(paths_.end(), path, path + levels_);
}

void WordClusters::index() {
  const size_t n = words_.size();
  prefix_ids_.assign(n * levels_, 0);
  size_t cap = 16;
  while (cap < 2 * n) cap <<= 1;
  keys_.assign(cap, 0);
  slots_.assign(cap, 0);
  for (size_t i = 0; i < n; ++i) {
    uint64_t h = 0;
    for (size_t l = 0; l < levels_; ++l) {
      if (l % run_levels_ == 0) h = 0x51ab + l;
      h = combine(h, uint64_t(paths_[i * levels_ + l]) + 1 + 256 * l);
      prefix_ids_[i * levels_ + l] = h;
    }
    uint64_t key = hash_bytes(words_[i]) | 1;  // never 0, the empty slot
    for (size_t s = key & (cap - 1);; s = (s + 1) & (cap - 1)) {
      if (keys_[s] == 0) {
        keys_[s] = key;
        slots_[s] = uint32_t(i);
        break;
      }
      if (keys_[s] == key) break;  // duplicate word (or a 63-bit collision): first one wins
    }
  }
}

const uint64_t* WordClusters::find(uint64_t word_hash) const {
  if (keys_.empty()) return nullptr;
  uint64_t key = word_hash | 1;
  const size_t mask = keys_.size() - 1;
  for (size_t s = key & mask;; s = (s + 1) & mask) {
    if (keys_[s] == key) return &prefix_ids_[size_t(slots_[s]) * levels_];
    if (keys_[s] == 0) return nullptr;
  }
}

void WordClusters::serialize(std::string& out) const {
  ByteWriter w(out);
  w.varint(levels_);
  w.varint(run_levels_);
  w.varint(words_.size());
  std::vector<uint32_t> order(words_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    int c = std::memcmp(&paths_[size_t(a) * levels_], &paths_[size_t(b) * levels_], levels_);
    return c != 0 ? c < 0 : words_[a] < words_[b];
  });
  for (uint32_t i : order) {
    w.str(words_[i]);
    for (size_t l = 0; l < levels_; ++l) w.u8(paths_[size_t(i) * levels_ + l]);
  }
}

bool WordClusters::deserialize(std::string_view& in) {
  ByteReader r(in);
  uint64_t levels = r.varint(), run_levels = r.varint(), n = r.varint();
  if (!r.ok() || levels > 16 || n > (64u << 20)) return false;
  if (levels > 0 && (run_levels == 0 || levels % run_levels != 0)) return false;
  *this = WordClusters();
  levels_ = size_t(levels);
  run_levels_ = size_t(run_levels);
  words_.reserve(size_t(n));
  for (uint64_t i = 0; i < n && r.ok(); ++i) {
    words_.emplace_back(r.str());
    for (size_t l = 0; l < levels_; ++l) paths_.push_back(r.u8());
  }
  if (!r.ok()) return false;
  in = r.rest();
  index();
  return true;
}

}  // namespace crosscheck::entities
