import * as aio from "aionode";
import { print, repr, tuple } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// Unretrieved exceptions around composition functions: waitFor(shield(t), 0) times out and the
// shield drops its callback on t, so t's later failure is reported; wait(FIRST_COMPLETED) leaves
// both failures unretrieved; asCompleted results awaited; exception() in a done callback;
// ensureFuture of a failing coroutine; gather(returnExceptions) never awaited (its children are
// retrieved, the outer holds a list); a future holding a CancelledError as its exception
// (finished, not cancelled; reported; awaiting it raises, and a task awaiting it ends
// cancelled); one failing task awaited twice. Reports are sorted.

const reports = [];
const keep = [];

function handler(loop, context) {
  const exc = context.exception;
  reports.push(tuple(context.message, exc.name, exc.message));
}

const fails = aio.coroutine(async function fails(msg, ticks = 1) {
  for (let i = 0; i < ticks; i++) await aio.sleep(0);
  throw new ValueError(msg);
});

const ok = aio.coroutine(async function ok(v, ticks = 1) {
  for (let i = 0; i < ticks; i++) await aio.sleep(0);
  return v;
});

const waits = aio.coroutine(async function waits(f) {
  return await f;
});

const main = aio.coroutine(async function main() {
  const loop = aio.getRunningLoop();
  const ta = aio.createTask(fails("shield inner", 5));
  try {
    await aio.waitFor(aio.shield(ta), 0);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("a: timeout");
  }
  keep.push(ta);
  const d1 = aio.createTask(fails("wait first", 1));
  const d2 = aio.createTask(fails("wait later", 3));
  const [done, pending] = await aio.wait([d1, d2], { returnWhen: aio.FIRST_COMPLETED });
  print("d: done", done.size, "pending", pending.size);
  keep.push(d1, d2);
  for (const f of aio.asCompleted([fails("ac 1", 2), fails("ac 2", 1)])) {
    try {
      await f;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print("e: as_completed raised", e.message);
    }
  }
  const tj = aio.createTask(fails("seen in callback"));
  tj.addDoneCallback((f) => print("j: callback saw", f.exception().message));
  keep.push(tj);
  keep.push(aio.ensureFuture(fails("ensure_future")));
  keep.push(aio.gather(fails("gather rx 1"), ok(2), { returnExceptions: true }));
  const fn = loop.createFuture();
  fn.setException(new aio.CancelledError("as exception"));
  print("n: done", fn.done(), "cancelled", fn.cancelled());
  keep.push(fn);
  const fn2 = loop.createFuture();
  fn2.setException(new aio.CancelledError("awaited"));
  try {
    await fn2;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("n2: await raised CancelledError", repr(e.message), "main cancelling", aio.currentTask().cancelling());
  }
  const fo = loop.createFuture();
  const to = aio.createTask(waits(fo));
  await aio.sleep(0);
  fo.setException(new aio.CancelledError("from future"));
  await aio.sleep(0);
  print("o: task done", to.done(), "cancelled", to.cancelled());
  try {
    to.result();
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("o: result raised", repr(e.message));
  }
  const tp = aio.createTask(fails("two awaiters", 2));
  const awaiter = aio.coroutine(async function awaiter(tag) {
    try {
      await tp;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print("p:", tag, "got", e.message);
    }
  });
  await aio.gather(awaiter("x"), awaiter("y"));
  await aio.sleep(0.01);
  print("main done");
});

const loop = aio.newEventLoop();
aio.setEventLoop(loop);
loop.setExceptionHandler(handler);
await loop.runUntilComplete(main());
loop.close();
aio.setEventLoop(null);
print("reports:");
const byRepr = (a, b) => (repr(a) < repr(b) ? -1 : repr(a) > repr(b) ? 1 : 0);
for (const r of reports.sort(byRepr)) print(" ", r);
