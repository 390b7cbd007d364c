// Terms: the clusterer's vocabulary and document frequencies.
//
// IDF is learned from the stream (document frequencies so far), optionally on top of a background
// table counted once over a large news corpus (models/df-en.tsv.gz, built by tools/build_df.py).
// The background fixes the cold start: without it, the first articles of a stream see every word
// as rare, and "the" weighs as much as a name. The table is keyed by case-folded words, not stems,
// so the Python generator needs no stemmer; the loader stems each word with the same Snowball
// stemmer the analyzer uses and keeps, per stem, the largest frequency of its word forms (a lower
// bound on the stem's true frequency, exact for the dominant form).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosscheck::cluster {

class Terms {
 public:
  // Id of `term`, interning it when new. Ids are dense and given in order of first sight, so
  // they depend only on the input sequence.
  uint32_t intern(std::string_view term);
  size_t size() const { return df_.size(); }

  // Counts one more document holding each of `terms` (distinct ids).
  void add_document(const std::vector<uint32_t>& terms);

  // ln((N + 1) / (df + 1)) over background and stream counts together: 0 for a word in every
  // document, largest for a word seen once.
  double idf(uint32_t term) const;

  // Reads a background table (gzip TSV, header "#crosscheck-df\t1\t<documents>", then
  // "word<TAB>df" lines). Returns false with a message on error.
  bool load_background(const std::string& path, std::string* error);

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Lookups only; nothing iterates this map, so its order never reaches a result.
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<uint32_t> df_;             // stream document frequency per term id
  std::vector<uint32_t> background_df_;  // background document frequency per term id
  uint64_t documents_ = 0;
  uint64_t background_documents_ = 0;
};

}  // namespace crosscheck::cluster
