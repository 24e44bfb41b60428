import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";
import { errorClass } from "./task_util.mjs";

// TaskGroups and the exception handler: children's errors go into the ExceptionGroup and are not
// reported; a task holding that ExceptionGroup and never retrieved is reported (message with the
// count, the members); a failing done callback on a child and on the group's task (the message
// shows the shortened task repr); a plain task started by a child that fails (reported); a child
// that raises when cancelled by the group; the body raising while children fail; nested groups.
// Python reports unretrieved exceptions when collected, aionode at the latest at loop close.
const reports = [];
let keep = [];

function describeExc(exc) {
  if (exc instanceof aio.ExceptionGroup) {
    return `${exc.name} ${repr(exc.message)} ${repr(exc.errors.map(describeExc).sort())}`;
  }
  return `${exc.name} ${repr(exc.message)}`;
}

function handler(lp, ctx) {
  const fut = ctx.future;
  reports.push(tuple(ctx.message, Object.keys(ctx).sort(), describeExc(ctx.exception), fut instanceof aio.Task ? fut.getName() : null));
}

const AppError = errorClass("AppError");
const fails = aio.coroutine(async function fails(msg, ticks = 1) {
  for (let i = 0; i < ticks; i++) await aio.sleep(0);
  throw new AppError(msg);
});
const holdout = aio.coroutine(async function holdout(msg) {
  try {
    await aio.sleep(10);
  } catch (e) {
    if (e instanceof aio.CancelledError) throw new AppError(msg);
    throw e;
  }
});
const spawner = aio.coroutine(async function spawner() {
  keep.push(aio.createTask(fails("orphan of a child"), { name: "orphan" }));
  await aio.sleep(0);
  await aio.sleep(0);
  return "spawner ok";
});
function done_boom(t) {
  throw new AppError("done cb of " + t.getName());
}

const groupA = aio.coroutine(async function group_a() {
  await aio.taskGroup(async (tg) => {
    const c1 = tg.createTask(fails("child 1", 1), { name: "c1" });
    c1.addDoneCallback(done_boom);
    tg.createTask(fails("child 2", 2), { name: "c2" });
    tg.createTask(holdout("holdout child"), { name: "c3" });
    tg.createTask(spawner(), { name: "c4" });
  });
});

const groupB = aio.coroutine(async function group_b() {
  await aio.taskGroup(async (tg) => {
    tg.createTask(fails("b child", 1), { name: "b1" });
    const nested = aio.coroutine(async function nested() {
      await aio.taskGroup(async (tg2) => {
        tg2.createTask(fails("nested child", 1), { name: "n1" });
        tg2.createTask(holdout("nested holdout"), { name: "n2" });
      });
    });
    tg.createTask(nested(), { name: "b2" });
    await aio.sleep(0);
    throw new AppError("body of b");
  });
});

// a few loop iterations, independent of the machine's speed
const settle = aio.coroutine(async function settle(n = 12) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

const main = aio.coroutine(async function main() {
  const lp = aio.getRunningLoop();
  const ta = lp.createTask(groupA(), { name: "group-a" });
  const tb = lp.createTask(groupB(), { name: "group-b" });
  ta.addDoneCallback(done_boom);
  await settle();
  print("a done", ta.done(), "b done", tb.done());
  print("b:", describeExc(tb.exception()));
  keep.push(ta);
  try {
    await aio.taskGroup(async (tg) => {
      tg.createTask(fails("awaited group", 1), { name: "c" });
    });
  } catch (eg) {
    if (!(eg instanceof aio.ExceptionGroup)) throw eg;
    print("caught", describeExc(eg));
  }
  print("main done");
});

const loop = aio.newEventLoop();
aio.setEventLoop(loop);
loop.setExceptionHandler(handler);
await loop.runUntilComplete(main());
keep = [];
loop.close();
print("reports:");
const byRepr = (a, b) => (repr(a) < repr(b) ? -1 : repr(a) > repr(b) ? 1 : 0);
for (const r of reports.sort(byRepr)) print(" ", r);
