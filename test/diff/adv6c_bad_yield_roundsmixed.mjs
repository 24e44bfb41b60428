import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// A generator coroutine that yields something a task cannot wait on (a number, a string, a
// list, a dict, a bool, zero, a function, a generator object) gets the task's bad-yield error
// thrown back in at its next step (one iteration later, after the callbacks already queued):
// caught at the innermost level it yields again (a bare yield, a real future); caught levels
// up it unwinds the finally clauses in between; uncaught it fails the task and the loop goes
// on. A cancel() requested while the error is on its way replaces it with CancelledError.
// Mixed: main, the clock and outer are async functions; the yielding levels generators.
// (aionode throws TypeError where asyncio throws RuntimeError, by design: printed as BadYield.)

const it = [0];

function kind(e) {
  if (e instanceof TypeError && String(e.message).includes("got bad yield")) return "BadYield";
  return e.constructor.name;
}

const clock = aio.coroutine(async function (stop) {
  while (!stop.done()) {
    print("-- iteration", it[0]);
    it[0] += 1;
    await aio.sleep(0);
  }
});

function plain() {
  return 1;
}

function* genObj() {
  yield 1;
}

function* raw(v) {
  const r = yield v;
  return r;
}

function* catcher(tag, v) {
  try {
    yield v;
    print(tag, "no error?");
  } catch (e) {
    if (e instanceof aio.CancelledError) throw e; // Python's `except Exception`
    print(tag, "caught", kind(e), "at iteration", it[0]);
  }
  const r = yield;
  print(tag, "after bare yield, got", repr(r), "at iteration", it[0]);
  return tag + "-done";
}

const middle = aio.coroutine(function* (tag, v) {
  try {
    return yield* raw(v);
  } finally {
    print(tag, "middle finally at iteration", it[0]);
  }
});

const outer = aio.coroutine(async function (tag, v) {
  try {
    const r = await middle(tag, v);
    print(tag, "outer got", repr(r));
  } catch (e) {
    if (e instanceof aio.CancelledError) throw e;
    print(tag, "outer caught", kind(e), "at iteration", it[0]);
  }
  const fut = aio.getRunningLoop().createFuture();
  aio.getRunningLoop().callSoon((x) => fut.setResult(x), tag + "-fut");
  const r = await fut;
  print(tag, "outer then awaited a future:", repr(r));
  return r;
});

await aio.run(async function () {
  const loop = aio.getRunningLoop();
  const stop = loop.createFuture();
  const ck = aio.createTask(clock(stop));
  await aio.sleep(0);

  print("== caught at the innermost level, one value at a time");
  const values = [["num", 42], ["str", "x"], ["list", [1, 2]], ["dict", { a: 1 }], ["true", true],
    ["zero", 0], ["func", plain], ["gen", null]];
  for (let [tag, v] of values) {
    if (tag === "gen") v = genObj();
    const t = aio.createTask(catcher(tag, v), { name: tag });
    print(tag, "result", await t, "at iteration", it[0]);
  }

  print("== several at once, interleaved with callbacks");
  const ts = [];
  [7, "s", 0.5].forEach((v, i) => {
    ts.push(aio.createTask(catcher(`m${i}`, v)));
    loop.callSoon(print, "callback", i, "at iteration", it[0]);
  });
  print("gathered", await aio.gather(...ts));

  print("== caught two levels up");
  for (const [tag, v] of [["o1", 1], ["o2", "two"]]) {
    print(tag, "result", await aio.createTask(outer(tag, v)));
  }

  print("== uncaught: the task fails");
  let t = aio.createTask(middle("u", 99), { name: "U" });
  try {
    await t;
  } catch (e) {
    print("U failed with", kind(e), "done", t.done(), "cancelled", t.cancelled());
  }

  print("== cancel() while the error is on its way");
  t = aio.createTask(catcher("c", 5), { name: "C" });
  await aio.sleep(0);
  print("C yielded its bad value; cancel ->", t.cancel("stop C"));
  print("cancelling", t.cancelling());
  try {
    await t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("C cancelled", repr(str(e)), t.cancelled());
  }

  print("== cancel() before the first step: nothing runs");
  t = aio.createTask(catcher("d", 5), { name: "D" });
  print("cancel ->", t.cancel());
  try {
    await t;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
    print("D cancelled", t.cancelled());
  }

  print("== the loop still works");
  print("sleep ->", await aio.sleep(0, "fine"));
  stop.setResult(null);
  await ck;
  print("end at iteration", it[0]);
});
