import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Mixed twin of adv10r_conn_pool.mjs: the users, the hogs and connect() are
// async functions, the pool's other coroutines generators.

// A connection pool of at most `size` connections, created lazily by an async connect (a few
// sleep(0) ticks; the second connect attempt fails with OSError and frees its slot). Callers
// acquire through waitFor(free.get(), timeout) when nothing is free and the pool is full; use()
// releases on the way out and discards a connection whose body raised ConnectionError (a
// replacement is connected for whoever waits); connections are recycled after 3 uses. Checked:
// FIFO hand-over to waiters, a waiter cancelled in the iteration after a release woke it (the
// connection passes to the next waiter, none is lost), acquire timeouts (0.15 s and 0.45 s),
// 3.11's wait_for(get, 0) that times out even with a connection free (the get never runs and the
// connection stays in the pool), a timeout that is not a number (TypeError), and close(): waiters
// get PoolClosed, connections in use are closed on release, later acquires fail at once. Stats
// after each phase.
class OSError extends Error { constructor(m) { super(m ?? ""); this.name = "OSError"; } }
class ConnectionError extends OSError { constructor(m) { super(m ?? ""); this.name = "ConnectionError"; } }
class PoolClosed extends Error { constructor(m) { super(m ?? ""); this.name = "PoolClosed"; } }
const log = [];
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}

class Conn {
  constructor(n) {
    this.n = n;
    this.uses = 0;
    this.open = true;
  }

  toString() {
    return `<conn${this.n} uses=${this.uses}${this.open ? "" : " closed"}>`;
  }
}

class Pool {
  constructor(size, maxUses = 3) {
    this.size = size;
    this.maxUses = maxUses;
    this.free = new aio.Queue();
    this.created = 0;
    this.opened = 0;
    this.closedConns = 0;
    this.waiting = 0;
    this.closed = false;
    this.connects = 0;
  }

  connect(who) {
    const self = this;
    return aio.coroutine(async function () {
      self.connects += 1;
      const attempt = self.connects;
      self.created += 1;
      log.push(`${who} connects (attempt ${attempt})`);
      try {
        for (let i = 0; i < 2; i++) await aio.sleep(0);
        if (attempt === 2) throw new OSError(`connect refused (attempt ${attempt})`);
      } catch (e) {
        self.created -= 1;
        throw e;
      }
      self.opened += 1;
      return new Conn(self.opened);
    })();
  }

  acquire(who, timeout = null) {
    const self = this;
    return aio.coroutine(function* () {
      if (self.closed) throw new PoolClosed("pool is closed");
      if (self.free.empty() && self.created < self.size) return yield* self.connect(who);
      self.waiting += 1;
      let conn;
      try {
        conn = yield* aio.waitFor(self.free.get(), timeout);
      } finally {
        self.waiting -= 1;
      }
      if (conn === null) throw new PoolClosed(`pool closed while ${who} waited`);
      return conn;
    })();
  }

  close_(conn, why) {
    conn.open = false;
    this.created -= 1;
    this.closedConns += 1;
    log.push(`close ${repr(conn)} (${why})`);
  }

  release(conn, broken = false) {
    if (this.closed) {
      this.close_(conn, "pool closed");
    } else if (broken) {
      this.close_(conn, "broken");
      if (this.waiting) aio.createTask(this.replace());
    } else if (conn.uses >= this.maxUses) {
      this.close_(conn, "recycled");
      if (this.waiting) aio.createTask(this.replace());
    } else {
      this.free.putNowait(conn);
    }
  }

  replace() {
    const self = this;
    return aio.coroutine(function* () {
      let conn;
      try {
        conn = yield* self.connect("replacer");
      } catch (e) {
        if (!(e instanceof OSError)) throw e;
        log.push(`replacer failed: ${repr(e)}`);
        return;
      }
      self.free.putNowait(conn);
    })();
  }

  use(who, ticks, fail = false, timeout = null) {
    const self = this;
    return aio.coroutine(function* () {
      const conn = yield* self.acquire(who, timeout);
      conn.uses += 1;
      log.push(`${who} got ${repr(conn)}`);
      let broken = false;
      try {
        for (let i = 0; i < ticks; i++) yield* aio.sleep(0);
        if (fail) throw new ConnectionError(`${who}: connection dropped`);
        return `${who} used conn${conn.n}`;
      } catch (e) {
        if (e instanceof ConnectionError) broken = true;
        throw e;
      } finally {
        self.release(conn, broken);
      }
    })();
  }

