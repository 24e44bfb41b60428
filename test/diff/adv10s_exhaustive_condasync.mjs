import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Async-function twin of adv10s_exhaustive_cond.mjs.

// Exhaustive short scripts over a Condition and an Event: every sequence of four operations
// from a small alphabet, from the same start (two waiters already waiting), then drained with
// notify_all() / set(). Condition: "new" (another waiter), "n1" (main takes the lock if it is
// free and nobody woken is in line, notify(1), releases), "h" (main takes the lock and keeps
// it, or gives it back: waiters re-acquiring queue behind it), "c0" / "cN" (cancel the oldest /
// newest task not done), "s" (one iteration). Event: "new", "set", "clr", "c0", "cN", "s". One
// line per script: the events (notified, took the lock back, cancelled with which message and
// whether the lock was held when the CancelledError arrived), then the final state.
const log = [];
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

const cwaiter = aio.coroutine(async function (cond, name) {
  await cond.acquire();
  try {
    try {
      await cond.wait();
    } catch (e) {
      if (isCancel(e)) log.push(name + "x" + e.message + (cond.locked() ? "L" : "u"));
      throw e;
    }
    log.push(name + "+");
    await aio.sleep(0);
    log.push(name + "-");
  } finally {
    cond.release();
  }
  return name;
});

const ewaiter = aio.coroutine(async function (ev, name) {
  try {
    await ev.wait();
  } catch (e) {
    if (isCancel(e)) log.push(name + "x" + e.message);
    throw e;
  }
  log.push(name + (ev.isSet() ? "+" : "+c"));
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

const runCond = aio.coroutine(async function (seq) {
  log.length = 0;
  const cond = new aio.Condition();
  const ts = [];
  let held = false;
  const add = () => ts.push(aio.createTask(cwaiter(cond, `t${ts.length}`)));
  add();
  add();
  await aio.sleep(0);
  for (let i = 0; i < seq.length; i++) {
    const op = seq[i];
    if (op === "new") add();
    else if (op === "n1") {
      if (held) {
        cond.notify(1);
        log.push("N");
      } else if (!cond.locked()) {
        await cond.acquire();
        cond.notify(1);
        cond.release();
        log.push("N");
      } else {
        log.push("N!");
      }
    } else if (op === "h") {
      if (held) {
        cond.release();
        held = false;
        log.push("H-");
      } else {
        await cond.acquire();
        held = true;
        log.push("H+");
      }
    } else if (op === "c0" || op === "cN") {
      const pend = pending(ts);
      if (pend.length) (op === "c0" ? pend[0] : pend[pend.length - 1]).cancel(String(i));
    } else if (op === "s") {
      await aio.sleep(0);
    }
  }
  if (held) {
    cond.release();
    log.push("H-");
  }
  for (let i = 0; i < 6; i++) await aio.sleep(0);
  if (pending(ts).length) {
    await cond.with(async function () {
      cond.notifyAll();
    });
    log.push("A");
    for (let i = 0; i < 14; i++) await aio.sleep(0);
  }
  print(seq.join(" "), "|", log.join(" "), "|", r(cond), flags(ts));
  for (const t of ts) t.cancel();
  await aio.gather(...ts, { returnExceptions: true });
});

const runEvent = aio.coroutine(async function (seq) {
  log.length = 0;
  const ev = new aio.Event();
  const ts = [];
  const add = () => ts.push(aio.createTask(ewaiter(ev, `t${ts.length}`)));
  add();
  add();
  await aio.sleep(0);
  for (let i = 0; i < seq.length; i++) {
    const op = seq[i];
    if (op === "new") add();
    else if (op === "set") {
      ev.set();
      log.push("S");
    } else if (op === "clr") {
      ev.clear();
      log.push("K");
    } else if (op === "c0" || op === "cN") {
      const pend = pending(ts);
      if (pend.length) (op === "c0" ? pend[0] : pend[pend.length - 1]).cancel(String(i));
    } else if (op === "s") {
      await aio.sleep(0);
    }
  }
  for (let i = 0; i < 4; i++) await aio.sleep(0);
  if (pending(ts).length) {
    ev.set();
    log.push("S");
    for (let i = 0; i < 3; i++) await aio.sleep(0);
  }
  print(seq.join(" "), "|", log.join(" "), "|", r(ev), flags(ts));
  for (const t of ts) t.cancel();
  await aio.gather(...ts, { returnExceptions: true });
});

aio.run(
  aio.coroutine(async function main() {
    print("-- condition");
    for (const seq of product(["new", "n1", "h", "c0", "cN", "s"], 4)) await runCond(seq);
    print("-- event");
    for (const seq of product(["new", "set", "clr", "c0", "cN", "s"], 4)) await runEvent(seq);
  })(),
);
