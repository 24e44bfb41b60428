import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// A task cancels itself (message 'pend') two coroutine levels deep, then awaits, at the third
// level, something that may complete without suspending: a done future, a done task, a coroutine
// returning at once, gather() of nothing, shield() of a done future, wait_for() of a done future
// with no timeout and with one (which suspends, and swallows the cancellation since the future is
// done), an empty timeout() block, an empty TaskGroup, a TaskGroup with one child, an
// uncontended Lock, a set Event, a non-empty Queue, sleep(0), shield() of a new task. The request
// stays pending until the first real suspension. Then each level either awaits sleep(0)
// (delivered there), returns (the task ends cancelled with the message), or raises ValueError
// (the task fails with it). Trace: what each probe returns, cancelling() after it, where the
// cancellation lands.
// Mixed: the probes and L2 are async functions, L1 and L3 generators.

const log = [];
const L = (...a) => log.push(a.map((x) => (typeof x === "string" ? x : repr(x))).join(" "));
const cnt = () => aio.currentTask().cancelling();

const instant = aio.coroutine(function* instant(v) {
  return v;
});

const sleeper = aio.coroutine(function* sleeper(tag) {
  L("      child", tag, "runs");
  yield* aio.sleep(0);
  L("      child", tag, "done");
  return tag;
});

function probes(finished) {
  const loop = aio.getRunningLoop();
  const doneFuture = (v) => {
    const f = loop.createFuture();
    f.setResult(v);
    return f;
  };
  return [
    ["done_future", aio.coroutine(async function () {
      return await doneFuture("df");
    })],
    ["done_task", aio.coroutine(async function () {
      return await finished;
    })],
    ["shield_new_task", aio.coroutine(async function () {
      const t = aio.createTask(instant("nt"));
      return await aio.shield(t);
    })],
    ["coro", aio.coroutine(async function () {
      return await instant(await instant("co"));
    })],
    ["gather0", aio.coroutine(async function () {
      return await aio.gather();
    })],
    ["shield_done", aio.coroutine(async function () {
      return await aio.shield(doneFuture("sh"));
    })],
    ["wait_for_none", aio.coroutine(async function () {
      return await aio.waitFor(doneFuture("wf0"), null);
    })],
    ["wait_for_10", aio.coroutine(async function () {
      return await aio.waitFor(doneFuture("wf10"), 10);
    })],
    ["timeout_empty", aio.coroutine(async function () {
      return await aio.timeout(10, async function () {
        return await instant("to");
      });
    })],
    ["tg_empty", aio.coroutine(async function () {
      return await aio.taskGroup(async function () {
        return await instant("tg0");
      });
    })],
    ["tg_child", aio.coroutine(async function () {
      return await aio.taskGroup(async function (tg) {
        tg.createTask(sleeper("tgc"));
        return "tg1";
      });
    })],
    ["lock", aio.coroutine(async function () {
      const lk = new aio.Lock();
      return await lk.with(async function () {
        return "locked " + repr(lk.locked());
      });
    })],
    ["event", aio.coroutine(async function () {
      const ev = new aio.Event();
      ev.set();
      return await ev.wait();
    })],
    ["queue", aio.coroutine(async function () {
      const q = new aio.Queue();
      q.putNowait("qv");
      return await q.get();
    })],
    ["sleep0", aio.coroutine(async function () {
      return await aio.sleep(0, "s0");
    })],
  ];
}

const level3 = aio.coroutine(function* level3(name, probe) {
  try {
    const r = yield* probe();
    L("    L3", name, "->", repr(r), `c=${cnt()}`);
    return r;
  } catch (e) {
    L("    L3", name, "raised", e.name, repr(str(e)), `c=${cnt()}`);
    throw e;
  }
});

const level2 = aio.coroutine(async function level2(name, probe, then) {
  aio.currentTask().cancel("pend");
  L(`  L2 cancelled itself c=${cnt()}`);
  const r = await level3(name, probe);
  L("  L2 got", repr(r));
  if (then === "sleep") {
    try {
      await aio.sleep(0);
      L("  L2 slept, nothing pending");
    } catch (e) {
      if (!(e instanceof aio.CancelledError)) throw e;
      L("  L2 sleep raised", repr(str(e)), `c=${cnt()}`);
      throw e;
    }
  } else if (then === "raise") {
    throw new ValueError("after " + name);
  }
  return r;
});

const level1 = aio.coroutine(function* level1(name, probe, then) {
  const r = yield* level2(name, probe, then);
  L("L1 got", repr(r));
  return r;
});

await aio.run(function* main() {
  const finished = aio.createTask(instant("dt"));
  yield* finished;
  for (const then of ["sleep", "return", "raise"]) {
    for (const [name, probe] of probes(finished)) {
      log.length = 0;
      const t = aio.createTask(level1(name, probe, then));
      let out;
      try {
        const r = yield* t;
        out = `result ${repr(r)}`;
      } catch (e) {
        if (e instanceof aio.CancelledError) out = `CancelledError ${repr(str(e))}`;
        else if (e instanceof ValueError) out = `ValueError ${repr(str(e))}`;
        else throw e;
      }
      print(name, then, "->", out, "cancelling", t.cancelling());
      for (const line of log) print("   ", line);
      yield* aio.sleep(0);
    }
  }
});
