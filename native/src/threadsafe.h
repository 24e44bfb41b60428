// Channel: one loop's inbox for cross-thread posts (loop.callSoonThreadsafe from worker threads).
//
// HOW: records (four doubles, the layout of src/threads/types.ts) travel through a lock-free
// MpscQueue. Producers in any thread push batches; the loop thread drains. The loop thread
// sleeps only after arming: `armed` is set, then the queue is checked once more, and the first
// producer that finds `armed` set (an atomic exchange) sends the one uv_async wake-up. So any
// number of posts that arrive while the loop sleeps cost one wake-up (DESIGN.md rule 6).
//
// Closing is a clean cut without locks on the push path: a producer announces itself in
// `inflight` before it checks `closed`, and leaves after its last record is published;
// the consumer sets `closed`, then waits for `inflight` to reach 0 (settle). After that, the
// queue holds exactly the records accepted before the close, and every later push is refused.
// (Both sides use sequentially consistent operations on these two words, so either the producer
// sees `closed` or the consumer sees the producer in flight.)
//
// The wake-up function (in the addon: uv_async_send on the loop thread's handle) is reached under
// `wake_mu`, which is taken only for a wake-up (never per record) and by close, so no producer
// can signal a handle that is being closed. Keeping libuv out of this header lets the C++ tests
// run it under ThreadSanitizer with a plain function.
#ifndef AIONODE_THREADSAFE_H_
#define AIONODE_THREADSAFE_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "mpsc_queue.h"

namespace aionode {

struct Record {
  double w[4];
};
static_assert(sizeof(Record) == 4 * sizeof(double), "records are four packed doubles (layout.h kRecordWords)");

class Channel {
 public:
  explicit Channel(size_t capacity) : queue_(capacity) {}

  bool ok() const { return queue_.ok(); }
  size_t capacity() const { return queue_.capacity(); }

  // ---------------------------------------------------------------- producers (any thread)

  // Pushes records[0..n) in order, waiting while the queue is full. Returns how many were
  // accepted: n, or a prefix if the channel closed meanwhile.
  size_t Push(const Record* records, size_t n) {
    // Refused without entering: a producer that already sees the close never shows up in
    // flight (Remaining() would count it as one more record to come until it left).
    if (closed_.load(std::memory_order_seq_cst) != 0) return 0;
    inflight_.fetch_add(1, std::memory_order_seq_cst);
    size_t done = 0;
    while (done < n && closed_.load(std::memory_order_seq_cst) == 0) {
      size_t k = queue_.try_push_batch(records + done, n - done);
      if (k > 0) {
        done += k;
        pushed_.fetch_add(k, std::memory_order_seq_cst);
        Wake();  // let the consumer drain while we wait for room
        continue;
      }
      // Full: sleep until the consumer frees cells (Drain notifies sleeping producers; the
      // timeout bounds a notification that raced past us). No spinning first: the consumer is
      // the one that makes room, and on a machine with fewer cores than threads a spinning
      // producer takes the CPU it needs.
      std::unique_lock<std::mutex> lock(full_mu_);
      sleepers_.fetch_add(1, std::memory_order_seq_cst);
      if (!queue_.has_room_approx() && closed_.load(std::memory_order_seq_cst) == 0) {
        full_cv_.wait_for(lock, std::chrono::microseconds(200));
      }
      sleepers_.fetch_sub(1, std::memory_order_seq_cst);
    }
    inflight_.fetch_sub(1, std::memory_order_seq_cst);
    if (done > 0) Wake();
    return done;
  }

  bool closed() const { return closed_.load(std::memory_order_relaxed) != 0; }

  // The closed flag as a 32-bit word (0 open, 1 closed) that producers in JS read directly
  // (an Int32Array over it), so a post checks it without a native call. Lives as long as the
  // channel.
  std::atomic<int32_t>* closed_word() { return &closed_; }

  // ---------------------------------------------------------------- the consumer (loop thread)

  using WakeFn = void (*)(void* arg);

  void Attach(WakeFn fn, void* arg) {
    std::lock_guard<std::mutex> lock(wake_mu_);
    wake_fn_ = fn;
    wake_arg_ = arg;
  }

  size_t Drain(Record* out, size_t max) {
    size_t n = queue_.pop_batch(out, max);
    drained_ += n;
    if (n > 0 && sleepers_.load(std::memory_order_seq_cst) > 0) WakeProducers();
    return n;
  }

