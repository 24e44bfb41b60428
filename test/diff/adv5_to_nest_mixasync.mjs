import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";

// timeout(), wait_for() and TaskGroup nested in each other, with expiries forced by reschedule()
// into the past (queued with call_soon, so their order is exact) and wait_for timeouts of 0 or a
// tiny delay: which layer reports what (TimeoutError, CancelledError, ExceptionGroup), with
// cancelling() of every task involved printed on the way out. (A TaskGroup cancels its children
// in the order of a set in CPython, by address: the children print only after their cleanup.)
const INF = Infinity;
const tr = (t) => (t === null ? "None" : t === INF ? "inf" : t === 1e-9 ? "1e-09" : String(t));
function fmt(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}[${e.errors.map(fmt).join(", ")}]`;
  return `${e.name}(${repr(e.message)})`;
}
const cnt = () => aio.currentTask().cancelling();
const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const innerWithTimeout = aio.coroutine(async function (h, mode) {
  h.inner_task = aio.currentTask();
  let cm = null;
  try {
    await aio.timeout(INF, async function (c) {
      cm = c;
      h.inner = c;
      try {
        await aio.sleep(INF);
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        print("    inner body caught", fmt(e), "cancelling", cnt(), "inner expired", cm.expired());
        if (mode === "rearm") {
          cm.reschedule(-INF);
          print("    inner rearmed its own timeout");
          await ticks(3);
          print("    inner not reached");
        }
        throw e;
      }
    });
  } catch (e) {
    print("    inner leaves with", fmt(e), "cancelling", cnt(), "expired", cm.expired());
    throw e;
  }
  return "inner done";
});

const outer = aio.coroutine(async function (h, to, mode) {
  const me = aio.currentTask();
  let cm = null;
  try {
    await aio.timeout(INF, async function (c) {
      cm = c;
      h.outer = c;
      const r = await aio.waitFor(innerWithTimeout(h, mode), to);
      print("    wait_for ->", repr(r));
    });
  } catch (e) {
    print("    outer leaves with", fmt(e), "cancelling", me.cancelling(), "expired", cm.expired());
    return "outer " + e.name;
  }
  return "outer ok";
});

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const past = loop.time() - 1;

  print("-- timeout(wait_for(timeout(sleep))): which deadline passes first");
  for (const to of [INF, null]) {
    for (const which of ["outer", "inner", "outer inner", "inner outer"]) {
      print("- wait_for timeout", tr(to), "expire:", which);
      const h = {};
      const t = aio.createTask(outer(h, to, "raise"));
      await ticks(2);
      for (const w of which.split(" ")) h[w].reschedule(past);
      print("  ->", await t, "cancelling", t.cancelling());
      const it = h.inner_task;
      print("  inner task", it === t ? "is outer task" : `cancelled ${it.cancelled() ? "True" : "False"} cancelling ${it.cancelling()}`);
    }
  }

  print("-- the inner re-arms its own timeout while wait_for cancels it");
  for (const to of [INF, null]) {
    print("- wait_for timeout", tr(to));
    const h = {};
    const t = aio.createTask(outer(h, to, "rearm"));
    await ticks(2);
    h.outer.reschedule(past);
    print("  ->", await t, "cancelling", t.cancelling());
  }

  print("-- wait_for(timeout()) itself timing out: 1e-9, the inner re-arms during cleanup");
  const h = {};
  const viaWaitFor = aio.coroutine(async function () {
    try {
      await aio.waitFor(innerWithTimeout(h, "rearm"), 1e-9);
    } catch (e) {
      print("    wait_for raised", fmt(e), "cause", e.cause ? fmt(e.cause) : null, "cancelling", cnt());
    }
  });
  await aio.createTask(viaWaitFor());
  print("  inner task cancelled", h.inner_task.cancelled(), "cancelling", h.inner_task.cancelling());

  print("-- wait_for(TaskGroup) with timeouts 0, 1e-9 and -1; children clean up slowly");
  const child = aio.coroutine(async function (name, k) {
    try {
      await aio.sleep(INF);
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      const n = cnt();
      await ticks(k);
      print("     ", name, "cleaned up, cancelling", n);
      throw e;
    }
  });
  const group = aio.coroutine(async function () {
    try {
      await aio.taskGroup(async function (tg) {
        tg.createTask(child("a", 1));
        tg.createTask(child("b", 2));
        await aio.sleep(INF);
      });
    } catch (e) {
      print("    group leaves with", fmt(e), "cancelling", cnt());
      throw e;
    }
  });
  for (const to of [0, 1e-9, -1]) {
    try {
      await aio.waitFor(group(), to);
    } catch (e) {
      print("  timeout", tr(to), "->", fmt(e), "cancelling", cnt());
    }
  }

  print("-- TaskGroup of children that time out by wait_for and by timeout()");
  const byWaitFor = aio.coroutine(async function () {
    await aio.waitFor(aio.sleep(INF), 0);
  });
  const byTimeout = aio.coroutine(async function (d) {
    await aio.timeout(d, async function () {
      await aio.sleep(INF);
    });
  });
  const ok = aio.coroutine(async function (v) {
    await ticks(1);
    return v;
  });
  for (const kids of [["wf", "to"], ["to", "ok"], ["wf", "ok", "to"]]) {
    const me = aio.currentTask();
    const ts = [];
    try {
      await aio.taskGroup(async function (tg) {
        for (const kind of kids) {
          if (kind === "wf") ts.push(tg.createTask(byWaitFor()));
          else if (kind === "to") ts.push(tg.createTask(byTimeout(0)));
          else ts.push(tg.createTask(ok(kind)));
        }
      });
      print(" ", tuple(...kids), "no error");
    } catch (e) {
      print(" ", tuple(...kids), "->", fmt(e), "cancelling", me.cancelling());
    }
    print("   ", ts.map((x) => (x.cancelled() ? "cancelled" : x.exception() ? fmt(x.exception()) : x.result())));
  }

  print("-- timeout() around a TaskGroup whose child's timeout and the outer one pass together");
  const kid = aio.coroutine(async function (h) {
    await aio.timeout(INF, async function (cm) {
      h.kid = cm;
      await aio.sleep(INF);
    });
  });
  for (const which of ["outer", "kid", "outer kid", "kid outer"]) {
    const h = {};
    const me = aio.currentTask();
    let cm = null;
    let k = null;
    try {
      await aio.timeout(INF, async function (c) {
        cm = c;
        h.outer = c;
        await aio.taskGroup(async function (tg) {
          k = tg.createTask(kid(h));
          await ticks(1);
          for (const w of which.split(" ")) h[w].reschedule(past);
          await aio.sleep(INF);
        });
      });
    } catch (e) {
      print(" ", which, "->", fmt(e), "cancelling", me.cancelling(), "outer expired", cm.expired(), "kid expired", h.kid.expired());
    }
    print("    kid", k.cancelled() ? "cancelled" : fmt(k.exception()));
  }
});
