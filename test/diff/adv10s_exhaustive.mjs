import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Exhaustive short scripts over a Lock, a Semaphore(0) and a Queue(1): every sequence of four
// operations from a small alphabet, run from the same starting state (two waiters already in
// line), then drained. Lock/Semaphore: "new" (another task queues), "rel" (main releases:
// RuntimeError on a free lock), "c0" / "cN" (cancel the oldest / newest task not done, with a
// message), "s" (one loop iteration), "wf0" (a task doing wait_for(acquire(), 0)), "sh" (a task
// doing shield(acquire())). Queue: "put"/"get" (put_nowait/get_nowait from main:
// QueueFull/QueueEmpty), "ng"/"np" (a new getter / putter task), "nsg" (a getter through
// shield()), "c0", "cN", "s". One line per script: the events in order (who got the
// lock/unit/item, who was cancelled, with what message), then the final state.
// Woken-then-cancelled waiters, hand-overs and barging newcomers all show up somewhere in the
// product.
const log = [];
const inners = []; // the tasks shield() protects, cancelled at the end of each script
const isCancel = (e) => e instanceof aio.CancelledError;

const locker = aio.coroutine(function* (p, name) {
  try {
    yield* p.acquire();
  } catch (e) {
    if (isCancel(e)) log.push(name + "x" + e.message);
    throw e;
  }
  log.push(name + "+");
  try {
    yield* aio.sleep(0);
  } finally {
    p.release();
    log.push(name + "-");
  }
  return name;
});

const wrapped = aio.coroutine(function* (p, name, how) {
  // wait_for(acquire(), 0) never runs the acquire; shield(acquire()) cancelled from outside
  // leaves the inner acquire to take the lock (or unit) for nobody
  try {
    if (how === "wf0") yield* aio.waitFor(p.acquire(), 0);
    else {
      const inner = aio.ensureFuture(p.acquire());
      inners.push(inner);
      yield* aio.shield(inner);
    }
  } catch (e) {
    if (isCancel(e)) log.push(name + "x" + e.message);
    else if (e instanceof aio.TimeoutError) {
      log.push(name + "T");
      return "T";
    }
    throw e;
  }
  log.push(name + "+");
  try {
    yield* aio.sleep(0);
  } finally {
    p.release();
    log.push(name + "-");
  }
  return name;
});

const getter = aio.coroutine(function* (q, name, shielded = false) {
  let v;
  try {
    if (shielded) {
      const inner = aio.ensureFuture(q.get());
      inners.push(inner);
      v = yield* aio.shield(inner);
    } else {
      v = yield* q.get();
    }
  } catch (e) {
    if (isCancel(e)) log.push(name + "x" + e.message);
    throw e;
  }
  log.push(name + "<" + v);
  return v;
});

const putter = aio.coroutine(function* (q, name) {
  try {
    yield* q.put(name);
  } catch (e) {
    if (isCancel(e)) log.push(name + "x" + e.message);
    throw e;
  }
  log.push(name + ">");
  return name;
});

const pending = (ts) => ts.filter((t) => !t.done());
const flags = (ts) => ts.map((t) => (t.cancelled() ? "C" : t.done() ? "d" : "P")).join("");

function* product(alphabet, n) {
  if (n === 0) {
    yield [];
    return;
  }
  for (const a of alphabet) for (const rest of product(alphabet, n - 1)) yield [a, ...rest];
}

const runLock = aio.coroutine(function* (kind, seq) {
  log.length = 0;
  let p;
  if (kind === "lock") {
    p = new aio.Lock();
    yield* p.acquire();
  } else {
    p = new aio.Semaphore(0);
  }
  const ts = [];
  let n = 0;
  const add = () => {
    ts.push(aio.createTask(locker(p, `t${n}`)));
    n += 1;
  };
  add();
  add();
  yield* aio.sleep(0);
  for (let i = 0; i < seq.length; i++) {
    const op = seq[i];
    if (op === "new") add();
    else if (op === "wf0" || op === "sh") {
      ts.push(aio.createTask(wrapped(p, `t${n}`, op)));
      n += 1;
    } else if (op === "rel") {
      try {
        p.release();
        log.push("R");
      } catch (e) {
        if (!(e instanceof aio.RuntimeError)) throw e;
        log.push("R!");
      }
    } else if (op === "c0" || op === "cN") {
      const pend = pending(ts);
      if (pend.length) (op === "c0" ? pend[0] : pend[pend.length - 1]).cancel(String(i));
    } else if (op === "s") {
      yield* aio.sleep(0);
    }
  }
  for (let i = 0; i < 6; i++) yield* aio.sleep(0);
  // drain: release until every task has had its turn
  for (let k = 0; k < 8; k++) {
    if (!pending(ts).length) break;
    if (kind === "lock") {
      if (!p.locked()) {
        yield* aio.sleep(0);
        continue;
      }
      p.release();
      log.push("R");
    } else {
      p.release();
      log.push("R");
    }
    for (let i = 0; i < 3; i++) yield* aio.sleep(0);
  }
  print(seq.join(" "), "|", log.join(" "), "|", String(p), flags(ts));
  for (const t of [...ts, ...inners]) t.cancel();
  yield* aio.gather(...ts, ...inners, { returnExceptions: true });
  inners.length = 0;
});

const runQueue = aio.coroutine(function* (seq) {
  log.length = 0;
  const q = new aio.Queue(1);
  const ts = [];
  let n = 0;
  const add = (fn) => {
    ts.push(aio.createTask(fn(q, `t${n}`)));
    n += 1;
  };
  add(getter);
  add(getter);
  yield* aio.sleep(0);
  for (let i = 0; i < seq.length; i++) {
    const op = seq[i];
    if (op === "put") {
      try {
        q.putNowait(`m${i}`);
        log.push("P");
      } catch (e) {
        if (!(e instanceof aio.QueueFull)) throw e;
        log.push("P!");
      }
    } else if (op === "get") {
      try {
        log.push("G" + q.getNowait());
      } catch (e) {
        if (!(e instanceof aio.QueueEmpty)) throw e;
        log.push("G!");
      }
    } else if (op === "ng") add(getter);
    else if (op === "np") add(putter);
    else if (op === "nsg") {
      ts.push(aio.createTask(getter(q, `t${n}`, true)));
      n += 1;
    }
    else if (op === "c0" || op === "cN") {
      const pend = pending(ts);
      if (pend.length) (op === "c0" ? pend[0] : pend[pend.length - 1]).cancel(String(i));
    } else if (op === "s") {
      yield* aio.sleep(0);
    }
  }
  for (let i = 0; i < 6; i++) yield* aio.sleep(0);
  print(seq.join(" "), "|", log.join(" "), "|", String(q), flags(ts));
  for (const t of [...ts, ...inners]) t.cancel();
  yield* aio.gather(...ts, ...inners, { returnExceptions: true });
  inners.length = 0;
});

aio.run(
  aio.coroutine(function* main() {
    for (const kind of ["lock", "sem"]) {
      print("--", kind);
      for (const seq of product(["new", "rel", "c0", "cN", "s", "wf0", "sh"], 4)) yield* runLock(kind, seq);
    }
    print("-- queue");
    for (const seq of product(["put", "get", "ng", "np", "nsg", "c0", "cN", "s"], 4)) yield* runQueue(seq);
  })(),
);
