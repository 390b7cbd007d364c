// Disjoint sets over document indices, tracking each set's first (smallest) member.
//
// Union by size with path halving: near-constant amortised time per operation (Tarjan 1975).
// The first member is kept per root rather than forcing the smallest index to be the root, so
// the balance of union by size is not given up for the output convention "group = first member".
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace crosscheck {

class UnionFind {
 public:
  // Adds a singleton set {n} where n is the current size; returns n.
  uint32_t add() {
    uint32_t n = static_cast<uint32_t>(parent_.size());
    parent_.push_back(n);
    size_.push_back(1);
    first_.push_back(n);
    return n;
  }

  size_t size() const { return parent_.size(); }

  uint32_t find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }

  // Merges the sets of a and b; returns the new root.
  uint32_t unite(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return a;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
    if (first_[b] < first_[a]) first_[a] = first_[b];
    return a;
  }

  // Smallest member of x's set.
  uint32_t first(uint32_t x) { return first_[find(x)]; }

 private:
  std::vector<uint32_t> parent_;
  std::vector<uint32_t> size_;
  std::vector<uint32_t> first_;
};

}  // namespace crosscheck
