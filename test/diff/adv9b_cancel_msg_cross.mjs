import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// CancelledError messages as they cross compositions, seen at every level: which message a leaf
// sees, which one the composition raises, cancelling() of the tasks involved. A leaf cancelled
// with a message inside a gather, a nested gather, a shield (the outer is cancelled without
// it), waitFor (the inner cancelled by the outer's cancel gets none) and a TaskGroup (a child
// cancelled on its own does not fail the group; the parent cancelled with a message, the
// children without); timeout() expiring (no message; the TimeoutError's cause); the message of
// a cancel() on a gather, on a shield's outer, and on a task waiting in asCompleted.

function desc(e) {
  return `${e.name}(${repr(e.message)})`;
}

const leaf = aio.coroutine(function* leaf(name, delay = 10, swallow = false, late = false) {
  try {
    yield* aio.sleep(delay);
    return name;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    // One iteration later (as the Python original, whose TaskGroup cancels in set order).
    if (late) yield* aio.sleep(0);
    const t = aio.currentTask();
    print("   ", name, "sees", desc(e), "cancelling", t.cancelling());
    if (swallow) return name + " swallowed";
    throw e;
  }
});

const outcome = aio.coroutine(function* outcome(label, aw) {
  try {
    const r = yield* aw;
    print(label, "->", repr(r));
  } catch (e) {
    print(label, "raised", desc(e), "cause", e.cause ? desc(e.cause) : null);
  }
});

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  const me = aio.currentTask();

  print("gather, a leaf cancelled with a message:");
  const a = loop.createTask(leaf("a"), { name: "a" });
  const b = loop.createTask(leaf("b", 0.2), { name: "b" });
  loop.callLater(0.05, a.cancel.bind(a), "leaf msg");
  yield* outcome("  gather", aio.gather(a, b));
  yield* b;

  print("nested gather cancelled from outside with a message:");
  const c = loop.createTask(leaf("c"), { name: "c" });
  const d = loop.createTask(leaf("d", 10, true), { name: "d" });
  const inner = aio.gather(c, d);
  const outer = aio.gather(inner, leaf("e"));
  loop.callLater(0.05, outer.cancel.bind(outer), "outer msg");
  yield* outcome("  outer gather", outer);
  print("  inner cancelled", inner.cancelled(), "c", c.cancelled(), "d", repr(d.result()));

  print("gather(return_exceptions) with a leaf cancelled with a message:");
  const f = loop.createTask(leaf("f"), { name: "f" });
  loop.callLater(0.05, f.cancel.bind(f), "rx msg");
  const res = yield* aio.gather(f, aio.sleep(0.1, "g"), { returnExceptions: true });
  print("  gather rx ->", res.map((x) => (x instanceof Error ? desc(x) : x)));

  print("shield, the inner cancelled with a message:");
  const h = loop.createTask(leaf("h"), { name: "h" });
  loop.callLater(0.05, h.cancel.bind(h), "inner msg");
  yield* outcome("  shield", aio.shield(h));

  print("shield, the outer cancelled with a message:");
  const i = loop.createTask(leaf("i", 0.2), { name: "i" });
  const sh = aio.shield(i);
  loop.callLater(0.05, sh.cancel.bind(sh), "outer msg");
  yield* outcome("  shield outer", sh);
  yield* outcome("  inner i", i);

  print("wait_for, the awaiting task cancelled with a message:");
  const j = loop.createTask(leaf("j"), { name: "j" });
  const waiter = aio.coroutine(function* waiter() {
    return yield* aio.waitFor(j, 10);
  });
  const wt = loop.createTask(waiter(), { name: "waiter" });
  loop.callLater(0.05, wt.cancel.bind(wt), "waiter msg");
  yield* outcome("  wait_for task", wt);
  print("  j cancelled", j.cancelled(), "waiter cancelling", wt.cancelling());

  print("wait_for, the inner cancelled with a message:");
  const k = loop.createTask(leaf("k"), { name: "k" });
  loop.callLater(0.05, k.cancel.bind(k), "k msg");
  yield* outcome("  wait_for", aio.waitFor(k, 10));

  print("wait_for timing out:");
  yield* outcome("  wait_for", aio.waitFor(leaf("l"), 0.05));
  print("  main cancelling", me.cancelling());

  print("timeout() expiring:");
  const inTimeout = aio.coroutine(function* in_timeout() {
    yield* aio.timeout(0.05, function* () {
      yield* leaf("m");
    });
  });
  yield* outcome("  timeout", inTimeout());

  print("TaskGroup, a child cancelled with a message:");
  const tgChildCancel = aio.coroutine(function* tg_child_cancel() {
    let n;
    yield* aio.taskGroup(function* (tg) {
      n = tg.createTask(leaf("n"), { name: "n" });
      tg.createTask(leaf("o", 0.2), { name: "o" });
      loop.callLater(0.05, n.cancel.bind(n), "n msg");
    });
    return "group done, n cancelled " + (n.cancelled() ? "True" : "False");
  });
  yield* outcome("  tg", tgChildCancel());

  print("TaskGroup, the parent cancelled with a message:");
  const tgParent = aio.coroutine(function* tg_parent() {
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(leaf("p"), { name: "p" });
      tg.createTask(leaf("q", 10, true, true), { name: "q" });
      yield* leaf("body");
    });
  });
  const pt = loop.createTask(tgParent(), { name: "parent" });
  loop.callLater(0.05, pt.cancel.bind(pt), "parent msg");
  yield* outcome("  tg parent", pt);
  print("  parent cancelling", pt.cancelling());

  print("TaskGroup, a child fails; the body and siblings are cancelled without a message:");
  const boom = aio.coroutine(function* boom() {
    yield* aio.sleep(0.05);
    throw new ValueError("boom");
  });
  const tgFail = aio.coroutine(function* tg_fail() {
    yield* aio.taskGroup(function* (tg) {
      tg.createTask(boom(), { name: "boom" });
      tg.createTask(leaf("r"), { name: "r" });
      yield* leaf("body2");
    });
  });
  yield* outcome("  tg fail", tgFail());
  print("  main cancelling", me.cancelling());

  print("as_completed, the consuming task cancelled with a message:");
  const consume = aio.coroutine(function* consume() {
    for (const fut of aio.asCompleted([leaf("s")])) return yield* fut;
  });
  const ct = loop.createTask(consume(), { name: "consumer" });
  loop.callLater(0.05, ct.cancel.bind(ct), "consumer msg");
  yield* outcome("  as_completed", ct);
  yield* aio.sleep(0.01);
  print("done, tasks left", [...aio.allTasks()].filter((t) => t !== me).map((t) => t.getName()).sort());
});

await aio.run(main);
