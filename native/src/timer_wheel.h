// HOW and WHY: the native core's timer wheel, the C++ twin of src/internal/wheel.ts.
//
// wheel.ts's header comment is the design, and this file follows it decision for decision, so
// that the two backends fire the same ids in the same order for the same sequence of calls (a
// parity test feeds both seeded random schedule / cancel / advance sequences):
//
//   - 9 levels x 64 slots, 1 tick = 1 µs, ticks in [0, 2^53 - 1] (9 x 6 bits = 54 bits, so every
//     tick has a place and the top level never wraps).
//   - A deadline D > elapsed is filed at level floor(highest bit of ((D ^ elapsed) | 63) / 6),
//     slot = base-64 digit `level` of D. Every occupied slot lies ahead of `elapsed`, every
//     level-k entry is earlier than every entry above level k, so the earliest slot is the lowest
//     set bit of the lowest non-empty level: one count-trailing-zeros on `level_mask_`, one on
//     that level's 64-bit occupancy word (wheel.ts needs two 32-bit words per level; here one
//     uint64_t per level does, which changes nothing observable).
//   - Each slot is an intrusive doubly linked list of ids in parallel arrays, appended to in
//     schedule order; `slot_min_` remembers the smallest deadline filed in a slot since it was
//     last empty, so a slot is processed at its earliest deadline (a lone timer fires without
//     cascading) and next_deadline() is exact unless that earliest timer was cancelled (then it
//     is a lower bound, never later than the truth).
//   - A sorted due list (list index kDue) holds expired entries that did not fit in `out`
//     (advance is bounded) and entries scheduled at or before `elapsed`; they come out first.
//   - advance() takes the earliest slot whole, moves time to min(slot_min, target), returns what
//     is due, re-files the rest (which land on lower levels), until the next slot starts after
//     the target. Equal deadlines therefore come out in scheduling order, and nothing fires early.
//   - Quirks kept on purpose because wheel.ts has them: when advance() stops because `out` is
//     full it returns without moving time to the target; clear() keeps the wheel's time; a
//     `now` earlier than the wheel's time means "stay".
//
// The one difference from wheel.ts: the caller chooses the ids (JS allocates them from its own
// free list and keeps its handles indexed by them), so there is no free list here. Scheduling an
// id that is already pending is treated as cancel + schedule (it then counts as scheduled last).
//
// Memory: per id of capacity, deadline (8) + next (4) + prev (4) + where (2) = 18 bytes; the list
// index doubles as the state (kFreeList = not pending). The per-id arrays grow by doubling to
// cover the largest id seen, so with JS's dense, lowest-first ids that is 18 bytes per pending
// timer at the high-water mark and at most 36 just after a doubling. The fixed part (577 list
// heads and tails, 576 slot minimums, 9 occupancy words) is about 9.3 KB.
//
// Hot path rules: no allocation except when an id is beyond the capacity (realloc, by doubling),
// no exceptions (builds with -fno-exceptions: allocation failure is reported by return value),
// every operation O(1) except the due-list insertion of a late schedule whose deadline is below
// some due deadline (a walk from the tail, as in wheel.ts) and advance's cascades.
#ifndef AIONODE_TIMER_WHEEL_H_
#define AIONODE_TIMER_WHEEL_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace aionode {

class TimerWheel {
 public:
  static constexpr uint32_t kLevelBits = 6;
  static constexpr uint32_t kSlotsPerLevel = 64;
  static constexpr uint32_t kNumLevels = 9;
  /** The largest deadline (and time) the wheel accepts; larger values are clamped to it. */
  static constexpr uint64_t kMaxTick = (uint64_t{1} << 53) - 1;
  /** Ids must be below this (2^31). */
  static constexpr uint32_t kIdLimit = uint32_t{1} << 31;

  /**
   * A JS deadline (a double) as a tick, exactly as wheel.ts's schedule() sanitizes it: integers in
   * range stay, others round up (never early), NaN and negatives become 0, and anything at or
   * above kMaxTick (including +Infinity) becomes kMaxTick.
   */
  static uint64_t deadline_from_double(double d) {
    if (!(d > 0)) return 0;
    if (d >= static_cast<double>(kMaxTick)) return kMaxTick;
    const uint64_t t = static_cast<uint64_t>(d);  // truncates toward zero; d > 0 here
    return static_cast<double>(t) < d ? t + 1 : t;
  }

