import * as aio from "aionode";
import { print, str } from "./pyfmt.mjs";

// Ordering is driven by loop iterations (sleep(0) = one iteration), never by wall-clock time.
const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const child = aio.coroutine(async function (name, n, result) {
  print("child start", name);
  await ticks(n);
  print("child end", name);
  return result;
});

await aio.run(async () => {
  let t1, t2, t3, t, tg;

  print("-- all children succeed");
  const result = await aio.taskGroup(async function (g) {
    t1 = g.createTask(child("a", 6, 1));
    t2 = g.createTask(child("b", 1, 2), { name: "bee" });
    t3 = g.createTask(child("c", 3, 3));
    print("body done, waiting");
    return "body result";
  });
  print("after the block", result, [t1.result(), t2.result(), t3.result()], t2.getName());

  print("-- the body outlives its children");
  await aio.taskGroup(async function (g) {
    t = g.createTask(child("quick", 1, "q"));
    await ticks(4);
    print("body sees child done", t.done());
  });
  print("result", t.result());

  print("-- children create more children");
  const spawner = aio.coroutine(async function (g, n) {
    print("spawner", n);
    await ticks(1);
    if (n > 0) g.createTask(spawner(g, n - 1));
    return n;
  });
  await aio.taskGroup(async function (g) {
    g.createTask(spawner(g, 3));
  });
  print("all spawned tasks finished");

  print("-- nested task groups");
  const innerGroup = aio.coroutine(async function (label, d1, d2) {
    let x, y;
    await aio.taskGroup(async function (g) {
      x = g.createTask(child(label + ".1", d1, 10));
      y = g.createTask(child(label + ".2", d2, 20));
    });
    print("inner group done", label);
    return x.result() + y.result();
  });
  let g1, g2;
  await aio.taskGroup(async function (outer) {
    g1 = outer.createTask(innerGroup("g1", 3, 1));
    g2 = outer.createTask(innerGroup("g2", 20, 15));
  });
  print("nested results", g1.result(), g2.result());

  print("-- empty group");
  await aio.taskGroup(async function (g) {
    tg = g;
  });
  print("empty ok");

  print("-- create_task after the group finished");
  try {
    tg.createTask(child("late", 0, 0));
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", str(e));
  }

  print("-- current task inside the children");
  const who = aio.coroutine(async function () {
    return aio.currentTask().getName();
  });
  let n1, n2;
  await aio.taskGroup(async function (g) {
    n1 = g.createTask(who(), { name: "first" });
    n2 = g.createTask(who(), { name: "second" });
  });
  print("names", n1.result(), n2.result(), "parent", aio.currentTask().getName());
});
