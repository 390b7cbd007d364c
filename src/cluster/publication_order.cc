// The order in which articles are given to the clusterer: by publication day — a pile sorted
// whole (publication_order), a stream through a bounded buffer (PublicationOrderBuffer).
#include <algorithm>
#include <numeric>

#include "crosscheck/cluster.h"
#include "src/cluster/day.h"
#include "src/cluster/order_key.h"

namespace crosscheck::cluster {

OrderKey OrderKeys::next(std::string_view published) {
  if (std::optional<int32_t> day = parse_day(published)) last_.day = *day;
  OrderKey key = last_;
  ++last_.seq;
  return key;
}

std::vector<uint32_t> publication_order(const std::vector<std::string_view>& published) {
  std::vector<OrderKey> key(published.size());
  OrderKeys keys;
  for (size_t i = 0; i < published.size(); ++i) key[i] = keys.next(published[i]);
  std::vector<uint32_t> order(published.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return key[a] < key[b]; });
  return order;
}

PublicationOrderBuffer::PublicationOrderBuffer(size_t capacity, Sink sink)
    : capacity_(capacity), sink_(std::move(sink)), keys_(std::make_unique<OrderKeys>()) {}

PublicationOrderBuffer::~PublicationOrderBuffer() = default;

size_t PublicationOrderBuffer::held() const { return heap_.size(); }

void PublicationOrderBuffer::push(Article&& article) {
  if (capacity_ == 0) {
    sink_(std::move(article));
    return;
  }
  heap_.push_back(KeyedArticle{keys_->next(article.published), std::move(article)});
  std::push_heap(heap_.begin(), heap_.end(), comes_later);
  if (heap_.size() > capacity_) give_earliest();
}

void PublicationOrderBuffer::flush() {
  while (!heap_.empty()) give_earliest();
}

bool PublicationOrderBuffer::comes_later(const KeyedArticle& a, const KeyedArticle& b) {
  return b.key < a.key;
}

void PublicationOrderBuffer::give_earliest() {
  std::pop_heap(heap_.begin(), heap_.end(), comes_later);
  Article out = std::move(heap_.back().article);
  heap_.pop_back();
  sink_(std::move(out));
}

}  // namespace crosscheck::cluster
