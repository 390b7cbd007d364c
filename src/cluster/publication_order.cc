// The order in which a pile of articles is given to the clusterer: by publication day.
#include <algorithm>
#include <climits>
#include <numeric>

#include "crosscheck/cluster.h"
#include "src/cluster/day.h"

namespace crosscheck::cluster {

std::vector<uint32_t> publication_order(const std::vector<std::string_view>& published) {
  // Each article's sort key: its own day, or for an undated article the day of the last dated
  // article before it in the input (none yet: before every dated article).
  std::vector<int32_t> key(published.size());
  int32_t last = INT32_MIN;
  for (size_t i = 0; i < published.size(); ++i) {
    if (std::optional<int32_t> day = parse_day(published[i])) last = *day;
    key[i] = last;
  }
  std::vector<uint32_t> order(published.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return key[a] < key[b]; });
  return order;
}

}  // namespace crosscheck::cluster
