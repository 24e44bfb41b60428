import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// Barrier(3) driven through scripts that reach every phase and then abort(), reset(), cancel a
// party or time one out: parties filling, tripped but not yet run (draining), late arrivals
// blocked while it drains, resetting with parties inside, broken; abort() and reset() run as
// tasks of their own, after the woken parties when those were woken first (one is cancelled
// before it runs and never acts, abort and reset back to back in one step); a party cancelled
// in each phase (its slot and index are given back while filling, it raises CancelledError
// though the barrier passed while draining); wait_for(b.wait(), 0) never arrives; the indices
// handed out, the BrokenBarrierError messages, n_waiting, broken and the repr after every
// operation.
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

const party = aio.coroutine(function* (b, name, timeout) {
  try {
    let i;
    if (timeout === undefined) i = yield* b.wait();
    else i = yield* aio.waitFor(b.wait(), timeout);
    log.push(tuple(name, "passed", i));
    return i;
  } catch (e) {
    if (e instanceof aio.BrokenBarrierError) {
      log.push(tuple(name, "broken", e.message));
      return "broken";
    }
    if (e instanceof aio.TimeoutError) {
      log.push(tuple(name, "timeout"));
      return "timeout";
    }
    if (isCancel(e)) log.push(tuple(name, "cancelled", args(e)));
    throw e;
  }
});

const control = aio.coroutine(function* (b, name, what) {
  try {
    yield* (what === "abort" ? b.abort() : b.reset());
  } catch (e) {
    if (isCancel(e)) log.push(tuple(name, "cancelled", args(e)));
    throw e;
  }
  log.push(tuple(name, what + " done", r(b)));
  return what;
});

const scenario = aio.coroutine(function* (script) {
  log.length = 0;
  const b = new aio.Barrier(3);
  const ts = new Map();

  const show = (tag) => {
    print("   ", tag, ...log, "|", r(b), b.nWaiting, b.broken, ...[...ts].map(([n, t]) => `${n}=${st(t)}`));
    log.length = 0;
  };

  for (const op of script) {
    const kind = op[0];
    if (kind === "arrive") ts.set(op[1], aio.createTask(party(b, op[1], op.length > 2 ? op[2] : undefined)));
    else if (kind === "abort" || kind === "reset") ts.set(op[1], aio.createTask(control(b, op[1], kind)));
    else if (kind === "cancel") log.push(tuple("cancel", op[1], ts.get(op[1]).cancel(op[2])));
    else if (kind === "step") for (let i = 0; i < op[1]; i++) yield* aio.sleep(0);
    show(op.map(String).join(" "));
  }
  for (let i = 0; i < 8; i++) {
    yield* aio.sleep(0);
    if (log.length) show(`drain${i}`);
  }
  for (const t of ts.values()) t.cancel();
  yield* aio.gather(...ts.values(), { returnExceptions: true });
  show("end");
});

const SCRIPTS = [
    // reset while filling: the waiting parties break, the barrier goes back to filling
    [["arrive", "a"], ["arrive", "b"], ["step", 1], ["reset", "R"], ["step", 1],
     ["arrive", "c"], ["arrive", "d"], ["arrive", "e"], ["step", 3]],
    // abort while filling, a late arrival, then reset and a full round
    [["arrive", "a"], ["arrive", "b"], ["step", 1], ["abort", "A"], ["step", 1],
     ["arrive", "c"], ["step", 1], ["reset", "R"], ["step", 1],
     ["arrive", "d"], ["arrive", "e"], ["arrive", "f"], ["step", 3]],
    // tripped, abort before the woken parties run: abort queues behind them for the lock
    [["arrive", "a"], ["arrive", "b"], ["step", 1], ["arrive", "c"], ["step", 1], ["abort", "A"], ["step", 1]],
    // tripped, reset before the woken parties run
    [["arrive", "a"], ["arrive", "b"], ["step", 1], ["arrive", "c"], ["step", 1], ["reset", "R"], ["step", 1]],
    // tripped, a woken party cancelled before it runs
    [["arrive", "a"], ["arrive", "b"], ["step", 1], ["arrive", "c"], ["step", 1], ["cancel", "a", "m"], ["step", 1]],
    // a late arrival blocked while the barrier drains, then reset while it is blocked
    [["arrive", "a"], ["arrive", "b"], ["step", 1], ["arrive", "c"], ["step", 1], ["arrive", "d"],
     ["reset", "R"], ["step", 2], ["arrive", "e"], ["arrive", "f"], ["step", 3]],
    // a party cancelled while filling gives its index back
    [["arrive", "a"], ["arrive", "b"], ["step", 1], ["cancel", "b", "x"], ["step", 2],
     ["arrive", "c"], ["arrive", "d"], ["step", 3]],
    // reset and a cancel of a waiting party in the same step
    [["arrive", "a"], ["arrive", "b"], ["step", 1], ["reset", "R"], ["cancel", "a", "y"], ["step", 3]],
    // abort then reset queued together; the reset task cancelled before it ran
    [["arrive", "a"], ["arrive", "b"], ["step", 1], ["abort", "A"], ["reset", "R"], ["cancel", "R", "no"],
     ["step", 3], ["arrive", "c"], ["step", 1]],
    // abort and reset while parties are inside after a trip; a second reset mends it
    [["arrive", "a"], ["arrive", "b"], ["step", 1], ["arrive", "c"], ["step", 1], ["abort", "A"], ["reset", "R"],
     ["step", 3], ["reset", "R2"], ["step", 2], ["arrive", "d"], ["arrive", "e"], ["arrive", "f"], ["step", 3]],
    // wait_for[b.wait[], 0] never arrives; a positive timeout that is not reached
    [["arrive", "a"], ["arrive", "z", 0], ["step", 2], ["arrive", "b", 10], ["step", 2], ["arrive", "c"], ["step", 3]],
    // an abort task cancelled before its first step never breaks the barrier; one cancelled
    // after it finished: cancel[] is False
    [["arrive", "a"], ["arrive", "b"], ["step", 1], ["arrive", "c"], ["abort", "A"], ["cancel", "A", "no"],
     ["step", 3], ["abort", "A2"], ["step", 1], ["cancel", "A2", "late"], ["arrive", "d"], ["step", 2]],
];

aio.run(
  aio.coroutine(function* main() {
    for (let i = 0; i < SCRIPTS.length; i++) {
      print("-- script", i);
      yield* scenario(SCRIPTS[i]);
    }
  })(),
);
