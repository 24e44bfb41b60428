import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// asCompleted's awaitables handed to several consumers at once: all of them collected first
// and run as tasks started in reverse order (each takes the next completion in the order the
// consumers started waiting, whichever awaitable it holds), gather() over them with and
// without returnExceptions under a timeout, a consumer cancelled while it waits (its
// completion goes to the next one), a cancelled input (the consumer gets its CancelledError but
// is not itself cancelled), the same awaitable awaited twice, and how many iterations each
// await takes once the timeout has passed (none: the TimeoutError is queued).

let ticks = 0;

const ticker = aio.coroutine(function* ticker() {
  for (;;) {
    yield* aio.sleep(0);
    ticks += 1;
  }
});

function desc(x) {
  if (x instanceof Error) return x.name + "(" + repr(str(x)) + ")";
  return repr(x);
}

const consumer = aio.coroutine(function* consumer(label, aw, count = true) {
  const me = aio.currentTask();
  const t0 = ticks;
  try {
    const r = yield* aw;
    print("  ", label, "got", repr(r), "after", ticks - t0, "ticks");
    return r;
  } catch (e) {
    if (e instanceof aio.CancelledError) {
      print("  ", label, "CancelledError", repr(str(e)), "cancelling", me.cancelling());
      if (me.cancelling()) throw e;
      return "input cancelled";
    }
    if (e instanceof aio.TimeoutError || e instanceof ValueError) {
      print("  ", label, desc(e), "after", count ? ticks - t0 : "some", "ticks");
      return e.name;
    }
    throw e;
  }
});

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  const tk = aio.createTask(ticker());
  yield* aio.sleep(0);

  print("-- all awaitables collected, consumers started in reverse order");
  let fs = [0, 1, 2, 3].map(() => loop.createFuture());
  let aws = [...aio.asCompleted(fs)];
  print("count", aws.length);
  const tasks = [3, 2, 1, 0].map((i) => aio.createTask(consumer("c" + i, aws[i])));
  yield* aio.sleep(0);
  loop.callSoon((v) => fs[2].setResult(v), "f2");
  loop.callSoon((e) => fs[0].setException(e), new ValueError("f0 bad"));
  yield* aio.sleep(0);
  fs[3].cancel("f3 gone");
  fs[1].setResult("f1");
  for (const t of tasks) print("  task returned", repr(yield* t));

  print("-- gather over them, timeout passes");
  fs = [0, 1, 2].map(() => loop.createFuture());
  loop.callSoon((v) => fs[1].setResult(v), "one");
  loop.callLater(0.01, (v) => fs[0].setResult(v), "zero");
  let g = aio.gather(...aio.asCompleted(fs, { timeout: 0.1 }), { returnExceptions: true });
  const r = yield* g;
  print("  return_exceptions ->", r.map(desc));
  print("  fs[2] done", fs[2].done());
  fs[2].setResult("after");

  fs = [0, 1, 2].map(() => loop.createFuture());
  loop.callSoon((v) => fs[2].setResult(v), "two");
  g = aio.gather(...aio.asCompleted(fs, { timeout: 0.05 }));
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof aio.TimeoutError)) throw e;
    print("  gather raised", desc(e));
  }
  yield* aio.sleep(0);
  print("  children: all done after one more iteration", g.done());
  fs[0].setException(new ValueError("late failure"));
  print("  late failure retrieved", desc(fs[0].exception()));

  print("-- a waiting consumer cancelled: its completion goes to the next");
  fs = [0, 1].map(() => loop.createFuture());
  const it = aio.asCompleted(fs)[Symbol.iterator]();
  const a = aio.createTask(consumer("a", it.next().value));
  const b = aio.createTask(consumer("b", it.next().value));
  yield* aio.sleep(0);
  fs[0].setResult("first");
  print("  cancel a ->", a.cancel("a out"));
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  print("  a", a.cancelled() ? "cancelled" : a.result(), "b", b.done() ? b.result() : "pending");
  print("  leftover iterator", [...{ [Symbol.iterator]: () => it }].map((x) => typeof x));
  fs[1].setResult("second");
  yield* aio.sleep(0);

  print("-- timeout passes, then every await raises at once");
  fs = [0, 1, 2].map(() => loop.createFuture());
  aws = [...aio.asCompleted(fs, { timeout: 0.05 })];
  const w = aio.createTask(consumer("early", aws[0], false));
  yield* aio.sleep(0.1);
  print("  early done", w.done());
  fs[0].setResult("too late");
  for (const [i, aw] of aws.slice(1).entries()) yield* consumer("late" + i, aw);
  print("  reuse:");
  try {
    yield* aws[1];
  } catch (e) {
    if (!(e instanceof aio.RuntimeError)) throw e;
    print("  ", desc(e));
  }

  print("-- an exhausted as_completed gives nothing more");
  const f = loop.createFuture();
  f.setResult("x");
  const ac = aio.asCompleted([f, f]);
  const first = [...ac];
  print("  first pass", first.length, "second pass", [...ac].length);
  print("  value", yield* first[0]);
  tk.cancel();
});

await aio.run(main);