  // Arms the wake-up. False when records are already waiting (drain again instead).
  bool Arm() {
    // Dekker's handshake on two sequentially consistent variables, no fences: the consumer
    // writes `armed_` then reads `pushed_`; a producer adds to `pushed_` (after publishing its
    // records) then reads `armed_`. In the single total order of these four operations, either
    // this read sees the producer's addition (records are waiting: do not sleep), or the
    // producer's read comes after our write and it wakes us.
    armed_.store(true, std::memory_order_seq_cst);
    if (pushed_.load(std::memory_order_seq_cst) != drained_) {
      armed_.store(false, std::memory_order_relaxed);
      return false;
    }
    return true;
  }

  // Refuses later pushes and detaches the wake-up function (the caller may then free its target).
  void Close() {
    closed_.store(1, std::memory_order_seq_cst);
    WakeProducers();
    std::lock_guard<std::mutex> lock(wake_mu_);
    wake_fn_ = nullptr;
  }

  // After Close: records accepted before it and not drained yet, counting a producer still
  // writing as one more.
  // (A producer publishes records before it counts them in `pushed_`, so while one is in flight
  // the consumer may have drained more than was counted: the difference is signed, and any
  // producer still in flight counts as one more record to come.)
  size_t Remaining() const {
    const bool in_flight = inflight_.load(std::memory_order_seq_cst) > 0;
    const int64_t queued =
        static_cast<int64_t>(pushed_.load(std::memory_order_acquire)) - static_cast<int64_t>(drained_);
    return static_cast<size_t>(queued > 0 ? queued : 0) + (in_flight ? 1 : 0);
  }

  // After Close: wait until no producer is writing (true) or the time is up (false).
  bool Settle(double timeout_ms) {
    auto end = std::chrono::steady_clock::now() + std::chrono::microseconds(static_cast<int64_t>(timeout_ms * 1000));
    while (inflight_.load(std::memory_order_seq_cst) > 0) {
      if (std::chrono::steady_clock::now() >= end) return false;
      std::this_thread::yield();
    }
    return true;
  }

 private:
  void Wake() {
    // A plain read first (the common case, the consumer is busy draining: no write to a cache
    // line the other producers read); the exchange makes sure one producer sends the wake-up.
    if (!armed_.load(std::memory_order_seq_cst)) return;
    if (!armed_.exchange(false, std::memory_order_seq_cst)) return;
    std::lock_guard<std::mutex> lock(wake_mu_);
    if (wake_fn_ != nullptr) wake_fn_(wake_arg_);
  }

  void WakeProducers() {
    std::lock_guard<std::mutex> lock(full_mu_);
    full_cv_.notify_all();
  }

  MpscQueue<Record> queue_;
  std::atomic<int> sleepers_{0};
  std::mutex full_mu_;
  std::condition_variable full_cv_;
  alignas(64) std::atomic<int> inflight_{0};
  std::atomic<int32_t> closed_{0};
  static_assert(sizeof(std::atomic<int32_t>) == 4 && std::atomic<int32_t>::is_always_lock_free,
                "closed_ is read from JS as one Int32Array element");
  std::atomic<size_t> pushed_{0};
  alignas(64) std::atomic<bool> armed_{false};
  size_t drained_ = 0;  // consumer only
  std::mutex wake_mu_;
  WakeFn wake_fn_ = nullptr;
  void* wake_arg_ = nullptr;
};

// Process-wide registry: a worker connects to a loop's channel by token. Taken only at
// open/connect/close, never per post.
class ChannelRegistry {
 public:
  static uint32_t Add(std::shared_ptr<Channel> ch) {
    std::lock_guard<std::mutex> lock(mu());
    uint32_t token = ++next();
    map()[token] = std::move(ch);
    return token;
  }
  static std::shared_ptr<Channel> Find(uint32_t token) {
    std::lock_guard<std::mutex> lock(mu());
    auto it = map().find(token);
    return it == map().end() ? nullptr : it->second;
  }
  static void Remove(uint32_t token) {
    std::lock_guard<std::mutex> lock(mu());
    map().erase(token);
  }

 private:
  static std::mutex& mu() {
    static std::mutex m;
    return m;
  }
  static uint32_t& next() {
    static uint32_t n = 0;
    return n;
  }
  static std::unordered_map<uint32_t, std::shared_ptr<Channel>>& map() {
    static std::unordered_map<uint32_t, std::shared_ptr<Channel>> m;
    return m;
  }
};

}  // namespace aionode

#endif  // AIONODE_THREADSAFE_H_
