// Tests for native/src/timer_wheel.h: unit cases, then a randomized comparison against a plain
// model (an ordered map keyed by (deadline, scheduling sequence)) over many seeds.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include "../src/timer_wheel.h"
#include "check.h"

using aionode::TimerWheel;
using Ids = std::vector<int32_t>;

namespace {

constexpr uint64_t kMax = TimerWheel::kMaxTick;

constexpr uint32_t kBig = 1u << 20;  // "no limit" for advance's max

Ids fire(TimerWheel& w, uint64_t now, uint32_t max = kBig) {
  static Ids buf(kBig);  // one buffer for every call (max <= kBig)
  const uint32_t n = w.advance(now, buf.data(), max);
  return Ids(buf.begin(), buf.begin() + n);
}

/** Fire everything pending at kMax, in bounded chunks. */
Ids drain(TimerWheel& w) {
  Ids all;
  for (;;) {
    Ids part = fire(w, kMax, 7);
    if (part.empty()) break;
    all.insert(all.end(), part.begin(), part.end());
  }
  return all;
}

// --- unit cases ---------------------------------------------------------------------------------

void test_empty() {
  TimerWheel w;
  CHECK_EQ(w.size(), 0u);
  CHECK_EQ(w.next_deadline(), -1);
  CHECK(fire(w, 1000).empty());
  CHECK_EQ(w.now(), 1000u);
  CHECK(fire(w, 10).empty());  // earlier now: stays
  CHECK_EQ(w.now(), 1000u);
  CHECK_EQ(w.deadline_of(0), -1);
  CHECK_EQ(w.deadline_of(123456789), -1);
  CHECK(!w.pending(5));
}

void test_from_double() {
  // Mirrors wheel.ts's sanitize() (schedule) and Math.floor + "earlier means stay" (advance).
  CHECK_EQ(TimerWheel::deadline_from_double(0.0), 0u);
  CHECK_EQ(TimerWheel::deadline_from_double(-5.5), 0u);
  CHECK_EQ(TimerWheel::deadline_from_double(0.0 / 0.0), 0u);
  CHECK_EQ(TimerWheel::deadline_from_double(0.25), 1u);
  CHECK_EQ(TimerWheel::deadline_from_double(7.0), 7u);
  CHECK_EQ(TimerWheel::deadline_from_double(7.000001), 8u);
  CHECK_EQ(TimerWheel::deadline_from_double(4294967296.5), 4294967297u);
  CHECK_EQ(TimerWheel::deadline_from_double(9007199254740991.0), kMax);
  CHECK_EQ(TimerWheel::deadline_from_double(1e300), kMax);
  CHECK_EQ(TimerWheel::deadline_from_double(1.0 / 0.0), kMax);
  CHECK_EQ(TimerWheel::time_from_double(7.9), 7u);
  CHECK_EQ(TimerWheel::time_from_double(-1.0), 0u);
  CHECK_EQ(TimerWheel::time_from_double(0.0 / 0.0), 0u);
  CHECK_EQ(TimerWheel::time_from_double(4503599627370495.5), 4503599627370495u);
  CHECK_EQ(TimerWheel::time_from_double(1.0 / 0.0), kMax);
}

void test_equal_deadlines_in_order() {
  TimerWheel w;
  // Same deadline at every level, scheduled interleaved with other deadlines.
  const uint64_t ds[] = {5, 100, 5000, 300000, 20000000, uint64_t{1} << 33, uint64_t{1} << 50};
  int32_t id = 0;
  std::map<uint64_t, Ids> expect;
  for (int round = 0; round < 4; round++) {
    for (uint64_t d : ds) {
      CHECK(w.schedule(static_cast<uint32_t>(id), d));
      expect[d].push_back(id++);
    }
  }
  Ids want;
  for (auto& kv : expect) want.insert(want.end(), kv.second.begin(), kv.second.end());
  CHECK(drain(w) == want);

  // Equal deadlines scheduled at different wheel times (so first filed at different levels)
  // still fire in scheduling order.
  TimerWheel v;
  v.schedule(1, 10000);  // far from elapsed 0: high level
  fire(v, 9000);
  v.schedule(2, 10000);  // close to elapsed 9000: low level
  v.schedule(3, 9500);
  fire(v, 9990);
  CHECK_EQ(v.size(), 2u);
  v.schedule(4, 10000);
  CHECK(fire(v, 10000) == (Ids{1, 2, 4}));
}

void test_never_early() {
  TimerWheel w;
  const uint64_t ds[] = {1, 63, 64, 65, 4095, 4096, 4097, 262143, 262144, 999999, 1000000};
  for (uint32_t i = 0; i < sizeof(ds) / sizeof(ds[0]); i++) w.schedule(i, ds[i]);
  // Step one tick before and at each deadline.
  for (uint32_t i = 0; i < sizeof(ds) / sizeof(ds[0]); i++) {
    CHECK(fire(w, ds[i] - 1).empty());
    Ids got = fire(w, ds[i]);
    CHECK(got == Ids{static_cast<int32_t>(i)});
  }
  CHECK_EQ(w.size(), 0u);
}

void test_next_deadline() {
  TimerWheel w;
  w.schedule(0, 700000);
  CHECK_EQ(w.next_deadline(), 700000);
  w.schedule(1, 300);
  CHECK_EQ(w.next_deadline(), 300);
  w.schedule(2, 301);
  CHECK_EQ(w.next_deadline(), 300);
  w.cancel(1);
  // 300 and 301 share a level-1 slot: the bound is still 300 (a lower bound, not later).
  CHECK(w.next_deadline() <= 301);
  CHECK(fire(w, 300).empty());
  CHECK_EQ(w.next_deadline(), 301);
  CHECK(fire(w, 301) == Ids{2});
  CHECK_EQ(w.next_deadline(), 700000);
  w.cancel(0);
  CHECK_EQ(w.next_deadline(), -1);
  CHECK_EQ(w.size(), 0u);
}

void test_cancel() {
  TimerWheel w(16);
  for (uint32_t i = 0; i < 10; i++) w.schedule(i, 1000 + i);
  CHECK_EQ(w.size(), 10u);
  w.cancel(3);
  w.cancel(3);  // twice: no-op
  w.cancel(7);
  w.cancel(12);           // never scheduled
  w.cancel(1u << 30);     // beyond capacity
  w.cancel(0xFFFFFFFFu);  // beyond the id range
  CHECK_EQ(w.size(), 8u);
  CHECK_EQ(w.deadline_of(3), -1);
  CHECK_EQ(w.deadline_of(4), 1004);
  // A cancelled id is free at once and can be scheduled again.
  w.schedule(3, 999);
  CHECK(fire(w, 2000) == (Ids{3, 0, 1, 2, 4, 5, 6, 8, 9}));
  // Cancel every entry of a slot, then one entry in the middle, head and tail of lists.
  for (uint32_t i = 0; i < 6; i++) w.schedule(i, 5000);
  w.cancel(0);
  w.cancel(5);
  w.cancel(2);
  CHECK(fire(w, 5000) == (Ids{1, 3, 4}));
  CHECK_EQ(w.size(), 0u);
  // Cancel entries sitting in the due list.
  for (uint32_t i = 0; i < 5; i++) w.schedule(i, 6000);
  CHECK(fire(w, 7000, 2) == (Ids{0, 1}));
  w.cancel(3);
  w.cancel(2);
  CHECK_EQ(w.size(), 1u);
  CHECK(fire(w, 7000) == Ids{4});
}

void test_reschedule_pending() {
  TimerWheel w;
  w.schedule(1, 100);
  w.schedule(2, 100);
  w.schedule(1, 100);  // already pending: cancel + schedule, now after 2
  CHECK_EQ(w.size(), 2u);
  w.schedule(3, 5000);
  w.schedule(3, 50);  // moves earlier
  CHECK_EQ(w.deadline_of(3), 50);
  CHECK(fire(w, 10000) == (Ids{3, 2, 1}));
  // Re-scheduling an id that sits in the due list.
  w.schedule(4, 20000);
  w.schedule(5, 20000);
  CHECK(fire(w, 20000, 1) == Ids{4});
  w.schedule(5, 15000);  // late: due again
  CHECK_EQ(w.size(), 1u);
  CHECK(fire(w, 20000) == Ids{5});
}

void test_due_list() {
  TimerWheel w;
  fire(w, 1000);
  // Deadlines at or before the wheel's time go to the due list, sorted, ties in order.
  w.schedule(1, 900);
  w.schedule(2, 0);
  w.schedule(3, 1000);
  w.schedule(4, 900);
  w.schedule(5, 1001);  // future: wheel
  CHECK_EQ(w.next_deadline(), 0);
  CHECK(fire(w, 1000) == (Ids{2, 1, 4, 3}));
  CHECK(fire(w, 1001) == Ids{5});
  // Leftovers of a bounded advance come first, late schedules are merged by deadline.
  for (uint32_t i = 10; i < 16; i++) w.schedule(i, 2000 + (i % 2));
  // 2000: 10 12 14; 2001: 11 13 15
  CHECK(fire(w, 3000, 2) == (Ids{10, 12}));
  w.schedule(20, 2000);  // ties with due 2000s: after them
  w.schedule(21, 1500);  // earlier than every due entry: first
  w.schedule(22, 2500);  // later: last
  CHECK_EQ(w.next_deadline(), 1500);
  CHECK(fire(w, 3000) == (Ids{21, 14, 20, 11, 13, 15, 22}));
}

void test_bounded_advance() {
  TimerWheel w;
  for (uint32_t i = 0; i < 100; i++) w.schedule(i, 10 + (i * 7919) % 50000);
  std::multimap<uint64_t, int32_t> order;
  for (uint32_t i = 0; i < 100; i++) order.emplace(10 + (i * 7919) % 50000, static_cast<int32_t>(i));
  Ids want;
  for (auto& kv : order) want.push_back(kv.second);
  // max = 0 fires nothing and loses nothing.
  CHECK(fire(w, 60000, 0).empty());
  CHECK_EQ(w.size(), 100u);
  Ids got;
  for (int guard = 0; guard < 1000 && w.size() > 0; guard++) {
    Ids part = fire(w, 60000, 3);
    CHECK(part.size() <= 3);
    got.insert(got.end(), part.begin(), part.end());
  }
  CHECK(got == want);
  // Null out with max > 0 is treated as max = 0.
  w.schedule(1, 70000);
  CHECK_EQ(w.advance(80000, nullptr, 5), 0u);
  CHECK_EQ(w.size(), 1u);
}

void test_far_deadlines() {
  TimerWheel w;
  const uint64_t two32 = uint64_t{1} << 32;
  w.schedule(0, two32 + 5);
  w.schedule(1, two32 - 1);
  w.schedule(2, uint64_t{1} << 40);
  w.schedule(3, kMax);
  w.schedule(4, uint64_t{1} << 60);  // clamped
  w.schedule(5, UINT64_MAX);         // clamped
  w.schedule(6, (uint64_t{1} << 48) + 3);
  CHECK_EQ(w.deadline_of(4), static_cast<int64_t>(kMax));
  CHECK_EQ(w.deadline_of(5), static_cast<int64_t>(kMax));
  CHECK_EQ(w.next_deadline(), static_cast<int64_t>(two32 - 1));
  CHECK(fire(w, two32 + 4) == Ids{1});
  CHECK_EQ(w.next_deadline(), static_cast<int64_t>(two32 + 5));
  CHECK(fire(w, two32 + 5) == Ids{0});
  CHECK(fire(w, (uint64_t{1} << 40) - 1).empty());
  CHECK(fire(w, uint64_t{1} << 40) == Ids{2});
  CHECK(fire(w, (uint64_t{1} << 48) + 3) == Ids{6});
  CHECK(fire(w, kMax - 1).empty());
  CHECK(fire(w, UINT64_MAX) == (Ids{3, 4, 5}));  // now clamped to kMax
  CHECK_EQ(w.now(), kMax);
  // At the end of time everything is due at once.
  w.schedule(7, UINT64_MAX);
  w.schedule(8, 0);
  CHECK(fire(w, kMax) == (Ids{8, 7}));
  CHECK_EQ(w.size(), 0u);
}

void test_clear() {
  TimerWheel w;
  for (uint32_t i = 0; i < 50; i++) w.schedule(i, 100 + i * 1000);
  fire(w, 5000);
  for (uint32_t i = 0; i < 5; i++) w.schedule(100 + i, 10);  // due
  const uint64_t t = w.now();
  w.clear();
  CHECK_EQ(w.size(), 0u);
  CHECK_EQ(w.next_deadline(), -1);
  CHECK_EQ(w.now(), t);  // like wheel.ts, clear keeps the time
  CHECK_EQ(w.deadline_of(20), -1);
  CHECK(fire(w, 100000).empty());
  w.schedule(20, 100500);
  w.schedule(3, 100500);
  CHECK(fire(w, 100500) == (Ids{20, 3}));
}

void test_sync_time() {
  TimerWheel w;
  const uint64_t T = (uint64_t{5} << 40) + 123;  // far from 0, as the loop's ticks are
  w.sync_time(T);
  CHECK_EQ(w.now(), T);
  w.sync_time(T - 50);  // earlier: stays
  CHECK_EQ(w.now(), T);
  w.schedule(0, T + 10);
  w.schedule(1, T - 3);  // already due
  w.schedule(2, T + 10);
  w.schedule(3, T + 70000);
  w.sync_time(T + 1000000);  // not empty: no-op
  CHECK_EQ(w.now(), T);
  CHECK(fire(w, T) == Ids({1}));
  CHECK(fire(w, T + 10) == Ids({0, 2}));
  CHECK(fire(w, T + 69999).empty());
  CHECK(fire(w, T + 70000) == Ids({3}));
  CHECK_EQ(w.size(), 0u);
  w.sync_time(kMax + 5);  // clamped
  CHECK_EQ(w.now(), kMax);
}

void test_growth() {
  TimerWheel w(16);
  CHECK_EQ(w.capacity(), 16u);
  const size_t small = w.memory_bytes();
  CHECK(w.schedule(15, 5));
  CHECK_EQ(w.capacity(), 16u);
  CHECK(w.schedule(16, 5));
  CHECK_EQ(w.capacity(), 32u);
  CHECK(w.schedule(100000, 4));
  CHECK_EQ(w.capacity(), 131072u);
  CHECK(w.memory_bytes() > small);
  CHECK_EQ(w.memory_bytes() - small, (131072u - 16u) * TimerWheel::kBytesPerId);
  // Ids at or beyond 2^31 are refused and change nothing.
  CHECK(!w.schedule(1u << 31, 5));
  CHECK(!w.schedule(0xFFFFFFFFu, 5));
  CHECK_EQ(w.size(), 3u);
  CHECK(fire(w, 10) == (Ids{100000, 15, 16}));
  // Many timers through growth, all fire in order.
  TimerWheel v(16);
  std::multimap<uint64_t, int32_t> order;
  for (uint32_t i = 0; i < 20000; i++) {
    const uint64_t d = (uint64_t{i} * 2654435761u) % 3000000;
    v.schedule(i, d);
    order.emplace(d, static_cast<int32_t>(i));
  }
  Ids want;
  for (auto& kv : order) want.push_back(kv.second);
  CHECK_EQ(v.size(), 20000u);
  CHECK(v.memory_bytes() <= sizeof(TimerWheel) + 32768u * TimerWheel::kBytesPerId);
  CHECK(fire(v, 3000000) == want);
}

// --- randomized comparison against a model ------------------------------------------------------

struct Rng {
  uint64_t s;
  uint64_t next() {  // splitmix64
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t below(uint64_t n) { return n == 0 ? 0 : next() % n; }
  /** Log-uniform-ish: a random value below 2^(random bits in [0, max_bits]). */
  uint64_t logu(uint32_t max_bits) {
    const uint32_t bits = static_cast<uint32_t>(below(max_bits + 1));
    return bits == 0 ? 0 : next() & (bits >= 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1);
  }
};

struct Model {
  using Key = std::pair<uint64_t, uint64_t>;  // (deadline, sequence)
  std::map<Key, int32_t> q;
  std::unordered_map<uint32_t, Key> key;
  uint64_t seq = 0;

