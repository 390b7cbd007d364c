// FNV-1a, the hash crosscheck uses for short strings (words, names, stems): for inputs of a few
// bytes it beats block hashes, and the state can be extended piece by piece.
//
//   uint64_t h = crosscheck::fnv1a("harbour");
//   uint64_t g = crosscheck::fnv1a(" board", h);   // == fnv1a("harbour board")
#pragma once

#include <cstdint>
#include <string_view>

namespace crosscheck {

inline constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ull;
inline constexpr uint64_t kFnvPrime = 0x100000001b3ull;

// The FNV-1a state after the bytes of `s`, starting from `state`.
inline uint64_t fnv1a(std::string_view s, uint64_t state = kFnvOffset) {
  for (unsigned char c : s) state = (state ^ c) * kFnvPrime;
  return state;
}

}  // namespace crosscheck
