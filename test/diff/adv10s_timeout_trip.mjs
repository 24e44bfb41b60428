import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// asyncio.timeout() around barrier.wait() and q.join() whose deadline is moved into the past
// (reschedule() to a past time schedules the expiry with call_soon) in the same step of main
// that trips the barrier (main is the last party and does not suspend) or makes the queue's
// count reach zero, in both orders: expiry first, the woken party is cancelled after the trip
// (CancelledError inside, TimeoutError outside, the other parties pass, the barrier is not
// broken); trip first, the party runs before the expiry callback, leaves the block and the
// expiry never fires. Also reschedule(None) in the same step (the party passes), an `async with
// barrier` body under the timeout, a party blocked while the barrier drains whose deadline
// passes, and expired(), cancelling() and the reprs after each case.
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? tuple() : tuple(e.message));

function st(t) {
  if (!t.done()) return `P${t.cancelling()}`;
  if (t.cancelled()) return "C";
  if (t.exception() !== null) return t.exception().name;
  return repr(t.result());
}

const log = [];
const cms = new Map();
const states = (ts) => [...ts].map(([n, t]) => `${n}=${st(t)}`);

const timedParty = aio.coroutine(function* (b, name, useWith) {
  let cm = null;
  let i;
  try {
    yield* aio.timeout(10, function* (c) {
      cm = c;
      cms.set(name, c);
      try {
        if (useWith) {
          i = yield* b.with(function* (idx) {
            log.push(tuple(name, "inside", idx));
            return idx;
          });
        } else {
          i = yield* b.wait();
        }
      } catch (e) {
        if (isCancel(e)) log.push(tuple(name, "cancelled inside", args(e)));
        throw e;
      }
      log.push(tuple(name, "passed", i));
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    log.push(tuple(name, "TimeoutError", cm.expired(), aio.currentTask().cancelling()));
    return "timeout";
  }
  log.push(tuple(name, "left block", cm.expired(), aio.currentTask().cancelling()));
  return i;
});

const timedJoin = aio.coroutine(function* (q, name) {
  let cm = null;
  try {
    yield* aio.timeout(10, function* (c) {
      cm = c;
      cms.set(name, c);
      yield* q.join();
      log.push(tuple(name, "joined"));
    });
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    log.push(tuple(name, "TimeoutError", cm.expired(), aio.currentTask().cancelling()));
    return "timeout";
  }
  log.push(tuple(name, "left block", cm.expired(), aio.currentTask().cancelling()));
  return "joined";
});

const plainParty = aio.coroutine(function* (b, name) {
  const i = yield* b.wait();
  log.push(tuple(name, "passed", i));
  return i;
});

const scenario = aio.coroutine(function* (mode, useWith) {
  log.length = 0;
  cms.clear();
  const loop = aio.getRunningLoop();
  const b = new aio.Barrier(3);
  const ts = new Map([
    ["A", aio.createTask(timedParty(b, "A", useWith))],
    ["B", aio.createTask(plainParty(b, "B"))],
  ]);
  yield* aio.sleep(0);

  const show = (tag) => {
    print("   ", tag, ...log, "|", r(b), ...states(ts));
    log.length = 0;
  };

  show("waiting");
  const cm = cms.get("A");
  if (mode === "expire-first") {
    cm.reschedule(loop.time() - 1);
    log.push(tuple("main index", yield* b.wait()));
  } else if (mode === "trip-first") {
    log.push(tuple("main index", yield* b.wait()));
    cm.reschedule(loop.time() - 1);
  } else if (mode === "expire-then-disarm") {
    cm.reschedule(loop.time() - 1);
    cm.reschedule(null);
    log.push(tuple("main index", yield* b.wait()));
  }
  show("acted");
  for (let i = 0; i < 5; i++) {
    yield* aio.sleep(0);
    if (log.length) show(`step${i}`);
  }
  for (const t of ts.values()) if (!t.done()) t.cancel();
  yield* aio.gather(...ts.values(), { returnExceptions: true });
  show("end");
});

const drainCase = aio.coroutine(function* () {
  // C and D trip the barrier with main; E arrives while it drains and blocks in _block; its
  // deadline passes there
  log.length = 0;
  cms.clear();
  const loop = aio.getRunningLoop();
  const b = new aio.Barrier(3);
  const ts = new Map([
    ["C", aio.createTask(plainParty(b, "C"))],
    ["D", aio.createTask(plainParty(b, "D"))],
  ]);
  yield* aio.sleep(0);
  // E's first step is due before the wake-ups of C and D: it finds the barrier draining
  ts.set("E", aio.createTask(timedParty(b, "E", false)));
  log.push(tuple("main index", yield* b.wait()));
  yield* aio.sleep(0);
  print("   ", "E arrived while draining", ...log, "|", r(b), ...states(ts));
  log.length = 0;
  cms.get("E").reschedule(loop.time() - 1);
  for (let i = 0; i < 5; i++) {
    yield* aio.sleep(0);
    if (log.length) {
      print(`    step${i}`, ...log, "|", r(b), ...states(ts));
      log.length = 0;
    }
  }
});

const joinCase = aio.coroutine(function* (first) {
  log.length = 0;
  cms.clear();
  const loop = aio.getRunningLoop();
  const q = new aio.Queue();
  q.putNowait("a");
  q.getNowait();
  const ts = new Map([
    ["J", aio.createTask(timedJoin(q, "J"))],
    ["K", aio.createTask(q.join())],
  ]);
  yield* aio.sleep(0);
  print("   ", "waiting", String(q));
  if (first === "expire") {
    cms.get("J").reschedule(loop.time() - 1);
    q.taskDone();
  } else {
    q.taskDone();
    cms.get("J").reschedule(loop.time() - 1);
  }
  for (let i = 0; i < 5; i++) {
    yield* aio.sleep(0);
    if (log.length) {
      print(`    step${i}`, ...log, "|", String(q), ...states(ts));
      log.length = 0;
    }
  }
  print("    end", String(q), ...states(ts));
});

aio.run(
  aio.coroutine(function* main() {
    for (const useWith of [false, true]) {
      for (const mode of ["expire-first", "trip-first", "expire-then-disarm"]) {
        print("--", mode, useWith ? "async with" : "wait()");
        yield* scenario(mode, useWith);
      }
    }
    print("-- blocked while draining");
    yield* drainCase();
    for (const first of ["expire", "done"]) {
      print("-- join,", first, "first");
      yield* joinCase(first);
    }
  })(),
);
