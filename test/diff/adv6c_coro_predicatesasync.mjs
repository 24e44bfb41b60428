import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// isCoroutine() / isCoroutineFunction() over the kinds of object a program holds (coroutine
// functions and their objects, before, during and after they ran, methods, partials (bound
// functions in JavaScript), tasks, futures, plain functions and values), and what the
// composition functions do with a coroutine object: ensureFuture, gather, shield and
// asCompleted wrap it in a task; wait() rejects it with a TypeError and leaves it unused (it
// can still be awaited afterwards); waitFor(coro, 0) times out before the body ever runs, and
// the coroutine is then used up.

const ran = [];

const work = aio.coroutine(async function (tag) {
  ran.push(tag);
  await aio.sleep(0);
  return "w-" + tag;
});

class Holder {
  plain() {
    return 1;
  }
}
Holder.prototype.method = aio.coroutine(async function (x) {
  return x * 2;
});

function plain() {
  return 1;
}

function report(name, x) {
  print(`${name.padEnd(24)} iscoroutine ${repr(aio.isCoroutine(x)).padEnd(5)} iscoroutinefunction ${repr(aio.isCoroutineFunction(x))}`);
}

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const h = new Holder();
  const fresh = work("fresh");
  report("coroutine function", work);
  report("coroutine object", fresh);
  report("method", h.method);
  report("method's coroutine", h.method(1));
  report("partial", work.bind(null, "p"));
  report("partial of a partial", h.method.bind(h).bind(null, 2));
  report("partial's coroutine", work.bind(null, "p")());
  report("plain function", plain);
  report("plain method", h.plain);
  report("lambda", () => 1);
  report("None", null);
  report("int", 42);
  report("str", "work");
  const fut = loop.createFuture();
  report("future", fut);
  let t = aio.createTask(work("t"));
  report("task", t);
  report("task.get_coro()", t.getCoro());
  await t;
  report("finished task's coro", t.getCoro());
  report("awaited coroutine", fresh);
  print("fresh result", await fresh, "ran", ran);
  report("finished coroutine", fresh);
  ran.length = 0;

  print("== wait() rejects a coroutine object and leaves it unused");
  let c = work("waited");
  for (const arg of [[c], new Set([c])]) {
    try {
      await aio.wait(arg);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print("wait TypeError, ran", ran);
    }
  }
  t = aio.createTask(work("other"));
  try {
    await aio.wait([t, c]);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("wait with a task and a coroutine: TypeError, ran", ran);
  }
  print("the coroutine awaited afterwards ->", await c, "ran", ran);
  await t;
  ran.length = 0;

  print("== ensure_future / gather / shield / as_completed wrap it in a task");
  const f = aio.ensureFuture(work("ef"));
  print("ensure_future gives a task", f instanceof aio.Task, "ran", ran);
  print("ensure_future ->", await f);
  const g = aio.gather(work("g1"), work("g2"));
  print("gather future is a task", g instanceof aio.Task, "ran", ran);
  print("gather ->", await g, "ran", ran);
  const s = aio.shield(work("sh"));
  print("shield gives a future, done", s.done());
  print("shield ->", await s);
  const out = [];
  for (const nxt of aio.asCompleted([work("a1"), work("a2")])) out.push(await nxt);
  print("as_completed ->", out.sort(), "ran", [...ran].sort());
  ran.length = 0;

  print("== wait_for(coro, 0) and wait_for(coro, -1): timeout before the body runs");
  for (const timeout of [0, -1]) {
    c = work(`wf${timeout}`);
    try {
      await aio.waitFor(c, timeout);
      print("no timeout?");
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("wait_for", timeout, "TimeoutError, ran", ran);
    }
    try {
      await c;
    } catch (e) {
      if (!(e instanceof aio.RuntimeError)) throw e;
      print("awaiting it afterwards ->", repr(e.message));
    }
  }

  print("== wait_for(coro, None) and a long timeout run it");
  print(await aio.waitFor(work("none"), null), await aio.waitFor(work("long"), 100), "ran", ran);

  print("== ensure_future of a non-awaitable");
  for (const [bad, name] of [[42, "int"], [null, "NoneType"], ["x", "str"], [plain, "function"]]) {
    try {
      aio.ensureFuture(bad);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print("ensure_future TypeError for", name);
    }
  }
  print("the loop goes on:", await aio.sleep(0, "ok"));
});
