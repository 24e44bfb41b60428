import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// Several timers come due in the same loop iteration: the running step blocks the loop
// (Atomics.wait) past all their deadlines, so the next iteration fires them all, in deadline order.

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
class KeyError extends Error { constructor(m) { super(m ?? ""); this.name = "KeyError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

function names(fs) { return [...fs].map((f) => f.label).sort(); }

function fut(loop, label) {
  const f = loop.createFuture();
  f.label = label;
  f.addDoneCallback((f) => print("  done cb", f.label, state(f)));
  return f;
}

function state(f) {
  if (!f.done()) return "pending";
  if (f.cancelled()) return "cancelled";
  if (f.exception() !== null) return f.exception().name;
  return "result " + repr(f.result());
}

function setres(f, v) { print("  timer sets", f.label); f.setResult(v); }
function setexc(f, e) { print("  timer fails", f.label); f.setException(e); }
function cancel(f, msg) { print("  timer cancels", f.label); f.cancel(msg); }

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();

  for (const rw of [aio.FIRST_COMPLETED, aio.FIRST_EXCEPTION, aio.ALL_COMPLETED]) {
    print("--", rw, ": two of three complete in one iteration");
    const a = fut(loop, "a"), b = fut(loop, "b"), c = fut(loop, "c");
    const now = loop.time();
    loop.callAt(now + 0.005, setres, a, "A");
    loop.callAt(now + 0.010, setexc, b, new ValueError("B"));
    loop.callSoon(print, "  soon before wait");
    block(0.03);
    const [done, pending] = await aio.wait([a, b, c], { timeout: 0.3, returnWhen: rw });
    print("  wait returned done", names(done), "pending", names(pending));
    c.cancel();
    await ticks(1);
  }

  {
    print("-- timeout expires in the same iteration as completions (between them)");
    const a = fut(loop, "a"), b = fut(loop, "b"), c = fut(loop, "c");
    const now = loop.time();
    loop.callAt(now + 0.1, setres, a, "A");
    loop.callAt(now + 0.300, setres, b, "B");
    loop.callAt(now + 0.305, print, "  timer after b");
    const task = aio.createTask(aio.wait([a, b, c], { timeout: 0.2 }));
    await ticks(1);
    block(0.35);
    const [done, pending] = await task;
    print("  wait returned done", names(done), "pending", names(pending));
    c.cancel();
    await ticks(1);
  }

  {
    print("-- FIRST_EXCEPTION: a cancellation then an exception in one iteration");
    const a = fut(loop, "a"), b = fut(loop, "b"), c = fut(loop, "c");
    const now = loop.time();
    loop.callAt(now + 0.005, cancel, a, "ca");
    loop.callAt(now + 0.010, setexc, b, new KeyError("kb"));
    block(0.03);
    const [done, pending] = await aio.wait([a, b, c], { returnWhen: aio.FIRST_EXCEPTION });
    print("  wait returned done", names(done), "pending", names(pending));
    c.setResult(null);
    await ticks(1);
  }

  {
    print("-- FIRST_EXCEPTION: only cancellations, then all done");
    const a = fut(loop, "a"), b = fut(loop, "b");
    const now = loop.time();
    loop.callAt(now + 0.005, cancel, a);
    loop.callAt(now + 0.010, cancel, b);
    block(0.03);
    const [done, pending] = await aio.wait([a, b], { returnWhen: aio.FIRST_EXCEPTION });
    print("  wait returned done", names(done), "pending", names(pending));
  }

  {
    print("-- already-done inputs plus pending ones, FIRST_COMPLETED, pending completes meanwhile");
    const a = fut(loop, "a"), b = fut(loop, "b"), c = fut(loop, "c");
    a.setResult(1);
    loop.callSoon(setres, b, 2);
    await ticks(1);
    print("  before wait");
    const [done, pending] = await aio.wait([c, a, b], { returnWhen: aio.FIRST_COMPLETED });
    print("  wait returned done", names(done), "pending", names(pending));
    c.setResult(3);
    await ticks(1);
  }

  {
    print("-- the waiting task is cancelled in the iteration its waiter is released");
    const a = fut(loop, "a"), b = fut(loop, "b");
    const waiting = aio.createTask(aio.wait([a, b], { returnWhen: aio.FIRST_COMPLETED }));
    await ticks(1);
    const now = loop.time();
    loop.callAt(now + 0.005, setres, a, "A");
    loop.callAt(now + 0.010, () => loop.callSoon(() => print("  cancel waiting ->", waiting.cancel("late"))));
    block(0.03);
    await ticks(3);
    print("  waiting:", state(waiting), "cancelling", waiting.cancelling());
    try {
      await waiting;
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  waiting raised CancelledError", repr(str(e)));
    }
    b.cancel();
    await ticks(1);
  }

  {
    print("-- the waiting task is cancelled in the iteration before the waiter is released");
    const a = fut(loop, "a"), b = fut(loop, "b");
    const waiting = aio.createTask(aio.wait([a, b], { timeout: 10 }));
    await ticks(1);
    const now = loop.time();
    loop.callAt(now + 0.005, () => print("  cancel waiting ->", waiting.cancel("early")));
    loop.callAt(now + 0.010, setres, a, "A");
    loop.callAt(now + 0.015, setres, b, "B");
    block(0.03);
    await ticks(3);
    print("  waiting:", state(waiting));
    try {
      await waiting;
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  waiting raised CancelledError", repr(str(e)));
    }
  }

  {
    print("-- wait with timeout=0 while completions are already scheduled");
    const a = fut(loop, "a"), b = fut(loop, "b");
    loop.callSoon(setres, a, "A");
    const [done, pending] = await aio.wait([a, b], { timeout: 0 });
    print("  wait returned done", names(done), "pending", names(pending));
    b.cancel();
    await ticks(1);
  }

  {
    print("-- tasks finishing in the same step as the timeout");
    const child = aio.coroutine(async function (name, delay, fail = false) {
      await aio.sleep(delay);
      print("  child", name, "finishes");
      if (fail) throw new ValueError(name);
      return name;
    });
    const t1 = aio.createTask(child("t1", 0.005), { name: "t1" });
    const t2 = aio.createTask(child("t2", 0.045, true), { name: "t2" });
    const t3 = aio.createTask(child("t3", 0.5), { name: "t3" });
    for (const t of [t1, t2, t3]) t.label = t.getName();
    await ticks(1);
    block(0.08);
    const [done, pending] = await aio.wait([t1, t2, t3], { timeout: 0.2, returnWhen: aio.FIRST_EXCEPTION });
    print("  wait returned done", names(done), "pending", names(pending));
    t3.cancel();
    await ticks(2);
    print("  t2 exception", repr(t2.exception()), "me cancelling", me.cancelling());
  }
});
