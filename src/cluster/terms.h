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
  std::string_view text_of(uint32_t id) const {
    return std::string_view(text_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
  }
  void grow();

  // The vocabulary as an open-addressing table (linear probing, at most half full): a slot holds
  // id + 1 of the term stored there, 0 when empty. One lookup per token of every article, so it
  // is kept flat: the id's cached hash is compared before its text, and the texts sit back to
  // back in one buffer. (std::unordered_map with a transparent string_view hasher re-hashed the
  // next node's key at every step of a bucket walk: 11% of `crosscheck cluster`, plus memcmp.)
  // Lookups only; nothing iterates the table, so its order never reaches a result.
  std::vector<uint32_t> slots_ = std::vector<uint32_t>(1024, 0);
  std::vector<uint64_t> hashes_;         // per term id: its FNV-1a hash
  std::string text_;                     // every term's bytes, in id order
  std::vector<uint32_t> offsets_ = {0};  // term id -> start of its text in text_ (and its end)
  std::vector<uint32_t> df_;             // stream document frequency per term id
  std::vector<uint32_t> background_df_;  // background document frequency per term id
  uint64_t documents_ = 0;
  uint64_t background_documents_ = 0;
};

}  // namespace crosscheck::cluster
