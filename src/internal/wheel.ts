/*
 * HOW and WHY: the timer wheel of the pure-JS backend (DESIGN.md rule 3).
 *
 * The loop's timers (callLater / callAt / timeouts) live here as plain integers: an id and a
 * deadline in ticks (1 tick = 1 µs since the loop's origin). Callbacks and TimerHandles stay in
 * the loop, which maps ids to handles. The native core implements the same structure in C++,
 * so the constants below are shared with it.
 *
 * WHY a wheel and not a heap: asyncio programs create and cancel timeouts all the time, and most
 * never fire. A heap pays O(log n) per insert and either O(log n) per removal or lazy deletion
 * (CPython keeps cancelled timers in its heap and rebuilds it when half are dead). A hierarchical
 * wheel, as in tokio's time driver and the Linux kernel, inserts and cancels in O(1) and frees a
 * cancelled entry at once; the price is "cascading" entries down a level as time approaches them.
 *
 * HOW it is laid out:
 *
 *   level 8  [ 0 | 1 | 2 | ... | 63 ]   one slot = 2^48 µs (8.9 years)   bitmap: occ[16], occ[17]
 *     ...
 *   level 2  [ 0 | 1 | 2 | ... | 63 ]   one slot = 2^12 µs (4.096 ms)    bitmap: occ[4],  occ[5]
 *   level 1  [ 0 | 1 | 2 | ... | 63 ]   one slot = 2^6 µs  (64 µs)       bitmap: occ[2],  occ[3]
 *   level 0  [ 0 | 1 | 2 | ... | 63 ]   one slot = 1 µs                  bitmap: occ[0],  occ[1]
 *                  |
 *                  +--> head ⇄ entry ⇄ entry ⇄ tail     (intrusive doubly linked list of ids)
 *   due list       head ⇄ entry ⇄ ... ⇄ tail             (expired, not yet returned by advance)
 *
 *   entry `id` = an index into parallel typed arrays (no object per timer):
 *     deadline: Float64Array   next, prev: Int32Array   where (list index): Uint16Array
 *     state: Uint8Array (FREE / WHEELED / DUE)          free ids are chained through `next`
 *
 * A deadline D > elapsed (the wheel's time) is filed at the level of the highest bit in which D
 * and `elapsed` differ, divided by 6 (tokio's level_for), in slot "digit number `level` of D in
 * base 64". So a level-k entry shares every base-64 digit above k with `elapsed` and has a larger
 * digit k. Consequences, which the code relies on:
 *  - Every occupied slot lies ahead of `elapsed`: there is no wrap-around, and the next slot of a
 *    level is simply its lowest set bitmap bit (count trailing zeros), no rotation needed.
 *  - Every entry at level k is earlier than every entry at a level above k, so the earliest
 *    deadline is in the lowest set slot of the lowest non-empty level (one more bitmask, `levelMask`,
 *    finds that level with one count-trailing-zeros).
 *  - Nine levels of 6 bits reach 2^54 > 2^53, so every safe-integer tick has a place. Eight
 *    levels already cover 8.9 years; the ninth is only touched by deadlines beyond that, and it
 *    removes the overflow / re-filing special case that a wrapping top level needs.
 *  - Ticks exceed 2^32 and JS bitwise operators are 32-bit, so a tick is split into lo/hi u32
 *    halves (lo = t >>> 0, hi = (t - lo) / 2^32, both exact below 2^53) before any bit twiddling.
 *
 * advance(now, out) processes slots earliest first, like tokio's process_expiration: it takes the
 * whole list of the earliest slot, moves `elapsed` to that slot's time, returns the entries whose
 * deadline has come and re-files ("cascades") the others, which land on lower levels, until the
 * next slot starts after `now`. Each slot also remembers the smallest deadline ever filed in it
 * since it was last empty (`slotMin`), so a slot is processed at its earliest deadline rather
 * than at its start: a lone timer fires without cascading, and nextDeadline() is exact unless
 * the slot's earliest timer was cancelled (then it is a lower bound, never later than the truth).
 *
 * WHY timers never fire early: deadlines are integer ticks (rounded up if not), and an entry is
 * returned only when its own deadline is <= the time being processed.
 *
 * WHY equal deadlines come out in scheduling order without a sequence number: the filing rule is
 * a function of (elapsed, deadline) only, and it stays true for every entry as `elapsed` moves
 * (advance only moves time within the earliest slot or up to the start of one), so all pending
 * entries with the same deadline are in one list at any moment. Lists are appended to, in
 * schedule() order, and a cascade moves a whole list, in order, into slots that are empty (all
 * lower levels are empty when a slot is processed). So a list holds equal deadlines in scheduling
 * order, and slots are processed in deadline order. The randomized test checks this against a
 * model sorted by (deadline, sequence).
 *
 * The due list holds entries that have expired but did not fit in `out` (advance is bounded, as
 * ratas's max_execute) and entries scheduled with a deadline <= elapsed. It is kept sorted by
 * deadline, equal deadlines in scheduling order: expired entries are appended in order, and a
 * late schedule() is inserted after the due entries whose deadline is <= its own, walking from the
 * tail (O(1) when the deadline is not below every due deadline, the usual case).
 *
 * Hot path rules: no closures, no allocation per operation (arrays grow by doubling), every field
 * set in the constructor, small monomorphic methods.
 */

