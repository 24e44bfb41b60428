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
  f.addDoneCallback((f) => print("  done cb", f.label, state(f)));
  return f;
}
function state(f) {
  if (!f.done()) return "pending";
  if (f.cancelled()) return "cancelled";
  if (f.exception() !== null) return f.exception().name + " " + repr(str(f.exception()));
  return "result " + repr(f.result());
}
function setres(f, v) { print("  timer sets", f.label); f.setResult(v); }
function setexc(f, e) { print("  timer fails", f.label); f.setException(e); }
function cancel(f, msg) { print("  timer cancels", f.label, "->", f.cancel(msg)); }

const run = aio.coroutine(async function (label, aw, timeout) {
  try {
    const r = await aio.waitFor(aw, timeout);
    print(" ", label, "->", repr(r), "cancelling", aio.currentTask().cancelling());
    return r;
  } catch (e) {
    if (e instanceof aio.TimeoutError) print(" ", label, "-> TimeoutError cause", e.cause?.name, "cancelling", aio.currentTask().cancelling());
    else if (isCancel(e)) {
      print(" ", label, "-> CancelledError", repr(str(e)), "cancelling", aio.currentTask().cancelling());
      throw e;
    } else print(" ", label, "->", e.name, repr(str(e)));
  }
});

const sleeper = aio.coroutine(async function (name, d, mode = "raise") {
  try {
    await aio.sleep(d);
    print("  sleeper", name, "woke");
    return name;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("  sleeper", name, "cancelled", repr(str(e)));
    if (mode === "swallow") return "swallowed-" + name;
    throw e;
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();

  for (const order of ["inner first", "timeout first"]) {
    for (const how of ["result", "exception", "cancel"]) {
      print("--", order, how, "in the same iteration");
      const f = fut(loop, "f");
      const now = loop.time();
      const t = aio.createTask(run(order + "/" + how, f, 0.02));
      yield* ticks(1);
      const d = order === "inner first" ? 0.005 : 0.08;
      if (how === "result") loop.callAt(now + d, setres, f, "F");
      else if (how === "exception") loop.callAt(now + d, setexc, f, new ValueError("F"));
      else loop.callAt(now + d, cancel, f, "fc");
      block(0.1);
      try {
        yield* t;
      } catch (e) {
        if (!isCancel(e)) throw e;
        print("  task cancelled");
      }
    }
  }

  {
    print("-- inner task finishes in the iteration the timeout fires");
    const t = aio.createTask(run("task", sleeper("s1", 0.005), 0.02));
    yield* ticks(2);
    block(0.04);
    yield* t;
  }

  print("-- already-cancelled task / future");
  for (const to of [null, 0, 0.01]) {
    const f = fut(loop, "fc");
    f.cancel("gone");
    try {
      yield* run("done-cancelled future, timeout " + repr(to), f, to);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  propagated");
    }
    const st = aio.createTask(sleeper("s", 1));
    st.cancel("early");
    yield* ticks(1);
    try {
      yield* run("cancelled task, timeout " + repr(to), st, to);
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  propagated");
    }
  }

  {
    print("-- timeout None: inner cancelled from outside");
    const st = aio.createTask(sleeper("s2", 1));
    const t = aio.createTask(run("none", st, null));
    yield* ticks(1);
    st.cancel("outside");
    try {
      yield* t;
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  outer task cancelled", repr(str(e)), t.cancelling());
    }
  }

  print("-- nested wait_for, both timeouts in the same iteration");
  for (const [innerTo, outerTo] of [[0.01, 0.02], [0.02, 0.01]]) {
    const t = aio.createTask(run(`outer ${outerTo}`, run(`inner ${innerTo}`, sleeper("deep", 5), innerTo), outerTo));
    yield* ticks(2);
    block(0.04);
    yield* t;
    yield* ticks(3);
  }

  {
    print("-- timeout fires and the waiting task is cancelled in the same iteration");
    const f = fut(loop, "f");
    const t = aio.createTask(run("tc", f, 0.01));
    yield* ticks(1);
    const now = loop.time();
    loop.callAt(now + 0.03, () => print("  cancel ->", t.cancel("both")));
    block(0.05);
    try {
      yield* t;
    } catch (e) {
      if (!isCancel(e)) throw e;
      print("  task cancelled", repr(str(e)), "cancelling", t.cancelling());
    }
  }

  {
    print("-- inner completes and the waiting task is cancelled in the same iteration");
    const f = fut(loop, "f");
    const t = aio.createTask(run("rc", f, 10));
    yield* ticks(1);
    const now = loop.time();
    loop.callAt(now + 0.005, setres, f, "won");
    loop.callAt(now + 0.01, () => loop.callSoon(() => print("  cancel ->", t.cancel("lost"))));
    block(0.03);
    const r = yield* t;
    print("  task result", repr(r), "cancelled", t.cancelled(), "cancelling", t.cancelling());
  }

  {
    print("-- timeout fires and the swallowing inner returns in the same iteration");
    const st = aio.createTask(sleeper("sw", 5, "swallow"));
    const t = aio.createTask(run("sw", st, 0.01));
    yield* ticks(1);
    const now = loop.time();
    loop.callAt(now + 0.03, () => print("  cancel inner ->", st.cancel("self")));
    block(0.05);
    yield* t;
  }

  {
    print("-- wait_for of a shield: timeout in the same iteration the shielded task finishes");
    const st = aio.createTask(sleeper("sh", 0.01));
    const t = aio.createTask(run("sh", aio.shield(st), 0.02));
    yield* ticks(1);
    block(0.04);
    yield* t;
    print("  shielded", state(st));
  }
});
