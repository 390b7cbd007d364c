#include "crosscheck/thread_pool.h"

#include <algorithm>
#include <atomic>
#include <exception>

namespace crosscheck {

ThreadPool::ThreadPool(size_t threads) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  if (threads == 1) return;  // inline execution: no workers
  workers_.reserve(threads);
  for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { worker_loop(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& w : workers_) w.join();
}

void ThreadPool::worker_loop() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      cv_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;  // stopping and drained
      task = std::move(tasks_.front());
      tasks_.pop();
    }
    task();
  }
}

void ThreadPool::parallel_for(size_t n, const std::function<void(size_t)>& fn) {
  if (n == 0) return;
  if (workers_.empty() || n == 1) {
    // Same contract as the parallel path: every index runs, the first exception is rethrown.
    std::exception_ptr first_error;
    for (size_t i = 0; i < n; ++i) {
      try {
        fn(i);
      } catch (...) {
        if (!first_error) first_error = std::current_exception();
      }
    }
    if (first_error) std::rethrow_exception(first_error);
    return;
  }
  // Work is claimed index by index from a shared counter so that uneven articles balance out;
  // one task per worker keeps queue traffic constant.
  std::atomic<size_t> next{0};
  std::mutex done_mutex;
  std::condition_variable done_cv;
  size_t running = std::min(n, workers_.size());
  size_t finished = 0;
  std::exception_ptr first_error;
  auto body = [&] {
    for (;;) {
      size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= n) break;
      try {
        fn(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(done_mutex);
        if (!first_error) first_error = std::current_exception();
      }
    }
    std::lock_guard<std::mutex> lock(done_mutex);
    if (++finished == running) done_cv.notify_one();
  };
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (size_t t = 0; t < running; ++t) tasks_.push(body);
  }
  cv_.notify_all();
  std::unique_lock<std::mutex> lock(done_mutex);
  done_cv.wait(lock, [&] { return finished == running; });
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace crosscheck
