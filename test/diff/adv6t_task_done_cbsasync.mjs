import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A task's done callbacks against the other things that wait on it: a callback added before an
// awaiting task starts waiting and one added after, gather()'s and shield()'s callbacks, a
// callback the task adds to itself while it runs, one added twice and removed (remove returns
// 2) before the end; what the callbacks see (state, result or the CancelledError's message,
// cancelling()); removing a callback that is already scheduled (returns 0 and it still runs);
// a callback added from a callback (it runs after the ones already queued); a callback that
// cancels another task, whose callbacks then run a step later; a task cancelled before its
// first step.

const order = [];

function cb(label) {
  return (t) => {
    let what;
    if (t.cancelled()) {
      try {
        t.result();
      } catch (e) {
        what = "cancelled " + repr(str(e));
      }
    } else if (t.exception() !== null) what = "exception " + repr(t.exception());
    else what = "result " + repr(t.result());
    order.push(label);
    print("    cb", label, what, "cancelling", t.cancelling());
  };
}

const work = aio.coroutine(async function work(v, pause = 0.01) {
  const me = aio.currentTask();
  me.addDoneCallback(cb("self-added"));
  await aio.sleep(pause);
  return v;
});

const awaiter = aio.coroutine(async function awaiter(label, t) {
  try {
    const r = await t;
    order.push(label);
    print("    awaiter", label, "got", repr(r));
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    order.push(label);
    print("    awaiter", label, "CancelledError", repr(str(e)));
  }
});

const main = aio.coroutine(async function main() {
  const loop = aio.getRunningLoop();
  print("-- ordering against awaiters, gather and shield");
  let t = aio.createTask(work("T"), { name: "T" });
  t.addDoneCallback(cb("before"));
  const twice = cb("twice");
  t.addDoneCallback(twice);
  t.addDoneCallback(twice);
  const w1 = aio.createTask(awaiter("w1", t));
  await aio.sleep(0);
  t.addDoneCallback(cb("after-w1"));
  const g = aio.gather(t);
  g.addDoneCallback(() => print("    gather outer done"));
  const s = aio.shield(t);
  s.addDoneCallback(() => print("    shield outer done"));
  const w2 = aio.createTask(awaiter("w2", t));
  await aio.sleep(0);
  print("  remove twice ->", t.removeDoneCallback(twice), "again ->", t.removeDoneCallback(twice));
  await aio.gather(w1, w2);
  await aio.sleep(0);
  print("  order", order);

  print("-- removal of a scheduled callback, a callback adding one, a callback cancelling");
  order.length = 0;
  const f = loop.createFuture();
  const victim = aio.createTask(awaiter("victim", f), { name: "V" });
  victim.addDoneCallback(cb("victim-cb"));
  t = aio.createTask(work("U", 0), { name: "U" });
  const late = cb("late");
  const remover = (u) => {
    print("    remover: remove late ->", u.removeDoneCallback(late));
    u.addDoneCallback(cb("added-in-cb"));
    print("    remover: cancel victim ->", victim.cancel("from a callback"));
  };
  t.addDoneCallback(remover);
  t.addDoneCallback(late);
  await t;
  await aio.sleep(0);
  await aio.sleep(0);
  await aio.sleep(0);
  print("  order", order);

  print("-- cancelled before its first step");
  order.length = 0;
  t = aio.createTask(work("never"), { name: "N" });
  t.addDoneCallback(cb("n1"));
  print("  cancel ->", t.cancel("early"), "cancelling", t.cancelling());
  t.addDoneCallback(cb("n2"));
  const w = aio.createTask(awaiter("n-awaiter", t));
  await aio.sleep(0);
  await aio.sleep(0);
  await aio.sleep(0);
  print("  order", order, "awaiter done", w.done());
  t.addDoneCallback(cb("n3-after-done"));
  print("  remove n3 right away ->", t.removeDoneCallback(cb("x")), "(another function)");
  await aio.sleep(0);
  print("loop goes on", await aio.sleep(0, "ok"));
});

await aio.run(main);
