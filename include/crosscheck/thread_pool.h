// A small fixed-size thread pool for per-article stages.
//
//   crosscheck::ThreadPool pool(4);
//   pool.parallel_for(articles.size(), [&](size_t i) { clean(articles[i]); });
//
// parallel_for blocks until every index is done. An exception thrown by a task is carried back to
// the caller (the first one is rethrown after all tasks have finished), never lost in a worker.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

namespace crosscheck {

class ThreadPool {
 public:
  // threads == 0 means std::thread::hardware_concurrency(). threads == 1 runs tasks inline.
  explicit ThreadPool(size_t threads = 0);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  size_t size() const { return workers_.empty() ? 1 : workers_.size(); }

  // Runs fn(i) for i in [0, n), in chunks handed to the workers; returns when all are done.
  void parallel_for(size_t n, const std::function<void(size_t)>& fn);

 private:
  void worker_loop();
  std::vector<std::thread> workers_;
  std::queue<std::function<void()>> tasks_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;
};

}  // namespace crosscheck
