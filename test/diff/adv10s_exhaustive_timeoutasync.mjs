import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Async-function twin of adv10s_exhaustive_timeout.mjs.

// Exhaustive short scripts over waiters inside asyncio.timeout(): tasks wait for a Lock held by
// main (acquire, hold one iteration, release) or for a Queue item, each inside `async with
// asyncio.timeout(10) as cm`, two already waiting; every sequence of four operations from "new"
// (another task), "wake" (main releases the lock / puts an item), "x0" / "xN" (reschedule the
// deadline of the oldest / newest task not done into the past: the expiry is a call_soon), "d0"
// (reschedule the oldest one's deadline to None), "c0" (cancel the oldest task not done), "s"
// (one iteration); "?" marks a task not started yet (no timeout to move), and moving the
// deadline of a timeout that is expiring or expired is a RuntimeError. Expiry and wake-up land
// in one iteration in every order. One line per script: what each task got, TimeoutError (with
// expired()), CancelledError (with its message and cancelling()), then the state.
const log = [];
const cms = new Map();
const isCancel = (e) => e instanceof aio.CancelledError;

const waiter = aio.coroutine(async function (kind, p, name) {
  let cm = null;
  try {
    await aio.timeout(10, async function (c) {
      cm = c;
      cms.set(name, c);
      if (kind === "lock") {
        await p.acquire();
        log.push(name + "+");
        try {
          await aio.sleep(0);
        } finally {
          p.release();
          log.push(name + "-");
        }
      } else {
        log.push(name + "<" + (await p.get()));
      }
    });
  } catch (e) {
    if (e instanceof aio.TimeoutError) {
      log.push(name + "T" + (cm.expired() ? "e" : "") + aio.currentTask().cancelling());
      return "T";
    }
    if (isCancel(e)) log.push(name + "x" + e.message + aio.currentTask().cancelling());
    throw e;
  }
  return name;
});

const pending = (ts) => ts.filter((t) => !t.done());

function* product(alphabet, n) {
  if (n === 0) {
    yield [];
    return;
  }
  for (const a of alphabet) for (const rest of product(alphabet, n - 1)) yield [a, ...rest];
}

const run = aio.coroutine(async function (kind, seq) {
  log.length = 0;
  cms.clear();
  const loop = aio.getRunningLoop();
  let p;
  if (kind === "lock") {
    p = new aio.Lock();
    await p.acquire();
  } else {
    p = new aio.Queue();
  }
  const ts = [];
  const names = new Map();
  const add = () => {
    const name = `t${ts.length}`;
    const t = aio.createTask(waiter(kind, p, name));
    names.set(t, name);
    ts.push(t);
  };
  add();
  add();
  await aio.sleep(0);
  for (let i = 0; i < seq.length; i++) {
    const op = seq[i];
    if (op === "new") add();
    else if (op === "wake") {
      if (kind === "lock") {
        try {
          p.release();
          log.push("R");
        } catch (e) {
          if (!(e instanceof aio.RuntimeError)) throw e;
          log.push("R!");
        }
      } else {
        p.putNowait(`m${i}`);
        log.push("P");
      }
    } else if (op === "x0" || op === "xN" || op === "d0" || op === "c0") {
      const pend = pending(ts);
      if (!pend.length) continue;
      const t = op === "xN" ? pend[pend.length - 1] : pend[0];
      if (op === "c0") t.cancel(String(i));
      else {
        const cm = cms.get(names.get(t));
        if (cm === undefined) log.push("?");
        else {
          try {
            cm.reschedule(op === "d0" ? null : loop.time() - 1);
          } catch (e) {
            if (!(e instanceof aio.RuntimeError)) throw e;
            log.push("E(" + e.message + ")");
          }
        }
      }
    } else if (op === "s") {
      await aio.sleep(0);
    }
  }
  for (let i = 0; i < 8; i++) await aio.sleep(0);
  print(seq.join(" "), "|", log.join(" "), "|", String(p), ts.map((t) => (t.cancelled() ? "C" : t.done() ? "d" : "P")).join(""));
  for (const t of ts) t.cancel();
  await aio.gather(...ts, { returnExceptions: true });
});

aio.run(
  aio.coroutine(async function main() {
    for (const kind of ["lock", "queue"]) {
      print("--", kind);
      for (const seq of product(["new", "wake", "x0", "xN", "d0", "c0", "s"], 4)) await run(kind, seq);
    }
  })(),
);
