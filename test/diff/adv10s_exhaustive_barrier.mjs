import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Exhaustive short scripts over a Barrier(2), from the same start (one party waiting), then
// drained: every sequence of four operations from "arr" (another party arrives), "ab" (a task
// runs abort()), "rs" (a task runs reset()), "c0" / "cN" (cancel the oldest / newest task not
// done, with a message), "s" (one iteration). One line per script: the events in order (the
// index each party passed with, BrokenBarrierError and its message, CancelledError and its
// message, abort/reset done), then the state: the repr, n_waiting, broken and each task's fate.
const log = [];
const r = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;
const pyBool = (b) => (b ? "True" : "False");

const party = aio.coroutine(function* (b, name) {
  let i;
  try {
    i = yield* b.wait();
  } catch (e) {
    if (e instanceof aio.BrokenBarrierError) {
      log.push(name + (e.message === "Barrier aborted" ? "!a" : "!r"));
      return "broken";
    }
    if (isCancel(e)) log.push(name + "x" + e.message);
    throw e;
  }
  log.push(name + "=" + i);
  return i;
});

const control = aio.coroutine(function* (b, name, what) {
  try {
    yield* (what === "ab" ? b.abort() : b.reset());
  } catch (e) {
    if (isCancel(e)) log.push(name + "x" + e.message);
    throw e;
  }
  log.push(name + (what === "ab" ? "A" : "R"));
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

const run = aio.coroutine(function* (seq) {
  log.length = 0;
  const b = new aio.Barrier(2);
  const ts = [aio.createTask(party(b, "t0"))];
  yield* aio.sleep(0);
  for (let i = 0; i < seq.length; i++) {
    const op = seq[i];
    const name = `t${ts.length}`;
    if (op === "arr") ts.push(aio.createTask(party(b, name)));
    else if (op === "ab" || op === "rs") ts.push(aio.createTask(control(b, name, op)));
    else if (op === "c0" || op === "cN") {
      const pend = pending(ts);
      if (pend.length) (op === "c0" ? pend[0] : pend[pend.length - 1]).cancel(String(i));
    } else if (op === "s") {
      yield* aio.sleep(0);
    }
  }
  for (let i = 0; i < 6; i++) yield* aio.sleep(0);
  const state = `${r(b)} ${b.nWaiting} ${pyBool(b.broken)}`;
  print(seq.join(" "), "|", log.join(" "), "|", state, flags(ts));
  for (const t of ts) t.cancel();
  yield* aio.gather(...ts, { returnExceptions: true });
});

aio.run(
  aio.coroutine(function* main() {
    for (const seq of product(["arr", "ab", "rs", "c0", "cN", "s"], 4)) yield* run(seq);
  })(),
);
