// Growth of the index's big arrays with transparent huge pages.
//
// A Deduplicator's flat arrays (MinHash values, LSH slots and postings) reach tens of MB and are
// touched front to back as documents arrive; with 4 KB pages every first touch is a page fault
// (~20k faults, a fifth of a 20,000-document `crosscheck dedup` run). grow() doubles capacity as
// std::vector would, but asks the kernel (madvise, Linux) to back the new block with 2 MB pages.
// A hint only: where it is not supported nothing changes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "src/core/huge_pages.h"

namespace crosscheck::dedup {

// Makes room for `need` elements in `v` (capacity at least doubling), advising huge pages for
// the fresh block before anything is written to it.
template <class T>
void grow(std::vector<T>& v, size_t need) {
  if (need <= v.capacity()) return;
  std::vector<T> fresh;
  fresh.reserve(std::max(need, v.capacity() * 2));
  advise_huge(fresh.data(), fresh.capacity() * sizeof(T));
  fresh.insert(fresh.end(), v.begin(), v.end());
  v.swap(fresh);
}

// A vector of `n` copies of `value` in a huge-page-advised block.
template <class T>
std::vector<T> filled(size_t n, const T& value) {
  std::vector<T> v;
  v.reserve(n);
  advise_huge(v.data(), n * sizeof(T));
  v.assign(n, value);
  return v;
}

}  // namespace crosscheck::dedup
