import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// The awaiting task cancelled in the iteration its queue item (or semaphore unit) arrives, both
// orders, with a second waiter in line: through wait_for() (3.11 returns the inner result when
// the inner get finished first, and the task is left with cancelling() == 1), through a
// timeout() block rescheduled to now in that iteration (its expiry is a call_soon: the item
// wins when it came first, else TimeoutError and the woken get hands its item to the next
// waiter), and through shield() (the shielded get goes on and takes the item the cancelled
// awaiter will never see). The two callbacks are due 50 ms apart and the loop is
// blocked past both.
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }
const r = (x) => String(x);

function state(t) {
  if (!t.done()) return "pending";
  if (t.cancelled()) return "cancelled";
  if (t.exception() !== null) return t.exception().name;
  return "result " + repr(t.result());
}

const spin = aio.coroutine(function* (k) {
  for (let i = 0; i < k; i++) yield* aio.sleep(0);
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  const viaWaitFor = aio.coroutine(function* (aw) {
    const me = aio.currentTask();
    try {
      const v = yield* aio.waitFor(aw, 10);
      print("    wait_for ->", repr(v), "cancelling", me.cancelling());
      return v;
    } catch (e) {
      if (e instanceof aio.CancelledError) print("    wait_for -> CancelledError, cancelling", me.cancelling());
      throw e;
    }
  });

  const viaTimeout = aio.coroutine(function* (aw, holder) {
    try {
      return yield* aio.timeout(10, function* (cm) {
        holder.push(cm);
        const v = yield* aw;
        print("    timeout block ->", repr(v));
        return v;
      });
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("    timeout block -> TimeoutError");
      return "timeout";
    }
  });

  const viaShield = aio.coroutine(function* (aw, holder) {
    const inner = aio.ensureFuture(aw);
    holder.push(inner);
    try {
      return yield* aio.shield(inner);
    } catch (e) {
      if (e instanceof aio.CancelledError) print("    shield awaiter cancelled, inner", state(inner));
      throw e;
    }
  });

  for (const kind of ["get", "acquire"]) {
    for (const how of ["wait_for", "timeout", "shield"]) {
      for (const first of ["feed", "cancel"]) {
        print("--", kind, "via", how, first, "first");
        let obj, op, feed;
        if (kind === "get") {
          const q = (obj = new aio.Queue());
          op = () => q.get();
          feed = () => (print("    put"), q.putNowait("x"));
        } else {
          const s = (obj = new aio.Semaphore(0));
          op = () => s.acquire();
          feed = () => (print("    release"), s.release());
        }
        const holder = [];
        let w, stop;
        if (how === "wait_for") {
          w = aio.createTask(viaWaitFor(op()));
          stop = () => (print("    cancel"), w.cancel());
        } else if (how === "timeout") {
          w = aio.createTask(viaTimeout(op(), holder));
          stop = () => (print("    reschedule to now"), holder[0].reschedule(loop.time()));
        } else {
          w = aio.createTask(viaShield(op(), holder));
          stop = () => (print("    cancel"), w.cancel());
        }
        yield* spin(2);
        const nxt = aio.createTask(op());
        yield* spin(1);
        print("   ", r(obj));
        const now = loop.time();
        loop.callAt(now + 0.01, first === "feed" ? feed : stop);
        loop.callAt(now + 0.06, first === "feed" ? stop : feed);
        block(0.1);
        yield* spin(6);
        const extra = how === "shield" ? " inner " + state(holder[0]) : "";
        print("    end", r(obj), state(w), state(nxt) + extra);
        if (!nxt.done()) {
          nxt.cancel();
          yield* spin(1);
        }
      }
    }
  }
});
