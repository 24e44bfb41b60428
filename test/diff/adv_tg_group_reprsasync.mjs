import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const R = (x) => String(x); // aionode objects print asyncio's reprs

const ticks = aio.coroutine(async function ticks(n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const sleeper = aio.coroutine(async function sleeper() {
  await aio.sleep(10);
});

const failing = aio.coroutine(async function failing(msg, n = 1) {
  await ticks(n);
  throw new ValueError(msg);
});

const innerGroup = aio.coroutine(async function inner_group(msg) {
  await aio.taskGroup(async function (tg) {
    tg.createTask(failing(msg), { name: "inner-" + msg });
  });
});

const groupBody = aio.coroutine(async function group_body(holder) {
  await aio.taskGroup(async function (tg) {
    holder.tg = tg;
    print("entered", R(tg));
    const a = tg.createTask(sleeper(), { name: "sl" });
    print("one task", R(tg));
    await aio.sleep(0);
    print("child", R(a));
    tg.createTask(failing("x"), { name: "ch" });
    tg.createTask(innerGroup("y"), { name: "ig" });
    print("three tasks", R(tg));
  });
  print("not reached");
});

await aio.run(async function main() {
  print("-- a group never entered");
  const g0 = new aio.TaskGroup();
  try {
    g0.createTask(sleeper());
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("RuntimeError", repr(str(e)), R(g0));
  }

  const holder = {};
  const t = aio.createTask(groupBody(holder), { name: "g" });
  await ticks(2);
  print("parent in body", R(t));
  await ticks(2);
  print("group while aborting", R(holder.tg));
  try {
    await t;
  } catch (e) {
    print("raised", e.name, repr(str(e)));
    print("repr", reprOf(e));
    print("members", e.errors.map((x) => reprOf(x)));
  }
  print("failed task", R(t));
  print("group after", R(holder.tg));

  print("-- exception groups in future reprs");
  const loop = aio.getRunningLoop();
  const f = loop.createFuture();
  f.setException(t.exception());
  print(R(f));
  const f2 = loop.createFuture();
  f2.setException(t.exception().errors[1]);
  print(R(f2));
  f.exception(), f2.exception();

  print("-- the parent waits in the group's exit");
  const waitsOnExit = aio.coroutine(async function waits_on_exit() {
    await aio.taskGroup(async function (tg) {
      tg.createTask(ticks(3), { name: "tk" });
    });
    return "ok";
  });
  const w = aio.createTask(waitsOnExit(), { name: "w" });
  await ticks(1);
  print("waiting on exit", R(w).replace("coro=<waits_on_exit()>", "coro=<main.<locals>.waits_on_exit()>"));
  print("result", await w, R(w).replace("coro=<waits_on_exit()>", "coro=<main.<locals>.waits_on_exit()>"));

  print("-- body error plus child errors");
  const bodyFails = aio.coroutine(async function body_fails() {
    await aio.taskGroup(async function (tg) {
      tg.createTask(failing("c1", 0), { name: "c1" });
      await ticks(2);
    });
  });
  const b = aio.createTask(bodyFails(), { name: "b" });
  try {
    await b;
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("eg repr", reprOf(eg));
  }
  print("task", R(b).replace("coro=<body_fails()>", "coro=<main.<locals>.body_fails()>"));
});

// repr(exc) through a finished future's repr: `<Future finished exception=REPR>`.
function reprOf(e) {
  const f = aio.getRunningLoop().createFuture();
  f.setException(e);
  f.exception();
  return String(f).slice("<Future finished exception=".length, -1);
}
