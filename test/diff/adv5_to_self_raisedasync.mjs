import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// Code that raises CancelledError or TimeoutError itself (nobody called cancel()), under
// wait_for() with timeouts None, inf, 0 and a tiny one, and inside timeout() blocks that are
// active or expiring: which error comes out, with which message and cause, whether the task
// counts as cancelled, and what cancelling() says.
const INF = Infinity;
const tr = (t) => (t === null ? "None" : t === INF ? "inf" : t === 1e-9 ? "1e-09" : String(t));
function fmt(e) {
  let s = `${e.name}(${repr(e.message)})`;
  if (e instanceof aio.TimeoutError && e.cause !== undefined && e.cause !== null) s += ` from ${e.cause.name}(${repr(e.cause.message)})`;
  return s;
}

const raiser = aio.coroutine(async function (kind, ticks) {
  for (let i = 0; i < ticks; i++) await aio.sleep(0);
  if (kind === "cancel") throw new aio.CancelledError("self-raised");
  if (kind === "timeout") throw new aio.TimeoutError("own timeout");
  if (kind === "cancel-bare") throw new aio.CancelledError();
  return "value";
});

await aio.run(async function () {
  print("-- wait_for of code that raises by itself");
  for (const kind of ["cancel", "timeout", "cancel-bare"]) {
    for (const ticks of [0, 1]) {
      for (const to of [null, INF, 0, 1e-9]) {
        const run = aio.coroutine(async function () {
          return await aio.waitFor(raiser(kind, ticks), to);
        });
        const t = aio.createTask(run());
        let out;
        try {
          const r = await t;
          out = "-> " + repr(r);
        } catch (e) {
          out = fmt(e);
        }
        print(" ", kind, "ticks", ticks, "timeout", tr(to), out, "task cancelled", t.cancelled(), "cancelling", t.cancelling());
      }
    }
  }

  print("-- timeout() blocks whose body raises by itself");
  for (const kind of ["cancel", "timeout", "cancel-bare"]) {
    for (const state of ["active", "expiring"]) {
      const block = aio.coroutine(async function () {
        let cm = null;
        try {
          await aio.timeout(INF, async function (c) {
            cm = c;
            if (state === "expiring") {
              cm.reschedule(-INF);
              try {
                await aio.sleep(INF);
              } catch (e) {
                if (!(e instanceof aio.CancelledError)) throw e;
              }
            }
            await raiser(kind, 0);
          });
        } catch (e) {
          print(" ", kind, state, "block raised", fmt(e), "cancelling", aio.currentTask().cancelling(), "expired", cm.expired(), repr(cm));
          throw e;
        }
      });
      const t = aio.createTask(block());
      try {
        await t;
      } catch (e) {
        print("    task", t.cancelled() ? "cancelled" : "failed", fmt(e), "cancelling", t.cancelling());
      }
    }
  }

  print("-- a body that swallows the expiry and then raises CancelledError of its own, nested");
  const nested = aio.coroutine(async function () {
    const me = aio.currentTask();
    let outer = null;
    let inner = null;
    try {
      await aio.timeout(INF, async function (o) {
        outer = o;
        await aio.timeout(-1, async function (i) {
          inner = i;
          try {
            await aio.sleep(INF);
          } catch (e) {
            if (!(e instanceof aio.CancelledError)) throw e;
            print("    inner expired, cancelling", me.cancelling());
          }
          outer.reschedule(-INF);
          try {
            await aio.sleep(INF);
          } catch (e) {
            if (!(e instanceof aio.CancelledError)) throw e;
            print("    outer expired too, cancelling", me.cancelling());
          }
          throw new aio.CancelledError("mine");
        });
      });
    } catch (e) {
      print("    nested raised", fmt(e), "cancelling", me.cancelling(), inner.expired(), outer.expired());
    }
    return "nested done";
  });
  print(" ", await aio.createTask(nested()));
});
