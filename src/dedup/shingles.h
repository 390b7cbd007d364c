// Text -> word hashes -> one 64-bit hash per word shingle.
//
// The dedup signature must be cheap (it runs on every document of a stream) and stable (stores
// persist it), so it does not use the ICU text pipeline. Words are maximal runs of letters and
// digits; ASCII is lower-cased by table and a few common scripts (Latin-1, Latin Extended-A,
// Greek, Cyrillic) by a small case map; other non-ASCII code points count as letters unless they
// are punctuation, symbols or spaces from the ranges listed in shingles.cc.
//
// Word boundaries come from a 64-byte bit mask (SSE2 compares, then count-trailing-zeros over the
// mask), and each word is hashed once, eight bytes at a time (one 128-bit multiply per 8 bytes).
// A shingle of k words is then a cyclic-polynomial ("buzhash", Cohen 1997) combination of its word
// hashes, s_i = XOR_j rotl(w_{i+j}, k-1-j), updated in O(1) per position as the window slides,
// and finalised with one multiply-fold so that its bits are independent enough for MinHash
// binning. Cost: about 1.5 ns per word on the benchmark machine; one 64-bit hash per shingle.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace crosscheck::dedup {

struct ShingleSet {
  uint64_t exact = 0;             // hash of the whole word sequence (for exact duplicates)
  uint32_t num_words = 0;         // words in the text
  std::vector<uint64_t> hashes;   // one per shingle position, in text order, repeats kept
  std::vector<uint64_t> words;    // scratch: word hashes (kept to reuse the allocation)
};

// Hash of each word of `text`, in `out` (replacing its contents). Fast path: runs of word bytes
// found with a 64-byte bit mask (SSE2), ASCII words hashed straight from memory.
void word_hashes(std::string_view text, uint64_t seed, std::vector<uint64_t>& out);

// The same, one byte at a time through the code-point splitter: the slow obvious reference the
// fast path is tested against.
void word_hashes_reference(std::string_view text, uint64_t seed, std::vector<uint64_t>& out);

// Fills `out` with the shingle hashes of `text` using shingles of `k` words. A text with
// 0 < words < k gets a single shingle made of all its words; a text without words gets none.
void shingle_hashes(std::string_view text, int k, uint64_t seed, ShingleSet& out);

// The words of `text` as lower-cased UTF-8 strings, exactly as word_hashes sees them. Slow;
// for tests and debugging.
std::vector<std::string> words_of(std::string_view text);

}  // namespace crosscheck::dedup
