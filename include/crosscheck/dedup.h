// Exact and near-duplicate detection: which documents are copies of each other.
//
//   crosscheck::dedup::Options options;                 // word 5-grams, 128 hashes, J >= 0.4
//   crosscheck::dedup::Deduplicator dedup(options);
//   for (std::string_view text : texts) {
//     crosscheck::dedup::Signature sig = crosscheck::dedup::compute_signature(text, options);
//     crosscheck::dedup::Match m = dedup.add(sig);   // m.group: first member so far
//   }
//   std::vector<uint32_t> group = dedup.groups();  // per document: its group's first member
//
// or, for a whole batch with signatures computed in parallel:
//
//   crosscheck::ThreadPool pool(2);
//   std::vector<uint32_t> group = crosscheck::dedup::deduplicate(texts, options, &pool);
//
// How it works (details in the src/dedup files):
// * Text -> words: ASCII lower-casing plus simple case folding of Latin-1/Latin Extended-A,
//   Greek and Cyrillic; words are runs of letters and digits, everything else separates. The
//   signature deliberately does not depend on the text pipeline (src/text), so that signatures
//   persisted by a store stay valid when that pipeline changes.
// * Exact duplicates: a 64-bit hash of the word sequence (so case, punctuation and whitespace do
//   not matter). The first document with a given hash represents it.
// * Near duplicates: one 64-bit hash per word shingle, MinHash signature (one-permutation hashing
//   with optimal densification by default), LSH banding for candidates, and every candidate
//   verified by estimated (or exact) Jaccard similarity >= threshold before it counts.
// * Groups: see Grouping. The default joins a document to the group of its most similar verified
//   candidate and only bridges two existing groups when their representatives are similar too,
//   so one odd document cannot chain two unrelated stories together.
//
// Signatures are plain values (integers and vectors of integers) so that a store can persist them
// and feed them back to a Deduplicator later (streaming ingest).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "crosscheck/problem.h"

namespace crosscheck {
class ThreadPool;
}

namespace crosscheck::dedup {

// How a MinHash signature is computed from the shingle hashes.
enum class Sketch {
  // One-permutation hashing (Li, Owen & Zhang 2012) with optimal densification (Shrivastava
  // 2017): each shingle hash is used once, its top bits choose a bin and its low bits compete
  // for the bin's minimum; empty bins borrow from a pseudo-randomly chosen full bin. O(1) per
  // shingle: signing is about 10x faster than kMultiplyShift, with the same accuracy at news
  // lengths (minhash_test) and the same P/R on the shared set.
  kOnePermutation,
  // Classic MinHash: num_hashes multiply-shift permutations h_i(x) = (a_i * x + b_i) >> 32 of each
  // shingle hash, minimum per permutation. O(num_hashes) per shingle in a vectorised loop. Kept
  // as the reference variant and for comparison.
  kMultiplyShift,
};

// How a candidate pair is verified before it joins a group.
enum class Verify {
  kEstimate,  // share of equal MinHash values (free: the signature is already there)
  kExact,     // Jaccard of the sorted shingle-hash sets (Signature::shingles is then filled)
};

// How verified pairs become groups.
enum class Grouping {
  // The document joins the group of its most similar verified candidate. It bridges a second
  // existing group only when the two groups' representatives (first members) are themselves
  // similar at >= Options::bridge_threshold; otherwise the second match is ignored. A chain
  // A~B~C arriving in that order is one group (C matched B, a member), but a document matching
  // two unrelated groups does not merge them.
  kBestMatch,
  // Connected components of all verified pairs (union-find). Highest recall, but one bad pair
  // merges two groups.
  kUnion,
  // Leader clustering: a document joins a group only when it verifies against the group's
  // representative itself; groups never merge. No chaining at all, lowest recall.
  kRepresentative,
};

struct Options {
  // Words per shingle. 5 is the usual choice (and the gold set's definition of similarity); on
  // the shared dedup set 3 and 4 score the same but produce 30% / 3% more LSH candidates, 6 loses
  // recall on edited variants. Documents with fewer words get one shingle of all their words.
  int shingle_words = 5;
  // MinHash values per signature (bins for kOnePermutation). 128 keeps the Jaccard estimate's
  // standard deviation at or under 0.045 and the signature at 512 bytes; 64 scores the same on
  // the shared set and is 25% faster, but leaves less margin around the threshold.
  int num_hashes = 128;
  // LSH banding: `bands` bands of `rows` values each (bands * rows <= num_hashes). A pair with
  // Jaccard J becomes a candidate with probability 1 - (1 - J^rows)^bands: with 32 x 2 that is
  // 0.996 at J = 0.4 and 0.9999 at J = 0.5, and the 0.05-similar background stays cheap to verify.
  int bands = 32;
  int rows = 2;
  // Verified similarity needed for two documents to be near duplicates. The shared set's gold
  // keeps variants down to Jaccard 0.43 from their base as duplicates; at 0.4 pairwise recall is
  // 1.000 (0.999 at 0.5, 0.60 at 0.8) with precision 1.000 throughout.
  double threshold = 0.4;
  // How candidates are verified (see Verify).
  Verify verify = Verify::kEstimate;
  // How signatures are computed (see Sketch).
  Sketch sketch = Sketch::kOnePermutation;
  // How verified pairs form groups (see Grouping).
  Grouping grouping = Grouping::kBestMatch;
  // kBestMatch only: similarity two groups' representatives need for a document matching both
  // to merge them. Half the threshold: variants of one text that only meet through their base
  // still share a good part of their shingles, unrelated texts next to none.
  double bridge_threshold = 0.2;
  // Budget: documents looked at per LSH bucket and query. Buckets longer than this (thousands of
  // near-identical template pages, a wire story republished by dozens of outlets) are only
  // scanned for their most recent entries; an older duplicate then still connects through the
  // newer ones it matched. 16, not 64: on the 1M-document scale corpus (50 near-copies of each
  // text) the same groups and stories, re-adding 1M signatures 53 -> 29 s; P/R unchanged on the
  // dedup benchmark (docs/benchmarks.md).
  uint32_t max_bucket_scan = 16;
  // Seed of all hash functions. Signatures are comparable only between equal seeds and options.
  uint64_t seed = 0x5eed'c0de'2025ull;
};

// Checks option ranges; the message names the offending field and value.
Status validate(const Options& options);

// What one document contributes: plain integers so that it can be stored and reloaded.
struct Signature {
  uint64_t exact = 0;              // hash of the normalised word sequence (exact duplicates)
  uint32_t num_words = 0;          // words in the document
  uint32_t num_shingles = 0;       // shingle positions (distinct shingles with Verify::kExact)
  std::vector<uint32_t> minhash;   // num_hashes values; empty for a document without words
  std::vector<uint64_t> shingles;  // sorted distinct shingle hashes, only with Verify::kExact
};

// Computes the signature of `text` (UTF-8). Thread-safe; allocation only for the result.
Signature compute_signature(std::string_view text, const Options& options);

// The same into `out`, reusing its buffers: a caller signing batch after batch into the same
// Signature objects allocates nothing once they have grown (and frees nothing on another thread).
void compute_signature(std::string_view text, const Options& options, Signature* out);

// Jaccard similarity of two signatures computed with the same options: estimated from the
// MinHash values, or exact from the shingle sets when both carry them and `exact` is true.
double similarity(const Signature& a, const Signature& b, bool exact = false);

enum class MatchKind {
  kNew,    // no duplicate found: the document starts a group
  kExact,  // same normalised text as an earlier document
  kNear,   // verified near duplicate of an earlier document
};

struct Match {
  uint32_t doc = 0;      // index of the added document (0, 1, 2, ... in add order)
  uint32_t group = 0;    // index of the first member of its group at the time of adding
  uint32_t matched = 0;  // the earlier document it matched (== doc for kNew)
  MatchKind kind = MatchKind::kNew;
  float similarity = 0;  // verified similarity to `matched` (1 for kExact, 0 for kNew)
};

// Counters for benchmarks and for tuning the LSH parameters.
struct Stats {
  uint64_t documents = 0;
  uint64_t exact_duplicates = 0;
  uint64_t candidates = 0;       // distinct candidate pairs produced by LSH
  uint64_t verified = 0;         // candidate pairs that passed verification
  uint64_t bridges_refused = 0;  // kBestMatch: second-group matches not merged
};

// A verified candidate: an earlier document and its similarity.
struct Scored {
  uint32_t doc = 0;
  float sim = 0;
};

// A document between the three steps of Deduplicator::add (file, verify, decide).
struct Pending {
  uint32_t doc = 0;                  // its index
  uint32_t exact_of = 0;             // the earlier document with the same text (== doc: none)
  std::vector<uint32_t> candidates;  // distinct LSH candidates, filled by file()
  std::vector<Scored> verified;      // those at or above the threshold, filled by verify()
};

// Incremental duplicate grouping. Documents get indices in add order. Not thread-safe except
// where a method says so: compute signatures in parallel, add them from one thread.
class Deduplicator {
 public:
  // Throws std::invalid_argument when validate(options) fails (a configuration error).
  explicit Deduplicator(const Options& options = {});
  ~Deduplicator();
  Deduplicator(Deduplicator&&) noexcept;
  Deduplicator& operator=(Deduplicator&&) noexcept;

