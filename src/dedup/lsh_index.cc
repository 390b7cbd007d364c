#include "src/dedup/lsh_index.h"

#include <bit>

#include "src/dedup/hash.h"
#include "src/dedup/memory.h"

namespace crosscheck::dedup {

LshIndex::LshIndex(int bands, int rows, uint64_t seed)
    : bands_(bands), rows_(rows), seed_(seed), slots_(1024, 0), mask_(1023), bits_(10) {}

void LshIndex::band_keys(std::span<const uint32_t> minhash, uint64_t* keys) const {
  const uint32_t* v = minhash.data();
  for (int b = 0; b < bands_; ++b) {
    // The band number is part of the key so that equal values in different bands never meet.
    uint64_t h = seed_ ^ (static_cast<uint64_t>(b) * kMix0);
    int r = 0;
    for (; r + 1 < rows_; r += 2) {
      h = mum(h ^ (v[r] | (static_cast<uint64_t>(v[r + 1]) << 32)), kMix1);
    }
    if (r < rows_) h = mum(h ^ v[r] ^ kMix4, kMix1);
    keys[b] = mum(h ^ kMix2, kMix3);
    v += rows_;
  }
}

size_t LshIndex::find_slot(uint32_t tag) const {
  size_t slot = home(tag);
  while (slots_[slot] != 0 && static_cast<uint32_t>(slots_[slot] >> 32) != tag) {
    slot = (slot + 1) & mask_;
  }
  return slot;
}

void LshIndex::rehash(size_t capacity) {
  std::vector<uint64_t> old = std::move(slots_);
  slots_ = filled<uint64_t>(capacity, 0);
  mask_ = capacity - 1;
  bits_ = std::countr_zero(capacity);
  for (uint64_t word : old) {
    if (word != 0) slots_[find_slot(static_cast<uint32_t>(word >> 32))] = word;
  }
}

void LshIndex::reserve(size_t documents) {
  // The capacity query_insert's growth rule (load <= 3/4) would reach for this many documents,
  // so that no rehash happens before them and none is done in advance.
  size_t want = (documents + 1) * static_cast<size_t>(bands_) * 4 / 3;
  size_t capacity = slots_.size();
  while (capacity < want) capacity *= 2;
  if (capacity != slots_.size()) rehash(capacity);
  grow(filed_, documents);
  grow(post_next_, documents * static_cast<size_t>(bands_));
}

void LshIndex::query(const uint64_t* keys, uint32_t max_scan, std::vector<uint32_t>& out) const {
  for (int b = 0; b < bands_; ++b) {
    size_t slot = find_slot(tag_of(keys[b]));
    if (slots_[slot] == 0) continue;
    uint32_t scanned = 0;
    for (uint32_t p = static_cast<uint32_t>(slots_[slot]); p != kNone && scanned < max_scan;
         p = post_next_[p]) {
      out.push_back(filed_[p / static_cast<uint32_t>(bands_)]);
      ++scanned;
    }
  }
}

void LshIndex::query_insert(uint32_t doc, const uint64_t* keys, uint32_t max_scan,
                            std::vector<uint32_t>& out) {
  // Load <= 3/4: probes are linear and a slot is 8 bytes, so even a long probe run stays within
  // one or two cache lines, and the smaller table misses the cache less than a sparser one.
  if ((used_ + static_cast<size_t>(bands_)) * 4 > slots_.size() * 3) rehash(slots_.size() * 2);
  grow(filed_, filed_.size() + 1);
  grow(post_next_, post_next_.size() + static_cast<size_t>(bands_));
  const uint32_t per_doc = static_cast<uint32_t>(bands_);
  // Filed first: should two of its own band keys share a tag (p ~ 2^-32 per pair), the walk of
  // the second meets the first's posting, which must already name this document.
  filed_.push_back(doc);
  for (int b = 0; b < bands_; ++b) __builtin_prefetch(&slots_[home(tag_of(keys[b]))]);
  for (int b = 0; b < bands_; ++b) {
    const uint32_t tag = tag_of(keys[b]);
    size_t slot = find_slot(tag);
    uint32_t head = kNone;
    if (slots_[slot] == 0) {
      ++used_;
    } else {
      head = static_cast<uint32_t>(slots_[slot]);
      uint32_t scanned = 0;
      for (uint32_t p = head; p != kNone && scanned < max_scan; p = post_next_[p]) {
        out.push_back(filed_[p / per_doc]);
        ++scanned;
      }
    }
    const uint32_t posting = static_cast<uint32_t>(post_next_.size());
    slots_[slot] = (static_cast<uint64_t>(tag) << 32) | posting;
    post_next_.push_back(head);
  }
}

}  // namespace crosscheck::dedup
