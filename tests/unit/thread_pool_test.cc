#include "crosscheck/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

namespace crosscheck {
namespace {

class ThreadPoolTest : public ::testing::TestWithParam<size_t> {};

TEST_P(ThreadPoolTest, EveryIndexRunsExactlyOnce) {
  ThreadPool pool(GetParam());
  std::vector<std::atomic<int>> hits(10007);
  pool.parallel_for(hits.size(), [&](size_t i) { hits[i].fetch_add(1); });
  for (size_t i = 0; i < hits.size(); ++i) ASSERT_EQ(hits[i].load(), 1) << i;
}

TEST_P(ThreadPoolTest, ReusableAcrossCalls) {
  ThreadPool pool(GetParam());
  std::atomic<size_t> sum{0};
  for (int round = 0; round < 50; ++round) {
    pool.parallel_for(100, [&](size_t i) { sum += i; });
  }
  EXPECT_EQ(sum.load(), 50u * 4950u);
}

TEST_P(ThreadPoolTest, ExceptionFromATaskReachesTheCallerAfterAllTasks) {
  ThreadPool pool(GetParam());
  std::atomic<int> ran{0};
  EXPECT_THROW(pool.parallel_for(64,
                                 [&](size_t i) {
                                   ++ran;
                                   if (i == 7) throw std::runtime_error("boom");
                                 }),
               std::runtime_error);
  EXPECT_EQ(ran.load(), 64);  // the other tasks still ran
  // The pool is still usable afterwards.
  std::atomic<int> after{0};
  pool.parallel_for(10, [&](size_t) { ++after; });
  EXPECT_EQ(after.load(), 10);
}

TEST_P(ThreadPoolTest, ZeroItemsIsANoOp) {
  ThreadPool pool(GetParam());
  pool.parallel_for(0, [](size_t) { FAIL(); });
  EXPECT_GE(pool.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Sizes, ThreadPoolTest, ::testing::Values(1, 2, 4));

}  // namespace
}  // namespace crosscheck
