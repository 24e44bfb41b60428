// HOW and WHY: the bounded lock-free multi-producer single-consumer ring behind cross-thread
// posts (loop.callSoonThreadsafe from worker threads, DESIGN.md rule 6).
//
// WHY this shape: producers are arbitrary threads and must never block on each other or on the
// loop thread; the loop thread drains everything that arrived with one wake-up. A mutex would
// make a producer wait while another (or the consumer) is descheduled inside the critical
// section; a linked queue would allocate per message. So: a preallocated ring of
// power-of-two size, with one sequence number per cell (the bounded-queue scheme described by
// Dmitry Vyukov), and no allocation after construction.
//
// HOW it works. Positions are unbounded counters (size_t: 2^64 pushes never wrap in practice);
// position p lives in cell p & mask. Each cell's `seq` says what the cell is waiting for:
//     seq == p          free, for the producer that reserves position p
//     seq == p + 1      holds the item of position p, for the consumer
//     seq == p + cap    consumed; free for position p + cap (the next lap)
// A producer reads `tail_`, checks that the cell's seq equals its position (acquire: the
// consumer's read of the cell's previous item happens before our write), and claims the
// position with one CAS on `tail_`; then it writes the item and publishes it with a release
// store of seq = p + 1. seq < p means the cell still holds last lap's item: the queue is full.
// seq > p means another producer took p first: reload and retry. A batch push counts the run
// of free cells from its position (up to the batch size, at most kMaxClaim) and claims them
// all with a single CAS (tail_ -> tail_ + k), so a batch that fits lands contiguously, and
// producers contend once per batch, not once per item.
// The single consumer owns `head_`: it reads cells while seq == head + 1 (acquire), copies the
// items out, and frees each cell with a release store of seq = head + cap.
//
// Guarantees: nothing lost or duplicated, per-producer FIFO (a producer's reservations are at
// increasing positions, and the consumer takes positions in order), producers never wait for
// each other except to retry a failed CAS. The usual caveat of this scheme: a producer that is
// preempted between its CAS and its publish holds up the consumer at that position (items
// after it become visible once it publishes), and pushes report "full" meanwhile if the ring
// wraps around to it. No thread ever blocks; the consumer simply sees fewer items this round.
//
// Layout: the producers' index, the consumer's index and the read-only fields each get their
// own cache line, so producers hammering `tail_` do not slow the consumer's `head_` and
// vice versa. T must be trivially copyable (messages are plain records, copied by value).
#ifndef AIONODE_MPSC_QUEUE_H_
#define AIONODE_MPSC_QUEUE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <type_traits>

namespace aionode {

/** A cross-thread post: who sent it, what it is, and one number of payload. */
struct Message {
  int32_t producer;
  int32_t kind;
  double value;
};

template <typename T>
class MpscQueue {
  static_assert(std::is_trivially_copyable<T>::value, "MpscQueue elements are copied bytewise");
  static_assert(std::atomic<size_t>::is_always_lock_free, "needs lock-free size_t atomics");

 public:
  static constexpr size_t kCacheLine = 64;
  /** Capacity requests above this are clamped to it. */
  static constexpr size_t kMaxCapacity = size_t{1} << 30;
  /** The most cells one try_push_batch reservation claims (bounds the scan before each CAS). */
  static constexpr size_t kMaxClaim = 256;

  /**
   * A ring of `capacity` cells rounded up to a power of two, at least 2 (at most kMaxCapacity).
   * The only allocation; check ok() afterwards (built without exceptions, so allocation failure
   * cannot throw): a failed queue has capacity() == 0 and every push returns false / 0.
   */
  explicit MpscQueue(size_t capacity) {
    size_t cap = 2;
    while (cap < capacity && cap < kMaxCapacity) cap <<= 1;
    void* mem = std::malloc(cap * sizeof(Cell));
    if (mem == nullptr) return;
    cells_ = static_cast<Cell*>(mem);
    for (size_t i = 0; i < cap; i++) new (&cells_[i]) Cell(i);
    mask_ = cap - 1;
    capacity_ = cap;
  }
  ~MpscQueue() {
    if (cells_ == nullptr) return;
    for (size_t i = 0; i < capacity_; i++) cells_[i].~Cell();
    std::free(cells_);
  }
  MpscQueue(const MpscQueue&) = delete;
  MpscQueue& operator=(const MpscQueue&) = delete;

  bool ok() const { return cells_ != nullptr; }

