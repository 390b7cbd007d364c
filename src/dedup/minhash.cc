#include "src/dedup/minhash.h"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "src/core/target_clones.h"
#include "src/dedup/hash.h"

namespace crosscheck::dedup {
namespace {

// Maps a 32-bit value uniformly onto [0, k) without a division (Lemire's multiply-shift range
// reduction).
inline uint32_t reduce(uint32_t x, uint32_t k) {
  return static_cast<uint32_t>((static_cast<uint64_t>(x) * k) >> 32);
}

constexpr size_t kMaxStackHashes = 1024;

// The multiply-shift kernel. Kept free of anything but arithmetic so the vectoriser turns the
// inner loop into 4 (SSE2) or 8 (AVX2) lanes; both are built and picked at load time.
CROSSCHECK_TARGET_CLONES("avx2", "default")
void multiply_shift_kernel(const uint64_t* shingles, size_t n, const uint32_t* a_lo,
                           const uint32_t* a_hi, const uint64_t* b, uint32_t* out, size_t k) {
  for (size_t s = 0; s < n; ++s) {
    const uint32_t x = static_cast<uint32_t>(shingles[s] >> 32);
    for (size_t i = 0; i < k; ++i) {
      // (a * x + b) mod 2^64 with a split in halves, so that each product is a widening
      // 32x32->64 multiply the vectoriser maps to (v)pmuludq.
      uint64_t v =
          static_cast<uint64_t>(a_lo[i]) * x + (static_cast<uint64_t>(a_hi[i] * x) << 32) + b[i];
      uint32_t h = static_cast<uint32_t>(v >> 32);
      out[i] = h < out[i] ? h : out[i];
    }
  }
}

}  // namespace

void one_permutation(std::span<const uint64_t> shingles, uint64_t seed, std::span<uint32_t> out) {
  const uint32_t k = static_cast<uint32_t>(out.size());
  std::fill(out.begin(), out.end(), kEmptyBin);
  for (uint64_t x : shingles) {
    uint32_t bin = reduce(static_cast<uint32_t>(x >> 32), k);
    uint32_t v = static_cast<uint32_t>(x);
    out[bin] = v < out[bin] ? v : out[bin];
  }
  if (shingles.empty()) return;

  // Optimal densification: bins empty after hashing borrow from full ones. The probe sequence
  // depends only on (seed, bin, attempt), never on the text, which is what keeps two texts'
  // borrowed values equal exactly when the bins they borrow from are.
  uint32_t full_stack[kMaxStackHashes];
  std::vector<uint32_t> full_heap;
  uint32_t* full = full_stack;
  if (k > kMaxStackHashes) {
    full_heap.resize(k);
    full = full_heap.data();
  }
  size_t num_empty = 0;
  for (uint32_t i = 0; i < k; ++i) {
    full[i] = out[i] != kEmptyBin;
    num_empty += !full[i];
  }
  if (num_empty == 0 || num_empty == k) return;
  for (uint32_t i = 0; i < k; ++i) {
    if (full[i]) continue;
    for (uint64_t attempt = 1;; ++attempt) {
      uint64_t h = mum((seed ^ kMix2) + i * kMix0, kMix1 + attempt * kMix3);
      uint32_t j = reduce(static_cast<uint32_t>(h >> 32), k);
      if (full[j]) {
        out[i] = out[j];
        break;
      }
    }
  }
}

void multiply_shift(std::span<const uint64_t> shingles, uint64_t seed, std::span<uint32_t> out) {
  const size_t k = out.size();
  std::vector<uint32_t> a_lo(k), a_hi(k);
  std::vector<uint64_t> b(k);
  uint64_t state = seed ^ kMix4;
  for (size_t i = 0; i < k; ++i) {
    uint64_t a = splitmix64(state) | 1;  // odd: x -> a x is a bijection mod 2^64
    a_lo[i] = static_cast<uint32_t>(a);
    a_hi[i] = static_cast<uint32_t>(a >> 32);
    b[i] = splitmix64(state);
  }
  std::fill(out.begin(), out.end(), kEmptyBin);
  multiply_shift_kernel(shingles.data(), shingles.size(), a_lo.data(), a_hi.data(), b.data(),
                        out.data(), k);
}

double estimate_jaccard(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  const size_t k = std::min(a.size(), b.size());
  if (k == 0) return 0.0;
  uint32_t equal = 0;
  for (size_t i = 0; i < k; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(k);
}

double exact_jaccard(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  if (a.empty() && b.empty()) return 0.0;
  size_t i = 0, j = 0, both = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++both;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(both) / static_cast<double>(a.size() + b.size() - both);
}

}  // namespace crosscheck::dedup