  // Adds the next document. The signature must come from compute_signature with this
  // deduplicator's options.
  Match add(const Signature& signature);

  // add() in three steps, for a caller that verifies some documents on other threads while it
  // files later ones (`crosscheck dedup -j N`): at scale, verification is a fifth of the work
  // of the adding thread.
  //   file(sig, &p)  in document order, one thread: the document gets its index, the exact
  //                  lookup and its LSH candidates; it is filed, so later documents meet it.
  //   verify(&p)     any thread: the candidates' similarities. Reads only stored signatures, so
  //                  it may run beside other verify() calls and beside file() — as long as that
  //                  file() does not move the stored signatures: file at most room() documents
  //                  while verifications are in flight.
  //   decide(&p)     in the order of file(), on the filing thread: joins the group, returns what
  //                  add() would have returned.
  // The groups come out exactly as with add(): verification does not depend on what was decided.
  // file() copies what it keeps of `signature`, which the caller may reuse afterwards.
  void file(const Signature& signature, Pending* p);
  void verify(Pending* p) const;
  Match decide(Pending* p);

  // Documents that can be filed before the stored signatures move (reserve() makes room).
  size_t room() const;

  // Number of documents added.
  size_t size() const;

  // Makes room for `documents` documents in total (optional; avoids rehashing as they come).
  void reserve(size_t documents);

  // Index of the first member of document `doc`'s group, as of now. A later document can bridge
  // two groups (Grouping::kBestMatch, kUnion), so ask after the last add for final answers.
  uint32_t group_of(uint32_t doc);

  // group_of for every document.
  std::vector<uint32_t> groups();

  const Stats& stats() const;
  const Options& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The whole batch: signatures in parallel on `pool` (sequentially when null), then grouping in
// input order. Returns, per input index, the index of its group's first member.
std::vector<uint32_t> deduplicate(std::span<const std::string_view> texts, const Options& options,
                                  ThreadPool* pool = nullptr, Stats* stats = nullptr);

}  // namespace crosscheck::dedup