  close() {
    this.closed = true;
    let n = 0;
    while (!this.free.empty()) this.close_(this.free.getNowait(), "idle at close");
    for (let i = 0; i < this.waiting; i++) {
      this.free.putNowait(null);
      n += 1;
    }
    return n;
  }

  stats() {
    return `created=${this.created} opened=${this.opened} closed=${this.closedConns} free=${this.free.qsize()} waiting=${this.waiting}`;
  }
}

function peek(q) {
  const items = [];
  const n = q.qsize();
  for (let i = 0; i < n; i++) items.push(q.getNowait());
  for (const x of items) q.putNowait(x);
  return items;
}

function outcome(x) {
  if (x instanceof Error) return `${x.name}(${repr(str(x))})`;
  return repr(x);
}

await aio.run(function* () {
  const pool = new Pool(2);

  const user = aio.coroutine(async function (who, ticks, fail = false, timeout = null) {
    let r;
    try {
      r = await pool.use(who, ticks, fail, timeout);
    } catch (e) {
      if (e instanceof aio.CancelledError) log.push(`${who} cancelled ${repr(str(e))}`);
      else if (e instanceof OSError || e instanceof aio.TimeoutError || e instanceof PoolClosed) log.push(`${who} <- ${outcome(e)}`);
      throw e;
    }
    log.push(`${who} done`);
    return r;
  });

  print("-- five users on a pool of two; the second connect fails");
  let res = yield* aio.gather(...[0, 1, 2, 3, 4].map((i) => user(`u${i}`, 2)), { returnExceptions: true });
  flush("round 1");
  print(res.map(outcome));
  print("stats", pool.stats(), "free", peek(pool.free));

  print("-- recycling after 3 uses; a broken connection replaced for a waiter");
  res = yield* aio.gather(user("v0", 1), user("v1", 3, true), user("v2", 1),
    user("v3", 1), user("v4", 0), { returnExceptions: true });
  flush("round 2");
  print(res.map(outcome));
  print("stats", pool.stats());

  print("-- a waiter cancelled in the iteration after a release woke it");
  let holders = [0, 1].map((i) => aio.createTask(user(`h${i}`, 4)));
  yield* aio.sleep(0);
  const waiters = [0, 1, 2].map((i) => aio.createTask(user(`x${i}`, 1)));
  for (let i = 0; i < 12; i++) {
    yield* aio.sleep(0);
    if (holders.some((h) => h.done()) && !waiters[0].done()) {
      print("tick", i, "holder done; cancel x0 ->", waiters[0].cancel("x0 gave up"));
      break;
    }
  }
  res = yield* aio.gather(...holders, ...waiters, { returnExceptions: true });
  flush("hand-over");
  print(res.map(outcome));
  print("stats", pool.stats());

  print("-- acquire timeouts");
  const hog = aio.coroutine(async function (who, until) {
    const conn = await pool.acquire(who);
    log.push(`${who} holds ${repr(conn)}`);
    try {
      await until.wait();
    } finally {
      pool.release(conn);
    }
  });

  const release = new aio.Event();
  const hogs = [0, 1].map((i) => aio.createTask(hog(`hog${i}`, release)));
  for (let i = 0; i < 5; i++) yield* aio.sleep(0);
  res = yield* aio.gather(user("t1", 0, false, 0.15), user("t2", 0, false, 0.45),
    user("t3", 0, false, 0), user("t4", 0, false, -1), { returnExceptions: true });
  flush("timeouts");
  print(res.map(outcome));
  print("stats", pool.stats());
  release.set();
  yield* aio.gather(...hogs);
  print("free now", pool.free.qsize());
  try {
    yield* user("t5", 0, false, 0);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
  }
  flush("timeout 0 with a free connection");
  print("stats", pool.stats());
  try {
    yield* pool.acquire("bad", "soon");
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("timeout 'soon' -> TypeError");
  }
  print("stats", pool.stats());

  print("-- close with waiters and a connection in use");
  const long = [0, 1].map((i) => aio.createTask(user(`L${i}`, 6)));
  yield* aio.sleep(0);
  const late = [0, 1].map((i) => aio.createTask(user(`W${i}`, 0)));
  for (let i = 0; i < 3; i++) yield* aio.sleep(0);
  print("close -> woke", pool.close(), "stats", pool.stats());
  res = yield* aio.gather(...long, ...late, { returnExceptions: true });
  try {
    yield* user("after", 0);
  } catch (e) {
    if (!(e instanceof PoolClosed)) throw e;
  }
  flush("closed");
  print(res.map(outcome));
  print("stats", pool.stats());
  print("loop still fine:", yield* aio.sleep(0, "yes"));
});
