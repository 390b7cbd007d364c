#include "src/server/story_cache.h"

namespace crosscheck::server {

std::shared_ptr<const std::string> StoryCache::get(int64_t id, uint64_t fingerprint) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = index_.find(id);
  if (it == index_.end() || it->second->fingerprint != fingerprint) return nullptr;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->json;
}

void StoryCache::put(int64_t id, uint64_t fingerprint, std::shared_ptr<const std::string> json) {
  if (capacity_ == 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = index_.find(id); it != index_.end()) {
    order_.erase(it->second);
    index_.erase(it);
  }
  order_.push_front(Entry{id, fingerprint, std::move(json)});
  index_[id] = order_.begin();
  while (order_.size() > capacity_) {
    index_.erase(order_.back().id);
    order_.pop_back();
  }
}

}  // namespace crosscheck::server
