import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Mixed twin of adv10s_exhaustive_with.mjs: even tasks are generator coroutines with generator
// bodies, odd ones async functions with async bodies, in one line.

// Exhaustive short scripts over `async with` on a Lock, a Semaphore(1) and a BoundedSemaphore(1)
// held by main, with two tasks already waiting to enter: every sequence of four operations from
// "new" (another task waits to enter), "rel" (main releases: RuntimeError on a free lock,
// ValueError past the bound), "c0" / "cN" (cancel the oldest / newest task not done, with a
// message), "s" (one iteration), then twelve iterations. Each task's body takes one iteration;
// a task cancelled while waiting to enter never runs the body, one cancelled inside it leaves
// with the lock or unit released. One line per script: entries (+), exits (-), cancellations
// inside (X) and while entering (x) with their messages, then the state and each task's fate.
const log = [];
const isCancel = (e) => e instanceof aio.CancelledError;

const userG = aio.coroutine(function* (p, name) {
  try {
    yield* p.with(function* () {
      log.push(name + "+");
      try {
        yield* aio.sleep(0);
      } catch (e) {
        if (isCancel(e)) log.push(name + "X" + e.message);
        throw e;
      }
      log.push(name + "-");
    });
  } catch (e) {
    if (isCancel(e)) log.push(name + "x" + e.message);
    throw e;
  }
  return name;
});

const userA = aio.coroutine(async function (p, name) {
  try {
    await p.with(async function () {
      log.push(name + "+");
      try {
        await aio.sleep(0);
      } catch (e) {
        if (isCancel(e)) log.push(name + "X" + e.message);
        throw e;
      }
      log.push(name + "-");
    });
  } catch (e) {
    if (isCancel(e)) log.push(name + "x" + e.message);
    throw e;
  }
  return name;
});
// even tasks are generators, odd ones async functions
const user = (p, name, n) => (n % 2 ? userA : userG)(p, name);

const pending = (ts) => ts.filter((t) => !t.done());

function* product(alphabet, n) {
  if (n === 0) {
    yield [];
    return;
  }
  for (const a of alphabet) for (const rest of product(alphabet, n - 1)) yield [a, ...rest];
}

const run = aio.coroutine(function* (kind, seq) {
  log.length = 0;
  let p;
  if (kind === "lock") p = new aio.Lock();
  else if (kind === "sem") p = new aio.Semaphore(1);
  else p = new aio.BoundedSemaphore(1);
  yield* p.acquire();
  const ts = [];
  const add = () => ts.push(aio.createTask(user(p, `t${ts.length}`, ts.length)));
  add();
  add();
  yield* aio.sleep(0);
  for (let i = 0; i < seq.length; i++) {
    const op = seq[i];
    if (op === "new") add();
    else if (op === "rel") {
      try {
        p.release();
        log.push("R");
      } catch (e) {
        if (e instanceof aio.RuntimeError) log.push("R!R");
        else if (e instanceof RangeError) log.push("R!V");
        else throw e;
      }
    } else if (op === "c0" || op === "cN") {
      const pend = pending(ts);
      if (pend.length) (op === "c0" ? pend[0] : pend[pend.length - 1]).cancel(String(i));
    } else if (op === "s") {
      yield* aio.sleep(0);
    }
  }
  for (let i = 0; i < 12; i++) yield* aio.sleep(0);
  print(seq.join(" "), "|", log.join(" "), "|", String(p), ts.map((t) => (t.cancelled() ? "C" : t.done() ? "d" : "P")).join(""));
  for (const t of ts) t.cancel();
  yield* aio.gather(...ts, { returnExceptions: true });
});

aio.run(
  aio.coroutine(function* main() {
    for (const kind of ["lock", "sem", "bsem"]) {
      print("--", kind);
      for (const seq of product(["new", "rel", "c0", "cN", "s"], 4)) yield* run(kind, seq);
    }
  })(),
);
