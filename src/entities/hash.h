// Hashing for feature ids, word keys and gazetteer keys: one 64-bit hash everywhere, so a word's
// hash computed once per token serves as its feature atom, its cluster key and its gazetteer key.
//
// FNV-1a over the bytes (cheap for the short strings of NER: most tokens are under 10 bytes),
// finished by a strong 64-bit mixer so that the top bits, which pick a weight row, are uniform.
// Not for adversarial input (a collision costs one shared weight row, nothing more).
#pragma once

#include <cstdint>
#include <string_view>

#include "src/core/fnv.h"

namespace crosscheck::entities {

// A bijective 64-bit finaliser (the "moremur" constants).
inline uint64_t mix64(uint64_t x) {
  x ^= x >> 27;
  x *= 0x3C79AC492BA7B653ULL;
  x ^= x >> 33;
  x *= 0x1C69B3F74AC4AE35ULL;
  x ^= x >> 27;
  return x;
}

// FNV-1a state after `s`, starting from `state` (so prefixes extend incrementally).
inline uint64_t fnv_extend(uint64_t state, std::string_view s) { return fnv1a(s, state); }

inline uint64_t hash_bytes(std::string_view s, uint64_t seed = 0) {
  return mix64(fnv_extend(kFnvOffset ^ seed, s));
}

// Order-dependent combination of two hashes.
inline uint64_t combine(uint64_t a, uint64_t b) {
  return mix64(a ^ (b * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL + (a << 6) + (a >> 2)));
}

}  // namespace crosscheck::entities