/** Bits per level and slots per level. */
export const LEVEL_BITS = 6;
export const SLOTS_PER_LEVEL = 64;
/** Number of levels: 9 × 6 bits = 54 bits, covering every safe-integer tick. */
export const NUM_LEVELS = 9;
/** The largest deadline (and time) the wheel accepts; larger values are clamped to it. */
export const MAX_TICK = Number.MAX_SAFE_INTEGER;

const WHEEL_SLOTS = NUM_LEVELS * SLOTS_PER_LEVEL; // 576 slot lists
const DUE = WHEEL_SLOTS; // list index of the due list (heads[DUE], tails[DUE])
const TWO32 = 4294967296;

// Entry states.
const FREE = 0;
const WHEELED = 1;
const DUE_STATE = 2;

/** floor(bit / 6) for bit 0..63: the level of a highest differing bit. */
const LEVEL_OF_BIT = new Uint8Array(64);
/** 64^k: the span of one slot at level k. */
const SLOT_SPAN = new Float64Array(NUM_LEVELS);
/** 64^(k+1): the span of all of level k, and its inverse (exact, powers of two). */
const LEVEL_SPAN = new Float64Array(NUM_LEVELS);
const INV_LEVEL_SPAN = new Float64Array(NUM_LEVELS);
for (let b = 0; b < 64; b++) LEVEL_OF_BIT[b] = (b / LEVEL_BITS) | 0;
for (let k = 0; k < NUM_LEVELS; k++) {
  SLOT_SPAN[k] = 2 ** (LEVEL_BITS * k);
  LEVEL_SPAN[k] = 2 ** (LEVEL_BITS * (k + 1));
  INV_LEVEL_SPAN[k] = 2 ** -(LEVEL_BITS * (k + 1));
}

export class TimerWheel {
  // The wheel's time, and its lo/hi u32 halves for bit arithmetic.
  private elapsed = 0;
  private eLo = 0;
  private eHi = 0;
  private count = 0;
  private cap: number;
  private freeHead = -1;

  // Entries (indexed by id).
  private deadline: Float64Array;
  private next: Int32Array;
  private prev: Int32Array;
  private where: Uint16Array;
  private state: Uint8Array;

