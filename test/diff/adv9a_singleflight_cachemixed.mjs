import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Mixed twin of adv9a_singleflight_cache.mjs: loaders and callers are async functions, the
// cache's get() and main generators.

// A single-flight cache: concurrent lookups of one key share one in-flight fetch task; each
// caller awaits it through shield() so a caller that is cancelled or times out (waitFor) does
// not cancel the fetch for the others; a failed fetch reaches every waiter with the same
// exception object and is evicted so the next lookup retries; a fetch cancelled by invalidate()
// reaches its waiters as CancelledError; a done callback on the fetch task fills the cache (in
// the iteration after the fetch finishes, before the waiters resume). The trace shows who
// fetched, who waited, who got what, the cache's contents and fetch counts.
class LookupError extends Error { constructor(m) { super(m ?? ""); this.name = "LookupError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const log = [];
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}
const items = (m) => [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => tuple(k, v));

class Cache {
  constructor(loader) {
    this.loader = loader;
    this.values = new Map();
    this.inflight = new Map();
    this.fetches = new Map();
  }

  filled(key, task) {
    this.inflight.delete(key);
    if (task.cancelled()) log.push(`fill ${key}: cancelled`);
    else if (task.exception() !== null) log.push(`fill ${key}: evicted after ${repr(task.exception())}`);
    else {
      this.values.set(key, task.result());
      log.push(`fill ${key} = ${repr(task.result())}`);
    }
  }

  get(who, key, timeout = null) {
    const self = this;
    return aio.coroutine(function* () {
      if (self.values.has(key)) {
        log.push(`${who} hit ${key}`);
        return self.values.get(key);
      }
      let task = self.inflight.get(key);
      if (task === undefined) {
        self.fetches.set(key, (self.fetches.get(key) ?? 0) + 1);
        task = aio.createTask(self.loader(key, self.fetches.get(key)), { name: "fetch-" + key });
        task.addDoneCallback((t) => self.filled(key, t));
        self.inflight.set(key, task);
        log.push(`${who} starts fetch ${key}#${self.fetches.get(key)}`);
      } else {
        log.push(`${who} joins fetch ${key}`);
      }
      return yield* aio.waitFor(aio.shield(task), timeout);
    })();
  }

  invalidate(key) {
    this.values.delete(key);
    const t = this.inflight.get(key);
    return t ? t.cancel(`invalidated ${key}`) : null;
  }
}

const loader = aio.coroutine(async function (key, n) {
  const plan = { a: ["ok:2"], b: ["fail:1", "ok:1"], c: ["ok:30"], d: ["ok:3", "ok:1"], s: ["sleep", "ok:0"] }[key];
  const step = plan[Math.min(n, plan.length) - 1];
  log.push(`loader ${key}#${n} ${step}`);
  if (step === "sleep") {
    await aio.sleep(0.3);
    return `${key} slow`;
  }
  const [kind, ticks] = step.split(":");
  for (let i = 0; i < Number(ticks); i++) await aio.sleep(0);
  if (kind === "fail") throw new LookupError(`${key}#${n} unavailable`);
  return `${key.toUpperCase()}=${n}`;
});

await aio.run(function* () {
  const cache = new Cache(loader);
  const errors = new Map();

  const caller = aio.coroutine(async function (who, key, timeout = null) {
    try {
      const v = await cache.get(who, key, timeout);
      log.push(`${who} got ${repr(v)}`);
      return v;
    } catch (e) {
      if (e instanceof aio.TimeoutError) {
        log.push(`${who} timed out on ${key}`);
        return "timeout";
      }
      if (isCancel(e)) {
        log.push(`${who} cancelled ${repr(str(e))}`);
        throw e;
      }
      if (!(e instanceof LookupError)) throw e;
      if (!errors.has(key)) errors.set(key, []);
      errors.get(key).push(e);
      log.push(`${who} error ${repr(e)}`);
      return "error";
    }
  });

  {
    print("-- concurrent lookups share one fetch");
    const ts = [..."aabba"].map((k, i) => aio.createTask(caller(`u${i}`, k)));
    for (let tick = 1; tick < 8; tick++) {
      yield* aio.sleep(0);
      flush(`tick ${tick}`);
    }
    print("results", ts.map((t) => t.result()));
    const bErrs = errors.get("b") ?? [];
    print("b errors", bErrs.length, "same object", bErrs.length === 2 && bErrs[0] === bErrs[1]);
    print("again", yield* aio.gather(caller("v0", "a"), caller("v1", "b"), caller("v2", "b")));
    flush("retry");
    print("values", items(cache.values), "fetches", items(cache.fetches));
  }

  {
    print("-- a waiter cancelled and a waiter timing out leave the fetch alone");
    const w1 = aio.createTask(caller("x1", "s"));
    const w2 = aio.createTask(caller("x2", "s", 0.1));
    const w3 = aio.createTask(caller("x3", "s"));
    yield* aio.sleep(0);
    yield* aio.sleep(0);
    print("cancel x1 ->", w1.cancel("x1 left"));
    yield* aio.sleep(0.2);
    flush("0.2 s");
    print("fetch task", cache.inflight.get("s").getName(), "done", cache.inflight.get("s").done());
    yield* w3;
    flush("fetched");
    print("w1 cancelled", w1.cancelled(), "w2", w2.result(), "w3", w3.result());
  }

  {
    print("-- invalidate while a fetch is in flight");
    const ts = [0, 1, 2].map((i) => aio.createTask(caller(`y${i}`, "c")));
    yield* aio.sleep(0);
    yield* aio.sleep(0);
    print("invalidate c ->", cache.invalidate("c"), "again ->", cache.invalidate("c"));
    const res = yield* aio.gather(...ts, { returnExceptions: true });
    flush("invalidated");
    print("results", res.map((r) => (r instanceof Error ? r.name : r)));
    print("inflight", [...cache.inflight.keys()].sort(), "invalidate idle ->", cache.invalidate("zz"));
  }

  {
    print("-- a hit, an invalidated value, a refetch");
    print(yield* caller("z0", "d"), yield* caller("z1", "d"));
    flush("d twice");
    cache.invalidate("d");
    print(yield* caller("z2", "d"));
    flush("d refetched");
    print("values", items(cache.values), "fetches", items(cache.fetches));
  }
});
