import * as aio from "aionode";
import { print, repr, str } from "./pyfmt.mjs";

// shield(): the awaiting task is cancelled while the inner work goes on; what happens to the
// inner work's result or exception once the outer future is cancelled. Steps are driven by gates
// and a fixed number of sleep(0) ticks.

class ValueError extends Error {
  constructor(m) {
    super(m ?? "");
    this.name = "ValueError";
  }
}

const log = [];
const isCancel = (e) => e instanceof aio.CancelledError;

const ticks = aio.coroutine(function* (n) {
  for (let i = 0; i < n; i++) yield* aio.sleep(0);
});

const work = aio.coroutine(function* (name, gate, exc = null) {
  print("work start", name);
  let v;
  try {
    v = yield* gate;
  } catch (e) {
    if (isCancel(e)) print("work cancelled", name, repr(str(e)));
    throw e;
  }
  if (exc !== null) {
    print("work fails", name);
    throw exc;
  }
  print("work returns", name);
  return name + "-" + String(v);
});

const waiter = aio.coroutine(function* (aw) {
  try {
    return yield* aio.shield(aw);
  } catch (e) {
    if (!isCancel(e)) throw e;
    const me = aio.currentTask();
    print("waiter cancelled", repr(str(e)), "cancelling", me.cancelling());
    throw e;
  }
});

const finisher = aio.coroutine(function* (t) {
  try {
    return yield* aio.shield(t);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("finisher: first cancel", repr(str(e)), "cancelling", aio.currentTask().cancelling());
    try {
      return yield* t;
    } catch (e2) {
      if (!isCancel(e2)) throw e2;
      print("finisher: second cancel", repr(str(e2)), "cancelling", aio.currentTask().cancelling());
      throw e2;
    }
  }
});

const selfCancel = aio.coroutine(function* (t) {
  aio.currentTask().cancel("self");
  try {
    yield* aio.shield(t);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("self_cancel:", repr(str(e)), "inner done", t.done());
    return "resisted";
  }
});

await aio.run(function* () {
  const loop = aio.getRunningLoop();
  loop.setExceptionHandler((l, ctx) => log.push(ctx.message + " " + (ctx.exception == null ? "NoneType" : ctx.exception.name)));

  print("-- the awaiting task is cancelled with a message");
  let gate = loop.createFuture();
  let inner = aio.createTask(work("a", gate));
  let w = aio.createTask(waiter(inner));
  yield* ticks(1);
  print("cancel ->", w.cancel("m1"), "inner cancelling", inner.cancelling());
  try {
    yield* w;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main: w", repr(str(e)), "inner done", inner.done());
  }
  gate.setResult(1);
  print("inner result", yield* inner);

  print("-- the task finishes the work after the shield was cancelled, then is cancelled again");
  gate = loop.createFuture();
  inner = aio.createTask(work("b", gate));
  let fin = aio.createTask(finisher(inner));
  yield* ticks(1);
  fin.cancel("c1");
  yield* ticks(1);
  print("fin done", fin.done(), "inner done", inner.done());
  fin.cancel("c2");
  try {
    yield* fin;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main: fin", repr(str(e)), "inner cancelled", inner.cancelled());
  }

  print("-- the same, but the task swallows the first cancellation and the work finishes");
  gate = loop.createFuture();
  inner = aio.createTask(work("c", gate));
  fin = aio.createTask(finisher(inner));
  yield* ticks(1);
  fin.cancel("c3");
  yield* ticks(1);
  gate.setResult(3);
  print("fin result", yield* fin, "cancelling", fin.cancelling(), "cancelled", fin.cancelled());

  print("-- the inner work finishes in the iteration the waiting task is cancelled");
  gate = loop.createFuture();
  inner = aio.createTask(work("d", gate));
  w = aio.createTask(waiter(inner));
  yield* ticks(1);
  gate.setResult(4);
  yield* aio.sleep(0);
  print("inner done", inner.done(), "w waiting");
  print("cancel ->", w.cancel("m-late"));
  try {
    print("w result", yield* w);
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main: w", repr(str(e)), "inner result", inner.result());
  }

  print("-- the inner work fails in the iteration the shield is cancelled (retrieved by shield)");
  gate = loop.createFuture();
  let s = aio.shield(work("e", gate, new ValueError("e-err")));
  yield* ticks(1);
  gate.setResult(5);
  yield* aio.sleep(0);
  print("cancel shield ->", s.cancel("m-e"));
  yield* ticks(3);

  print("-- the inner work is cancelled after the shield was");
  gate = loop.createFuture();
  inner = aio.createTask(work("f", gate));
  s = aio.shield(inner);
  yield* ticks(1);
  s.cancel();
  yield* ticks(1);
  inner.cancel("f-msg");
  yield* ticks(1);
  print("s cancelled", s.cancelled(), "inner cancelled", inner.cancelled());

  print("-- the task cancels itself, then awaits a shield");
  gate = loop.createFuture();
  inner = aio.createTask(work("g", gate));
  const sc = aio.createTask(selfCancel(inner));
  print("sc result", yield* sc, "cancelling", sc.cancelling());
  gate.setResult(7);
  print("inner result", yield* inner);

  print("-- inner cancelled directly: the shield's waiter sees a message-less CancelledError");
  gate = loop.createFuture();
  inner = aio.createTask(work("h", gate));
  w = aio.createTask(waiter(inner));
  yield* ticks(1);
  inner.cancel("h-msg");
  try {
    yield* w;
  } catch (e) {
    if (!isCancel(e)) throw e;
    print("main: w", repr(str(e)), "cancelled", w.cancelled(), "cancelling", w.cancelling());
  }
  print("log in main", log);
});
print("log", log);
