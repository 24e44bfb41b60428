// Tests for native/src/mpsc_queue.h: single-thread unit cases, then producer threads (1, 2, 4, 8)
// x capacities (2, 4, 64, 1024) x push styles (single, batch, mixed) against one consumer that
// checks per-producer order, no loss and no duplicates. Usage: mpsc_test [messages per producer]
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "../src/mpsc_queue.h"
#include "check.h"

using aionode::Message;
using aionode::MpscQueue;

namespace {

Message msg(int32_t producer, int32_t kind, double value) {
  Message m;
  m.producer = producer;
  m.kind = kind;
  m.value = value;
  return m;
}

void test_capacity() {
  CHECK_EQ(MpscQueue<Message>(0).capacity(), 2u);
  CHECK_EQ(MpscQueue<Message>(1).capacity(), 2u);
  CHECK_EQ(MpscQueue<Message>(2).capacity(), 2u);
  CHECK_EQ(MpscQueue<Message>(3).capacity(), 4u);
  CHECK_EQ(MpscQueue<Message>(64).capacity(), 64u);
  CHECK_EQ(MpscQueue<Message>(1000).capacity(), 1024u);
  MpscQueue<Message> q(8);
  CHECK(q.ok());
  CHECK(q.empty_approx());
}

void test_full_and_order() {
  MpscQueue<Message> q(4);
  Message out[16];
  CHECK_EQ(q.pop_batch(out, 16), 0u);
  for (int i = 0; i < 4; i++) CHECK(q.try_push(msg(0, 1, i)));
  CHECK(!q.try_push(msg(0, 1, 99)));  // full
  CHECK(!q.empty_approx());
  CHECK_EQ(q.pop_batch(out, 0), 0u);
  CHECK_EQ(q.pop_batch(out, 3), 3u);
  CHECK(out[0].value == 0 && out[1].value == 1 && out[2].value == 2);
  // Three cells free: a batch of 10 pushes a prefix of 3.
  Message batch[10];
  for (int i = 0; i < 10; i++) batch[i] = msg(1, 2, 100 + i);
  CHECK_EQ(q.try_push_batch(batch, 10), 3u);
  CHECK_EQ(q.try_push_batch(batch, 10), 0u);  // full
  CHECK_EQ(q.try_push_batch(batch, 0), 0u);
  CHECK_EQ(q.try_push_batch(nullptr, 5), 0u);
  CHECK_EQ(q.pop_batch(nullptr, 5), 0u);
  CHECK_EQ(q.pop_batch(out, 16), 4u);
  CHECK(out[0].value == 3 && out[0].producer == 0 && out[0].kind == 1);
  CHECK(out[1].value == 100 && out[2].value == 101 && out[3].value == 102);
  CHECK(out[3].producer == 1 && out[3].kind == 2);
  CHECK(q.empty_approx());
  CHECK_EQ(q.pop_batch(out, 16), 0u);
  // A batch larger than the capacity, into an empty queue: one lap's worth.
  CHECK_EQ(q.try_push_batch(batch, 10), 4u);
  CHECK_EQ(q.pop_batch(out, 16), 4u);
  CHECK(out[0].value == 100 && out[3].value == 103);
}

void test_large_batch() {
  // Batches above kMaxClaim take several reservations and stay in order.
  MpscQueue<uint64_t> q(1024);
  std::vector<uint64_t> items(1500);
  for (size_t i = 0; i < items.size(); i++) items[i] = i;
  CHECK_EQ(q.try_push_batch(items.data(), 600), 600u);
  CHECK_EQ(q.try_push_batch(items.data() + 600, 900), 424u);  // fills the ring
  std::vector<uint64_t> out(2048);
  CHECK_EQ(q.pop_batch(out.data(), 2048), 1024u);
  bool ok = true;
  for (size_t i = 0; i < 1024; i++) ok = ok && out[i] == i;
  CHECK(ok);
}

void test_wraparound() {
  // Many laps of a tiny ring with varying push/pop sizes keep FIFO order.
  MpscQueue<uint64_t> q(4);
  uint64_t pushed = 0;
  uint64_t popped = 0;
  uint64_t buf[8];
  uint64_t out[8];
  bool ok = true;
  for (int round = 0; round < 20000; round++) {
    const size_t want = static_cast<size_t>(round % 7);
    for (size_t i = 0; i < want; i++) buf[i] = pushed + i;
    if (round % 3 == 0) {
      for (size_t i = 0; i < want; i++) {
        if (!q.try_push(buf[i])) break;
        pushed++;
      }
    } else {
      pushed += q.try_push_batch(buf, want);
    }
    const size_t n = q.pop_batch(out, static_cast<size_t>(round % 5));
    for (size_t i = 0; i < n; i++) ok = ok && out[i] == popped++;
  }
  popped += q.pop_batch(out, 8);
  CHECK(ok);
  CHECK_EQ(pushed, popped);
  CHECK(q.empty_approx());
}

enum Style { kSingle = 0, kBatch = 1, kMixed = 2 };

struct Rng {
  uint64_t s;
  uint32_t below(uint32_t n) {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return static_cast<uint32_t>(s % n);
  }
};

void producer(MpscQueue<Message>* q, int32_t id, int style, int count, size_t cap) {
  Rng rng{0x9E3779B97F4A7C15ull * static_cast<uint64_t>(id + 1)};
  std::vector<Message> batch(2 * cap + 3);
  int sent = 0;
  while (sent < count) {
    bool use_batch = style == kBatch || (style == kMixed && rng.below(2) == 0);
    if (!use_batch) {
      while (!q->try_push(msg(id, style, sent))) std::this_thread::yield();
      sent++;
      continue;
    }
    size_t n = 1 + rng.below(static_cast<uint32_t>(batch.size()));
    if (n > static_cast<size_t>(count - sent)) n = static_cast<size_t>(count - sent);
    for (size_t i = 0; i < n; i++) batch[i] = msg(id, style, sent + static_cast<int>(i));
    size_t done = 0;
    while (done < n) {
      const size_t k = q->try_push_batch(batch.data() + done, n - done);
      if (k == 0) std::this_thread::yield();
      done += k;
    }
    sent += static_cast<int>(n);
  }
}

bool run_threads(int producers, size_t capacity, int style, int count) {
  MpscQueue<Message> q(capacity);
  std::vector<int> expect(static_cast<size_t>(producers), 0);
  std::atomic<int> finished{0};
  std::vector<std::thread> threads;
  for (int p = 0; p < producers; p++) {
    threads.emplace_back([&q, p, style, count, capacity, &finished] {
      producer(&q, p, style, count, capacity);
      finished.fetch_add(1, std::memory_order_release);
    });
  }
  const long total = static_cast<long>(producers) * count;
  long received = 0;
  bool ok = true;
  Rng rng{12345u + static_cast<uint64_t>(capacity)};
  Message out[64];
  int idle_after_done = 0;
  while (received < total) {
    const size_t n = q.pop_batch(out, 1 + rng.below(64));
    for (size_t i = 0; i < n; i++) {
      const Message& m = out[i];
      if (m.producer < 0 || m.producer >= producers || m.kind != style) {
        ok = false;
        continue;
      }
      int& next = expect[static_cast<size_t>(m.producer)];
      if (m.value != static_cast<double>(next)) ok = false;  // out of order, lost or duplicated
      next = static_cast<int>(m.value) + 1;
    }
    received += static_cast<long>(n);
    if (n == 0) {
      // Producers all done and nothing left: something was lost; stop instead of spinning.
      if (finished.load(std::memory_order_acquire) == producers && q.empty_approx() &&
          ++idle_after_done > 1000) {
        break;
      }
      std::this_thread::yield();
    }
  }
  for (auto& t : threads) t.join();
  received += static_cast<long>(q.pop_batch(out, 64));  // must be nothing more
  if (!CHECK_EQ(received, total) || !CHECK(ok)) {
    std::fprintf(stderr, "  producers %d capacity %zu style %d: received %ld of %ld\n", producers,
                 capacity, style, received, total);
    return false;
  }
  for (int p = 0; p < producers; p++) CHECK_EQ(expect[static_cast<size_t>(p)], count);
  CHECK(q.empty_approx());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 20000;
  test_capacity();
  test_full_and_order();
  test_large_batch();
  test_wraparound();
  int cases = 4;
  const int producer_counts[] = {1, 2, 4, 8};
  const size_t capacities[] = {2, 4, 64, 1024};
  for (int producers : producer_counts) {
    for (size_t cap : capacities) {
      for (int style = kSingle; style <= kMixed; style++) {
        run_threads(producers, cap, style, count);
        cases++;
      }
    }
  }
  std::printf("mpsc: %d messages per producer, sizeof(MpscQueue<Message>) = %zu\n", count,
              sizeof(MpscQueue<Message>));
  return aionode_test::report("mpsc_test", cases);
}
