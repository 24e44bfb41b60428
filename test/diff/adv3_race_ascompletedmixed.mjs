import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

function fut(loop, label) {
  const f = loop.createFuture();
  f.label = label;
  return f;
}
function setres(f, v) { print("  sets", f.label); f.setResult(v); }
function setexc(f, e) { print("  fails", f.label); f.setException(e); }

const drain = aio.coroutine(async function (label, it) {
  let n = 0;
  for (const c of it) {
    n++;
    try {
      const r = await c;
      print(" ", label, n, "->", repr(r));
    } catch (e) {
      if (e instanceof aio.TimeoutError) print(" ", label, n, "-> TimeoutError");
      else if (isCancel(e)) print(" ", label, n, "-> CancelledError", repr(str(e)));
      else print(" ", label, n, "->", e.name, repr(str(e)));
    }
  }
  print(" ", label, "end after", n);
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();

  {
    print("-- timeout fires between two completions of the same iteration");
    const a = fut(loop, "a"), b = fut(loop, "b"), c = fut(loop, "c");
    const it = aio.asCompleted([a, b, c], { timeout: 0.02 })[Symbol.iterator]();
    const first = it.next().value;
    const now = loop.time();
    loop.callAt(now + 0.005, setres, a, "A");
    loop.callAt(now + 0.080, setres, b, "B");
    block(0.1);
    try {
      print("  first ->", repr(yield* first));
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("  first -> TimeoutError");
    }
    yield* drain("rest", { [Symbol.iterator]: () => it });
    c.cancel();
  }

  {
    print("-- completions delivered an iteration before the timeout");
    const a = fut(loop, "a"), b = fut(loop, "b"), c = fut(loop, "c");
    const it = aio.asCompleted([a, b, c], { timeout: 0.05 })[Symbol.iterator]();
    const first = it.next().value;
    const now = loop.time();
    loop.callAt(now + 0.005, setres, a, "A");
    loop.callAt(now + 0.006, setexc, b, new ValueError("B"));
    block(0.01);
    yield* ticks(1);
    block(0.07);
    try {
      print("  first ->", repr(yield* first));
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("  first -> TimeoutError");
    }
    yield* drain("rest", { [Symbol.iterator]: () => it });
    c.cancel();
  }

  {
    print("-- timeout=0 with one done input and one completed by call_soon");
    const a = fut(loop, "a"), b = fut(loop, "b");
    a.setResult("A");
    loop.callSoon(setres, b, "B");
    yield* drain("t0", aio.asCompleted([a, b], { timeout: 0 }));
  }

  {
    print("-- duplicates and a cancelled input");
    const a = fut(loop, "a"), b = fut(loop, "b");
    b.cancel("pre");
    loop.callSoon(setres, a, "A");
    yield* drain("dups", aio.asCompleted([a, b, a, b, a]));
  }

  {
    print("-- two consumers; the woken one is cancelled before it runs");
    const a = fut(loop, "a"), b = fut(loop, "b"), c = fut(loop, "c");
    const it = aio.asCompleted([a, b, c])[Symbol.iterator]();
    const c1 = it.next().value, c2 = it.next().value, c3 = it.next().value;
    const consume = aio.coroutine(async function (label, co) {
      try {
        const r = await co;
        print(" ", label, "got", repr(r));
      } catch (e) {
        if (isCancel(e)) print(" ", label, "cancelled", repr(str(e)));
        throw e;
      }
    });
    const t1 = aio.createTask(consume("k1", c1));
    const t2 = aio.createTask(consume("k2", c2));
    yield* ticks(1);
    a.setResult("A");
    yield* ticks(1);
    print("  cancel k1 ->", t1.cancel("k1 stop"));
    yield* ticks(3);
    print("  k1 cancelled", t1.cancelled(), "k2 done", t2.done());
    b.setResult("B");
    yield* ticks(3);
    print("  k2 done", t2.done());
    c.setResult("C");
    print("  c3 ->", repr(yield* c3));
    yield* aio.gather(t1, t2, { returnExceptions: true });
  }

  {
    print("-- the outer task is cancelled in the iteration a completion is delivered");
    const a = fut(loop, "a"), b = fut(loop, "b");
    const outer = aio.coroutine(async function () {
      const got = [];
      try {
        for (const co of aio.asCompleted([a, b], { timeout: 5 })) {
          try {
            got.push(await co);
          } catch (e) {
            if (!isCancel(e)) throw e;
            print("  outer caught CancelledError", repr(str(e)), "cancelling", aio.currentTask().cancelling());
            aio.currentTask().uncancel();
          }
        }
        return got;
      } finally {
        print("  outer finally, got", got);
      }
    });
    const t = aio.createTask(outer());
    yield* ticks(1);
    const now = loop.time();
    loop.callAt(now + 0.005, setres, a, "A");
    loop.callAt(now + 0.010, () => loop.callSoon(() => print("  cancel outer ->", t.cancel("mid"))));
    block(0.03);
    yield* ticks(4);
    print("  outer done?", t.done());
    b.setResult("B");
    print("  outer ->", yield* t, "cancelling", t.cancelling());
  }

  {
    print("-- timeout in the same iteration as the outer task's cancellation");
    const a = fut(loop, "a");
    const outer2 = aio.coroutine(async function () {
      try {
        for (const co of aio.asCompleted([a], { timeout: 0.01 })) await co;
      } catch (e) {
        if (!(e instanceof aio.TimeoutError)) throw e;
        print("  outer2 TimeoutError, cancelling", aio.currentTask().cancelling());
        await aio.sleep(0);
        print("  outer2 after sleep?");
      }
      return "outer2 done";
    });
    const t = aio.createTask(outer2());
    yield* ticks(1);
    const now = loop.time();
    loop.callAt(now + 0.03, () => print("  cancel outer2 ->", t.cancel("cx")));
    block(0.05);
    try {
      print("  outer2 ->", yield* t);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  outer2 cancelled", repr(str(e)));
    }
    a.cancel();
    print("me cancelling", me.cancelling());
  }
});
