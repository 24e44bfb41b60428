import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// tg.createTask() from places the body does not expect: the body's own CancelledError handler
// after an outside cancel (allowed: the group is not aborting yet; the new task is cancelled by
// the exit before its first step), an unrelated task adding to the group while it waits in its
// exit, a child's done callback while the group aborts, a task created during the abort by a
// sibling that failed; the group's repr (tasks=, errors=, cancelling) at each point and in the
// RuntimeError messages.

const ValueError = errorClass("ValueError");
const KeyError = errorClass("KeyError");
const isCancel = (e) => e instanceof aio.CancelledError;
const args = (e) => (e.message === "" ? "()" : `(${repr(e.message)},)`);
const strOf = (e) => (e.name === "KeyError" ? repr(e.message) : str(e));
function desc(e) {
  if (e instanceof aio.ExceptionGroup) return `${e.name}(${repr(e.message)}, [${e.errors.map(desc).join(", ")}])`;
  if (isCancel(e)) return `CancelledError${args(e)}`;
  return `${e.name}(${repr(strOf(e))})`;
}

const leaf = aio.coroutine(async function leaf(name, n = 1) {
  print("  leaf", name, "started");
  for (let i = 0; i < n; i++) await aio.sleep(0);
  print("  leaf", name, "done");
  return name;
});

const fail = aio.coroutine(async function fail(n, msg) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  throw new ValueError(msg);
});

function tryCreate(tg, label, n = 1) {
  const coro = leaf(label, n);
  try {
    const t = tg.createTask(coro, { name: label });
    print("  created", label, String(tg));
    return t;
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("  RuntimeError", label, repr(str(e)));
    return null;
  }
}

const in_cancel_handler = aio.coroutine(async function in_cancel_handler() {
  const holder = {};
  await aio.taskGroup(async function (tg) {
    tg.createTask(leaf("first", 3));
    try {
      await aio.sleep(10);
    } catch (e) {
      if (isCancel(e)) {
        print("  body cancelled", String(tg));
        holder.t = tryCreate(tg, "in-handler");
      }
      throw e;
    }
  });
  return "unreached";
});

const outsider = aio.coroutine(async function outsider(tg, n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
  print("  outsider adds", String(tg));
  // Boxed: an async function returning a task would have it adopted by its Promise.
  return { task: tryCreate(tg, "from-outsider", 2) };
});

const failing_spawner = aio.coroutine(async function failing_spawner(tg) {
  await aio.sleep(0);
  tryCreate(tg, "before-fail");
  throw new KeyError("spawner");
});

await aio.run(async function main() {
  print("-- create_task in the body's CancelledError handler");
  const t = aio.createTask(in_cancel_handler());
  await aio.sleep(0);
  t.cancel("outside");
  try {
    await t;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  parent", desc(e));
  }

  print("-- an unrelated task adds while the group waits in its exit");
  let tg, o;
  await aio.taskGroup(async function (g) {
    tg = g;
    g.createTask(leaf("member", 3));
    o = aio.createTask(outsider(g, 1));
    print("  body ends", String(g));
  });
  print("  exited", String(tg));
  const added = (await o).task;
  print("  outsider's task done", added.done(), added.result());
  tryCreate(tg, "late");

  print("-- done callback of a failing child while the group aborts");
  let tg2;
  const onDone = (task) => {
    print("  done callback", String(tg2));
    tryCreate(tg2, "from-cb");
  };
  try {
    await aio.taskGroup(async function (g) {
      tg2 = g;
      const f = g.createTask(fail(1, "boom"));
      f.addDoneCallback(onDone);
      g.createTask(leaf("slow", 4));
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  group", desc(eg));
  }
  print("  after", String(tg2));

  print("-- a child creates a sibling, then fails");
  let tg3;
  try {
    await aio.taskGroup(async function (g) {
      tg3 = g;
      g.createTask(failing_spawner(g));
      await aio.sleep(0);
      print("  body sees", String(g));
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  group", desc(eg));
  }
  print("  after", String(tg3));

  print("-- the group's repr with errors pending");
  try {
    await aio.taskGroup(async function (g) {
      g.createTask(fail(1, "e1"));
      g.createTask(fail(1, "e2"));
      g.createTask(leaf("l", 5));
      try {
        await aio.sleep(10);
      } catch (e) {
        if (isCancel(e)) {
          await aio.sleep(0);
          print("  body sees", String(g));
          tryCreate(g, "x");
        }
        throw e;
      }
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("  group", desc(eg));
  }
  print("-- loop still works", await aio.sleep(0, "yes"));
});