  void schedule(uint32_t id, uint64_t d) {
    cancel(id);
    if (d > kMax) d = kMax;
    const Key k{d, seq++};
    q.emplace(k, static_cast<int32_t>(id));
    key.emplace(id, k);
  }
  void cancel(uint32_t id) {
    auto it = key.find(id);
    if (it == key.end()) return;
    q.erase(it->second);
    key.erase(it);
  }
  Ids advance(uint64_t target, uint32_t max) {
    Ids out;
    while (!q.empty() && out.size() < max && q.begin()->first.first <= target) {
      const int32_t id = q.begin()->second;
      out.push_back(id);
      key.erase(static_cast<uint32_t>(id));
      q.erase(q.begin());
    }
    return out;
  }
};

int random_run(uint64_t seed, int ops) {
  Rng r{seed * 0x100000001B3ull + 12345};
  const int deadline_mode = static_cast<int>(r.below(5));
  const uint32_t id_range = r.below(4) == 0 ? 64 : (r.below(2) == 0 ? 1024 : 5000);
  // One run in five has no cancels (nor re-schedules): then next_deadline must be exact.
  const bool cancels = r.below(5) != 0;
  TimerWheel w(16);
  Model m;
  uint64_t clock = r.below(3) == 0 ? r.logu(52) : 0;
  uint64_t pool[8];
  for (uint64_t& p : pool) p = clock + r.logu(24);
  int failures_before = aionode_test::failures();

  for (int op = 0; op < ops; op++) {
    const uint64_t what = r.below(100);
    if (what < 55) {
      uint32_t id = static_cast<uint32_t>(r.below(id_range));
      if (r.below(200) == 0) id = static_cast<uint32_t>(r.below(1u << 17));  // growth
      // Re-scheduling a pending id cancels it, so runs without cancels skip those.
      if (!cancels && m.key.count(id) != 0) continue;
      uint64_t d;
      switch (deadline_mode) {
        case 0: d = clock + r.below(300); break;
        case 1: d = clock + r.below(1u << 24); break;
        case 2: d = r.below(4) == 0 ? pool[r.below(8)] : clock + r.logu(40); break;
        case 3: d = r.below(10) == 0 ? r.logu(64) : clock + r.logu(53); break;  // clamps too
        default: d = r.below(3) == 0 ? clock - (clock > 0 ? r.below(clock) : 0) : clock + r.logu(30);
      }
      CHECK(w.schedule(id, d));
      m.schedule(id, d);
    } else if (what < 75) {
      if (!cancels) continue;
      uint32_t id = static_cast<uint32_t>(r.below(id_range + 10));
      if (r.below(2) == 0 && !m.key.empty()) {
        // Cancel a pending one: walk a few from the earliest.
        auto it = m.q.begin();
        for (uint64_t k = r.below(m.q.size() < 8 ? m.q.size() : 8); k > 0; k--) ++it;
        id = static_cast<uint32_t>(it->second);
      }
      w.cancel(id);
      m.cancel(id);
    } else if (what < 78) {
      // Time passes without an advance: sync_time moves an empty wheel, else changes nothing.
      const uint64_t before = w.now();
      const uint64_t t = clock + r.logu(30);
      w.sync_time(t);
      if (m.q.empty()) {
        CHECK_EQ(w.now(), t > before ? (t > kMax ? kMax : t) : before);
        if (t > clock) clock = t > kMax ? kMax : t;
      } else {
        CHECK_EQ(w.now(), before);
      }
    } else {
      uint64_t now;
      const uint64_t how = r.below(10);
      if (how == 0) {
        now = clock > 0 ? clock - r.below(clock) : 0;  // backwards: the wheel stays
      } else {
        const int64_t nd = w.next_deadline();
        if (how <= 2 && nd >= 0) now = static_cast<uint64_t>(nd) - (how == 1 && nd > 0 ? 1 : 0);
        else if (deadline_mode == 0) now = clock + r.below(200);
        else now = clock + r.logu(deadline_mode == 3 ? 53 : 30);
        if (deadline_mode == 3 && r.below(300) == 0) now = UINT64_MAX;
        if (now > clock) clock = now > kMax ? kMax : now;
      }
      const uint64_t mx = r.below(6);
      const uint32_t max = mx == 0 ? 0 : mx == 1 ? 1 : mx == 2 ? 3 : mx == 3 ? 17 : kBig;
      const uint64_t before = w.now();
      uint64_t target = now > kMax ? kMax : now;
      if (target < before) target = before;
      Ids got = fire(w, now, max);
      Ids want = m.advance(target, max);
      if (!CHECK(got == want)) {
        std::fprintf(stderr, "  seed %llu op %d: advance(%llu, %u) fired %zu, model %zu\n",
                     static_cast<unsigned long long>(seed), op, static_cast<unsigned long long>(now),
                     max, got.size(), want.size());
        return 1;
      }
      CHECK(w.now() <= target);
    }
    // Invariants after every operation.
    CHECK_EQ(w.size(), static_cast<uint32_t>(m.q.size()));
    const int64_t nd = w.next_deadline();
    if (m.q.empty()) {
      CHECK_EQ(nd, -1);
    } else {
      const int64_t min = static_cast<int64_t>(m.q.begin()->first.first);
      CHECK(nd >= 0 && nd <= min);
      if (!cancels) CHECK_EQ(nd, min);
    }
    const uint32_t probe = static_cast<uint32_t>(r.below(id_range));
    auto it = m.key.find(probe);
    CHECK_EQ(w.deadline_of(probe), it == m.key.end() ? -1 : static_cast<int64_t>(it->second.first));
    if (aionode_test::failures() != failures_before) {
      std::fprintf(stderr, "  seed %llu op %d\n", static_cast<unsigned long long>(seed), op);
      return 1;
    }
  }
  // Everything left fires in model order.
  Ids got = drain(w);
  Ids want = m.advance(kMax, 1u << 30);
  CHECK(got == want);
  CHECK_EQ(w.size(), 0u);
  return aionode_test::failures() != failures_before;
}

}  // namespace

int main(int argc, char** argv) {
  int seeds = 400;
  int ops = 3000;
  if (argc > 1) seeds = std::atoi(argv[1]);
  if (argc > 2) ops = std::atoi(argv[2]);
  test_empty();
  test_from_double();
  test_equal_deadlines_in_order();
  test_never_early();
  test_next_deadline();
  test_cancel();
  test_reschedule_pending();
  test_due_list();
  test_bounded_advance();
  test_far_deadlines();
  test_clear();
  test_sync_time();
  test_growth();
  int bad_seeds = 0;
  for (int s = 0; s < seeds; s++) bad_seeds += random_run(static_cast<uint64_t>(s), ops);
  if (bad_seeds != 0) std::fprintf(stderr, "%d random seeds failed\n", bad_seeds);
  std::printf("wheel: %d random seeds x %d ops, sizeof(TimerWheel) = %zu, %zu bytes per id\n",
              seeds, ops, sizeof(TimerWheel), TimerWheel::kBytesPerId);
  return aionode_test::report("wheel_test", 13 + seeds);
}
