// Async-function twin of adv5_comp_cancel_as_exception.py.
import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

class Sub extends aio.CancelledError { constructor(m) { super(m); this.name = "Sub"; } }

function handler(loop, ctx) {
  print("  handler:", repr(ctx.exception));
}

const raisesSub = aio.coroutine(async function () {
  await aio.sleep(0);
  throw new Sub("sub");
});

function failed(loop, msg) {
  const f = loop.createFuture();
  f.setException(new aio.CancelledError(msg));
  return f;
}

const desc = (x) => (x instanceof Error ? tuple(x.name, str(x)) : x);

function isCancel(e) {
  if (!(e instanceof aio.CancelledError)) throw e;
  return true;
}

await aio.run(async () => {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler(handler);
  const me = aio.currentTask();

  print("-- gather(return_exceptions) over a Sub-raising task and a future failed with one");
  const t = aio.createTask(raisesSub());
  const f = failed(loop, "as-exc");
  const res = await aio.gather(t, f, { returnExceptions: true });
  print("results", res.map(desc));
  print("t cancelled", t.cancelled(), "f cancelled", f.cancelled(), "f.exception", desc(f.exception()));
  try {
    t.result();
  } catch (e) {
    if (isCancel(e)) print("t.result() raises", desc(e));
  }
  try {
    t.exception();
  } catch (e) {
    if (isCancel(e)) print("t.exception() raises", desc(e));
  }

  print("-- gather without return_exceptions: the failed future's error, the gather not cancelled");
  let g = aio.gather(f, aio.sleep(0, "s"));
  try {
    await g;
  } catch (e) {
    if (isCancel(e)) print("g raised", desc(e), "is f's", e === f.exception(), "g.cancelled", g.cancelled(), "cancelling", me.cancelling());
  }
  await aio.sleep(0);
  const t2 = aio.createTask(raisesSub());
  g = aio.gather(t2, aio.sleep(0, "s"));
  try {
    await g;
  } catch (e) {
    if (isCancel(e)) print("g over the Sub task raised", desc(e), "g.cancelled", g.cancelled(), "cancelling", me.cancelling());
  }
  await aio.sleep(0);

  print("-- wait(FIRST_EXCEPTION): a failed future counts, a cancelled task does not");
  const f2 = failed(loop, "x2");
  const p = loop.createFuture();
  let [done, pending] = await aio.wait([f2, p], { returnWhen: aio.FIRST_EXCEPTION });
  print("done", done.size, "pending", pending.size);
  const t3 = aio.createTask(raisesSub());
  const t4 = aio.createTask(aio.sleep(0.05, "slow"));
  [done, pending] = await aio.wait([t3, t4], { returnWhen: aio.FIRST_EXCEPTION });
  print("done", done.size, "pending", pending.size, "t3 cancelled", t3.cancelled());

  print("-- shield, wait_for, as_completed of a failed-with-CancelledError future");
  print("shield is f2", aio.shield(f2) === f2);
  try {
    await aio.shield(f2);
  } catch (e) {
    if (isCancel(e)) print("await shield(f2)", desc(e), "cancelling", me.cancelling());
  }
  try {
    await aio.waitFor(f2, 1);
  } catch (e) {
    if (e instanceof aio.TimeoutError) print("wait_for TimeoutError");
    else if (isCancel(e)) print("wait_for raised", desc(e), "cancelling", me.cancelling());
  }
  const f3 = loop.createFuture();
  loop.callSoon(function fail_later() { f3.setException(new aio.CancelledError("x3")); });
  try {
    await aio.waitFor(f3, 5);
  } catch (e) {
    if (e instanceof aio.TimeoutError) print("wait_for TimeoutError");
    else if (isCancel(e)) print("wait_for (failed while waiting) raised", desc(e), "cancelling", me.cancelling());
  }
  const f4 = loop.createFuture();
  loop.callSoon(function fail_f4() { f4.setException(new aio.CancelledError("x4")); });
  try {
    await aio.waitFor(f4, 0);
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("wait_for(f4, 0): TimeoutError, f4 cancelled", f4.cancelled());
  }
  for (const c of aio.asCompleted([failed(loop, "ac")])) {
    try {
      await c;
    } catch (e) {
      if (isCancel(e)) print("as_completed step raised", desc(e), "cancelling", me.cancelling());
    }
  }

  print("-- a task awaiting a future that fails with CancelledError ends cancelled");
  const f5 = loop.createFuture();
  const w = aio.coroutine(async function () {
    return await f5;
  });
  const tw = aio.createTask(w());
  await aio.sleep(0);
  f5.setException(new aio.CancelledError("x5"));
  try {
    await tw;
  } catch (e) {
    if (isCancel(e)) print("tw cancelled", tw.cancelled(), desc(e), "cancelling", me.cancelling());
  }
  print("loop goes on", await aio.gather(aio.sleep(0, 1), { returnExceptions: true }));
});