  // Lists (indexed by level * 64 + slot; index DUE is the due list).
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;
  private readonly slotMin: Float64Array;
  // Occupancy bitmaps: occ[2k] holds slots 0..31 of level k, occ[2k+1] slots 32..63.
  private readonly occ: Int32Array;
  // Bit k set iff level k has an occupied slot.
  private levelMask = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, Math.ceil(Number(initialCapacity)) || 0);
    this.cap = cap;
    this.deadline = new Float64Array(cap);
    this.next = new Int32Array(cap);
    this.prev = new Int32Array(cap);
    this.where = new Uint16Array(cap);
    this.state = new Uint8Array(cap);
    this.heads = new Int32Array(WHEEL_SLOTS + 1).fill(-1);
    this.tails = new Int32Array(WHEEL_SLOTS + 1).fill(-1);
    this.slotMin = new Float64Array(WHEEL_SLOTS).fill(Infinity);
    this.occ = new Int32Array(NUM_LEVELS * 2);
    this.chainFree(0, cap);
  }

  /** The wheel's current time in ticks. */
  get now(): number {
    return this.elapsed;
  }

  /** Number of pending timers. */
  get size(): number {
    return this.count;
  }

  /** Number of entries the typed arrays hold (grows by doubling, never shrinks). */
  get capacity(): number {
    return this.cap;
  }

  schedule(deadline: number): number {
    let d = deadline;
    if (!(d >= 0 && d <= MAX_TICK && Math.floor(d) === d)) d = sanitize(d);
    let id = this.freeHead;
    if (id === -1) {
      this.grow();
      id = this.freeHead;
    }
    this.freeHead = this.next[id];
    this.deadline[id] = d;
    this.count++;
    if (d > this.elapsed) this.file(id, d);
    else this.insertDue(id, d);
    return id;
  }

  cancel(id: number): void {
    const s = this.state[id];
    if (s !== WHEELED && s !== DUE_STATE) return; // free, out of range, or not an integer
    const list = this.where[id];
    const p = this.prev[id];
    const n = this.next[id];
    const heads = this.heads;
    if (p === -1) heads[list] = n;
    else this.next[p] = n;
    if (n === -1) this.tails[list] = p;
    else this.prev[n] = p;
    if (heads[list] === -1 && list !== DUE) this.slotEmptied(list);
    this.release(id);
  }

  /**
   * With no timer pending, move the wheel's time forward to `now` (earlier means stay); otherwise
   * do nothing. Timers scheduled next are then filed relative to the present: after an idle
   * spell, a burst of new timers lands on the low levels instead of all in one far slot that the
   * next advance() would have to cascade whole.
   */
  syncTime(now: number): void {
    if (this.count !== 0) return;
    const t = Math.floor(now);
    // setElapsed, not a bare store: file() works on the lo/hi halves, and halves left at the old
    // time would file the next burst against that time, on a high level, all of it to be
    // cascaded by the next advance.
    if (t > this.elapsed) this.setElapsed(t > MAX_TICK ? MAX_TICK : t);
  }

  advance(now: number, out: Int32Array): number {
    let target = Math.floor(now);
    if (!(target > this.elapsed)) target = this.elapsed; // earlier, or NaN: stay
    else if (target > MAX_TICK) target = MAX_TICK;
    const cap = out.length;
    const heads = this.heads;
    const next = this.next;
    const deadline = this.deadline;
    let n = 0;

    // 1. Entries left over from the last call, and late schedules: all due, already in order.
    let id = heads[DUE];
    if (id !== -1) {
      while (id !== -1 && n < cap) {
        const nx = next[id];
        out[n++] = id;
        this.release(id);
        id = nx;
      }
      heads[DUE] = id;
      if (id === -1) this.tails[DUE] = -1;
      else {
        this.prev[id] = -1;
        return n;
      }
    }

    // 2. Slots, earliest first, while one starts at or before the target.
    const occ = this.occ;
    for (;;) {
      if (n === cap) return n;
      const lm = this.levelMask;
      if (lm === 0) break;
      const k = 31 - Math.clz32(lm & -lm);
      const lo = occ[2 * k];
      let s: number;
      if (lo !== 0) s = 31 - Math.clz32(lo & -lo);
      else {
        const hi = occ[2 * k + 1];
        s = 63 - Math.clz32(hi & -hi);
      }
      const start = Math.floor(this.elapsed * INV_LEVEL_SPAN[k]) * LEVEL_SPAN[k] + s * SLOT_SPAN[k];
      if (start > target) break;

      // Take the whole slot and move time to its earliest deadline (or to the target, if that
      // comes first: the slot must still be emptied, since time now lies inside its span).
      const list = (k << 6) | s;
      const min = this.slotMin[list];
      const t = min < target ? min : target;
      id = heads[list];
      heads[list] = -1;
      this.tails[list] = -1;
      this.slotEmptied(list);
      this.setElapsed(t);
      while (id !== -1) {
        const nx = next[id];
        const d = deadline[id];
        if (d > t) this.file(id, d); // cascade: lands on a lower level
        else if (n < cap) {
          out[n++] = id;
          this.release(id);
        } else this.appendDue(id);
        id = nx;
      }
    }
    this.setElapsed(target);
    return n;
  }

  nextDeadline(): number {
    const h = this.heads[DUE];
    if (h !== -1) return this.deadline[h];
    const lm = this.levelMask;
    if (lm === 0) return -1;
    const k = 31 - Math.clz32(lm & -lm);
    const lo = this.occ[2 * k];
    let s: number;
    if (lo !== 0) s = 31 - Math.clz32(lo & -lo);
    else {
      const hi = this.occ[2 * k + 1];
      s = 63 - Math.clz32(hi & -hi);
    }
    return this.slotMin[(k << 6) | s];
  }

  /** The deadline of a pending id, or -1 if the id is not pending. */
  deadlineOf(id: number): number {
    const s = this.state[id];
    return s === WHEELED || s === DUE_STATE ? this.deadline[id] : -1;
  }

  clear(): void {
    this.heads.fill(-1);
    this.tails.fill(-1);
    this.slotMin.fill(Infinity);
    this.occ.fill(0);
    this.levelMask = 0;
    this.state.fill(FREE);
    this.count = 0;
    this.freeHead = -1;
    this.chainFree(0, this.cap);
  }

  // --- internals -------------------------------------------------------------------------------

  /** File a wheeled entry with deadline d > elapsed at level_for(elapsed, d), appending. */
  private file(id: number, d: number): void {
    const lo = d >>> 0;
    const hi = (d - lo) / TWO32;
    const xh = hi ^ this.eHi;
    const level = xh !== 0 ? LEVEL_OF_BIT[63 - Math.clz32(xh)] : LEVEL_OF_BIT[31 - Math.clz32((lo ^ this.eLo) | 63)];
    let slot: number;
    if (level < 5) slot = (lo >>> (level * LEVEL_BITS)) & 63;
    else if (level === 5) slot = ((lo >>> 30) | (hi << 2)) & 63;
    else slot = (hi >>> (level * LEVEL_BITS - 32)) & 63;
    const list = (level << 6) | slot;

    const tail = this.tails[list];
    this.prev[id] = tail;
    this.next[id] = -1;
    if (tail === -1) {
      this.heads[list] = id;
      if (slot < 32) this.occ[2 * level] |= 1 << slot;
      else this.occ[2 * level + 1] |= 1 << (slot - 32);
      this.levelMask |= 1 << level;
    } else this.next[tail] = id;
    this.tails[list] = id;
    if (d < this.slotMin[list]) this.slotMin[list] = d;
    this.where[id] = list;
    this.state[id] = WHEELED;
  }

  /** Append an expired entry to the due list (its deadline is >= every due deadline). */
  private appendDue(id: number): void {
    const tail = this.tails[DUE];
    this.prev[id] = tail;
    this.next[id] = -1;
    if (tail === -1) this.heads[DUE] = id;
    else this.next[tail] = id;
    this.tails[DUE] = id;
    this.where[id] = DUE;
    this.state[id] = DUE_STATE;
  }

  /** Insert an entry with deadline d <= elapsed into the due list, after every due deadline <= d. */
  private insertDue(id: number, d: number): void {
    const deadline = this.deadline;
    let after = this.tails[DUE];
    while (after !== -1 && deadline[after] > d) after = this.prev[after];
    const before = after === -1 ? this.heads[DUE] : this.next[after];
    this.prev[id] = after;
    this.next[id] = before;
    if (after === -1) this.heads[DUE] = id;
    else this.next[after] = id;
    if (before === -1) this.tails[DUE] = id;
    else this.prev[before] = id;
    this.where[id] = DUE;
    this.state[id] = DUE_STATE;
  }

  /** A wheel slot's list became empty: clear its bitmap bit (and its level's) and its minimum. */
  private slotEmptied(list: number): void {
    const level = list >>> 6;
    const slot = list & 63;
    const occ = this.occ;
    if (slot < 32) occ[2 * level] &= ~(1 << slot);
    else occ[2 * level + 1] &= ~(1 << (slot - 32));
    if ((occ[2 * level] | occ[2 * level + 1]) === 0) this.levelMask &= ~(1 << level);
    this.slotMin[list] = Infinity;
  }

  /** Return an id to the free list. */
  private release(id: number): void {
    this.state[id] = FREE;
    this.next[id] = this.freeHead;
    this.freeHead = id;
    this.count--;
  }

  private setElapsed(t: number): void {
    this.elapsed = t;
    const lo = t >>> 0;
    this.eLo = lo;
    this.eHi = (t - lo) / TWO32;
  }

  /** Chain ids [from, to) onto the free list, lowest id first. */
  private chainFree(from: number, to: number): void {
    const next = this.next;
    let head = this.freeHead;
    for (let i = to - 1; i >= from; i--) {
      next[i] = head;
      head = i;
    }
    this.freeHead = head;
  }

  private grow(): void {
    const old = this.cap;
    const cap = old * 2;
    const deadline = new Float64Array(cap);
    const next = new Int32Array(cap);
    const prev = new Int32Array(cap);
    const where = new Uint16Array(cap);
    const state = new Uint8Array(cap);
    deadline.set(this.deadline);
    next.set(this.next);
    prev.set(this.prev);
    where.set(this.where);
    state.set(this.state);
    this.deadline = deadline;
    this.next = next;
    this.prev = prev;
    this.where = where;
    this.state = state;
    this.cap = cap;
    this.chainFree(old, cap);
  }
}

/** Make a deadline a tick: round up (never early), clamp to [0, MAX_TICK]; NaN counts as 0. */
function sanitize(d: number): number {
  if (!(d > 0)) return 0;
  if (d >= MAX_TICK) return MAX_TICK;
  return Math.ceil(d);
}
