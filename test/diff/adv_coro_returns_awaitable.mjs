import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// Generator twin only: an async function returning a thenable (a Future, Task or coroutine) has
// its promise adopt it, so `await` of it gives the awaitable's result (JavaScript semantics).
const it = [0];

const clock = aio.coroutine(function* (stop) {
  while (!stop.done()) {
    it[0] += 1;
    yield* aio.sleep(0);
  }
});

const inner = aio.coroutine(function* (tag) {
  print("inner", tag, "runs at", it[0]);
  yield* aio.sleep(0);
  return "inner " + tag;
});

const makeFuture = aio.coroutine(function* () {
  const loop = aio.getRunningLoop();
  const f = loop.createFuture();
  loop.callSoon((v) => f.setResult(v), "late");
  return f;
});

const makeCoro = aio.coroutine(function* (tag) {
  return inner(tag);
});

const makeTask = aio.coroutine(function* (tag) {
  return aio.createTask(inner(tag));
});

const makeSleep = aio.coroutine(function* () {
  return aio.sleep(0, "slept");
});

const bad = aio.coroutine(function* (msg) {
  print("bad", msg, "runs at", it[0]);
  throw new ValueError(msg);
});

await aio.run(function* () {
  const stop = aio.getRunningLoop().createFuture();
  const ck = aio.createTask(clock(stop));
  yield* aio.sleep(0);

  print("== coroutines that return awaitables");
  const f = yield* makeFuture();
  print("future?", aio.isFuture(f), "done", f.done(), "at", it[0]);
  print("await it ->", yield* f, "at", it[0]);
  let c = yield* makeCoro("c");
  print("coroutine?", aio.isCoroutine(c), "at", it[0]);
  print("await it ->", yield* c, "at", it[0]);
  let t = yield* makeTask("t");
  print("task?", t instanceof aio.Task, "done", t.done(), "at", it[0]);
  print("await it ->", yield* t, "at", it[0]);
  const s = yield* makeSleep();
  print("coroutine?", aio.isCoroutine(s));
  print("await it ->", yield* s, "at", it[0]);
  c = yield* makeCoro("twice");
  print("await (await ...) ->", yield* c);

  print("== a task whose coroutine returns a future");
  const t2 = aio.createTask(makeFuture());
  let r = yield* t2;
  print("result is a future", aio.isFuture(r), "not the task", r !== t2, "done", r.done());
  print("await it ->", yield* r);
  const g = yield* aio.gather(makeCoro("g1"), makeCoro("g2"));
  print("gather gave coroutines", g.map((x) => aio.isCoroutine(x)));
  print("gather them ->", yield* aio.gather(...g));

  print("== exceptions before the first await");
  t = aio.createTask(bad("task"));
  print("created, done", t.done());
  yield* aio.sleep(0);
  print("after one iteration done", t.done(), "exception", repr(t.exception()));
  try {
    yield* bad("direct");
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("direct ->", repr(str(e)), "at", it[0]);
  }
  const ok = aio.createTask(inner("beside"));
  try {
    yield* aio.gather(bad("g-first"), ok, bad("g-second"));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("gather ->", repr(str(e)), "at", it[0], "ok done", ok.done());
  }
  print("ok ->", yield* ok);
  r = yield* aio.gather(bad("r1"), inner("r"), bad("r2"), { returnExceptions: true });
  print("gather(return_exceptions) ->", r);
  try {
    yield* aio.waitFor(bad("wait_for"), 1);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("wait_for ->", repr(str(e)));
  }
  try {
    yield* aio.shield(bad("shield"));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("shield ->", repr(str(e)));
  }
  const [done, pending] = yield* aio.wait([aio.createTask(bad("wait"))]);
  print("wait ->", done.size, pending.size, [...done].map((x) => repr(x.exception())));
  const fut = aio.ensureFuture(bad("ensure_future"));
  print("ensure_future gives a task", fut instanceof aio.Task, fut.done());
  try {
    yield* fut;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print("ensure_future ->", repr(str(e)));
  }

  stop.setResult(null);
  yield* ck;
});
