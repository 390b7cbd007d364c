// Deduplicator: exact-hash lookup, LSH candidates, verification, and group assignment.
//
// Per added document: (1) the exact hash is looked up in a hash map; a hit joins the earlier
// document's group and skips the rest (exact copies are never filed in the LSH index, which keeps
// its buckets short when a text is syndicated hundreds of times). (2) The LSH index returns the
// earlier documents that share a band; each distinct candidate is verified by its Jaccard
// similarity (MinHash estimate, or exact over shingle sets). (3) Verified candidates become a group
// according to Options::grouping. (1) is file(), (2) verify() — which reads only stored
// signatures, so a caller may run it on another thread — and (3) decide(); add() runs the three.
// Cheap next to signatures: O(bands) hash-table operations and O(K) per verified candidate.
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "crosscheck/dedup.h"
#include "crosscheck/thread_pool.h"
#include "src/core/union_find.h"
#include "src/dedup/lsh_index.h"
#include "src/dedup/memory.h"
#include "src/dedup/minhash.h"

namespace crosscheck::dedup {

constexpr uint32_t kNoStamp = 0xFFFFFFFFu;

// Exact hash -> first document with it: open addressing, linear probing, load <= 1/2. (A node-
// based std::unordered_map costs an allocation per document, which showed in profiles.)
class ExactMap {
 public:
  ExactMap() : keys_(1024, 0), docs_(1024, 0) {}

  // Returns the document already filed under `hash`, or files `doc` and returns it.
  uint32_t find_or_insert(uint64_t hash, uint32_t doc) {
    if (hash == 0) hash = 1;  // 0 marks an empty slot
    if ((used_ + 1) * 2 > keys_.size()) rehash(keys_.size() * 2);
    size_t slot = hash & (keys_.size() - 1);
    while (keys_[slot] != 0) {
      if (keys_[slot] == hash) return docs_[slot];
      slot = (slot + 1) & (keys_.size() - 1);
    }
    keys_[slot] = hash;
    docs_[slot] = doc;
    ++used_;
    return doc;
  }

  void reserve(size_t n) {
    size_t capacity = keys_.size();
    while (capacity < 2 * n) capacity *= 2;
    if (capacity != keys_.size()) rehash(capacity);
  }

 private:
  void rehash(size_t capacity) {
    std::vector<uint64_t> keys = std::move(keys_);
    std::vector<uint32_t> docs = std::move(docs_);
    keys_.assign(capacity, 0);
    docs_.assign(capacity, 0);
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == 0) continue;
      size_t slot = keys[i] & (capacity - 1);
      while (keys_[slot] != 0) slot = (slot + 1) & (capacity - 1);
      keys_[slot] = keys[i];
      docs_[slot] = docs[i];
    }
  }
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> docs_;
  size_t used_ = 0;
};

struct Deduplicator::Impl {
  explicit Impl(const Options& o)
      : options(o),
        k(static_cast<size_t>(o.num_hashes)),
        index(o.bands, o.rows, o.seed ^ 0x6c73685f696e6478ull) {}

  std::span<const uint32_t> minhash(uint32_t doc) const {
    return {minhashes.data() + static_cast<size_t>(doc) * k, k};
  }

  double sim(uint32_t a, uint32_t b) const {
    if (a == b) return 1.0;
    // Through data() only: verify() runs beside file(), whose emplace_back/resize (within the
    // reserved capacity) write the vectors' end pointers, which operator[] reads when the
    // library checks bounds (_GLIBCXX_ASSERTIONS).
    if (options.verify == Verify::kExact)
      return exact_jaccard(shingles.data()[a], shingles.data()[b]);
    return estimate_jaccard(minhash(a), minhash(b));
  }

  Options options;
  size_t k;
  LshIndex index;
  UnionFind sets;
  // Per document: MinHash values in one flat array (K per document, kEmptyBin for documents
  // that are not indexed), and with Verify::kExact the sorted shingle sets.
  std::vector<uint32_t> minhashes;
  std::vector<std::vector<uint64_t>> shingles;
  ExactMap exact;
  std::vector<uint32_t> stamp;  // stamp[d] == doc: d already seen as candidate
  std::vector<uint32_t> raw;    // candidates from LSH, with repeats
  std::vector<uint64_t> keys;
  Pending pending;             // add()'s, reused
  std::vector<uint32_t> reps;  // kRepresentative: groups already scored
  Stats stats;
};

