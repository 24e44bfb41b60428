import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";
import { ValueError, errorClass } from "./task_util.mjs";
import { rep } from "./adv9b_util.mjs";

// "exception was never retrieved" and run()'s shutdown reports, for futures and tasks left
// inside compositions when run() ends: which ways of looking at a stored exception count as
// retrieving it (exception(), result(), await, gather, gather(returnExceptions), wait, shield,
// a done callback that does or does not look, cancel() after the fact), and what run()'s
// shutdown reports for tasks that turn its cancellation into an error inside gather, shield and
// a TaskGroup (cases whose outcome does not depend on the order the shutdown cancels tasks in).
// The handler's context keys, messages, exception reprs and the kind of object are collected
// and printed sorted after run() returns (Python reports when objects are collected, aionode at
// the latest when the loop closes).

const reports = [];

const AppError = errorClass("AppError", ValueError);

function kind(obj) {
  if (obj instanceof aio.Task) return "Task";
  if (obj instanceof aio.GatheringFuture) return "_GatheringFuture";
  return "Future";
}

function handler(loop, ctx) {
  const obj = ctx.future ?? ctx.task;
  const name = obj instanceof aio.Task ? obj.getName() : null;
  reports.push(tuple(ctx.message, Object.keys(ctx).sort(), rep(ctx.exception), kind(obj), name));
}

const ticks = aio.coroutine(async function ticks(n = 6) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const fails = aio.coroutine(async function fails(msg) {
  await aio.sleep(0);
  throw new AppError(msg);
});

const raiseOnCancel = aio.coroutine(async function raise_on_cancel(msg) {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (e instanceof aio.CancelledError) throw new AppError(msg);
    throw e;
  }
});

const tgHolder = aio.coroutine(async function tg_holder() {
  await aio.taskGroup(async function (tg) {
    tg.createTask(raiseOnCancel("tg child 1"), { name: "tgc1" });
    tg.createTask(aio.sleep(10), { name: "tgc3" });
  });
});

const shieldHolder = aio.coroutine(async function shield_holder(inner) {
  return await aio.shield(inner);
});

const main = aio.coroutine(async function main() {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler(handler);

  function stored(msg) {
    const f = loop.createFuture();
    f.setException(new AppError(msg));
    return f;
  }

  // plain futures: how the exception is (not) looked at
  stored("never looked at");
  let f = stored("exception() called");
  print("exception() ->", repr(f.exception()));
  f = stored("result() called");
  try {
    f.result();
  } catch (e) {
    print("result() raised", repr(e));
  }
  f = stored("awaited");
  try {
    await f;
  } catch (e) {
    print("await raised", repr(e));
  }
  f = stored("done callback ignores");
  f.addDoneCallback((fut) => print("ignoring callback, done", fut.done()));
  f = stored("done callback looks");
  f.addDoneCallback((fut) => print("looking callback", repr(fut.exception())));
  f = stored("cancelled after");
  print("cancel after set_exception ->", f.cancel());
  f = stored("gathered");
  try {
    await aio.gather(f);
  } catch (e) {
    print("gather raised", repr(e));
  }
  f = stored("gathered rx");
  print("gather rx ->", repr(await aio.gather(f, { returnExceptions: true })));
  f = stored("waited");
  const [done, pending] = await aio.wait([f]);
  print("wait done", done.size, "pending", pending.size);
  f = stored("shielded inner");
  let outer = aio.shield(f);
  await ticks();
  print("shield outer done", outer.done());
  outer = null;
  // pending future: exception() and result() raise InvalidStateError
  const p = loop.createFuture();
  for (const name of ["exception", "result"]) {
    try {
      p[name]();
    } catch (e) {
      print("pending", name, "raised", repr(e));
    }
  }
  p.cancel("gone");
  for (const name of ["exception", "result"]) {
    try {
      p[name]();
    } catch (e) {
      print("cancelled", name, "raised", repr(e));
    }
  }

  // tasks
  let t = loop.createTask(fails("task never looked at"), { name: "t-never" });
  t = loop.createTask(fails("task exception() in callback"), { name: "t-cb" });
  t.addDoneCallback((task) => print("task callback", repr(task.exception())));
  t = loop.createTask(fails("task awaited"), { name: "t-awaited" });
  try {
    await t;
  } catch (e) {
    print("task await raised", repr(e));
  }
  t = loop.createTask(fails("task in TaskGroup"), { name: "t-tg" });
  try {
    await aio.taskGroup(async function (tg) {
      tg.createTask(aio.sleep(0));
      await t;
    });
  } catch (e) {
    print("await in TaskGroup body raised", rep(e));
  }
  await ticks();

  // left behind for run()'s shutdown
  const g1 = loop.createTask(raiseOnCancel("gather child"), { name: "g1" });
  aio.gather(g1, loop.createFuture());
  const sInner = loop.createTask(raiseOnCancel("shield inner"), { name: "s-inner" });
  loop.createTask(shieldHolder(sInner), { name: "s-outer" });
  loop.createTask(tgHolder(), { name: "tg-holder" });
  loop.createTask(raiseOnCancel("plain"), { name: "plain" });
  await ticks();
  print("main returns");
  return "main result";
});

print("run ->", await aio.run(main));
print("reports:");
const byRepr = (a, b) => (repr(a) < repr(b) ? -1 : repr(a) > repr(b) ? 1 : 0);
for (const r of reports.sort(byRepr)) print(" ", r);
