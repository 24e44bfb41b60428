import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
// Mixed twin: the timeout() and taskGroup() bodies (and the inner coroutines waited for) are
// async functions run inside generator-coroutine tasks.

// TaskGroup children that sit in wait_for(): when the group aborts (a sibling fails) each such
// child is cancelled once, and its wait_for() then waits for its own inner task (not a child of
// the group) to finish cancelling. Inner tasks that clean up slowly, that never give in (until a
// flag), and a timeout() around the whole group that expires while the group waits on exit:
// the group keeps waiting (it is already aborting), and what finally comes out is the
// ExceptionGroup, not TimeoutError. cancelling() of the parent task and the children throughout.
const INF = Infinity;
function fmt(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}[${e.errors.map(fmt).join(", ")}]`;
  return `${e.name}(${repr(e.message)})`;
}
function state(t) {
  if (!t.done()) return "pending";
  if (t.cancelled()) return "cancelled";
  if (t.exception() !== null) return fmt(t.exception());
  return repr(t.result());
}
class ValueError extends Error {
  constructor(m) {
    super(m);
    this.name = "ValueError";
  }
}
const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const inner = aio.coroutine(async function (name, k, flag, h) {
  const me = aio.currentTask();
  h[name] = me;
  try {
    await aio.sleep(INF);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    // printed at the end: a TaskGroup cancels its children in the order of a set in CPython
    h["msg " + name] = `cancelled ${repr(e.message)} cancelling ${me.cancelling()}`;
  }
  if (flag === null) {
    await ticks(k);
  } else {
    while (!flag.stop) {
      try {
        await aio.sleep(0);
      } catch (e) {
        if (!(e instanceof aio.CancelledError)) throw e;
        print("      inner", name, "swallows another cancel, cancelling", me.cancelling());
      }
    }
  }
  print("      inner", name, "finishes");
  return "inner " + name;
});

const child = aio.coroutine(function* (name, k, flag, h, to) {
  const me = aio.currentTask();
  try {
    const r = yield* aio.waitFor(inner(name, k, flag, h), to);
    print("    child", name, "wait_for ->", repr(r));
    return r;
  } catch (e) {
    print("    child", name, "wait_for raised", fmt(e), "cancelling", me.cancelling());
    throw e;
  }
});

const failer = aio.coroutine(function* (n) {
  yield* ticks(n);
  throw new ValueError("sibling failed");
});

const kase = aio.coroutine(function* (label, kids, to = INF, outerExpireAt = null, stopAt = null) {
  print("--", label);
  const me = aio.currentTask();
  const h = {};
  const flag = { stop: false };
  const children = [];
  let cm = null;
  const driver = aio.coroutine(function* () {
    // runs beside the group: expires the outer timeout and lifts the flag at given ticks
    for (let i = 0; i < 16; i++) {
      if (i === outerExpireAt) {
        print("    driver: expire the outer timeout");
        cm.reschedule(-INF);
      }
      if (i === stopAt) {
        print("    driver: stop the holdout inner tasks");
        flag.stop = true;
      }
      yield* aio.sleep(0);
    }
  });
  const d = aio.createTask(driver());
  try {
    yield* aio.timeout(INF, async function (c) {
      cm = c;
      try {
        await aio.taskGroup(async function (tg) {
          for (const [name, k, holdout] of kids) children.push(tg.createTask(child(name, k, holdout ? flag : null, h, to)));
          children.push(tg.createTask(failer(2)));
        });
      } finally {
        print("    group done, parent cancelling", me.cancelling());
      }
    });
    print("  no error?!");
  } catch (e) {
    print("  ->", fmt(e), "cancelling", me.cancelling(), "outer expired", cm.expired());
  }
  yield* d;
  print("  children", children.map(state));
  for (const name of Object.keys(h).filter((k) => !k.startsWith("msg ")).sort()) {
    const it = h[name];
    if (!it.done()) yield* aio.wait([it]);
    print("  inner", name, h["msg " + name], "->", state(it), "cancelling", it.cancelling());
  }
});

await aio.run(function* () {
  yield* kase("children in wait_for(inf) with slow inner cleanup", [["a", 1, false], ["b", 6, false]]);
  yield* kase("same with wait_for(None): the inner runs in the child", [["a", 1, false], ["b", 6, false]], null);
  yield* kase("a holdout inner holds the group until the flag", [["a", 1, false], ["s", 0, true]], INF, null, 10);
  yield* kase("the outer timeout expires while the group waits on exit", [["s", 0, true]], INF, 4, 10);
  yield* kase("the outer timeout expires before the sibling fails", [["a", 2, false], ["s", 0, true]], INF, 1, 10);
  yield* kase("holdout inner with wait_for(None): the child swallows", [["s", 0, true]], null, 4, 10);
});
