import * as aio from "aionode";
import { print, repr } from "./pyfmt.mjs";

// A task's generator (a raw generator object, which asyncio 3.11's tasks take) driven from
// outside while the task waits on a future inside it: main throws into it (getCoro().throw()),
// closes it (return()), or sends into it (next(v)). The generator runs those bits of its body in
// main's step (currentTask() says so). A throw it catches sends it on to its next future, which
// throw() returns to main, marked as awaited; when the task's own future completes, the task
// resumes the generator inside that other future's await, which is still pending: "await wasn't
// used with future" is raised there (caught, the generator goes on). A return() runs the finally
// clause in main, and the task later resumes a finished generator: it ends with None. A throw the
// generator does not catch reaches main, and the task ends with None too. A next() while the
// task waits yields the same future again (now marked), so a third task awaiting that future
// directly gets "await wasn't used with future" at once, and after it is done, its result. A task
// cancelled after an outside throw moved its generator on: the cancellation reaches the future
// the task waits on, and the CancelledError lands at the generator's current await.
// Async twin: main, the clock, outcome and direct are async functions (the bodies stay generators).

class ValueError extends Error {}
class KeyError extends Error {}

const it = [0];

function name() {
  const t = aio.currentTask();
  return t !== null ? t.getName() : null;
}

const clock = aio.coroutine(async function (stop) {
  while (!stop.done()) {
    print("-- iteration", it[0]);
    it[0] += 1;
    await aio.sleep(0);
  }
});

function* body(tag, futs) {
  print("  ", tag, "starts in", name());
  try {
    const got = [];
    for (const [i, f] of futs.entries()) {
      try {
        const r = yield* f;
        print("  ", tag, "round", i, "got", repr(r), "in", name());
        got.push(r);
      } catch (e) {
        if (e instanceof ValueError) print("  ", tag, "round", i, "caught ValueError", repr(e.message), "in", name());
        else if (e instanceof aio.RuntimeError) print("  ", tag, "round", i, "caught RuntimeError", repr(e.message), "in", name());
        else throw e;
      }
    }
    print("  ", tag, "returns", got, "in", name());
    return got;
  } finally {
    print("  ", tag, "finally in", name());
  }
}

const outcome = aio.coroutine(async function (t) {
  try {
    const r = await t;
    print(t.getName(), "result", repr(r));
  } catch (e) {
    if (e instanceof aio.CancelledError) print(t.getName(), "cancelled", repr(e.message));
    else print(t.getName(), "failed", e.constructor.name, repr(e.message));
  }
});

function setter(f, v) {
  if (!f.done()) {
    print("  set", v);
    f.setResult(v);
  }
}

const direct = aio.coroutine(async function (f) {
  try {
    const r = await f;
    print("   direct await got", repr(r), "in", name());
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("   direct await RuntimeError", repr(e.message), "in", name());
  }
});

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const stop = loop.createFuture();
  const ck = aio.createTask(clock(stop));
  await aio.sleep(0);

  print("== throw() caught: the generator moves on behind the task's back");
  let futs = [0, 1, 2].map(() => loop.createFuture());
  let t = aio.createTask(body("t1", futs), { name: "T1" });
  await aio.sleep(0);
  let nxt = t.getCoro().throw(new ValueError("from main")).value;
  print("throw returned futs[1]:", nxt === futs[1], "T1 done", t.done());
  loop.callSoon(setter, futs[0], "a");
  await aio.sleep(0);
  await aio.sleep(0);
  print("T1 done", t.done());
  loop.callSoon(setter, futs[1], "b");
  await aio.sleep(0);
  await aio.sleep(0);
  print("T1 done", t.done());
  loop.callSoon(setter, futs[2], "c");
  await outcome(t);

  print("== close(): the finally runs in main, the task ends with None");
  futs = [0, 1].map(() => loop.createFuture());
  t = aio.createTask(body("t2", futs), { name: "T2" });
  await aio.sleep(0);
  t.getCoro().return();
  print("closed; T2 done", t.done());
  loop.callSoon(setter, futs[0], "a");
  await outcome(t);
  print("futs[1] untouched:", futs[1].done());

  print("== throw() not caught: it reaches main");
  futs = [0, 1].map(() => loop.createFuture());
  t = aio.createTask(body("t3", futs), { name: "T3" });
  await aio.sleep(0);
  try {
    t.getCoro().throw(new KeyError("k"));
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print("main got KeyError", repr(e.message));
  }
  loop.callSoon(setter, futs[0], "a");
  await outcome(t);

  print("== send() while the task waits");
  futs = [0, 1].map(() => loop.createFuture());
  t = aio.createTask(body("t4", futs), { name: "T4" });
  await aio.sleep(0);
  const again = t.getCoro().next("ignored").value;
  print("send returned futs[0] again:", again === futs[0]);
  await aio.createTask(direct(futs[0]), { name: "D4" });
  loop.callSoon(setter, futs[0], "a");
  await aio.sleep(0);
  await aio.createTask(direct(futs[0]), { name: "D4b" });
  loop.callSoon(setter, futs[1], "b");
  await outcome(t);

  print("== cancelled after an outside throw");
  futs = [0, 1, 2].map(() => loop.createFuture());
  t = aio.createTask(body("t5", futs), { name: "T5" });
  await aio.sleep(0);
  nxt = t.getCoro().throw(new ValueError("moved")).value;
  print("moved to futs[1]:", nxt === futs[1]);
  print("cancel ->", t.cancel("stop T5"));
  await outcome(t);
  print("futs[0] cancelled", futs[0].cancelled(), "futs[1] done", futs[1].done());
  await aio.createTask(direct(futs[1]), { name: "D5" });
  futs[1].setResult("late");
  await aio.createTask(direct(futs[1]), { name: "D5b" });

  print("== the loop goes on:", await aio.sleep(0, "ok"));
  for (const f of futs) f.cancel();
  stop.setResult(null);
  await ck;
  print("end at iteration", it[0]);
});