  /**
   * A JS `now` (a double) for advance(), as wheel.ts's advance() reads it: rounded down; NaN and
   * negatives become 0 (which advance() treats as "stay", like any time before the wheel's).
   */
  static uint64_t time_from_double(double now) {
    if (!(now > 0)) return 0;
    if (now >= static_cast<double>(kMaxTick)) return kMaxTick;
    return static_cast<uint64_t>(now);
  }

  explicit TimerWheel(uint32_t initial_capacity = 1024) {
    for (uint32_t i = 0; i <= kWheelSlots; i++) {
      heads_[i] = -1;
      tails_[i] = -1;
    }
    for (uint32_t i = 0; i < kWheelSlots; i++) slot_min_[i] = kNoMin;
    for (uint32_t i = 0; i < kNumLevels; i++) occ_[i] = 0;
    grow_to(initial_capacity < 16 ? 16 : initial_capacity);
  }
  ~TimerWheel() {
    std::free(deadline_);
    std::free(next_);
    std::free(prev_);
    std::free(where_);
  }
  TimerWheel(const TimerWheel&) = delete;
  TimerWheel& operator=(const TimerWheel&) = delete;

  /**
   * Schedule `id` at `deadline` (clamped to kMaxTick). Returns false, changing nothing, when
   * id >= 2^31 or the per-id arrays could not grow to hold it. A pending id is re-scheduled.
   */
  bool schedule(uint32_t id, uint64_t deadline) {
    if (id >= cap_) {
      if (id >= kIdLimit || !grow_to(uint64_t{id} + 1)) return false;
    } else if (where_[id] != kFreeList) {
      cancel(id);
    }
    const uint64_t d = deadline > kMaxTick ? kMaxTick : deadline;
    deadline_[id] = d;
    count_++;
    if (d > elapsed_) file(static_cast<int32_t>(id), d);
    else insert_due(static_cast<int32_t>(id), d);
    return true;
  }

  /** Cancel `id`; a no-op if it is not pending (free, never used, or out of range). */
  void cancel(uint32_t id) {
    if (id >= cap_) return;
    const uint16_t list = where_[id];
    if (list == kFreeList) return;
    const int32_t p = prev_[id];
    const int32_t n = next_[id];
    if (p == -1) heads_[list] = n;
    else next_[p] = n;
    if (n == -1) tails_[list] = p;
    else prev_[n] = p;
    if (heads_[list] == -1 && list != kDue) slot_emptied(list);
    release(static_cast<int32_t>(id));
  }

  /**
   * Fire what is due at `now` (a `now` before the wheel's time means the wheel's time): writes
   * at most `max` ids to `out`, in (deadline, scheduling order), and returns how many. Expired
   * ids that did not fit stay due and come out first on the next call.
   */
  uint32_t advance(uint64_t now, int32_t* out, uint32_t max) {
    uint64_t target = now;
    if (!(target > elapsed_)) target = elapsed_;
    else if (target > kMaxTick) target = kMaxTick;
    const uint32_t cap = out == nullptr ? 0 : max;
    uint32_t n = 0;

    // 1. Entries left over from the last call, and late schedules: all due, already in order.
    int32_t id = heads_[kDue];
    if (id != -1) {
      while (id != -1 && n < cap) {
        const int32_t nx = next_[id];
        out[n++] = id;
        release(id);
        id = nx;
      }
      heads_[kDue] = id;
      if (id == -1) {
        tails_[kDue] = -1;
      } else {
        prev_[id] = -1;
        return n;
      }
    }

    // 2. Slots, earliest first, while one starts at or before the target.
    for (;;) {
      if (n == cap) return n;
      const uint32_t lm = level_mask_;
      if (lm == 0) break;
      const uint32_t k = static_cast<uint32_t>(__builtin_ctz(lm));
      const uint32_t s = static_cast<uint32_t>(__builtin_ctzll(occ_[k]));
      const uint32_t span_bits = kLevelBits * (k + 1);
      const uint64_t start = ((elapsed_ >> span_bits) << span_bits) + (uint64_t{s} << (kLevelBits * k));
      if (start > target) break;

      // Take the whole slot and move time to its earliest deadline (or to the target, if that
      // comes first: the slot must still be emptied, since time now lies inside its span).
      const uint16_t list = static_cast<uint16_t>((k << 6) | s);
      const uint64_t min = slot_min_[list];
      const uint64_t t = min < target ? min : target;
      id = heads_[list];
      heads_[list] = -1;
      tails_[list] = -1;
      slot_emptied(list);
      elapsed_ = t;
      while (id != -1) {
        const int32_t nx = next_[id];
        const uint64_t d = deadline_[id];
        if (d > t) {
          file(id, d);  // cascade: lands on a lower level
        } else if (n < cap) {
          out[n++] = id;
          release(id);
        } else {
          append_due(id);
        }
        id = nx;
      }
    }
    elapsed_ = target;
    return n;
  }

