#include "src/server/store_pool.h"

namespace crosscheck::server {

Status StorePool::acquire(Lease* out) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    returned_.wait(lock, [&] { return !idle_.empty() || open_ < max_open_; });
    if (!idle_.empty()) {
      out->pool_ = this;
      out->store_ = std::move(idle_.back());
      idle_.pop_back();
      return Status::ok();
    }
    ++open_;  // reserved: opened below, outside the lock
  }
  store::Options options;
  options.read_only = true;
  store::OpenResult opened = store::open_store(path_, options);
  if (!opened.status) {
    std::lock_guard<std::mutex> lock(mutex_);
    --open_;
    returned_.notify_one();
    return opened.status;
  }
  out->pool_ = this;
  out->store_ = std::move(opened.store);
  return Status::ok();
}

void StorePool::give_back(std::unique_ptr<store::Store> store) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(store));
  returned_.notify_one();
}

}  // namespace crosscheck::server
