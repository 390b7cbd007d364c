// The order in which articles are given to the clusterer: by publication day — a pile sorted
// whole (publication_order), a stream through a bounded buffer (PublicationOrderBuffer).
#include <algorithm>
#include <climits>
#include <numeric>

#include "crosscheck/cluster.h"
#include "src/cluster/day.h"

namespace crosscheck::cluster {

std::vector<uint32_t> publication_order(const std::vector<std::string_view>& published) {
  std::vector<int32_t> key(published.size());
  int32_t last = INT32_MIN;
  for (size_t i = 0; i < published.size(); ++i) key[i] = order_key(published[i], &last);
  std::vector<uint32_t> order(published.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return key[a] < key[b]; });
  return order;
}

struct PublicationOrderBuffer::Held {
  int32_t day;   // order_key(): publication_order()'s key
  uint64_t seq;  // input order among equal days
  Article article;
};

PublicationOrderBuffer::PublicationOrderBuffer(size_t capacity, Sink sink)
    : capacity_(capacity), sink_(std::move(sink)), last_day_(INT32_MIN) {}

PublicationOrderBuffer::~PublicationOrderBuffer() = default;

size_t PublicationOrderBuffer::held() const { return heap_.size(); }

void PublicationOrderBuffer::push(Article&& article) {
  if (capacity_ == 0) {
    sink_(std::move(article));
    return;
  }
  const int32_t key = order_key(article.published, &last_day_);
  heap_.push_back(Held{key, next_seq_++, std::move(article)});
  std::push_heap(heap_.begin(), heap_.end(), comes_later);
  if (heap_.size() > capacity_) give_earliest();
}

void PublicationOrderBuffer::flush() {
  while (!heap_.empty()) give_earliest();
}

bool PublicationOrderBuffer::comes_later(const Held& a, const Held& b) {
  return a.day != b.day ? a.day > b.day : a.seq > b.seq;
}

void PublicationOrderBuffer::give_earliest() {
  std::pop_heap(heap_.begin(), heap_.end(), comes_later);
  Article out = std::move(heap_.back().article);
  heap_.pop_back();
  sink_(std::move(out));
}

}  // namespace crosscheck::cluster
