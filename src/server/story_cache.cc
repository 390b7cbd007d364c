#include "src/server/story_cache.h"

namespace crosscheck::server {

std::shared_ptr<const std::string> StoryCache::lookup_locked(int64_t id, uint64_t fingerprint) {
  auto it = index_.find(id);
  if (it == index_.end() || it->second->fingerprint != fingerprint) return nullptr;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->json;
}

std::shared_ptr<const std::string> StoryCache::get(int64_t id, uint64_t fingerprint) {
  std::lock_guard<std::mutex> lock(mutex_);
  return lookup_locked(id, fingerprint);
}

std::shared_ptr<const std::string> StoryCache::get_or_make(
    int64_t id, uint64_t fingerprint,
    const std::function<std::shared_ptr<const std::string>()>& make) {
  std::promise<std::shared_ptr<const std::string>> promise;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    if (auto cached = lookup_locked(id, fingerprint)) return cached;
    auto key = std::make_pair(id, fingerprint);
    if (auto it = in_flight_.find(key); it != in_flight_.end()) {
      std::shared_future<std::shared_ptr<const std::string>> pending = it->second;
      lock.unlock();
      return pending.get();
    }
    in_flight_.emplace(key, promise.get_future().share());
  }
  std::shared_ptr<const std::string> made;
  try {
    made = make();
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    in_flight_.erase({id, fingerprint});
    promise.set_exception(std::current_exception());
    throw;
  }
  put(id, fingerprint, made);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    in_flight_.erase({id, fingerprint});
  }
  promise.set_value(made);
  return made;
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
