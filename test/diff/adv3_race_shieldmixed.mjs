import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

class ValueError extends Error { constructor(m) { super(m ?? ""); this.name = "ValueError"; } }
const isCancel = (e) => e instanceof aio.CancelledError;
const SAB = new Int32Array(new SharedArrayBuffer(4));
function block(s) { Atomics.wait(SAB, 0, 0, s * 1000); }

const ticks = aio.coroutine(async function (n) {
  for (let i = 0; i < n; i++) await aio.sleep(0);
});

function state(f) {
  if (!f.done()) return "pending";
  if (f.cancelled()) return "cancelled";
  if (f.exception() !== null) return f.exception().name + "(" + repr(str(f.exception())) + ")";
  return "result " + repr(f.result());
}

const inner = aio.coroutine(async function (name, d, mode = "plain") {
  try {
    await aio.sleep(d);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  inner", name, "cancelled", repr(str(e)));
    if (mode === "swallow") return "swallowed-" + name;
    throw e;
  }
  print("  inner", name, "wakes");
  if (mode === "fail") throw new ValueError(name);
  return name;
});

const awaiter = aio.coroutine(async function (label, aw) {
  const me = aio.currentTask();
  try {
    const r = await aw;
    print(" ", label, "->", repr(r), "cancelling", me.cancelling());
    return r;
  } catch (e) {
    if (isCancel(e)) {
      print(" ", label, "-> CancelledError", repr(str(e)), "cancelling", me.cancelling());
      throw e;
    }
    print(" ", label, "->", e.name, repr(str(e)));
  }
});

const settle = aio.coroutine(async function (label, t) {
  try {
    await t;
  } catch (e) {
    if (!isCancel(e)) throw e;
  }
  print(" ", label, state(t));
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  for (const order of ["inner first", "awaiter first"]) {
    print("-- inner task and the shield's awaiter are cancelled in one iteration:", order);
    const it = aio.createTask(inner("i", 5));
    const sh = aio.shield(it);
    const a = aio.createTask(awaiter("a", sh));
    yield* ticks(1);
    const now = loop.time();
    if (order === "inner first") {
      loop.callAt(now + 0.005, () => print("  cancel inner ->", it.cancel("in")));
      loop.callAt(now + 0.010, () => print("  cancel awaiter ->", a.cancel("aw")));
    } else {
      loop.callAt(now + 0.005, () => print("  cancel awaiter ->", a.cancel("aw")));
      loop.callAt(now + 0.010, () => print("  cancel inner ->", it.cancel("in")));
    }
    block(0.03);
    yield* settle("awaiter", a);
    yield* settle("inner", it);
    print("  shield", state(sh));
  }

  for (const mode of ["plain", "fail"]) {
    print(`-- inner finishes (${mode}) in the iteration the awaiter is cancelled`);
    const it = aio.createTask(inner("i", 0.005, mode));
    const sh = aio.shield(it);
    const a = aio.createTask(awaiter("a", sh));
    yield* ticks(1);
    const now = loop.time();
    loop.callAt(now + 0.02, () => print("  cancel awaiter ->", a.cancel("aw")));
    block(0.04);
    yield* settle("awaiter", a);
    yield* ticks(2);
    print("  inner", state(it), "shield", state(sh));
  }

  {
    print("-- the shield's awaiter is cancelled in the iteration the shield completes");
    const it = aio.createTask(inner("i", 0.005));
    const sh = aio.shield(it);
    const a = aio.createTask(awaiter("a", sh));
    it.addDoneCallback(() => print("  shield", state(sh), "cancel awaiter ->", a.cancel("late")));
    yield* settle("awaiter", a);
    print("  awaiter cancelling", a.cancelling());
  }

  {
    print("-- inner cancelled from outside while the awaiter waits: awaiter sees CancelledError");
    const it = aio.createTask(inner("i", 5));
    const a = aio.createTask(awaiter("a", aio.shield(it)));
    yield* ticks(1);
    it.cancel("outside");
    yield* settle("awaiter", a);
    print("  awaiter cancelling", a.cancelling());
  }

  {
    print("-- inner swallows an outside cancel: the shield gets its result");
    const it = aio.createTask(inner("i", 5, "swallow"));
    const a = aio.createTask(awaiter("a", aio.shield(it)));
    yield* ticks(1);
    it.cancel("outside");
    yield* settle("awaiter", a);
  }

  {
    print("-- shield of a shield; the awaiter is cancelled; then the inner");
    const it = aio.createTask(inner("i", 5));
    const s1 = aio.shield(it);
    const s2 = aio.shield(s1);
    const a = aio.createTask(awaiter("a", s2));
    yield* ticks(1);
    a.cancel("a-stop");
    yield* settle("awaiter", a);
    print("  s1", state(s1), "s2", state(s2), "inner", state(it));
    it.cancel("i-stop");
    yield* ticks(3);
    print("  s1", state(s1), "inner", state(it));
  }

  {
    print("-- shield of a done future is the future itself; of a coroutine");
    const f = loop.createFuture();
    f.setResult(1);
    print("  same object", aio.shield(f) === f);
    const sh = aio.shield(inner("c", 0.01));
    const a = aio.createTask(awaiter("a", sh));
    yield* ticks(1);
    a.cancel();
    yield* settle("awaiter", a);
    yield* aio.sleep(0.02);
    print("  shield", state(sh));
  }

  {
    print("-- wait_for(shield(task), 0) and gather(shield(task)) cancelled");
    const it = aio.createTask(inner("w", 0.01));
    try {
      yield* aio.waitFor(aio.shield(it), 0);
    } catch (e) {
      if (!(e instanceof aio.TimeoutError)) throw e;
      print("  wait_for TimeoutError; inner", state(it));
    }
    const g = aio.gather(aio.shield(it), inner("g", 5));
    yield* ticks(1);
    print("  cancel gather ->", g.cancel("g-stop"));
    yield* settle("gather", g);
    yield* aio.sleep(0.02);
    print("  inner", state(it));
  }
});
