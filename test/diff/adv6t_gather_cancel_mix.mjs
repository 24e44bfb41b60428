import * as aio from "aionode";
import { print, repr, str, tuple } from "./pyfmt.mjs";

// gather(...).cancel(msg) over a mix of children: a shield of a task (the shield's outer is
// cancelled, the task runs on), a plain task, a pending future, a done future, and a task that
// swallows the cancellation and returns; in different argument orders, so that a different
// child completes last. Without returnExceptions the first cancelled child decides; with it,
// gather's outcome is the CancelledError of the last child to complete (its message, or none
// when that child returned a value); what each child saw, the awaiting task's view and
// cancelling(), and the shielded task's end once the children's gate opens.

const child = aio.coroutine(function* child(label, mode, gate) {
  const me = aio.currentTask();
  const f = aio.getRunningLoop().createFuture();
  gate.push(f);
  try {
    yield* f;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("    child", label, "caught", repr(str(e)), "cancelling", me.cancelling());
    if (mode === "swallow") {
      yield* aio.sleep(0);
      return "swallowed";
    }
    throw e;
  }
  print("    child", label, "finished");
  return label;
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
  if (f.exception() !== null) return "exception " + f.exception().name + " " + repr(str(f.exception()));
  return "result " + repr(f.result());
}

const holder = aio.coroutine(function* holder(g) {
  const me = aio.currentTask();
  try {
    const r = yield* g;
    print("    holder got", r);
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("    holder CancelledError", repr(str(e)), "cancelling", me.cancelling());
  }
});

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  const orders = [
    ["shield", "task", "future", "done", "swallow"],
    ["swallow", "done", "future", "task", "shield"],
    ["future", "shield", "swallow", "task"],
    ["done", "swallow"],
    ["shield", "future"],
  ];
  for (const rx of [false, true]) {
    for (const order of orders) {
      print("--", rx ? "return_exceptions" : "plain", tuple(...order));
      const kids = {};
      const args = [];
      let inner = null;
      const gate = [];
      for (const k of order) {
        let a;
        if (k === "shield") {
          inner = aio.createTask(child("shielded", "raise", gate));
          a = aio.shield(inner);
        } else if (k === "task") a = aio.createTask(child("task", "raise", gate));
        else if (k === "future") a = loop.createFuture();
        else if (k === "done") {
          a = loop.createFuture();
          a.setResult("done");
        } else a = aio.createTask(child("swallow", "swallow", gate));
        kids[k] = a;
        args.push(a);
      }
      const g = aio.gather(...args, { returnExceptions: rx });
      const h = aio.createTask(holder(g));
      yield* aio.sleep(0);
      yield* aio.sleep(0);
      print("  cancel ->", g.cancel("gm"));
      for (let i = 0; i < 5; i++) yield* aio.sleep(0);
      print("  gather", end(g), "holder done", h.done());
      for (const k of order) print("   ", k, end(kids[k]));
      for (const f of gate) if (!f.done()) f.setResult("open");
      if (inner !== null) {
        yield* aio.sleep(0);
        yield* aio.sleep(0);
        print("    shielded task", end(inner));
      }
    }
  }
  print("loop goes on", yield* aio.sleep(0, "ok"));
});

await aio.run(main);
