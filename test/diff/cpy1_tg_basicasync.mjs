// CPython test_taskgroups.py scenarios: test_taskgroup_01, test_taskgroup_02, test_taskgroup_03,
// test_taskgroup_22, test_taskgroup_24, test_taskgroup_task_name.
// Children that finish in their own time, a child created while the body sleeps, a child cancelled
// by hand (the group goes on), the group's task cancelled from outside, children creating more
// children in their group, and a child's name.
import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

const R = (x) => String(x);
const isCancel = (e) => e instanceof aio.CancelledError;

const t01 = aio.coroutine(async function t01() {
  print("== test_taskgroup_01");
  const loop = aio.getRunningLoop();
  const foo = aio.coroutine(async function foo(name, d, v) {
    await aio.sleep(d);
    print("  ", name, "done");
    return v;
  });
  let t1, t2;
  await aio.taskGroup(async function (g) {
    t1 = g.createTask(foo("foo1", 0.1, 42));
    t2 = g.createTask(foo("foo2", 0.2, 11));
    print("  body ends; t1 done", t1.done(), "t2 done", t2.done());
  });
  print("  group exited");
  print("  results", t1.result(), t2.result());
});

const t02 = aio.coroutine(async function t02() {
  print("== test_taskgroup_02");
  const loop = aio.getRunningLoop();
  const foo = aio.coroutine(async function foo(name, d, v) {
    await aio.sleep(d);
    print("  ", name, "done");
    return v;
  });
  let t1, t2, tg;
  await aio.taskGroup(async function (g) {
    tg = g;
    t1 = g.createTask(foo("foo1", 0.1, 42));
    await aio.sleep(0.2);
    print("  body woke", "t1 done", t1.done(), R(g));
    t2 = g.createTask(foo("foo2", 0.1, 11));
    print("  after create", R(g));
  });
  print("  group exited", R(tg));
  print("  results", t1.result(), t2.result());
});

const t03 = aio.coroutine(async function t03() {
  print("== test_taskgroup_03");
  const loop = aio.getRunningLoop();
  const foo = aio.coroutine(async function foo(name, d, v) {
    try {
      await aio.sleep(d);
    } catch (e) {
      if (isCancel(e)) print("  ", name, "cancelled", repr(str(e)));
      throw e;
    }
    print("  ", name, "done");
    return v;
  });
  let t1, t2;
  await aio.taskGroup(async function (g) {
    t1 = g.createTask(foo("foo1", 1, 42));
    await aio.sleep(0.1);
    print("  cancel t1 ->", t1.cancel());
    t2 = g.createTask(foo("foo2", 0.1, 11));
  });
  print("  group exited");
  print("  t1 cancelled", t1.cancelled(), "t2 result", t2.result());
  print("  cancelling", aio.currentTask().cancelling());
});

const t22 = aio.coroutine(async function t22() {
  print("== test_taskgroup_22");
  // (the children are counted, not named: asyncio cancels them in the order of a set, by address)
  let ncancelled = 0;
  const foo = aio.coroutine(async function foo(name, d) {
    try {
      await aio.sleep(d);
    } catch (e) {
      if (isCancel(e)) ncancelled += 1;
      throw e;
    }
  });
  const runner = aio.coroutine(async function runner() {
    try {
      await aio.taskGroup(async function (g) {
        g.createTask(foo("foo1", 1));
        g.createTask(foo("foo2", 2));
      });
    } catch (e) {
      print("  runner sees", e.name);
      throw e;
    }
  });
  const r = aio.createTask(runner());
  await aio.sleep(0.1);
  print("  cancel ->", r.cancel());
  try {
    await r;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  await r: CancelledError; cancelled", r.cancelled(), "children cancelled", ncancelled);
  }
});

const t24 = aio.coroutine(async function t24() {
  print("== test_taskgroup_24");
  const loop = aio.getRunningLoop();
  const coro1 = aio.coroutine(async function coro1(name, delay) {
    await aio.sleep(delay);
    print("  ", name, "done");
  });
  const root = aio.coroutine(async function root(g) {
    await aio.sleep(0.1);
    print("  root adds two children to", R(g));
    g.createTask(coro1("c1", 0.1));
    g.createTask(coro1("c2", 0.2));
    print("  root ends", R(g));
  });
  const runner = aio.coroutine(async function runner() {
    let tg;
    await aio.taskGroup(async function (g) {
      tg = g;
      g.createTask(root(g));
      print("  body ends", R(g));
    });
    print("  runner done", R(tg));
  });
  await runner();
});

const taskName = aio.coroutine(async function task_name() {
  print("== test_taskgroup_task_name");
  const coro = aio.coroutine(async function coro() {
    await aio.sleep(0);
  });
  let t;
  await aio.taskGroup(async function (g) {
    t = g.createTask(coro(), { name: "yolo" });
    print("  name", repr(t.getName()));
  });
  print("  done", t.done(), "result", t.result());
});

await aio.run(async function main() {
  for (const f of [t01, t02, t03, t22, t24, taskName]) await aio.createTask(f());
});