Deduplicator::Deduplicator(const Options& options) {
  Status s = validate(options);
  if (!s) throw std::invalid_argument(s.message());
  impl_ = std::make_unique<Impl>(options);
  impl_->keys.resize(static_cast<size_t>(options.bands));
}

Deduplicator::~Deduplicator() = default;
Deduplicator::Deduplicator(Deduplicator&&) noexcept = default;
Deduplicator& Deduplicator::operator=(Deduplicator&&) noexcept = default;

size_t Deduplicator::size() const { return impl_->sets.size(); }

void Deduplicator::reserve(size_t documents) {
  impl_->exact.reserve(documents);
  impl_->index.reserve(documents);
  grow(impl_->minhashes, documents * impl_->k);
  if (impl_->options.verify == Verify::kExact) impl_->shingles.reserve(documents);
  impl_->stamp.reserve(documents);
}
const Stats& Deduplicator::stats() const { return impl_->stats; }
const Options& Deduplicator::options() const { return impl_->options; }
uint32_t Deduplicator::group_of(uint32_t doc) { return impl_->sets.first(doc); }

std::vector<uint32_t> Deduplicator::groups() {
  std::vector<uint32_t> out(impl_->sets.size());
  for (uint32_t i = 0; i < out.size(); ++i) out[i] = impl_->sets.first(i);
  return out;
}

void Deduplicator::file(const Signature& signature, Pending* p) {
  Impl& m = *impl_;
  const Options& o = m.options;
  const uint32_t doc = m.sets.add();
  m.stamp.push_back(kNoStamp);
  ++m.stats.documents;
  p->doc = doc;
  p->exact_of = doc;
  p->candidates.clear();
  p->verified.clear();

  // Exact copies are not stored: they are never compared again, as they are not in the index.
  grow(m.minhashes, m.minhashes.size() + m.k);
  m.minhashes.resize(m.minhashes.size() + m.k, kEmptyBin);
  if (o.verify == Verify::kExact) m.shingles.emplace_back();
  const uint32_t first = m.exact.find_or_insert(signature.exact, doc);
  if (first != doc) {
    ++m.stats.exact_duplicates;
    p->exact_of = first;
    return;
  }
  if (signature.minhash.size() != m.k) return;  // no words: only exact duplicates
  std::copy(signature.minhash.begin(), signature.minhash.end(), m.minhashes.end() - m.k);
  if (o.verify == Verify::kExact) m.shingles.back() = signature.shingles;

  m.raw.clear();
  m.index.band_keys(m.minhash(doc), m.keys.data());
  m.index.query_insert(doc, m.keys.data(), o.max_bucket_scan, m.raw);
  for (uint32_t c : m.raw) {
    // Not itself: two of its own band keys can share a slot tag (p ~ 2^-32 per pair).
    if (c == doc || m.stamp[c] == doc) continue;
    m.stamp[c] = doc;
    p->candidates.push_back(c);
  }
  m.stats.candidates += p->candidates.size();
}

void Deduplicator::verify(Pending* p) const {
  const Impl& m = *impl_;
  const Options& o = m.options;
  p->verified.clear();
  // The candidates' signatures are prefetched before any is compared: each is a likely cache
  // miss (the array outgrows the cache at ~10^4 documents), and asking for all of them first
  // overlaps the misses instead of paying them one after another.
  if (o.verify == Verify::kEstimate) {
    for (uint32_t c : p->candidates) {
      const char* bytes = reinterpret_cast<const char*>(m.minhash(c).data());
      for (size_t off = 0; off < m.k * sizeof(uint32_t); off += 64) __builtin_prefetch(bytes + off);
    }
  }
  for (uint32_t c : p->candidates) {
    double s = m.sim(p->doc, c);
    if (s >= o.threshold) p->verified.push_back({c, static_cast<float>(s)});
  }
}

size_t Deduplicator::room() const {
  const Impl& m = *impl_;
  size_t r = (m.minhashes.capacity() - m.minhashes.size()) / m.k;
  if (m.options.verify == Verify::kExact)
    r = std::min(r, m.shingles.capacity() - m.shingles.size());
  return r;
}

