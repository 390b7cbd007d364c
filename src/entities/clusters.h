// Word clusters learned from unlabelled news: a cheap stand-in for Brown clusters.
//
// Names are sparse: most person and organisation names of a test set never occur in the training
// set. What does generalise is the company a word keeps. Ratinov & Roth (2009) showed that Brown
// cluster prefixes learned on a large news corpus are worth 2-3 points of CoNLL F1. Brown's
// agglomerative algorithm is slow (hours for a vocabulary of 100k); this file gets similar
// hierarchical classes in seconds:
//
// 1. Tokenise the corpus CoNLL-style (src/entities/corpus_tokens.h) and count words, keeping case
//    (case is most of what NER needs: "Bush" and "bush" are different words).
// 2. Describe each of the V most frequent words by its neighbours: counts of the word at offsets
//    -2, -1, +1, +2, over the C most frequent words plus a few shape buckets for the rest
//    ("a capitalised rare word", "a number", a line boundary).
// 3. Weight the counts by positive pointwise mutual information with context-distribution
//    smoothing (alpha = 0.75, Levy, Goldberg & Dagan 2015) and normalise each row to unit length.
// 4. Hierarchical spherical k-means: K-way at the top, then K-way inside each cluster, and so on;
//    a word's path (c1, c2, c3) plays the role of a Brown bit-string, and each prefix is a feature.
//    Optionally several hierarchies from different seeds: k-means finds a different local optimum
//    each time, and two words that share clusters in most runs are close, which makes the
//    features a cheap approximation of a soft similarity.
//    Optionally more hierarchies from skip-gram embeddings of the same words (embeddings.h).
//    Dot products of the sparse rows with dense centroids ([dimension][K] layout so the inner
//    loop is K contiguous multiply-adds); k-means++ seeding on the most frequent words.
//
// Cost: O(corpus) counting plus O(iterations * nnz * K) per level and run: about 20 s for the 20k
// news articles (23M tokens, 82k clustered words, three runs of 8 x 8 x 8 x 8) on one core.
// Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck::entities {

struct ClusterOptions {
  uint32_t min_count = 3;                          // words rarer than this get no cluster
  uint32_t max_words = 200000;                     // at most this many (the most frequent) words
  uint32_t contexts = 2000;                        // most frequent words used as context dimensions
  uint32_t window = 2;                             // context offsets -window..-1 and 1..window
  std::vector<uint32_t> branching = {8, 8, 8, 8};  // K per level of the hierarchy
  uint32_t iterations = 12;                        // k-means iterations per node
  uint32_t runs = 3;  // independent hierarchies (different seeds), paths concatenated
  // Further hierarchies, after those: the same k-means on skip-gram vectors of the same words
  // (embeddings.h) instead of their PPMI rows, a second view of the words. 0 = none.
  uint32_t embedding_runs = 0;
  uint32_t embedding_dims = 64;
  uint32_t embedding_window = 5;
  uint64_t seed = 1;
};

class WordClusters {
 public:
  // Learns clusters from raw texts (one document per string) and extra pre-tokenised sentences.
  static WordClusters learn(const std::vector<std::string>& texts,
                            const std::vector<std::vector<std::string>>& extra_sentences,
                            const ClusterOptions& options,
                            const std::function<void(const std::string&)>& log);

  size_t levels() const { return levels_; }  // over all runs
  size_t levels_per_run() const { return run_levels_; }
  size_t size() const { return words_.size(); }
  bool empty() const { return words_.empty(); }

  // The per-level prefix ids (levels() of them: hashes of the path prefixes) of the word whose
  // hash_bytes() is `word_hash`; null when the word has no cluster.
  const uint64_t* find(uint64_t word_hash) const;

  // The word list and paths (for inspection and tests).
  const std::vector<std::string>& words() const { return words_; }
  const std::vector<uint8_t>& paths() const { return paths_; }  // levels() per word

  // Compact serialisation: sorted by path so that gzip sees similar neighbours.
  void serialize(std::string& out) const;
  // False when `in` is malformed. Advances `in`.
  bool deserialize(std::string_view& in);

  void add(std::string word, const uint8_t* path);  // levels must be set first

 private:
  void index();
  size_t levels_ = 0;
  size_t run_levels_ = 0;  // a prefix starts afresh every run_levels_ levels
  std::vector<std::string> words_;
  std::vector<uint8_t> paths_;
  std::vector<uint64_t> prefix_ids_;  // levels per word
  std::vector<uint64_t> keys_;        // open addressing: word hash (0 = empty)
  std::vector<uint32_t> slots_;       // word index per key slot
};

}  // namespace crosscheck::entities
