import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
// str(KeyError('x')) is "'x'" in Python
class KeyError extends Error { constructor(m) { super(`'${m}'`); this.name = "KeyError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }

const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

function state(f) {
  if (!f.done()) return "pending";
  if (f.cancelled()) return "cancelled";
  if (f.exception() !== null) return f.exception().name + "(" + repr(str(f.exception())) + ")";
  return "result " + repr(f.result());
}
function fmt(r) {
  if (r instanceof Error) return r.name + "(" + repr(str(r)) + ")";
  return repr(r);
}

const child = aio.coroutine(function* (name, d, mode = "plain") {
  try {
    yield* aio.sleep(d);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  child", name, "cancelled", repr(str(e)));
    if (mode === "swallow") return "swallowed-" + name;
    throw e;
  }
  print("  child", name, "wakes");
  if (mode === "fail") throw new ValueError(name);
  return name;
});

const awaitGather = aio.coroutine(function* (label, g) {
  const me = aio.currentTask();
  try {
    const r = yield* g;
    print(" ", label, "->", r.map(fmt), "cancelling", me.cancelling());
  } catch (e) {
    if (isCancel(e)) print(" ", label, "-> CancelledError", repr(str(e)), "cancelling", me.cancelling());
    else print(" ", label, "->", fmt(e), "cancelling", me.cancelling());
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  for (const rex of [false, true]) {
    {
      print("-- a future fails, then gather is cancelled, same iteration; return_exceptions", rex);
      const a = loop.createFuture();
      const b = aio.createTask(child("b", 5));
      const g = aio.gather(a, b, child("c", 5), { returnExceptions: rex });
      yield* ticks(1);
      const now = loop.time();
      loop.callAt(now + 0.005, () => a.setException(new ValueError("a")));
      loop.callAt(now + 0.010, () => print("  cancel gather ->", g.cancel("stop")));
      block(0.03);
      yield* awaitGather("g", g);
      yield* ticks(2);
      print("  b", state(b));
    }
    {
      print("-- gather is cancelled, then a task child's wakeup turns into a cancellation; return_exceptions", rex);
      const b = aio.createTask(child("b", 0.02, "fail"));
      const c = aio.createTask(child("c", 5));
      const g = aio.gather(b, c, { returnExceptions: rex });
      yield* ticks(1);
      const now = loop.time();
      loop.callAt(now + 0.005, () => print("  cancel gather ->", g.cancel("stop2")));
      block(0.04);
      yield* awaitGather("g", g);
      print("  b", state(b), "c", state(c));
    }
  }

  print("-- cancelled gather whose last child swallows the cancellation");
  for (const rex of [false, true]) {
    const b = aio.createTask(child("b", 5));
    const s = aio.createTask(child("s", 5, "swallow"));
    const g = aio.gather(b, s, { returnExceptions: rex });
    yield* ticks(1);
    print("  cancel ->", g.cancel("msg"));
    yield* awaitGather(`rex ${rex ? "True" : "False"}`, g);
    print("  b", state(b), "s", state(s));
  }

  print("-- cancelled gather whose first child swallows the cancellation");
  for (const rex of [false, true]) {
    const s = aio.createTask(child("s", 5, "swallow"));
    const b = aio.createTask(child("b", 5));
    const g = aio.gather(s, b, { returnExceptions: rex });
    yield* ticks(1);
    print("  cancel ->", g.cancel("msg"));
    yield* awaitGather(`rex ${rex ? "True" : "False"}`, g);
  }

  print("-- cancelled gather: every child swallows");
  for (const rex of [false, true]) {
    const s1 = aio.createTask(child("s1", 5, "swallow"));
    const s2 = aio.createTask(child("s2", 5, "swallow"));
    const g = aio.gather(s1, s2, { returnExceptions: rex });
    yield* ticks(1);
    print("  cancel ->", g.cancel("all"));
    yield* awaitGather(`rex ${rex ? "True" : "False"}`, g);
  }

  {
    print("-- cancelled gather whose last child is an already-done future");
    const done = loop.createFuture();
    done.setResult("D");
    const b = aio.createTask(child("b", 5));
    const g = aio.gather(b, done, { returnExceptions: true });
    yield* ticks(1);
    print("  cancel ->", g.cancel("withdone"));
    yield* awaitGather("done-last", g);
  }

  {
    print("-- the awaiting task is cancelled in the iteration a child fails");
    const a = loop.createFuture();
    const b = aio.createTask(child("b", 5));
    const g = aio.gather(a, b);
    const t = aio.createTask(awaitGather("t", g));
    yield* ticks(1);
    const now = loop.time();
    loop.callAt(now + 0.005, () => a.setException(new KeyError("a")));
    loop.callAt(now + 0.010, () => print("  cancel task ->", t.cancel("tmsg")));
    block(0.03);
    yield* t;
    yield* ticks(2);
    print("  t cancelling", t.cancelling(), "b", state(b), "g", state(g));
  }

  {
    print("-- the awaiting task is cancelled after the gather completed in the same iteration");
    const a = loop.createFuture();
    const g = aio.gather(a, child("c", 0));
    const t = aio.createTask(awaitGather("t2", g));
    yield* ticks(3);
    a.setResult("A");
    yield* ticks(1);
    print("  g", state(g), "cancel task ->", t.cancel("late"));
    yield* t;
    print("  t2 cancelling", t.cancelling());
  }

  {
    print("-- nested gather: inner child fails as outer is cancelled");
    const a = loop.createFuture();
    const inner = aio.gather(a, child("x", 5));
    const outer = aio.gather(inner, child("y", 5));
    yield* ticks(1);
    const now = loop.time();
    loop.callAt(now + 0.005, () => a.setException(new ValueError("inner-a")));
    loop.callAt(now + 0.010, () => print("  cancel outer ->", outer.cancel("outer-msg")));
    block(0.03);
    yield* awaitGather("outer", outer);
    yield* ticks(3);
    print("  inner", state(inner));
  }

  {
    print("-- duplicates: gather(t, t, f, f) with t cancelled");
    const t1 = aio.createTask(child("t1", 5));
    const f = loop.createFuture();
    const g = aio.gather(t1, t1, f, f, { returnExceptions: true });
    yield* ticks(1);
    t1.cancel("dup");
    f.setResult("F");
    yield* awaitGather("dups", g);
  }
});