  /** Any thread. Pushes one item; false when the queue is full. */
  bool try_push(const T& item) {
    if (capacity_ == 0) return false;
    size_t pos = tail_.load(std::memory_order_relaxed);
    for (;;) {
      Cell& cell = cells_[pos & mask_];
      const size_t seq = cell.seq.load(std::memory_order_acquire);
      const intptr_t diff = static_cast<intptr_t>(seq - pos);
      if (diff == 0) {
        // On failure compare_exchange_weak reloads pos; retry with the new position.
        if (tail_.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed,
                                        std::memory_order_relaxed)) {
          cell.value = item;
          cell.seq.store(pos + 1, std::memory_order_release);
          return true;
        }
      } else if (diff < 0) {
        return false;  // the cell still holds last lap's item: full
      } else {
        pos = tail_.load(std::memory_order_relaxed);  // another producer took pos
      }
    }
  }

  /**
   * Any thread. Pushes a prefix of items[0..n) (possibly all, possibly none) and returns its
   * length. Claims as many consecutive free cells as it can (up to kMaxClaim) with one CAS, so a
   * batch that fits is one reservation and lands contiguously; otherwise it claims again for
   * the rest until the queue is full. The items keep their order either way.
   */
  size_t try_push_batch(const T* items, size_t n) {
    if (capacity_ == 0 || items == nullptr) return 0;
    size_t done = 0;
    while (done < n) {
      size_t want = n - done < capacity_ ? n - done : capacity_;
      if (want > kMaxClaim) want = kMaxClaim;
      size_t pos = tail_.load(std::memory_order_relaxed);
      size_t k = 0;
      for (;;) {
        const size_t seq = cells_[pos & mask_].seq.load(std::memory_order_acquire);
        const intptr_t diff = static_cast<intptr_t>(seq - pos);
        if (diff < 0) return done;  // full
        if (diff > 0) {
          pos = tail_.load(std::memory_order_relaxed);
          continue;
        }
        // Cells are freed in position order by the one consumer, and a free cell stays free
        // until someone claims its position through tail_, so counting the run of free cells
        // now and claiming it with the CAS below is safe: if anyone else claimed any of them,
        // tail_ moved and the CAS fails.
        k = 1;
        while (k < want &&
               cells_[(pos + k) & mask_].seq.load(std::memory_order_acquire) == pos + k) {
          k++;
        }
        if (tail_.compare_exchange_weak(pos, pos + k, std::memory_order_relaxed,
                                        std::memory_order_relaxed)) {
          break;
        }
      }
      for (size_t i = 0; i < k; i++) {
        Cell& cell = cells_[(pos + i) & mask_];
        cell.value = items[done + i];
        cell.seq.store(pos + i + 1, std::memory_order_release);
      }
      done += k;
    }
    return done;
  }

  /**
   * The consumer thread only. Moves up to `max` published items, oldest first, into `out` and
   * returns how many. Stops early at a position whose producer has claimed it but not yet
   * published (see the caveat above).
   */
  size_t pop_batch(T* out, size_t max) {
    if (capacity_ == 0 || out == nullptr) return 0;
    size_t pos = head_.load(std::memory_order_relaxed);
    size_t n = 0;
    while (n < max) {
      Cell& cell = cells_[pos & mask_];
      if (cell.seq.load(std::memory_order_acquire) != pos + 1) break;
      out[n++] = cell.value;
      cell.seq.store(pos + capacity_, std::memory_order_release);
      pos++;
    }
    if (n != 0) head_.store(pos, std::memory_order_release);
    return n;
  }

  /**
   * True when every position claimed by a producer has been consumed. Approximate by nature
   * when other threads are pushing: it may turn false right after it returned true. When it is
   * false, pop_batch finds items unless a producer has not finished publishing its claim.
   */
  bool empty_approx() const {
    const size_t head = head_.load(std::memory_order_acquire);
    const size_t tail = tail_.load(std::memory_order_acquire);
    return tail == head;
  }

  /**
   * True when fewer positions are claimed than there are cells. Approximate by nature, like
   * empty_approx(); a producer uses it to decide whether to sleep until the consumer drains.
   */
  bool has_room_approx() const {
    const size_t tail = tail_.load(std::memory_order_acquire);
    const size_t head = head_.load(std::memory_order_acquire);
    return tail - head < capacity_;
  }

  /** Number of cells (0 if construction failed). */
  size_t capacity() const { return capacity_; }

 private:
  struct Cell {
    explicit Cell(size_t s) : seq(s), value() {}
    std::atomic<size_t> seq;
    T value;
  };

  // Read-only after construction.
  alignas(kCacheLine) Cell* cells_ = nullptr;
  size_t mask_ = 0;
  size_t capacity_ = 0;
  // Next position to claim (producers).
  alignas(kCacheLine) std::atomic<size_t> tail_{0};
  // Next position to consume (the consumer); alignas(64) on it also pads the object's end.
  alignas(kCacheLine) std::atomic<size_t> head_{0};
};

}  // namespace aionode

#endif  // AIONODE_MPSC_QUEUE_H_
