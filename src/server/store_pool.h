// Read-only store connections shared by the request workers: a connection is used by one request
// at a time (an SQLite connection is not shared between threads), opened on first need, kept for
// the next request.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "crosscheck/store.h"

namespace crosscheck::server {

class StorePool {
 public:
  StorePool(std::string path, size_t max_open) : path_(std::move(path)), max_open_(max_open) {}

  // A connection on loan; goes back to the pool when destroyed.
  class Lease {
   public:
    Lease() = default;
    Lease(Lease&& other) noexcept : pool_(other.pool_), store_(std::move(other.store_)) {
      other.pool_ = nullptr;
    }
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (pool_ && store_) pool_->give_back(std::move(store_));
    }
    store::Store* operator->() const { return store_.get(); }
    store::Store& operator*() const { return *store_; }

   private:
    friend class StorePool;
    StorePool* pool_ = nullptr;
    std::unique_ptr<store::Store> store_;
  };

  // An idle connection, a new one while fewer than max_open are open, else waits for one.
  // Fails when the store cannot be opened (missing, newer schema, damaged).
  Status acquire(Lease* out);

 private:
  void give_back(std::unique_ptr<store::Store> store);

  std::string path_;
  size_t max_open_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<store::Store>> idle_;
  size_t open_ = 0;
};

}  // namespace crosscheck::server
