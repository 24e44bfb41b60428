import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// A token-bucket rate limiter driven by loop.time(): tokens accrue at `rate` per second up to
// `capacity`; tryAcquire(n) takes n tokens or refuses with a retry-after; acquire(n) waits in
// FIFO order behind a Lock, sleeping exactly the deficit each time. Checked: a burst against a
// full bucket, the cap on accrual, bad arguments (n above capacity, negative n, a zero or
// negative rate: ValueError, and the bucket keeps working), waiters granted one per 0.2 s in
// arrival order, a waiter cancelled while queued and one cancelled while it holds the line
// (sleeping inside the lock: the next waiter takes over), a waitFor timeout around acquire() (no
// tokens lost), weighted requests, and a rate-limited client pool whose report counts granted and
// refused calls. Times are printed as whole 0.2 s slots counted from the bucket's last refill
// (rounded down, 20 ms of slack for an early clock read), never raw, and every checkpoint is 100
// ms or more before a token boundary.
class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const log = [];
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}

class Bucket {
  constructor(rate, capacity) {
    if (rate <= 0) throw new ValueError(`rate must be > 0, got ${repr(rate)}`);
    if (capacity < 1) throw new ValueError(`capacity must be >= 1, got ${repr(capacity)}`);
    this.loop = aio.getRunningLoop();
    this.rate = rate;
    this.capacity = capacity;
    this.tokens = capacity;
    this.last = this.loop.time();
    this.lock = new aio.Lock();
    this.granted = 0;
    this.refused = 0;
  }

  refill() {
    const now = this.loop.time();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.rate);
    this.last = now;
  }

  check(n) {
    if (n < 0) throw new ValueError(`negative token count ${repr(n)}`);
    if (n > this.capacity) throw new ValueError(`${repr(n)} tokens exceed capacity ${repr(this.capacity)}`);
  }

  tryAcquire(n = 1) {
    this.check(n);
    this.refill();
    if (this.tokens >= n) {
      this.tokens -= n;
      this.granted += 1;
      return [true, 0.0];
    }
    this.refused += 1;
    return [false, (n - this.tokens) / this.rate];
  }

  level() {
    this.refill();
    return Math.trunc(this.tokens);
  }

  acquire(who, n = 1) {
    const self = this;
    return aio.coroutine(function* () {
      self.check(n);
      yield* self.lock.with(function* () {
        log.push(`${who} holds the line`);
        while (true) {
          self.refill();
          if (self.tokens >= n) {
            self.tokens -= n;
            self.granted += 1;
            return;
          }
          yield* aio.sleep((n - self.tokens) / self.rate);
        }
      });
    })();
  }
}

const slot = (t0) => Math.floor((aio.getRunningLoop().time() - t0 + 0.02) / 0.2);

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  print("-- bad buckets");
  for (const args of [[0, 3], [-2.5, 3], [5, 0], [5, 0.5]]) {
    try {
      new Bucket(...args);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(`Bucket${repr(tuple(...args))} -> ${repr(e)}`);
    }
  }

  const b = new Bucket(5, 3);
  print("-- a burst against a full bucket (capacity 3, 5 tokens/s)");
  for (let i = 0; i < 5; i++) {
    const [ok, retry] = b.tryAcquire();
    print("request", i, ok ? "granted" : `refused, retry after ${(Math.ceil(retry * 5) / 5).toFixed(1)} s`);
  }
  print("level", b.level(), "granted", b.granted, "refused", b.refused);
  for (const n of [4, -1, 3.5]) {
    try {
      b.tryAcquire(n);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(`try_acquire(${repr(n)}) -> ${repr(e)}`);
    }
  }
  print("try_acquire(0) ->", b.tryAcquire(0)[0], "level", b.level());

  print("-- accrual: 0.41 s gives 2 tokens, 0.6 s more is capped at 3");
  yield* aio.sleep(0.41);
  print("level after 0.41 s", b.level());
  yield* aio.sleep(0.6);
  print("level after 1.01 s", b.level(), "tokens", b.tokens);
  print("weighted: take 3 ->", b.tryAcquire(3)[0], "take 1 ->", b.tryAcquire(1)[0],
    "level", b.level());

  print("-- five waiters on an empty bucket, granted one per 0.2 s in order");
  let t0 = b.last;
  const grants = [];

  const waiter = aio.coroutine(function* (who, n = 1) {
    try {
      yield* b.acquire(who, n);
    } catch (e) {
      if (e instanceof aio.CancelledError) log.push(`${who} cancelled ${repr(str(e))}`);
      throw e;
    }
    grants.push(tuple(who, slot(t0)));
    log.push(`${who} granted ${n} at slot ${slot(t0)}`);
    return who;
  });

  const ws = [0, 1, 2, 3, 4].map((i) => aio.createTask(waiter(`w${i}`), { name: `w${i}` }));
  yield* aio.sleep(0);
  flush("queued");
  print("lock", b.lock.locked() ? "locked" : "free");
  ws[3].cancel("w3 hung up");
  yield* aio.sleep(0.05);
  flush("0.05 s");
  print("cancel the head of the line (w0, sleeping inside the lock) ->", ws[0].cancel("w0 gone"));
  yield* aio.sleep(0);
  flush("w0 cancelled");
  const res = yield* aio.gather(...ws, { returnExceptions: true });
  flush("drained");
  print("results", res.map((r) => (typeof r === "string" ? r : r.name)));
  print("grants", grants, "level", b.level());

  print("-- wait_for around acquire: the timeout leaves the tokens and the lock alone");
  yield* aio.sleep(0.1);
  try {
    yield* aio.waitFor(b.acquire("big", 3), 0.2);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print(`big: TimeoutError ${repr(str(e))}, lock ${b.lock.locked() ? "locked" : "free"}`);
  }
  flush("timeout");
  t0 = loop.time();
  yield* b.acquire("small", 1);
  print("small granted at slot", slot(t0), "level", b.level());
  flush("after");

  print("-- a client pool: 3 clients x 3 calls, try first, wait when refused");
  yield* aio.sleep(0.7);
  print("level", b.level());
  t0 = b.last;

  const client = aio.coroutine(function* (c) {
    const out = [];
    for (let k = 0; k < 3; k++) {
      const [ok] = b.tryAcquire();
      if (ok) {
        out.push(`${k}:now@${slot(t0)}`);
      } else {
        yield* b.acquire(`c${c}.${k}`);
        out.push(`${k}:waited@${slot(t0)}`);
      }
      yield* aio.sleep(0);
    }
    return `c${c} ${out.join(" ")}`;
  });

  for (const line of yield* aio.gather(...[0, 1, 2].map((c) => client(c)))) print(" ", line);
  flush("pool");
  print("granted", b.granted, "refused", b.refused, "level", b.level());
  print("loop still fine:", yield* aio.sleep(0, "yes"));
});
