// The 64-bit mixing primitives every dedup file shares.
//
// `mum` multiplies two 64-bit words to 128 bits and folds the halves together with XOR: one
// multiply instruction, and every output bit depends on every input bit of both operands. It is
// the core step of the wyhash family of hashes (Wang Yi, 2019); this is our own few lines written
// from that idea, not a copy of the library. Its quality is checked indirectly by the MinHash and
// LSH tests, which would fail if shingle hashes were biased.
#pragma once

#include <cstdint>

namespace crosscheck::dedup {

// Odd 64-bit constants with roughly half their bits set (from the binary expansion of pi and e),
// so that XOR-ing them in never cancels a sparse input to zero.
inline constexpr uint64_t kMix0 = 0x243f6a8885a308d3ull;
inline constexpr uint64_t kMix1 = 0x13198a2e03707345ull;
inline constexpr uint64_t kMix2 = 0xa4093822299f31d1ull;
inline constexpr uint64_t kMix3 = 0x082efa98ec4e6c89ull;
inline constexpr uint64_t kMix4 = 0xb7e151628aed2a6bull;

inline uint64_t mum(uint64_t a, uint64_t b) {
  unsigned __int128 p = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(p) ^ static_cast<uint64_t>(p >> 64);
}

// A full-avalanche finaliser for one 64-bit value (two mums: the first spreads, the second
// removes the structure a single multiply leaves between related inputs).
inline uint64_t mix64(uint64_t x, uint64_t seed = 0) {
  return mum(mum(x ^ kMix0 ^ seed, kMix1) ^ kMix2, kMix3 ^ seed);
}

// splitmix64 step: a cheap, well-distributed stream of constants from a seed.
inline uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace crosscheck::dedup
