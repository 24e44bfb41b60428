import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A task's cancel(msg) (once, or twice in one iteration with two messages) while its coroutine,
// two levels deep, awaits: a future, another task, a gather of two tasks, a shield of a task,
// waitFor(task), wait([task]), an asCompleted awaitable, or sleep(). What message each level
// and each inner task sees, how the inner tasks end, cancelling() of everybody, and the message
// of the CancelledError that the task's result() finally raises. An inner task that catches
// the cancellation and returns a value instead, for each kind. Here the task and the leaves
// are async functions and level2 a generator coroutine they await.

const log = print;

const leaf = aio.coroutine(async function leaf(label, mode) {
  const me = aio.currentTask();
  try {
    await aio.sleep(1);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    log("      leaf", label, "caught", repr(str(e)), "cancelling", me.cancelling());
    if (mode === "swallow") return "swallowed " + label;
    throw e;
  }
  return "slept " + label;
});

function make(kind, mode) {
  const loop = aio.getRunningLoop();
  const inner = [];
  const task = (label) => {
    const t = aio.createTask(leaf(label, mode), { name: label });
    inner.push(t);
    return t;
  };
  if (kind === "future") {
    const f = loop.createFuture();
    inner.push(f);
    return [f, inner];
  }
  if (kind === "task") return [task("u"), inner];
  if (kind === "gather") return [aio.gather(task("u1"), task("u2")), inner];
  if (kind === "shield") return [aio.shield(task("u")), inner];
  if (kind === "wait_for") return [aio.waitFor(task("u"), 5), inner];
  if (kind === "wait") return [aio.wait([task("u")]), inner];
  if (kind === "as_completed") return [aio.asCompleted([task("u")])[Symbol.iterator]().next().value, inner];
  return [aio.sleep(1), inner];
}

const level2 = aio.coroutine(function* level2(aw) {
  try {
    const r = yield* aw;
    log("    level2 got", !Array.isArray(r) ? repr(r) : "a (done, pending) pair");
    return "level2 value";
  } catch (e) {
    if (e instanceof aio.CancelledError) log("    level2 caught", repr(str(e)));
    throw e;
  }
});

const level1 = aio.coroutine(async function level1(aw) {
  try {
    return await level2(aw);
  } catch (e) {
    if (e instanceof aio.CancelledError) log("   level1 caught", repr(str(e)), "cancelling", aio.currentTask().cancelling());
    throw e;
  }
});

function end(f) {
  if (!f.done()) return "pending";
  if (f.cancelled()) {
    try {
      f.result();
    } catch (e) {
      return "cancelled " + repr(str(e));
    }
  }
  if (f.exception() !== null) return "exception " + repr(f.exception());
  return "result " + repr(f.result());
}

const main = aio.coroutine(function* main() {
  for (const mode of ["raise", "swallow"]) {
    for (const kind of ["future", "task", "gather", "shield", "wait_for", "wait", "as_completed", "sleep"]) {
      for (const msgs of [["m1"], ["m1", "m2"]]) {
        if (mode === "swallow" && (kind === "future" || kind === "sleep" || msgs.length === 2)) continue;
        print("--", mode, kind, "(" + msgs.map((m) => repr(m)).join(", ") + (msgs.length === 1 ? ",)" : ")"));
        const [aw, inner] = make(kind, mode);
        const t = aio.createTask(level1(aw), { name: "T" });
        yield* aio.sleep(0);
        yield* aio.sleep(0);
        print("  cancel ->", msgs.map((m) => t.cancel(m)), "cancelling", t.cancelling());
        for (let i = 0; i < 6; i++) yield* aio.sleep(0);
        print("  T", end(t), "cancelling", t.cancelling());
        for (const u of inner) {
          if (!u.done()) {
            u.cancel();
            yield* aio.sleep(0);
            yield* aio.sleep(0);
            print("  inner left running, cancelled now:", end(u));
          } else {
            print("  inner", end(u), "cancelling", u instanceof aio.Task ? u.cancelling() : "-");
          }
        }
      }
    }
  }
  print("loop goes on", yield* aio.sleep(0, "ok"));
});

await aio.run(main);
