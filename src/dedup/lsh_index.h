// LSH banding over MinHash signatures: the candidate generator.
//
// Idea (Indyk & Motwani 1998; Broder's banding as in Leskovec, Rajaraman & Ullman, "Mining of
// Massive Datasets", ch. 3): cut the K-value signature into `bands` bands of `rows` values and
// hash each band to one 64-bit key. Two documents are candidates when they agree on all values of
// at least one band, which happens with probability 1 - (1 - J^rows)^bands: an S-curve whose
// steep part sits near (1/bands)^(1/rows). Every candidate is then verified, so the curve only
// has to be high at the threshold; its low tail costs verification time, not precision.
//
// Storage: one open-addressing table (linear probing, power-of-two capacity, load <= 3/4) from
// band key to the newest posting of that key; postings are a singly linked list through one
// array of next links, newest first. A document files exactly one posting per band, one after
// the other, so posting p belongs to the (p / bands)-th document filed: the document ids are kept
// once per document, not once per posting (4 bytes instead of 4 * bands, and a walk down a
// bucket touches one big array, not two). A slot is one 64-bit word: the key's top 32 bits as
// a tag and the head posting, so a probe costs one cache line. The home slot is the tag's top
// bits, so the table can be rehashed from the tags alone. Two keys that agree on the tag share a
// bucket (probability 2^-32 per pair of keys); that only adds a candidate verification rejects. A
// query and an insert of one document touch the same slots, so they run as one pass; all of the
// document's slots are prefetched first, which turns `bands` dependent cache misses into one round
// of parallel ones.
//
// Cost per document: O(bands) table operations plus the postings scanned (bounded by
// max_scan per bucket). Memory: 8 bytes per slot (2-4 slots per posting) + 4 bytes per
// (document, band) + 4 per document: 0.6-1.2 KB per document with 32 bands.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace crosscheck::dedup {

class LshIndex {
 public:
  LshIndex(int bands, int rows, uint64_t seed);

  int bands() const { return bands_; }
  int rows() const { return rows_; }

  // The band keys of a signature (`keys` must hold bands() values; minhash at least
  // bands() * rows()).
  void band_keys(std::span<const uint32_t> minhash, uint64_t* keys) const;

  // Appends to `out` the documents that share a band key with `keys` (up to max_scan newest per
  // band; a document sharing several bands appears several times), then files `doc` under those
  // keys. Documents are expected in increasing order.
  void query_insert(uint32_t doc, const uint64_t* keys, uint32_t max_scan,
                    std::vector<uint32_t>& out);

  // The query half alone.
  void query(const uint64_t* keys, uint32_t max_scan, std::vector<uint32_t>& out) const;

  size_t postings() const { return post_next_.size(); }

  // Makes room for `documents` documents in total without rehashing.
  void reserve(size_t documents);

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  static uint32_t tag_of(uint64_t key) {
    uint32_t t = static_cast<uint32_t>(key >> 32);
    return t == 0 ? 1 : t;
  }
  size_t home(uint32_t tag) const { return tag >> (32 - bits_); }
  size_t find_slot(uint32_t tag) const;
  void rehash(size_t capacity);

  int bands_;
  int rows_;
  uint64_t seed_;
  std::vector<uint64_t> slots_;  // tag << 32 | newest posting of the key; 0 = empty
  size_t used_ = 0;
  size_t mask_ = 0;
  int bits_ = 0;                     // log2 of the capacity
  std::vector<uint32_t> filed_;      // the documents filed, in filing order (bands postings each)
  std::vector<uint32_t> post_next_;  // per posting: the next older posting of its key, or kNone
};

}  // namespace crosscheck::dedup