  /**
   * With no timer pending, move the wheel's time forward to `now` (a time before the wheel's
   * means "stay"); otherwise do nothing. Timers scheduled next are then filed relative to the
   * present: after a long idle spell, a burst of new timers lands on the low levels instead of
   * all in one far slot that the next advance() would have to cascade whole.
   */
  void sync_time(uint64_t now) {
    if (count_ != 0 || !(now > elapsed_)) return;
    elapsed_ = now > kMaxTick ? kMaxTick : now;
  }

  /** A lower bound of the earliest pending deadline (exact unless it was cancelled); -1 if none. */
  int64_t next_deadline() const {
    const int32_t h = heads_[kDue];
    if (h != -1) return static_cast<int64_t>(deadline_[h]);
    const uint32_t lm = level_mask_;
    if (lm == 0) return -1;
    const uint32_t k = static_cast<uint32_t>(__builtin_ctz(lm));
    const uint32_t s = static_cast<uint32_t>(__builtin_ctzll(occ_[k]));
    return static_cast<int64_t>(slot_min_[(k << 6) | s]);
  }

  /** The deadline of a pending id, or -1 if the id is not pending. */
  int64_t deadline_of(uint32_t id) const {
    if (id >= cap_ || where_[id] == kFreeList) return -1;
    return static_cast<int64_t>(deadline_[id]);
  }

  bool pending(uint32_t id) const { return id < cap_ && where_[id] != kFreeList; }

  /** Number of pending timers. */
  uint32_t size() const { return count_; }

  /** The wheel's current time in ticks. */
  uint64_t now() const { return elapsed_; }

  /** Ids the per-id arrays cover (grows by doubling, never shrinks). */
  uint32_t capacity() const { return cap_; }

  /** Drop every pending timer. Like wheel.ts, keeps the wheel's time and capacity. */
  void clear() {
    for (uint32_t i = 0; i <= kWheelSlots; i++) {
      heads_[i] = -1;
      tails_[i] = -1;
    }
    for (uint32_t i = 0; i < kWheelSlots; i++) slot_min_[i] = kNoMin;
    for (uint32_t i = 0; i < kNumLevels; i++) occ_[i] = 0;
    level_mask_ = 0;
    if (cap_ != 0) std::memset(where_, 0xFF, size_t{cap_} * sizeof(uint16_t));
    count_ = 0;
  }

  /** Bytes held: the object itself plus the per-id arrays. */
  size_t memory_bytes() const { return sizeof(*this) + size_t{cap_} * kBytesPerId; }

  /** Bytes of per-id state per unit of capacity. */
  static constexpr size_t kBytesPerId = sizeof(uint64_t) + 2 * sizeof(int32_t) + sizeof(uint16_t);

 private:
  static constexpr uint32_t kWheelSlots = kNumLevels * kSlotsPerLevel;  // 576 slot lists
  static constexpr uint16_t kDue = kWheelSlots;                         // list index of the due list
  static constexpr uint16_t kFreeList = 0xFFFF;                         // where_: not pending
  static constexpr uint64_t kNoMin = UINT64_MAX;                        // slot_min_ of an empty slot

  /** File a pending entry with deadline d > elapsed at level_for(elapsed, d), appending. */
  void file(int32_t id, uint64_t d) {
    const uint32_t bit = static_cast<uint32_t>(63 - __builtin_clzll((d ^ elapsed_) | 63));
    const uint32_t level = bit / kLevelBits;
    const uint32_t slot = static_cast<uint32_t>(d >> (level * kLevelBits)) & 63;
    const uint16_t list = static_cast<uint16_t>((level << 6) | slot);
    const int32_t tail = tails_[list];
    prev_[id] = tail;
    next_[id] = -1;
    if (tail == -1) {
      heads_[list] = id;
      occ_[level] |= uint64_t{1} << slot;
      level_mask_ |= uint32_t{1} << level;
    } else {
      next_[tail] = id;
    }
    tails_[list] = id;
    if (d < slot_min_[list]) slot_min_[list] = d;
    where_[id] = list;
  }

