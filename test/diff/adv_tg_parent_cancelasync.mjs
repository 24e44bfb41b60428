import * as aio from "aionode";
import { print, repr, str, pyStr } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(pyStr(m)); this.name = "KeyError"; } } // str(KeyError('x')) is "'x'"
const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const slowCleanup = aio.coroutine(async function (name, n, Exc = null) {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (!isCancel(e)) throw e;
    // Printed after the cleanup only: siblings cancelled by one abort are cancelled in the
    // order of a set (of tasks, by address), so their cleanups must differ in length.
    await ticks(n);
    print("  ", name, "cancelled", repr(str(e)), "cleanup done");
    if (Exc !== null) throw new Exc(name);
    throw e;
  }
  return name;
});

const quick = aio.coroutine(async function (name, n = 1, Exc = null) {
  await ticks(n);
  if (Exc !== null) {
    print("  ", name, "raises");
    throw new Exc(name);
  }
  return name;
});

function fmt(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}[${e.errors.map(fmt).join(", ")}]`;
  return `${e.name}(${repr(str(e))})`;
}

function tryCreate(tg, label) {
  try {
    const t = tg.createTask(quick("late"));
    print("  ", label, "created", t.getName().startsWith("Task-"));
    return t;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("  ", label, "RuntimeError", repr(str(e)));
  }
}

// cancels: [ticks to wait, message] pairs, each cancelling the task from outside.
const drive = aio.coroutine(async function (label, body, cancels = []) {
  print("--", label);
  const t = aio.createTask(body());
  for (const [n, msg] of cancels) {
    await ticks(n);
    print("  cancel from outside ->", t.cancel(msg), "cancelling", t.cancelling());
  }
  try {
    const r = await t;
    print("  result", repr(r));
  } catch (e) {
    if (isCancel(e)) print("  CancelledError", repr(str(e)));
    else print("  raised", fmt(e));
  }
  print("  task cancelled", t.cancelled(), "cancelling", t.cancelling());
});

await aio.run(async function () {
  const b1 = aio.coroutine(async function () {
    const me = aio.currentTask();
    await aio.taskGroup(async function (tg) {
      tg.createTask(slowCleanup("c1", 2));
      try {
        await aio.sleep(10);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("  body sees", repr(str(e)), "cancelling", me.cancelling(), repr(tg));
        tryCreate(tg, "in body after external cancel");
        throw e;
      }
    });
  });
  await drive("external cancel while the body awaits: message kept, child created meanwhile", b1, [[1, "stop-1"]]);

  const b2 = aio.coroutine(async function () {
    await aio.taskGroup(async function (tg) {
      tg.createTask(slowCleanup("c1", 3));
      tg.createTask(slowCleanup("c2", 1));
    });
    print("  not reached");
  });
  await drive("two external cancels while the group waits on exit (slow cleanups)", b2, [[1, "first"], [1, "second"]]);

  const b3 = aio.coroutine(async function () {
    await aio.taskGroup(async function (tg) {
      tg.createTask(slowCleanup("c1", 1, KeyError));
      tg.createTask(slowCleanup("c2", 2));
    });
    print("  not reached");
  });
  await drive("external cancel, a child's cleanup fails: the error wins over the cancellation", b3, [[1, "ext"]]);

  const b4 = aio.coroutine(async function () {
    const me = aio.currentTask();
    await aio.taskGroup(async function (tg) {
      tg.createTask(quick("c1", 3));
      try {
        await aio.sleep(10);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("  body withdraws the cancel, uncancel ->", me.uncancel());
      }
      tryCreate(tg, "after uncancel");
      await ticks(1);
    });
    return "b4 done";
  });
  await drive("body swallows the external cancel and uncancels: group finishes normally", b4, [[1, "x"]]);

  const b5 = aio.coroutine(async function () {
    const me = aio.currentTask();
    await aio.taskGroup(async function (tg) {
      tg.createTask(quick("c1", 1, ValueError));
      tg.createTask(slowCleanup("c2", 1));
      try {
        await aio.sleep(10);
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("  body sees", repr(str(e)), "cancelling", me.cancelling(), repr(tg));
        tryCreate(tg, "while shutting down");
        await ticks(3);
        print("  body after children done", repr(tg));
        tryCreate(tg, "shutting down, no tasks left");
        throw e;
      }
    });
    print("  not reached");
  });
  await drive("a child fails: createTask from the aborted body", b5);

  const b6 = aio.coroutine(async function () {
    const me = aio.currentTask();
    let tg1;
    try {
      await aio.taskGroup(async function (tg) {
        tg1 = tg;
        tg.createTask(quick("c1", 1, ValueError));
        await aio.sleep(10);
      });
    } catch (eg) {
      if (!(eg instanceof aio.ExceptionGroup)) throw eg;
      print("  caught", fmt(eg), "cancelling", me.cancelling(), repr(tg1));
    }
    tryCreate(tg1, "after failure");
    await ticks(1);
    return "b6 survived";
  });
  await drive("a child fails while an external cancel is also pending", b6, [[1, "ext-too"]]);

  const b7 = aio.coroutine(async function () {
    const me = aio.currentTask();
    let c, d;
    await aio.taskGroup(async function (tg) {
      c = tg.createTask(slowCleanup("c1", 0));
      d = tg.createTask(quick("c2", 2));
      await ticks(1);
      print("  cancel a child directly ->", c.cancel("direct"));
      await ticks(1);
      print("  group after a child was cancelled", repr(tg), "cancelling", me.cancelling());
    });
    print("  c cancelled", c.cancelled(), "d", d.result());
    return "b7 done";
  });
  await drive("a child cancelled directly does not abort the group", b7);

  const b8 = aio.coroutine(async function () {
    const selfCancel = aio.coroutine(async function () {
      await ticks(1);
      throw new aio.CancelledError("my own");
    });
    let q;
    await aio.taskGroup(async function (tg) {
      const s = tg.createTask(selfCancel());
      q = tg.createTask(quick("q", 3));
      await ticks(2);
      print("  after the self-cancelling child", repr(tg), "s cancelled", s.cancelled());
    });
    print("  q", q.result());
    return "b8 done";
  });
  await drive("a child raising CancelledError itself is ignored too", b8);

  const b9 = aio.coroutine(async function () {
    await aio.taskGroup(async function (tg) {
      tg.createTask(quick("c1", 5));
      await ticks(1);
    });
    return "b9 done";
  });
  await drive("external cancel twice while the group waits on exit, child quick", b9, [[2, "a"], [0, "b"]]);

  const b10 = aio.coroutine(async function () {
    let tg1;
    await aio.taskGroup(async function (tg) { tg1 = tg; });
    print("  empty group repr", repr(tg1));
    tryCreate(tg1, "empty finished group");
    return "b10";
  });
  await drive("an empty group", b10);

  const b11 = aio.coroutine(async function () {
    await aio.taskGroup(async function (tg) {
      tg.createTask(quick("c1", 2));
      print("  before any await", repr(tg));
    });
    return "b11";
  });
  await drive("external cancel before the task's first step", b11, [[0, "early"]]);
});
