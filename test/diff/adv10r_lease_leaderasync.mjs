import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// Async-function twin of adv10r_lease_leader.mjs.


// Leader election over a Lock with leases and fencing tokens. A leader holds the lock inside
// timeout(null), arms its lease with reschedule() and renews it on every heartbeat (heartbeats
// and every other real-time event fall on whole fifths of a second; times are printed in whole
// fifths, rounded down: 200 ms of slack). Leader A stalls in a shielded slow write: its lease expires
// (TimeoutError, it steps down and releases), the write runs on and lands later with a stale
// fencing token (the store rejects it). B waits for the lock, takes over, beats twice, ends its
// term and disarms its lease (reschedule(null)); C campaigns under waitFor(0.6) and gives up; E
// is cancelled while campaigning; D campaigns under timeoutAt(), wins, and moves its lease into
// the past: it expires at D's next suspension. The lock's state, the terms, the store's writes
// and the Timeout reprs (from the bracket on) are traced.
const log = [];
function flush(tag) {
  print(tag, "|", log.join("; "));
  log.length = 0;
}
function cmState(cm) {
  const s = String(cm);
  return s.slice(s.indexOf("["), s.indexOf("]") + 1) + (cm.when() === null ? " when=None" : "");
}

class Store {
  constructor() {
    this.term = 0;
    this.writes = [];
  }

  newTerm(who) {
    this.term += 1;
    return this.term;
  }

  write(who, token, value) {
    if (token !== this.term) {
      log.push(`store rejects ${who}'s write ${repr(value)}: token ${token}, term ${this.term}`);
      return false;
    }
    this.writes.push(tuple(token, who, value));
    log.push(`store accepts ${who}'s write ${repr(value)} (term ${token})`);
    return true;
  }
}

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const t0 = loop.time();
  const lock = new aio.Lock();
  const store = new Store();
  const lease = 0.6;
  const writes = new Map();

  const at = () => Math.floor((loop.time() - t0 + 0.001) * 5);
  const until = (tenths) => aio.sleep(t0 + tenths / 5 - loop.time());

  const slowWrite = aio.coroutine(async function (who, token, value, doneAt) {
    await until(doneAt);
    return store.write(who, token, value);
  });

  const lead = aio.coroutine(async function (who, beats, stallAt = null, past = false) {
    const token = store.newTerm(who);
    log.push(`${who} leads term ${token} at ${at()} (lock ${lock.locked() ? "locked" : "free"})`);
    let cm;
    try {
      await aio.timeout(null, async function (c) {
        cm = c;
        cm.reschedule(loop.time() + lease);
        log.push(`${who} lease ${cmState(cm)}`);
        if (past) {
          cm.reschedule(loop.time() - 1);
          log.push(`${who} moved its lease into the past: ${cmState(cm)} expired=${repr(cm.expired())}`);
          await aio.sleep(0);
          log.push("never reached");
        }
        for (const b of beats) {
          await until(b);
          if (b === stallAt) {
            log.push(`${who} stalls in a slow write at ${at()}`);
            if (!writes.has(who)) writes.set(who, aio.createTask(slowWrite(who, token, "late", 8)));
            await aio.shield(writes.get(who));
          }
          store.write(who, token, `beat@${b}`);
          cm.reschedule(loop.time() + lease);
        }
        cm.reschedule(null);
        log.push(`${who} ends its term at ${at()}, lease ${cmState(cm)}`);
      });
      return `${who} served term ${token}`;
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      log.push(`${who} lease expired at ${at()}, expired=${repr(cm.expired())}; steps down`);
      return `${who} lost term ${token}`;
    }
  });

  const candidate = aio.coroutine(async function (who, beats, how = null, arg = null, kw = {}) {
    log.push(`${who} campaigns at ${at()}`);
    try {
      if (how === "wait_for") {
        await aio.waitFor(lock.acquire(), arg);
      } else if (how === "timeout_at") {
        let cm;
        await aio.timeoutAt(t0 + arg, async function (c) {
          cm = c;
          await lock.acquire();
        });
        log.push(`${who} campaign cm ${cmState(cm)}`);
      } else {
        await lock.acquire();
      }
    } catch (e) {
      if (e instanceof aio.TimeoutError) {
        log.push(`${who} gives up at ${at()}`);
        return `${who} never led`;
      }
      if (e instanceof aio.CancelledError) log.push(`${who} withdrawn at ${at()} ${repr(str(e))}`);
      throw e;
    }
    try {
      return await lead(who, beats, kw.stallAt ?? null, kw.past ?? false);
    } finally {
      lock.release();
      log.push(`${who} released the lock at ${at()}`);
    }
  });

  const a = aio.createTask(candidate("A", [2, 4, 6], null, null, { stallAt: 4 }), { name: "A" });
  await aio.sleep(0);
  const b = aio.createTask(candidate("B", [7, 9]), { name: "B" });
  const c = aio.createTask(candidate("C", [], "wait_for", 0.6), { name: "C" });
  const e = aio.createTask(candidate("E", []), { name: "E" });
  const d = aio.createTask(candidate("D", [12], "timeout_at", 3.0, { past: true }), { name: "D" });
  await aio.sleep(0);
  flush("start");
  await until(1);
  e.cancel("E withdraws");
  await aio.sleep(0);
  flush("0.1 s");
  const res = await aio.gather(a, b, c, d, e, { returnExceptions: true });
  flush("elections");
  print(res.map((r) => (typeof r === "string" ? r : r.name)));
  const w = writes.get("A");
  print("A's slow write done", w.done());
  print("accepted", await w);
  flush("late write");
  print("writes", store.writes, "term", store.term, "lock", lock.locked() ? "locked" : "free");
  print("loop still fine:", await aio.sleep(0, "yes"));
});
