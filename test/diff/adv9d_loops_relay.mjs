import * as aio from "aionode";
import { print } from "./pyfmt.mjs";

// Three loops used one after another, handing work to each other while only one runs: a
// future of A completed by B's callback (its done callbacks wait for A's next run, and a task of
// A waiting on it wakes there); tasks created on A from B's task (their first step waits for A,
// current_task(A) is None meanwhile, all_tasks(A) lists them); callbacks queued on A from B run
// in A's next run behind A's own earlier ones; get_event_loop() inside each loop's callbacks is
// the running loop whatever set_event_loop() said, and set_event_loop() from inside a running
// loop changes only what is seen after it stops; running A (run_forever, run_until_complete)
// from B's callback and B from itself are refused and B goes on; A closed from B's callback
// while idle; C created and run after A closed, and A's leftovers never run.
const A = aio.newEventLoop();
const B = aio.newEventLoop();
aio.setEventLoop(A);

function log(...args) {
  print("  ", ...args);
}
function who(lp) {
  return lp === A ? "A" : lp === B ? "B" : lp !== null ? "C" : "None";
}
function where(tag) {
  const lp = aio.getEventLoop();
  const run = aio.getRunningLoop();
  log(tag, "get_event_loop", who(lp), "running", who(run), "A running", A.isRunning(), "B running", B.isRunning());
}
function try_(tag, fn) {
  try {
    const r = fn();
    log(tag, "->", r);
  } catch (e) {
    log(tag, "raised", e.name, e.message);
  }
}
const names = (ts) => [...ts].map((t) => t.getName()).sort();

const fa = A.createFuture();
fa.addDoneCallback((f) => log("A: fa done callback", f.result()));

const a_waiter = aio.coroutine(function* a_waiter() {
  log("A: waiter waits on fa");
  const v = yield* fa;
  log("A: waiter woke with", v);
  where("A: waiter");
  return "waiter " + v;
});
const a_job = aio.coroutine(function* a_job(tag) {
  log("A: job", tag, "first step; current is", aio.currentTask().getName());
  yield* aio.sleep(0);
  log("A: job", tag, "second step");
  return tag;
});

print("-- 1 A runs a while, leaving a waiter on fa");
A.callSoon(where, "A: callback");
const w = A.createTask(a_waiter(), { name: "waiter" });
A.callSoon(() => A.stop());
await A.runForever();
print("waiter", w.done(), "fa", fa.done());

print("-- 2 B completes fa and seeds work on A");
const created = [];
const b_main = aio.coroutine(function* b_main() {
  where("B: main");
  fa.setResult("from B");
  log("B: fa done", fa.done(), "A ready work waits");
  A.callSoon(log, "A: callback queued from B");
  const t1 = A.createTask(a_job("j1"), { name: "j1" });
  const t2 = aio.ensureFuture(a_job("j2"), A);
  created.push(t1, t2);
  log("B: current_task(A)", aio.currentTask(A), "all_tasks(A)", names(aio.allTasks(A)));
  log("B: all_tasks() here", names(aio.allTasks()));
  aio.setEventLoop(B);
  where("B: after set_event_loop(B)");
  try_("B: A.run_forever()", () => A.runForever());
  const coro = a_job("never");
  try_("B: A.run_until_complete()", () => A.runUntilComplete(coro));
  try_("B: B.run_until_complete()", () => B.runUntilComplete(aio.sleep(0)));
  yield* aio.sleep(0);
  log("B: still going after the refusals");
  return "b done";
});
print("B result", await B.runUntilComplete(b_main()));
const where_out = aio.getEventLoop();
print("after B: get_event_loop", who(where_out));
print("fa done", fa.done(), "waiter done", w.done(), created.map((t) => t.done()));

print("-- 3 A runs again: the queued work, in order");
A.callSoon(log, "A: callback queued between runs");
print("A result", await A.runUntilComplete(aio.gather(w, ...created)));
aio.setEventLoop(A);

print("-- 4 B closes A while A is idle");
const leftover = A.createTask(a_job("leftover"), { name: "leftover" });
A.callSoon(log, "A: never runs");
A.callLater(0.1, log, "A: timer never fires");
function close_a() {
  log("B: A closed?", A.isClosed());
  A.close();
  log("B: A closed now", A.isClosed(), "A running", A.isRunning());
  try_("B: A.call_soon", () => A.callSoon(print));
  try_("B: A.create_task", () => A.createTask(a_job("x")));
  try_("B: close B itself", () => B.close());
  B.stop();
}
B.callSoon(close_a);
await B.runForever();
print("leftover", leftover.done(), "B closed", B.isClosed());

print("-- 5 C after A closed");
const C = aio.newEventLoop();
aio.setEventLoop(C);
const c_main = aio.coroutine(function* c_main() {
  where("C: main");
  yield* aio.sleep(0.05);
  log("C: leftover still pending", !leftover.done());
  return "c done";
});
print("C result", await C.runUntilComplete(c_main()));
print("get_event_loop", who(aio.getEventLoop()));
try_("A.run_forever", () => A.runForever());
for (const lp of [B, C]) lp.close();
print("closed", A.isClosed(), B.isClosed(), C.isClosed());
