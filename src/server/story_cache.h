// The analysis JSON of recently requested stories. A story is analysed on demand (as `crosscheck
// report` does); the result stays valid while the story's current articles are the same ones,
// which the fingerprint (their seqs and content hashes) tells. Least recently used goes first.
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace crosscheck::server {

class StoryCache {
 public:
  explicit StoryCache(size_t capacity) : capacity_(capacity) {}

  // The cached JSON of story `id` if it was made from articles with this fingerprint.
  std::shared_ptr<const std::string> get(int64_t id, uint64_t fingerprint);
  void put(int64_t id, uint64_t fingerprint, std::shared_ptr<const std::string> json);
  // The cached JSON, else `make()`'s, kept; requests for a story being made meanwhile wait for
  // that one result instead of analysing the same story again. `make` may throw: every waiter
  // gets the exception.
  std::shared_ptr<const std::string> get_or_make(
      int64_t id, uint64_t fingerprint,
      const std::function<std::shared_ptr<const std::string>()>& make);

 private:
  // The cached JSON for (id, fingerprint), marked most recently used; null when absent. Caller
  // holds mutex_.
  std::shared_ptr<const std::string> lookup_locked(int64_t id, uint64_t fingerprint);

  struct Entry {
    int64_t id;
    uint64_t fingerprint;
    std::shared_ptr<const std::string> json;
  };
  size_t capacity_;
  std::mutex mutex_;
  std::list<Entry> order_;  // most recently used first
  std::unordered_map<int64_t, std::list<Entry>::iterator> index_;
  std::map<std::pair<int64_t, uint64_t>, std::shared_future<std::shared_ptr<const std::string>>>
      in_flight_;
};

}  // namespace crosscheck::server
