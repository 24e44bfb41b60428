import * as aio from "aionode";
import { print } from "./pyfmt.mjs";
import { ValueError } from "./task_util.mjs";

// repr() of Tasks where aionode differs from asyncio 3.11 (source locations dropped, as the
// README documents): the 'cancelling' state, the wait_for=<...> part, the name shown with
// repr() (quotes escaped), reprlib's shortening of long string results, and the class name of
// gather()'s future (in its repr and in its "never retrieved" message).

function show(label, obj) {
  print(label, typeof obj === "string" ? obj : String(obj));
}

const child = aio.coroutine(function* child(fut) {
  return yield* fut;
});

const sleeper = aio.coroutine(function* sleeper() {
  yield* aio.sleep(10);
});

const fails = aio.coroutine(function* fails() {
  throw new ValueError("bad");
});

const returns = aio.coroutine(function* returns(v) {
  return v;
});

let leftover = null;

const main = aio.coroutine(function* main() {
  const loop = aio.getRunningLoop();
  const fut = loop.createFuture();
  const t = aio.createTask(child(fut), { name: "waiter" });
  yield* aio.sleep(0);
  show("1 waiting on a future", t);
  const w = aio.createTask(child(t), { name: "outer" });
  yield* aio.sleep(0);
  show("2 waiting on a task", w);
  print("cancel ->", t.cancel());
  show("3 after cancel()", t);
  yield* aio.sleep(0);
  show("4 cancelled", t);

  const s = aio.createTask(sleeper(), { name: "sleeper" });
  s.cancel();
  show("5 cancel() before start", s);
  print("uncancel ->", s.uncancel());
  show("6 after uncancel()", s);
  yield* aio.sleep(0);
  show("7 ended", s);

  const q = aio.createTask(returns(1), { name: "it's" });
  show("8 name with a quote", q);
  q.setName("tab\there");
  show("9 name with a tab", q);
  yield* q;

  const r = aio.createTask(returns("x".repeat(40)), { name: "long" });
  yield* r;
  show("10 long string result", r);

  const g = aio.gather(fails());
  show("11 gather future", g);
  yield* aio.sleep(0);
  yield* aio.sleep(0);
  show("12 gather failed", g);
  loop.callExceptionHandler({ message: "dummy" }); // the handler prints messages
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof aio.CancelledError)) throw e;
  }
  leftover = g;
});

function handler(loop, context) {
  print("handler:", context.message);
}

const loop = aio.newEventLoop();
loop.setExceptionHandler(handler);
await loop.runUntilComplete(main());
leftover = null;
loop.close();
