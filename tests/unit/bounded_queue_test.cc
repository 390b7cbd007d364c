// BoundedQueue: order, the bound, close() semantics, a producer and a consumer on two threads.
#include "src/core/bounded_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace crosscheck {
namespace {

TEST(BoundedQueue, FirstInFirstOutThenFalseAfterClose) {
  BoundedQueue<int> q(3);
  EXPECT_TRUE(q.push(1));
  EXPECT_TRUE(q.push(2));
  EXPECT_TRUE(q.push(3));
  q.close();
  EXPECT_FALSE(q.push(4));  // closed: refused, never queued
  int v = 0;
  ASSERT_TRUE(q.pop(v));
  EXPECT_EQ(v, 1);
  ASSERT_TRUE(q.pop(v));
  EXPECT_EQ(v, 2);
  ASSERT_TRUE(q.pop(v));
  EXPECT_EQ(v, 3);
  EXPECT_FALSE(q.pop(v));  // drained
}

TEST(BoundedQueue, ProducerWaitsForRoomAndEveryItemArrivesInOrder) {
  BoundedQueue<int> q(2);
  std::atomic<int> pushed{0};
  std::atomic<int> max_ahead{0};
  std::atomic<int> popped{0};
  std::thread producer([&] {
    for (int i = 0; i < 10000; ++i) {
      ASSERT_TRUE(q.push(i));
      int ahead = ++pushed - popped.load();
      if (ahead > max_ahead) max_ahead = ahead;
    }
    q.close();
  });
  std::vector<int> got;
  int v = 0;
  while (q.pop(v)) {
    got.push_back(v);
    ++popped;
  }
  producer.join();
  ASSERT_EQ(got.size(), 10000u);
  for (int i = 0; i < 10000; ++i) ASSERT_EQ(got[i], i);
  // At most capacity queued plus the one being handed over when the counters were read.
  EXPECT_LE(max_ahead.load(), 3);
}

TEST(BoundedQueue, CloseWakesABlockedProducer) {
  BoundedQueue<int> q(1);
  ASSERT_TRUE(q.push(0));
  std::atomic<bool> result{true};
  std::thread producer([&] { result = q.push(1); });  // blocks: the queue is full
  q.close();
  producer.join();
  EXPECT_FALSE(result.load());
}

}  // namespace
}  // namespace crosscheck