Match Deduplicator::decide(Pending* p) {
  Impl& m = *impl_;
  const Options& o = m.options;
  const uint32_t doc = p->doc;
  Match match{doc, doc, doc, MatchKind::kNew, 0.0f};
  if (p->exact_of != doc) {
    m.sets.unite(doc, p->exact_of);
    return Match{doc, m.sets.first(doc), p->exact_of, MatchKind::kExact, 1.0f};
  }
  std::vector<Scored>& verified = p->verified;
  m.stats.verified += verified.size();
  if (verified.empty()) return match;

  // Most similar first; ties to the earlier document, so results do not depend on bucket order.
  std::sort(verified.begin(), verified.end(), [](const Scored& a, const Scored& b) {
    return a.sim != b.sim ? a.sim > b.sim : a.doc < b.doc;
  });

  switch (o.grouping) {
    case Grouping::kUnion:
      for (const Scored& v : verified) m.sets.unite(doc, v.doc);
      match.matched = verified[0].doc;
      match.similarity = verified[0].sim;
      break;
    case Grouping::kBestMatch: {
      const Scored& best = verified[0];
      m.sets.unite(doc, best.doc);
      match.matched = best.doc;
      match.similarity = best.sim;
      for (size_t i = 1; i < verified.size(); ++i) {
        uint32_t mine = m.sets.first(doc);
        uint32_t theirs = m.sets.first(verified[i].doc);
        if (mine == theirs) continue;
        // Bridge two groups only when their representatives agree as well; a document that
        // merely overlaps with both (a digest quoting two stories) stays in one.
        if (m.sim(mine, theirs) >= o.bridge_threshold) {
          m.sets.unite(doc, verified[i].doc);
        } else {
          ++m.stats.bridges_refused;
        }
      }
      break;
    }
    case Grouping::kRepresentative: {
      // Join the group whose representative is most similar, if any passes the threshold.
      double best_sim = -1.0;
      uint32_t best_rep = doc;
      m.reps.clear();
      for (const Scored& v : verified) {
        uint32_t rep = m.sets.first(v.doc);
        if (std::find(m.reps.begin(), m.reps.end(), rep) != m.reps.end()) continue;
        m.reps.push_back(rep);
        double s = rep == v.doc ? v.sim : m.sim(doc, rep);
        if (s >= o.threshold && (s > best_sim || (s == best_sim && rep < best_rep))) {
          best_sim = s;
          best_rep = rep;
        }
      }
      if (best_rep == doc) return match;
      m.sets.unite(doc, best_rep);
      match.matched = best_rep;
      match.similarity = static_cast<float>(best_sim);
      break;
    }
  }
  match.kind = MatchKind::kNear;
  match.group = m.sets.first(doc);
  return match;
}

Match Deduplicator::add(const Signature& signature) {
  Pending& p = impl_->pending;  // reused: its vectors keep their capacity
  file(signature, &p);
  verify(&p);
  return decide(&p);
}

std::vector<uint32_t> deduplicate(std::span<const std::string_view> texts, const Options& options,
                                  ThreadPool* pool, Stats* stats) {
  const size_t n = texts.size();
  Deduplicator dedup(options);
  dedup.reserve(n);
  if (pool == nullptr || pool->size() < 2 || n < 2) {
    for (std::string_view text : texts) dedup.add(compute_signature(text, options));
  } else {
    // Signing and grouping overlap: the pool's threads sign documents in the order they claim
    // them, while one of them (task 0) adds finished signatures in input order and, whenever the
    // next one is not ready yet, signs a document itself instead of waiting. The sequential part
    // (index, verification, about a fifth of the work) is thus hidden behind the parallel one.
    std::vector<Signature> sigs(n);
    std::unique_ptr<std::atomic<bool>[]> ready(new std::atomic<bool>[n]);
    for (size_t i = 0; i < n; ++i) ready[i].store(false, std::memory_order_relaxed);
    std::atomic<size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    auto sign_one = [&]() {
      const size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= n) return false;
      try {
        sigs[i] = compute_signature(texts[i], options);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        failed.store(true);
      }
      ready[i].store(true, std::memory_order_release);
      return true;
    };
    pool->parallel_for(pool->size(), [&](size_t task) {
      if (task != 0) {
        while (sign_one()) {
        }
        return;
      }
      for (size_t j = 0; j < n && !failed.load(); ++j) {
        while (!ready[j].load(std::memory_order_acquire)) {
          if (!sign_one()) std::this_thread::yield();
        }
        if (failed.load()) break;
        dedup.add(sigs[j]);
        Signature().minhash.swap(sigs[j].minhash);  // release memory as we go
      }
    });
    if (error) std::rethrow_exception(error);
  }
  if (stats != nullptr) *stats = dedup.stats();
  return dedup.groups();
}

}  // namespace crosscheck::dedup