  /** Append an expired entry to the due list (its deadline is >= every due deadline). */
  void append_due(int32_t id) {
    const int32_t tail = tails_[kDue];
    prev_[id] = tail;
    next_[id] = -1;
    if (tail == -1) heads_[kDue] = id;
    else next_[tail] = id;
    tails_[kDue] = id;
    where_[id] = kDue;
  }

  /** Insert an entry with deadline d <= elapsed into the due list, after every due deadline <= d. */
  void insert_due(int32_t id, uint64_t d) {
    int32_t after = tails_[kDue];
    while (after != -1 && deadline_[after] > d) after = prev_[after];
    const int32_t before = after == -1 ? heads_[kDue] : next_[after];
    prev_[id] = after;
    next_[id] = before;
    if (after == -1) heads_[kDue] = id;
    else next_[after] = id;
    if (before == -1) tails_[kDue] = id;
    else prev_[before] = id;
    where_[id] = kDue;
  }

  /** A wheel slot's list became empty: clear its bitmap bit (and its level's) and its minimum. */
  void slot_emptied(uint16_t list) {
    const uint32_t level = uint32_t{list} >> 6;
    const uint32_t slot = uint32_t{list} & 63;
    occ_[level] &= ~(uint64_t{1} << slot);
    if (occ_[level] == 0) level_mask_ &= ~(uint32_t{1} << level);
    slot_min_[list] = kNoMin;
  }

  void release(int32_t id) {
    where_[id] = kFreeList;
    count_--;
  }

  /** Grow the per-id arrays (doubling) until they hold `need` ids; false if allocation fails. */
  bool grow_to(uint64_t need) {
    uint64_t cap = cap_ == 0 ? 16 : cap_;
    while (cap < need) cap *= 2;
    if (cap > kIdLimit) cap = kIdLimit;
    if (cap < need) return false;
    const size_t c = static_cast<size_t>(cap);
    // Each realloc that succeeds is kept (a larger array is harmless); cap_ moves only when all
    // four did, so a failure leaves the wheel as it was.
    void* p = std::realloc(deadline_, c * sizeof(uint64_t));
    if (p == nullptr) return false;
    deadline_ = static_cast<uint64_t*>(p);
    p = std::realloc(next_, c * sizeof(int32_t));
    if (p == nullptr) return false;
    next_ = static_cast<int32_t*>(p);
    p = std::realloc(prev_, c * sizeof(int32_t));
    if (p == nullptr) return false;
    prev_ = static_cast<int32_t*>(p);
    p = std::realloc(where_, c * sizeof(uint16_t));
    if (p == nullptr) return false;
    where_ = static_cast<uint16_t*>(p);
    std::memset(where_ + cap_, 0xFF, (c - cap_) * sizeof(uint16_t));
    cap_ = static_cast<uint32_t>(cap);
    return true;
  }

  // The wheel's time, pending count, per-id capacity.
  uint64_t elapsed_ = 0;
  uint32_t count_ = 0;
  uint32_t cap_ = 0;
  // Bit k set iff level k has an occupied slot.
  uint32_t level_mask_ = 0;

  // Entries, indexed by id.
  uint64_t* deadline_ = nullptr;
  int32_t* next_ = nullptr;
  int32_t* prev_ = nullptr;
  uint16_t* where_ = nullptr;  // list index (level * 64 + slot, or kDue), kFreeList if not pending

  // Lists, indexed by level * 64 + slot; index kDue is the due list.
  int32_t heads_[kWheelSlots + 1];
  int32_t tails_[kWheelSlots + 1];
  uint64_t slot_min_[kWheelSlots];
  // Occupancy bitmaps: bit s of occ_[k] is set iff slot s of level k is non-empty.
  uint64_t occ_[kNumLevels];
};

}  // namespace aionode

#endif  // AIONODE_TIMER_WHEEL_H_
