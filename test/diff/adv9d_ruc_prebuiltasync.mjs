import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// run_until_complete() of things made on the loop before it ran: tasks created while idle (their
// first steps run in creation order, behind the callbacks queued before them, and the ones not
// awaited go on in the same iterations and stay pending when the run ends); a task cancelled
// before its first step (its body never runs, not even a try/except around the first await; the
// message, cancelling() counts, a second cancel() and uncancel() before the run); a future done
// before the run, with done callbacks added before and after it completed (all run in the single
// iteration); failed and cancelled futures; a task finished in an earlier run; a gather and a
// shield of prebuilt tasks, one cancelled before it started; a coroutine object made long before
// (its task is named when the run starts); a prebuilt task cancelled by the run's main task
// before its first step, and after.
const loop = aio.newEventLoop();
// str(KeyError('x')) is "'x'" in Python
class KeyError extends Error { constructor(m) { super(`'${m}'`); this.name = "KeyError"; } }

function log(...args) {
  print("  ", ...args);
}
async function ruc(label, aw) {
  print("run_until_complete", label);
  try {
    const r = await loop.runUntilComplete(aw);
    if (label !== "gather") print("   ->", repr(r));
  } catch (e) {
    print("   raised", e.name, repr(str(e)));
  }
}
const body = aio.coroutine(async function body(tag, n) {
  log(tag, "starts");
  try {
    for (let i = 0; i < n; i++) {
      await aio.sleep(0);
      log(tag, "step", i + 1);
    }
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    log(tag, "caught CancelledError", repr(str(e)));
    throw e;
  }
  return tag;
});

print("-- 1 tasks made while idle");
loop.callSoon(log, "callback before t1");
const t1 = loop.createTask(body("t1", 3), { name: "t1" });
loop.callSoon(log, "callback between");
const t2 = loop.createTask(body("t2", 1), { name: "t2" });
loop.callSoon(log, "callback after t2");
await ruc("t2", t2);
print("t1 done", t1.done(), String(t1));

print("-- 2 a task cancelled before its first step");
const t3 = loop.createTask(body("t3", 1), { name: "t3" });
print("cancel ->", t3.cancel("before start"), "cancelling", t3.cancelling());
print("again ->", t3.cancel("second word"), "cancelling", t3.cancelling());
print("uncancel ->", t3.uncancel(), "cancelling", t3.cancelling());
print(String(t3));
await ruc("t3", t3);
print("t3 cancelled", t3.cancelled(), "t1 done", t1.done());
await ruc("t1", t1);

print("-- 3 a future done before the run");
const f = loop.createFuture();
f.addDoneCallback((fut) => log("done callback added before, sees", fut.result()));
f.setResult("f value");
loop.callSoon(log, "callback queued after set_result");
f.addDoneCallback((fut) => log("done callback added after"));
print(String(f));
await ruc("f", f);
await ruc("f again", f);

print("-- 4 failed and cancelled futures");
const g = loop.createFuture();
g.setException(new KeyError("gone"));
await ruc("g", g);
const h = loop.createFuture();
h.cancel("h cancelled early");
loop.callSoon(log, "callback beside the cancelled future");
await ruc("h", h);

print("-- 5 a task finished in an earlier run");
loop.callSoon(log, "callback queued between runs");
await ruc("t2 again", t2);
await ruc("t3 again", t3);

print("-- 6 gather and shield of prebuilt tasks");
const a = loop.createTask(body("a", 1), { name: "a" });
const b = loop.createTask(body("b", 2), { name: "b" });
const c = loop.createTask(body("c", 1), { name: "c" });
b.cancel("b before start");
const sh = aio.shield(c);
print("ensure_future(a) is a", aio.ensureFuture(a) === a, "shield is c", sh === c);
const gat = aio.gather(a, b, sh, { returnExceptions: true });
await ruc("gather", gat);
print("gather results", gat.result().map((r) => (r instanceof Error ? r.name + ":" + str(r) : r)));
print("sh", String(sh));

print("-- 7 a coroutine object made long before");
const coro = body("late", 1);
const x = loop.createTask(body("x", 0));
print("x named", x.getName());
await ruc("coro", coro);
print("x", String(x));

const canceller = aio.coroutine(async function canceller(victims) {
  log("main starts; victims", victims.map((v) => v.getName() + ":" + (v.done() ? "done" : "pending")));
  for (const v of victims) log("cancel", v.getName(), "->", v.cancel("by main"));
  const res = await aio.gather(...victims, { returnExceptions: true });
  return res.map((r) => (r instanceof Error ? r.name + ":" + str(r) : r));
});

print("-- 8 the run's main cancels prebuilt tasks");
const early = loop.createTask(body("early", 2), { name: "early" });
const m = canceller([early]);
const late = loop.createTask(body("late2", 2), { name: "late2" });
const main = loop.createTask(m, { name: "main" });
loop.callSoon(() => log("callback cancels late2 ->", late.cancel("by callback")));
await ruc("main", main);
print("early", String(early));
print("late2", String(late));
loop.close();
